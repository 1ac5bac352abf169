"""Tables of sessions and login throttling (migration 0010), shared request counts and password reset
tokens (migration 0013), on the shared metadata."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, ForeignKey, Index, Integer, String, Table

from parceltrail.adapters.db.tables import UTCDateTime, metadata

user_sessions = Table(
    "user_sessions",
    metadata,
    Column("id", String(64), primary_key=True),  # SHA-256 of the cookie's token
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("expires_at", UTCDateTime(), nullable=False),
    Column("last_seen_at", UTCDateTime(), nullable=False),
    Column("revoked_at", UTCDateTime()),
    Index("ix_user_sessions_user_id", "user_id"),
)

auth_throttle = Table(
    "auth_throttle",
    metadata,
    Column("key", String(300), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("first_failure_at", UTCDateTime(), nullable=False),
    Column("blocked_until", UTCDateTime()),
)

request_counts = Table(
    "request_counts",
    metadata,
    Column("key", String(300), primary_key=True),
    Column("period", BigInteger, primary_key=True),
    Column("count", Integer, nullable=False),
    Column("expires", BigInteger, nullable=False),  # Unix seconds after which the row is pruned
    Index("ix_request_counts_expires", "expires"),
)

password_resets = Table(
    "password_resets",
    metadata,
    Column("id", String(64), primary_key=True),  # SHA-256 of the e-mailed token
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("expires_at", UTCDateTime(), nullable=False),
    Column("used_at", UTCDateTime()),
    Index("ix_password_resets_user_id", "user_id"),
)
