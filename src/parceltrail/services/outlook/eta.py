"""ETA and silence models learned from the store: fit, persist, refit periodically, and serve.

- `fit_from_store(store)` builds `DeliveredJourney`s from delivered chains of legs (first event ->
  delivered event, stage entries by `predict.stage_entries`) and fits `predict.EtaModel`;
  `fit_silence_from_store(store)` learns `predict.SilenceStats` from the same journeys' event gaps.
- Both are persisted as JSON in the `models` table (migration 0006) by `maybe_refit(store, now)`, which
  refits when the stored ones are older than `every` (6 h). The tracker loop or a worker can call it;
  read paths call `models_for(cache, now)` with the runtime's `ModelCache` (one per process, built by the
  composition root), which holds them and refits lazily. With the ETA and silence models the interval
  calibrator (`predict.IntervalCalibrator`) is refitted from the predictions recorded at parcels' starts
  (`estimates.record_start`, table `eta_handoffs`): those delivered since and those still on their way.
- `eta_for(timeline, model, now)` predicts a shipment in flight. While the learned model has too little
  history for a lane and stage (fewer than `model.min_samples` comparable journeys), documented priors
  answer instead (`PRIOR_TEMPLATES`), so a new installation and the sandbox demo still show a range.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import cache
from statistics import NormalDist

from parceltrail.domain.errors import ConflictError
from parceltrail.domain.shipment import Shipment, Timeline, TrackingEvent
from parceltrail.predict import (
    STAGE_ORDER,
    DeliveredJourney,
    Eta,
    EtaModel,
    Lane,
    SilenceStats,
    Stage,
    stage_entries,
    stage_of,
)
from parceltrail.predict.calibrate import Handoff, IntervalCalibrator, handoff_from_eta
from parceltrail.predict.worktime import add_working_hours
from parceltrail.services.ports import Store
from parceltrail.status import is_terminal

log = logging.getLogger(__name__)

REFIT_EVERY = timedelta(hours=6)
MAX_JOURNEYS = 5000  # most recent delivered chains learned from
LEVEL = 0.8
ETA_MODEL, SILENCE_MODEL, CALIBRATION_MODEL = "eta", "silence", "eta_calibration"
# Hand-offs the interval calibrator learns from: the ones of the last 90 days (its own window).
CALIBRATION_WINDOW = timedelta(days=IntervalCalibrator().window_days)
# From the last mile on the stage model knows more than the parcel's start does (the calibrator scores
# predictions made at the start), so its own answer is shown.
CALIBRATED_BEFORE = Stage.last_mile
_CHUNK = 500


# --- priors -------------------------------------------------------------------------------------------
# Working days from the start (first event) at which a typical parcel enters each stage, and delivery.
# Rough figures from postal and courier practice (and the sandbox's own journeys): an international
# postal parcel (e.g. China -> Europe/Americas) takes ~2-3 weeks, an express courier ~4 days, a domestic
# parcel 1-4 days; freight is slower. `sigma` is the log-normal spread of the whole journey's length
# (0.35 puts the 80% interval at about x0.64 .. x1.57 of the median).
PriorTemplate = tuple[tuple[tuple[Stage, float], ...], float]
PRIOR_TEMPLATES: Mapping[tuple[str, str], tuple[PriorTemplate, float]] = {
    ("international", "postal"): ((
        ((Stage.info_received, 0.0), (Stage.accepted, 0.8), (Stage.in_transit_origin, 1.0),
         (Stage.export_customs, 3.0), (Stage.international, 5.0), (Stage.import_customs, 6.0),
         (Stage.last_mile, 9.5), (Stage.out_for_delivery, 12.0)), 12.5), 0.35),
    ("international", "courier"): ((
        ((Stage.info_received, 0.0), (Stage.accepted, 0.3), (Stage.in_transit_origin, 0.5),
         (Stage.export_customs, 1.0), (Stage.international, 1.3), (Stage.import_customs, 2.0),
         (Stage.last_mile, 2.8), (Stage.out_for_delivery, 3.6)), 3.9), 0.3),
    ("international", "freight"): ((
        ((Stage.info_received, 0.0), (Stage.accepted, 1.0), (Stage.in_transit_origin, 1.5),
         (Stage.export_customs, 4.0), (Stage.international, 6.0), (Stage.import_customs, 12.0),
         (Stage.last_mile, 16.0), (Stage.out_for_delivery, 19.0)), 20.0), 0.4),
    ("domestic", "postal"): ((
        ((Stage.info_received, 0.0), (Stage.accepted, 0.5), (Stage.in_transit_origin, 0.8),
         (Stage.last_mile, 2.0), (Stage.out_for_delivery, 3.0)), 3.3), 0.35),
    ("domestic", "courier"): ((
        ((Stage.info_received, 0.0), (Stage.accepted, 0.2), (Stage.in_transit_origin, 0.4),
         (Stage.last_mile, 1.2), (Stage.out_for_delivery, 1.8)), 2.0), 0.3),
    ("domestic", "freight"): ((
        ((Stage.info_received, 0.0), (Stage.accepted, 0.5), (Stage.in_transit_origin, 1.0),
         (Stage.last_mile, 3.0), (Stage.out_for_delivery, 4.5)), 5.0), 0.4),
}
PRIOR_SAMPLES = 41  # synthetic journeys per template (quantiles of the log-normal spread)
_PRIOR_START = datetime(2026, 1, 5, tzinfo=UTC)  # a Monday; priors only use durations


def prior_key(lane: Lane) -> tuple[str, str]:
    """Which prior template fits a lane: unknown countries count as international (the slower case),
    unknown or unusual service classes as postal."""
    scope = "domestic" if lane.origin and lane.destination and lane.origin == lane.destination \
        else "international"
    service = lane.service if lane.service in ("postal", "courier", "freight") else "postal"
    return scope, service


@cache
def prior_model(scope: str, service: str) -> EtaModel:
    """An `EtaModel` fitted on synthetic journeys drawn from the prior template (deterministic), so the
    priors are conditioned on stage and elapsed time exactly as learned models are."""
    (entries, total), sigma = PRIOR_TEMPLATES[(scope, service)]
    rest = (6,)
    journeys = []
    normal = NormalDist()
    for i in range(PRIOR_SAMPLES):
        factor = math.exp(sigma * normal.inv_cdf((i + 0.5) / PRIOR_SAMPLES))
        stages = {stage: add_working_hours(_PRIOR_START, days * 24 * factor, rest) for stage, days in entries}
        delivered = add_working_hours(_PRIOR_START, total * 24 * factor, rest)
        journeys.append(DeliveredJourney(Lane(), _PRIOR_START, delivered, stages))
    return EtaModel.fit(journeys, rest_days=rest, min_samples=10, calibrate=False)


# --- journeys from the store ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class StoredJourney:
    """One delivered parcel (a chain of legs) as stored: its lane and every event of the chain."""

    lane: Lane
    events: tuple[TrackingEvent, ...]  # oldest first
    origin: str | None
    destination: str | None

    @property
    def delivered_at(self) -> datetime | None:
        return next((e.occurred_at for e in self.events if e.tag == "Delivered"), None)

    def delivered_journey(self) -> DeliveredJourney | None:
        delivered = self.delivered_at
        if not self.events or delivered is None:
            return None
        entries = stage_entries(self.events, origin_country=self.origin, destination_country=self.destination)
        return DeliveredJourney(self.lane, self.events[0].occurred_at, delivered, entries)

    def stages_after_events(self) -> list[tuple[datetime, Stage]]:
        """(event time, stage the parcel was in after that event) for every event."""
        return stages_after_events(self.events, self.origin, self.destination)


def stages_after_events(events: Sequence[TrackingEvent], origin: str | None,
                        destination: str | None) -> list[tuple[datetime, Stage]]:
    entries = stage_entries(events, origin_country=origin, destination_country=destination)
    ordered = sorted(entries.items(), key=lambda item: STAGE_ORDER.index(item[0]))
    out = []
    for event in sorted(events, key=lambda e: e.occurred_at):
        stage = Stage.pending
        for candidate, at in ordered:  # stages only move forward: the furthest one reached by then
            if at <= event.occurred_at:
                stage = candidate
        out.append((event.occurred_at, stage))
    return out


def lane_of(first: Shipment, last: Shipment | None = None) -> Lane:
    """The lane of a parcel: its first leg's carrier and service class, origin -> destination."""
    last = last or first
    return Lane(origin=first.origin_country or last.origin_country,
                destination=first.destination_country or last.destination_country,
                carrier=first.carrier, service=first.service_class)


def delivered_journeys(store: Store, limit: int = MAX_JOURNEYS) -> list[StoredJourney]:
    """The most recent `limit` delivered parcels: chains whose first leg is delivered (ingestion marks
    every leg of a chain with the parcel's status), with all their legs' events."""
    with store.read() as repo:
        first_ids = repo.shipments.delivered_first_legs(limit)
        chains: list[list[Shipment]] = []
        for start in range(0, len(first_ids), _CHUNK):
            chunk = first_ids[start:start + _CHUNK]
            rows = repo.shipments.get_many(chunk)
            for sid in chunk:
                first = rows.get(sid)
                if first is not None:
                    chains.append(repo.shipments.chain(first) if first.next_leg_id is not None else [first])
        events_by_leg: dict[int, list[TrackingEvent]] = {}
        leg_ids = [leg.id for chain in chains for leg in chain if leg.id is not None]
        for start in range(0, len(leg_ids), _CHUNK):
            for event in repo.shipments.events(leg_ids[start:start + _CHUNK]):
                events_by_leg.setdefault(event.shipment_id or 0, []).append(event)
    out = []
    for chain in chains:
        events = sorted((e for leg in chain for e in events_by_leg.get(leg.id or 0, [])),
                        key=lambda e: (e.occurred_at, e.id or 0))
        if not events:
            continue
        lane = lane_of(chain[0], chain[-1])
        out.append(StoredJourney(lane, tuple(events), lane.origin, lane.destination))
    return out


# --- fitting --------------------------------------------------------------------------------------------

def fit_eta(journeys: Iterable[StoredJourney]) -> EtaModel:
    delivered = [d for d in (j.delivered_journey() for j in journeys) if d is not None]
    return EtaModel.fit(delivered)


def fit_silence(journeys: Iterable[StoredJourney]) -> SilenceStats:
    return SilenceStats.fit((j.lane, j.stages_after_events()) for j in journeys)


def fit_from_store(store: Store, limit: int = MAX_JOURNEYS) -> EtaModel:
    """The ETA model learned from the store's delivered parcels (empty when there are none)."""
    return fit_eta(delivered_journeys(store, limit))


def fit_silence_from_store(store: Store, limit: int = MAX_JOURNEYS) -> SilenceStats:
    """Silence statistics (normal gaps between events, per lane group and stage) from delivered parcels."""
    return fit_silence(delivered_journeys(store, limit))


# --- persistence and refitting ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Models:
    eta: EtaModel
    silence: SilenceStats
    fitted_at: datetime | None  # None: never fitted (priors only)
    journeys: int
    # Corrects the interval of predictions made at a parcel's start from how the recent ones fared
    # (unfitted: the ETA model's own interval is shown).
    calibrator: IntervalCalibrator = IntervalCalibrator()


EMPTY = Models(EtaModel(), SilenceStats(), None, 0)


def load_models(store: Store) -> Models | None:
    """The persisted models, or None when none were stored yet (or they cannot be read)."""
    with store.read() as repo:
        eta = repo.models.load(ETA_MODEL)
        silence = repo.models.load(SILENCE_MODEL)
        calibration = repo.models.load(CALIBRATION_MODEL)
    if eta is None or silence is None:
        return None
    try:
        calibrator = IntervalCalibrator.from_dict(calibration.body) if calibration is not None \
            else IntervalCalibrator()
        return Models(EtaModel.from_dict(eta.body), SilenceStats.from_dict(silence.body), eta.fitted_at,
                      eta.journeys, calibrator)
    except (ValueError, KeyError, TypeError) as error:  # an older format: refit
        log.warning("stored models unreadable (%s); they will be refitted", error)
        return None


def fit_calibrator(store: Store, now: datetime,
                   previous: IntervalCalibrator | None = None) -> IntervalCalibrator:
    """The interval calibrator refitted on what is known `now`: the predictions made at the start of the
    parcels of its window, those delivered since and those still on their way; from `previous` (the one
    in force until now) its adaptive levels take their next step."""
    with store.read() as repo:
        handoffs = repo.estimates.handoffs(now - CALIBRATION_WINDOW)
    if previous is not None and previous.fitted:
        return previous.update(handoffs, now)
    return IntervalCalibrator.fit(handoffs, now)


def refit(store: Store, now: datetime, limit: int = MAX_JOURNEYS) -> Models:
    """Fit both models from the store now and persist them."""
    journeys = delivered_journeys(store, limit)
    previous = load_models(store)
    calibrator = fit_calibrator(store, now, previous.calibrator if previous is not None else None)
    models = Models(fit_eta(journeys), fit_silence(journeys), now, len(journeys), calibrator)
    try:
        with store.transaction() as repo:
            repo.models.save(ETA_MODEL, models.eta.to_dict(), now, models.journeys)
            repo.models.save(SILENCE_MODEL, models.silence.to_dict(), now, models.journeys)
            repo.models.save(CALIBRATION_MODEL, models.calibrator.to_dict(), now, models.calibrator.handoffs)
    except ConflictError:  # another process inserted them at the same moment; theirs are as good
        log.info("models were refitted concurrently")
    return models


def _fresh(models: Models | None, now: datetime, every: timedelta) -> bool:
    return models is not None and models.fitted_at is not None and models.fitted_at <= now < \
        models.fitted_at + every


def maybe_refit(store: Store, now: datetime, every: timedelta = REFIT_EVERY) -> Models:
    """The stored models when fitted less than `every` ago; else refit and store them. Safe to call from
    the tracker loop, a worker or a request (concurrent refits just both write)."""
    stored = load_models(store)
    if _fresh(stored, now, every):
        assert stored is not None
        return stored
    return refit(store, now)


RECHECK_EVERY = timedelta(minutes=10)  # how often polling looks for models refitted by another process


class ModelCache:
    """One process's models for one store, owned by its runtime (built by the composition root and passed
    to the tracker and the read paths): refitted lazily on read paths when older than `every`, followed
    from the store on the polling path (see `models_for` and `current_models`)."""

    def __init__(self, store: Store, every: timedelta = REFIT_EVERY) -> None:
        self.store = store
        self.every = every
        self._held: Models | None = None
        self._checked: datetime | None = None
        self._lock = threading.Lock()

    def get(self, now: datetime) -> Models:
        """The current models, refitted when older than `every`. Never raises: if fitting fails, priors
        answer (and the failure is logged)."""
        held = self._held
        if _fresh(held, now, self.every):
            assert held is not None
            return held
        with self._lock:
            held = self._held
            if _fresh(held, now, self.every):
                assert held is not None
                return held
            self._held = _refit_or_priors(self.store, now, self.every)
            return self._held

    def current(self, now: datetime) -> Models:
        """The models at hand without fitting: the held ones while fresh, else the stored ones (read again,
        so processes that never fit, like workers, follow the refits of others), else the held or prior
        ones. For the polling path, which must not refit."""
        held = self._held
        if _fresh(held, now, REFIT_EVERY):
            assert held is not None
            return held
        checked = self._checked
        if held is not None and checked is not None and checked <= now < checked + RECHECK_EVERY:
            return held  # stale, and looked for newer ones a moment ago: not on every batch
        self._checked = now
        stored = _stored_or_none(self.store)
        if stored is None:
            stored = held or EMPTY
        with self._lock:
            held = self._held
            if held is None or (stored.fitted_at is not None
                                and (held.fitted_at is None or held.fitted_at <= stored.fitted_at)):
                self._held = stored
            assert self._held is not None
            return self._held

    def hold(self, models: Models) -> None:
        """Serve `models` from now on (a refit made outside this process's schedule, like an operator's)
        until they go stale."""
        with self._lock:
            self._held = models
            self._checked = None

    def forget(self) -> None:
        """Drop the held models (tests, or after an operator refit)."""
        with self._lock:
            self._held = None
            self._checked = None


def _refit_or_priors(store: Store, now: datetime, every: timedelta) -> Models:
    try:
        return maybe_refit(store, now, every)
    except Exception:  # noqa: BLE001 - an ETA must never break a read path
        log.exception("fitting the ETA/silence models failed; using priors")
        return replace(EMPTY, fitted_at=now)


def _stored_or_none(store: Store) -> Models | None:
    try:
        return load_models(store)
    except Exception:  # noqa: BLE001 - estimates must never break polling
        log.exception("reading the stored ETA models failed")
        return None


def models_for(source: ModelCache | Store, now: datetime, every: timedelta = REFIT_EVERY) -> Models:
    """The current models for read paths: from the runtime's `ModelCache` (held per process, refitted
    lazily when older than `every`); given a bare store, the stored ones (refitted when stale), read every
    time. Never raises."""
    if isinstance(source, ModelCache):
        return source.get(now)
    return _refit_or_priors(source, now, every)


def current_models(source: ModelCache | Store, now: datetime) -> Models:
    """The models at hand without fitting (the polling path): the cache's, or a bare store's stored
    ones (priors when none)."""
    if isinstance(source, ModelCache):
        return source.current(now)
    return _stored_or_none(source) or EMPTY


def forget_cached(source: ModelCache | Store) -> None:
    """Drop the cache's held models; a bare store holds none."""
    if isinstance(source, ModelCache):
        source.forget()


# --- serving -------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Position:
    """Where a parcel stands: lane, stage, when its journey and its stage started, its last news."""

    lane: Lane
    stage: Stage
    started_at: datetime
    stage_entered_at: datetime | None
    last_event_at: datetime | None


def position_of(timeline: Timeline, now: datetime) -> Position:
    s = timeline.shipment
    legs = timeline.legs or [s]
    lane = lane_of(legs[0], legs[-1])
    events = sorted(timeline.events, key=lambda e: e.occurred_at)
    countries = {"origin_country": lane.origin, "destination_country": lane.destination}
    entries = stage_entries(events, **countries)
    # The shipment's status is derived from these same events, so replaying them is enough (re-applying
    # the status without the event's country could move a customs release one stage too far); with no
    # events yet, the status alone says where the parcel is.
    stage = max(entries, key=STAGE_ORDER.index) if entries else stage_of(s.tag, s.subtag, **countries)
    last = events[-1].occurred_at if events else s.last_event_at
    started = events[0].occurred_at if events else (s.first_event_at or s.created_at or now)
    return Position(lane, stage, started, entries.get(stage), last)


def in_flight(shipment: Shipment) -> bool:
    """Still on its way and followed: not delivered, not returned or otherwise finished, not expired, and
    some enabled connector follows it (without one, a prediction would be a guess about nothing)."""
    return (shipment.tag not in ("Delivered", "Expired") and not is_terminal(shipment.subtag)
            and shipment.unfollowed_reason is None)


def eta_for(timeline: Timeline, model: EtaModel | Models | None, now: datetime, *,
            level: float = LEVEL) -> Eta | None:
    """Predicted delivery of a shipment in flight with its `level` interval; None when it is not in
    flight (delivered, returned, expired). Learned from the lane's history when there is enough of it
    for the parcel's stage and elapsed time, else from the priors (basis "prior:...")."""
    if not in_flight(timeline.shipment):
        return None
    calibrator = model.calibrator if isinstance(model, Models) else None
    if isinstance(model, Models):
        model = model.eta
    pos = position_of(timeline, now)
    if pos.stage is Stage.delivered:
        return None
    current = predict_lane(model, pos.lane, pos.stage, pos.started_at, now, pos.stage_entered_at, level)
    if calibrator is None or not calibrator.fitted or \
            STAGE_ORDER.index(pos.stage) >= STAGE_ORDER.index(CALIBRATED_BEFORE):
        return current
    # The prediction made at the parcel's start, as the calibrator scored the recent ones, corrected by
    # how those fared and conditional on no delivery so far.
    start = start_prediction(model, pos.lane, pos.started_at, level)
    return calibrator.calibrate_eta(start, pos.started_at, max(now, pos.started_at))


def start_prediction(model: EtaModel | None, lane: Lane, started_at: datetime, level: float = LEVEL) -> Eta:
    """The base prediction for a parcel at its start (its first event, as at hand-off): what the
    calibrator learns from and corrects."""
    return predict_lane(model, lane, Stage.accepted, started_at, started_at, started_at, level)


def start_handoff(model: EtaModel | Models | None, lane: Lane, started_at: datetime) -> tuple[Handoff, Eta]:
    """The record of the prediction made at a parcel's start (see `start_prediction`), with the interval
    shown for it then (calibrated when the models hold a fitted calibrator)."""
    calibrator = model.calibrator if isinstance(model, Models) else None
    eta = start_prediction(model.eta if isinstance(model, Models) else model, lane, started_at)
    handoff = handoff_from_eta(eta, started_at)
    shown = calibrator.calibrate(handoff.median, handoff.low, handoff.high, eta.level) \
        if calibrator is not None and calibrator.fitted else None
    return replace(handoff, served_low=shown.low if shown else handoff.low,
                   served_high=shown.high if shown else handoff.high), eta


def predict_lane(model: EtaModel | None, lane: Lane, stage: Stage, started_at: datetime, now: datetime,
                 stage_entered_at: datetime | None = None, level: float = LEVEL) -> Eta:
    """The learned model's answer when it rests on at least `min_samples` comparable journeys, else the
    prior for the lane's scope and service class (basis "prior:<scope>-<service>:<stage>")."""
    if model is not None:
        learned = model.predict(lane, stage, started_at, now, level, stage_entered_at=stage_entered_at)
        if learned is not None and learned.samples >= model.min_samples:
            return learned
    scope, service = prior_key(lane)
    prior = prior_model(scope, service).predict(Lane(), stage, started_at, now, level,
                                               stage_entered_at=stage_entered_at)
    assert prior is not None  # the prior models cover every stage
    return replace(prior, basis=f"prior:{scope}-{service}:{prior.basis.removeprefix('global:')}")


def confidence_of(eta: Eta) -> float:
    """A 0..1 confidence for AfterShip's `confidence_code`: how specific the history behind it is."""
    basis = eta.basis
    if basis.startswith("prior"):
        return 0.3
    if ":thin" in basis or ":unconditional" in basis:
        return 0.4
    if basis.startswith(("carrier+service+lane", "carrier+lane", "lane")):
        return 0.8
    if basis.startswith(("region_lane", "destination")):
        return 0.6
    return 0.5
