"""The table of e-mail sign-ups waiting for their confirmation link (migration 0008)."""

from __future__ import annotations

from sqlalchemy import JSON, Column, ForeignKey, Index, Integer, String, Table

from parceltrail.adapters.db.tables import UTCDateTime, metadata

# A visitor without an account asks for e-mails about one parcel: the address gets a link, and only
# following it creates the subscription. The link's token is kept as its SHA-256, never in clear.
email_optins = Table(
    "email_optins",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("email", String(254), nullable=False),
    Column("shipment_id", Integer, ForeignKey("shipments.id", ondelete="CASCADE"), nullable=False),
    Column("language", String(16), nullable=False),
    Column("timezone", String(64), nullable=False),
    Column("events", JSON, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("expires_at", UTCDateTime(), nullable=False),
    Column("confirmed_at", UTCDateTime()),
    Column("subscription_id", Integer, ForeignKey("subscriptions.id", ondelete="SET NULL")),
    Index("ix_email_optins_email_created_at", "email", "created_at"),
)
