"""The API on a fresh install with no keys: a parcel no enabled connector can follow gets no ETA and no
silence warning, only what would make it trackable; the connector used is shown with the shipment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from parceltrail.adapters.sandbox.server import serve_in_thread
from parceltrail.adapters.sandbox.timeline import load_or_create
from parceltrail.bootstrap import build, sandbox_app
from parceltrail.domain.accounts import Scope
from parceltrail.entrypoints.http.app import create_app
from parceltrail.settings import Settings

from .replay import ReplayServer, cainiao_body

NOTHING_FOLLOWS = "LE424296059SE"  # PostNord Sweden: no connector, no key


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[TestClient, dict[str, str]]]:
    for name in ("PARCELTRAIL_17TRACK_KEY", "PARCELTRAIL_DISABLE_CONNECTORS"):
        monkeypatch.delenv(name, raising=False)
    simulation = load_or_create(tmp_path, 3600.0)
    with ReplayServer().running() as replay:
        body = cainiao_body("RS0814398526Y.response-body.json").replace(b"RS0814398526Y", b"RB123456785CN")
        replay.json("global/detail.json", "RB123456785CN", body)
        monkeypatch.setenv("PARCELTRAIL_CAINIAO_URL", replay.url)
        settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'p.db'}", demo=False,
                            sandbox_speed=3600.0)
        base_url, stop = serve_in_thread(sandbox_app(settings, simulation))
        try:
            runtime = build(settings, base_url, simulation=simulation)
            now = runtime.clock.now()
            with runtime.store.transaction() as repo:
                accounts = repo.accounts
                account = accounts.create_account("alice", now)
                _, key = accounts.create_key(account.id, Scope.WRITE, now)
            yield TestClient(create_app(runtime, poll=False)), {"X-API-Key": key}
        finally:
            stop()


def _track(client: TestClient, headers: dict[str, str], number: str) -> dict:
    answer = client.post("/api/v1/trackings", json={"tracking_number": number}, headers=headers)
    created = answer.json()["data"]
    assert client.post(f"/api/v1/trackings/{created['id']}/retrack", headers=headers).status_code == 200
    return client.get(f"/api/v1/trackings/{created['id']}", headers=headers).json()["data"]


def test_unfollowable_parcel_has_no_eta_or_health_but_says_what_to_set(
        client: tuple[TestClient, dict]) -> None:
    api, headers = client
    data = _track(api, headers, NOTHING_FOLLOWS)
    assert data["eta"] is None and data["health"] is None
    shipment = data["shipment"]
    assert shipment["connector"] is None and "PARCELTRAIL_17TRACK_KEY" in shipment["unfollowed_reason"]


def test_followed_parcel_shows_its_connector(client: tuple[TestClient, dict]) -> None:
    api, headers = client
    data = _track(api, headers, "RB123456785CN")
    assert data["shipment"]["connector"] == "cainiao" and data["shipment"]["unfollowed_reason"] is None
    assert len([e for e in data["events"] if e["tracking_number"] == "RB123456785CN"]) == 14


def test_track_page_says_what_would_make_it_trackable(client: tuple[TestClient, dict]) -> None:
    api, _ = client
    assert api.post("/track", data={"q": NOTHING_FOLLOWS}, follow_redirects=False).status_code == 303
    page = api.get(f"/track/{NOTHING_FOLLOWS}")
    assert page.status_code == 200
    assert "PARCELTRAIL_17TRACK_KEY" in page.text
    assert "Estimated delivery" not in page.text and "may be lost" not in page.text
