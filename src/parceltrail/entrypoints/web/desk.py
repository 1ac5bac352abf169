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
from parceltrail.domain.shipment import Timeline
from parceltrail.services.marketplace import orders as order_service
from parceltrail.services.outlook.eta import Models, models_for
from parceltrail.services.outlook.health import health_for

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


def _silent(timeline: Timeline, models: Models | None, now: datetime) -> bool:
    """Judged on the parcel's whole chain of legs (a last-mile scan is news too), by the same health the
    tracking card, the API and the buyer's advice use."""
    if timeline.shipment.tag == "Expired":
        return True
    if not timeline.events or timeline.shipment.tag in ("Delivered", "Pending", "InfoReceived"):
        return False
    try:
        return health_for(timeline, models, now).state != "ok"
    except Exception:  # the model failing must not hide the desk: a plain week of silence instead
        log.exception("silence assessment failed for %s", timeline.shipment.tracking_number)
        return now - max(e.occurred_at for e in timeline.events) > timedelta(days=7)


def reasons_for(timeline: Timeline, shipped_at: datetime, order_status: OrderStatus,
                now: datetime, models: Models | None = None) -> list[str]:
    shipment = timeline.shipment
    found = []
    if shipment.tag in ("Exception", "AttemptFail"):
        found.append("exception")
    if _silent(timeline, models, now):
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
    models = models_for(runtime.models, now)
    rows: list[DeskRow] = []
    for order in order_service.list_orders(runtime.store, user, limit=MAX_ORDERS):
        if order.status in (OrderStatus.AWAITING_SHIPMENT, OrderStatus.COMPLETED, OrderStatus.REFUNDED):
            continue
        view = order_service.order_view(runtime.store, user, order.id, with_events=False)
        for pv in view.packages:
            package, shipment = pv.package, pv.shipment
            timeline = runtime.tracker.timeline(shipment.id) if shipment.id is not None else \
                Timeline(shipment, [], [shipment])
            reasons = reasons_for(timeline, package.created_at, order.status, now, models)
            if not reasons:
                continue
            last_scan = max((e.occurred_at for e in timeline.events), default=shipment.last_event_at)
            rows.append(DeskRow(
                order_id=order.id, order_reference=order.reference, package_id=package.id,
                number=package.tracking_number, carrier=pv.carrier_name or package.carrier, tag=shipment.tag,
                subtag=shipment.subtag, shipped_at=package.created_at, last_event_at=last_scan,
                reasons=reasons))
    rows.sort(key=lambda r: (min(REASONS.index(x) for x in r.reasons), r.shipped_at))
    return rows
