"""Plain types of notifications: what a subscriber wants to hear about, and one message in the outbox."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class EventKind(StrEnum):
    STATUS_CHANGE = "status_change"  # any change of subtag
    CHECKPOINT = "checkpoint"  # any new carrier event, even without a status change
    DELIVERED = "delivered"
    EXCEPTION = "exception"
    NOT_UPDATED = "not_updated"  # no new event for `stale_days`
    ETA_CHANGED = "eta_changed"  # the estimated delivery day moved by at least `eta_days` (default 1)
    LATE = "late"  # the last day of the estimate passed without delivery (once per estimate)
    DIGEST = "digest"  # the daily digest (never subscribed to directly)


SUBSCRIBABLE = tuple(k for k in EventKind if k is not EventKind.DIGEST)


class ChannelKind(StrEnum):
    WEBHOOK = "webhook"
    EMAIL = "email"
    APPRISE = "apprise"
    WEBPUSH = "webpush"  # a browser's push subscription: target = its endpoint, secret = its keys


class WebhookFormat(StrEnum):
    NATIVE = "native"
    AFTERSHIP = "aftership"


class Scope(StrEnum):
    ACCOUNT = "account"  # every tracking of the account
    ORDER = "order"  # the account's trackings labelled with this order_id
    TRACKING = "tracking"  # one tracking of the account
    SHIPMENT = "shipment"  # one shipment (operator subscriptions from the CLI)


class Status(StrEnum):
    HELD = "held"  # waiting for the subscriber's daily digest
    PENDING = "pending"  # to be delivered (or being delivered, when leased)
    DELIVERED = "delivered"
    DEAD = "dead"  # gave up; replay with `parceltrail outbox replay`
    DIGESTED = "digested"  # folded into a digest notification


@dataclass(slots=True)
class Subscription:
    id: int
    scope: Scope
    events: list[EventKind]
    channel: ChannelKind
    target: str
    created_at: datetime
    secret: str
    account_id: int | None = None
    tracking_id: str | None = None
    shipment_id: int | None = None
    order_id: str | None = None
    format: WebhookFormat = WebhookFormat.NATIVE
    language: str | None = None
    timezone: str = "UTC"
    quiet_start: str | None = None  # "HH:MM" in `timezone`
    quiet_end: str | None = None
    digest: bool = False
    digest_hour: int = 8
    eta_days: float | None = None
    stale_days: float | None = None

    def wants(self, kind: EventKind) -> bool:
        return kind in self.events


@dataclass(slots=True)
class Notification:
    id: int
    event_id: str
    subscription_id: int
    stream: str
    kind: EventKind
    payload: dict[str, Any]
    status: Status
    attempts: int
    created_at: datetime
    next_attempt_at: datetime
    expires_at: datetime
    shipment_id: int | None = None
    lease_owner: str | None = None
    lease_until: datetime | None = None
    delivered_at: datetime | None = None
    last_error: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one delivery attempt. `permanent` failures are dead-lettered without retrying."""

    ok: bool
    reason: str = ""
    permanent: bool = False
    retry_after_seconds: float | None = None
    gone: bool = False  # the receiver says this subscription no longer exists (a push service's 404/410)

    @classmethod
    def success(cls) -> Outcome:
        return cls(True)


@dataclass(slots=True)
class DispatchReport:
    claimed: int = 0
    delivered: int = 0
    retried: int = 0
    dead: int = 0
    errors: list[str] = field(default_factory=list)
