"""Carrier faults (429 with Retry-After, 500, timeouts, malformed bodies) lose and duplicate nothing."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from parceltrail.adapters.sandbox import FAULT_HEADER, TEST_NUMBERS
from parceltrail.domain.connectors import FailureKind
from parceltrail.domain.events import chronological


def _events(rig, number: str) -> tuple[list[tuple[str, str, str | None]], object]:
    shipment = rig.tracker.register(number)
    report = rig.run_until_quiet()
    timeline = rig.tracker.timeline(shipment.id)
    return [(e.fingerprint, e.raw_text, e.subtag) for e in chronological(timeline.events)], report


@pytest.mark.parametrize("scenario", ["delivered", "pickup_point"])
def test_random_faults_lose_and_duplicate_nothing(make_rig, store, scenario: str) -> None:
    clean_rig = make_rig()
    clean, _ = _events(clean_rig, TEST_NUMBERS[scenario])

    # a fresh database for the faulty run
    from parceltrail.adapters.db import migrate
    from parceltrail.adapters.db.database import make_engine
    from parceltrail.adapters.db.uow import Store

    faulty_rig = make_rig(timeout=0.3, fault_rate=0.4, seed=7, fault_delay_seconds=1.0)
    url = str(store.engine.url).replace("parceltrail.db", "faulty.db")
    migrate.upgrade(url)
    faulty_rig.store = faulty_rig.tracker.store = Store(make_engine(url))
    faulty, report = _events(faulty_rig, TEST_NUMBERS[scenario])

    assert report.failures, "the sandbox injected no fault: the test would prove nothing"
    assert sum(report.failures.values()) >= 3
    assert set(report.failures) == {FailureKind.RETRY_LATER.value}
    assert faulty == clean  # same events, each once, same classification


@pytest.mark.parametrize("fault", ["429", "500", "503", "timeout", "malformed", "wrong-shape"])
def test_each_fault_kind_is_retried_without_writing_anything(make_rig, fault: str) -> None:
    client = httpx.Client(headers={FAULT_HEADER: fault})  # the sandbox answers every request so
    rig = make_rig(timeout=0.3, client=client, fault_delay_seconds=1.0)
    rig.clock.advance(timedelta(days=3))
    shipment = rig.tracker.register(TEST_NUMBERS["delivered"])
    report = rig.tracker.poll_due()
    assert report.failures == {"retry_later": 1}
    after = rig.tracker.timeline(shipment.id)
    assert after.events == []
    assert after.shipment.failure_count == 1 and after.shipment.last_error
    delay = after.shipment.next_check_at - rig.clock.now()
    if fault == "429":
        assert delay.total_seconds() >= 30  # Retry-After honoured
    else:
        assert 0 < delay.total_seconds() <= 120

    del client.headers[FAULT_HEADER]
    rig.clock.set(after.shipment.next_check_at)
    rig.tracker.poll_due()
    healed = rig.tracker.timeline(shipment.id)
    assert healed.events and healed.shipment.failure_count == 0 and healed.shipment.last_error is None
