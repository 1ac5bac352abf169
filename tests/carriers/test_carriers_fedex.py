from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from parceltrail.adapters.carriers.fedex import FedexConnector
from parceltrail.domain.connectors import Failure, FailureKind, TrackResult

BASE = "https://fedex.test"
TOKEN_URL = f"{BASE}/oauth/token"
TRACK_URL = f"{BASE}/track/v1/trackingnumbers"
DELIVERED, UNKNOWN = "794843185271", "123456789012"


@pytest.fixture
def fedex(connector_options) -> FedexConnector:
    return FedexConnector("key", "secret", base_url=BASE, **connector_options)


@pytest.fixture
def token(token_route):
    return token_route(TOKEN_URL, "fedex_token.json")


def test_two_numbers_events_and_not_found(fedex, mock, token, recorded) -> None:
    route = mock.post(TRACK_URL).mock(return_value=httpx.Response(200, json=recorded("fedex_track_two.json")))
    outcomes = fedex.fetch([DELIVERED, UNKNOWN])
    result = outcomes[DELIVERED]
    assert isinstance(result, TrackResult)
    assert [e.code for e in result.events] == ["PU", "CC|IT", "DL"]
    assert result.events[0].occurred_at == datetime(2026, 1, 6, 1, 3, tzinfo=UTC)
    assert result.events[0].occurred_at.utcoffset() == timedelta(hours=-8)
    assert result.events[-1].city == "TORONTO" and result.events[-1].country == "CA"
    assert (result.origin_country, result.destination_country) == ("US", "CA")
    missing = outcomes[UNKNOWN]
    assert isinstance(missing, Failure) and missing.kind is FailureKind.NOT_FOUND
    body = json.loads(route.calls.last.request.content)
    assert body["includeDetailedScans"] is True
    assert [i["trackingNumberInfo"]["trackingNumber"] for i in body["trackingInfo"]] == [DELIVERED, UNKNOWN]
    assert b"client_id=key" in token.calls.last.request.content


def _answer_all(request: httpx.Request) -> httpx.Response:
    numbers = [i["trackingNumberInfo"]["trackingNumber"] for i in json.loads(request.content)["trackingInfo"]]
    return httpx.Response(200, json={"output": {"completeTrackResults": [
        {"trackingNumber": n, "trackResults": [{"error": {"code": "TRACKING.TRACKINGNUMBER.NOTFOUND",
                                                          "message": "not found"}}]} for n in numbers]}})


def test_batches_of_at_most_30(fedex, mock, token) -> None:
    route = mock.post(TRACK_URL).mock(side_effect=_answer_all)
    numbers = [f"7948431852{i:02d}" for i in range(65)]
    outcomes = fedex.fetch(numbers)
    assert len(outcomes) == 65 and route.call_count == 3
    sizes = [len(json.loads(c.request.content)["trackingInfo"]) for c in route.calls]
    assert sizes == [30, 30, 5]
    assert fedex.max_batch == 30


@pytest.mark.parametrize(("status", "kind"), [
    (403, FailureKind.AUTH),
    (404, FailureKind.RETRY_LATER),  # the resource, not a number (numbers are reported per result)
    (500, FailureKind.RETRY_LATER),
    (503, FailureKind.RETRY_LATER),
])
def test_documented_errors(fedex, mock, token, recorded, status, kind) -> None:
    doc = recorded(f"fedex_error_{status}.json")
    mock.post(TRACK_URL).mock(return_value=httpx.Response(status, json=doc))
    outcomes = fedex.fetch([DELIVERED, UNKNOWN])
    assert all(isinstance(o, Failure) and o.kind is kind for o in outcomes.values())


def test_400_for_one_number_is_permanent_and_splits_batches(fedex, mock, token, recorded) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        items = json.loads(request.content)["trackingInfo"]
        numbers = [i["trackingNumberInfo"]["trackingNumber"] for i in items]
        if "BAD" in numbers:
            return httpx.Response(400, json=recorded("fedex_error_400.json"))
        return _answer_all(request)

    mock.post(TRACK_URL).mock(side_effect=answer)
    outcomes = fedex.fetch([DELIVERED, "BAD"])
    assert outcomes["BAD"].kind is FailureKind.PERMANENT
    assert outcomes[DELIVERED].kind is FailureKind.NOT_FOUND


def test_401_auth_after_one_refresh(fedex, mock, token, recorded) -> None:
    mock.post(TRACK_URL).mock(return_value=httpx.Response(401, json=recorded("fedex_error_401.json")))
    outcome = fedex.fetch([DELIVERED])[DELIVERED]
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.AUTH
    assert token.call_count == 2


def test_bad_client_credentials(fedex, mock, recorded) -> None:
    mock.post(TOKEN_URL).mock(return_value=httpx.Response(401, json=recorded("fedex_token_error_401.json")))
    outcome = fedex.fetch([DELIVERED])[DELIVERED]
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.AUTH
    assert "NOT.AUTHORIZED.ERROR" in outcome.reason


def test_429_retry_after(fedex, mock, token, recorded) -> None:
    mock.post(TRACK_URL).mock(return_value=httpx.Response(429, headers={"Retry-After": "30"},
                                                          json=recorded("fedex_error_429.json")))
    outcome = fedex.fetch([DELIVERED])[DELIVERED]
    assert outcome.kind is FailureKind.RETRY_LATER and outcome.retry_after_seconds == 30


def test_token_refresh_before_expiry(fedex, mock, token, recorded, clock) -> None:
    mock.post(TRACK_URL).mock(return_value=httpx.Response(200, json=recorded("fedex_track_two.json")))
    fedex.fetch([DELIVERED, UNKNOWN])
    clock.advance(timedelta(minutes=50))
    fedex.fetch([DELIVERED, UNKNOWN])
    assert token.call_count == 1
    clock.advance(timedelta(minutes=6))  # 3599 s lifetime minus the 5 min margin has passed
    fedex.fetch([DELIVERED, UNKNOWN])
    assert token.call_count == 2


def test_malformed_body_fails_whole_batch(fedex, mock, token, recorded) -> None:
    doc = recorded("fedex_track_two.json")
    del doc["output"]["completeTrackResults"][1]  # one number missing: no partial results
    mock.post(TRACK_URL).mock(return_value=httpx.Response(200, json=doc))
    outcomes = fedex.fetch([DELIVERED, UNKNOWN])
    assert all(isinstance(o, Failure) and o.kind is FailureKind.RETRY_LATER for o in outcomes.values())
