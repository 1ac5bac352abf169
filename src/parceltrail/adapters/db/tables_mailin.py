"""Tables of mail intake (migration 0009): mail-in addresses, orders and parcels read from shipping
e-mails, the intake log, messages already handled, connected IMAP mailboxes and household shares."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from parceltrail.adapters.db.tables import UTCDateTime, metadata

mailin_addresses = Table(
    "mailin_addresses",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("token", String(32), nullable=False),
    Column("allowed_senders", JSON, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("rotated_at", UTCDateTime()),
    UniqueConstraint("token", name="uq_mailin_addresses_token"),
)

mail_orders = Table(
    "mail_orders",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("shop", String(64), nullable=False),
    Column("order_number", String(64), nullable=False),
    Column("items", JSON, nullable=False),
    Column("total_minor", BigInteger),
    Column("currency", String(3)),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    UniqueConstraint("user_id", "shop", "order_number", name="uq_mail_orders_user_shop_number"),
)

intake_log = Table(
    "intake_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("channel", String(16), nullable=False),  # smtp | imap
    Column("mailbox_id", Integer),
    Column("message_id", String(255)),
    Column("received_at", UTCDateTime(), nullable=False),
    Column("sender", String(254), nullable=False),
    Column("subject", String(255), nullable=False),
    Column("outcome", String(16), nullable=False),  # added | updated | duplicate | ignored
    Column("reason", String(64)),
    Column("detail", JSON, nullable=False),
    Index("ix_intake_log_user_received", "user_id", "received_at"),
)

mail_parcels = Table(
    "mail_parcels",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("mail_order_id", Integer, ForeignKey("mail_orders.id", ondelete="SET NULL")),
    Column("shipment_id", Integer, ForeignKey("shipments.id", ondelete="CASCADE"), nullable=False),
    Column("tracking_id", String(32), ForeignKey("trackings.id", ondelete="SET NULL")),
    Column("tracking_number", String(64), nullable=False),
    Column("carrier", String(64), nullable=False),
    Column("intake_id", Integer, ForeignKey("intake_log.id", ondelete="SET NULL")),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("removed_at", UTCDateTime()),
    Column("removed_reason", String(32)),  # undone | replaced
    Index("ix_mail_parcels_user", "user_id"),
    Index("ix_mail_parcels_order", "mail_order_id"),
)

# Messages already handled per user: Message-ID (or the body's digest), so a message moved or copied
# between folders, or delivered again, is handled once.
mail_seen = Table(
    "mail_seen",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("message_key", String(255), nullable=False),
    Column("seen_at", UTCDateTime(), nullable=False),
    UniqueConstraint("user_id", "message_key", name="uq_mail_seen_user_key"),
)

imap_mailboxes = Table(
    "imap_mailboxes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("host", String(253), nullable=False),
    Column("port", Integer, nullable=False),
    Column("security", String(16), nullable=False),  # tls | starttls | plain
    Column("username", String(254), nullable=False),
    Column("auth", String(16), nullable=False),  # password | oauth2
    Column("secret", Text, nullable=False),  # Fernet token of the password or OAuth2 access token
    Column("folder", String(255), nullable=False),
    Column("allowed_senders", JSON, nullable=False),
    Column("mark_seen", Boolean, nullable=False, server_default="0"),
    Column("uidvalidity", BigInteger),
    Column("last_uid", BigInteger, nullable=False, server_default="0"),
    Column("last_polled_at", UTCDateTime()),
    Column("last_error", Text),
    Column("created_at", UTCDateTime(), nullable=False),
)

shares = Table(
    "shares",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("owner_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("member_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("mail_order_id", Integer, ForeignKey("mail_orders.id", ondelete="CASCADE")),
    Column("mail_parcel_id", Integer, ForeignKey("mail_parcels.id", ondelete="CASCADE")),
    Column("permission", String(8), nullable=False),  # read | manage
    Column("created_at", UTCDateTime(), nullable=False),
    Index("ix_shares_member", "member_id"),
)
