"""Bulk import from CSV: a report for every row; errors import nothing unless partial."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from parceltrail.numbers import Suggestion, suggest

from .conftest import Person, place


def _csv(*rows: str) -> bytes:
    return ("order_reference,tracking_number,carrier\n" + "\n".join(rows) + "\n").encode()


def _packages(client: TestClient, person: Person, order_id: int) -> list[str]:
    detail = client.get(f"/api/v1/orders/{order_id}", headers=person.headers).json()["data"]
    return [p["tracking_number"] for p in detail["packages"]]


def test_import_reports_every_row_and_errors_import_nothing(client: TestClient, seller: Person,
                                                            buyer: Person) -> None:
    a, b = place(client, seller, buyer, reference="A-1"), place(client, seller, buyer, reference="B-2")
    body = _csv("A-1,RB123456785GB,", "B-2,1Z999AA10123456784,ups", "B-2,RB123456785G8,",
                "C-3,RB123456785GB,", "A-1,RB123456758GB,")
    response = client.post("/api/v1/shipments/import", headers={**seller.headers, "content-type": "text/csv"},
                           content=body)
    assert response.status_code == 422 and response.json()["error"]["code"] == "import_rejected"
    rows = response.json()["data"]["rows"]
    assert [r["status"] for r in rows] == ["accepted", "accepted", "rejected", "rejected", "rejected"]
    assert "twice" in rows[2]["reason"]  # corrected to RB123456785GB, which line 1 already has
    assert "no order" in rows[3]["reason"]
    assert "RB123456785GB" in rows[4]["suggestions"]  # ambiguous: several transpositions fit
    assert _packages(client, seller, a["id"]) == [] and _packages(client, seller, b["id"]) == []

    partial = client.post("/api/v1/shipments/import?partial=true", headers=seller.headers,
                          files={"file": ("s.csv", body, "text/csv")})
    assert partial.status_code == 200, partial.text
    assert partial.json()["data"]["counts"] == {"accepted": 2, "corrected": 0, "rejected": 3}
    assert _packages(client, buyer, a["id"]) == ["RB123456785GB"]
    assert _packages(client, buyer, b["id"]) == ["1Z999AA10123456784"]


def test_import_corrects_a_clear_typo(client: TestClient, seller: Person, buyer: Person) -> None:
    order = place(client, seller, buyer, reference="R-9")
    response = client.post("/api/v1/shipments/import", headers=seller.headers,
                           files={"file": ("s.csv", _csv("R-9,rb123456785g8,"), "text/csv")})
    assert response.status_code == 200, response.text
    [row] = response.json()["data"]["rows"]
    assert row["status"] == "corrected" and row["number"] == "RB123456785GB"
    assert _packages(client, buyer, order["id"]) == ["RB123456785GB"]


def test_import_bad_files_are_4xx(client: TestClient, seller: Person, buyer: Person) -> None:
    for body in (b"", b"order_reference,tracking_number\n", b"\xff\xfe\x00bin"):
        response = client.post("/api/v1/shipments/import", headers=seller.headers, content=body)
        assert response.status_code == 400, response.text
    response = client.post("/api/v1/shipments/import", headers=buyer.headers, content=_csv("X,Y,"))
    assert response.status_code == 403


def test_import_ranks_a_mistyped_number_once(client: TestClient, seller: Person, buyer: Person,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # One ranking serves both the refusal's short list and the decision to correct silently, so the two
    # can never disagree and a large file does not pay for the search twice per typo.
    from parceltrail.services.marketplace import order_import, orders

    calls: list[str] = []

    def counted(number: str, **kwargs: Any) -> list[Suggestion]:
        calls.append(number)
        return suggest(number, **kwargs)

    for module in (orders, order_import):
        monkeypatch.setattr(module, "suggest", counted, raising=False)
    place(client, seller, buyer, reference="Q-1")
    place(client, seller, buyer, reference="Q-2")
    body = _csv("Q-1,RB123456758GB,", "Q-2,rb123456785g8,")
    response = client.post("/api/v1/shipments/import", headers=seller.headers,
                           files={"file": ("s.csv", body, "text/csv")})
    rows = response.json()["data"]["rows"]
    assert [r["status"] for r in rows] == ["rejected", "corrected"]
    assert calls == ["RB123456758GB", "RB123456785G8"]
    shown = [s.number for s in suggest("RB123456758GB")]
    assert rows[0]["suggestions"] == shown and len(shown) > 1
