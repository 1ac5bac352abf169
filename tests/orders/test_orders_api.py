"""The buyer's and seller's flow through the API: place, ship (entered or issued number), My Orders,
View Detail with the carrier's page and timeline, status kept in step with the packages, confirm receipt."""

from __future__ import annotations

from fastapi.testclient import TestClient

from parceltrail.adapters.sandbox.scenarios import TEST_NUMBERS
from parceltrail.bootstrap import Runtime
from parceltrail.numbers import issue_s10
from parceltrail.services.marketplace.order_status import on_shipment_changed
from tests.ups_labels import ambiguous_dropped_digit, ups_label

from .conftest import PASSWORD, Person, place

ROYAL_MAIL = "RB123456785GB"


def test_order_flow_from_placing_to_completed(client: TestClient, runtime: Runtime, seller: Person,
                                              buyer: Person) -> None:
    order = place(client, seller, buyer)
    assert order["status"] == "awaiting_shipment"
    assert order["total_minor"] == 2 * 1299 + 850 + 450 and order["currency"] == "EUR"
    assert order["protection_days"] == 60 and order["protection_deadline"] is None

    number = TEST_NUMBERS["delivered"]
    shipped = client.post(f"/api/v1/orders/{order['id']}/shipments", headers=seller.headers,
                          json={"tracking_number": number, "service": "Tracked 48"})
    assert shipped.status_code == 201, shipped.text
    package = shipped.json()["data"]
    assert package["tracking_number"] == number and package["service"] == "Tracked 48"
    assert shipped.json()["order"]["status"] == "shipped"
    assert shipped.json()["order"]["protection_deadline"] is not None

    # the engine fetches the parcel; its hook keeps the order in step
    with runtime.store.read() as repo:
        shipment = repo.shipments.get(package["shipment_id"])
    assert shipment is not None
    runtime.tracker.refresh([shipment])
    with runtime.store.transaction() as repo:
        on_shipment_changed(repo, package["shipment_id"], runtime.clock.now())

    mine = client.get("/api/v1/orders", headers=buyer.headers).json()["data"]
    assert [o["id"] for o in mine] == [order["id"]]
    detail = client.get(f"/api/v1/orders/{order['id']}", headers=buyer.headers).json()["data"]
    [seen] = detail["packages"]
    assert seen["tracking_number"] == number and seen["carrier"] and seen["events"]
    assert seen["label_url"] is None  # the buyer does not print labels
    expected = {"InfoReceived": "shipped", "Delivered": "delivered"}.get(seen["tag"], "in_transit")
    assert seen["tag"] != "Pending" and detail["status"] == expected

    done = client.post(f"/api/v1/orders/{order['id']}/confirm-receipt", headers=buyer.headers)
    assert done.status_code == 200, done.text
    assert done.json()["data"]["status"] == "completed" and done.json()["data"]["received_at"]


def test_entered_number_shows_carrier_page(client: TestClient, seller: Person, buyer: Person) -> None:
    order = place(client, seller, buyer)
    response = client.post(f"/api/v1/orders/{order['id']}/shipments", headers=seller.headers,
                           json={"tracking_number": "rb 123 456 785 gb", "carrier": "royal-mail"})
    assert response.status_code == 201, response.text
    package = response.json()["data"]
    assert package["tracking_number"] == ROYAL_MAIL and package["carrier"] == "royal-mail"
    assert package["tracking_url"] and ROYAL_MAIL in package["tracking_url"]
    assert package["label_url"].endswith("/label.pdf")


def test_invalid_number_is_refused_with_corrections(client: TestClient, seller: Person,
                                                    buyer: Person) -> None:
    order = place(client, seller, buyer)
    response = client.post(f"/api/v1/orders/{order['id']}/shipments", headers=seller.headers,
                           json={"tracking_number": "RB123456785G8"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_tracking_number" and error["suggestions"][0] == ROYAL_MAIL
    detail = client.get(f"/api/v1/orders/{order['id']}", headers=seller.headers).json()["data"]
    assert detail["packages"] == [] and detail["status"] == "awaiting_shipment"


def test_number_of_another_carrier_is_refused(client: TestClient, seller: Person, buyer: Person) -> None:
    order = place(client, seller, buyer)
    response = client.post(f"/api/v1/orders/{order['id']}/shipments", headers=seller.headers,
                           json={"tracking_number": ROYAL_MAIL, "carrier": "ups"})
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_tracking_number"


def test_order_ships_in_several_packages_and_a_number_is_used_once(client: TestClient, seller: Person,
                                                                   buyer: Person) -> None:
    order = place(client, seller, buyer)
    for number in (ROYAL_MAIL, "1Z999AA10123456784"):
        ok = client.post(f"/api/v1/orders/{order['id']}/shipments", headers=seller.headers,
                         json={"tracking_number": number})
        assert ok.status_code == 201, ok.text
    again = client.post(f"/api/v1/orders/{order['id']}/shipments", headers=seller.headers,
                        json={"tracking_number": ROYAL_MAIL})
    assert again.status_code == 409 and again.json()["error"]["code"] == "number_in_use"
    other = place(client, seller, buyer)
    taken = client.post(f"/api/v1/orders/{other['id']}/shipments", headers=seller.headers,
                        json={"tracking_number": ROYAL_MAIL})
    assert taken.status_code == 409
    detail = client.get(f"/api/v1/orders/{order['id']}", headers=buyer.headers).json()["data"]
    assert len(detail["packages"]) == 2


def test_issue_from_range(client: TestClient, seller: Person, buyer: Person) -> None:
    order = place(client, seller, buyer)
    url = f"/api/v1/orders/{order['id']}/shipments"
    none = client.post(url, headers=seller.headers, json={"issue": True})
    assert none.status_code == 400 and none.json()["error"]["code"] == "no_number_range"
    added = client.post("/api/v1/number-ranges", headers=seller.headers,
                        json={"country": "DE", "service_indicator": "R", "first_serial": 100,
                              "last_serial": 101})
    assert added.status_code == 201, added.text
    numbers = []
    for _ in range(2):
        response = client.post(f"/api/v1/orders/{order['id']}/shipments", headers=seller.headers,
                               json={"issue": True, "service": "Einschreiben"})
        assert response.status_code == 201, response.text
        numbers.append(response.json()["data"]["tracking_number"])
    assert numbers == [issue_s10("DE", "R", 100), issue_s10("DE", "R", 101)]
    spent = client.post(url, headers=seller.headers, json={"issue": True})
    assert spent.status_code == 400 and spent.json()["error"]["code"] == "no_number_range"
    overlap = client.post("/api/v1/number-ranges", headers=seller.headers,
                          json={"country": "DE", "service_indicator": "RA", "first_serial": 50,
                                "last_serial": 100})
    assert overlap.status_code == 409 and overlap.json()["error"]["code"] == "range_overlap"


def test_confirm_receipt_needs_a_shipped_order(client: TestClient, seller: Person, buyer: Person) -> None:
    order = place(client, seller, buyer)
    early = client.post(f"/api/v1/orders/{order['id']}/confirm-receipt", headers=buyer.headers)
    assert early.status_code == 409 and early.json()["error"]["code"] == "order_not_receivable"


def test_a_buyer_cannot_put_a_paid_order_on_a_sellers_books(client: TestClient, seller: Person,
                                                              buyer: Person) -> None:
    body = {"seller_email": seller.email, "currency": "JPY",
            "items": [{"description": "Book", "quantity": 1, "unit_price_minor": 1500}],
            "ship_to": {"name": "B", "lines": ["x"], "city": "Tokyo", "country": "JP"}}
    response = client.post("/api/v1/orders", json=body, headers=buyer.headers)
    assert response.status_code == 403, response.text
    assert client.get("/api/v1/orders", headers=seller.headers).json()["data"] == []


def test_bad_order_input_is_4xx(client: TestClient, seller: Person, buyer: Person) -> None:
    cases = [
        {"buyer_email": buyer.email, "currency": "eur", "items": [], "ship_to": {}},
        {**_minimal(buyer.email), "currency": "EURO"},
        {**_minimal(buyer.email), "buyer_email": "nobody@example.com"},
        {**_minimal(buyer.email), "ship_to": {"name": "x", "lines": ["y"], "city": "z", "country": "Q1"}},
    ]
    for body in cases:
        response = client.post("/api/v1/orders", json=body, headers=seller.headers)
        assert 400 <= response.status_code < 500, (body, response.text)
        assert response.json()["error"]["code"]
    assert client.get("/api/v1/orders", headers=seller.headers).json()["data"] == []
    assert client.get("/api/v1/orders/99999999999", headers=seller.headers).status_code == 404


def _minimal(buyer_email: str) -> dict:
    return {"buyer_email": buyer_email, "currency": "EUR",
            "items": [{"description": "x", "quantity": 1, "unit_price_minor": 1}],
            "ship_to": {"name": "x", "lines": ["y"], "city": "z", "country": "FR"}}


def test_login_sets_a_session_cookie(client: TestClient, seller: Person, buyer: Person) -> None:
    place(client, seller, buyer)
    wrong = client.post("/api/v1/session", json={"email": buyer.email, "password": "nope-nope"})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "invalid_credentials"
    assert client.get("/api/v1/orders").status_code == 401
    ok = client.post("/api/v1/session", json={"email": buyer.email.upper(), "password": PASSWORD})
    assert ok.status_code == 200 and ok.json()["data"]["role"] == "buyer"
    assert "httponly" in ok.headers["set-cookie"].lower()
    assert len(client.get("/api/v1/orders").json()["data"]) == 1
    client.cookies.set("parceltrail_session", client.cookies.get("parceltrail_session") + "x")
    assert client.get("/api/v1/orders").status_code == 401
    assert client.delete("/api/v1/session").status_code == 204


def test_read_only_key_cannot_write(client: TestClient, seller: Person, buyer: Person) -> None:
    read_only = {"X-API-Key": seller.read_key}
    response = client.post("/api/v1/orders", json=_minimal(buyer.email), headers=read_only)
    assert response.status_code == 403
    assert client.get("/api/v1/orders", headers={"X-API-Key": seller.read_key}).status_code == 200


def test_the_shops_own_labels_rank_the_corrections(client: TestClient, seller: Person, seller2: Person,
                                                   buyer: Person) -> None:
    number, typo, package = ambiguous_dropped_digit("7Y3X21", "01", range(2_718_200, 2_719_000, 11), 13)
    first = place(client, seller, buyer)
    shipped = client.post(f"/api/v1/orders/{first['id']}/shipments", headers=seller.headers,
                          json={"tracking_number": ups_label("7Y3X21", "01", package - 4)})
    assert shipped.status_code == 201, shipped.text
    second = place(client, seller, buyer)
    refused = client.post(f"/api/v1/orders/{second['id']}/shipments", headers=seller.headers,
                          json={"tracking_number": typo})
    assert refused.status_code == 400
    hints = refused.json()["error"]["suggestions"]
    assert hints[0] == number and len(hints) <= 5
    # another shop that never shipped with this UPS account gets the plain typo order
    theirs = place(client, seller2, buyer)
    other = client.post(f"/api/v1/orders/{theirs['id']}/shipments", headers=seller2.headers,
                        json={"tracking_number": typo})
    assert other.status_code == 400 and other.json()["error"]["suggestions"][0] != number
    # the CSV import corrects the same typo to the shop's own range without asking
    imported = client.post("/api/v1/shipments/import", headers={**seller.headers, "content-type": "text/csv"},
                           content=f"order_reference,tracking_number\n{second['reference']},{typo}\n".encode())
    assert imported.status_code == 200, imported.text
    [row] = imported.json()["data"]["rows"]
    assert row["status"] == "corrected" and row["number"] == number
