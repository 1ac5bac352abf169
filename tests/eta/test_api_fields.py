"""The ETA and health in the native API, the AfterShip-compatible tracking (parsed by the official SDK's
models) and the estimated-delivery-date endpoints."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tracking import models

from tests.api.conftest import DELIVERED, Keys, as_auth, auth


def test_native_tracking_has_eta_and_health(client: TestClient, alice: Keys) -> None:
    created = client.post("/api/v1/trackings", json={"tracking_number": DELIVERED}, headers=auth(alice.write))
    assert created.status_code == 201, created.text
    data = created.json()["data"]
    eta, health = data["eta"], data["health"]
    assert eta is not None and eta["level"] == 0.8 and eta["earliest"] <= eta["date"] <= eta["latest"]
    assert eta["basis"]
    assert health["state"] in ("ok", "not_updated", "possibly_lost", "expired")
    assert {"silence_days", "likely_reason"} <= set(health)
    listed = client.get("/api/v1/trackings", headers=auth(alice.read)).json()["data"]
    assert listed[0]["eta"] is not None and listed[0]["health"] is not None


def test_aftership_tracking_has_an_sdk_parsable_edd(client: TestClient, alice: Keys) -> None:
    created = client.post("/tracking/2026-07/trackings", json={"tracking_number": DELIVERED},
                          headers=as_auth(alice.write))
    assert created.status_code == 201, created.text
    parsed = models.Tracking.from_dict(created.json()["data"])
    assert parsed is not None
    edd = parsed.aftership_estimated_delivery_date
    assert edd is not None and edd.estimated_delivery_date_min <= edd.estimated_delivery_date \
        <= edd.estimated_delivery_date_max
    assert 0 < edd.confidence_code <= 1
    latest = parsed.latest_estimated_delivery
    assert latest is not None and latest.type.value == "range" and latest.source.value == "AfterShip EDD"


def test_predict_endpoint_uses_the_model(client: TestClient, alice: Keys) -> None:
    body = {"slug": "usps", "origin_address": {"country_region": "USA"},
            "destination_address": {"country_region": "USA"}, "pickup_time": "2026-11-02T10:00:00Z"}
    answer = client.post("/tracking/2026-07/estimated-delivery-date/predict", json=body,
                         headers=as_auth(alice.read))
    assert answer.status_code == 200, answer.text
    data = answer.json()["data"]
    assert data["estimated_delivery_date_max"] > "2026-11-02"
    assert data["estimated_delivery_date_min"] <= data["estimated_delivery_date"] <= \
        data["estimated_delivery_date_max"]
    intl = dict(body, destination_address={"country_region": "DEU"})
    far = client.post("/tracking/2026-07/estimated-delivery-date/predict", json=intl,
                      headers=as_auth(alice.read)).json()["data"]
    assert far["estimated_delivery_date"] > data["estimated_delivery_date"]  # priors: abroad takes longer
