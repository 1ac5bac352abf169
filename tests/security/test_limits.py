"""The operator's caps per account: a write key cannot mint keys, subscriptions or trackings without end."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from parceltrail.adapters.sandbox.server import serve_in_thread
from parceltrail.adapters.sandbox.timeline import load_or_create
from parceltrail.bootstrap import Runtime, build, sandbox_app
from parceltrail.entrypoints.http.app import create_app
from parceltrail.settings import Settings
from tests.api.conftest import DELIVERED, UPS, make_keys


@pytest.fixture
def capped(tmp_path: Path) -> Iterator[Runtime]:
    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'parceltrail.db'}", demo=True,
                        sandbox_speed=3600.0, max_keys_per_account=3, max_subscriptions_per_account=1,
                        max_trackings_per_account=1)
    simulation = load_or_create(tmp_path, 3600.0)
    base_url, stop = serve_in_thread(sandbox_app(settings, simulation))
    try:
        yield build(settings, base_url, simulation=simulation)
    finally:
        stop()


def test_caps_on_keys_trackings_and_subscriptions(capped: Runtime) -> None:
    keys = make_keys(capped, "shop")  # a write and a read key
    client = TestClient(create_app(capped, poll=False))
    headers = {"X-API-Key": keys.write}
    assert client.post("/api/v1/keys", headers=headers, json={"scope": "read"}).status_code == 201
    answer = client.post("/api/v1/keys", headers=headers, json={"scope": "write"})
    assert answer.status_code == 403 and answer.json()["error"]["code"] == "limit_reached"

    first = client.post("/api/v1/trackings", headers=headers, json={"tracking_number": DELIVERED})
    assert first.status_code == 201
    # the same number again is the existing tracking, not a new one
    assert client.post("/api/v1/trackings", headers=headers,
                       json={"tracking_number": DELIVERED}).status_code in (200, 201, 409)
    answer = client.post("/api/v1/trackings", headers=headers, json={"tracking_number": UPS})
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "limit_reached"
    with capped.store.read() as repo:
        assert repo.shipments.find(UPS) is None  # nothing was registered for the refused one

    body = {"channel": "apprise", "target": "ntfy://parcels-topic"}
    assert client.post("/api/v1/subscriptions", headers=headers, json=body).status_code == 201
    answer = client.post("/api/v1/subscriptions", headers=headers, json=body)
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "limit_reached"
