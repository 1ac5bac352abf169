"""Advice, disputes and evidence files over HTTP: buyer and seller of the order only (others 404), the
dispute is the buyer's, and the order detail carries the advice."""

from __future__ import annotations

from fastapi.testclient import TestClient

from parceltrail.adapters.documents.evidence import verify_bytes
from parceltrail.bootstrap import Runtime
from tests.orders.conftest import Person, place

NUMBER = "PTS01000000016"


def _shipped(client: TestClient, runtime: Runtime, seller: Person, buyer: Person) -> int:
    order = place(client, seller, buyer)
    shipped = client.post(f"/api/v1/orders/{order['id']}/shipments", json={"tracking_number": NUMBER},
                          headers=seller.headers)
    assert shipped.status_code == 201, shipped.text
    with runtime.store.read() as repo:
        shipment = repo.shipments.find(NUMBER)
    assert shipment is not None
    runtime.tracker.refresh([shipment])
    return order["id"]


def test_evidence_files_for_buyer_and_seller_only(client: TestClient, runtime: Runtime, seller: Person,
                                                  buyer: Person, buyer2: Person) -> None:
    order_id = _shipped(client, runtime, seller, buyer)
    for person in (buyer, seller):
        as_json = client.get(f"/api/v1/orders/{order_id}/evidence.json", headers=person.headers)
        assert as_json.status_code == 200 and as_json.headers["content-type"].startswith("application/json")
        assert verify_bytes(as_json.content).ok
        document = as_json.json()
        assert document["packages"][0]["tracking_number"] == NUMBER
        assert all(e["retrieved_at"] and e["source"] for e in document["packages"][0]["events"])
        pdf = client.get(f"/api/v1/orders/{order_id}/evidence.pdf", headers=person.headers)
        assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
        assert verify_bytes(pdf.content).ok
    for path in ("evidence.json", "evidence.pdf"):
        other = client.get(f"/api/v1/orders/{order_id}/{path}", headers=buyer2.headers)
        assert other.status_code == 404 and other.json()["error"]["code"] == "not_found"
    missing = client.get("/api/v1/orders/999999/evidence.json", headers=buyer.headers)
    assert missing.status_code == 404


def test_advice_and_dispute(client: TestClient, runtime: Runtime, seller: Person, buyer: Person,
                            buyer2: Person) -> None:
    order_id = _shipped(client, runtime, seller, buyer)
    detail = client.get(f"/api/v1/orders/{order_id}", headers=buyer.headers).json()["data"]
    assert detail["advice"]["step"] in ("wait", "contact_seller", "open_dispute", "confirm_receipt")
    assert detail["advice"]["protection_deadline"] == detail["protection_deadline"]
    package = detail["packages"][0]
    assert "eta" in package
    assert package["health"]["state"] in ("ok", "not_updated", "possibly_lost", "expired")
    advice = client.get(f"/api/v1/orders/{order_id}/advice", headers=buyer.headers)
    assert advice.status_code == 200 and advice.json()["data"]["step"]

    assert client.post(f"/api/v1/orders/{order_id}/dispute", headers=seller.headers).status_code == 403
    assert client.post(f"/api/v1/orders/{order_id}/dispute", headers=buyer2.headers).status_code == 404
    opened = client.post(f"/api/v1/orders/{order_id}/dispute", headers=buyer.headers)
    assert opened.status_code == 200, opened.text
    assert opened.json()["data"]["status"] == "in_dispute"
    assert opened.json()["data"]["advice"]["step"] == "provide_evidence"
    again = client.post(f"/api/v1/orders/{order_id}/dispute", headers=buyer.headers)
    assert again.status_code == 200 and again.json()["data"]["status"] == "in_dispute"


def test_no_dispute_after_protection_ends(client: TestClient, runtime: Runtime, seller: Person,
                                          buyer: Person) -> None:
    order = place(client, seller, buyer, protection_days=0)
    shipped = client.post(f"/api/v1/orders/{order['id']}/shipments", json={"tracking_number": NUMBER},
                          headers=seller.headers)
    assert shipped.status_code == 201
    late = client.post(f"/api/v1/orders/{order['id']}/dispute", headers=buyer.headers)
    assert late.status_code == 409 and late.json()["error"]["code"] == "protection_ended"
