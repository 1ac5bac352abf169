"""Bad carrier answers from a loopback fake carrier (NUL bytes, NaN and infinite coordinates, deep nesting,
an unrecognizable next-leg number, a body that cannot be parsed): the parcel concerned backs off alone, the
rest of its batch is ingested, and nothing unreadable is stored. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.adapters.sandbox import TEST_NUMBERS, SandboxConnector
from parceltrail.clock import ManualClock
from parceltrail.numbers import normalize
from parceltrail.services.tracking.registry import ConnectorRegistry
from parceltrail.services.tracking.tracker import Tracker
from parceltrail.services.tracking.validation import checked
from tests.conftest import START

GOOD = normalize(TEST_NUMBERS["delivered"])


def _event(**extra: Any) -> dict[str, Any]:
    return {"time": "2026-10-30T09:15:00+01:00", "description": "Shipment picked up", "location": "Lyon",
            "country": "FR", **extra}


def _result(number: str, events: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"number": number, "found": True, "events": events, **extra}


def _nested(depth: int) -> Any:
    value: Any = "bottom"
    for _ in range(depth):
        value = [value]
    return value


BAD_SHAPES: dict[str, Callable[[str], dict[str, Any]]] = {
    "nul_byte": lambda n: _result(n, [_event(description="Arrived\u0000 at hub")]),
    "nan_latitude": lambda n: _result(n, [_event(latitude=float("nan"), longitude=2.35)]),
    "infinite_longitude": lambda n: _result(n, [_event(latitude=48.8, longitude=float("inf"))]),
    "deep_nesting": lambda n: _result(n, [_event()], details=_nested(200)),
    "bad_next_leg": lambda n: _result(n, [_event()], next_leg={"number": "###", "carrier": "usps"}),
}
BAD_NUMBERS = dict(zip(BAD_SHAPES, [normalize(TEST_NUMBERS[k]) for k in TEST_NUMBERS if k != "delivered"],
                       strict=False))


class FakeCarrier:
    """Speaks the sandbox carrier protocol (POST /v1/track) with canned answers."""

    def __init__(self) -> None:
        self.answers: dict[str, dict[str, Any]] = {}
        self.raw_body: bytes | None = None
        self.requests = 0
        me = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                me.requests += 1
                numbers = json.loads(self.rfile.read(int(self.headers["content-length"])))["numbers"]
                body = me.raw_body if me.raw_body is not None else json.dumps(
                    {"simulated": False, "results": [me.answers[n] for n in numbers]}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()


@pytest.fixture(params=["sqlite_url", "postgres_url"])
def db_store(request: pytest.FixtureRequest) -> Iterator[Store]:
    url = request.getfixturevalue(request.param)
    migrate.upgrade(url)
    engine = make_engine(url)
    yield Store(engine)
    engine.dispose()


@pytest.fixture
def carrier() -> Iterator[FakeCarrier]:
    fake = FakeCarrier()
    yield fake
    fake.close()


def _tracker(store: Store, carrier: FakeCarrier) -> tuple[Tracker, ManualClock]:
    clock = ManualClock(START)
    connector = SandboxConnector(carrier.url, timeout=5.0)
    return Tracker(store, ConnectorRegistry({}, fallback=connector), clock), clock


def test_each_bad_shape_backs_off_its_parcel_alone(db_store: Store, carrier: FakeCarrier) -> None:
    tracker, clock = _tracker(db_store, carrier)
    carrier.answers[GOOD] = _result(GOOD, [_event()])
    for shape, number in BAD_NUMBERS.items():
        carrier.answers[number] = BAD_SHAPES[shape](number)
    ids = {number: tracker.register(number).id for number in [GOOD, *BAD_NUMBERS.values()]}

    report = tracker.poll_due()

    assert report.polled == len(ids)
    with db_store.read() as repo:
        rows = {number: repo.shipments.get(shipment_id) for number, shipment_id in ids.items()}
        stored = {number: repo.shipments.events([shipment_id]) for number, shipment_id in ids.items()}
    assert len(stored[GOOD]) == 1 and rows[GOOD].failure_count == 0
    for shape, number in BAD_NUMBERS.items():
        row = rows[number]
        assert row.failure_count == 1, shape
        assert "refused" in (row.last_error or ""), (shape, row.last_error)
        assert row.next_check_at is not None, shape
        assert row.next_check_at >= clock.now() + timedelta(minutes=1), shape
        assert stored[number] == [], shape
        tracker.timeline(ids[number])  # readable
    # no storm: nothing is due again right away
    assert tracker.poll_due().polled == 0
    clock.advance(timedelta(minutes=2))
    assert tracker.poll_due().polled == len(BAD_NUMBERS)
    with db_store.read() as repo:
        assert all(repo.shipments.get(ids[n]).failure_count == 2 for n in BAD_NUMBERS.values())


def test_a_body_nested_too_deep_to_parse_fails_its_batch_with_backoff(db_store: Store,
                                                                       carrier: FakeCarrier) -> None:
    tracker, clock = _tracker(db_store, carrier)
    carrier.raw_body = b'{"simulated": false, "results": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    shipment = tracker.register(GOOD)
    report = tracker.poll_due()
    assert report.polled == 1 and report.failures["retry_later"] == 1
    with db_store.read() as repo:
        row = repo.shipments.get(shipment.id)
    assert row.failure_count == 1 and row.next_check_at >= clock.now() + timedelta(minutes=1)


def test_pushed_results_are_checked_too(db_store: Store, carrier: FakeCarrier) -> None:
    from parceltrail.domain.connectors import Failure, NextLeg, RawEvent, TrackResult

    tracker, clock = _tracker(db_store, carrier)
    shipment = tracker.register(GOOD)
    bad = TrackResult(number=GOOD, events=[RawEvent(occurred_at=START, text="x", latitude=float("nan"))],
                      next_leg=NextLeg("###", "usps"))
    assert isinstance(checked(bad), Failure)
    assert tracker.accept_push(GOOD, bad, "17track")
    with db_store.read() as repo:
        assert repo.shipments.events([shipment.id]) == []
        assert repo.shipments.get(shipment.id).failure_count == 1
