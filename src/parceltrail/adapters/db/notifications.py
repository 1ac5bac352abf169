"""Subscriptions, the outbox and per-subscriber state: read and written through the caller's connection.

Claims are safe with several dispatchers on SQLite and PostgreSQL alike: a notification is taken with a
conditional UPDATE (status still pending, lease free or expired, no older undelivered notification in its
stream) and only the dispatcher whose UPDATE changed the row delivers it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import fields
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Connection,
    Interval,
    and_,
    delete,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from parceltrail.adapters.db.tables import notification_state, notifications, subscriptions, trackings
from parceltrail.domain.notifications import (
    ChannelKind,
    EventKind,
    Notification,
    Scope,
    Status,
    Subscription,
    WebhookFormat,
)

_SUB_COLUMNS = [f.name for f in fields(Subscription) if f.name != "id"]
_OPEN = (Status.PENDING.value,)  # statuses that hold back later notifications of the same stream


def _subscription(row: Mapping[str, Any]) -> Subscription:
    values = {name: row[name] for name in _SUB_COLUMNS}
    values["scope"] = Scope(values["scope"])
    values["events"] = [EventKind(e) for e in values["events"] or [] if e in EventKind.__members__.values()]
    values["channel"] = ChannelKind(values["channel"])
    values["format"] = WebhookFormat(values["format"])
    return Subscription(id=row["id"], **values)


def _notification(row: Mapping[str, Any]) -> Notification:
    return Notification(
        id=row["id"], event_id=row["event_id"], subscription_id=row["subscription_id"], stream=row["stream"],
        kind=EventKind(row["kind"]), payload=dict(row["payload"] or {}), status=Status(row["status"]),
        attempts=row["attempts"], created_at=row["created_at"], next_attempt_at=row["next_attempt_at"],
        expires_at=row["expires_at"], shipment_id=row["shipment_id"], lease_owner=row["lease_owner"],
        lease_until=row["lease_until"], delivered_at=row["delivered_at"], last_error=row["last_error"])


def stream_of(subscription_id: int, shipment_id: int | None) -> str:
    return f"{subscription_id}:{shipment_id if shipment_id is not None else 'digest'}"


class NotificationRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # subscriptions -------------------------------------------------------------------------------
    def add_subscription(self, subscription: Subscription) -> Subscription:
        values = {name: getattr(subscription, name) for name in _SUB_COLUMNS}
        values["events"] = [e.value for e in subscription.events]
        for name in ("scope", "channel", "format"):
            values[name] = values[name].value
        subscription.id = self.conn.execute(
            insert(subscriptions).values(**values).returning(subscriptions.c.id)).scalar_one()
        return subscription

    def subscription(self, subscription_id: int, account_id: int | None = None) -> Subscription | None:
        query = select(subscriptions).where(subscriptions.c.id == subscription_id)
        if account_id is not None:
            query = query.where(subscriptions.c.account_id == account_id)
        row = self.conn.execute(query).mappings().first()
        return _subscription(row) if row else None

    def subscriptions(self, account_id: int | None = None, *, all_accounts: bool = False,
                      tracking_id: str | None = None) -> list[Subscription]:
        query = select(subscriptions).order_by(subscriptions.c.id)
        if not all_accounts:
            query = query.where(subscriptions.c.account_id == account_id if account_id is not None
                                else subscriptions.c.account_id.is_(None))
        if tracking_id is not None:
            query = query.where(subscriptions.c.tracking_id == tracking_id)
        return [_subscription(row) for row in self.conn.execute(query).mappings()]

    def delete_subscription(self, subscription_id: int, account_id: int | None = None) -> bool:
        stmt = delete(subscriptions).where(subscriptions.c.id == subscription_id)
        if account_id is not None:
            stmt = stmt.where(subscriptions.c.account_id == account_id)
        return bool(self.conn.execute(stmt).rowcount)

    def matching(self, shipment_ids: Sequence[int]) -> list[tuple[Subscription, int, str | None]]:
        """Every subscription that follows one of these shipments (legs of one parcel), once each, with
        the shipment it follows and the tracking (if any) through which it does."""
        ids = list(shipment_ids)
        found: dict[int, tuple[Subscription, int, str | None]] = {}
        direct = select(subscriptions).where(subscriptions.c.scope == Scope.SHIPMENT.value,
                                             subscriptions.c.shipment_id.in_(ids))
        for row in self.conn.execute(direct.order_by(subscriptions.c.id)).mappings():
            found.setdefault(row["id"], (_subscription(row), row["shipment_id"], None))
        via = (select(subscriptions, trackings.c.id.label("t_id"),
                      trackings.c.shipment_id.label("t_shipment"))
               .join(trackings, trackings.c.account_id == subscriptions.c.account_id)
               .where(trackings.c.shipment_id.in_(ids), trackings.c.completed_at.is_(None),
                      or_(and_(subscriptions.c.scope == Scope.TRACKING.value,
                               subscriptions.c.tracking_id == trackings.c.id),
                          and_(subscriptions.c.scope == Scope.ORDER.value,
                               subscriptions.c.order_id == trackings.c.order_id),
                          subscriptions.c.scope == Scope.ACCOUNT.value))
               .order_by(subscriptions.c.id, trackings.c.shipment_id))
        for row in self.conn.execute(via).mappings():
            found.setdefault(row["id"], (_subscription(row), row["t_shipment"], row["t_id"]))
        return [found[key] for key in sorted(found)]

    def followed_shipments(self, subscription: Subscription) -> list[tuple[int, str | None]]:
        """(shipment id, tracking id) pairs a subscription follows right now."""
        if subscription.scope is Scope.SHIPMENT:
            return [(subscription.shipment_id, None)] if subscription.shipment_id is not None else []
        query = select(trackings.c.shipment_id, trackings.c.id).where(
            trackings.c.account_id == subscription.account_id, trackings.c.completed_at.is_(None))
        if subscription.scope is Scope.TRACKING:
            query = query.where(trackings.c.id == subscription.tracking_id)
        elif subscription.scope is Scope.ORDER:
            query = query.where(trackings.c.order_id == subscription.order_id)
        return [(row[0], row[1]) for row in self.conn.execute(query.order_by(trackings.c.shipment_id))]

    # per-subscriber state ------------------------------------------------------------------------
    def state(self, subscription_id: int, shipment_id: int) -> dict[str, Any] | None:
        row = self.conn.execute(select(notification_state).where(
            notification_state.c.subscription_id == subscription_id,
            notification_state.c.shipment_id == shipment_id)).mappings().first()
        return dict(row) if row else None

    def save_state(self, subscription_id: int, shipment_id: int, now: datetime, **values: Any) -> None:
        """Insert or update (one statement, so concurrent writers never fail the caller's transaction)."""
        changes = {"updated_at": now, **values}
        row = {"subscription_id": subscription_id, "shipment_id": shipment_id, "tags_seen": [], **changes}
        dialect = self.conn.dialect.name
        stmt: Any
        if dialect == "postgresql":
            stmt = postgresql.insert(notification_state).values(**row)
        elif dialect == "sqlite":
            stmt = sqlite.insert(notification_state).values(**row)
        else:  # pragma: no cover - only SQLite and PostgreSQL are supported
            raise RuntimeError(f"unsupported database {dialect}")
        self.conn.execute(stmt.on_conflict_do_update(
            index_elements=["subscription_id", "shipment_id"],
            set_={key: stmt.excluded[key] for key in changes}))

    # the outbox ----------------------------------------------------------------------------------
    def enqueue(self, *, event_id: str, subscription_id: int, shipment_id: int | None, kind: EventKind,
                payload: Mapping[str, Any], status: Status, now: datetime, not_before: datetime,
                expires_at: datetime) -> int:
        return self.conn.execute(insert(notifications).values(
            event_id=event_id, subscription_id=subscription_id, shipment_id=shipment_id,
            stream=stream_of(subscription_id, shipment_id), kind=kind.value, payload=dict(payload),
            status=status.value, attempts=0, created_at=now, next_attempt_at=not_before,
            expires_at=expires_at).returning(notifications.c.id)).scalar_one()

    def event_exists(self, event_id: str) -> bool:
        return self.conn.execute(select(notifications.c.id).where(notifications.c.event_id == event_id)
                                 ).first() is not None

    def notification(self, notification_id: int) -> Notification | None:
        row = self.conn.execute(select(notifications).where(notifications.c.id == notification_id)
                                ).mappings().first()
        return _notification(row) if row else None

    def notifications(self, *, status: Status | None = None, subscription_id: int | None = None,
                      limit: int = 100) -> list[Notification]:
        query = select(notifications).order_by(notifications.c.id).limit(limit)
        if status is not None:
            query = query.where(notifications.c.status == status.value)
        if subscription_id is not None:
            query = query.where(notifications.c.subscription_id == subscription_id)
        return [_notification(row) for row in self.conn.execute(query).mappings()]

    def counts(self) -> dict[str, int]:
        query = select(notifications.c.status, func.count()).group_by(notifications.c.status)
        rows = self.conn.execute(query)
        return {status: count for status, count in rows}

    def _head_of_stream(self) -> Any:
        older = notifications.alias("older")
        return ~exists().where(older.c.stream == notifications.c.stream, older.c.id < notifications.c.id,
                               older.c.status.in_(_OPEN))

    def _lease_clock(self) -> Any:
        """Leases run on one clock for every dispatcher: the database's on PostgreSQL (dispatchers on
        machines with skewed clocks, or on the demo's scaled clock, never both hold a notification), this
        machine's wall clock on SQLite (one machine)."""
        if self.conn.dialect.name == "postgresql":
            return func.timezone("UTC", func.clock_timestamp())
        return datetime.now(UTC)

    def _lease_until(self, lease_now: Any, lease: timedelta) -> Any:
        if isinstance(lease_now, datetime):
            return lease_now + lease
        return lease_now + literal(lease, Interval())

    def _claimable(self, now: datetime, lease_now: Any = None) -> Any:
        lease_now = lease_now if lease_now is not None else self._lease_clock()
        return and_(notifications.c.status == Status.PENDING.value, notifications.c.next_attempt_at <= now,
                    or_(notifications.c.lease_until.is_(None), notifications.c.lease_until < lease_now),
                    self._head_of_stream())

    def claim(self, owner: str, now: datetime, lease: timedelta, limit: int) -> list[Notification]:
        """Lease up to `limit` deliverable notifications (the oldest undelivered one of each stream)."""
        lease_now = self._lease_clock()
        candidates = self.conn.execute(select(notifications.c.id).where(self._claimable(now, lease_now))
                                       .order_by(notifications.c.next_attempt_at, notifications.c.id)
                                       .limit(limit)).scalars().all()
        claimed = []
        for notification_id in candidates:
            result = self.conn.execute(
                update(notifications)
                .where(notifications.c.id == notification_id, self._claimable(now, lease_now))
                .values(lease_owner=owner, lease_until=self._lease_until(lease_now, lease),
                        attempts=notifications.c.attempts + 1))
            if result.rowcount == 1:
                claimed.append(notification_id)
        if not claimed:
            return []
        rows = self.conn.execute(select(notifications).where(notifications.c.id.in_(claimed))
                                 .order_by(notifications.c.id)).mappings()
        return [_notification(row) for row in rows]

    def _mine(self, notification_id: int, owner: str) -> Any:
        return and_(notifications.c.id == notification_id, notifications.c.lease_owner == owner,
                    notifications.c.status == Status.PENDING.value)

    def mark_delivered(self, notification_id: int, owner: str, now: datetime) -> bool:
        return bool(self.conn.execute(update(notifications).where(self._mine(notification_id, owner)).values(
            status=Status.DELIVERED.value, delivered_at=now, lease_owner=None, lease_until=None,
            last_error=None)).rowcount)

    def mark_retry(self, notification_id: int, owner: str, next_attempt_at: datetime, error: str) -> bool:
        return bool(self.conn.execute(update(notifications).where(self._mine(notification_id, owner)).values(
            next_attempt_at=next_attempt_at, lease_owner=None, lease_until=None, last_error=error[:2000])
        ).rowcount)

    def mark_dead(self, notification_id: int, owner: str, reason: str) -> bool:
        return bool(self.conn.execute(update(notifications).where(self._mine(notification_id, owner)).values(
            status=Status.DEAD.value, lease_owner=None, lease_until=None, last_error=reason[:2000])
        ).rowcount)

    def replay(self, now: datetime, expires_at: datetime, notification_id: int | None = None) -> int:
        """Put dead (or, by id, delivered) notifications back in the queue; returns how many."""
        stmt = update(notifications).values(status=Status.PENDING.value, attempts=0, next_attempt_at=now,
                                            expires_at=expires_at, lease_owner=None, lease_until=None)
        if notification_id is None:
            stmt = stmt.where(notifications.c.status == Status.DEAD.value)
        else:
            stmt = stmt.where(notifications.c.id == notification_id,
                              notifications.c.status.in_((Status.DEAD.value, Status.DELIVERED.value)))
        return self.conn.execute(stmt).rowcount

    def due_held(self, now: datetime) -> list[Notification]:
        rows = self.conn.execute(select(notifications).where(
            notifications.c.status == Status.HELD.value, notifications.c.next_attempt_at <= now)
            .order_by(notifications.c.subscription_id, notifications.c.id)).mappings()
        return [_notification(row) for row in rows]

    def mark_digested(self, ids: Sequence[int]) -> None:
        self.conn.execute(update(notifications).where(notifications.c.id.in_(list(ids)),
                                                      notifications.c.status == Status.HELD.value)
                          .values(status=Status.DIGESTED.value))
