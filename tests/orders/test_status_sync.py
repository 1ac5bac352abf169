"""The order's status follows its packages' shipments (through the engine hook) until people decide."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from parceltrail.bootstrap import Runtime
from parceltrail.domain.orders import OrderStatus, derive_status
from parceltrail.services.marketplace.order_status import expire_protection, on_shipment_changed

from .conftest import Person, place


def test_derive_status_rules() -> None:
    assert derive_status(OrderStatus.AWAITING_SHIPMENT, []) is OrderStatus.AWAITING_SHIPMENT
    assert derive_status(OrderStatus.AWAITING_SHIPMENT, ["Pending", "InfoReceived"]) is OrderStatus.SHIPPED
    assert derive_status(OrderStatus.SHIPPED, ["Delivered", "Pending"]) is OrderStatus.IN_TRANSIT
    assert derive_status(OrderStatus.SHIPPED, ["InfoReceived", "OutForDelivery"]) is OrderStatus.IN_TRANSIT
    assert derive_status(OrderStatus.IN_TRANSIT, ["Delivered", "Delivered"]) is OrderStatus.DELIVERED
    assert derive_status(OrderStatus.DELIVERED, ["Delivered", "InTransit"]) is OrderStatus.IN_TRANSIT
    for manual in (OrderStatus.COMPLETED, OrderStatus.IN_DISPUTE, OrderStatus.REFUNDED):
        assert derive_status(manual, ["Delivered"]) is manual


def _set_tag(runtime: Runtime, shipment_id: int, tag: str) -> list[int]:
    now = runtime.clock.now()
    with runtime.store.transaction() as repo:
        shipment = repo.shipments.get(shipment_id)
        assert shipment is not None
        shipment.tag, shipment.subtag, shipment.last_event_at = tag, f"{tag}_001", now
        repo.shipments.save(shipment, now)
        return on_shipment_changed(repo, shipment_id, now)


def test_hook_keeps_the_order_in_step(client: TestClient, runtime: Runtime, seller: Person,
                                      buyer: Person) -> None:
    order = place(client, seller, buyer)
    url = f"/api/v1/orders/{order['id']}"
    ids = []
    for number in ("RB123456785GB", "1Z999AA10123456784"):
        response = client.post(f"{url}/shipments", headers=seller.headers, json={"tracking_number": number})
        ids.append(response.json()["data"]["shipment_id"])

    def status() -> str:
        return client.get(url, headers=buyer.headers).json()["data"]["status"]

    assert status() == "shipped"
    assert _set_tag(runtime, ids[0], "InTransit") == [order["id"]]
    assert status() == "in_transit"
    assert _set_tag(runtime, ids[0], "Delivered") == []  # one of two delivered: still in transit
    assert status() == "in_transit"
    _set_tag(runtime, ids[1], "Delivered")
    detail = client.get(url, headers=buyer.headers).json()["data"]
    assert detail["status"] == "delivered" and detail["delivered_at"]

    # buyer protection runs out 60 days after shipping: a delivered order then completes by itself
    assert expire_protection(runtime.store, runtime.clock.now() + timedelta(days=59)) == []
    assert expire_protection(runtime.store, runtime.clock.now() + timedelta(days=61)) == [order["id"]]
    assert status() == "completed"


def test_hook_ignores_manual_statuses_and_unknown_shipments(client: TestClient, runtime: Runtime,
                                                            seller: Person, buyer: Person) -> None:
    order = place(client, seller, buyer)
    response = client.post(f"/api/v1/orders/{order['id']}/shipments", headers=seller.headers,
                           json={"tracking_number": "RB123456785GB"})
    shipment_id = response.json()["data"]["shipment_id"]
    with runtime.store.transaction() as repo:
        orders = repo.orders
        stored = orders.order(order["id"])
        assert stored is not None
        stored.status = OrderStatus.IN_DISPUTE
        orders.save_order(stored, runtime.clock.now())
        assert on_shipment_changed(repo, 987654, runtime.clock.now()) == []
    assert _set_tag(runtime, shipment_id, "Delivered") == []
    assert client.get(f"/api/v1/orders/{order['id']}", headers=buyer.headers).json()["data"]["status"] == \
        "in_dispute"
