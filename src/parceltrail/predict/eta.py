"""ETA: predicted delivery time with an interval, from delivered journeys on the same lane.

The model keeps, per lane group and stage, the empirical distribution of (time from start to entering
the stage, time left from there to delivery), in working hours. A prediction conditions on what is
known now: the time already spent in the stage (or since the start) cuts off the journeys that were
delivered sooner, so a parcel that is already late gets the remaining-time distribution of late parcels.
Thin groups fall back to wider ones (see `Lane.levels`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from parceltrail.predict.lanes import Lane
from parceltrail.predict.quantiles import quantile
from parceltrail.predict.stages import STAGE_ORDER, Stage, stage_rank
from parceltrail.predict.worktime import add_working_hours, working_hours

FORMAT = "parceltrail.eta/1"
DEFAULT_LEVEL = 0.8
_MAX_SPREAD = 4.0


@dataclass(frozen=True, slots=True)
class DeliveredJourney:
    """A delivered parcel: lane, start, delivery, and when it first entered each stage."""

    lane: Lane
    started_at: datetime
    delivered_at: datetime
    stages: Mapping[Stage, datetime]


@dataclass(frozen=True, slots=True)
class Eta:
    """Predicted delivery (`date` is the median), with an interval holding `level` of deliveries."""

    date: datetime
    earliest: datetime
    latest: datetime
    level: float
    basis: str  # which group decided, e.g. "lane:accepted" or "global:last_mile:unconditional"
    samples: int


@dataclass(frozen=True, slots=True)
class StageSamples:
    """Journeys of one group that passed one stage; both tuples ordered by `remaining`."""

    entered: tuple[float, ...]  # working hours from start to entering the stage
    remaining: tuple[float, ...]  # working hours from entering the stage to delivery

    @classmethod
    def build(cls, pairs: Iterable[tuple[float, float]]) -> StageSamples:
        ordered = sorted(pairs, key=lambda p: (p[1], p[0]))
        return cls(tuple(p[0] for p in ordered), tuple(p[1] for p in ordered))


@dataclass(frozen=True, slots=True)
class _Distribution:
    """Sorted remaining working hours measured from `now`, where `start` indexes the first usable one."""

    values: Sequence[float]
    start: int
    shift: float  # subtracted from every value (time already spent)

    @property
    def count(self) -> int:
        return len(self.values) - self.start

    def q(self, p: float) -> float:
        return max(0.0, quantile(self.values, p, self.start) - self.shift)


@dataclass(frozen=True, slots=True)
class EtaModel:
    groups: Mapping[str, Mapping[Stage, StageSamples]] = field(default_factory=dict)
    rest_days: tuple[int, ...] = (6,)  # Sunday: most posts do not move parcels
    min_samples: int = 20
    spread: float = 1.0  # interval widening learned out of time (see `fit`)

    # --- learning ---------------------------------------------------------------------------------

    @classmethod
    def fit(
        cls,
        history: Iterable[DeliveredJourney],
        *,
        rest_days: Iterable[int] = (6,),
        min_samples: int = 20,
        max_samples: int = 5000,
        calibrate: bool = True,
        folds: int = 5,
    ) -> EtaModel:
        """Learn from delivered journeys; keeps the `max_samples` most recent per group and stage.

        With `calibrate`, the interval is widened so that, predicting each later block of history
        from the earlier ones, 80% of deliveries fall inside: spreads measured within one period
        understate how much conditions drift between periods.
        """
        journeys = sorted(history, key=lambda j: (j.started_at, j.delivered_at))
        rest = tuple(sorted(set(rest_days)))
        model = cls._build(journeys, rest, min_samples, max_samples)
        if not calibrate or folds < 2 or len(journeys) < folds * min_samples:
            return model
        spread = _calibrate(journeys, rest, min_samples, max_samples, folds)
        return cls(model.groups, rest, min_samples, spread)

    @classmethod
    def _build(
        cls, journeys: Sequence[DeliveredJourney], rest: tuple[int, ...], min_samples: int, max_samples: int
    ) -> EtaModel:
        raw: dict[str, dict[Stage, list[tuple[float, float]]]] = {}
        for j in journeys:
            total = working_hours(j.started_at, j.delivered_at, rest)
            if total < 0:
                continue  # inconsistent dates: delivered before it started
            keys = [key for _, key in j.lane.levels()]
            for stage, at in j.stages.items():
                if stage is Stage.delivered or at > j.delivered_at:
                    continue
                entered = max(0.0, working_hours(j.started_at, at, rest))
                pair = (round(entered, 2), round(total - entered, 2))
                for key in keys:
                    raw.setdefault(key, {}).setdefault(stage, []).append(pair)
        groups = {
            key: {stage: StageSamples.build(pairs[-max_samples:]) for stage, pairs in by_stage.items()}
            for key, by_stage in raw.items()
        }
        return cls(groups, rest, min_samples, 1.0)

    # --- prediction -------------------------------------------------------------------------------

    def predict(
        self,
        lane: Lane,
        stage: Stage,
        started_at: datetime,
        now: datetime,
        level: float = DEFAULT_LEVEL,
        *,
        stage_entered_at: datetime | None = None,
    ) -> Eta | None:
        """Delivery estimate for a parcel in `stage`; None only when the model has seen nothing at all.

        Conditions on time spent in the stage when `stage_entered_at` is given, else on time since start.
        """
        if not 0 < level < 1:
            raise ValueError("level must be between 0 and 1")
        if stage is Stage.delivered:
            return Eta(now, now, now, level, "delivered", 0)
        found = self._distribution(lane, stage, started_at, now, stage_entered_at)
        if found is None:
            return None
        dist, basis = found
        med = dist.q(0.5)
        lo = max(0.0, med - self.spread * (med - dist.q((1 - level) / 2)))
        hi = med + self.spread * (dist.q((1 + level) / 2) - med)
        at = lambda hours: add_working_hours(now, hours, self.rest_days)  # noqa: E731
        return Eta(at(med), at(lo), at(hi), level, basis, dist.count)

    def _distribution(
        self, lane: Lane, stage: Stage, started_at: datetime, now: datetime, stage_entered_at: datetime | None
    ) -> tuple[_Distribution, str] | None:
        levels = lane.levels()
        since_start = working_hours(started_at, now, self.rest_days)
        in_stage = None if stage_entered_at is None else working_hours(stage_entered_at, now, self.rest_days)
        thin: tuple[_Distribution, str] | None = None
        widest: tuple[_Distribution, str] | None = None
        for candidate in _stage_fallbacks(stage):
            suffix = candidate.value if candidate is stage else f"{candidate.value}(for {stage.value})"
            for name, key in levels:
                samples = self.groups.get(key, {}).get(candidate)
                if samples is None:
                    continue
                dist = _conditional(samples, since_start, in_stage if candidate is stage else None)
                if dist.count >= self.min_samples:
                    return dist, f"{name}:{suffix}"
                if dist.count > 0 and (thin is None or dist.count > thin[0].count):
                    thin = (dist, f"{name}:{suffix}:thin")
                if widest is None or len(samples.remaining) > len(widest[0].values):
                    widest = (_Distribution(samples.remaining, 0, 0.0), f"{name}:{suffix}:unconditional")
        # Few this late: trust the few over ignoring the delay; nobody: plain remaining time, from now.
        return thin if thin is not None else widest

    # --- persistence ------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "rest_days": list(self.rest_days),
            "min_samples": self.min_samples,
            "spread": round(self.spread, 4),
            "groups": {
                key: {stage.value: [list(s.entered), list(s.remaining)] for stage, s in by_stage.items()}
                for key, by_stage in sorted(self.groups.items())
            },
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EtaModel:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model: {data.get('format')!r}")
        groups = {
            key: {
                Stage(stage): StageSamples.build(zip(map(float, pair[0]), map(float, pair[1]), strict=True))
                for stage, pair in by_stage.items()
            }
            for key, by_stage in data["groups"].items()
        }
        return cls(groups, tuple(data["rest_days"]), int(data["min_samples"]), float(data["spread"]))


def _stage_fallbacks(stage: Stage) -> list[Stage]:
    """The stage itself, then earlier stages nearest first (longer, so conservative), then later ones."""
    rank = stage_rank(stage)
    earlier = [s for s in reversed(STAGE_ORDER[:rank]) if s is not Stage.delivered]
    later = [s for s in STAGE_ORDER[rank + 1 :] if s is not Stage.delivered]
    return [stage, *earlier, *later]


def _conditional(samples: StageSamples, since_start: float, in_stage: float | None) -> _Distribution:
    if in_stage is not None:
        # Journeys still undelivered after as long in this stage; remaining counted from now.
        first = bisect.bisect_right(samples.remaining, max(in_stage, 0.0))
        if in_stage <= 0:
            first = 0
        return _Distribution(samples.remaining, first, max(in_stage, 0.0))
    # No stage entry time: journeys that had reached the stage by this elapsed time and were not delivered.
    left = sorted(
        a + r - since_start
        for a, r in zip(samples.entered, samples.remaining, strict=True)
        if a <= since_start < a + r
    )
    return _Distribution(left, 0, 0.0)


def _calibrate(
    journeys: Sequence[DeliveredJourney],
    rest: tuple[int, ...],
    min_samples: int,
    max_samples: int,
    folds: int,
) -> float:
    """Widening factor so that DEFAULT_LEVEL of out-of-time deliveries fall inside the interval."""
    size = len(journeys) / folds
    blocks = [journeys[round(i * size) : round((i + 1) * size)] for i in range(folds)]
    needed: list[float] = []
    for i in range(1, folds):
        past = EtaModel._build([j for b in blocks[:i] for j in b], rest, min_samples, max_samples)
        for j in blocks[i]:
            for stage, at in j.stages.items():
                if stage is Stage.delivered or at > j.delivered_at:
                    continue
                found = past._distribution(j.lane, stage, j.started_at, at, at)
                if found is None:
                    continue
                dist = found[0]
                actual = working_hours(at, j.delivered_at, rest)
                med = dist.q(0.5)
                lo, hi = dist.q((1 - DEFAULT_LEVEL) / 2), dist.q((1 + DEFAULT_LEVEL) / 2)
                needed.append(_needed_spread(actual, lo, med, hi))
    if not needed:
        return 1.0
    needed.sort()
    return min(_MAX_SPREAD, max(1.0, quantile(needed, DEFAULT_LEVEL)))


def _needed_spread(actual: float, lo: float, med: float, hi: float) -> float:
    """Smallest widening of [lo, hi] around med that would have held `actual`."""
    if actual == med:
        return 0.0
    if actual < med:
        return (med - actual) / (med - lo) if med > lo else _MAX_SPREAD
    return (actual - med) / (hi - med) if hi > med else _MAX_SPREAD
