from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from parceltrail.adapters.carriers.dhl import DhlConnector
from parceltrail.adapters.carriers.http import RequestPacer
from parceltrail.domain.connectors import Failure, FailureKind, TrackResult

BASE = "https://dhl.test"
URL = f"{BASE}/track/shipments"
NUMBER = "7777777770"


@pytest.fixture
def dhl(connector_options) -> DhlConnector:
    return DhlConnector("dhl-key", base_url=BASE, **connector_options)


def test_express_events(dhl, mock, recorded) -> None:
    route = mock.get(URL).mock(return_value=httpx.Response(200, json=recorded("dhl_shipments_express.json")))
    result = dhl.fetch([NUMBER])[NUMBER]
    assert isinstance(result, TrackResult)
    assert [e.code for e in result.events] == ["pre-transit", "transit", "transit", "delivered"]
    delivered = result.events[-1]
    assert delivered.occurred_at == datetime(2026, 1, 7, 9, 37, tzinfo=UTC)
    assert delivered.occurred_at.utcoffset() == timedelta(hours=1)
    assert delivered.country == "NL" and delivered.city == "AMSTERDAM - NETHERLANDS"
    assert (result.origin_country, result.destination_country) == ("DE", "NL")
    request = route.calls.last.request
    assert request.headers["DHL-API-Key"] == "dhl-key"
    assert request.url.params["trackingNumber"] == NUMBER


@pytest.mark.parametrize(("status", "kind"), [
    (400, FailureKind.PERMANENT),
    (401, FailureKind.AUTH),
    (403, FailureKind.AUTH),
    (404, FailureKind.NOT_FOUND),
    (500, FailureKind.RETRY_LATER),
    (503, FailureKind.RETRY_LATER),
])
def test_documented_errors(dhl, mock, recorded, status, kind) -> None:
    mock.get(URL).mock(return_value=httpx.Response(status, json=recorded(f"dhl_error_{status}.json")))
    outcome = dhl.fetch([NUMBER])[NUMBER]
    assert isinstance(outcome, Failure) and outcome.kind is kind
    assert recorded(f"dhl_error_{status}.json")["title"] in outcome.reason


def test_429_retry_after_stops_batch(dhl, mock, recorded) -> None:
    route = mock.get(URL).mock(return_value=httpx.Response(429, headers={"Retry-After": "5"},
                                                           json=recorded("dhl_error_429.json")))
    outcomes = dhl.fetch([NUMBER, "7777777771"])
    assert route.call_count == 1
    assert all(o.kind is FailureKind.RETRY_LATER and o.retry_after_seconds == 5 for o in outcomes.values())


def test_local_rate_limit_turns_into_retry_later(client, clock, mock, recorded) -> None:
    now = [0.0]
    slow = RequestPacer(5.0, max_wait=0.0, monotonic=lambda: now[0], sleep=lambda _: None)
    dhl = DhlConnector("k", base_url=BASE, client=client, clock=clock, limiter=slow)
    route = mock.get(URL).mock(return_value=httpx.Response(200, json=recorded("dhl_shipments_express.json")))
    outcomes = dhl.fetch([NUMBER, "7777777771", "7777777772"])
    assert route.call_count == 1
    assert isinstance(outcomes[NUMBER], TrackResult)
    assert outcomes["7777777771"].kind is FailureKind.RETRY_LATER
    assert outcomes["7777777772"].retry_after_seconds == pytest.approx(5.0)


def test_malformed(dhl, mock) -> None:
    mock.get(URL).mock(return_value=httpx.Response(200, json={"shipments": [{"id": NUMBER, "events": [
        {"timestamp": "2026-01-07T10:37:00+01:00", "description": "Delivered"}, {"timestamp": "yesterday",
                                                                                 "description": "x"}]}]}))
    outcome = dhl.fetch([NUMBER])[NUMBER]
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.RETRY_LATER
