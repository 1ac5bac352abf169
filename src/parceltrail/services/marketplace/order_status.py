"""Orders follow their parcels: an order's status is derived from its packages' shipments.

Called by the tracker inside the transaction that changed a shipment (`on_shipment_changed`), so an order
never disagrees with its parcels; kept apart from `services.marketplace.orders` so the polling path does
not import the label renderer.
"""

from __future__ import annotations

from datetime import datetime

from parceltrail.domain.orders import Order, OrderStatus, derive_status
from parceltrail.services.ports import Store, UnitOfWork


def sync_order_status(uow: UnitOfWork, order_id: int, now: datetime) -> Order | None:
    """Recompute the order's status from its packages' shipments; complete a delivered order whose buyer
    protection has run out. Returns the order when something changed."""
    orders, shipments = uow.orders, uow.shipments
    order = orders.order(order_id)
    if order is None:
        return None
    packages = orders.packages(order_id)
    legs = [shipments.get(p.shipment_id) for p in packages]
    found = [s for s in legs if s is not None]
    before = (order.status, order.delivered_at, order.completed_at)
    order.status = derive_status(order.status, [s.tag for s in found])
    if order.status is OrderStatus.DELIVERED and order.delivered_at is None:
        times = [s.last_event_at for s in found if s.last_event_at is not None]
        order.delivered_at = max(times) if times else now
    deadline = order.protection_deadline
    if order.status is OrderStatus.DELIVERED and deadline is not None and now >= deadline:
        order.status = OrderStatus.COMPLETED
        order.completed_at = now
    if (order.status, order.delivered_at, order.completed_at) == before:
        return None
    orders.save_order(order, now)
    return order


def on_shipment_changed(uow: UnitOfWork, shipment_id: int, now: datetime) -> list[int]:
    """The tracker's hook after it ingested (or rescheduled) a shipment: sync every order with a package
    on any leg of that parcel. Runs in the tracker's transaction; returns the orders that changed."""
    shipments = uow.shipments
    shipment = shipments.get(shipment_id)
    if shipment is None:
        return []
    leg_ids = [leg.id for leg in shipments.chain(shipment) if leg.id is not None]
    changed = []
    for order_id in uow.orders.orders_of_shipments(leg_ids):
        if sync_order_status(uow, order_id, now) is not None:
            changed.append(order_id)
    return changed


def expire_protection(store: Store, now: datetime) -> list[int]:
    """Complete delivered orders whose buyer protection has run out (for a periodic job)."""
    with store.transaction() as repo:
        candidates = repo.orders.open_delivered_orders(now)
        return [oid for oid in candidates if sync_order_status(repo, oid, now) is not None]
