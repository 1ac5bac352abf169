"""Request counts shared by every server process through the database, for the per-account and
per-address rate limits.

One row per (key, period): a request adds to its period's count with one atomic upsert
(``INSERT ... ON CONFLICT (key, period) DO UPDATE SET count = count + n RETURNING count``), serialized by
the row lock on PostgreSQL and by the write lock on SQLite, so the counts of N processes add up exactly.
Rows past their period are pruned by whichever process notices first (at most once a minute each).
Periods are numbered from each process's wall clock: processes on different machines need synced clocks
(NTP), as for session expiry.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite

from parceltrail.adapters.db.security_tables import request_counts
from parceltrail.adapters.db.uow import Store

PRUNE_EVERY_SECONDS = 60.0
MAX_KEY = 300


class SharedCounts:
    """`add(key, period, expires)` counts through the database and returns the period's total so far."""

    def __init__(self, store: Store, *, prune_every: float = PRUNE_EVERY_SECONDS,
                 wall: Callable[[], float] = time.time) -> None:
        self.store = store
        self.prune_every = prune_every
        self.wall = wall
        self._pruned_at = 0.0
        self._lock = threading.Lock()
        dialect = postgresql if store.engine.dialect.name == "postgresql" else sqlite
        stmt = dialect.insert(request_counts)
        self._upsert = stmt.on_conflict_do_update(
            index_elements=["key", "period"],
            set_={"count": request_counts.c.count + stmt.excluded.count},
        ).returning(request_counts.c.count)

    def add(self, key: str, period: int, expires: int, amount: int = 1) -> int:
        with self.store.engine.begin() as conn:
            total = conn.execute(self._upsert, {"key": key[:MAX_KEY], "period": period, "count": amount,
                                                "expires": expires}).scalar_one()
        self._maybe_prune()
        return int(total)

    def _maybe_prune(self) -> None:
        now = self.wall()
        with self._lock:
            if now - self._pruned_at < self.prune_every:
                return
            self._pruned_at = now
        with self.store.engine.begin() as conn:
            conn.execute(delete(request_counts).where(request_counts.c.expires < int(now)))

    def rows(self) -> int:
        """How many periods are stored (for tests and operators)."""
        with self.store.engine.connect() as conn:
            return len(conn.execute(request_counts.select()).all())
