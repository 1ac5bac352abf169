"""Reading a tracking reuses a per-process snapshot and prebuilt bodies: every answer must equal one computed
from scratch at the same moment, whatever changed in between (a new event, a status change, an edit, a
new day at the destination, a refitted model), and one account never sees another's view."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store as SqlStore
from parceltrail.bootstrap import Runtime
from parceltrail.clock import ManualClock
from parceltrail.domain.accounts import Tracking
from parceltrail.domain.errors import NotFoundError
from parceltrail.domain.events import event_fingerprint
from parceltrail.domain.shipment import Shipment, Timeline, TrackingEvent
from parceltrail.entrypoints.http import aftership, native
from parceltrail.predict import DeliveredJourney, EtaModel, Lane, Stage
from parceltrail.services.memory import MemoryStore
from parceltrail.services.outlook import eta as eta_models
from parceltrail.services.outlook.shown import ShownMemo, recipient_zone, shown_eta
from parceltrail.services.ports import Store
from parceltrail.services.tracking.snapshots import MEMO_LIMIT, Snapshots, snapshots_for
from parceltrail.services.tracking.trackings import TrackingService
from tests.api.conftest import Keys, as_auth, auth

SAO_PAULO = ZoneInfo("America/Sao_Paulo")
START = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)  # a Monday
NUMBER = "LX123456785CN"


def _event(shipment_id: int, number: str, at: datetime, text: str, tag: str, subtag: str,
           country: str) -> TrackingEvent:
    return TrackingEvent(occurred_at=at, raw_text=text, source="test", shipment_id=shipment_id,
                         fingerprint=event_fingerprint(number, at, text, None, country), country=country,
                         tag=tag, subtag=subtag, classified=True, retrieved_at=at)


def _seed(runtime: Runtime, keys: Keys, number: str = "LX123456785CN") -> tuple[str, int]:
    """An international postal parcel (China -> Brazil) accepted and moving, followed by `keys`'s account."""
    now = runtime.clock.now()
    with runtime.store.transaction() as repo:
        shipment = repo.shipments.add(Shipment(
            number, "china-post", service_class="postal", origin_country="CN", destination_country="BR",
            tag="InTransit", subtag="InTransit_001", connector="parceltrail-sandbox",
            first_event_at=now - timedelta(days=2), last_event_at=now - timedelta(days=1),
            last_checked_at=now - timedelta(hours=1)), now)
        assert shipment.id is not None
        repo.shipments.add_events([
            _event(shipment.id, number, now - timedelta(days=2), "Accepted", "InTransit", "InTransit_002",
                   "CN"),
            _event(shipment.id, number, now - timedelta(days=1), "Departed", "InTransit", "InTransit_001",
                   "CN"),
        ])
        tracking = Tracking(uuid.uuid4().hex, keys.account_id, shipment.id, now, now)
        repo.accounts.add_tracking(tracking)
    return tracking.id, shipment.id


@pytest.fixture
def manual(runtime: Runtime) -> ManualClock:
    clock = ManualClock(START)
    runtime.clock = clock  # the read paths take "now" from the runtime's clock
    runtime.models.forget()
    return clock


def _fresh_native(runtime: Runtime, keys: Keys, tracking_id: str) -> bytes:
    """The answer computed from scratch: no snapshot, no prebuilt body."""
    detail = TrackingService(runtime).get(keys.account_id, tracking_id)
    now = runtime.clock.now()
    models = eta_models.models_for(runtime.models, now)
    return bytes(JSONResponse({"data": native.tracking_dict(detail, with_events=True, models=models,
                                                            now=now)}).body)


def _fresh_aftership(runtime: Runtime, keys: Keys, tracking_id: str) -> bytes:
    detail = TrackingService(runtime).get(keys.account_id, tracking_id)
    now = runtime.clock.now()
    models = eta_models.models_for(runtime.models, now)
    return bytes(aftership.ok(aftership.tracking_view(detail, models=models, now=now)).body)


def _both(client: TestClient, runtime: Runtime, keys: Keys, tracking_id: str) -> dict:
    """GET both APIs' views, each equal to the from-scratch answer byte for byte; the native data."""
    got = client.get(f"/api/v1/trackings/{tracking_id}", headers=auth(keys.read))
    assert got.status_code == 200, got.text
    assert got.headers["content-type"] == "application/json"
    assert got.content == _fresh_native(runtime, keys, tracking_id)
    theirs = client.get(f"/tracking/2026-07/trackings/{tracking_id}", headers=as_auth(keys.read))
    assert theirs.status_code == 200, theirs.text
    assert theirs.content == _fresh_aftership(runtime, keys, tracking_id)
    return got.json()["data"]


def test_a_repeated_read_reuses_the_snapshot_and_answers_the_same(client: TestClient, runtime: Runtime,
                                                                  alice: Keys, manual: ManualClock) -> None:
    tracking_id, _ = _seed(runtime, alice)
    snapshots = snapshots_for(runtime.store)
    first = _both(client, runtime, alice, tracking_id)
    hits = snapshots.hits
    again = _both(client, runtime, alice, tracking_id)
    assert snapshots.hits == hits + 2  # both APIs answered from the snapshot
    assert again == first and first["eta"] is not None and len(first["events"]) == 2


def test_a_new_event_is_seen_at_once(client: TestClient, runtime: Runtime, alice: Keys,
                                     manual: ManualClock) -> None:
    tracking_id, shipment_id = _seed(runtime, alice)
    assert len(_both(client, runtime, alice, tracking_id)["events"]) == 2
    # only an event row is added: the shipment's own row is left exactly as it was
    with runtime.store.transaction() as repo:
        repo.shipments.add_events([_event(shipment_id, "LX123456785CN", START - timedelta(hours=3),
                                          "Arrived at destination", "InTransit", "InTransit_001", "BR")])
    data = _both(client, runtime, alice, tracking_id)
    assert [e["text"] for e in data["events"]] == ["Arrived at destination", "Departed", "Accepted"]


def test_a_status_change_is_seen_at_once(client: TestClient, runtime: Runtime, alice: Keys,
                                         manual: ManualClock) -> None:
    tracking_id, shipment_id = _seed(runtime, alice)
    assert _both(client, runtime, alice, tracking_id)["tag"] == "InTransit"
    with runtime.store.transaction() as repo:
        shipment = repo.shipments.get(shipment_id)
        assert shipment is not None
        shipment.tag, shipment.subtag = "Exception", "Exception_013"
        repo.shipments.save(shipment, manual.now())  # the same updated_at: the clock did not move
    data = _both(client, runtime, alice, tracking_id)
    assert data["tag"] == "Exception" and data["eta"] is None  # a lost parcel gets no date


def test_an_edit_is_seen_at_once(client: TestClient, runtime: Runtime, alice: Keys,
                                 manual: ManualClock) -> None:
    tracking_id, _ = _seed(runtime, alice)
    assert _both(client, runtime, alice, tracking_id)["title"] is None
    edited = client.patch(f"/api/v1/trackings/{tracking_id}", json={"title": "Boots"},
                          headers=auth(alice.write))
    assert edited.status_code == 200, edited.text
    data = _both(client, runtime, alice, tracking_id)  # updated_at is unchanged (the clock stood still)
    assert data["title"] == "Boots"


def test_a_new_day_at_the_destination_moves_the_estimate(client: TestClient, runtime: Runtime, alice: Keys,
                                                         manual: ManualClock) -> None:
    tracking_id, _ = _seed(runtime, alice)
    detail = TrackingService(runtime).get(alice.account_id, tracking_id)
    timeline = Timeline(detail.shipment, detail.events, detail.legs)
    assert recipient_zone(timeline).utcoffset(START) == SAO_PAULO.utcoffset(START)
    models = eta_models.models_for(runtime.models, START)
    first = shown_eta(timeline, models, START)
    assert first is not None and not first.late
    # noon at the destination on the first estimate's last day, then noon the next day: the same hour
    # of the day, so only the date tells the two apart
    last_day = datetime.combine(first.latest, datetime.min.time(), SAO_PAULO) + timedelta(hours=12)
    manual.set(last_day.astimezone(UTC))
    before = _both(client, runtime, alice, tracking_id)
    assert before["eta"]["late"] is False
    manual.set((last_day + timedelta(days=1)).astimezone(UTC))
    after = _both(client, runtime, alice, tracking_id)
    assert after["eta"]["late"] is True and after["eta"] != before["eta"]


def test_a_refitted_model_is_used_at_once(client: TestClient, runtime: Runtime, alice: Keys,
                                          manual: ManualClock) -> None:
    tracking_id, _ = _seed(runtime, alice)
    before = _both(client, runtime, alice, tracking_id)
    assert before["eta"]["basis"].startswith("prior")
    # a refit that learned this lane from 30 parcels that each took 40 days
    lane = Lane(origin="CN", destination="BR", carrier="china-post", service="postal")
    history = [DeliveredJourney(lane, START - timedelta(days=90 + i), START - timedelta(days=50 + i),
                                {Stage.accepted: START - timedelta(days=90 + i)}) for i in range(30)]
    learned = EtaModel.fit(history, calibrate=False)
    refitted = replace(eta_models.models_for(runtime.models, START), eta=learned)
    runtime.models.hold(refitted)
    after = _both(client, runtime, alice, tracking_id)
    assert not after["eta"]["basis"].startswith("prior") and after["eta"]["date"] > before["eta"]["date"]


def test_another_account_never_gets_a_cached_view(client: TestClient, runtime: Runtime, alice: Keys,
                                                  bob: Keys, manual: ManualClock) -> None:
    tracking_id, _ = _seed(runtime, alice)
    _both(client, runtime, alice, tracking_id)  # alice's view is cached
    assert client.get(f"/api/v1/trackings/{tracking_id}", headers=auth(bob.read)).status_code == 404
    answer = client.get(f"/tracking/2026-07/trackings/{tracking_id}", headers=as_auth(bob.read))
    assert answer.status_code == 404 and answer.json()["meta"]["code"] == 4004
    # bob follows the same parcel with his own labels: his view, never alice's
    client.patch(f"/api/v1/trackings/{tracking_id}", json={"title": "alice's"}, headers=auth(alice.write))
    with runtime.store.transaction() as repo:
        own = Tracking(uuid.uuid4().hex, bob.account_id, _shipment_of(runtime, alice, tracking_id),
                       START, START, title="bob's")
        repo.accounts.add_tracking(own)
    assert _both(client, runtime, bob, own.id)["title"] == "bob's"
    assert _both(client, runtime, alice, tracking_id)["title"] == "alice's"
    # a deleted tracking is gone at once, cached or not
    assert client.delete(f"/api/v1/trackings/{tracking_id}", headers=auth(alice.write)).status_code == 204
    assert client.get(f"/api/v1/trackings/{tracking_id}", headers=auth(alice.read)).status_code == 404


def _shipment_of(runtime: Runtime, keys: Keys, tracking_id: str) -> int:
    return TrackingService(runtime).get(keys.account_id, tracking_id).shipment.id  # type: ignore[return-value]


def test_the_cache_is_bounded(runtime: Runtime, alice: Keys, manual: ManualClock) -> None:
    ids = [_seed(runtime, alice, number)[0] for number in ("LX123456785CN", "RB123456785CN", "EA123456785CN")]
    snapshots = Snapshots(runtime.store, size=2)
    for tracking_id in ids:
        snapshots.tracking(alice.account_id, tracking_id)
    assert len(snapshots) == 2 and snapshots.misses == 3
    snapshots.tracking(alice.account_id, ids[2])
    assert snapshots.hits == 1
    snapshots.tracking(alice.account_id, ids[0])  # the least recently used one was dropped
    assert snapshots.misses == 4 and len(snapshots) == 2
    snapshot = snapshots.tracking(alice.account_id, ids[0])
    for zone in range(3 * MEMO_LIMIT):  # e.g. cards for readers in many time zones
        snapshot.keep(("card", zone), object())
        assert len(snapshot.memo) <= MEMO_LIMIT


def test_a_relinked_leg_is_seen_at_once(client: TestClient, runtime: Runtime, alice: Keys,
                                        manual: ManualClock) -> None:
    tracking_id, shipment_id = _seed(runtime, alice)
    assert len(_both(client, runtime, alice, tracking_id)["legs"]) == 1
    with runtime.store.transaction() as repo:
        nxt = repo.shipments.add(Shipment("NL123456785BR", "correios", origin_country="CN",
                                          destination_country="BR", previous_leg_id=shipment_id,
                                          tag="InTransit", subtag="InTransit_001"), manual.now())
        first = repo.shipments.get(shipment_id)
        assert first is not None and nxt.id is not None
        first.next_leg_id = nxt.id
        repo.shipments.save(first, manual.now())
        repo.shipments.add_events([_event(nxt.id, "NL123456785BR", START - timedelta(hours=1), "Customs",
                                          "InTransit", "InTransit_007", "BR")])
    data = _both(client, runtime, alice, tracking_id)
    assert [leg["tracking_number"] for leg in data["legs"]] == ["LX123456785CN", "NL123456785BR"]
    assert [e["tracking_number"] for e in data["events"]][0] == "NL123456785BR"


@pytest.fixture(params=["sqlite", "postgresql", "memory"])
def any_store(request: pytest.FixtureRequest, tmp_path) -> Store:
    if request.param == "memory":
        return MemoryStore()
    url = (f"sqlite:///{tmp_path / 'pt.db'}" if request.param == "sqlite"
           else request.getfixturevalue("migrated_postgres_url"))
    migrate.upgrade(url)
    return SqlStore(make_engine(url))


def test_validation_reads_the_same_on_every_store(any_store: Store) -> None:
    """The one-query validation (tracking row and leg stamps) on SQLite, PostgreSQL and the in-memory store:
    a hit while nothing changed; a miss after a new event, a leg edit or a deleted tracking."""
    with any_store.transaction() as repo:
        account = repo.accounts.create_account("a", START)
        other = repo.accounts.create_account("b", START)
        shipment = repo.shipments.add(Shipment(NUMBER, "china-post", destination_country="BR"), START)
        assert shipment.id is not None
        repo.shipments.add_events([_event(shipment.id, NUMBER, START, "Accepted", "InTransit",
                                          "InTransit_002", "CN")])
        tracking = repo.accounts.add_tracking(Tracking(uuid.uuid4().hex, account.id, shipment.id, START,
                                                       START))
    snapshots = Snapshots(any_store)
    first = snapshots.tracking(account.id, tracking.id)
    assert snapshots.tracking(account.id, tracking.id) is first and snapshots.hits == 1
    with pytest.raises(NotFoundError):
        snapshots.tracking(other.id, tracking.id)
    with any_store.transaction() as repo:
        repo.shipments.add_events([_event(shipment.id, NUMBER, START + timedelta(hours=1), "Departed",
                                          "InTransit", "InTransit_001", "CN")])
    second = snapshots.tracking(account.id, tracking.id)
    assert second is not first and len(second.events) == 2
    with any_store.transaction() as repo:
        leg = repo.shipments.get(shipment.id)
        assert leg is not None
        leg.last_error = "timeout"
        repo.shipments.save(leg, START)
    third = snapshots.tracking(account.id, tracking.id)
    assert third is not second and third.shipment.last_error == "timeout"
    assert snapshots.tracking(account.id, tracking.id) is third
    with any_store.transaction() as repo:
        repo.accounts.delete_tracking(account.id, tracking.id)
    with pytest.raises(NotFoundError):
        snapshots.tracking(account.id, tracking.id)


def test_the_shown_memo_follows_the_day_at_the_destination(runtime: Runtime, alice: Keys,
                                                           manual: ManualClock) -> None:
    """The same model, the same hour of the day at the destination, the next day: recomputed ("late")."""
    tracking_id, _ = _seed(runtime, alice)
    detail = TrackingService(runtime).get(alice.account_id, tracking_id)
    timeline = Timeline(detail.shipment, detail.events, detail.legs)
    models = eta_models.models_for(runtime.models, START)
    first = shown_eta(timeline, models, START)
    assert first is not None
    noon = datetime.combine(first.latest, datetime.min.time(), SAO_PAULO) + timedelta(hours=12)
    memo = ShownMemo(timeline)
    on_time = memo.shown(models, noon.astimezone(UTC))
    assert on_time == shown_eta(timeline, models, noon.astimezone(UTC)) and on_time is not None
    assert memo.shown(models, (noon + timedelta(minutes=30)).astimezone(UTC)) is on_time  # same hour: kept
    next_day = (noon + timedelta(days=1)).astimezone(UTC)
    late = memo.shown(models, next_day)
    assert late == shown_eta(timeline, models, next_day) and late is not None and late.late
