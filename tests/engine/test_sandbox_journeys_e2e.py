"""End to end over real HTTP: every sandbox scenario, on a fast manual clock, through the engine and
`status.classify`, ends in the right state with the right sequence of statuses and no duplicates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from parceltrail.adapters.sandbox import (
    TEST_NUMBERS,
    TEST_NUMBERS_BY_DESTINATION,
    expected_statuses,
    journey,
)
from parceltrail.domain.events import chronological
from parceltrail.status import is_terminal

EPOCH = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)

# The final state each scenario must reach; silent journeys (lost, unregistered) expire after 30 days.
FINAL_TAG = {
    "delivered": "Delivered",
    "customs_hold": "Delivered",
    "lost": "Expired",
    "returned": "Exception",
    "unregistered": "Expired",
    "not_yet_active": "Delivered",
    "pickup_point": "Delivered",
}


def _expected_chain(number: str) -> list[tuple[str, str]]:
    """The statuses the sandbox meant, across both legs, in order of occurrence."""
    events = []
    current = journey(number, EPOCH, demo=False)
    while current is not None:
        events += current.events
        current = journey(current.next_leg, EPOCH, demo=False) if current.next_leg else None
    events.sort(key=lambda e: e.occurred_at)
    return expected_statuses(events)


def _dedup(seq: list[str]) -> list[str]:
    return [x for i, x in enumerate(seq) if i == 0 or seq[i - 1] != x]


def _is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(x in it for x in small)


def _run(rig, number: str) -> tuple[list[str], object]:
    shipment = rig.tracker.register(number)
    observed: list[str] = []

    def watch() -> None:
        with rig.store.read() as repo:
            current = repo.shipments.get(shipment.id)
        if not observed or observed[-1] != current.tag:
            observed.append(current.tag)

    rig.run_until_quiet(on_poll=watch)
    return observed, rig.tracker.timeline(shipment.id)


@pytest.mark.parametrize("scenario", sorted(TEST_NUMBERS))
def test_each_scenario_end_to_end(make_rig, scenario: str) -> None:
    rig = make_rig()
    number = TEST_NUMBERS[scenario]
    observed, timeline = _run(rig, number)

    expected = _expected_chain(number)
    stored = [(e.tag, e.subtag) for e in chronological(timeline.events)]
    # every scan the carrier made was stored once and classified exactly as the sandbox meant it
    assert stored == expected
    assert all(e.classified for e in timeline.events)
    # the status moved forward through the expected states (polling may skip a short-lived one)
    expected_tags = _dedup([tag for tag, _ in expected])
    assert _is_subsequence(observed, ["Pending", *expected_tags, "Expired"]), (observed, expected_tags)
    assert timeline.shipment.tag == FINAL_TAG[scenario]
    assert timeline.shipment.next_check_at is None, "finished parcels are no longer polled"

    first_leg = journey(number, EPOCH, demo=False)
    if first_leg.next_leg:
        # the handover created the next leg under its new number, linked both ways
        assert [leg.tracking_number for leg in timeline.legs] == [number, first_leg.next_leg]
        assert timeline.legs[1].previous_leg_id == timeline.legs[0].id
        assert timeline.legs[-1].tag == timeline.shipment.tag
    else:
        assert len(timeline.legs) == 1

    # re-polling everything changes nothing
    count = len(timeline.events)
    rig.tracker.refresh(timeline.legs)
    rig.tracker.refresh(timeline.legs)
    assert len(rig.tracker.timeline(timeline.shipment.id).events) == count


@pytest.mark.parametrize("country", ["BR", "ES", "RU", "FR", "DE", "US", "GB"])
def test_delivered_journeys_in_every_language_end_delivered_through_classify(make_rig, country: str) -> None:
    rig = make_rig()
    number = TEST_NUMBERS_BY_DESTINATION["delivered"][country]
    _, timeline = _run(rig, number)
    assert timeline.shipment.tag == "Delivered"
    langs = {e.lang for e in timeline.events}
    assert "zh" in langs and len(langs) >= 2
    assert [(e.tag, e.subtag) for e in chronological(timeline.events)] == _expected_chain(number)


def test_customs_hold_is_not_expired_and_is_released(make_rig) -> None:
    rig = make_rig()
    _, timeline = _run(rig, TEST_NUMBERS["customs_hold"])
    subtags = [e.subtag for e in chronological(timeline.events)]
    assert "Exception_004" in subtags or any(s and s.startswith("InTransit_00") for s in subtags)
    assert timeline.shipment.tag == "Delivered"


def test_polling_is_adaptive_not_constant(make_rig) -> None:
    """A delivered journey of ~2 weeks is followed with tens of requests, not one per hour."""
    rig = make_rig()
    shipment = rig.tracker.register(TEST_NUMBERS["delivered"])
    report = rig.run_until_quiet()
    timeline = rig.tracker.timeline(shipment.id)
    days = (timeline.legs[-1].last_event_at - timeline.legs[0].first_event_at) / timedelta(days=1)
    assert is_terminal(timeline.shipment.subtag)
    assert report.requests < days * 24 / 2, (report.requests, days)
