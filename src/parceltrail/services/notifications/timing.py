"""When a notification may go out: quiet hours hold it until they end (never drop it), digests wait for
the subscriber's digest hour; all in the subscriber's time zone."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from parceltrail.domain.errors import InputError


class InvalidScheduleError(InputError):
    code = "invalid_schedule"


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidScheduleError(f"unknown time zone {name[:64]!r} (use an IANA name like Europe/Paris)") \
            from None


def parse_hhmm(value: str) -> time:
    hours, sep, minutes = value.strip().partition(":")
    if not sep or not hours.isdigit() or not minutes.isdigit() or len(minutes) != 2 \
            or not 0 <= int(hours) <= 23 or not 0 <= int(minutes) <= 59:
        raise InvalidScheduleError(f"{value[:20]!r} is not a time of day HH:MM")
    return time(int(hours), int(minutes))


def release_time(when: datetime, tz: str, quiet_start: str | None, quiet_end: str | None) -> datetime:
    """`when`, or the end of the quiet hours when `when` falls inside them (they may span midnight)."""
    if not quiet_start or not quiet_end:
        return when
    start, end = parse_hhmm(quiet_start), parse_hhmm(quiet_end)
    if start == end:
        return when
    local = when.astimezone(zone(tz))
    now_t = local.time().replace(tzinfo=None)
    inside = start <= now_t < end if start < end else (now_t >= start or now_t < end)
    if not inside:
        return when
    end_day = local.date()
    if start > end and now_t >= start:  # spans midnight: the quiet hours end tomorrow
        end_day += timedelta(days=1)
    release = datetime.combine(end_day, end, tzinfo=local.tzinfo)
    return release.astimezone(UTC)


def next_digest_time(when: datetime, tz: str, hour: int) -> datetime:
    """The next `hour`:00 local time strictly after `when`."""
    local = when.astimezone(zone(tz))
    candidate = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    if candidate <= local:
        candidate = datetime.combine(local.date() + timedelta(days=1), time(hour), tzinfo=local.tzinfo)
    return candidate.astimezone(UTC)
