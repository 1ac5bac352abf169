from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from parceltrail.domain.connectors import FailureKind
from parceltrail.domain.shipment import Shipment
from parceltrail.services.tracking import schedule

NOW = datetime(2026, 11, 10, 12, tzinfo=UTC)
H = timedelta(hours=1)


def _s(tag: str, subtag: str | None = None, **kw: object) -> Shipment:
    kw.setdefault("created_at", NOW - 2 * H)
    return Shipment(tracking_number="N", carrier="c", tag=tag, subtag=subtag or f"{tag}_001", **kw)  # type: ignore[arg-type]


def test_terminal_states_stop_polling() -> None:
    assert schedule.after_success(_s("Delivered"), NOW) is None
    assert schedule.after_success(_s("Expired"), NOW) is None


def test_out_for_delivery_is_polled_more_often_than_in_transit() -> None:
    ofd = schedule.after_success(_s("OutForDelivery", last_event_at=NOW - H), NOW)
    transit = schedule.after_success(_s("InTransit", "InTransit_002", last_event_at=NOW - H), NOW)
    assert ofd is not None and transit is not None
    assert ofd - NOW == H
    assert transit - NOW == 4 * H


def test_long_silence_stretches_the_interval_up_to_a_cap() -> None:
    quiet = schedule.after_success(_s("InTransit", "InTransit_002", last_event_at=NOW - 40 * H), NOW)
    quieter = schedule.after_success(_s("InTransit", "InTransit_002", last_event_at=NOW - 60 * H), NOW)
    very_quiet = schedule.after_success(_s("InTransit", "InTransit_002", last_event_at=NOW - 400 * H), NOW)
    assert quiet == NOW + 10 * H
    assert quieter == NOW + schedule.MAX_INTERVAL
    assert very_quiet == NOW + schedule.LONG_SILENCE_INTERVAL  # probably lost: look every 1.5 days


def test_not_found_backs_off_from_an_hour_to_a_day() -> None:
    young = _s("Pending", created_at=NOW - 10 * timedelta(minutes=1))
    old = _s("Pending", created_at=NOW - 10 * timedelta(days=1))
    assert schedule.after_not_found(young, NOW) == NOW + H
    assert schedule.after_not_found(_s("Pending", created_at=NOW - 12 * H), NOW) == NOW + 3 * H
    assert schedule.after_not_found(old, NOW) == NOW + 24 * H


def test_faults_back_off_exponentially_and_honour_retry_after() -> None:
    delays = [schedule.after_failure(FailureKind.RETRY_LATER, n, NOW) - NOW for n in range(1, 10)]  # type: ignore[operator]
    assert delays[:3] == [timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4)]
    assert max(delays) == schedule.MAX_BACKOFF
    assert schedule.after_failure(FailureKind.RETRY_LATER, 1, NOW, 600) == NOW + timedelta(seconds=600)
    assert schedule.after_failure(FailureKind.PERMANENT, 1, NOW) is None
    assert schedule.after_failure(FailureKind.AUTH, 1, NOW) == NOW + H


def test_thirty_days_without_information_expires() -> None:
    assert schedule.is_expired(_s("InTransit", last_event_at=NOW - timedelta(days=31)), NOW)
    assert not schedule.is_expired(_s("InTransit", last_event_at=NOW - timedelta(days=29)), NOW)
    assert schedule.is_expired(_s("Pending", created_at=NOW - timedelta(days=31)), NOW)
    assert not schedule.is_expired(_s("Delivered", last_event_at=NOW - timedelta(days=90)), NOW)


def test_unregistered_items_are_not_polled_past_acceptance() -> None:
    item = _s("InTransit", "InTransit_002", trackable=False, last_event_at=NOW - H)
    assert schedule.after_success(item, NOW) is None


@dataclass(frozen=True)
class _E:
    occurred_at: datetime
    subtag: str | None


def _history(gaps_by_hour: dict[int, list[float]], first: str = "InTransit_003",
             second: str = "OutForDelivery_001") -> list[tuple[datetime, list[_E]]]:
    out = []
    for hour, gaps in gaps_by_hour.items():
        for gap in gaps:
            t = datetime(2026, 10, 1, hour, tzinfo=UTC)
            scans = [_E(t, first), _E(t + gap * H, second), _E(t + (gap + 3) * H, "Delivered_001")]
            out.append((t - H, scans))
    return out


def test_model_polls_where_the_next_scan_is_concentrated_and_backs_off_in_silence() -> None:
    # after the opening scan, the next one comes 2-3 h later in nine journeys out of ten, else ~2 days later
    gaps = [2 + i / 100 for i in range(90)] + [40 + i / 5 for i in range(10)]
    model = schedule.ScanGapModel.fit(_history({9: gaps}))
    key = "->InTransit_003"  # the gap after a first scan InTransit_003
    assert schedule.stage_key([_E(NOW, None), _E(NOW, "InTransit_003")]) == key
    assert schedule.stage_key([_E(NOW, "InTransit_003"), _E(NOW, "OutForDelivery_001")]) \
        == "InTransit_003>OutForDelivery_001"
    first = model.next_poll(key, 9, 0.0)
    assert first is not None and 2.0 <= first <= 3.0  # inside the burst
    later = model.next_poll(key, 9, 3.5)  # the burst passed in silence: look much later
    assert later is not None and later > 30
    assert model.next_poll(key, 9, 100.0) is None  # longer than any gap seen: the priors decide


def test_model_conditions_on_the_local_hour_of_the_last_scan() -> None:
    model = schedule.ScanGapModel.fit(_history({8: [1.5 + i / 100 for i in range(40)],
                                                20: [12 + i / 100 for i in range(40)]}))
    key = "->InTransit_003"
    morning, evening = model.next_poll(key, 8, 0.0), model.next_poll(key, 20, 0.0)
    assert morning is not None and evening is not None and morning < 3 < 11 < evening


def test_after_success_uses_the_chain_events_and_round_trips_json(tmp_path: Path) -> None:
    model = schedule.ScanGapModel.fit(_history({12: [5 + i / 100 for i in range(60)]}))
    path = tmp_path / "scan_gaps.json"
    model.save(path)
    loaded = schedule.ScanGapModel.load(path)
    assert loaded.stages == model.stages
    last = NOW - 4 * H
    events = [_E(last, "InTransit_003")]
    shipment = _s("InTransit", "InTransit_003", last_event_at=last)
    at = schedule.after_success(shipment, NOW, events, loaded)
    assert at is not None and last + 5 * H <= at <= last + 5.6 * H
    # without a model the built-in priors apply
    assert schedule.after_success(shipment, NOW, events, schedule.EMPTY_MODEL) == NOW + 4 * H


def test_tracker_learns_scan_gaps_from_stored_journeys_and_polls_with_them(make_rig) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    from parceltrail.adapters.sandbox.journeys import build_journey
    from parceltrail.adapters.sandbox.scenarios import Leg, Scenario, make_number
    from tests.engine.conftest import START

    rig = make_rig()
    for serial in range(1, 4):
        rig.tracker.register(make_number(Scenario.DELIVERED, serial))
    rig.run_until_quiet()
    with rig.store.read() as repo:
        timelines = repo.shipments.finished_timelines()
    assert len(timelines) == 3
    model = schedule.ScanGapModel.fit(timelines)
    assert "InTransit_002>InTransit_003" in model.stages  # acceptance -> sorting, learned from the store

    # the learned path through the real tracker: a new parcel is followed to delivery, every scan stored
    schedule.MIN_SAMPLES, saved = 2, schedule.MIN_SAMPLES
    try:
        rig.tracker.scan_gaps = model
        shipment = rig.tracker.register(make_number(Scenario.DELIVERED, 4))
        rig.run_until_quiet()
    finally:
        schedule.MIN_SAMPLES = saved
    assert shipment.id is not None
    timeline = rig.tracker.timeline(shipment.id)
    expected = sum(len(j.events) for leg in (Leg.MAIN, Leg.LAST_MILE)
                   if (j := build_journey(Scenario.DELIVERED, 4, START, leg=leg)) is not None)
    assert timeline.shipment.tag == "Delivered"
    assert len(timeline.events) == expected  # the whole chain's events, each stored once


def test_scan_gap_model_remembers_which_gaps_ended_in_an_awaited_scan() -> None:
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Scan:
        occurred_at: datetime
        subtag: str

    start = datetime(2026, 11, 1, 6, 0, tzinfo=UTC)
    timeline = [Scan(start, "InTransit_002"), Scan(start + 2 * H, "OutForDelivery_001"),
                Scan(start + 5 * H, "Delivered_001")]
    model = schedule.ScanGapModel.fit([(start - H, timeline)])
    flags = sorted(a for samples in model.stages.values() for _h, _g, a in samples)
    assert flags == [False, True, True]  # start -> transit: not awaited; OFD and delivered: awaited
    again = schedule.ScanGapModel.from_json(model.to_json())
    assert again.stages == model.stages
    old = schedule.ScanGapModel.from_json({"version": 1, "stages": {"start": [[6, 1.0]]}})
    assert old.stages == {"start": [(6, 1.0, False)]}  # a model saved before awaited scans were kept
