"""Track-page cards reuse a per-process snapshot of the parcel and the parts built from it; every card must
equal one built from scratch at the same moment, whatever changed in between."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from parceltrail.bootstrap import Runtime
from parceltrail.clock import ManualClock
from parceltrail.domain.events import event_fingerprint
from parceltrail.domain.shipment import Shipment, Timeline, TrackingEvent
from parceltrail.entrypoints.http.app import create_app
from parceltrail.entrypoints.web.cards import Card, build_card
from parceltrail.entrypoints.web.i18n import Locale
from parceltrail.entrypoints.web.tracking import card_for
from parceltrail.predict import DeliveredJourney, EtaModel, Lane, Stage
from parceltrail.services.outlook import eta as eta_models
from parceltrail.services.outlook.shown import shown_eta
from parceltrail.services.tracking.snapshots import snapshots_for

NUMBER = "LX123456785CN"
SAO_PAULO = ZoneInfo("America/Sao_Paulo")
START = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
LOCALES = [Locale("en", ZoneInfo("UTC")), Locale("ru", ZoneInfo("Europe/Moscow")), Locale("zh", SAO_PAULO)]


def _event(shipment_id: int, at: datetime, text: str, subtag: str, country: str,
           number: str = NUMBER) -> TrackingEvent:
    return TrackingEvent(occurred_at=at, raw_text=text, source="test", shipment_id=shipment_id,
                         fingerprint=event_fingerprint(number, at, text, None, country), country=country,
                         tag=subtag.split("_")[0], subtag=subtag, classified=True, retrieved_at=at)


@pytest.fixture
def manual(runtime: Runtime) -> ManualClock:
    clock = ManualClock(START)
    runtime.clock = clock
    runtime.models.forget()
    return clock


@pytest.fixture
def parcel(runtime: Runtime, manual: ManualClock) -> int:
    """An international postal parcel (China -> Brazil) on its way; its shipment id."""
    now = manual.now()
    with runtime.store.transaction() as repo:
        shipment = repo.shipments.add(Shipment(
            NUMBER, "china-post", service_class="postal", origin_country="CN", destination_country="BR",
            tag="InTransit", subtag="InTransit_001", connector="parceltrail-sandbox",
            first_event_at=now - timedelta(days=2), last_event_at=now - timedelta(days=1),
            last_checked_at=now - timedelta(hours=1), next_check_at=now + timedelta(hours=1)), now)
        assert shipment.id is not None
        repo.shipments.add_events([
            _event(shipment.id, now - timedelta(days=2), "Accepted", "InTransit_002", "CN"),
            _event(shipment.id, now - timedelta(days=1), "Departed", "InTransit_001", "CN")])
    return shipment.id


def _cards(runtime: Runtime, shipment_id: int) -> list[Card]:
    """The cached card in every test language, each checked against one built from scratch."""
    with runtime.store.read() as repo:
        shipment = repo.shipments.get(shipment_id)
    assert shipment is not None
    out = []
    for loc in LOCALES:
        cached = card_for(runtime, shipment, loc, NUMBER)
        assert cached is not None
        assert cached == build_card(runtime, runtime.tracker.timeline(shipment_id), loc, NUMBER), loc.lang
        out.append(cached)
    return out


def test_cards_are_reused_and_equal_fresh_ones(runtime: Runtime, parcel: int) -> None:
    first = _cards(runtime, parcel)
    snapshots = snapshots_for(runtime.store)
    hits = snapshots.hits
    assert _cards(runtime, parcel) == first
    assert snapshots.hits == hits + len(LOCALES)
    assert first[0].eta is not None and first[0].event_count == 2


def test_a_new_event_and_a_status_change_show_at_once(runtime: Runtime, parcel: int,
                                                       manual: ManualClock) -> None:
    assert _cards(runtime, parcel)[0].event_count == 2
    with runtime.store.transaction() as repo:  # only an event row: the shipment's row is unchanged
        repo.shipments.add_events([_event(parcel, START - timedelta(hours=2), "Customs", "InTransit_007",
                                          "BR")])
    assert _cards(runtime, parcel)[0].event_count == 3
    with runtime.store.transaction() as repo:
        shipment = repo.shipments.get(parcel)
        assert shipment is not None
        shipment.tag, shipment.subtag = "Exception", "Exception_013"
        repo.shipments.save(shipment, manual.now())  # the clock stood still: updated_at is the same
    card = _cards(runtime, parcel)[0]
    assert card.tag == "Exception" and card.eta is None


def test_the_clock_and_a_refit_show_at_once(runtime: Runtime, parcel: int, manual: ManualClock) -> None:
    with runtime.store.read() as repo:
        shipment = repo.shipments.get(parcel)
        events = repo.shipments.events([parcel])
    assert shipment is not None
    models = eta_models.models_for(runtime.models, START)
    first = shown_eta(Timeline(shipment, events, [shipment]), models, START)
    assert first is not None
    # noon at the destination on the first estimate's last day, then noon the next day: late
    noon = datetime.combine(first.latest, datetime.min.time(), SAO_PAULO) + timedelta(hours=12)
    manual.set(noon.astimezone(UTC))
    assert not _cards(runtime, parcel)[0].late
    manual.set((noon + timedelta(days=1)).astimezone(UTC))
    late = _cards(runtime, parcel)[0]
    assert late.late
    # a refit that learned this lane: 30 parcels that each took 60 days
    lane = Lane(origin="CN", destination="BR", carrier="china-post", service="postal")
    history = [DeliveredJourney(lane, START - timedelta(days=120 + i), START - timedelta(days=60 + i),
                                {Stage.accepted: START - timedelta(days=120 + i)}) for i in range(30)]
    runtime.models.hold(replace(eta_models.models_for(runtime.models, manual.now()),
                                eta=EtaModel.fit(history, calibrate=False)))
    refitted = _cards(runtime, parcel)[0]
    assert not refitted.late and refitted.eta != late.eta


def test_the_page_shows_a_new_event_at_once(runtime: Runtime, parcel: int) -> None:
    client = TestClient(create_app(runtime, poll=False))
    page = client.get(f"/track/{NUMBER}?lang=en")
    assert page.status_code == 200 and "Departed" in page.text and "Held by customs" not in page.text
    with runtime.store.transaction() as repo:
        repo.shipments.add_events([_event(parcel, START - timedelta(hours=2), "Held by customs",
                                          "Exception_007", "BR")])
    page = client.get(f"/track/{NUMBER}?lang=en")
    assert page.status_code == 200 and "Held by customs" in page.text
