import json
from datetime import UTC, datetime, timedelta

import pytest

from parceltrail.predict.refine import Refiner, Sample

T0 = datetime(2026, 1, 5, tzinfo=UTC)


def samples(n: int = 400) -> list[Sample]:
    """Lane median 7 days; slow shipper 'b' (+3 days), distance feature, deterministic noise."""
    out = []
    for i in range(n):
        shipper = "ab"[i % 2]
        distance = (i % 7) / 2
        noise = ((i * 37) % 11 - 5) / 5
        actual = 4 + distance + (3 if shipper == "b" else 0) + noise
        out.append(Sample(T0 + timedelta(hours=i), 7.0, {"distance": distance}, {"shipper": shipper}, actual))
    return out


def fit(history: list[Sample]) -> Refiner:
    return Refiner.fit(history, numeric_names=["distance"], key_names=["shipper"])


def test_learns_features_and_keys():
    model = fit(samples())
    slow = model.predict(7.0, {"distance": 3.0}, {"shipper": "b"})
    fast = model.predict(7.0, {"distance": 0.0}, {"shipper": "a"})
    assert abs(slow.median - 10.0) < 0.6
    assert abs(fast.median - 4.0) < 0.6
    assert slow.low <= slow.median <= slow.high
    unknown = model.predict(7.0, {"distance": 0.0}, {"shipper": "new"})
    assert fast.median < unknown.median < slow.median  # an unseen shipper gets the average


def test_interval_covers_the_level_out_of_sample():
    history = samples(800)
    model = fit(history[:600])
    inside = 0
    for s in history[600:]:
        r = model.predict(s.base, s.numeric, s.keys)
        inside += r.low <= s.actual <= r.high
    assert 0.7 <= inside / 200 <= 0.95


def test_empty_refiner_returns_the_base():
    r = Refiner().predict(3.0, {}, {})
    assert (r.median, r.low, r.high) == (3.0, 3.0, 3.0)


def test_round_trip_and_determinism():
    history = samples()
    model = fit(history)
    assert fit(list(reversed(history))).to_dict() == model.to_dict()
    restored = Refiner.from_dict(json.loads(json.dumps(model.to_dict())))
    assert restored.predict(7.0, {"distance": 1.0}, {"shipper": "a"}) == model.predict(
        7.0, {"distance": 1.0}, {"shipper": "a"})
    with pytest.raises(ValueError):
        Refiner.from_dict({"format": "other"})
    with pytest.raises(ValueError):
        Refiner.fit(history, level=1.0)
