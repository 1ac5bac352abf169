"""Estimated delivery dates for the API: the interface the endpoints use, and the model-backed predictor.

The composition root gives every installation one `Predictor` (`Runtime.predictor`): by default
`ModelPredictor`, the ETA model of `parceltrail.predict` learned from the
delivered parcels in the store (`services.outlook.eta.models_for`, refitted every 6 h), per lane with its
fallbacks (carrier + lane, lane, destination, everything), and documented priors per service class and
domestic/international when there is not enough history.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Protocol, runtime_checkable

from parceltrail.clock import Clock
from parceltrail.numbers.formats import registry
from parceltrail.predict import Lane
from parceltrail.services.outlook.eta import ModelCache, confidence_of, models_for, start_prediction
from parceltrail.services.ports import Store


@dataclass(frozen=True, slots=True)
class EddQuery:
    carrier: str
    origin_country: str | None  # alpha-2
    destination_country: str | None  # alpha-2
    pickup: datetime  # aware


@dataclass(frozen=True, slots=True)
class Edd:
    estimated: date
    earliest: date
    latest: date
    confidence: float  # 0..1
    basis: str  # what the estimate rests on, e.g. "lane median of 42 shipments"


@runtime_checkable
class Predictor(Protocol):
    def predict(self, query: EddQuery) -> Edd: ...


class ModelPredictor:
    """The ETA model learned from the store's delivered parcels (`services.outlook.eta`), asked for a
    parcel handed over at `pickup` (stage "accepted"); documented priors when the lane has no history."""

    def __init__(self, store: Store, clock: Clock, models: ModelCache | None = None) -> None:
        self.store = store
        self.clock = clock
        self.models = models or ModelCache(store)

    def predict(self, query: EddQuery) -> Edd:
        models = models_for(self.models, self.clock.now())
        lane = Lane(origin=query.origin_country, destination=query.destination_country, carrier=query.carrier,
                    service=_service_class(query.carrier))
        now = query.pickup
        # Handed over now: the prediction at a parcel's start, with the calibrated interval when the
        # calibrator has learned from recent parcels.
        eta = start_prediction(models.eta, lane, now)
        if models.calibrator.fitted:
            eta = models.calibrator.calibrate_eta(eta, now)
        what = f"{eta.samples} delivered shipments ({eta.basis})" if not eta.basis.startswith("prior") \
            else f"documented priors ({eta.basis})"
        return Edd(eta.date.date(), eta.earliest.date(), eta.latest.date(), confidence_of(eta),
                   f"80% interval from {what}")


@cache
def _service_class(carrier: str) -> str | None:
    """The carrier's usual service class (postal operators vs couriers: the most common one among its
    number formats), for the lane and the priors."""
    reg = registry()
    classes = Counter(f.service_class for f in reg.formats if f.carrier == carrier)
    return classes.most_common(1)[0][0] if classes else None
