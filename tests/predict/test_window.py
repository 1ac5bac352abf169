import math
import random
from datetime import UTC, date, datetime, timedelta

import pytest

from parceltrail.predict.calibrate import Handoff, IntervalCalibrator
from parceltrail.predict.eta import Eta
from parceltrail.predict.window import WindowState, delivery_window, local_dates, timezone_of

T0 = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)


def estimate(at: datetime, median: float = 7.0, low: float = 3.0, high: float = 12.0) -> Eta:
    return Eta(at + timedelta(days=median), at + timedelta(days=low), at + timedelta(days=high), 0.8,
               "lane:accepted", 40)


def test_local_dates_use_the_destination_time_zone():
    # 01:30 UTC on 7 January is still 6 January in Brazil (UTC-3) and already 7 January in Berlin.
    earliest = datetime(2026, 1, 7, 1, 30, tzinfo=UTC)
    latest = datetime(2026, 1, 9, 23, 30, tzinfo=UTC)
    assert local_dates(earliest, latest, "BR") == local_dates(earliest, latest, "br")
    br = local_dates(earliest, latest, "BR")
    assert (br.first, br.last, br.timezone) == (date(2026, 1, 6), date(2026, 1, 9), "America/Sao_Paulo")
    de = local_dates(earliest, latest, "DE")
    assert (de.first, de.last) == (date(2026, 1, 7), date(2026, 1, 10))
    jp = local_dates(earliest, latest, "JP")
    assert (jp.first, jp.last) == (date(2026, 1, 7), date(2026, 1, 10))


def test_unknown_countries_read_in_utc_and_naive_instants_are_refused():
    assert timezone_of(None) == timezone_of("XX") == "UTC"
    d = local_dates(datetime(2026, 1, 7, 23, tzinfo=UTC), datetime(2026, 1, 8, 1, tzinfo=UTC), "XX")
    assert (d.first, d.last, d.timezone) == (date(2026, 1, 7), date(2026, 1, 8), "UTC")
    with pytest.raises(ValueError):
        local_dates(datetime(2026, 1, 7), datetime(2026, 1, 8), "BR")


def test_on_time_until_the_upper_bound_then_late():
    eta = estimate(T0)
    on_time = delivery_window(eta, T0, T0 + timedelta(days=11), country="BR")
    assert on_time.state is WindowState.on_time and on_time.eta == eta
    assert on_time.dates is not None and on_time.dates.first == date(2026, 1, 8)
    now = T0 + timedelta(days=13)
    late = delivery_window(eta, T0, now, country="BR")
    assert late.state is WindowState.late and late.eta is not None and late.dates is not None
    # Without a calibrator the estimate's own spread is kept, counted from now.
    assert late.eta.earliest == now
    assert late.eta.date == now + timedelta(days=4)
    assert late.eta.latest == now + timedelta(days=9)
    assert late.eta.basis == "lane:accepted:late"
    assert late.dates.first == (now - timedelta(hours=3)).date()


def test_delivered_is_delivered():
    eta = estimate(T0)
    done = delivery_window(eta, T0, T0 + timedelta(days=20), delivered_at=T0 + timedelta(days=14))
    assert (done.state, done.eta, done.dates) == (WindowState.delivered, None, None)
    # A delivery after `now` is not known yet at `now`.
    later = delivery_window(eta, T0, T0 + timedelta(days=13), delivered_at=T0 + timedelta(days=14))
    assert later.state is WindowState.late


def test_late_re_estimate_is_conditional_and_never_in_the_past():
    rng = random.Random(3)
    history = []
    for k in range(1200):
        at = T0 - timedelta(days=90) + timedelta(days=k / 15)
        taken = 7.0 * math.exp(0.5 * rng.gauss(0.0, 1.0))
        history.append(Handoff(at, 7.0, 3.7, 13.3, at + timedelta(days=taken)))
    calibrator = IntervalCalibrator.fit(history, T0)
    assert calibrator.fitted
    eta = estimate(T0, 7.0, 3.7, 13.3)
    previous = None
    for days in (14, 16, 20, 30, 60, 365):
        now = T0 + timedelta(days=days)
        w = delivery_window(eta, T0, now, calibrator, country="US")
        assert w.state is WindowState.late and w.eta is not None and w.dates is not None
        assert now <= w.eta.earliest <= w.eta.date <= w.eta.latest
        assert w.dates.first >= (now - timedelta(hours=5)).date()  # New York, winter
        if previous is not None:
            assert w.eta.date >= previous
        previous = w.eta.date
