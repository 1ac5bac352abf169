"""Estimated delivery dates for the API: the interface the endpoints use, and a fallback predictor.

The endpoints ask `predictor_for(runtime)`; it returns `runtime.predictor` when the composition root
provides one (the ETA model of `parceltrail.predict`), else `LaneMedianPredictor`: the median transit
time (first to last event) of delivered shipments of the same carrier and lane in the store, falling
back to the carrier's median, then to all delivered shipments, then to `DEFAULT_TRANSIT_DAYS`.
"""

from __future__ import annotations

import statistics
import threading
import time
import weakref
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol, runtime_checkable

from sqlalchemy import select

from parceltrail.runtime import Runtime
from parceltrail.store.repository import Store
from parceltrail.store.tables import shipments

DEFAULT_TRANSIT_DAYS = 7.0
_SAMPLE = 2000  # most recent delivered shipments looked at per lane
_CACHE_SECONDS = 300.0


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


class LaneMedianPredictor:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._cache: dict[tuple[str | None, str | None, str | None], tuple[list[float], float]] = {}
        self._lock = threading.Lock()

    def _transit_days(self, carrier: str | None, origin: str | None, destination: str | None) -> list[float]:
        key = (carrier, origin, destination)
        cached = self._cache.get(key)
        if cached is not None and cached[1] > time.monotonic():
            return cached[0]
        query = select(shipments.c.first_event_at, shipments.c.last_event_at).where(
            shipments.c.tag == "Delivered", shipments.c.first_event_at.is_not(None),
            shipments.c.last_event_at.is_not(None))
        if carrier is not None:
            query = query.where(shipments.c.carrier == carrier)
        if origin is not None:
            query = query.where(shipments.c.origin_country == origin)
        if destination is not None:
            query = query.where(shipments.c.destination_country == destination)
        query = query.order_by(shipments.c.last_event_at.desc()).limit(_SAMPLE)
        with self.store.read() as repo:
            rows = repo.conn.execute(query).all()
        days = [(last - first).total_seconds() / 86400 for first, last in rows if last >= first]
        with self._lock:
            self._cache[key] = (days, time.monotonic() + _CACHE_SECONDS)
        return days

    def predict(self, query: EddQuery) -> Edd:
        tiers = (
            ((query.carrier, query.origin_country, query.destination_country), "lane", 0.8),
            ((query.carrier, None, None), "carrier", 0.6),
            ((None, None, None), "all delivered shipments", 0.4),
        )
        for (carrier, origin, destination), what, confidence in tiers:
            days = self._transit_days(carrier, origin, destination)
            if len(days) >= 3:
                low, mid, high = (statistics.quantiles(days, n=10, method="inclusive")[0],
                                  statistics.median(days),
                                  statistics.quantiles(days, n=10, method="inclusive")[-1])
                return _edd(query.pickup, low, mid, high, confidence,
                            f"{what} median of {len(days)} delivered shipments")
        return _edd(query.pickup, DEFAULT_TRANSIT_DAYS - 2, DEFAULT_TRANSIT_DAYS, DEFAULT_TRANSIT_DAYS + 5,
                    0.2, f"default of {DEFAULT_TRANSIT_DAYS:g} days (no delivered shipments to learn from)")


def _edd(pickup: datetime, low: float, mid: float, high: float, confidence: float, basis: str) -> Edd:
    def day(days: float) -> date:
        return (pickup + timedelta(days=max(0.0, days))).date()

    return Edd(day(mid), day(min(low, mid)), day(max(high, mid)), confidence, basis)


_fallbacks: weakref.WeakKeyDictionary[Store, LaneMedianPredictor] = weakref.WeakKeyDictionary()


def predictor_for(runtime: Runtime) -> Predictor:
    """The runtime's predictor when it has one, else the store-backed lane median (one per store)."""
    own = getattr(runtime, "predictor", None)
    if isinstance(own, Predictor):
        return own
    fallback = _fallbacks.get(runtime.store)
    if fallback is None:
        fallback = _fallbacks[runtime.store] = LaneMedianPredictor(runtime.store)
    return fallback
