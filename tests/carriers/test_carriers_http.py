from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from parceltrail.adapters.carriers.http import (
    MalformedResponseError,
    RequestPacer,
    parse_offset,
    parse_time,
    retry_after_seconds,
)
from parceltrail.clock import ManualClock


def test_retry_after_seconds_and_http_date() -> None:
    clock = ManualClock(datetime(2026, 1, 8, 12, 0, tzinfo=UTC))
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("Thu, 08 Jan 2026 12:01:30 GMT", clock) == 90.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


def test_offsets_and_times() -> None:
    assert parse_offset("+08:00", "t") == timezone(timedelta(hours=8))
    assert parse_offset("-0530", "t") == timezone(-timedelta(hours=5, minutes=30))
    assert parse_offset("Z", "t") == UTC
    when = parse_time("2026-01-06T10:23:00", "t", "-05:00")
    assert when.utcoffset() == timedelta(hours=-5)
    with pytest.raises(MalformedResponseError):
        parse_time("2026-01-06T10:23:00", "t")  # no offset anywhere
    with pytest.raises(MalformedResponseError):
        parse_offset("+99:00", "t")


def test_rate_limiter_waits_briefly_then_refuses() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)

    limiter = RequestPacer(5.0, max_wait=6.0, monotonic=lambda: now[0], sleep=sleep)
    assert limiter.acquire() is None  # first request goes at once
    assert limiter.acquire() is None  # second waits 5 s (within max_wait)
    assert slept == [5.0]
    wait = limiter.acquire()  # third would wait 10 s: refused with the wait
    assert wait == pytest.approx(10.0)
    failure = limiter.rate_limited("X")
    assert failure is not None and failure.retry_after_seconds == pytest.approx(10.0)
    now[0] += 60
    assert limiter.acquire() is None
