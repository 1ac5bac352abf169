"""SQLAlchemy Core tables. The schema itself is created only by the Alembic migrations."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores instants as naive UTC (SQLite has no time zones) and always returns aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

shipments = Table(
    "shipments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("tracking_number", String(64), nullable=False),
    Column("carrier", String(64), nullable=False),
    Column("format", String(64)),
    Column("service_class", String(40)),
    Column("origin_country", String(2)),
    Column("destination_country", String(2)),
    Column("tag", String(32), nullable=False),
    Column("subtag", String(40), nullable=False),
    Column("first_event_at", UTCDateTime()),
    Column("last_event_at", UTCDateTime()),
    Column("next_check_at", UTCDateTime()),
    Column("last_checked_at", UTCDateTime()),
    Column("failure_count", Integer, nullable=False, server_default="0"),
    Column("last_error", Text),
    Column("previous_leg_id", Integer, ForeignKey("shipments.id", ondelete="SET NULL")),
    Column("next_leg_id", Integer, ForeignKey("shipments.id", ondelete="SET NULL")),
    Column("trackable", Boolean, nullable=False, server_default="1"),
    Column("untrackable_reason", Text),
    Column("simulated", Boolean, nullable=False, server_default="0"),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    UniqueConstraint("tracking_number", "carrier", name="uq_shipments_number_carrier"),
    Index("ix_shipments_next_check_at", "next_check_at"),
)

raw_payloads = Table(
    "raw_payloads",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("shipment_id", Integer, ForeignKey("shipments.id", ondelete="CASCADE"), nullable=False),
    Column("source", String(64), nullable=False),
    Column("retrieved_at", UTCDateTime(), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("body", Text, nullable=False),
    Index("ix_raw_payloads_shipment_id", "shipment_id"),
)

tracking_events = Table(
    "tracking_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("shipment_id", Integer, ForeignKey("shipments.id", ondelete="CASCADE"), nullable=False),
    Column("fingerprint", String(32), nullable=False),
    Column("occurred_at", UTCDateTime(), nullable=False),
    Column("utc_offset_minutes", Integer, nullable=False),
    Column("raw_text", Text, nullable=False),
    Column("raw_code", String(64)),
    Column("location", Text),
    Column("country", String(2)),
    Column("city", String(128)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("lang", String(8)),
    Column("tag", String(32)),
    Column("subtag", String(40)),
    Column("classified", Boolean, nullable=False),
    Column("classifier_rule", String(128)),
    Column("confidence", Float),
    Column("source", String(64), nullable=False),
    Column("raw_payload_id", Integer, ForeignKey("raw_payloads.id", ondelete="SET NULL")),
    Column("retrieved_at", UTCDateTime(), nullable=False),
    UniqueConstraint("shipment_id", "fingerprint", name="uq_tracking_events_shipment_fingerprint"),
    Index("ix_tracking_events_shipment_occurred", "shipment_id", "occurred_at"),
)

# accounts, API keys and trackings (migration 0002) -------------------------------------------------

accounts = Table(
    "accounts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    UniqueConstraint("name", name="uq_accounts_name"),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("account_id", Integer, ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
    Column("key_hash", String(64), nullable=False),
    Column("prefix", String(16), nullable=False),
    Column("scope", String(16), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("revoked_at", UTCDateTime()),
    Column("last_used_at", UTCDateTime()),
    UniqueConstraint("key_hash", name="uq_api_keys_key_hash"),
    Index("ix_api_keys_account_id", "account_id"),
)

trackings = Table(
    "trackings",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("account_id", Integer, ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
    Column("shipment_id", Integer, ForeignKey("shipments.id", ondelete="CASCADE"), nullable=False),
    Column("title", String(256)),
    Column("order_id", String(256)),
    Column("order_number", String(256)),
    Column("customer_name", String(256)),
    Column("customer_emails", JSON, nullable=False),
    Column("language", String(16)),
    Column("custom_fields", JSON, nullable=False),
    Column("note", Text),
    Column("slug", String(64)),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    Column("completed_at", UTCDateTime()),
    Column("completed_reason", String(32)),
    Column("retrack_count", Integer, nullable=False, server_default="0"),
    UniqueConstraint("account_id", "shipment_id", name="uq_trackings_account_shipment"),
    Index("ix_trackings_account_created", "account_id", "created_at", "id"),
    Index("ix_trackings_shipment_id", "shipment_id"),
)
