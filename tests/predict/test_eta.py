import json
from datetime import UTC, datetime, timedelta

import pytest

from parceltrail.predict import DeliveredJourney, EtaModel, Lane, Stage

T0 = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)  # a Monday
CN_DE = Lane(origin="CN", destination="DE", carrier="cainiao", service="standard",
             origin_region="asia", destination_region="europe")
US_DE = Lane(origin="US", destination="DE", carrier="usps", origin_region="americas",
             destination_region="europe")


def journeys(lane: Lane, n: int, base_days: float, customs_days: float = 2.0) -> list[DeliveredJourney]:
    """n journeys with a deterministic spread of total times around base_days."""
    out = []
    for i in range(n):
        start = T0 + timedelta(hours=7 * i)
        total = base_days + (i % 10) * 0.5  # 10 distinct lengths
        cleared = start + timedelta(days=total - customs_days)
        out.append(DeliveredJourney(
            lane=lane, started_at=start, delivered_at=start + timedelta(days=total),
            stages={Stage.accepted: start, Stage.import_customs: cleared - timedelta(days=1),
                    Stage.last_mile: cleared},
        ))
    return out


def fit(history: list[DeliveredJourney]) -> EtaModel:
    return EtaModel.fit(history, rest_days=(), calibrate=False)


def test_lane_with_history_decides_and_interval_holds_the_median():
    model = fit(journeys(CN_DE, 50, 10.0))
    eta = model.predict(CN_DE, Stage.accepted, T0, T0, stage_entered_at=T0)
    assert eta is not None
    assert eta.basis == "carrier+service+lane:accepted"
    assert eta.samples == 50
    assert eta.earliest <= eta.date <= eta.latest
    assert eta.level == 0.8
    assert timedelta(days=11) < eta.date - T0 < timedelta(days=13)


def test_thin_lane_falls_back_to_wider_groups():
    model = fit(journeys(CN_DE, 5, 10.0) + journeys(US_DE, 40, 6.0))
    eta = model.predict(CN_DE, Stage.accepted, T0, T0, stage_entered_at=T0)
    assert eta is not None
    assert eta.basis == "region_lane:accepted" or eta.basis.startswith("destination")
    unknown = Lane(origin="BR", destination="JP")
    other = model.predict(unknown, Stage.accepted, T0, T0, stage_entered_at=T0)
    assert other is not None and other.basis == "global:accepted"


def test_later_stage_is_closer():
    model = fit(journeys(CN_DE, 50, 10.0))
    accepted = model.predict(CN_DE, Stage.accepted, T0, T0, stage_entered_at=T0)
    now = T0 + timedelta(days=8)
    cleared = model.predict(CN_DE, Stage.last_mile, T0, now, stage_entered_at=now)
    assert accepted is not None and cleared is not None
    assert cleared.date - now < timedelta(days=3) < accepted.date - T0


def test_elapsed_time_conditions_the_remaining_time():
    model = fit(journeys(CN_DE, 50, 10.0))
    fresh = model.predict(CN_DE, Stage.accepted, T0, T0)
    late_now = T0 + timedelta(days=13)
    late = model.predict(CN_DE, Stage.accepted, T0, late_now)
    assert fresh is not None and late is not None
    # Already 13 days on the way: only the slowest journeys (13.5 to 14.5 days) are still undelivered.
    assert late.date >= late_now
    assert late.date - late_now <= timedelta(days=1)
    assert late.date > fresh.date


def test_parcel_later_than_any_history_still_gets_an_estimate():
    model = fit(journeys(CN_DE, 50, 10.0))
    now = T0 + timedelta(days=40)
    eta = model.predict(CN_DE, Stage.accepted, T0, now, stage_entered_at=T0)
    assert eta is not None and eta.date >= now
    assert eta.basis.endswith(":unconditional")


def test_few_late_journeys_are_trusted_over_the_plain_distribution():
    model = fit(journeys(CN_DE, 50, 10.0))
    now = T0 + timedelta(days=13)
    eta = model.predict(CN_DE, Stage.accepted, T0, now)
    assert eta is not None and eta.basis.endswith(":thin")
    assert eta.samples == 15  # the 13.5, 14 and 14.5-day journeys


def test_missing_stage_uses_an_earlier_one():
    model = fit(journeys(CN_DE, 50, 10.0))
    eta = model.predict(CN_DE, Stage.international, T0, T0, stage_entered_at=T0)
    assert eta is not None and "accepted(for international)" in eta.basis


def test_empty_model_and_delivered():
    assert EtaModel().predict(CN_DE, Stage.accepted, T0, T0) is None
    done = EtaModel().predict(CN_DE, Stage.delivered, T0, T0)
    assert done is not None and done.date == T0


def test_level_widens_the_interval_and_is_validated():
    model = fit(journeys(CN_DE, 50, 10.0))
    narrow = model.predict(CN_DE, Stage.accepted, T0, T0, 0.5, stage_entered_at=T0)
    wide = model.predict(CN_DE, Stage.accepted, T0, T0, 0.95, stage_entered_at=T0)
    assert narrow is not None and wide is not None
    assert wide.latest - wide.earliest > narrow.latest - narrow.earliest
    with pytest.raises(ValueError):
        model.predict(CN_DE, Stage.accepted, T0, T0, 1.0)


def test_rest_days_push_the_date_past_the_weekend():
    model = EtaModel.fit(journeys(CN_DE, 50, 10.0), rest_days=(5, 6), calibrate=False)
    friday_evening = T0 + timedelta(days=4, hours=8)
    eta = model.predict(CN_DE, Stage.last_mile, T0, friday_evening, stage_entered_at=friday_evening)
    assert eta is not None and eta.date.weekday() < 5


def test_round_trip_through_json_is_exact_and_deterministic():
    history = journeys(CN_DE, 60, 10.0) + journeys(US_DE, 40, 6.0)
    model = EtaModel.fit(history, folds=3)
    again = EtaModel.fit(list(reversed(history)), folds=3)
    assert model.to_dict() == again.to_dict()
    restored = EtaModel.from_dict(json.loads(json.dumps(model.to_dict())))
    assert restored == model
    now = T0 + timedelta(days=3)
    assert restored.predict(US_DE, Stage.accepted, T0, now) == model.predict(US_DE, Stage.accepted, T0, now)
    with pytest.raises(ValueError):
        EtaModel.from_dict({"format": "other"})


def test_calibration_never_narrows():
    model = EtaModel.fit(journeys(CN_DE, 100, 10.0), folds=4)
    assert model.spread >= 1.0
