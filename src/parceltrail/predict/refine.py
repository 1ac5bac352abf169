"""Refining a lane ETA with per-shipment facts: linear quantile regression on top of `EtaModel`.

`EtaModel` knows the lane and the stage. Many shipments carry more that is known before delivery: who
shipped it (a shipper's own handling and carrier choice), the destination area (remote postcodes are
slower), the shipping price (it grows with distance and service), the promised date, the weekday of
hand-off. `Refiner` learns, from delivered shipments, a linear model of the remaining days for the
median and for the two ends of the interval (quantile regression by iteratively reweighted least
squares) on:

- the lane model's median remaining days (`base`);
- numeric features given by the caller (name -> value);
- keyed features given by the caller (name -> key, e.g. ``{"shipper": "s123"}``), each turned into the
  key's mean residual over the lane model, shrunk toward 0 by `shrink` pseudo-samples (leave-one-out on
  the training rows, so a key never explains its own delivery).

The interval is then widened (conformalized quantile regression) so that `level` of a time-ordered
held-out slice (the most recent `holdout` share of the history) falls inside; the model used for
predictions is refitted on the whole history with that widening frozen. Deterministic: no randomness;
samples are sorted by `at` before anything else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np

FORMAT = "parceltrail.refine/1"
DEFAULT_LEVEL = 0.8
_CAP_DAYS = 40.0  # residuals are clipped to this for the key encodings (one lost parcel is no signal)


@dataclass(frozen=True, slots=True)
class Sample:
    """One delivered shipment as the refiner sees it: facts known at prediction time, and the outcome."""

    at: datetime  # when the prediction would have been made (e.g. hand-off)
    base: float  # the lane model's median remaining days at `at`
    numeric: Mapping[str, float]
    keys: Mapping[str, str]
    actual: float  # remaining days actually taken
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Refined:
    median: float  # remaining days
    low: float
    high: float


@dataclass(frozen=True, slots=True)
class Refiner:
    numeric_names: tuple[str, ...] = ()
    key_names: tuple[str, ...] = ()
    coef: Mapping[str, tuple[float, ...]] = field(default_factory=dict)  # "median", "low", "high"
    encodings: Mapping[str, Mapping[str, tuple[float, int]]] = field(default_factory=dict)  # sum, count
    shrink: float = 10.0
    level: float = DEFAULT_LEVEL
    widen: float = 0.0  # days added to both ends (conformal correction)

    @classmethod
    def fit(
        cls,
        samples: Sequence[Sample],
        *,
        numeric_names: Sequence[str] = (),
        key_names: Sequence[str] = (),
        shrink: float = 10.0,
        level: float = DEFAULT_LEVEL,
        holdout: float = 0.25,
    ) -> Refiner:
        if not 0 < level < 1:
            raise ValueError("level must be between 0 and 1")
        ordered = sorted(samples, key=lambda s: (s.at, s.base, s.actual))
        names, keys = tuple(numeric_names), tuple(key_names)
        widen = 0.0
        cut = round(len(ordered) * (1 - holdout))
        if 0 < holdout < 1 and cut >= 50 and len(ordered) - cut >= 50:
            early = cls._fit(ordered[:cut], names, keys, shrink, level, 0.0)
            scores = [early._score(s) for s in ordered[cut:]]
            widen = max(0.0, float(np.quantile(scores, level)))
        return cls._fit(ordered, names, keys, shrink, level, widen)

    @classmethod
    def _fit(
        cls,
        samples: Sequence[Sample],
        names: tuple[str, ...],
        keys: tuple[str, ...],
        shrink: float,
        level: float,
        widen: float,
    ) -> Refiner:
        residual = np.array([min(s.actual, _CAP_DAYS) - s.base for s in samples])
        encodings: dict[str, dict[str, tuple[float, int]]] = {}
        for name in keys:
            table: dict[str, list[float]] = {}
            for s, r in zip(samples, residual, strict=True):
                key = s.keys.get(name)
                if key is not None:
                    entry = table.setdefault(key, [0.0, 0])
                    entry[0] += float(r)
                    entry[1] += 1
            encodings[name] = {k: (round(v[0], 4), int(v[1])) for k, v in sorted(table.items())}
        model = cls(names, keys, {}, encodings, shrink, level, widen)
        x = np.array([model._row(s, leave_out=float(r)) for s, r in zip(samples, residual, strict=True)])
        y = np.array([s.actual for s in samples])
        w = np.array([s.weight for s in samples])
        tail = (1 - level) / 2
        coef = {
            "median": tuple(float(c) for c in _quantile_regression(x, y, 0.5, w)),
            "low": tuple(float(c) for c in _quantile_regression(x, y, tail, w)),
            "high": tuple(float(c) for c in _quantile_regression(x, y, 1 - tail, w)),
        }
        return cls(names, keys, coef, encodings, shrink, level, widen)

    # --- prediction -------------------------------------------------------------------------------

    def predict(self, base: float, numeric: Mapping[str, float], keys: Mapping[str, str]) -> Refined:
        """Remaining days (median and interval) for a shipment the lane model puts at `base` days."""
        if not self.coef:
            return Refined(base, base, base)
        row = np.array(self._row(Sample(datetime.min, base, numeric, keys, 0.0)))
        med, low, high = (float(row @ np.array(self.coef[k])) for k in ("median", "low", "high"))
        med = max(0.0, med)
        return Refined(med, max(0.0, min(low, med) - self.widen), max(high, med) + self.widen)

    def _row(self, s: Sample, leave_out: float | None = None) -> list[float]:
        row = [1.0, s.base]
        row += [float(s.numeric.get(name, 0.0)) for name in self.numeric_names]
        for name in self.key_names:
            total, count = self.encodings.get(name, {}).get(s.keys.get(name, ""), (0.0, 0))
            if leave_out is not None and s.keys.get(name) is not None:
                total, count = total - leave_out, count - 1
            row.append(total / (count + self.shrink) if count > 0 else 0.0)
        return row

    def _score(self, s: Sample) -> float:
        """Conformity score: how far outside the interval the outcome fell (negative inside)."""
        r = self.predict(s.base, s.numeric, s.keys)
        return max(r.low - s.actual, s.actual - r.high)

    # --- persistence ------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "numeric_names": list(self.numeric_names),
            "key_names": list(self.key_names),
            "coef": {k: list(v) for k, v in sorted(self.coef.items())},
            "encodings": {n: {k: list(v) for k, v in e.items()} for n, e in sorted(self.encodings.items())},
            "shrink": self.shrink,
            "level": self.level,
            "widen": self.widen,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Refiner:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model: {data.get('format')!r}")
        return cls(
            tuple(data["numeric_names"]),
            tuple(data["key_names"]),
            {k: tuple(float(c) for c in v) for k, v in data["coef"].items()},
            {n: {k: (float(v[0]), int(v[1])) for k, v in e.items()} for n, e in data["encodings"].items()},
            float(data["shrink"]),
            float(data["level"]),
            float(data["widen"]),
        )


def _quantile_regression(
    x: np.ndarray, y: np.ndarray, q: float, w: np.ndarray, iterations: int = 50, eps: float = 1e-3
) -> np.ndarray:
    """Linear q-quantile regression (pinball loss) by iteratively reweighted least squares."""
    ridge = 1e-6 * np.eye(x.shape[1])
    sw = np.sqrt(w)
    beta = np.linalg.lstsq(x * sw[:, None], y * sw, rcond=None)[0]
    for _ in range(iterations):
        r = y - x @ beta
        ww = w * np.where(r >= 0, q, 1 - q) / np.maximum(np.abs(r), eps)
        xw = x * ww[:, None]
        beta = np.linalg.solve(xw.T @ x + ridge, xw.T @ y)
    return beta
