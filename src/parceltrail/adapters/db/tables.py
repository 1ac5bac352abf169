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
    Column("connector", String(64)),
    Column("unfollowed_reason", Text),
    Column("carrier_source", String(16), nullable=False, server_default="detected"),
    Column("not_found_count", Integer, nullable=False, server_default="0"),
    Column("not_found_since", UTCDateTime()),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    Column("viewed_at", UTCDateTime()),  # wall time its public page was last looked at (to the day)
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

# marketplace: users, number ranges, orders, their items and packages (migration 0003) -------------

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("account_id", Integer, ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
    Column("email", String(254), nullable=False),
    Column("password_hash", String(256), nullable=False),
    Column("role", String(16), nullable=False),
    Column("display_name", String(200), nullable=False),
    Column("address", JSON),
    Column("created_at", UTCDateTime(), nullable=False),
    UniqueConstraint("email", name="uq_users_email"),
    UniqueConstraint("account_id", name="uq_users_account_id"),
)

number_ranges = Table(
    "number_ranges",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("seller_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("country", String(2), nullable=False),
    Column("service_indicator", String(2), nullable=False),
    Column("first_serial", Integer, nullable=False),
    Column("last_serial", Integer, nullable=False),
    Column("next_serial", Integer, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Index("ix_number_ranges_seller_id", "seller_id"),
)

orders = Table(
    "orders",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("reference", String(64), nullable=False),
    Column("seller_id", Integer, ForeignKey("users.id", ondelete="RESTRICT"), nullable=False),
    Column("buyer_id", Integer, ForeignKey("users.id", ondelete="RESTRICT"), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("shipping_minor", Integer, nullable=False),
    Column("status", String(32), nullable=False),
    Column("protection_days", Integer, nullable=False),
    Column("ship_to", JSON, nullable=False),
    Column("ship_from", JSON, nullable=False),
    Column("placed_at", UTCDateTime(), nullable=False),
    Column("paid_at", UTCDateTime()),
    Column("shipped_at", UTCDateTime()),
    Column("delivered_at", UTCDateTime()),
    Column("received_at", UTCDateTime()),
    Column("completed_at", UTCDateTime()),
    Column("updated_at", UTCDateTime(), nullable=False),
    UniqueConstraint("reference", name="uq_orders_reference"),
    Index("ix_orders_seller_id", "seller_id", "id"),
    Index("ix_orders_buyer_id", "buyer_id", "id"),
)

order_items = Table(
    "order_items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("order_id", Integer, ForeignKey("orders.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("description", String(200), nullable=False),
    Column("sku", String(64)),
    Column("quantity", Integer, nullable=False),
    Column("unit_price_minor", Integer, nullable=False),
    Column("weight_grams", Integer),
    Column("hs_code", String(12)),
    Column("origin_country", String(2)),
    Index("ix_order_items_order_id", "order_id"),
)

order_packages = Table(
    "order_packages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("order_id", Integer, ForeignKey("orders.id", ondelete="CASCADE"), nullable=False),
    Column("shipment_id", Integer, ForeignKey("shipments.id", ondelete="RESTRICT"), nullable=False),
    Column("tracking_number", String(64), nullable=False),
    Column("carrier", String(64), nullable=False),
    Column("service", String(100)),
    Column("issued", Boolean, nullable=False),
    Column("weight_grams", Integer),
    Column("created_at", UTCDateTime(), nullable=False),
    UniqueConstraint("tracking_number", "carrier", name="uq_order_packages_number_carrier"),
    Index("ix_order_packages_order_id", "order_id"),
    Index("ix_order_packages_shipment_id", "shipment_id"),
)

# notifications: subscriptions, the outbox and what each subscriber last heard (migration 0004) ------

subscriptions = Table(
    "subscriptions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("account_id", Integer, ForeignKey("accounts.id", ondelete="CASCADE")),  # None: operator's
    Column("scope", String(16), nullable=False),  # account | order | tracking | shipment
    Column("tracking_id", String(32), ForeignKey("trackings.id", ondelete="CASCADE")),
    Column("shipment_id", Integer, ForeignKey("shipments.id", ondelete="CASCADE")),
    Column("order_id", String(256)),  # the trackings' order_id label
    Column("events", JSON, nullable=False),
    Column("channel", String(16), nullable=False),  # webhook | email | apprise
    Column("target", Text, nullable=False),
    Column("format", String(16), nullable=False),  # webhooks: native | aftership
    Column("secret", String(128), nullable=False),
    Column("language", String(16)),
    Column("timezone", String(64), nullable=False),
    Column("quiet_start", String(5)),  # HH:MM local
    Column("quiet_end", String(5)),
    Column("digest", Boolean, nullable=False, server_default="0"),
    Column("digest_hour", Integer, nullable=False, server_default="8"),
    Column("eta_days", Float),
    Column("stale_days", Float),
    Column("created_at", UTCDateTime(), nullable=False),
    Index("ix_subscriptions_account_id", "account_id"),
    Index("ix_subscriptions_tracking_id", "tracking_id"),
    Index("ix_subscriptions_shipment_id", "shipment_id"),
)

notifications = Table(
    "notifications",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", String(64), nullable=False),
    Column("subscription_id", Integer, ForeignKey("subscriptions.id", ondelete="CASCADE"), nullable=False),
    Column("shipment_id", Integer, ForeignKey("shipments.id", ondelete="SET NULL")),
    Column("stream", String(64), nullable=False),  # delivered in id order within a stream
    Column("kind", String(32), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("status", String(16), nullable=False),  # held | pending | delivered | dead | digested
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("next_attempt_at", UTCDateTime(), nullable=False),
    Column("expires_at", UTCDateTime(), nullable=False),  # retried until then, then dead-lettered
    Column("lease_owner", String(64)),
    Column("lease_until", UTCDateTime()),
    Column("delivered_at", UTCDateTime()),
    Column("last_error", Text),
    UniqueConstraint("event_id", name="uq_notifications_event_id"),
    Index("ix_notifications_status_next", "status", "next_attempt_at"),
    Index("ix_notifications_stream", "stream", "id"),
)

notification_state = Table(
    "notification_state",
    metadata,
    Column("subscription_id", Integer, ForeignKey("subscriptions.id", ondelete="CASCADE"), primary_key=True),
    Column("shipment_id", Integer, ForeignKey("shipments.id", ondelete="CASCADE"), primary_key=True),
    Column("tag", String(32)),
    Column("subtag", String(40)),
    Column("tags_seen", JSON, nullable=False),
    Column("eta", String(10)),  # ISO date
    Column("stale_since", UTCDateTime()),  # the silence already reported
    Column("updated_at", UTCDateTime(), nullable=False),
)

# scale-out: shipment leases and shared per-carrier limits (migration 0005) ------------------------

# Appended rather than written into `shipments` above: set by a worker's claim, cleared by the
# ingestion transaction, expired when the worker died (see adapters/db/claims.py).
shipments.append_column(Column("lease_owner", String(96)))
shipments.append_column(Column("lease_until", UTCDateTime()))
Index("ix_shipments_due", shipments.c.next_check_at, shipments.c.id,
      postgresql_where=shipments.c.next_check_at.is_not(None),
      sqlite_where=shipments.c.next_check_at.is_not(None))

carrier_limits = Table(
    "carrier_limits",
    metadata,
    Column("carrier", String(64), primary_key=True),
    Column("rate", Float, nullable=False),  # requests per second
    Column("burst", Float, nullable=False),
    Column("tokens", Float, nullable=False),
    Column("refilled_at", Float, nullable=False),  # epoch seconds
    Column("max_concurrency", Integer),
)

carrier_slots = Table(
    "carrier_slots",
    metadata,
    Column("carrier", String(64), primary_key=True),
    Column("slot", Integer, primary_key=True),
    Column("lease_owner", String(96)),
    Column("lease_until", Float),  # epoch seconds
)

# calendar feeds, the estimates parcels were given, what subscribers heard of them (migration 0011) ------

calendar_feeds = Table(
    "calendar_feeds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("token_hash", String(64), nullable=False),  # SHA-256 of the secret in the feed's URL
    Column("prefix", String(16), nullable=False),
    Column("timezone", String(64)),  # the user's zone, preferred where the destination country has several
    Column("language", String(16)),  # the language of the events' texts
    Column("created_at", UTCDateTime(), nullable=False),
    Column("revoked_at", UTCDateTime()),
    UniqueConstraint("token_hash", name="uq_calendar_feeds_token_hash"),
    Index("ix_calendar_feeds_user_id", "user_id"),
)

shipment_estimates = Table(
    "shipment_estimates",
    metadata,
    Column("shipment_id", Integer, ForeignKey("shipments.id", ondelete="CASCADE"), primary_key=True),
    Column("timezone", String(64), nullable=False),  # the destination's, where the days below are read
    Column("first_estimated_at", UTCDateTime(), nullable=False),  # the first estimate, kept for on-time rates
    Column("first_due_by", UTCDateTime(), nullable=False),  # the end of its last local day
    Column("first_last_day", String(10), nullable=False),
    Column("estimated_at", UTCDateTime(), nullable=False),  # the current estimate
    Column("expected", UTCDateTime(), nullable=False),
    Column("earliest", UTCDateTime(), nullable=False),
    Column("latest", UTCDateTime(), nullable=False),
    Column("first_day", String(10), nullable=False),  # ISO local dates of the window
    Column("expected_day", String(10), nullable=False),
    Column("last_day", String(10), nullable=False),
    Column("changed_at", UTCDateTime(), nullable=False),  # when the window's days last moved
)

notification_state.append_column(Column("eta_last_day", String(10)))  # the window's last day as told
notification_state.append_column(Column("late_for", String(10)))  # the last day whose passing was told

# what the ETA model predicted for each parcel at its start, for the interval calibrator (migration 0014) --

eta_handoffs = Table(
    "eta_handoffs",
    metadata,
    # the parcel's first leg: a chain of legs is one parcel, predicted once
    Column("shipment_id", Integer, ForeignKey("shipments.id", ondelete="CASCADE"), primary_key=True),
    Column("handed_off_at", UTCDateTime(), nullable=False),  # the reference moment of the prediction
    Column("median_days", Float, nullable=False),  # days after it
    Column("low_days", Float, nullable=False),
    Column("high_days", Float, nullable=False),
    Column("level", Float, nullable=False),
    Column("basis", String(160), nullable=False),
    Column("served_low_days", Float),  # the interval shown then (calibrated), whose misses steer the levels
    Column("served_high_days", Float),
    Column("recorded_at", UTCDateTime(), nullable=False),
    Index("ix_eta_handoffs_handed_off_at", "handed_off_at"),
)
