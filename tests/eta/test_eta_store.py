"""ETA models learned from the store: fitted from delivered chains, persisted in the `models` table,
refitted when stale, priors when there is no history, and served by eta_for."""

from __future__ import annotations

from datetime import timedelta

from parceltrail.adapters.sandbox import TEST_NUMBERS_BY_DESTINATION
from parceltrail.predict import EtaModel
from parceltrail.services.outlook import eta as eta_engine
from parceltrail.services.outlook.eta import (
    delivered_journeys,
    eta_for,
    fit_from_store,
    fit_silence_from_store,
    load_models,
    maybe_refit,
)
from tests.eta.conftest import Rig

DELIVERED = sorted(TEST_NUMBERS_BY_DESTINATION["delivered"].values())[:3]


def _deliver(rig: Rig) -> list[int]:
    ids = [rig.tracker.register(n).id or 0 for n in DELIVERED]
    rig.run_until_quiet()
    return ids


def test_priors_answer_on_an_empty_store(make_rig) -> None:
    rig = make_rig()
    shipment = rig.tracker.register(DELIVERED[0])
    timeline = rig.tracker.timeline(shipment.id or 0)
    now = rig.clock.now()
    models = maybe_refit(rig.store, now)
    assert models.journeys == 0 and fit_from_store(rig.store).groups == {}
    eta = eta_for(timeline, models, now)
    assert eta is not None and eta.basis.startswith("prior:")
    assert now < eta.earliest <= eta.date <= eta.latest
    assert eta.level == 0.8


def test_fit_persist_and_refit(make_rig) -> None:
    rig = make_rig()
    _deliver(rig)
    journeys = delivered_journeys(rig.store)
    assert len(journeys) == len(DELIVERED)  # one per parcel (chain of two legs), not per leg
    assert all(j.delivered_at is not None and j.lane.origin == "CN" for j in journeys)
    model = fit_from_store(rig.store)
    assert model.groups and "global" in model.groups
    assert fit_silence_from_store(rig.store).groups

    now = rig.clock.now()
    first = maybe_refit(rig.store, now)
    assert first.journeys == len(DELIVERED) and first.fitted_at == now
    stored = load_models(rig.store)
    assert stored is not None and stored.eta.to_dict() == first.eta.to_dict()
    assert stored.silence.to_dict() == first.silence.to_dict()
    # fresh: not refitted; stale (6 h later): refitted
    assert maybe_refit(rig.store, now + timedelta(hours=5)).fitted_at == now
    later = now + timedelta(hours=7)
    assert maybe_refit(rig.store, later).fitted_at == later
    assert eta_engine.models_for(rig.store, later).fitted_at == later
    cache = eta_engine.ModelCache(rig.store)
    assert eta_engine.models_for(cache, later + timedelta(hours=1)).fitted_at == later  # the stored ones
    cache.forget()
    assert eta_engine.models_for(cache, later + timedelta(hours=7)).fitted_at == later + timedelta(hours=7)


def test_learned_model_answers_when_it_has_enough_history(make_rig) -> None:
    rig = make_rig()
    _deliver(rig)
    history = [d for d in (j.delivered_journey() for j in delivered_journeys(rig.store)) if d is not None]
    learned = EtaModel.fit(history, min_samples=1, calibrate=False)
    # a new parcel on the same lane, just registered and fetched once
    rig2 = make_rig()
    number = sorted(TEST_NUMBERS_BY_DESTINATION["customs_hold"].values())[0]
    shipment = rig2.tracker.register(number)
    rig2.tracker.poll_due()
    timeline = rig2.tracker.timeline(shipment.id or 0)
    now = rig2.clock.now()
    eta = eta_for(timeline, learned, now)
    assert eta is not None and not eta.basis.startswith("prior")
    assert eta.earliest <= eta.date <= eta.latest
    # delivered parcels have no ETA
    delivered = rig.tracker.timeline(delivered_journeys(rig.store)[0].events[0].shipment_id or 0)
    assert eta_for(delivered, learned, rig.clock.now()) is None


def test_polling_models_never_refit_and_follow_other_processes(store) -> None:
    from datetime import UTC, datetime

    from parceltrail.services.outlook.eta import ModelCache, current_models, forget_cached, refit

    t0 = datetime(2026, 11, 1, 8, tzinfo=UTC)
    cache = ModelCache(store)
    assert current_models(cache, t0).fitted_at is None  # priors, and nothing was fitted or stored
    assert load_models(store) is None
    refit(store, t0 + timedelta(minutes=1))  # another process refits
    assert current_models(cache, t0 + timedelta(minutes=2)).fitted_at is None  # not looked again yet
    found = current_models(cache, t0 + timedelta(minutes=11))
    assert found.fitted_at == t0 + timedelta(minutes=1)
    assert current_models(cache, t0 + timedelta(hours=9)).fitted_at == t0 + timedelta(minutes=1)  # no refit
    forget_cached(cache)
    assert current_models(store, t0 + timedelta(hours=9)).fitted_at == t0 + timedelta(minutes=1)
