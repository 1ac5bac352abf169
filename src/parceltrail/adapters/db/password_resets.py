"""One-time password reset tokens: the e-mailed link holds a random 256-bit token, the table only its
SHA-256, when it expires and when it was used. Redeeming is one conditional UPDATE (not used, not
expired), so a token works once even when two requests race; a successful reset also spends every other
token of the user. Wall-clock UTC, like sessions."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, insert, or_, select, update

from parceltrail.adapters.db.security_tables import password_resets
from parceltrail.adapters.db.uow import Store

MAX_TOKEN = 200


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def issue(store: Store, user_id: int, lifetime: timedelta, now: datetime | None = None) -> str:
    """A new reset token for `user_id` (returned for the e-mail, never stored as such)."""
    now = now or datetime.now(UTC)
    token = secrets.token_urlsafe(32)
    with store.transaction() as repo:
        # spent and expired tokens of this user go when a new one is made: the table stays small
        repo.conn.execute(delete(password_resets).where(
            password_resets.c.user_id == user_id,
            or_(password_resets.c.used_at.is_not(None), password_resets.c.expires_at <= now)))
        repo.conn.execute(insert(password_resets).values(
            id=_digest(token), user_id=user_id, created_at=now, expires_at=now + lifetime))
    return token


def holder(store: Store, token: str, now: datetime | None = None) -> int | None:
    """The user a live token (unused, unexpired) belongs to, without spending it."""
    if not token or len(token) > MAX_TOKEN:
        return None
    now = now or datetime.now(UTC)
    with store.read() as repo:
        row = repo.conn.execute(select(password_resets.c.user_id).where(
            password_resets.c.id == _digest(token), password_resets.c.used_at.is_(None),
            password_resets.c.expires_at > now)).first()
    return int(row.user_id) if row else None


def redeem(store: Store, token: str, now: datetime | None = None) -> int | None:
    """Spend a live token: its user, or None when it is unknown, used or expired."""
    if not token or len(token) > MAX_TOKEN:
        return None
    now = now or datetime.now(UTC)
    digest = _digest(token)
    with store.transaction() as repo:
        spent = repo.conn.execute(update(password_resets).where(
            password_resets.c.id == digest, password_resets.c.used_at.is_(None),
            password_resets.c.expires_at > now).values(used_at=now))
        if spent.rowcount != 1:
            return None
        user_id = int(repo.conn.execute(select(password_resets.c.user_id).where(
            password_resets.c.id == digest)).scalar_one())
        repo.conn.execute(update(password_resets).where(
            password_resets.c.user_id == user_id, password_resets.c.used_at.is_(None)).values(used_at=now))
    return user_id
