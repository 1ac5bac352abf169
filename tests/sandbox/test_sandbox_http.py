"""The sandbox over real HTTP (uvicorn in a thread), driven through SandboxConnector."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from parceltrail.adapters.sandbox import (
    DEMO_NOTICE,
    FAULT_HEADER,
    TEST_NUMBERS,
    SandboxConnector,
    journey,
    parse_track_response,
)
from parceltrail.adapters.sandbox.faults import Fault, FaultInjector
from parceltrail.clock import ManualClock
from parceltrail.domain.connectors import Failure, FailureKind, TrackResult

Start = Callable[..., tuple[str, ManualClock]]
DELIVERED = TEST_NUMBERS["delivered"]
UPS = "1Z999AA10123456784"


def forced(base_url: str, fault: str, *, timeout: float = 10.0) -> SandboxConnector:
    client = httpx.Client(headers={FAULT_HEADER: fault}, timeout=timeout)
    return SandboxConnector(base_url, timeout=timeout, client=client)


def test_found_returns_visible_events_oldest_first(start_sandbox: Start, epoch: datetime) -> None:
    base_url, clock = start_sandbox()
    clock.set(epoch + timedelta(days=5))
    outcome = SandboxConnector(base_url).fetch([DELIVERED])[DELIVERED]
    assert isinstance(outcome, TrackResult)
    assert outcome.number == DELIVERED and outcome.simulated
    assert outcome.carrier_name and outcome.origin_country == "CN" and outcome.destination_country == "BR"
    times = [e.occurred_at for e in outcome.events]
    assert times == sorted(times) and all(t <= clock.now() for t in times) and len(times) >= 4
    first = outcome.events[0]
    assert first.occurred_at.utcoffset() == timedelta(hours=8) and first.lang == "zh" and first.code == "INF"
    assert first.latitude is not None and first.city and first.country == "CN"
    expected = journey(DELIVERED, epoch, demo=False)
    assert expected is not None
    assert [e.text for e in outcome.events] == [e.text for e in expected.visible_events(clock.now())]
    assert outcome.next_leg is None  # not handed over yet
    assert outcome.payload["number"] == DELIVERED and "expected_subtag" not in str(outcome.payload)


def test_wire_format(start_sandbox: Start, epoch: datetime) -> None:
    base_url, clock = start_sandbox()
    clock.set(epoch + timedelta(days=40))
    body = httpx.post(f"{base_url}/v1/track", json={"numbers": [DELIVERED, "NOPE123"]}).json()
    assert body["simulated"] is True and "notice" not in body  # simulated always; the notice is the demo's
    found, missing = body["results"]
    assert set(found) == {"number", "found", "carrier", "carrier_name", "origin_country",
                          "destination_country", "events", "next_leg"}
    assert found["carrier"] == "parceltrail-sandbox" and found["found"] is True
    assert set(found["events"][0]) == {"time", "description", "code", "location", "country", "city",
                                       "latitude", "longitude", "lang"}
    assert datetime.fromisoformat(found["events"][0]["time"]).utcoffset() == timedelta(hours=8)
    assert found["next_leg"] == {"number": "PTS91000000017", "carrier": "parceltrail-sandbox"}
    assert missing == {"number": "NOPE123", "found": False, "carrier": "parceltrail-sandbox",
                       "events": [], "next_leg": None}
    assert httpx.get(f"{base_url}/v1/health").json()["status"] == "ok"


def test_not_found_numbers(start_sandbox: Start) -> None:
    base_url, _ = start_sandbox()
    bad_check = DELIVERED[:-1] + str((int(DELIVERED[-1]) + 1) % 10)
    outcomes = SandboxConnector(base_url).fetch([UPS, bad_check, "PTS91000000017"])
    for number in (UPS, bad_check, "PTS91000000017"):  # last: the leg exists only after the handover
        outcome = outcomes[number]
        assert isinstance(outcome, Failure) and outcome.kind is FailureKind.NOT_FOUND


def test_not_yet_active_then_found(start_sandbox: Start, epoch: datetime) -> None:
    base_url, clock = start_sandbox()
    number = TEST_NUMBERS["not_yet_active"]
    connector = SandboxConnector(base_url)
    assert connector.fetch([number])[number] == Failure(
        FailureKind.NOT_FOUND, f"parceltrail-sandbox does not know {number}")
    clock.set(epoch + timedelta(days=3))
    outcome = connector.fetch([number])[number]
    assert isinstance(outcome, TrackResult) and outcome.events


def test_next_leg_is_announced_then_answered(start_sandbox: Start, epoch: datetime) -> None:
    base_url, clock = start_sandbox()
    connector = SandboxConnector(base_url)
    parent = journey(DELIVERED, epoch, demo=False)
    assert parent is not None and parent.handover_at is not None and parent.next_leg
    clock.set(parent.handover_at - timedelta(seconds=1))
    before = connector.fetch([DELIVERED, parent.next_leg])
    assert isinstance(before[DELIVERED], TrackResult) and before[DELIVERED].next_leg is None
    assert isinstance(before[parent.next_leg], Failure)

    clock.set(parent.handover_at)
    result = connector.fetch([DELIVERED])[DELIVERED]
    assert isinstance(result, TrackResult) and result.next_leg is not None
    assert (result.next_leg.number, result.next_leg.carrier) == (parent.next_leg, "parceltrail-sandbox")
    assert result.events[-1].code == "HND" and parent.next_leg in result.events[-1].text

    clock.set(epoch + timedelta(days=40))
    leg = connector.fetch([parent.next_leg])[parent.next_leg]
    assert isinstance(leg, TrackResult) and leg.next_leg is None
    assert [e.code for e in leg.events] == ["TRF", "ARD", "OFD", "DLV"]
    assert {e.lang for e in leg.events} == {"pt-BR"} and leg.destination_country == "BR"


def test_demo_mode_answers_any_valid_number_as_simulated(start_sandbox: Start, epoch: datetime) -> None:
    base_url, _ = start_sandbox(demo=True)
    body = httpx.post(f"{base_url}/v1/track", json={"numbers": [UPS, "not a number"]}).json()
    assert body["simulated"] is True and body["notice"] == DEMO_NOTICE
    assert body["results"][1]["found"] is False
    outcomes = SandboxConnector(base_url).fetch([UPS, DELIVERED])
    ups = outcomes[UPS]
    assert isinstance(ups, TrackResult) and ups.simulated and ups.number == UPS
    assert isinstance(outcomes[DELIVERED], TrackResult) and outcomes[DELIVERED].simulated


def test_request_validation(start_sandbox: Start) -> None:
    base_url, _ = start_sandbox()
    url = f"{base_url}/v1/track"
    for body in ({"numbers": []}, {"numbers": [DELIVERED] * 41}, {"numbers": "x"}, {"nums": [DELIVERED]}):
        response = httpx.post(url, json=body)
        assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_request"
    assert httpx.post(url, content=b"{not json").status_code == 400


def test_connector_splits_big_batches_and_dedupes(start_sandbox: Start) -> None:
    base_url, _ = start_sandbox()
    numbers = [f"NOPE{i}" for i in range(45)] + ["NOPE0"]
    outcomes = SandboxConnector(base_url).fetch(numbers)
    assert len(outcomes) == 45 and all(isinstance(o, Failure) for o in outcomes.values())
    assert SandboxConnector(base_url).fetch([]) == {}


def test_forced_429_gives_retry_after(start_sandbox: Start) -> None:
    base_url, _ = start_sandbox()
    outcome = forced(base_url, "429").fetch([DELIVERED])[DELIVERED]
    assert outcome == Failure(FailureKind.RETRY_LATER, "rate limited (HTTP 429)", 30.0)


@pytest.mark.parametrize("fault", ["500", "503"])
def test_forced_server_errors_retry_later(start_sandbox: Start, fault: str) -> None:
    base_url, _ = start_sandbox()
    outcome = forced(base_url, fault).fetch([DELIVERED, UPS])
    assert {o.kind for o in outcome.values() if isinstance(o, Failure)} == {FailureKind.RETRY_LATER}
    assert all(f"HTTP {fault}" in o.reason for o in outcome.values() if isinstance(o, Failure))


def test_forced_timeout(start_sandbox: Start) -> None:
    base_url, _ = start_sandbox(fault_delay_seconds=2.0)
    outcome = forced(base_url, "timeout", timeout=0.3).fetch([DELIVERED])[DELIVERED]
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.RETRY_LATER
    assert "timeout" in outcome.reason


def test_timeout_fault_still_answers_a_patient_client(start_sandbox: Start) -> None:
    base_url, _ = start_sandbox(fault_delay_seconds=0.2)
    assert isinstance(forced(base_url, "timeout").fetch([DELIVERED])[DELIVERED], TrackResult)


@pytest.mark.parametrize("fault", ["malformed", "truncated", "wrong-shape", "malformed-shape"])
def test_forced_malformed_bodies_give_no_partial_results(start_sandbox: Start, fault: str) -> None:
    base_url, clock = start_sandbox()
    clock.advance(timedelta(days=3))
    connector = forced(base_url, fault)
    for _ in range(4):  # wrong-shape has two variants, drawn per request
        outcomes = connector.fetch([DELIVERED, TEST_NUMBERS["lost"]])
        assert all(isinstance(o, Failure) and o.kind is FailureKind.RETRY_LATER for o in outcomes.values())
        assert all(o.reason.startswith("malformed response") for o in outcomes.values())


def test_unknown_fault_header_is_a_permanent_client_error(start_sandbox: Start) -> None:
    base_url, _ = start_sandbox()
    outcome = forced(base_url, "teapot").fetch([DELIVERED])[DELIVERED]
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.PERMANENT


def test_connection_refused_retries_later(start_sandbox: Start) -> None:
    base_url, _ = start_sandbox()
    connector = SandboxConnector(base_url.rsplit(":", 1)[0] + ":9", timeout=1.0)  # discard port: closed
    outcome = connector.fetch([DELIVERED])[DELIVERED]
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.RETRY_LATER


def test_random_faults_never_raise(start_sandbox: Start) -> None:
    base_url, clock = start_sandbox(fault_rate=0.6, seed=7, fault_delay_seconds=0.5)
    clock.advance(timedelta(days=10))
    connector = SandboxConnector(base_url, timeout=0.2)
    kinds: list[str] = []
    for _ in range(40):
        outcome = connector.fetch([DELIVERED])[DELIVERED]
        kinds.append("ok" if isinstance(outcome, TrackResult) else outcome.reason.split(" ")[0])
    assert "ok" in kinds and len(set(kinds)) >= 4, kinds


def test_fault_injection_is_seeded() -> None:
    def draws(seed: int) -> list[Fault | None]:
        injector = FaultInjector(0.5, seed)
        return [injector.decide(None) for _ in range(50)]

    assert draws(3) == draws(3) and draws(3) != draws(4)
    assert set(draws(3)) - {None}
    assert FaultInjector(0.0, 1).decide(None) is None and FaultInjector(1.0, 1).decide(None) is not None


@pytest.mark.parametrize(
    "body",
    [
        b'{"simulated": false, "results": [{"number": "A", "found": true, "events": '
        b'[{"time": "2026-11-01T10:00:00", "description": "x"}]}]}',  # naive time
        b'{"simulated": false, "results": [{"number": "A", "found": true, "events": '
        b'[{"time": "yesterday", "description": "x"}]}]}',
        b'{"simulated": false, "results": [{"number": "A", "found": true, "events": [{"time": '
        b'"2026-11-01T10:00:00+01:00"}]}]}',  # no description
        b'{"simulated": false, "results": [{"number": "A", "found": "yes"}]}',
        b'{"simulated": false, "results": []}',  # the requested number is missing
        b'{"results": []}',
        b"[]",
        b"\xff\xfe",
    ],
)
def test_parser_rejects_malformed_bodies(body: bytes) -> None:
    from parceltrail.adapters.sandbox.connector import MalformedResponseError

    with pytest.raises(MalformedResponseError):
        parse_track_response(body, ["A"])


def test_retry_after_http_date() -> None:
    from parceltrail.adapters.sandbox.connector import _retry_after

    when = datetime.now(UTC) + timedelta(seconds=120)
    assert 100 < (_retry_after(when.strftime("%a, %d %b %Y %H:%M:%S GMT")) or 0) <= 120
    assert _retry_after("15") == 15.0 and _retry_after(None) is None and _retry_after("soon") is None


def test_cli_has_the_sandbox_command() -> None:
    from typer.testing import CliRunner

    from parceltrail.entrypoints.cli.main import app

    result = CliRunner().invoke(app, ["sandbox", "--help"])
    assert result.exit_code == 0
    for option in ("--port", "--host", "--speed", "--fault-rate", "--demo", "--seed", "--epoch"):
        assert option in result.output
