"""What a notification says: a snapshot taken when it is written to the outbox, and the webhook bodies
(native, and AfterShip's `{event, event_id, is_tracking_first_tag, msg, ts}`) built from it."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from parceltrail.domain.accounts import Tracking
from parceltrail.domain.events import chronological
from parceltrail.domain.notifications import Notification, WebhookFormat
from parceltrail.domain.shipment import Shipment, TrackingEvent
from parceltrail.services.notifications.urls import tracking_link
from parceltrail.services.tracking.views import event_dict
from parceltrail.status import subtag_info

MAX_CHECKPOINTS = 50


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _subtag_name(subtag: str | None) -> str | None:
    try:
        return subtag_info(subtag).name if subtag else None
    except (KeyError, ValueError):
        return None


def snapshot(kind: str, shipment: Shipment, tracking: Tracking | None, events: list[TrackingEvent],
             public_url: str, *, previous: tuple[str | None, str | None] = (None, None),
             first_tag: bool = False, language: str | None = None, **extra: Any) -> dict[str, Any]:
    """The facts of one notification, frozen at the moment of the change (JSON-ready)."""
    ordered = chronological(events)
    numbers = {shipment.id: shipment.tracking_number}
    latest = event_dict(ordered[-1], numbers.get(ordered[-1].shipment_id)) if ordered else None
    return {
        "kind": kind,
        "shipment_id": shipment.id,
        "tracking_id": tracking.id if tracking else None,
        "tracking_number": shipment.tracking_number,
        "carrier": shipment.carrier,
        "tag": shipment.tag,
        "subtag": shipment.subtag,
        "subtag_message": _subtag_name(shipment.subtag),
        "previous_tag": previous[0],
        "previous_subtag": previous[1],
        "is_first_tag": first_tag,
        "title": tracking.title if tracking else None,
        "order_id": tracking.order_id if tracking else None,
        "order_number": tracking.order_number if tracking else None,
        "customer_name": tracking.customer_name if tracking else None,
        "language": language or (tracking.language if tracking else None),
        "origin_country": shipment.origin_country,
        "destination_country": shipment.destination_country,
        "last_event_at": _iso(shipment.last_event_at),
        "created_at": _iso(tracking.created_at if tracking else shipment.created_at),
        "updated_at": _iso(shipment.updated_at),
        "latest_event": latest,
        "checkpoints": [event_dict(e) for e in ordered[-MAX_CHECKPOINTS:]],
        "link": tracking_link(public_url, shipment.tracking_number),
        **extra,
    }


def _aftership_checkpoint(event: dict[str, Any], slug: str) -> dict[str, Any]:
    return {"checkpoint_time": event.get("occurred_at"), "created_at": event.get("retrieved_at"),
            "message": event.get("text"), "location": event.get("location"), "city": event.get("city"),
            "country_region": event.get("country"), "tag": event.get("tag"), "subtag": event.get("subtag"),
            "subtag_message": _subtag_name(event.get("subtag")), "raw_tag": event.get("code"), "slug": slug}


def aftership_tracking(payload: dict[str, Any]) -> dict[str, Any]:
    """The `msg` of an AfterShip webhook: a tracking object with AfterShip's field names."""
    slug = payload.get("carrier")
    return {
        "id": payload.get("tracking_id") or str(payload.get("shipment_id")),
        "tracking_number": payload.get("tracking_number"),
        "slug": slug,
        "tag": payload.get("tag"),
        "subtag": payload.get("subtag"),
        "subtag_message": payload.get("subtag_message"),
        "title": payload.get("title") or payload.get("tracking_number"),
        "order_id": payload.get("order_id"),
        "order_number": payload.get("order_number"),
        "customer_name": payload.get("customer_name"),
        "language": payload.get("language"),
        "origin_country_region": payload.get("origin_country"),
        "destination_country_region": payload.get("destination_country"),
        "created_at": payload.get("created_at"),
        "updated_at": payload.get("updated_at"),
        "courier_tracking_link": payload.get("link"),
        "checkpoints": [_aftership_checkpoint(e, str(slug)) for e in payload.get("checkpoints", [])],
    }


def webhook_body(notification: Notification, fmt: WebhookFormat) -> bytes:
    """The exact bytes sent (and signed)."""
    payload = notification.payload
    ts = int(notification.created_at.timestamp())
    data: dict[str, Any]
    if fmt is WebhookFormat.AFTERSHIP and payload.get("kind") == "digest":
        data = {"event": "tracking_digest", "event_id": notification.event_id, "is_tracking_first_tag": False,
                "msg": {"trackings": [aftership_tracking(item) for item in payload.get("items", [])]},
                "ts": ts}
    elif fmt is WebhookFormat.AFTERSHIP:
        data = {"event": "tracking_update", "event_id": notification.event_id,
                "is_tracking_first_tag": bool(payload.get("is_first_tag")),
                "msg": aftership_tracking(payload), "ts": ts}
    else:
        data = {"event_id": notification.event_id, "event": f"tracking.{notification.kind.value}",
                "created_at": notification.created_at.isoformat(), "sequence": notification.id,
                "subscription_id": notification.subscription_id, "data": payload}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
