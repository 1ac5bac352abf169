"""Tables of sessions and login throttling (migration 0010), on the shared metadata."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table

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
