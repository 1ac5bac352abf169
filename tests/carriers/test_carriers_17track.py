from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from parceltrail.adapters.carriers.http import MalformedResponseError
from parceltrail.adapters.carriers.seventeentrack import (
    InvalidSignatureError,
    SeventeenTrackConnector,
    parse_push,
    push_sign,
    verify_push,
)
from parceltrail.domain.connectors import Failure, FailureKind, NextLeg, TrackResult

BASE = "https://17track.test/track/v2.2"
INFO_URL = f"{BASE}/gettrackinfo"
REGISTER_URL = f"{BASE}/register"
CN, PENDING = "LZ123456785CN", "UB000000001CN"
KEY = "secret-17track-key"


@pytest.fixture
def account(client, clock, limiter) -> SeventeenTrackConnector:
    return SeventeenTrackConnector(KEY, base_url=BASE, client=client, clock=clock, limiter=limiter)


def test_events_from_all_providers_and_next_leg(account, mock, recorded) -> None:
    doc = recorded("17track_gettrackinfo.json")
    route = mock.post(INFO_URL).mock(return_value=httpx.Response(200, json=doc))
    outcomes = account.for_carrier("china-post").fetch([CN, PENDING])
    result = outcomes[CN]
    assert isinstance(result, TrackResult)
    assert [e.code for e in result.events] == ["InfoReceived", "InTransit_PickedUp", "InTransit_Departure",
                                               "InTransit_Arrival"]
    first, last = result.events[0], result.events[-1]
    assert first.occurred_at == datetime(2025, 12, 30, 1, 0, tzinfo=UTC)
    assert first.occurred_at.utcoffset() == timedelta(hours=8)
    assert last.occurred_at.utcoffset() == timedelta(hours=-5)
    assert last.city == "JAMAICA" and last.country == "US" and last.latitude == pytest.approx(40.69)
    assert result.events[1].text == "已收寄"
    assert result.next_leg == NextLeg(number="9400111899223197428490", carrier="usps")
    assert (result.origin_country, result.destination_country) == ("CN", "US")
    pending = outcomes[PENDING]
    assert isinstance(pending, Failure) and pending.kind is FailureKind.NOT_FOUND
    request = route.calls.last.request
    assert request.headers["17token"] == KEY
    assert json.loads(request.content) == [{"number": CN, "carrier": 3011},
                                           {"number": PENDING, "carrier": 3011}]


def test_unregistered_number_is_registered(account, mock, recorded) -> None:
    unregistered = recorded("17track_gettrackinfo_unregistered.json")
    mock.post(INFO_URL).mock(return_value=httpx.Response(200, json=unregistered))
    registered = recorded("17track_register.json")
    register = mock.post(REGISTER_URL).mock(return_value=httpx.Response(200, json=registered))
    number = "YT2400000000000001"
    outcome = account.for_carrier("yunexpress").fetch([number])[number]
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.NOT_FOUND
    assert "registered" in outcome.reason
    assert json.loads(register.calls.last.request.content) == [{"number": number, "carrier": 190008}]


def test_batches_of_at_most_40(account, mock) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        items = json.loads(request.content)
        return httpx.Response(200, json={"code": 0, "data": {"accepted": [], "rejected": [
            {"number": i["number"], "error": {"code": -18019909, "message": "No tracking information."}}
            for i in items]}})

    route = mock.post(INFO_URL).mock(side_effect=answer)
    numbers = [f"LZ{i:09d}CN" for i in range(95)]
    outcomes = account.for_carrier("cainiao").fetch(numbers)
    assert len(outcomes) == 95
    assert [len(json.loads(c.request.content)) for c in route.calls] == [40, 40, 15]
    assert account.max_batch == 40


@pytest.mark.parametrize(("fixture", "status", "kind"), [
    ("17track_error_invalid_key.json", 200, FailureKind.AUTH),
    ("17track_error_invalid_key.json", 401, FailureKind.AUTH),
    ("17track_error_internal.json", 200, FailureKind.RETRY_LATER),
    ("17track_error_quota.json", 200, FailureKind.RETRY_LATER),
    ("17track_error_format.json", 200, FailureKind.PERMANENT),
])
def test_documented_errors(account, mock, recorded, fixture, status, kind) -> None:
    doc = recorded(fixture)
    numbers = [r["number"] for r in doc["data"].get("rejected", [])] or [CN]
    mock.post(INFO_URL).mock(return_value=httpx.Response(status, json=doc))
    outcomes = account.fetch(numbers)
    assert all(isinstance(o, Failure) and o.kind is kind for o in outcomes.values())


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors(account, mock, status) -> None:
    mock.post(INFO_URL).mock(return_value=httpx.Response(status, text="oops"))
    assert account.fetch([CN])[CN].kind is FailureKind.RETRY_LATER


def test_429_retry_after(account, mock) -> None:
    mock.post(INFO_URL).mock(return_value=httpx.Response(429, headers={"Retry-After": "2"},
                                                         json={"code": 429, "data": {}}))
    outcome = account.fetch([CN])[CN]
    assert outcome.kind is FailureKind.RETRY_LATER and outcome.retry_after_seconds == 2


def test_malformed_fails_whole_batch(account, mock, recorded) -> None:
    doc = recorded("17track_gettrackinfo.json")
    doc["data"]["accepted"][0]["track_info"]["tracking"]["providers"][1]["events"][0]["time_iso"] = "soon"
    mock.post(INFO_URL).mock(return_value=httpx.Response(200, json=doc))
    outcomes = account.fetch([CN, PENDING])
    assert all(isinstance(o, Failure) and o.kind is FailureKind.RETRY_LATER for o in outcomes.values())


def test_push_sign_scheme() -> None:
    body = b'{"event":"TRACKING_STOPPED"}'
    import hashlib
    assert push_sign(body, KEY) == hashlib.sha256(body + b"/" + KEY.encode()).hexdigest()


def test_push_valid(recorded_bytes) -> None:
    body = recorded_bytes("17track_push_updated.json")
    update = parse_push(body, push_sign(body, KEY), KEY)
    assert update.event == "TRACKING_UPDATED" and update.number == CN and update.carrier_key == 3011
    result = update.outcome
    assert isinstance(result, TrackResult)
    assert [e.code for e in result.events] == ["Delivered_Other"]
    assert result.events[0].occurred_at == datetime(2026, 1, 9, 16, 47, tzinfo=UTC)
    assert result.next_leg == NextLeg("9400111899223197428490", "usps")


def test_push_tampered_and_missing(recorded_bytes) -> None:
    body = recorded_bytes("17track_push_updated.json")
    sign = push_sign(body, KEY)
    tampered = body.replace(b"Delivered_Other", b"Exception_Lost")
    assert not verify_push(tampered, sign, KEY)
    with pytest.raises(InvalidSignatureError):
        parse_push(tampered, sign, KEY)
    with pytest.raises(InvalidSignatureError, match="missing"):
        parse_push(body, None, KEY)
    with pytest.raises(InvalidSignatureError):
        parse_push(body, push_sign(body, "other-key"), KEY)


def test_push_stopped_and_malformed(recorded_bytes) -> None:
    body = recorded_bytes("17track_push_stopped.json")
    update = parse_push(body, push_sign(body, KEY), KEY)
    assert update.event == "TRACKING_STOPPED" and update.outcome is None
    junk = b"not json"
    with pytest.raises(MalformedResponseError):
        parse_push(junk, push_sign(junk, KEY), KEY)
