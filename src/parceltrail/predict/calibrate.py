"""Calibrated ETA intervals, refitted online from deliveries and from parcels still on their way.

A base model (`EtaModel`, optionally refined by `Refiner`) predicts, at a reference moment such as the
hand-off to the carrier, the median and the interval of the time left to delivery. Its spread is learned
from finished journeys, so when the network slows down (a sales peak, a strike) its intervals lag: the
slow parcels of the moment are the ones that have not come back yet. `IntervalCalibrator` corrects the
base prediction from what is known *now*:

- every recent hand-off (the last `window_days`) is scored by how its delivery compares with the base
  median it was given, ``s = log((days taken + c) / (base median + c))``;
- parcels still on their way are right-censored: all that is known is that their score exceeds the one
  of the time elapsed so far. Deliveries after `now` are treated exactly like that, so nothing later
  than `now` can change the fit;
- a proportional-hazards model on the scores (Cox partial likelihood, Breslow baseline) compares the
  hand-offs of the last `recent_days` with the older ones. The newest parcels are mostly undelivered,
  but how fast their first deliveries come in against the older ones' at the same score is the first
  sign of a slowdown, and the hazard ratio carries it to the tail of the distribution long before
  those parcels are delivered. The ratio has a normal prior centred on 1 (precision `prior_precision`,
  in events), so a quiet week does not move the interval;
- the ends of the interval are quantiles of that adjusted distribution, the median the censored
  (Kaplan-Meier) median of the whole window: a point estimate that should not move with a few days'
  noise;
- the quantile levels of the two ends adapt (adaptive conformal inference, censoring-aware): at each
  refit (`update`, or `fit(..., previous=...)`) each end's tail probability moves by `step` x (nominal -
  the rate at which the intervals served over the last `feedback_days` missed on that side). The served
  interval is recorded with each hand-off (`Handoff.served_low/high`). A parcel still on its way counts
  as a miss once it has passed its upper end, and before that by its probability of ending outside
  given no delivery so far, so the feedback does not wait the two weeks an upper miss takes to resolve.

Settings: score offset 1 day, window 90 days, recent 5 days, prior precision 30 were chosen on a rolling
validation over April-September 2017 of the Olist evaluation (benchmarks/eval_eta.py); the adaptive
levels' step 0.02 per 6-hour refit and 14-day feedback window on its August-September 2017 validation
alone; see docs/benchmarks.md.

Engine API (all pure; times are timezone-aware datetimes, durations in days):

- record each parcel's base prediction at its reference moment: ``Handoff(at, median, low, high,
  delivered_at)`` (days after `at`; `handoff_from_eta(eta, at)` converts an `Eta`), and keep
  `delivered_at` None while it is on its way;
- refit as deliveries complete (e.g. with the other models, every 6 hours):
  ``IntervalCalibrator.fit(handoffs, now)`` the first time, then ``calibrator.update(handoffs, now)``,
  which keeps the settings of the one in force and takes the next step of its adaptive levels; persist
  with ``to_dict()`` / ``from_dict()``;
- serve: ``calibrator.calibrate(median, low, high, level=0.8, elapsed=0.0)`` returns days after the
  reference moment; ``calibrator.calibrate_eta(eta, at, now)`` the same as an `Eta`. With `elapsed` (or
  `now` later than `at`) the answer is conditional on the parcel not being delivered yet, so it never
  lies before `now`. An unfitted calibrator returns the base prediction unchanged.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

import numpy as np

from parceltrail.predict.eta import DEFAULT_LEVEL, Eta

FORMAT = "parceltrail.calibrated/1"
GRID = 200  # survival curves are stored as score quantiles at 1/GRID steps of probability
_MAX_LOG_RATIO = 3.0  # the hazard ratio is kept within exp(+-3): beyond it the data is degenerate
_EPS = 1e-12
_MAX_SHIFT = 0.2  # the adaptive levels move each tail probability by at most this much
_MIN_TAIL, _MAX_TAIL = 0.005, 0.45
_MAX_STEPS = 4.0  # a refit after a long pause takes at most a day's worth of steps


@dataclass(frozen=True, slots=True)
class Handoff:
    """A parcel's base prediction made at its reference moment `at`, and its delivery if known.

    `median`, `low` and `high` are days after `at`. `delivered_at` None means still on its way; a delivery
    later than the fit's `now` is ignored (counted as on its way), so records may be passed as stored.
    """

    at: datetime
    median: float
    low: float
    high: float
    delivered_at: datetime | None = None
    # The interval shown at `at` (days after it), when it was recorded: how it fared steers the levels.
    served_low: float | None = None
    served_high: float | None = None


@dataclass(frozen=True, slots=True)
class Calibrated:
    """Days after the reference moment: the median and the `level` interval."""

    median: float
    low: float
    high: float
    level: float
    basis: str  # "calibrated" or "base" (nothing learned yet, or beyond what was seen)


def handoff_from_eta(eta: Eta, at: datetime, delivered_at: datetime | None = None) -> Handoff:
    """The record of a base `Eta` predicted at `at` (its reference moment)."""
    return Handoff(at, _days(eta.date - at), _days(eta.earliest - at), _days(eta.latest - at), delivered_at)


@dataclass(frozen=True, slots=True)
class IntervalCalibrator:
    # Score quantiles at probabilities k/GRID, k = 0..GRID; None where the censored curve stops short.
    adjusted: tuple[float | None, ...] = ()  # for the newest hand-offs (hazard ratio applied)
    pooled: tuple[float | None, ...] = ()  # the whole window (Kaplan-Meier), for the median
    hazard_ratio: float = 1.0
    fitted_at: datetime | None = None
    handoffs: int = 0  # records used by the fit
    delivered: int = 0  # of which delivered by `fitted_at`
    offset_days: float = 1.0
    window_days: float = 90.0
    recent_days: float = 5.0
    prior_precision: float = 30.0
    min_handoffs: int = 30
    # Adaptive levels: how far each end's tail probability has moved from nominal ((1 - level) / 2),
    # the step per refit, and the days of recent served intervals whose misses steer them.
    tail_shift_low: float = 0.0
    tail_shift_high: float = 0.0
    step: float = 0.02
    feedback_days: float = 14.0

    # --- learning ---------------------------------------------------------------------------------

    @classmethod
    def fit(
        cls,
        handoffs: Iterable[Handoff],
        now: datetime,
        *,
        offset_days: float = 1.0,
        window_days: float = 90.0,
        recent_days: float = 5.0,
        prior_precision: float = 30.0,
        min_handoffs: int = 30,
        step: float = 0.02,
        feedback_days: float = 14.0,
        previous: IntervalCalibrator | None = None,
    ) -> IntervalCalibrator:
        """Fit on the hand-offs of the `window_days` before `now`, from what is known at `now` only;
        with `previous` (the calibrator in force until now), its adaptive levels take one more step."""
        settings = cls(offset_days=offset_days, window_days=window_days, recent_days=recent_days,
                       prior_precision=prior_precision, min_handoffs=min_handoffs, step=step,
                       feedback_days=feedback_days)
        if previous is not None:
            settings = replace(settings, tail_shift_low=previous.tail_shift_low,
                               tail_shift_high=previous.tail_shift_high)
        handoffs = list(handoffs)
        ages, scores, events = [], [], []
        for h in handoffs:
            age = _days(now - h.at)
            if not 0 < age <= window_days:
                continue  # not handed off yet at `now`, or too old to describe the present
            done = h.delivered_at is not None and h.delivered_at <= now
            taken = _days(h.delivered_at - h.at) if done and h.delivered_at is not None else age
            ages.append(age)
            scores.append(_score(max(taken, 0.0), h.median, offset_days))
            events.append(done)
        delivered = sum(events)
        if len(ages) < min_handoffs or delivered == 0:
            return replace(settings, fitted_at=now, handoffs=len(ages), delivered=delivered)
        s, e, a = np.array(scores), np.array(events, dtype=bool), np.array(ages)
        order = np.lexsort((~e, s))  # by score; at equal scores deliveries before censorings
        s, e, a = s[order], e[order], a[order]
        recent = (a < recent_days).astype(float)
        log_ratio, baseline = _cox(s, e, recent, prior_precision)
        adjusted = np.exp(-baseline * math.exp(log_ratio))
        pooled = _kaplan_meier(e)
        fitted = replace(settings, adjusted=_grid(s, adjusted), pooled=_grid(s, pooled),
                         hazard_ratio=round(math.exp(log_ratio), 6), fitted_at=now, handoffs=len(ages),
                         delivered=delivered)
        if previous is None or previous.fitted_at is None or not previous.fitted:
            return fitted
        steps = min(_MAX_STEPS, _days(now - previous.fitted_at) * 4)  # `step` is per 6-hour refit
        return fitted._adapt(handoffs, now, steps)

    def update(self, handoffs: Iterable[Handoff], now: datetime) -> IntervalCalibrator:
        """Refit with this calibrator's settings on what is known at `now`, its adaptive levels taking
        one step from where they are (the engine's refit)."""
        return IntervalCalibrator.fit(
            handoffs, now, offset_days=self.offset_days, window_days=self.window_days,
            recent_days=self.recent_days, prior_precision=self.prior_precision,
            min_handoffs=self.min_handoffs, step=self.step, feedback_days=self.feedback_days,
            previous=self,
        )

    def _adapt(self, handoffs: Sequence[Handoff], now: datetime, steps: float) -> IntervalCalibrator:
        """One adaptive-conformal step of each end's tail probability, towards the rate at which the
        intervals served over the last `feedback_days` miss on that side.

        A miss is known once the delivery fell outside, or once a parcel still on its way passed the
        upper end. For a parcel still on its way before that, the miss is not known yet but its
        probability is: the chance of a delivery beyond the upper end (or before the lower one) given
        none so far, from this fit's curve for the newest hand-offs. Counting those expected misses makes
        the feedback immediate: a slowdown shows in the open parcels long before they arrive."""
        known = [h for h in handoffs if h.served_low is not None and h.served_high is not None
                 and 0 < _days(now - h.at) <= self.feedback_days]
        if len(known) < self.min_handoffs or steps <= 0:
            return self
        c = self.offset_days
        below = above = 0.0
        for h in known:
            elapsed = _days(now - h.at)
            low, high = h.served_low or 0.0, h.served_high or 0.0
            if h.delivered_at is not None and h.delivered_at <= now:
                taken = _days(h.delivered_at - h.at)
                below += taken < low
                above += taken > high
                continue
            if elapsed > high:
                above += 1
                continue
            done = self._cdf_at(_score(elapsed, h.median, c))
            remaining = max(1.0 - done, 1e-6)
            above += min(1.0, max(0.0, (1.0 - self._cdf_at(_score(high, h.median, c))) / remaining))
            if elapsed < low:
                below += min(1.0, max(0.0, (self._cdf_at(_score(low, h.median, c)) - done) / remaining))
        nominal = (1 - DEFAULT_LEVEL) / 2
        move = self.step * steps
        shift = lambda current, rate: min(_MAX_SHIFT, max(-_MAX_SHIFT, current - move * (rate - nominal)))  # noqa: E731
        return replace(self, tail_shift_low=round(shift(self.tail_shift_low, below / len(known)), 6),
                       tail_shift_high=round(shift(self.tail_shift_high, above / len(known)), 6))

    def _cdf_at(self, score: float) -> float:
        """Probability of a score at or below `score` for the newest hand-offs; where the curve stops
        short, the share of deliveries it reaches."""
        found = _cdf(self.adjusted, score)
        if found is not None:
            return found
        return max(k for k, v in enumerate(self.adjusted) if v is not None) / GRID

    # --- prediction -------------------------------------------------------------------------------

    @property
    def fitted(self) -> bool:
        return bool(self.adjusted)

    def calibrate(
        self, median: float, low: float, high: float, level: float = DEFAULT_LEVEL, elapsed: float = 0.0
    ) -> Calibrated:
        """Calibrated days after the reference moment for a base prediction (median, low, high).

        `elapsed`: days since the reference moment without delivery; the answer is then conditional on
        that (never below `elapsed`). Where the history says nothing (unfitted, or a parcel later than any
        seen), the base answer is kept, moved to start no earlier than `elapsed`.
        """
        if not 0 < level < 1:
            raise ValueError("level must be between 0 and 1")
        elapsed = max(elapsed, 0.0)
        if not self.fitted:
            return _base(median, low, high, level, elapsed)
        c, median = self.offset_days, max(median, 0.0)
        floor_score = _score(elapsed, median, c) if elapsed > 0 else None
        tail = (1 - level) / 2
        tail_low = min(_MAX_TAIL, max(_MIN_TAIL, tail + self.tail_shift_low))
        tail_high = min(_MAX_TAIL, max(_MIN_TAIL, tail + self.tail_shift_high))
        mid = self._quantile(self.pooled, 0.5, floor_score)
        lo = self._quantile(self.adjusted, tail_low, floor_score)
        hi = self._quantile(self.adjusted, 1 - tail_high, floor_score)
        if mid is None and lo is None and hi is None:
            return _base(median, low, high, level, elapsed)
        at = lambda score: max(elapsed, (median + c) * math.exp(score) - c)  # noqa: E731
        m = at(mid) if mid is not None else max(median, elapsed)
        lo_days = at(lo) if lo is not None else max(low, elapsed)
        hi_days = at(hi) if hi is not None else max(high, elapsed)
        m = max(m, 0.0)
        return Calibrated(m, max(0.0, min(lo_days, m)), max(hi_days, m), level, "calibrated")

    def calibrate_eta(self, eta: Eta, at: datetime, now: datetime | None = None) -> Eta:
        """`eta` (predicted at its reference moment `at`) calibrated; conditional on no delivery by `now`."""
        base = handoff_from_eta(eta, at)
        elapsed = 0.0 if now is None else _days(now - at)
        r = self.calibrate(base.median, base.low, base.high, eta.level, elapsed)
        when = lambda days: at + timedelta(days=days)  # noqa: E731
        basis = eta.basis if r.basis == "base" else f"{eta.basis}:calibrated"
        return Eta(when(r.median), when(r.low), when(r.high), eta.level, basis, eta.samples)

    def _quantile(self, curve: Sequence[float | None], p: float, floor: float | None) -> float | None:
        """Score quantile `p`, conditional on exceeding `floor` when given; None beyond the curve."""
        if floor is not None:
            below = _cdf(curve, floor)
            if below is None:
                return None
            p = below + p * (1 - below)
        return _inverse(curve, p)

    # --- persistence ------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "adjusted": list(self.adjusted),
            "pooled": list(self.pooled),
            "hazard_ratio": self.hazard_ratio,
            "fitted_at": None if self.fitted_at is None else self.fitted_at.isoformat(),
            "handoffs": self.handoffs,
            "delivered": self.delivered,
            "offset_days": self.offset_days,
            "window_days": self.window_days,
            "recent_days": self.recent_days,
            "prior_precision": self.prior_precision,
            "min_handoffs": self.min_handoffs,
            "tail_shift_low": self.tail_shift_low,
            "tail_shift_high": self.tail_shift_high,
            "step": self.step,
            "feedback_days": self.feedback_days,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> IntervalCalibrator:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model: {data.get('format')!r}")
        curve = lambda xs: tuple(None if x is None else float(x) for x in xs)  # noqa: E731
        fitted_at = data.get("fitted_at")
        return cls(
            curve(data["adjusted"]),
            curve(data["pooled"]),
            float(data["hazard_ratio"]),
            None if fitted_at is None else datetime.fromisoformat(fitted_at),
            int(data["handoffs"]),
            int(data["delivered"]),
            float(data["offset_days"]),
            float(data["window_days"]),
            float(data["recent_days"]),
            float(data["prior_precision"]),
            int(data["min_handoffs"]),
            float(data.get("tail_shift_low", 0.0)),
            float(data.get("tail_shift_high", 0.0)),
            float(data.get("step", 0.02)),
            float(data.get("feedback_days", 14.0)),
        )


# --- helpers ----------------------------------------------------------------------------------------


def _days(delta: timedelta) -> float:
    return delta.total_seconds() / 86400


def _score(days: float, median: float, offset: float) -> float:
    # The offset keeps same-day deliveries and near-zero medians from dominating the ratio.
    return math.log((max(days, 0.0) + offset) / (max(median, 0.0) + offset))


def _base(median: float, low: float, high: float, level: float, elapsed: float) -> Calibrated:
    """The base answer; once `elapsed` passes it, its spread is kept and counted from `elapsed`."""
    if elapsed <= low:
        return Calibrated(median, low, high, level, "base")
    shift = max(0.0, elapsed - low)
    return Calibrated(median + shift, elapsed, high + shift, level, "base")


def _cox(scores: np.ndarray, events: np.ndarray, x: np.ndarray, precision: float) -> tuple[float, np.ndarray]:
    """Log hazard ratio of the group x=1 (ridge prior `precision`) and the Breslow cumulative baseline
    hazard after each of the (sorted) scores."""
    beta = 0.0
    if 0 < x.sum() < len(x):
        for _ in range(50):
            risk = np.exp(beta * x)
            s0 = np.cumsum(risk[::-1])[::-1]  # risk sets: everything at or beyond each score
            s1 = np.cumsum((risk * x)[::-1])[::-1]
            share = s1[events] / s0[events]
            gradient = float(np.sum(x[events] - share)) - precision * beta
            information = float(np.sum(share * (1 - share))) + precision
            step = gradient / information
            beta = min(_MAX_LOG_RATIO, max(-_MAX_LOG_RATIO, beta + step))
            if abs(step) < 1e-9:
                break
    risk = np.exp(beta * x)
    s0 = np.cumsum(risk[::-1])[::-1]
    return beta, np.cumsum(np.where(events, 1.0 / s0, 0.0))


def _kaplan_meier(events: np.ndarray) -> np.ndarray:
    """Survival after each of the (sorted) scores."""
    at_risk = np.arange(len(events), 0, -1, dtype=float)
    return np.cumprod(1 - np.where(events, 1.0 / at_risk, 0.0))


def _grid(scores: np.ndarray, survival: np.ndarray) -> tuple[float | None, ...]:
    """Score quantiles at probabilities k/GRID: the first score where the survival falls to 1 - p."""
    out: list[float | None] = []
    for k in range(GRID + 1):
        p = min(k / GRID, 1 - 1e-9)
        i = int(np.searchsorted(-survival, -(1 - p) - _EPS, side="left"))
        out.append(float(scores[i]) if i < len(scores) else None)
    return tuple(out)


def _inverse(curve: Sequence[float | None], p: float) -> float | None:
    pos = min(max(p, 0.0), 1.0) * GRID
    i = int(math.floor(pos + 1e-9))
    if i >= GRID:
        return curve[GRID]
    a, b = curve[i], curve[i + 1]
    if a is None:
        return None
    if pos - i < 1e-9:
        return a
    return None if b is None else a + (b - a) * (pos - i)


def _cdf(curve: Sequence[float | None], score: float) -> float | None:
    """Probability of a score at or below `score`; None when the curve stops before it."""
    ks, values, ordered = _known_points(tuple(curve))
    if not values or score < values[0]:
        return 0.0
    if ordered:
        # The one segment with v <= score < v2 (the scan below finds the same one, in a binary search).
        i = bisect.bisect_right(values, score)
        if i < len(values):
            v, v2 = values[i - 1], values[i]
            return (ks[i - 1] + (score - v) / (v2 - v)) / GRID
    else:
        for k, v, v2 in zip(ks, values, values[1:], strict=False):
            if v <= score < v2:  # None only ever ends the curve, so the next point is k + 1
                return (k + (score - v) / (v2 - v)) / GRID
    if ks[-1] < GRID and score >= values[-1]:
        return None  # past the last delivery seen: nothing known about parcels this late
    return 1.0


@functools.lru_cache(maxsize=64)
def _known_points(curve: tuple[float | None, ...]) -> tuple[tuple[int, ...], tuple[float, ...], bool]:
    """The curve's defined points (probability index, score) and whether their scores never decrease
    (a fitted curve's always do). Refits read one curve thousands of times (the adaptive levels ask it
    about every open parcel), so its points are found once."""
    ks = tuple(k for k, v in enumerate(curve) if v is not None)
    values = tuple(v for v in curve if v is not None)
    return ks, values, all(a <= b for a, b in zip(values, values[1:], strict=False))
