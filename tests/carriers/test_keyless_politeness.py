"""Politeness of the key-less connectors, and YunExpress's signed queries and captcha demands."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest

from parceltrail.adapters.carriers.cainiao import CainiaoConnector
from parceltrail.adapters.carriers.http import RequestPacer
from parceltrail.adapters.carriers.polite import Cooldown, Politeness
from parceltrail.adapters.carriers.yunexpress import YunExpressConnector
from parceltrail.adapters.db.uow import Store
from parceltrail.domain.connectors import Failure, FailureKind, TrackResult

from .replay import Answer, ReplayServer, recorded
from .test_replay_keyless import make_rig

KEY = "test-signing-key"


@pytest.fixture
def server() -> Iterator[ReplayServer]:
    with ReplayServer().running() as replay:
        yield replay


def test_cooldown_doubles_up_to_the_cap_and_honours_retry_after() -> None:
    now = [0.0]
    cooldown = Cooldown(Politeness(base_backoff=60, max_backoff=200), monotonic=lambda: now[0])
    assert cooldown.trip(None) == 60
    assert cooldown.trip(None) == 120
    assert cooldown.trip(None) == 200
    assert cooldown.trip(500) == 500  # the carrier's Retry-After wins when it is longer
    now[0] = 100
    assert cooldown.remaining() == pytest.approx(400)


def test_concurrency_cap_turns_an_extra_request_into_retry_later(server: ReplayServer) -> None:
    connector = CainiaoConnector(base_url=server.url, limiter=RequestPacer(0.0, max_wait=0.01))
    assert connector._slots.acquire(blocking=False)  # another request of this installation is in flight
    outcome = connector.fetch(["LP00512345678901"])["LP00512345678901"]
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.RETRY_LATER
    assert "in flight" in outcome.reason and server.seen == []


def test_rate_limit_spaces_requests() -> None:
    waits: list[float] = []
    now = [0.0]
    limiter = RequestPacer(3.0, monotonic=lambda: now[0], sleep=waits.append)
    assert limiter.acquire() is None and limiter.acquire() is None
    assert waits == [3.0]


def _yun(server: ReplayServer) -> YunExpressConnector:
    return YunExpressConnector(KEY, base_url=server.url, limiter=RequestPacer(0.0),
                               now_ms=lambda: 1745484875000)


def test_yunexpress_signs_the_query(server: ReplayServer) -> None:
    server.json("Track/Query", "YT2412345678901234", b'{"ResultList":[]}')
    _yun(server).fetch(["YT2412345678901234"])
    body = json.loads(server.seen[0].body)
    message = 'Timestamp=1745484875000&NumberList=["YT2412345678901234"]'
    assert body["Signature"] == hmac.new(KEY.encode(), message.encode(), hashlib.sha256).hexdigest()
    assert body["NumberList"] == ["YT2412345678901234"] and body["CaptchaVerification"] == ""


def test_yunexpress_local_times_read_as_china(server: ReplayServer) -> None:
    body = {"ResultList": [{"Id": "YT2412345678901234", "Status": 20, "TrackInfo": {
        "WaybillNumber": "YT2412345678901234", "OriginCountryCode": "CN", "DestinationCountryCode": "DE",
        "TrackEventDetails": [{"ProcessLocation": "", "CreatedOn": "2025-04-22T18:13:07",
                               "ProcessContent": "Shipment information received"}]}}]}
    server.json("Track/Query", "YT2412345678901234", json.dumps(body).encode())
    outcome = _yun(server).fetch(["YT2412345678901234"])["YT2412345678901234"]
    assert isinstance(outcome, TrackResult)
    event = outcome.events[0]
    assert event.occurred_at.astimezone(UTC) == datetime(2025, 4, 22, 10, 13, 7, tzinfo=UTC)
    assert event.occurred_at.utcoffset().total_seconds() == 8 * 3600  # type: ignore[union-attr]


@pytest.mark.parametrize("answer, words", [
    (Answer(200, b'{"Code":1001,"Message":"Please complete the CaptchaVerification"}',
            {"content-type": "application/json"}), "captcha"),
    (Answer(200, b"<html><body>verify you are human</body></html>", {"content-type": "text/html"}),
     "captcha or browser check"),
    (Answer(200, recorded("yunexpress", "response-1.TRUNCATED.txt"), {"content-type": "application/json"}),
     "malformed"),
], ids=["captcha-json", "html", "truncated-recording"])
def test_yunexpress_refusals_are_typed_never_empty(server: ReplayServer, answer: Answer, words: str) -> None:
    server.answer("Track/Query", "YT2412345678901234", answer)
    connector = _yun(server)
    outcome = connector.fetch(["YT2412345678901234"])["YT2412345678901234"]
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.RETRY_LATER
    assert words in outcome.reason
    if words != "malformed":  # a captcha pauses the connector: the next poll sends nothing
        again = connector.fetch(["YT2412345678901234"])["YT2412345678901234"]
        assert isinstance(again, Failure) and len(server.seen) == 1


def test_yunexpress_captcha_through_the_engine_stores_nothing(server: ReplayServer, store: Store) -> None:
    server.answer("Track/Query", "YT2412345678901234",
                  Answer(200, b'{"Message":"CaptchaVerification required"}',
                         {"content-type": "application/json"}))
    rig = make_rig(server, store, datetime(2025, 4, 25, tzinfo=UTC),
                   PARCELTRAIL_YUNEXPRESS_SIGNING_KEY=KEY)
    timeline = rig.poll("YT2412345678901234")
    assert timeline.shipment.connector == "yunexpress" and timeline.events == []
    assert "captcha" in (timeline.shipment.last_error or "") and timeline.shipment.failure_count == 1


def test_user_agent_names_parceltrail(server: ReplayServer) -> None:
    server.json("global/detail.json", "LP00512345678901", b'{"success":true,"module":[]}')
    with httpx.Client() as client:
        connector = CainiaoConnector(base_url=server.url, client=client, limiter=RequestPacer(0.0))
        connector.fetch(["LP00512345678901"])
    assert server.seen[0].headers["user-agent"].startswith("parceltrail/")
