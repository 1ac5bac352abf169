import json
from datetime import UTC, datetime, timedelta

from parceltrail.predict import REASONS, Lane, SilenceStats, Stage, assess

NOW = datetime(2026, 5, 20, 12, 0, tzinfo=UTC)
LANE = Lane(origin="CN", destination="FR", carrier="yanwen")


def days_ago(d: float) -> datetime:
    return NOW - timedelta(days=d)


def test_customs_hold_of_eight_days_is_not_updated_with_reason_customs():
    health = assess(LANE, Stage.import_customs, days_ago(8), NOW)
    assert health.state == "not_updated"
    assert health.likely_reason == "customs"
    assert health.likely_reason in REASONS
    assert health.basis == "prior"


def test_twenty_days_silent_after_departure_is_possibly_lost():
    assert assess(LANE, Stage.international, days_ago(20), NOW).state == "possibly_lost"
    assert assess(LANE, Stage.in_transit_origin, days_ago(20), NOW).state == "possibly_lost"


def test_normal_gaps_never_flag():
    for stage in Stage:
        for gap in (0, 0.5, 1, 2, 2.9):
            health = assess(LANE, stage, days_ago(gap), NOW)
            assert health.state == "ok", (stage, gap)
            assert health.likely_reason is None


def test_thirty_one_days_is_expired():
    health = assess(LANE, Stage.last_mile, days_ago(31), NOW)
    assert health.state == "expired"
    assert health.silence == timedelta(days=31)


def test_lost_bound_is_at_least_fourteen_days_and_before_expiry():
    for stage in Stage:
        health = assess(LANE, stage, days_ago(1), NOW)
        if stage is not Stage.delivered:
            assert timedelta(days=14) <= health.lost_after < timedelta(days=30)
            assert health.threshold < health.lost_after


def test_delivered_is_always_ok():
    assert assess(LANE, Stage.delivered, days_ago(60), NOW).state == "ok"


def learned(gap_days: float, n: int = 40) -> SilenceStats:
    t = datetime(2026, 1, 1, tzinfo=UTC)
    history = []
    for i in range(n):
        start = t + timedelta(days=i)
        gap = timedelta(days=gap_days * (1 + (i % 5) / 10))
        history.append((LANE, [(start, Stage.last_mile), (start + gap, Stage.out_for_delivery)]))
    return SilenceStats.fit(history)


def test_learned_gaps_raise_the_threshold_above_the_floor():
    stats = learned(9.0)  # a lane whose last mile is slow: up to 12.6 days between scans
    health = assess(LANE, Stage.last_mile, days_ago(10), NOW, stats)
    assert health.state == "ok"
    assert health.basis == "carrier+lane"
    assert assess(LANE, Stage.last_mile, days_ago(13), NOW, stats).state == "not_updated"


def test_learned_short_gaps_do_not_go_below_the_floor():
    stats = learned(0.5)
    assert assess(LANE, Stage.last_mile, days_ago(2.5), NOW, stats).state == "ok"
    assert assess(LANE, Stage.last_mile, days_ago(4), NOW, stats).state == "not_updated"


def test_thin_data_uses_priors_and_round_trip():
    stats = learned(9.0, n=5)
    assert stats.threshold(LANE, Stage.last_mile)[1] == "prior"
    full = learned(9.0)
    assert SilenceStats.from_dict(json.loads(json.dumps(full.to_dict()))) == full
