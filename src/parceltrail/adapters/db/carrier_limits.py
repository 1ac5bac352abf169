"""Per-carrier rate and concurrency limits shared by every worker through the database.

- Rate: a token bucket per carrier in `carrier_limits` (rate requests/s, burst). Taking a token is one
  atomic ``UPDATE ... WHERE <enough tokens> RETURNING``: on PostgreSQL the row lock serializes concurrent
  takers (READ COMMITTED re-checks the condition on the latest row version), on SQLite the write lock does.
  Time is the database's clock on PostgreSQL, so workers on several machines share one bucket.
- Concurrency: `max_concurrency` slot rows per carrier in `carrier_slots`, leased like shipments: a worker
  that dies mid-request loses its slot when the lease expires.

Carriers without a row are unlimited. Configure with `configure()` (or `parceltrail worker --limit`).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from sqlalchemy import Connection, text

from parceltrail.adapters.db.uow import Store

SLOT_LEASE_SECONDS = 120.0
TAKEN = -1  # try_slot: every slot is in use


def _now_sql(conn: Connection) -> str:
    return "extract(epoch from clock_timestamp())::float8" if conn.dialect.name == "postgresql" else ":now"


@dataclass(frozen=True, slots=True)
class Limit:
    carrier: str
    rate: float  # requests per second, sustained
    burst: float  # bucket size
    max_concurrency: int | None = None


@dataclass(frozen=True, slots=True)
class Permit:
    carrier: str
    slot: int | None  # None when the carrier has no concurrency limit
    owner: str


class CarrierLimiter:
    """Blocking acquire/release of a carrier request permit, shared through the database."""

    def __init__(self, store: Store, *, slot_lease: float = SLOT_LEASE_SECONDS) -> None:
        self.store = store
        self.slot_lease = slot_lease

    # configuration --------------------------------------------------------------------------------------
    def configure(self, limit: Limit) -> None:
        """Create or change a carrier's limits (the bucket starts full)."""
        with self.store.transaction() as repo:
            conn = repo.conn
            params = {"c": limit.carrier, "rate": limit.rate, "burst": limit.burst,
                      "mc": limit.max_concurrency, "now": time.time()}
            conn.execute(text("DELETE FROM carrier_limits WHERE carrier = :c"), params)
            conn.execute(text(
                "INSERT INTO carrier_limits (carrier, rate, burst, tokens, refilled_at, max_concurrency) "
                f"VALUES (:c, :rate, :burst, :burst, {_now_sql(conn)}, :mc)"), params)
            conn.execute(text("DELETE FROM carrier_slots WHERE carrier = :c AND slot >= :n"),
                         {"c": limit.carrier, "n": limit.max_concurrency or 0})
            for slot in range(limit.max_concurrency or 0):
                exists = conn.execute(text("SELECT 1 FROM carrier_slots WHERE carrier = :c AND slot = :s"),
                                      {"c": limit.carrier, "s": slot}).first()
                if not exists:
                    conn.execute(text("INSERT INTO carrier_slots (carrier, slot) VALUES (:c, :s)"),
                                 {"c": limit.carrier, "s": slot})

    # tokens -----------------------------------------------------------------------------------------------
    def try_take(self, carrier: str) -> float:
        """Take one token: 0.0 on success (or no limit), else the seconds to wait before trying again."""
        with self.store.transaction() as repo:
            conn = repo.conn
            now = _now_sql(conn)
            avail = f"least(burst, tokens + greatest(0, {now} - refilled_at) * rate)" \
                if conn.dialect.name == "postgresql" else \
                f"min(burst, tokens + max(0, {now} - refilled_at) * rate)"
            taken = conn.execute(text(
                f"UPDATE carrier_limits SET tokens = {avail} - 1, refilled_at = {now} "
                f"WHERE carrier = :c AND {avail} >= 1 RETURNING tokens"),
                {"c": carrier, "now": time.time()}).first()
            if taken is not None:
                return 0.0
            row = conn.execute(text(f"SELECT {avail}, rate FROM carrier_limits WHERE carrier = :c"),
                               {"c": carrier, "now": time.time()}).first()
        if row is None:
            return 0.0  # no limit configured
        available, rate = float(row[0]), float(row[1])
        return max(0.001, (1.0 - available) / rate) if rate > 0 else 1.0

    # slots --------------------------------------------------------------------------------------------------
    def try_slot(self, carrier: str, owner: str) -> int | None:
        """A concurrency slot number, None if the carrier has no concurrency limit, TAKEN if all are."""
        with self.store.transaction() as repo:
            conn = repo.conn
            limited = conn.execute(text("SELECT max_concurrency FROM carrier_limits WHERE carrier = :c"),
                                   {"c": carrier}).first()
            if limited is None or limited[0] is None:
                return None
            now = _now_sql(conn)
            free = "(lease_owner IS NULL OR lease_until < " + now + ")"
            lock = " FOR UPDATE SKIP LOCKED" if conn.dialect.name == "postgresql" else ""
            row = conn.execute(text(
                f"UPDATE carrier_slots SET lease_owner = :o, lease_until = {now} + :lease "
                "WHERE carrier = :c AND slot = (SELECT slot FROM carrier_slots WHERE carrier = :c "
                f"AND {free} ORDER BY slot LIMIT 1{lock}) AND {free} RETURNING slot"),
                {"c": carrier, "o": owner, "lease": self.slot_lease, "now": time.time()}).first()
            return int(row[0]) if row is not None else TAKEN

    def release(self, permit: Permit) -> None:
        if permit.slot is None:
            return
        with self.store.transaction() as repo:
            repo.conn.execute(text(
                "UPDATE carrier_slots SET lease_owner = NULL, lease_until = NULL "
                "WHERE carrier = :c AND slot = :s AND lease_owner = :o"),
                {"c": permit.carrier, "s": permit.slot, "o": permit.owner})

    def acquire(self, carrier: str, owner: str, stop: threading.Event | None = None,
                max_wait: float = 1.0) -> Permit | None:
        """Wait for a slot and a token; None only if `stop` was set meanwhile."""
        stop = stop or threading.Event()
        while True:
            slot = self.try_slot(carrier, owner)
            if slot != TAKEN:
                break
            if stop.wait(0.05):
                return None
        permit = Permit(carrier, slot, owner)
        while True:
            wait = self.try_take(carrier)
            if wait == 0.0:
                return permit
            if stop.wait(min(wait, max_wait)):
                self.release(permit)
                return None
