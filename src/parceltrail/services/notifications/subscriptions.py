"""Subscribe and unsubscribe: validate a request, then store it (shared by the API and the CLI).

Every check runs before anything is written; bad input raises an InputError subclass with a stable code.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime

from parceltrail.domain.errors import InputError, LimitReachedError, NotFoundError
from parceltrail.domain.notifications import (
    SUBSCRIBABLE,
    ChannelKind,
    EventKind,
    Scope,
    Subscription,
    WebhookFormat,
)
from parceltrail.services.notifications.messages import notification_langs
from parceltrail.services.notifications.timing import InvalidScheduleError, parse_hhmm, zone
from parceltrail.services.notifications.urls import (
    TargetPolicy,
    check_address,
    check_apprise_url,
    check_webhook_url,
)
from parceltrail.services.ports import UnitOfWork
from parceltrail.status import base_lang

DEFAULT_EVENTS = (EventKind.STATUS_CHANGE,)
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}$")
MAX_ORDER_ID = 256


class InvalidSubscriptionError(InputError):
    code = "invalid_subscription"


@dataclass(slots=True)
class SubscriptionRequest:
    channel: str
    target: str
    events: list[str] = field(default_factory=lambda: [e.value for e in DEFAULT_EVENTS])
    tracking_id: str | None = None
    shipment_id: int | None = None
    order_id: str | None = None
    format: str = WebhookFormat.NATIVE.value
    language: str | None = None
    timezone: str = "UTC"
    quiet_hours: str | None = None  # "22:00-07:00"
    digest: bool = False
    digest_hour: int = 8
    eta_days: float | None = None
    stale_days: float | None = None


def parse_events(values: list[str]) -> list[EventKind]:
    kinds: list[EventKind] = []
    for raw in values:
        for part in raw.split(","):
            name = part.strip().lower().replace("-", "_")
            if not name:
                continue
            if name == "all":
                kinds.extend(SUBSCRIBABLE)
                continue
            try:
                kind = EventKind(name)
            except ValueError:
                kind = None
            if kind is None or kind not in SUBSCRIBABLE:
                raise InvalidSubscriptionError(
                    f"unknown event {name[:40]!r}; one of {', '.join(k.value for k in SUBSCRIBABLE)}, all")
            kinds.append(kind)
    if not kinds:
        raise InvalidSubscriptionError("give at least one event to notify about")
    return list(dict.fromkeys(kinds))


def parse_quiet_hours(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    start, sep, end = value.partition("-")
    if not sep:
        raise InvalidScheduleError(f"quiet hours {value[:20]!r} must look like 22:00-07:00")
    first, second = parse_hhmm(start), parse_hhmm(end)
    return first.strftime("%H:%M"), second.strftime("%H:%M")


def validate(request: SubscriptionRequest, *, allow_private: bool = False,
             targets: TargetPolicy | None = None) -> None:
    """Every check of a request that does not need the database (`targets`: the operator's policy;
    without it only `allow_private` is taken from the settings)."""
    targets = targets or TargetPolicy(allow_private=allow_private)
    try:
        channel = ChannelKind(request.channel)
    except ValueError:
        raise InvalidSubscriptionError("channel must be webhook, email or apprise") from None
    target = request.target.strip()
    if not target:
        raise InvalidSubscriptionError("give where to send the notifications (URL or e-mail address)")
    if channel is ChannelKind.WEBPUSH:
        raise InvalidSubscriptionError("web push subscriptions come from a browser: turn them on from the "
                                       "parcel's page")
    if channel is ChannelKind.WEBHOOK:
        check_webhook_url(target, targets=targets)
    elif channel is ChannelKind.EMAIL:
        request.target = check_address(target)  # stored as it will be sent
    else:
        check_apprise_url(target, targets=targets)
    if request.format not in {f.value for f in WebhookFormat}:
        raise InvalidSubscriptionError("format must be native or aftership")
    parse_events(request.events)
    zone(request.timezone)
    parse_quiet_hours(request.quiet_hours)
    if not 0 <= request.digest_hour <= 23:
        raise InvalidScheduleError("digest_hour must be 0-23")
    if request.language is not None and (
            not _LANGUAGE_TAG.match(request.language)
            or base_lang(request.language) not in notification_langs()):
        raise InvalidSubscriptionError(f"language must be one of {', '.join(notification_langs())}")
    for name, value in (("eta_days", request.eta_days), ("stale_days", request.stale_days)):
        if value is not None and not 0 < value <= 365:
            raise InvalidSubscriptionError(f"{name} must be more than 0 and at most 365")
    if request.order_id is not None and not 0 < len(request.order_id) <= MAX_ORDER_ID:
        raise InvalidSubscriptionError("order_id must be 1-256 characters")


def create(uow: UnitOfWork, account_id: int | None, request: SubscriptionRequest, now: datetime, *,
           allow_private: bool = False, targets: TargetPolicy | None = None,
           limit: int | None = None) -> Subscription:
    """Store a subscription through `uow` (the caller's transaction). The scope is the tracking, the shipment
    or the order when one is given, else the whole account. The current status of what it follows is
    remembered, so the first notification is about a real change."""
    validate(request, allow_private=allow_private, targets=targets)
    if sum(x is not None for x in (request.tracking_id, request.shipment_id, request.order_id)) > 1:
        raise InvalidSubscriptionError("give at most one of tracking_id, tracking_number and order_id")
    accounts = uow.accounts
    if limit is not None and account_id is not None:
        held = len(uow.notifications.subscriptions(account_id))
        if held >= limit:
            raise LimitReachedError(f"this account has {held} subscriptions, the most this server allows")
    scope = Scope.ACCOUNT
    if request.tracking_id is not None:
        scope = Scope.TRACKING
        tracking = accounts.tracking(account_id, request.tracking_id) if account_id is not None else None
        if tracking is None:
            raise NotFoundError(f"Tracking {request.tracking_id[:64]} does not exist.")
    elif request.shipment_id is not None:
        scope = Scope.SHIPMENT
        if uow.shipments.get(request.shipment_id) is None:
            raise NotFoundError(f"no shipment {request.shipment_id}")
    elif request.order_id is not None:
        scope = Scope.ORDER
    if account_id is None and scope is not Scope.SHIPMENT:
        raise InvalidSubscriptionError("an operator subscription needs a tracking number")
    quiet_start, quiet_end = parse_quiet_hours(request.quiet_hours)
    notes = uow.notifications
    subscription = notes.add_subscription(Subscription(
        id=0, scope=scope, events=parse_events(request.events), channel=ChannelKind(request.channel),
        target=request.target.strip(), created_at=now, secret=secrets.token_urlsafe(32),
        account_id=account_id, tracking_id=request.tracking_id, shipment_id=request.shipment_id,
        order_id=request.order_id, format=WebhookFormat(request.format), language=request.language,
        timezone=request.timezone, quiet_start=quiet_start, quiet_end=quiet_end, digest=request.digest,
        digest_hour=request.digest_hour, eta_days=request.eta_days, stale_days=request.stale_days))
    for shipment_id, _ in notes.followed_shipments(subscription):
        shipment = uow.shipments.get(shipment_id)
        if shipment is not None:
            notes.save_state(subscription.id, shipment_id, now, tag=shipment.tag, subtag=shipment.subtag,
                             tags_seen=[shipment.tag])
    return subscription


def subscription_dict(subscription: Subscription, *, with_secret: bool = False) -> dict[str, object]:
    data: dict[str, object] = {
        "id": subscription.id, "scope": subscription.scope.value, "tracking_id": subscription.tracking_id,
        "shipment_id": subscription.shipment_id, "order_id": subscription.order_id,
        "events": [e.value for e in subscription.events], "channel": subscription.channel.value,
        "target": subscription.target, "format": subscription.format.value,
        "language": subscription.language, "timezone": subscription.timezone,
        "quiet_hours": f"{subscription.quiet_start}-{subscription.quiet_end}"
        if subscription.quiet_start and subscription.quiet_end else None,
        "digest": subscription.digest, "digest_hour": subscription.digest_hour,
        "eta_days": subscription.eta_days, "stale_days": subscription.stale_days,
        "created_at": subscription.created_at.isoformat(),
        "secret_prefix": subscription.secret[:6],
    }
    if with_secret:
        data["secret"] = subscription.secret
    return data


def options() -> dict[str, object]:
    """What a subscription form offers (for the pages)."""
    return {"events": [k.value for k in SUBSCRIBABLE], "channels": [c.value for c in ChannelKind],
            "formats": [f.value for f in WebhookFormat], "languages": list(notification_langs()),
            "defaults": {"events": [e.value for e in DEFAULT_EVENTS], "timezone": "UTC", "digest_hour": 8,
                         "eta_days": 1.0, "stale_days": 7.0}}
