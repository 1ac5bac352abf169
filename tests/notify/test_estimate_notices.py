"""Moved-estimate and late notices: the engine records each parcel's estimate in the destination's
calendar as scans arrive; subscribers hear when the expected day moves by a day or more, and once when the
estimate's last day passes without delivery (not on every poll or scan)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from parceltrail.adapters.sandbox import TEST_NUMBERS
from parceltrail.domain.calendar import Window
from parceltrail.domain.notifications import EventKind
from parceltrail.services.notifications import outbox as ob
from parceltrail.services.notifications.messages import render
from parceltrail.services.outlook.estimates import today_in
from parceltrail.services.tracking.ingestion import IngestReport
from tests.notify.conftest import START, dispatcher, outbox, subscribe


def test_a_silent_parcel_is_reported_late_once_per_estimate(make_rig) -> None:
    rig = make_rig()
    shipment = rig.tracker.register(TEST_NUMBERS["lost"])
    subscribe(rig.store, START, shipment_id=shipment.id, channel="webhook", target="http://127.0.0.1:9/x",
              events=["late"])
    worker = dispatcher(rig.store, rig.clock)
    seen_late: list[tuple[datetime, dict]] = []
    first_given: set[date] = set()
    for hour in range(0, 28 * 24, 6):
        rig.clock.set(START + timedelta(hours=hour))
        rig.tracker.poll_due()
        with rig.store.read() as repo:
            recorded = repo.estimates.get(shipment.id or 0)
        if recorded is not None:
            first_given.add(recorded.first_last_day)
        before = {n.id for n in outbox(rig.store)}
        worker.maintain()
        worker.maintain()  # a second scan at the same moment tells nothing new
        fresh = [n for n in outbox(rig.store) if n.id not in before and n.kind is EventKind.LATE]
        assert len(fresh) <= 1
        seen_late += [(rig.clock.now(), n.payload) for n in fresh]
    assert seen_late, "the lost parcel never passed its estimate"
    dues = [payload["was_due"] for _, payload in seen_late]
    assert len(dues) == len(set(dues))  # once per estimate
    with rig.store.read() as repo:
        stored = repo.estimates.get(shipment.id or 0)
    assert stored is not None
    for when, payload in seen_late:
        today = today_in(stored.timezone, when)
        assert date.fromisoformat(payload["was_due"]) < today  # its last day had passed
        assert date.fromisoformat(payload["eta"]) >= today  # "late, expected by": never a past day
        assert payload["eta_timezone"] == stored.timezone
    # the first estimate the parcel was given is kept (on-time rates are measured against it)
    assert first_given == {stored.first_last_day}


def test_the_expected_day_moving_notifies_once_per_move(make_rig) -> None:
    rig = make_rig()
    shipment = rig.tracker.register(TEST_NUMBERS["customs_hold"])
    subscribe(rig.store, START, shipment_id=shipment.id, channel="webhook", target="http://127.0.0.1:9/x",
              events=["eta_changed"])
    rig.run_until_quiet(horizon=timedelta(days=40))
    moved = [n.payload for n in outbox(rig.store) if n.kind is EventKind.ETA_CHANGED]
    assert moved, "a parcel held in customs for a week never moved its estimate"
    for payload in moved:
        move = date.fromisoformat(payload["eta"]) - date.fromisoformat(payload["previous_eta"])
        assert abs(move.days) >= 1
        assert payload["eta_earliest"] <= payload["eta"] <= payload["eta_latest"]
    pairs = [(p["previous_eta"], p["eta"]) for p in moved]
    for earlier, later in zip(pairs, pairs[1:], strict=False):
        assert earlier[1] == later[0]  # each notice starts from what the previous one said


def test_a_one_day_move_is_enough_by_default(store) -> None:
    from parceltrail.clock import ManualClock
    from parceltrail.services.tracking.registry import ConnectorRegistry
    from parceltrail.services.tracking.tracker import Tracker

    shipment = Tracker(store, ConnectorRegistry({}), ManualClock(START)).register(TEST_NUMBERS["delivered"])
    subscribe(store, START, shipment_id=shipment.id, channel="webhook", target="http://127.0.0.1:9/x",
              events=["eta_changed"])
    quiet = IngestReport()

    def window(day: date) -> Window:
        at = datetime(day.year, day.month, day.day, 12, tzinfo=START.tzinfo)
        return Window("Europe/London", at, at - timedelta(days=1), at + timedelta(days=2),
                      day - timedelta(days=1), day, day + timedelta(days=2))

    for day in (date(2026, 11, 10), date(2026, 11, 10), date(2026, 11, 11), date(2026, 11, 11)):
        with store.transaction() as repo:
            ob.record_changes(repo, repo.shipments.get(shipment.id), quiet, START, window=window(day))
    moved = outbox(store)
    assert [(n.payload["previous_eta"], n.payload["eta"]) for n in moved] == [("2026-11-10", "2026-11-11")]
    assert moved[0].payload["eta_latest"] == "2026-11-13"


def test_late_messages_in_every_language() -> None:
    payload = {"kind": "late", "tracking_number": "PTS03000000012", "eta": "2026-11-20",
               "was_due": "2026-11-14", "link": "https://parcels.example.org/track/PTS03000000012"}
    texts = {lang: render(payload, lang) for lang in ("en", "de", "fr", "es", "pt", "ru", "zh")}
    for lang, text in texts.items():
        assert "2026-11-20" in text.subject and "2026-11-14" in text.body, lang
        if lang != "en":
            assert text.subject != texts["en"].subject, lang
