"""A user's calendar feed: a secret URL (`/calendar/<token>.ics`) listing the parcels they expect as
all-day events spanning the estimate window, in the destination's calendar.

- `create_feed` makes a new secret (rotating: any earlier one stops working) and returns it once; only its
  SHA-256 is stored. `revoke_feed` ends it.
- `feed_entries(store, token, models, now)` answers what the feed lists: the user's account trackings and
  the packages of the orders they bought, while they are in flight and followed by a connector (no event
  for delivered, returned, expired or unfollowed parcels). Each parcel keeps one UID, so calendar apps
  move the event as the estimate moves; `last_modified` is when the window's days last moved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from parceltrail.domain.calendar import CalendarFeed, hash_token, new_token
from parceltrail.domain.errors import InputError
from parceltrail.domain.orders import User
from parceltrail.domain.shipment import Timeline
from parceltrail.services.outlook.estimates import current_window, today_in
from parceltrail.services.outlook.eta import Models, in_flight
from parceltrail.services.ports import Store

MAX_TOKEN_LENGTH = 128


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    uid: str
    shipment_id: int
    tracking_number: str
    carrier: str
    label: str | None  # the tracking's title or the order's reference
    first_day: date
    last_day: date  # inclusive
    expected_day: date
    timezone: str
    late: bool  # today is past the first window's last day: "late, expected by <last_day>"
    was_due: date | None
    last_modified: datetime
    tag: str


@dataclass(frozen=True, slots=True)
class Feed:
    feed: CalendarFeed
    entries: list[CalendarEntry]


def _check_zone(timezone: str | None) -> str | None:
    if timezone is None or not timezone.strip():
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = timezone.strip()
    try:
        if len(name) > 64 or ".." in name or name.startswith("/"):
            raise ValueError(name)
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(f"time zone {name[:64]!r} is not an IANA zone such as Europe/Berlin") from None
    return name


def create_feed(store: Store, user: User, now: datetime, *, timezone: str | None = None,
                language: str | None = None) -> tuple[CalendarFeed, str]:
    """A new feed for `user` (any earlier one is revoked): the feed and its secret token, shown once."""
    zone = _check_zone(timezone)
    lang = (language or "").strip()[:16] or None
    token, prefix, digest = new_token()
    with store.transaction() as uow:
        uow.calendars.revoke_feeds(user.id, now)
        feed = uow.calendars.add_feed(user.id, digest, prefix, now, timezone=zone, language=lang)
    return feed, token


def revoke_feed(store: Store, user: User, now: datetime) -> bool:
    """End the user's feed; False when they had none."""
    with store.transaction() as uow:
        return uow.calendars.revoke_feeds(user.id, now) > 0


def active_feed(store: Store, user: User) -> CalendarFeed | None:
    with store.read() as uow:
        return uow.calendars.active_feed(user.id)


def feed_entries(store: Store, token: str, models: Models, now: datetime) -> Feed | None:
    """The feed behind `token` with its events, or None when no active feed has that token."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    with store.read() as uow:
        feed = uow.calendars.feed_by_hash(hash_token(token))
        if feed is None:
            return None
        user = uow.orders.user(feed.user_id)
        if user is None:
            return None
        parcels = uow.calendars.feed_shipments(user.id, user.account_id)
        shipments = uow.shipments.get_many([sid for sid, _ in parcels])
        timelines: list[tuple[Timeline, str | None]] = []
        for shipment_id, label in parcels:
            shipment = shipments.get(shipment_id)
            if shipment is None or not in_flight(shipment):
                continue
            legs = uow.shipments.chain(shipment)
            events = uow.shipments.events([leg.id for leg in legs if leg.id is not None])
            timelines.append((Timeline(shipment, events, legs), label))
        stored = uow.estimates.get_many([t.shipment.id for t, _ in timelines if t.shipment.id is not None])
    entries = []
    for timeline, label in timelines:
        shipment = timeline.shipment
        assert shipment.id is not None
        window = current_window(timeline, models, now, feed.timezone)
        if window is None:
            continue
        record = stored.get(shipment.id)
        # the days moved since the engine last recorded them (time passing alone moves an estimate)
        last_modified = record.changed_at if record is not None and window.same_days(record) else now
        was_due = record.first_last_day if record is not None else None
        late = was_due is not None and today_in(window.timezone, now) > was_due
        entries.append(CalendarEntry(
            uid=f"parcel-{shipment.id}@parceltrail", shipment_id=shipment.id,
            tracking_number=shipment.tracking_number, carrier=shipment.carrier, label=label,
            first_day=window.first_day, last_day=window.last_day, expected_day=window.expected_day,
            timezone=window.timezone, late=late, was_due=was_due if late else None,
            last_modified=min(last_modified, now), tag=shipment.tag))
    entries.sort(key=lambda e: (e.first_day, e.shipment_id))
    return Feed(feed, entries)


def end_exclusive(day: date) -> date:
    """iCalendar's DTEND of an all-day event is the day after its last day."""
    return day + timedelta(days=1)
