"""17TRACK's push webhook over HTTP: signature checked, events ingested once, next leg followed."""

from __future__ import annotations

from pathlib import Path

import pytest

from parceltrail.adapters.carriers.seventeentrack import push_sign

KEY = "secret-17track-key"
RECORDED = Path(__file__).resolve().parents[1] / "carriers" / "recorded"
NUMBER = "LZ123456785CN"


@pytest.fixture
def body() -> bytes:
    return (RECORDED / "17track_push_updated.json").read_bytes()


def test_push_is_refused_when_not_configured(client, body, monkeypatch) -> None:
    monkeypatch.delenv("PARCELTRAIL_17TRACK_KEY", raising=False)
    answer = client.post("/webhooks/17track", content=body, headers={"sign": push_sign(body, KEY)})
    assert answer.status_code == 404 and answer.json()["error"]["code"] == "push_disabled"


def test_bad_signatures_and_bodies_are_refused_and_write_nothing(client, runtime, body, monkeypatch) -> None:
    monkeypatch.setenv("PARCELTRAIL_17TRACK_KEY", KEY)
    shipment = runtime.tracker.register(NUMBER, "china-post")
    tampered = body.replace(b"Delivered_Other", b"Exception_Lost")
    for content, sign, code in ((body, None, "invalid_signature"),
                                (tampered, push_sign(body, KEY), "invalid_signature"),
                                (b"{not json", push_sign(b"{not json", KEY), "malformed_push")):
        headers = {"sign": sign} if sign else {}
        answer = client.post("/webhooks/17track", content=content, headers=headers)
        assert answer.json()["error"]["code"] == code
        assert answer.status_code in (400, 401)
    assert runtime.tracker.timeline(shipment.id).events == []


def test_a_signed_push_is_ingested_once_and_follows_the_next_leg(client, runtime, body, monkeypatch) -> None:
    monkeypatch.setenv("PARCELTRAIL_17TRACK_KEY", KEY)
    shipment = runtime.tracker.register(NUMBER, "china-post")
    for _ in range(2):  # 17TRACK retries: the same push twice stores its events once
        answer = client.post("/webhooks/17track", content=body, headers={"sign": push_sign(body, KEY)})
        assert answer.status_code == 200 and answer.json()["data"]["accepted"] is True
    timeline = runtime.tracker.timeline(shipment.id)
    assert [e.raw_code for e in timeline.events] == ["Delivered_Other"]
    assert [e.source for e in timeline.events] == ["17track"]
    assert timeline.shipment.tag == "Delivered"
    assert [leg.tracking_number for leg in timeline.legs] == [NUMBER, "9400111899223197428490"]


def test_a_push_for_an_unknown_number_is_acknowledged_and_ignored(client, runtime, body, monkeypatch) -> None:
    monkeypatch.setenv("PARCELTRAIL_17TRACK_KEY", KEY)
    answer = client.post("/webhooks/17track", content=body, headers={"sign": push_sign(body, KEY)})
    assert answer.status_code == 200 and answer.json()["data"]["accepted"] is False
    with runtime.store.read() as repo:
        assert repo.shipments.find(NUMBER) is None


def test_a_signed_push_with_a_malformed_field_names_it_and_writes_nothing(client, runtime, body,
                                                                          monkeypatch) -> None:
    import json

    monkeypatch.setenv("PARCELTRAIL_17TRACK_KEY", KEY)
    shipment = runtime.tracker.register(NUMBER, "china-post")
    doc = json.loads(body)
    doc["data"]["track_info"]["tracking"]["providers"][0]["events"][0]["description"] = 7
    broken = json.dumps(doc).encode()
    answer = client.post("/webhooks/17track", content=broken, headers={"sign": push_sign(broken, KEY)})
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["code"] == "malformed_push"
    assert error["message"] == ("data.track_info.tracking.providers.0.events.0.description: "
                                "Input should be a valid string")
    assert runtime.tracker.timeline(shipment.id).events == []
