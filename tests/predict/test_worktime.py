"""Working-time arithmetic: the week jumps give the very floats and instants of the day-by-day walk."""

from __future__ import annotations

import random
from collections.abc import Collection
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from parceltrail.predict.worktime import add_working_hours, working_hours

BRT = timezone(timedelta(hours=-3))
BERLIN = ZoneInfo("Europe/Berlin")  # its DST days are 23 and 25 hours long in absolute time
REST_DAYS: list[tuple[int, ...]] = [(6,), (5, 6), (0, 2, 4), (1, 2, 3, 4, 5, 6), ()]


def _midnight(t: datetime) -> datetime:
    return (t + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)


def walk_hours(start: datetime, end: datetime, rest_days: Collection[int]) -> float:
    """The definition: every day visited in turn, its working seconds added."""
    if not rest_days:
        return (end - start).total_seconds() / 3600
    sign = 1.0
    if end < start:
        start, end, sign = end, start, -1.0
    total, t = 0.0, start
    while t < end:
        nxt = min(end, _midnight(t))
        if t.weekday() not in rest_days:
            total += (nxt - t).total_seconds()
        t = nxt
    return sign * total / 3600


def walk_add(start: datetime, hours: float, rest_days: Collection[int]) -> datetime:
    """The definition: the working seconds left are spent day by day."""
    if not rest_days or len(rest_days) >= 7 or hours < 0:
        return start + timedelta(hours=hours)
    left, t = hours * 3600, start
    while True:
        nxt = _midnight(t)
        if t.weekday() not in rest_days:
            span = (nxt - t).total_seconds()
            if left <= span:
                return t + timedelta(seconds=left)
            left -= span
        t = nxt


def _instant(rng: random.Random, zone: timezone | ZoneInfo, fractions: bool) -> datetime:
    t = datetime(2017, 1, 1, tzinfo=zone) + timedelta(seconds=rng.randrange(0, 3 * 365 * 86400))
    if fractions and rng.random() < 0.5:
        t += timedelta(microseconds=rng.randrange(1, 1_000_000))
    if rng.random() < 0.1:
        t = t.replace(hour=0, minute=0, second=0, microsecond=0)  # exactly at a midnight
    return t


@pytest.mark.parametrize("zone", [BRT, UTC, BERLIN], ids=["fixed", "utc", "dst"])
@pytest.mark.parametrize("fractions", [False, True], ids=["seconds", "microseconds"])
def test_working_hours_equal_the_walk(zone: timezone | ZoneInfo, fractions: bool) -> None:
    rng = random.Random(7)
    for _ in range(300):
        rest = rng.choice(REST_DAYS)
        start = _instant(rng, zone, fractions)
        end = start + timedelta(seconds=rng.randrange(0, 60 * 86400), microseconds=rng.randrange(0, 1000))
        if rng.random() < 0.2:
            end = end.astimezone(UTC)  # another tzinfo: the walk compares absolute instants then
        if rng.random() < 0.3:
            start, end = end, start
        got, want = working_hours(start, end, rest), walk_hours(start, end, rest)
        assert got == want, (start, end, rest, got, want)


@pytest.mark.parametrize("zone", [BRT, UTC, BERLIN], ids=["fixed", "utc", "dst"])
@pytest.mark.parametrize("fractions", [False, True], ids=["seconds", "microseconds"])
def test_add_working_hours_equal_the_walk(zone: timezone | ZoneInfo, fractions: bool) -> None:
    rng = random.Random(11)
    for _ in range(300):
        rest = rng.choice(REST_DAYS[:-1])
        start = _instant(rng, zone, fractions)
        hours = rng.choice([rng.uniform(0, 24 * 90), float(rng.randrange(0, 24 * 60)), rng.uniform(0, 30)])
        got, want = add_working_hours(start, hours, rest), walk_add(start, hours, rest)
        assert got == want and got.tzinfo is want.tzinfo, (start, hours, rest, got, want)


def test_a_week_of_working_days_per_calendar_week() -> None:
    monday = datetime(2017, 10, 2, 9, 30, tzinfo=BRT)
    assert working_hours(monday, monday + timedelta(days=21), (5, 6)) == 3 * 5 * 24
    assert add_working_hours(monday, 3 * 5 * 24, (5, 6)) == monday + timedelta(days=21)
    # Friday 18:00 plus 12 working hours skips the weekend: Monday 06:00.
    friday = datetime(2017, 10, 6, 18, 0, tzinfo=BRT)
    assert add_working_hours(friday, 12, (5, 6)) == datetime(2017, 10, 9, 6, 0, tzinfo=BRT)
    # Exactly a working week from a Monday midnight ends when Friday does, not on the next Monday.
    midnight = datetime(2017, 10, 2, tzinfo=BRT)
    for rest in [(5, 6), (6,)]:
        week = 24.0 * (7 - len(rest))
        assert add_working_hours(midnight, week, rest) == walk_add(midnight, week, rest)
        assert add_working_hours(midnight, 2 * week, rest) == walk_add(midnight, 2 * week, rest)
    assert add_working_hours(midnight, 5 * 24, (5, 6)) == datetime(2017, 10, 7, tzinfo=BRT)
    # From a Friday midnight: Friday, then a whole working week from the Saturday, ends on Saturday.
    friday_midnight = datetime(2017, 10, 6, tzinfo=BRT)
    assert add_working_hours(friday_midnight, 6 * 24, (5, 6)) == datetime(2017, 10, 14, tzinfo=BRT)
