"""Plain-data views of orders (My Orders, View Detail), shared by the CLI's --json and the HTTP API."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from parceltrail.domain.money import format_minor
from parceltrail.domain.orders import Order, OrderItem, Role, User
from parceltrail.domain.shipment import Timeline
from parceltrail.services.marketplace.orders import OrderView, PackageView
from parceltrail.services.outlook.advice import advice_for
from parceltrail.services.outlook.eta import Models
from parceltrail.services.outlook.health import health_for
from parceltrail.services.outlook.shown import shown_eta_view
from parceltrail.services.tracking.views import event_dict, health_view


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def user_dict(user: User) -> dict[str, Any]:
    return {"id": user.id, "email": user.email, "role": user.role.value, "display_name": user.display_name,
            "address": user.address.to_dict() if user.address else None}


def _item(item: OrderItem) -> dict[str, Any]:
    return {"description": item.description, "sku": item.sku, "quantity": item.quantity,
            "unit_price_minor": item.unit_price_minor, "total_minor": item.total_minor,
            "weight_grams": item.weight_grams, "hs_code": item.hs_code, "origin_country": item.origin_country}


def order_summary(order: Order) -> dict[str, Any]:
    return {
        "id": order.id, "reference": order.reference, "status": order.status.value,
        "seller_id": order.seller_id, "buyer_id": order.buyer_id, "currency": order.currency,
        "items_minor": order.items_minor, "shipping_minor": order.shipping_minor,
        "total_minor": order.total_minor, "total": format_minor(order.total_minor, order.currency),
        "placed_at": _iso(order.placed_at), "paid_at": _iso(order.paid_at),
        "shipped_at": _iso(order.shipped_at),
        "delivered_at": _iso(order.delivered_at), "received_at": _iso(order.received_at),
        "completed_at": _iso(order.completed_at), "protection_days": order.protection_days,
        "protection_deadline": _iso(order.protection_deadline),
    }


def package_dict(view: PackageView, order: Order, *, label: bool, with_events: bool) -> dict[str, Any]:
    p, s = view.package, view.shipment
    numbers = {s.id: s.tracking_number}
    data: dict[str, Any] = {
        "id": p.id, "tracking_number": p.tracking_number, "carrier": p.carrier,
        "carrier_name": view.carrier_name, "service": p.service, "tracking_url": view.tracking_url,
        "issued": p.issued, "weight_grams": p.weight_grams, "created_at": _iso(p.created_at),
        "shipment_id": s.id, "tag": s.tag, "subtag": s.subtag, "last_event_at": _iso(s.last_event_at),
        "label_url": f"/api/v1/orders/{order.id}/shipments/{p.id}/label.pdf" if label else None,
    }
    if with_events:
        ordered = sorted(view.events, key=lambda e: (e.occurred_at, e.id or 0), reverse=True)
        data["events"] = [event_dict(e, numbers.get(e.shipment_id)) for e in ordered]
    return data


def _party(user: User) -> dict[str, Any]:
    return {"id": user.id, "display_name": user.display_name, "email": user.email}


def order_detail(view: OrderView, viewer: User, *, with_events: bool = True, now: datetime | None = None,
                 models: Models | None = None) -> dict[str, Any]:
    order = view.order
    label = viewer.role is Role.ADMIN or viewer.id == order.seller_id
    # Each package's ETA and silence health, and the buyer's next step (`advice`). `now` should be the
    # installation's clock (wall time when not given), `models` the learned ones (priors when not given).
    now = now or datetime.now(UTC)
    packages = [package_dict(p, order, label=label, with_events=with_events) for p in view.packages]
    healths = []
    for data, package in zip(packages, view.packages, strict=True):
        timeline = Timeline(package.shipment, package.events, [package.shipment])
        health = health_for(timeline, models, now)
        healths.append(health)
        data["eta"] = shown_eta_view(timeline, models, now)
        data["health"] = health_view(health)
    return {
        **order_summary(order),
        "seller": _party(view.seller), "buyer": _party(view.buyer),
        "ship_to": order.ship_to.to_dict(), "ship_from": order.ship_from.to_dict(),
        "items": [_item(i) for i in order.items],
        "packages": packages,
        "advice": advice_for(order, healths, now).to_dict(),
    }
