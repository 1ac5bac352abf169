"""Silence health on the sandbox network, through the engine over real HTTP on a manual clock: the
customs hold is "not updated" (customs) during its long silence and never "possibly lost"; the lost
parcel becomes "possibly lost" past the bound and "expired" at 30 days; normal journeys are never flagged."""

from __future__ import annotations

from datetime import timedelta

import pytest

from parceltrail.adapters.sandbox import TEST_NUMBERS_BY_DESTINATION
from parceltrail.predict import Health
from parceltrail.predict.silence import EXPIRED_AFTER
from parceltrail.services.outlook.health import health_for
from tests.eta.conftest import Rig

CUSTOMS_HOLD = "PTS02000000014"
LOST = "PTS03000000012"
NORMAL = "PTS01000000016"


def _watch(rig: Rig, number: str) -> list[tuple[timedelta, str, Health]]:
    """(time since the start, shipment tag, health) at every poll of the parcel's journey."""
    shipment = rig.tracker.register(number)
    assert shipment.id is not None
    seen: list[tuple[timedelta, str, Health]] = []
    start = rig.clock.now()

    def watch() -> None:
        timeline = rig.tracker.timeline(shipment.id or 0)
        now = rig.clock.now()
        seen.append((now - start, timeline.shipment.tag, health_for(timeline, None, now)))

    rig.run_until_quiet(on_poll=watch)
    return seen


def test_customs_hold_is_not_updated_with_reason_customs_during_its_silence(make_rig) -> None:
    seen = _watch(make_rig(), CUSTOMS_HOLD)
    flagged = [(at, h) for at, _, h in seen if h.state != "ok"]
    assert flagged, "the long customs silence was never flagged"
    assert all(h.state == "not_updated" and h.likely_reason == "customs" for _, h in flagged)
    # flagged only once the silence passed the customs threshold, and while the parcel was held
    assert all(h.silence > h.threshold for _, h in flagged)
    held = [at for at, tag, _ in seen if tag == "Exception"]
    assert min(held) < min(at for at, _ in flagged) <= max(at for at, _ in flagged) <= max(held)
    assert seen[-1][1] == "Delivered" and seen[-1][2].state == "ok"


def test_lost_parcel_becomes_possibly_lost_then_expired(make_rig) -> None:
    seen = _watch(make_rig(), LOST)
    states = [h.state for _, _, h in seen]
    order = ["ok", "not_updated", "possibly_lost", "expired"]
    assert [s for i, s in enumerate(states) if i == 0 or states[i - 1] != s] == order
    lost = next(h for _, _, h in seen if h.state == "possibly_lost")
    assert lost.silence >= lost.lost_after > lost.threshold
    expired = next((tag, h) for _, tag, h in seen if h.state == "expired")
    assert expired[0] == "Expired" and expired[1].silence >= EXPIRED_AFTER
    assert all(h.state != "expired" for _, _, h in seen if h.silence < EXPIRED_AFTER)


@pytest.mark.parametrize("number", sorted(set(TEST_NUMBERS_BY_DESTINATION["delivered"].values()) | {NORMAL}))
def test_normal_journeys_are_never_flagged(make_rig, number: str) -> None:
    seen = _watch(make_rig(), number)
    flagged = [(at, h) for at, _, h in seen if h.state != "ok"]
    assert seen and not flagged, flagged
    assert seen[-1][1] == "Delivered"
