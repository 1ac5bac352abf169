import json
import math
import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from parceltrail.predict.calibrate import Handoff, IntervalCalibrator
from parceltrail.predict.eta import Eta

T0 = datetime(2026, 1, 5, tzinfo=UTC)
# A base model that is exact for log-normal journeys (median 7 days, sigma 0.5): 10% / 90% quantiles.
SIGMA = 0.5
MEDIAN, LOW, HIGH = 7.0, 7.0 * math.exp(-1.2816 * SIGMA), 7.0 * math.exp(1.2816 * SIGMA)


def journeys(days: int, per_day: int, slowdown_from: float | None = None, factor: float = 1.6,
             seed: int = 7) -> list[tuple[datetime, datetime]]:
    """(hand-off, delivery) pairs; from `slowdown_from` on (days), journeys take `factor` times longer."""
    rng = random.Random(seed)
    out = []
    for k in range(days * per_day):
        start = k / per_day
        taken = MEDIAN * math.exp(SIGMA * rng.gauss(0.0, 1.0))
        if slowdown_from is not None and start >= slowdown_from:
            taken *= factor
        out.append((T0 + timedelta(days=start), T0 + timedelta(days=start + taken)))
    return out


def records(pairs: list[tuple[datetime, datetime]]) -> list[Handoff]:
    return [Handoff(at, MEDIAN, LOW, HIGH, delivered) for at, delivered in pairs]


def online_coverage(pairs: list[tuple[datetime, datetime]], first_day: int, refit_days: float = 1.0):
    """Coverage of base and calibrated intervals for hand-offs from `first_day` on, the calibrator
    refitted every `refit_days` on what is known then (deliveries later than that count as on the way)."""
    history = records(pairs)
    inside_base = inside_calibrated = n = 0
    fitted: dict[int, IntervalCalibrator] = {}
    for at, delivered in pairs:
        day = (at - T0).total_seconds() / 86400
        if day < first_day:
            continue
        slot = int(day // refit_days)
        if slot not in fitted:
            now = T0 + timedelta(days=slot * refit_days)
            fitted[slot] = IntervalCalibrator.fit([h for h in history if h.at < now], now)
        c = fitted[slot].calibrate(MEDIAN, LOW, HIGH)
        taken = (delivered - at).total_seconds() / 86400
        inside_base += LOW <= taken <= HIGH
        inside_calibrated += c.low <= taken <= c.high
        n += 1
    return inside_base / n, inside_calibrated / n


def test_keeps_a_calibrated_base_calibrated():
    base, calibrated = online_coverage(journeys(100, 15), first_day=40)
    assert abs(base - 0.8) < 0.04
    assert abs(calibrated - 0.8) < 0.04


def test_tracks_coverage_through_a_slowdown():
    # Journeys become 1.6x longer from day 60: the base interval then holds about 58% of deliveries.
    pairs = journeys(130, 15, slowdown_from=60)
    base, calibrated = online_coverage(pairs, first_day=80)
    assert base < 0.65
    assert 0.75 <= calibrated <= 0.85


def test_open_parcels_are_the_first_sign_of_a_slowdown():
    # Ten days into a slowdown few of its parcels are delivered; those still on their way say it.
    pairs = journeys(70, 15, slowdown_from=60, factor=2.0)
    now = T0 + timedelta(days=70)
    known = [h for h in records(pairs) if h.at < now]
    with_open = IntervalCalibrator.fit(known, now)
    delivered_only = IntervalCalibrator.fit(
        [h for h in known if h.delivered_at is not None and h.delivered_at <= now], now)
    # Counting the open parcels, the newest hand-offs are seen to be delivered more slowly than the older
    # ones; from the deliveries alone (the fast few) they look as fast or faster.
    assert with_open.hazard_ratio < 0.95
    assert delivered_only.hazard_ratio >= 1.0
    assert with_open.calibrate(MEDIAN, LOW, HIGH).high > delivered_only.calibrate(MEDIAN, LOW, HIGH).high + 1


def test_a_delivery_after_now_cannot_change_the_prediction():
    pairs = journeys(60, 10, slowdown_from=45)
    now = T0 + timedelta(days=50, hours=3)
    known = records(pairs)
    # The same parcels as the system saw them at `now`: deliveries after it not known yet.
    as_of_now = [h if h.delivered_at is not None and h.delivered_at <= now
                 else Handoff(h.at, h.median, h.low, h.high, None) for h in known]
    # And with every later delivery moved elsewhere after `now` (a different future).
    other_future = [h if h.delivered_at is not None and h.delivered_at <= now
                    else Handoff(h.at, h.median, h.low, h.high, now + timedelta(hours=1)) for h in known]
    fits = [IntervalCalibrator.fit(history, now) for history in (known, as_of_now, other_future)]
    assert fits[0].to_dict() == fits[1].to_dict() == fits[2].to_dict()
    # Parcels handed off after `now` are not known either.
    later = Handoff(now + timedelta(minutes=1), MEDIAN, LOW, HIGH, now + timedelta(minutes=2))
    assert IntervalCalibrator.fit([*known, later], now).to_dict() == fits[0].to_dict()
    # While a delivery that did happen before `now` does change it.
    first_done = next(i for i, h in enumerate(as_of_now) if h.delivered_at is not None
                      and h.at > now - timedelta(days=8))
    undone = list(as_of_now)
    undone[first_done] = Handoff(undone[first_done].at, MEDIAN, LOW, HIGH, None)
    assert IntervalCalibrator.fit(undone, now).to_dict() != fits[1].to_dict()


def test_unfitted_returns_the_base_and_elapsed_time_moves_it_forward():
    empty = IntervalCalibrator.fit([], T0)
    assert not empty.fitted
    assert empty.calibrate(7.0, 3.0, 12.0) == empty.calibrate(7.0, 3.0, 12.0, elapsed=2.0)
    r = empty.calibrate(7.0, 3.0, 12.0)
    assert (r.median, r.low, r.high, r.basis) == (7.0, 3.0, 12.0, "base")
    late = empty.calibrate(7.0, 3.0, 12.0, elapsed=15.0)
    assert (late.low, late.median, late.high) == (15.0, 19.0, 24.0)  # the spread kept, from now


def test_conditional_on_no_delivery_yet():
    pairs = journeys(80, 10)
    now = T0 + timedelta(days=80)
    model = IntervalCalibrator.fit(records(pairs), now)
    previous = model.calibrate(MEDIAN, LOW, HIGH)
    for elapsed in (1.0, 5.0, 9.0, 14.0, 20.0, 200.0):
        r = model.calibrate(MEDIAN, LOW, HIGH, elapsed=elapsed)
        assert elapsed <= r.low <= r.median <= r.high
        assert r.median >= previous.median - 1e-9  # longer without delivery: never earlier
        previous = r


def test_levels_are_nested():
    model = IntervalCalibrator.fit(records(journeys(80, 10)), T0 + timedelta(days=80))
    narrow, wide = model.calibrate(MEDIAN, LOW, HIGH, 0.5), model.calibrate(MEDIAN, LOW, HIGH, 0.9)
    assert wide.low <= narrow.low <= narrow.median <= narrow.high <= wide.high
    with pytest.raises(ValueError):
        model.calibrate(MEDIAN, LOW, HIGH, 1.0)


def test_round_trip_through_json():
    model = IntervalCalibrator.fit(records(journeys(80, 10, slowdown_from=70)), T0 + timedelta(days=80))
    copy = IntervalCalibrator.from_dict(json.loads(json.dumps(model.to_dict())))
    for elapsed in (0.0, 4.0, 11.0):
        assert copy.calibrate(6.0, 2.0, 11.0, elapsed=elapsed) == model.calibrate(6.0, 2.0, 11.0,
                                                                                  elapsed=elapsed)
    assert copy.update([], T0).window_days == model.window_days
    with pytest.raises(ValueError):
        IntervalCalibrator.from_dict({"format": "other"})


def test_calibrate_eta_uses_the_reference_moment():
    model = IntervalCalibrator.fit(records(journeys(80, 10, slowdown_from=60)), T0 + timedelta(days=80))
    at = T0 + timedelta(days=80)
    eta = Eta(at + timedelta(days=MEDIAN), at + timedelta(days=LOW), at + timedelta(days=HIGH), 0.8,
              "lane:accepted", 50)
    out = model.calibrate_eta(eta, at)
    r = model.calibrate(MEDIAN, LOW, HIGH)
    assert out.latest == at + timedelta(days=r.high)
    assert out.basis == "lane:accepted:calibrated"
    later = model.calibrate_eta(eta, at, now=at + timedelta(days=30))
    assert later.earliest >= at + timedelta(days=30)


def test_open_parcels_past_their_served_interval_steer_the_upper_level_at_once():
    # Two weeks into a slowdown: the intervals served since were the quiet weeks' ones. Most of those
    # parcels are not delivered yet, so no miss is known for them; their chance of ending above what
    # they were shown, given no delivery so far, is what moves the upper level up.
    pairs = journeys(74, 15, slowdown_from=60, factor=1.8)
    now = T0 + timedelta(days=74)
    before = T0 + timedelta(days=73, hours=18)
    quiet = IntervalCalibrator.fit(records(journeys(74, 15)), before)
    served = quiet.calibrate(MEDIAN, LOW, HIGH)
    known = [replace(h, served_low=served.low, served_high=served.high) for h in records(pairs)
             if h.at < now]
    as_of_now = [h if h.delivered_at is not None and h.delivered_at <= now else replace(h, delivered_at=None)
                 for h in known]
    assert sum(h.delivered_at is not None for h in as_of_now if h.at > now - timedelta(days=14)) < \
        0.5 * sum(h.at > now - timedelta(days=14) for h in as_of_now)
    stepped = IntervalCalibrator.fit(as_of_now, now, previous=quiet)
    plain = IntervalCalibrator.fit(as_of_now, now)
    assert stepped.tail_shift_high < 0  # the upper tail probability shrinks: a later upper end
    assert stepped.calibrate(MEDIAN, LOW, HIGH).high > plain.calibrate(MEDIAN, LOW, HIGH).high
    # Without served intervals on record (or without a previous calibrator) the levels stay nominal.
    bare = [replace(h, served_low=None, served_high=None) for h in as_of_now]
    assert IntervalCalibrator.fit(bare, now, previous=quiet).tail_shift_high == 0.0
    assert plain.tail_shift_high == 0.0
    # The adaptive levels survive persistence and the engine's update carries them on.
    copy = IntervalCalibrator.from_dict(json.loads(json.dumps(stepped.to_dict())))
    assert copy.tail_shift_high == stepped.tail_shift_high
    assert copy.update(as_of_now, now + timedelta(hours=6)).tail_shift_high <= stepped.tail_shift_high


def test_adaptive_levels_hold_nominal_coverage_when_nothing_changes():
    pairs = journeys(100, 15)
    history = records(pairs)
    current = None
    inside = n = 0
    for slot in range(40 * 4, 100 * 4):
        now = T0 + timedelta(hours=6 * slot)
        known = [h if h.delivered_at is not None and h.delivered_at <= now else replace(h, delivered_at=None)
                 for h in history if h.at < now]
        current = IntervalCalibrator.fit(known, now, previous=current)
        for k, h in enumerate(history):
            if now <= h.at < now + timedelta(hours=6):
                c = current.calibrate(h.median, h.low, h.high)
                history[k] = replace(h, served_low=c.low, served_high=c.high)
                taken = (pairs[k][1] - h.at).total_seconds() / 86400
                inside += c.low <= taken <= c.high
                n += 1
    assert abs(inside / n - 0.8) < 0.04
    assert current is not None and abs(current.tail_shift_high) < 0.05
