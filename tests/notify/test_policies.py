"""Quiet hours, digests, backoff and dead letters, replay, no-news and ETA notifications."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from parceltrail.adapters.delivery.signing import aftership_signature
from parceltrail.adapters.sandbox import TEST_NUMBERS
from parceltrail.clock import ManualClock
from parceltrail.domain.notifications import Outcome, Status
from parceltrail.services.notifications import outbox as ob
from parceltrail.services.notifications.timing import next_digest_time, release_time
from parceltrail.services.notifications.urls import UnsafeUrlError, check_webhook_url
from parceltrail.services.tracking.ingestion import IngestReport
from tests.notify.conftest import START, dispatcher, outbox, subscribe


def test_quiet_hours_span_midnight_in_the_subscribers_zone() -> None:
    paris = "Europe/Paris"  # UTC+1 in November
    late = datetime(2026, 11, 3, 22, 30, tzinfo=UTC)  # 23:30 in Paris
    assert release_time(late, paris, "22:00", "07:00") == datetime(2026, 11, 4, 6, 0, tzinfo=UTC)
    early = datetime(2026, 11, 4, 5, 0, tzinfo=UTC)  # 06:00 in Paris
    assert release_time(early, paris, "22:00", "07:00") == datetime(2026, 11, 4, 6, 0, tzinfo=UTC)
    noon = datetime(2026, 11, 4, 11, 0, tzinfo=UTC)
    assert release_time(noon, paris, "22:00", "07:00") == noon
    assert release_time(noon, paris, "12:00", "13:00") == datetime(2026, 11, 4, 12, 0, tzinfo=UTC)
    assert next_digest_time(noon, paris, 8) == datetime(2026, 11, 5, 7, 0, tzinfo=UTC)


def test_aftership_signature_matches_a_known_vector() -> None:
    # printf '{"a":1}' | openssl dgst -sha256 -hmac secret -binary | base64
    assert aftership_signature(b'{"a":1}', "secret") == "qp4uNXX11wmLbKzNeQiIw21f22M0KnO62i1qUXR6hJQ="


def test_public_addresses_pass_private_ones_need_the_allowance() -> None:
    check_webhook_url("https://93.184.216.34/hook", allow_private=False)
    for url in ("http://127.0.0.1/x", "http://[fe80::1]/x", "http://0.0.0.0/x", "http://[::ffff:10.0.0.1]/"):
        try:
            check_webhook_url(url, allow_private=False)
        except UnsafeUrlError:
            continue
        raise AssertionError(f"{url} was allowed")
    check_webhook_url("http://127.0.0.1/x", allow_private=True)


class Flaky:
    def __init__(self, outcome: Outcome) -> None:
        self.outcome = outcome
        self.calls = 0

    def deliver(self, subscription, notification) -> Outcome:
        self.calls += 1
        return self.outcome


def _one_change(make_rig, **sub):
    rig = make_rig()
    shipment = rig.tracker.register(TEST_NUMBERS["delivered"])
    subscribe(rig.store, rig.clock.now(), shipment_id=shipment.id, channel="webhook",
              target="http://127.0.0.1:9/x", events=["checkpoint"], **sub)
    from parceltrail.domain.connectors import RawEvent, TrackResult
    from parceltrail.services.tracking.ingestion import ingest

    for minutes, text in ((0, "Shipment information received"), (5, "Picked up by the carrier")):
        result = TrackResult(TEST_NUMBERS["delivered"], [RawEvent(occurred_at=START, text=text, lang="en")])
        with rig.store.transaction() as repo:
            ingest(repo, repo.shipments.get(shipment.id), result, "test", START + timedelta(minutes=minutes))
    return rig


def test_quiet_hours_hold_not_drop(make_rig) -> None:
    rig = _one_change(make_rig, timezone="UTC", quiet_hours="07:00-12:00")  # START is 08:00 UTC
    held = outbox(rig.store)
    assert held and all(n.next_attempt_at == START.replace(hour=12) for n in held)
    sender = Flaky(Outcome.success())
    worker = dispatcher(rig.store, rig.clock, sender=sender)
    assert worker.run_once().claimed == 0 and sender.calls == 0
    rig.clock.set(START.replace(hour=12))
    while worker.run_once().claimed:
        pass
    assert all(n.status is Status.DELIVERED for n in outbox(rig.store))


def test_backoff_then_dead_letter_after_24_hours_then_replay(make_rig) -> None:
    rig = _one_change(make_rig)
    first = outbox(rig.store)[0]
    sender = Flaky(Outcome(False, "the receiver answered HTTP 503"))
    worker = dispatcher(rig.store, rig.clock, sender=sender)
    waits = []
    for _ in range(100):
        worker.run_once()
        current = outbox(rig.store)[0]
        if current.status is Status.DEAD:
            break
        waits.append(current.next_attempt_at - rig.clock.now())
        rig.clock.set(current.next_attempt_at)
    dead = outbox(rig.store)[0]
    assert dead.status is Status.DEAD and "503" in (dead.last_error or "") and "gave up" in dead.last_error
    assert rig.clock.now() - first.created_at <= timedelta(hours=24)
    assert waits[0] < waits[3] < waits[6], "exponential"
    assert max(waits) <= timedelta(hours=1)
    # jitter: the same attempt count gives different waits
    rng = random.Random(1)
    assert len({ob.backoff(5, 10, 3600, rng) for _ in range(5)}) == 5
    assert ob.replay(rig.store, rig.clock) >= 1
    sender.outcome = Outcome.success()
    while worker.run_once().claimed:
        pass
    assert outbox(rig.store)[0].status is Status.DELIVERED and outbox(rig.store)[0].event_id == first.event_id


def test_permanent_failures_are_dead_at_once(make_rig) -> None:
    rig = _one_change(make_rig)
    worker = dispatcher(rig.store, rig.clock, sender=Flaky(Outcome(False, "410 Gone", permanent=True)))
    worker.run_once()
    assert all(n.status is Status.DEAD for n in outbox(rig.store)[:1])


def test_digest_folds_held_notifications_into_one(make_rig) -> None:
    rig = _one_change(make_rig, digest=True, digest_hour=18)
    held = outbox(rig.store, status=Status.HELD)
    assert held
    sender = Flaky(Outcome.success())
    worker = dispatcher(rig.store, rig.clock, sender=sender)
    worker.run_once()
    assert sender.calls == 0
    rig.clock.set(START.replace(hour=18))
    while worker.run_once().claimed:
        pass
    digests = [n for n in outbox(rig.store) if n.kind.value == "digest"]
    assert len(digests) == 1 and digests[0].status is Status.DELIVERED
    assert digests[0].payload["count"] == len(held)
    assert {n.status for n in outbox(rig.store) if n.kind.value != "digest"} == {Status.DIGESTED}


def test_not_updated_once_per_silence(make_rig) -> None:
    rig = make_rig()
    shipment = rig.tracker.register(TEST_NUMBERS["lost"])
    subscribe(rig.store, rig.clock.now(), shipment_id=shipment.id, channel="webhook",
              target="http://127.0.0.1:9/x", events=["not_updated"], stale_days=3)
    rig.run_until_quiet(horizon=timedelta(days=25))
    worker = dispatcher(rig.store, rig.clock, sender=Flaky(Outcome.success()))
    worker.maintain()
    worker.maintain()
    stale = [n for n in outbox(rig.store) if n.kind.value == "not_updated"]
    assert len(stale) == 1 and stale[0].payload["stale_days"] == 3


def test_eta_moves_beyond_the_threshold_notify(store) -> None:
    clock = ManualClock(START)
    from parceltrail.services.tracking.registry import ConnectorRegistry
    from parceltrail.services.tracking.tracker import Tracker

    shipment = Tracker(store, ConnectorRegistry({}), clock).register(TEST_NUMBERS["delivered"])
    subscribe(store, START, shipment_id=shipment.id, channel="webhook", target="http://127.0.0.1:9/x",
              events=["eta_changed"], eta_days=2)
    quiet = IngestReport()
    for eta in (date(2026, 11, 10), date(2026, 11, 11), date(2026, 11, 15), date(2026, 11, 16)):
        with store.transaction() as repo:
            ob.record_changes(repo, repo.shipments.get(shipment.id), quiet, START, eta=eta)
    moved = outbox(store)
    assert [(n.payload["previous_eta"], n.payload["eta"]) for n in moved] == [("2026-11-11", "2026-11-15")]
