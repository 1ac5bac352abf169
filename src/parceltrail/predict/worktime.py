"""Durations counted on working days only: carriers rarely move parcels on their rest days.

Days are the local days of each datetime's own offset (the carrier's local time).

Both functions walk day by day, but jump whole weeks where the walk would only add or subtract a full
week of working days: every 7 consecutive days hold each weekday once, so a week always counts the same
working seconds. The jumps change no result, to the last bit: they are taken only where every step they
replace is exact integer arithmetic on floats below 2**53 (whole seconds, see each function), so doing
the same sum in one step rounds nowhere either. Model fits call these for every delivered journey,
which made the day-by-day walk the fits' main cost.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta

_DAY = 86400.0
_WEEK = timedelta(days=7)
_EXACT = 2.0**53  # below this every whole number of seconds is a float, and sums of them are exact


def _next_midnight(t: datetime) -> datetime:
    return (t + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)


def _week_seconds(rest_days: Collection[int]) -> float:
    return _DAY * sum(1 for day in range(7) if day not in rest_days)


def working_hours(start: datetime, end: datetime, rest_days: Collection[int]) -> float:
    """Hours between start and end that fall on working days (weekday() not in rest_days)."""
    if not rest_days:
        return (end - start).total_seconds() / 3600
    sign = 1.0
    if end < start:
        start, end, sign = end, start, -1.0
    total = 0.0
    t = start
    # Whole weeks are added in one step when the running total is a whole number of seconds (the start
    # has none of a second's fractions) and both ends share one tzinfo, so comparing and subtracting
    # them is plain wall-clock arithmetic, as in the day-by-day walk.
    jump = start.microsecond == 0 and start.tzinfo is end.tzinfo
    while t < end:
        nxt = min(end, _next_midnight(t))
        if t.weekday() not in rest_days:
            total += (nxt - t).total_seconds()
        t = nxt
        if jump:
            jump = False  # `t` is a midnight from here on
            week = _week_seconds(rest_days)
            while t + _WEEK <= end and total + week < _EXACT:
                total += week
                t += _WEEK
    return sign * total / 3600


def add_working_hours(start: datetime, hours: float, rest_days: Collection[int]) -> datetime:
    """The instant `hours` working hours after start (rest days skipped); negative hours go back."""
    if not rest_days or len(rest_days) >= 7:
        return start + timedelta(hours=hours)
    if hours < 0:
        return start + timedelta(hours=hours)  # only used for earliest bounds before now: keep simple
    left = hours * 3600
    t = start
    week = 0.0
    while True:
        nxt = _next_midnight(t)
        if t.weekday() not in rest_days:
            span = (nxt - t).total_seconds()
            if left <= span:
                return t + timedelta(seconds=left)
            left -= span
        t = nxt
        # From a midnight, more than a week's working seconds left means the next 7 days are all
        # passed: subtracting the week at once is exact (a whole number from a float below 2**53 that
        # exceeds it), as each daily subtraction it replaces is.
        if week == 0.0:
            week = _week_seconds(rest_days)
        while week > 0 and week < left < _EXACT:
            left -= week
            t += _WEEK
