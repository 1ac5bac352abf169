"""Push notifications a browser turned on for one parcel: a shipment-scoped subscription on the web push
channel (target: the push endpoint; secret: the browser's encryption keys), told about status changes,
delivery and exceptions in the language of the page it was turned on from."""

from __future__ import annotations

from datetime import datetime

from parceltrail.domain.notifications import ChannelKind, EventKind, Scope, Subscription
from parceltrail.services.notifications.messages import notification_langs
from parceltrail.services.notifications.subscriptions import InvalidSubscriptionError
from parceltrail.services.ports import UnitOfWork
from parceltrail.status import base_lang

PUSH_EVENTS = [EventKind.STATUS_CHANGE, EventKind.DELIVERED, EventKind.EXCEPTION]
MAX_PER_ENDPOINT = 50  # parcels one browser follows; more is a script, not a person


def _push_subscriptions(uow: UnitOfWork, endpoint: str) -> list[Subscription]:
    return [s for s in uow.notifications.subscriptions(all_accounts=True)
            if s.channel is ChannelKind.WEBPUSH and s.target == endpoint]


def subscribe(uow: UnitOfWork, shipment_id: int, endpoint: str, keys: str, language: str | None,
              now: datetime) -> tuple[Subscription, bool]:
    """(the subscription, True) when new; an endpoint already following this parcel gets its keys and
    language updated instead (a browser may renew its keys)."""
    if language is not None and base_lang(language) not in notification_langs():
        language = None
    mine = _push_subscriptions(uow, endpoint)
    for existing in mine:
        if existing.shipment_id == shipment_id:
            if existing.secret != keys or existing.language != language:
                uow.notifications.delete_subscription(existing.id)
                break
            return existing, False
    else:
        if len(mine) >= MAX_PER_ENDPOINT:
            raise InvalidSubscriptionError(f"this browser already follows {MAX_PER_ENDPOINT} parcels")
    notes = uow.notifications
    subscription = notes.add_subscription(Subscription(
        id=0, scope=Scope.SHIPMENT, events=list(PUSH_EVENTS), channel=ChannelKind.WEBPUSH, target=endpoint,
        created_at=now, secret=keys, shipment_id=shipment_id, language=language))
    shipment = uow.shipments.get(shipment_id)
    if shipment is not None:  # the first push is about a real change, not the status already shown
        notes.save_state(subscription.id, shipment_id, now, tag=shipment.tag, subtag=shipment.subtag,
                         tags_seen=[shipment.tag])
    return subscription, True


def unsubscribe(uow: UnitOfWork, endpoint: str, shipment_id: int | None = None) -> int:
    """Remove this browser's push subscriptions (for one parcel, or all); returns how many."""
    removed = 0
    for subscription in _push_subscriptions(uow, endpoint):
        if shipment_id is None or subscription.shipment_id == shipment_id:
            removed += int(uow.notifications.delete_subscription(subscription.id))
    return removed
