from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from parceltrail.adapters.carriers.usps import UspsConnector
from parceltrail.domain.connectors import Failure, FailureKind, TrackResult

BASE = "https://usps.test"
NUMBER = "9400111899223197428490"
TOKEN_URL = f"{BASE}/oauth2/v3/token"
TRACK_URL = f"{BASE}/tracking/v3/tracking/{NUMBER}"


@pytest.fixture
def usps(connector_options) -> UspsConnector:
    return UspsConnector("id", "secret", base_url=BASE, **connector_options)


@pytest.fixture
def token(token_route):
    return token_route(TOKEN_URL, "usps_token.json")


def test_delivered_events_times_codes_location(usps, mock, token, recorded) -> None:
    doc = recorded("usps_tracking_delivered.json")
    route = mock.get(TRACK_URL).mock(return_value=httpx.Response(200, json=doc))
    result = usps.fetch([NUMBER])[NUMBER]
    assert isinstance(result, TrackResult)
    assert [e.code for e in result.events] == ["03", "T1", "OF", "01"]  # oldest first
    delivered = result.events[-1]
    assert delivered.text == "Delivered, In/At Mailbox"
    assert delivered.occurred_at == datetime(2026, 1, 6, 15, 23, tzinfo=UTC)  # the instant is right
    assert delivered.occurred_at.utcoffset() == timedelta(hours=-5)  # and local offset kept
    assert delivered.occurred_at.hour == 10
    assert delivered.city == "ARLINGTON" and delivered.country == "US"
    assert delivered.location == "ARLINGTON, VA, 22201"
    assert result.events[0].occurred_at.utcoffset() == timedelta(hours=-7)  # Denver scan
    request = route.calls.last.request
    assert request.url.params["expand"] == "DETAIL"
    assert request.headers["Authorization"] == "Bearer usps-access-token-1"
    token_body = token.calls.last.request.content
    assert b"client_credentials" in token_body and b'"client_id"' in token_body


@pytest.mark.parametrize(("status", "kind"), [
    (400, FailureKind.PERMANENT),
    (403, FailureKind.AUTH),
    (404, FailureKind.NOT_FOUND),
    (500, FailureKind.RETRY_LATER),
    (503, FailureKind.RETRY_LATER),
])
def test_documented_errors(usps, mock, token, recorded, status, kind) -> None:
    mock.get(TRACK_URL).mock(return_value=httpx.Response(status, json=recorded(f"usps_error_{status}.json")))
    outcome = usps.fetch([NUMBER])[NUMBER]
    assert isinstance(outcome, Failure) and outcome.kind is kind
    assert str(status) in outcome.reason or kind is FailureKind.PERMANENT


def test_401_refreshes_token_once_then_reports_auth(usps, mock, token, recorded) -> None:
    route = mock.get(TRACK_URL).mock(return_value=httpx.Response(401, json=recorded("usps_error_401.json")))
    outcome = usps.fetch([NUMBER])[NUMBER]
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.AUTH
    assert route.call_count == 2 and token.call_count == 2  # token dropped and fetched anew once


def test_401_then_success_after_fresh_token(usps, mock, token, recorded) -> None:
    mock.get(TRACK_URL).mock(side_effect=[
        httpx.Response(401, json=recorded("usps_error_401.json")),
        httpx.Response(200, json=recorded("usps_tracking_delivered.json")),
    ])
    assert isinstance(usps.fetch([NUMBER])[NUMBER], TrackResult)


def test_429_retry_after_stops_the_batch(usps, mock, token, recorded) -> None:
    route = mock.get(url__startswith=f"{BASE}/tracking/v3/tracking/").mock(
        return_value=httpx.Response(429, headers={"Retry-After": "1800"},
                                    json=recorded("usps_error_429.json")))
    outcomes = usps.fetch([NUMBER, "9400111899223197428491", "9400111899223197428492"])
    assert route.call_count == 1  # the rest is not hammered
    assert all(isinstance(o, Failure) and o.kind is FailureKind.RETRY_LATER and o.retry_after_seconds == 1800
               for o in outcomes.values())
    assert len(outcomes) == 3


def test_token_refreshed_before_expiry(usps, mock, token, recorded, clock) -> None:
    mock.get(TRACK_URL).mock(return_value=httpx.Response(200, json=recorded("usps_tracking_delivered.json")))
    usps.fetch([NUMBER])
    clock.advance(timedelta(hours=7))  # token lives 28799 s; still > 5 min left
    usps.fetch([NUMBER])
    assert token.call_count == 1
    clock.advance(timedelta(minutes=56))  # within the refresh margin
    usps.fetch([NUMBER])
    assert token.call_count == 2


def test_bad_credentials_at_token_endpoint(usps, mock, recorded) -> None:
    mock.post(TOKEN_URL).mock(return_value=httpx.Response(401, json=recorded("usps_token_error_401.json")))
    outcome = usps.fetch([NUMBER])[NUMBER]
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.AUTH
    assert "invalid_client" in outcome.reason


def test_token_endpoint_down_is_retry_later(usps, mock) -> None:
    mock.post(TOKEN_URL).mock(return_value=httpx.Response(503, text="upstream down"))
    outcome = usps.fetch([NUMBER])[NUMBER]
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.RETRY_LATER


@pytest.mark.parametrize("body", [
    b"<html>gateway</html>",
    b'{"trackingNumber": "x", "trackingEvents": [{"eventType": "Delivered"}]}',  # no time
    b'{"trackingNumber": "x", "trackingEvents": [{"eventType": "x", "GMTTimestamp": "2026-01-06T15:23:00Z",'
    b' "GMTOffset": "-05:00"}, "garbage"]}',
    b"[]",
])
def test_malformed_body_is_retry_later_without_partial_events(usps, mock, token, body) -> None:
    mock.get(TRACK_URL).mock(return_value=httpx.Response(200, content=body))
    outcome = usps.fetch([NUMBER])[NUMBER]
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.RETRY_LATER
    assert "malformed" in outcome.reason


def test_no_events_is_not_found(usps, mock, token) -> None:
    mock.get(TRACK_URL).mock(return_value=httpx.Response(200, json={
        "trackingNumber": NUMBER, "statusSummary": "Label created, not yet in system", "trackingEvents": []}))
    outcome = usps.fetch([NUMBER])[NUMBER]
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.NOT_FOUND


def test_timeout_is_retry_later(usps, mock, token) -> None:
    mock.get(TRACK_URL).mock(side_effect=httpx.ConnectTimeout("slow"))
    outcome = usps.fetch([NUMBER])[NUMBER]
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.RETRY_LATER
