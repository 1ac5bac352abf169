"""The seller desk: which shipped packages need the seller's attention, and why.

- not scanned since shipping: a label exists but the carrier has not scanned the parcel for SCAN_GRACE;
- not updated: the silence model (`predict.assess`) says the quiet spell is unusual, or tracking expired;
- exception: the carrier reports a problem or a failed delivery attempt;
- delivered, not confirmed: every package arrived and the buyer has not confirmed receipt.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from parceltrail.bootstrap import Runtime
from parceltrail.domain.orders import OrderStatus, Role, User
from parceltrail.domain.shipment import Shipment
from parceltrail.services.marketplace import orders as order_service

log = logging.getLogger(__name__)
SCAN_GRACE = timedelta(days=2)
MAX_ORDERS = 200
REASONS = ("exception", "not_updated", "not_scanned", "unconfirmed")  # most urgent first


@dataclass(slots=True)
class DeskRow:
    order_id: int
    order_reference: str
    package_id: int
    number: str
    carrier: str
    tag: str
    subtag: str
    shipped_at: datetime
    last_event_at: datetime | None
    reasons: list[str] = field(default_factory=list)
    label_url: str = ""


def _silent(shipment: Shipment, now: datetime) -> bool:
    if shipment.tag == "Expired":
        return True
    if shipment.last_event_at is None or shipment.tag in ("Delivered", "Pending", "InfoReceived"):
        return False
    try:
        from parceltrail.predict import Lane, assess, stage_of

        stage = stage_of(shipment.tag, shipment.subtag, origin_country=shipment.origin_country,
                         destination_country=shipment.destination_country)
        lane = Lane(shipment.origin_country, shipment.destination_country, shipment.carrier)
        return assess(lane, stage, shipment.last_event_at, now).state != "ok"
    except Exception:  # model reworked elsewhere: fall back to a plain week of silence
        log.exception("silence assessment failed for %s", shipment.tracking_number)
        return now - shipment.last_event_at > timedelta(days=7)


def reasons_for(shipment: Shipment, shipped_at: datetime, order_status: OrderStatus,
                now: datetime) -> list[str]:
    found = []
    if shipment.tag in ("Exception", "AttemptFail"):
        found.append("exception")
    if _silent(shipment, now):
        found.append("not_updated")
    if shipment.tag in ("Pending", "InfoReceived") and now - shipped_at > SCAN_GRACE:
        found.append("not_scanned")
    if order_status is OrderStatus.DELIVERED:
        found.append("unconfirmed")
    return found


def attention(runtime: Runtime, user: User) -> list[DeskRow]:
    """Packages of the seller's open orders that need attention, most urgent first."""
    if user.role not in (Role.SELLER, Role.ADMIN):
        return []
    now = runtime.clock.now()
    rows: list[DeskRow] = []
    for order in order_service.list_orders(runtime.store, user, limit=MAX_ORDERS):
        if order.status in (OrderStatus.AWAITING_SHIPMENT, OrderStatus.COMPLETED, OrderStatus.REFUNDED):
            continue
        view = order_service.order_view(runtime.store, user, order.id, with_events=False)
        for pv in view.packages:
            package, shipment = pv.package, pv.shipment
            reasons = reasons_for(shipment, package.created_at, order.status, now)
            if not reasons:
                continue
            rows.append(DeskRow(
                order_id=order.id, order_reference=order.reference, package_id=package.id,
                number=package.tracking_number, carrier=pv.carrier_name or package.carrier, tag=shipment.tag,
                subtag=shipment.subtag, shipped_at=package.created_at, last_event_at=shipment.last_event_at,
                reasons=reasons, label_url=f"/api/v1/orders/{order.id}/shipments/{package.id}/label.pdf"))
    rows.sort(key=lambda r: (min(REASONS.index(x) for x in r.reasons), r.shipped_at))
    return rows
