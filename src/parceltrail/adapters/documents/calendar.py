"""iCalendar (RFC 5545) documents of calendar feeds, written with the `icalendar` package."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

PRODID = "-//parceltrail//calendar feed//EN"


@dataclass(frozen=True, slots=True)
class AllDayEvent:
    uid: str
    summary: str
    description: str
    first_day: date
    last_day: date  # inclusive
    last_modified: datetime
    url: str | None = None


def render_ics(name: str, events: Sequence[AllDayEvent], now: datetime, *, refresh_hours: int = 1) -> bytes:
    """A VCALENDAR of all-day, free-time (TRANSP:TRANSPARENT) events; DTEND is the day after the last."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", timedelta(hours=refresh_hours), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", timedelta(hours=refresh_hours))
    stamp = now.astimezone(UTC)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("last-modified", item.last_modified.astimezone(UTC))
        event.add("summary", item.summary)
        event.add("description", item.description)
        event.add("dtstart", item.first_day)
        event.add("dtend", item.last_day + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        if item.url:
            event.add("url", item.url)
        calendar.add_component(event)
    return calendar.to_ical()
