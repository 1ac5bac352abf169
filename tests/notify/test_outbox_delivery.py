"""Notifications from real ingested sandbox journeys, delivered to a local webhook receiver that is down
for a while: every event id arrives, once after dedupe, in order per shipment, with no gaps."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import func, select

from parceltrail.adapters.db.tables import notifications
from parceltrail.adapters.delivery.signing import verify_aftership, verify_signature
from parceltrail.adapters.sandbox import TEST_NUMBERS
from parceltrail.domain.notifications import Status
from tests.notify.conftest import START, dispatcher, outbox, subscribe

DOWN_FROM, DOWN_UNTIL = START + timedelta(days=1), START + timedelta(days=1, hours=12)


def test_receiver_down_then_back_gets_every_event_once_in_order(make_rig, receiver) -> None:
    rig = make_rig()
    numbers = [TEST_NUMBERS["delivered"], TEST_NUMBERS["pickup_point"], TEST_NUMBERS["returned"]]
    subs = []
    for number in numbers:
        shipment = rig.tracker.register(number)
        subs.append(subscribe(rig.store, rig.clock.now(), shipment_id=shipment.id, channel="webhook",
                              target=receiver.url, events=["status_change", "checkpoint", "delivered",
                                                           "exception"]))
    receiver.down = lambda: DOWN_FROM <= rig.clock.now() < DOWN_UNTIL
    worker = dispatcher(rig.store, rig.clock)
    rig.run_until_quiet(on_poll=worker.run_once)  # the dispatcher runs while parcels move
    assert receiver.refused > 0, "the receiver was down for a while and refused deliveries"
    for _ in range(200):  # drain what is still waiting for its backoff
        if not outbox(rig.store, status=Status.PENDING):
            break
        rig.clock.advance(timedelta(minutes=10))
        worker.run_once()

    written = outbox(rig.store)
    assert written and all(n.status is Status.DELIVERED for n in written), [
        (n.id, n.status, n.last_error) for n in written if n.status is not Status.DELIVERED]
    assert any(n.attempts > 1 for n in written), "some were retried"
    # exactly once per event id after dedupe, and per shipment in the order they were written, no gaps
    seen = receiver.first_seen()
    assert sorted(seen) == sorted(n.event_id for n in written)
    for sub in subs:
        stream = [n.event_id for n in written if n.subscription_id == sub.id]
        assert stream, "every parcel caused notifications"
        assert [e for e in seen if e in set(stream)] == stream
    # the notifications follow the parcel's real status sequence
    delivered_sub = subs[0]
    bodies = [json.loads(r.body) for r in receiver.requests
              if r.headers["parceltrail-event-id"] in {n.event_id for n in written
                                                       if n.subscription_id == delivered_sub.id}]
    kinds = [b["event"] for b in bodies]
    assert kinds[-1] == "tracking.delivered" and "tracking.status_change" in kinds
    assert bodies[-1]["data"]["tag"] == "Delivered"
    assert bodies[-1]["data"]["link"].endswith(f"/track/{numbers[0]}")


def test_native_signature_and_aftership_payload(make_rig, receiver) -> None:
    rig = make_rig()
    shipment = rig.tracker.register(TEST_NUMBERS["delivered"])
    native = subscribe(rig.store, rig.clock.now(), shipment_id=shipment.id, channel="webhook",
                       target=receiver.url, events=["status_change"])
    aftership = subscribe(rig.store, rig.clock.now(), shipment_id=shipment.id, channel="webhook",
                          target=receiver.url + "/as", events=["status_change"], format="aftership")
    rig.run_until_quiet(horizon=timedelta(days=3))
    worker = dispatcher(rig.store, rig.clock)
    while worker.run_once().claimed:
        pass
    native_hits = [r for r in receiver.requests if r.path == "/hooks"]
    as_hits = [r for r in receiver.requests if r.path == "/hooks/as"]
    assert native_hits and len(native_hits) == len(as_hits)
    first = native_hits[0]
    header = first.headers["parceltrail-signature"]
    stamp = int(header.split(",")[0][2:])
    assert verify_signature(first.body, header, native.secret, stamp + 10)
    assert not verify_signature(first.body + b" ", header, native.secret, stamp)
    assert not verify_signature(first.body, header, native.secret, stamp + 301), "replays are refused"
    assert not verify_signature(first.body, header, "other secret", stamp)
    hit = as_hits[0]
    assert verify_aftership(hit.body, hit.headers["aftership-hmac-sha256"], aftership.secret)
    body = hit.json
    assert set(body) == {"event", "event_id", "is_tracking_first_tag", "msg", "ts"}
    assert body["event"] == "tracking_update" and body["msg"]["tracking_number"] == TEST_NUMBERS["delivered"]
    assert body["msg"]["slug"] == "parceltrail-sandbox" and body["msg"]["checkpoints"]
    assert body["is_tracking_first_tag"] is True
    event_ids = [r.headers["parceltrail-event-id"] for r in receiver.requests]
    assert len(set(event_ids)) == len(event_ids)


def test_outbox_rows_are_written_in_the_ingestion_transaction(make_rig, receiver) -> None:
    rig = make_rig()
    shipment = rig.tracker.register(TEST_NUMBERS["delivered"])
    subscribe(rig.store, rig.clock.now(), shipment_id=shipment.id, channel="webhook", target=receiver.url,
              events=["checkpoint"])
    from parceltrail.domain.connectors import RawEvent, TrackResult
    from parceltrail.services.tracking.ingestion import ingest

    result = TrackResult(TEST_NUMBERS["delivered"], [RawEvent(
        occurred_at=START, text="Shipment information received", lang="en")])
    try:
        with rig.store.transaction() as repo:
            current = repo.shipments.get(shipment.id)
            assert ingest(repo, current, result, "test", START).new_events == 1
            assert repo.conn.execute(select(func.count()).select_from(notifications)).scalar_one() == 1
            raise RuntimeError("the transaction fails after ingestion")
    except RuntimeError:
        pass
    assert outbox(rig.store) == [], "no notification without its events"
    with rig.store.transaction() as repo:
        ingest(repo, repo.shipments.get(shipment.id), result, "test", START)
    assert len(outbox(rig.store)) == 1
