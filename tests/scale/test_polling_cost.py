"""Polling cost on the sandbox's journeys: adaptive scheduler vs a fixed 2-hour poll (counts and
delays in a deterministic simulation; nothing is timed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from tools.polling_simulation import fixed, learned_adaptive, parcels, simulate

from parceltrail.services.tracking import schedule

EPOCH = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
WHICH = parcels(range(1, 13))  # 12 serials x 7 scenarios


@pytest.fixture(scope="module")
def results():
    # the adaptive policy learned its scan gaps from other parcels' finished journeys (training serials)
    return simulate(learned_adaptive(EPOCH), WHICH, EPOCH), simulate(fixed(timedelta(hours=2)), WHICH, EPOCH)


def test_simulation_sees_every_delivered_parcel_and_costs_less_than_a_fixed_poll(results) -> None:
    adaptive, base = results
    assert adaptive.delivered == base.delivered > 0
    assert adaptive.requests < base.requests
    assert base.median_delay_hours <= 1.1  # a 2-hour poll sees a scan after about an hour


def test_goal_median_delay_no_worse_with_a_quarter_of_the_lookups(results) -> None:
    adaptive, base = results
    assert adaptive.requests <= base.requests / 4
    assert adaptive.median_delay_hours <= base.median_delay_hours
    assert adaptive.missed == base.missed == 0  # every scan is seen (missed ones would count as infinite)


def test_goal_scans_people_wait_for_are_seen_within_the_hour(results) -> None:
    adaptive, base = results
    assert adaptive.awaited_delays_hours and adaptive.awaited_missed == 0
    assert adaptive.awaited_p90_hours <= 1.0
    assert adaptive.awaited_median_hours <= 0.5
    assert adaptive.awaited_p90_hours < base.awaited_p90_hours  # better than a 2-hour poll where it counts


def test_a_repeated_state_is_not_news_but_a_new_one_is() -> None:
    assert schedule.is_awaited("OutForDelivery_001", "InTransit_002")
    assert schedule.is_awaited("Exception_010", "Exception_003")
    assert not schedule.is_awaited("Exception_010", "Exception_010")  # one more scan on the way back
    assert not schedule.is_awaited("InTransit_003", "InTransit_002")
    assert not schedule.is_awaited(None)
