"""The calibrated interval in the engine: the predictions recorded at parcels' starts (table eta_handoffs)
teach the interval calibrator, refitted with the models, and what eta_for, the shown dates and the EDD
predictor answer follows it. Real SQLite stores; the history is written through the repositories."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from statistics import NormalDist

import pytest

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.clock import ManualClock
from parceltrail.domain.shipment import Shipment, Timeline, TrackingEvent
from parceltrail.services.outlook.estimates import record_start
from parceltrail.services.outlook.eta import (
    EMPTY,
    ModelCache,
    eta_for,
    lane_of,
    models_for,
    refit,
    start_handoff,
)
from parceltrail.services.outlook.predictor import EddQuery, ModelPredictor
from parceltrail.services.outlook.shown import shown_eta

NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)
PARCELS = 90  # one handed off every 12 hours over the 45 days before NOW
SPREAD = 0.3  # log-normal spread of the journeys around the factor x the predicted median


def _parcel(number: str, at: datetime) -> tuple[Shipment, TrackingEvent]:
    shipment = Shipment(number, "usps", origin_country="CN", destination_country="US", service_class="postal",
                        tag="InfoReceived", subtag="InfoReceived_001", first_event_at=at, last_event_at=at)
    event = TrackingEvent(at, "Shipment information received", "test", f"fp-{number}", country="CN",
                          tag="InfoReceived", subtag="InfoReceived_001")
    return shipment, event


def _store(path: Path, factor: float) -> Store:
    """A store whose parcels of the last 45 days took `factor` times the median they were predicted at
    their start (those not arrived by NOW still on their way)."""
    url = f"sqlite:///{path}"
    migrate.upgrade(url)
    store = Store(make_engine(url))
    normal = NormalDist()
    for k in range(PARCELS):
        at = NOW - timedelta(hours=12 * (k + 1))
        shipment, event = _parcel(f"HIST{k:04d}", at)
        with store.transaction() as uow:
            stored = uow.shipments.add(shipment, at)
            event.shipment_id = stored.id
            assert record_start(uow, Timeline(stored, [event], [stored]), EMPTY, at)
            handoff, _ = start_handoff(EMPTY.eta, lane_of(stored), at)
            z = normal.inv_cdf(((k * 37) % PARCELS + 0.5) / PARCELS)  # the spread, evenly over time
            delivered = at + timedelta(days=handoff.median * factor * pow(2.718281828, SPREAD * z))
            if delivered <= NOW:
                stored.tag, stored.subtag, stored.last_event_at = "Delivered", "Delivered_001", delivered
                uow.shipments.save(stored, delivered)
    return store


@pytest.fixture
def stores(tmp_path: Path) -> Iterator[dict[str, Store]]:
    made = {"as predicted": _store(tmp_path / "normal.db", 1.0), "slow": _store(tmp_path / "slow.db", 1.8)}
    yield made
    for store in made.values():
        store.engine.dispose()


def _new_parcel(store: Store) -> Timeline:
    at = NOW - timedelta(hours=3)
    shipment, event = _parcel("NEW0001", at)
    with store.transaction() as uow:
        stored = uow.shipments.add(shipment, at)
    event.shipment_id = stored.id
    return Timeline(stored, [event], [stored])


def test_start_predictions_are_recorded_once_with_deliveries_and_open_parcels(stores) -> None:
    with stores["slow"].read() as repo:
        records = repo.estimates.handoffs(NOW - timedelta(days=90))
        first = repo.shipments.find("HIST0000", "usps")
    assert len(records) == PARCELS
    delivered = [h for h in records if h.delivered_at is not None]
    assert 0 < len(delivered) < PARCELS  # the newest slow parcels are still on their way
    assert all(h.low < h.median < h.high for h in records)
    # the interval shown then is kept with it (the model's own: no calibrator was fitted yet)
    assert all((h.served_low, h.served_high) == (h.low, h.high) for h in records)
    assert first is not None
    with stores["slow"].transaction() as uow:  # the first prediction stays
        shipment, event = _parcel("HIST0000", NOW)
        assert not record_start(uow, Timeline(first, [event], [first]), EMPTY, NOW)


def test_shown_interval_widens_after_parcels_arrive_late_or_stay_out(stores) -> None:
    answers = {}
    for name, store in stores.items():
        models = refit(store, NOW)
        assert models.calibrator.fitted and models.calibrator.handoffs == PARCELS
        timeline = _new_parcel(store)
        base = eta_for(timeline, EMPTY, NOW)
        eta = eta_for(timeline, models, NOW)
        shown = shown_eta(timeline, models, NOW)
        assert base is not None and eta is not None and shown is not None
        assert eta.basis.endswith(":calibrated") and not base.basis.endswith(":calibrated")
        assert shown.eta == eta  # the pages, API and CLI read these dates
        answers[name] = (base, eta, shown)
    base, normal, normal_shown = answers["as predicted"]
    _, slow, slow_shown = answers["slow"]
    # Parcels delivered as predicted leave the interval about where the model put it ...
    assert abs((normal.latest - base.latest) / (base.latest - base.date)) < 0.5
    # ... parcels arriving late, or still out past their estimates, widen it and move it later.
    assert slow.latest - slow.earliest > 1.3 * (normal.latest - normal.earliest)
    assert slow.latest > normal.latest + timedelta(days=5)
    assert slow.date > normal.date
    assert slow_shown.latest > normal_shown.latest


def test_edd_and_the_runtime_cache_serve_the_calibrated_interval(stores) -> None:
    edds = {}
    for name, store in stores.items():
        refit(store, NOW)
        cache = ModelCache(store)
        assert models_for(cache, NOW + timedelta(hours=1)).calibrator.fitted  # the stored calibrator
        predictor = ModelPredictor(store, ManualClock(NOW + timedelta(hours=1)), cache)
        edds[name] = predictor.predict(EddQuery("usps", "CN", "US", NOW))
    assert edds["slow"].latest > edds["as predicted"].latest
    assert edds["slow"].estimated >= edds["as predicted"].estimated


def test_start_predictions_on_postgres_and_the_migration_down(postgres_url: str) -> None:
    migrate.upgrade(postgres_url)
    store = Store(make_engine(postgres_url))
    try:
        at = NOW - timedelta(days=3)
        shipment, event = _parcel("PG0001", at)
        with store.transaction() as uow:
            stored = uow.shipments.add(shipment, at)
            timeline = Timeline(stored, [event], [stored])
            assert record_start(uow, timeline, EMPTY, at)
            assert not record_start(uow, timeline, EMPTY, NOW)  # the first one stays
            assert uow.estimates.with_handoff([stored.id or 0, 999]) == {stored.id}
            stored.tag, stored.subtag, stored.last_event_at = "Delivered", "Delivered_001", NOW
            uow.shipments.save(stored, NOW)
        with store.read() as repo:
            [handoff] = repo.estimates.handoffs(NOW - timedelta(days=90))
        assert handoff.at == at and handoff.delivered_at == NOW
    finally:
        store.engine.dispose()
    migrate.downgrade(postgres_url, "0011")
    migrate.upgrade(postgres_url)
