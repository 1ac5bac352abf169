"""Server-side sessions and login throttling, stored in the database so every server process agrees.

* A session is a random token in an HTTP-only cookie; the table keeps its SHA-256, its user, when it
  expires and whether it was revoked (logout, a password change, an administrator). Nothing about the
  password travels in the cookie.
* Failed logins are counted per key (`account:<e-mail>`, `address:<ip>`) in a sliding window; after
  `limit` failures each further one blocks that key for twice as long as the last (2 s, 4 s, ... up to
  `max_block`), and a successful login clears the account's count.

Times are wall-clock UTC (like leases): a session's life does not follow the demo's simulated clock.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from parceltrail.adapters.db.security_tables import auth_throttle, user_sessions
from parceltrail.adapters.db.uow import Store
from parceltrail.domain.errors import ConflictError

SESSION_LIFETIME = timedelta(days=14)
THROTTLE_WINDOW = timedelta(minutes=15)


def wall_now() -> datetime:
    return datetime.now(UTC)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def create_session(store: Store, user_id: int, now: datetime | None = None,
                   lifetime: timedelta = SESSION_LIFETIME) -> str:
    """A new session for `user_id`; returns the token for the cookie (never stored as such)."""
    now = now or wall_now()
    token = secrets.token_urlsafe(32)
    with store.transaction() as repo:
        repo.conn.execute(insert(user_sessions).values(
            id=_digest(token), user_id=user_id, created_at=now, expires_at=now + lifetime, last_seen_at=now))
        # Expired sessions of this user go when a new one starts: the table stays small.
        repo.conn.execute(delete(user_sessions).where(user_sessions.c.user_id == user_id,
                                                      user_sessions.c.expires_at < now))
    return token


def session_user(store: Store, token: str, now: datetime | None = None) -> int | None:
    """The user of a live session (not revoked, not expired), else None."""
    if not token or len(token) > 200:
        return None
    now = now or wall_now()
    with store.read() as repo:
        row = repo.conn.execute(select(user_sessions.c.user_id, user_sessions.c.expires_at,
                                       user_sessions.c.revoked_at)
                                .where(user_sessions.c.id == _digest(token))).first()
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        return None
    return int(row.user_id)


def revoke_session(store: Store, token: str, now: datetime | None = None) -> bool:
    now = now or wall_now()
    with store.transaction() as repo:
        done = repo.conn.execute(update(user_sessions).where(
            user_sessions.c.id == _digest(token), user_sessions.c.revoked_at.is_(None),
        ).values(revoked_at=now))
    return bool(done.rowcount)


def revoke_user_sessions(store: Store, user_id: int, now: datetime | None = None) -> int:
    """End every live session of a user (password change, an administrator's order); how many ended."""
    now = now or wall_now()
    with store.transaction() as repo:
        done = repo.conn.execute(update(user_sessions).where(
            user_sessions.c.user_id == user_id, user_sessions.c.revoked_at.is_(None),
            user_sessions.c.expires_at > now).values(revoked_at=now))
    return int(done.rowcount or 0)


def live_sessions(store: Store, user_id: int, now: datetime | None = None) -> int:
    now = now or wall_now()
    with store.read() as repo:
        rows = repo.conn.execute(select(user_sessions.c.id).where(
            user_sessions.c.user_id == user_id, user_sessions.c.revoked_at.is_(None),
            user_sessions.c.expires_at > now)).all()
    return len(rows)


@dataclass(frozen=True, slots=True)
class ThrottlePolicy:
    limit: int = 5  # failures allowed in the window before blocking starts
    max_block: timedelta = timedelta(minutes=15)


def blocked_for(store: Store, keys: list[str], now: datetime | None = None) -> float:
    """Seconds until every key may try again (0 when none is blocked)."""
    now = now or wall_now()
    with store.read() as repo:
        rows = repo.conn.execute(select(auth_throttle.c.blocked_until).where(
            auth_throttle.c.key.in_([k[:300] for k in keys]))).all()
    waits = [(row.blocked_until - now).total_seconds() for row in rows if row.blocked_until is not None]
    return max([0.0, *waits])


def record_failure(store: Store, key: str, policy: ThrottlePolicy, now: datetime | None = None) -> None:
    now = now or wall_now()
    key = key[:300]
    for _ in range(3):  # two processes may insert the same key at once: the loser updates
        try:
            with store.transaction() as repo:
                row = repo.conn.execute(select(auth_throttle).where(auth_throttle.c.key == key)).first()
                if row is None:
                    repo.conn.execute(insert(auth_throttle).values(key=key, failures=1, first_failure_at=now,
                                                                   blocked_until=None))
                    return
                failures, first = row.failures + 1, row.first_failure_at
                if now - first > THROTTLE_WINDOW and (row.blocked_until is None or row.blocked_until < now):
                    failures, first = 1, now
                blocked_until = None
                if failures > policy.limit:
                    seconds = min(policy.max_block.total_seconds(), 2.0 ** min(failures - policy.limit, 20))
                    blocked_until = now + timedelta(seconds=seconds)
                repo.conn.execute(update(auth_throttle).where(auth_throttle.c.key == key).values(
                    failures=failures, first_failure_at=first, blocked_until=blocked_until))
                return
        except (IntegrityError, ConflictError):
            continue


def clear_failures(store: Store, key: str) -> None:
    with store.transaction() as repo:
        repo.conn.execute(delete(auth_throttle).where(auth_throttle.c.key == key[:300]))
