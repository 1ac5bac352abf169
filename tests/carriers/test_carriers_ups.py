from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from parceltrail.adapters.carriers.ups import UpsConnector
from parceltrail.domain.connectors import Failure, FailureKind, TrackResult

BASE = "https://ups.test"
NUMBER = "1Z023E2X0214323462"
TOKEN_URL = f"{BASE}/security/v1/oauth/token"
TRACK_URL = f"{BASE}/api/track/v1/details/{NUMBER}"


@pytest.fixture
def ups(connector_options) -> UpsConnector:
    return UpsConnector("id", "secret", base_url=BASE, **connector_options)


@pytest.fixture
def token(token_route):
    return token_route(TOKEN_URL, "ups_token.json")


def test_delivered_with_type_and_code(ups, mock, token, recorded) -> None:
    doc = recorded("ups_details_delivered.json")
    route = mock.get(TRACK_URL).mock(return_value=httpx.Response(200, json=doc))
    result = ups.fetch([NUMBER])[NUMBER]
    assert isinstance(result, TrackResult)
    assert [e.code for e in result.events] == ["M:MP|M", "I:DP|I", "O:OT|O", "D:KB|D"]
    delivered = result.events[-1]
    assert delivered.text == "DELIVERED"
    assert delivered.occurred_at == datetime(2026, 1, 6, 19, 35, tzinfo=UTC)
    assert delivered.occurred_at.utcoffset() == timedelta(hours=-5)
    assert delivered.city == "ATLANTA" and delivered.country == "US"
    # No gmtOffset on this scan: derived from local vs GMT date/time (23:15 local = 04:15 GMT next day).
    departed = result.events[1]
    assert departed.occurred_at.utcoffset() == timedelta(hours=-5)
    assert departed.occurred_at == datetime(2026, 1, 6, 4, 15, tzinfo=UTC)
    request = route.calls.last.request
    assert request.headers["Authorization"] == "Bearer ups-access-token-1"
    assert request.headers["transactionSrc"] and request.headers["transId"]
    basic = token.calls.last.request.headers["Authorization"]
    assert basic == "Basic " + base64.b64encode(b"id:secret").decode()


def test_warning_not_found(ups, mock, token, recorded) -> None:
    mock.get(url__startswith=f"{BASE}/api/track/").mock(
        return_value=httpx.Response(200, json=recorded("ups_details_warning_not_found.json")))
    outcome = ups.fetch(["1Z9999999999999999"])["1Z9999999999999999"]
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.NOT_FOUND
    assert "TW0001" in outcome.reason


@pytest.mark.parametrize(("status", "kind"), [
    (400, FailureKind.PERMANENT),
    (403, FailureKind.AUTH),
    (404, FailureKind.NOT_FOUND),
    (500, FailureKind.RETRY_LATER),
    (503, FailureKind.RETRY_LATER),
])
def test_documented_errors(ups, mock, token, recorded, status, kind) -> None:
    mock.get(TRACK_URL).mock(return_value=httpx.Response(status, json=recorded(f"ups_error_{status}.json")))
    outcome = ups.fetch([NUMBER])[NUMBER]
    assert isinstance(outcome, Failure) and outcome.kind is kind


def test_401_after_refresh_is_auth(ups, mock, token, recorded) -> None:
    mock.get(TRACK_URL).mock(return_value=httpx.Response(401, json=recorded("ups_error_401.json")))
    outcome = ups.fetch([NUMBER])[NUMBER]
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.AUTH and "250002" in outcome.reason
    assert token.call_count == 2


def test_429_with_retry_after(ups, mock, token, recorded) -> None:
    mock.get(TRACK_URL).mock(return_value=httpx.Response(429, headers={"Retry-After": "60"},
                                                         json=recorded("ups_error_429.json")))
    outcome = ups.fetch([NUMBER])[NUMBER]
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.RETRY_LATER
    assert outcome.retry_after_seconds == 60


def test_string_expires_in_and_refresh(ups, mock, token, recorded, clock) -> None:
    mock.get(TRACK_URL).mock(return_value=httpx.Response(200, json=recorded("ups_details_delivered.json")))
    ups.fetch([NUMBER])
    clock.advance(timedelta(hours=3, minutes=50))  # 14399 s lifetime, 5 min margin: still fine
    ups.fetch([NUMBER])
    assert token.call_count == 1
    clock.advance(timedelta(minutes=6))
    ups.fetch([NUMBER])
    assert token.call_count == 2


def test_malformed(ups, mock, token) -> None:
    mock.get(TRACK_URL).mock(return_value=httpx.Response(200, json={"trackResponse": {"shipment": [
        {"package": [{"activity": [{"status": {"type": "D", "description": "DELIVERED"},
                                    "date": "2026-13-45"}]}]}]}}))
    outcome = ups.fetch([NUMBER])[NUMBER]
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.RETRY_LATER
