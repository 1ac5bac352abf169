"""Estimates as the recipient reads them, and the estimate each parcel was given.

- `destination_zone(country, preferred)` is the time zone whose calendar the recipient lives by: the
  destination country's zone (Babel's CLDR `territory_zones`), the user's own zone when the country has
  several and it is one of them, else the zone most of that country lives in.
- `window_of(eta, country)` turns an `Eta` (instants) into a `Window`: the local days of its interval.
- `record_start(uow, timeline, models, now)` keeps the prediction a parcel was given at its start (its
  first event), once: the interval calibrator learns from those (`services.outlook.eta.fit_calibrator`).
- `observe(uow, timeline, models, now)` computes the current estimate of a parcel in flight and records
  it (`shipment_estimates`): the first one is kept for on-time rates, the current one for moved-estimate
  and late notices and the calendar feed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.core import get_global

from parceltrail.domain.calendar import StoredEstimate, Window
from parceltrail.domain.shipment import Timeline
from parceltrail.domain.zones import main_zone
from parceltrail.predict import Eta
from parceltrail.services.outlook.eta import Models, eta_for, in_flight, lane_of, position_of, start_handoff
from parceltrail.services.ports import UnitOfWork


@cache
def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def country_zones(country: str | None) -> list[str]:
    if not country:
        return []
    zones: dict[str, list[str]] = get_global("territory_zones")
    return [z for z in zones.get(country.strip().upper(), []) if _zone(z) is not None]


def destination_zone(country: str | None, preferred: str | None = None) -> ZoneInfo:
    """The zone of the destination's calendar (UTC when the country is unknown: never the server's)."""
    zones = country_zones(country)
    if preferred and preferred in zones:
        return _zone(preferred) or ZoneInfo("UTC")
    if len(zones) == 1:
        return _zone(zones[0]) or ZoneInfo("UTC")
    main = main_zone(country)
    if main and _zone(main) is not None:
        return _zone(main) or ZoneInfo("UTC")
    if zones:
        return _zone(sorted(zones)[0]) or ZoneInfo("UTC")
    if not country and preferred and _zone(preferred) is not None:
        return _zone(preferred) or ZoneInfo("UTC")
    return ZoneInfo("UTC")


def local_day(instant: datetime, zone: ZoneInfo) -> date:
    return instant.astimezone(zone).date()


def today_in(zone: ZoneInfo | str, now: datetime) -> date:
    tz = zone if isinstance(zone, ZoneInfo) else (_zone(zone) or ZoneInfo("UTC"))
    return now.astimezone(tz).date()


def window_of(eta: Eta, country: str | None, preferred: str | None = None) -> Window:
    zone = destination_zone(country, preferred)
    return Window(zone.key, eta.date.astimezone(UTC), eta.earliest.astimezone(UTC),
                  eta.latest.astimezone(UTC),
                  local_day(eta.earliest, zone), local_day(eta.date, zone), local_day(eta.latest, zone))


def destination_of(timeline: Timeline) -> str | None:
    legs = timeline.legs or [timeline.shipment]
    return lane_of(legs[0], legs[-1]).destination


def current_window(timeline: Timeline, models: Models, now: datetime,
                   preferred: str | None = None) -> Window | None:
    """The parcel's estimate now, in its destination's calendar; None when it is not in flight."""
    eta = eta_for(timeline, models, now)
    if eta is None:
        return None
    return window_of(eta, destination_of(timeline), preferred)


def observe(uow: UnitOfWork, timeline: Timeline, models: Models,
            now: datetime) -> tuple[StoredEstimate | None, StoredEstimate | None]:
    """Compute and record the parcel's current estimate, in the caller's transaction: (what was stored
    before, what is stored now); (previous, None) when the parcel is not in flight (nothing recorded)."""
    shipment_id = timeline.shipment.id
    if shipment_id is None:
        return None, None
    previous = uow.estimates.get(shipment_id)
    return previous, record(uow, timeline, models, now, previous)


def record(uow: UnitOfWork, timeline: Timeline, models: Models, now: datetime,
           previous: StoredEstimate | None) -> StoredEstimate | None:
    """`observe` with what is stored already known (`previous`); written only when the window's days
    moved (or nothing was stored), since the days are what recipients, notices and calendars read."""
    shipment_id = timeline.shipment.id
    window = current_window(timeline, models, now)
    if shipment_id is None or window is None:
        return None
    if previous is not None and window.same_days(previous):
        return previous
    return uow.estimates.save(shipment_id, window, now, previous)


def record_start(uow: UnitOfWork, timeline: Timeline, models: Models, now: datetime) -> bool:
    """Record, once per parcel (its first leg), what the ETA model predicts at its start: the median and
    interval the calibrator will compare its delivery with. Only for a parcel in flight with events (the
    start is its first event); True when recorded by this call."""
    legs = timeline.legs or [timeline.shipment]
    first_id = legs[0].id
    if first_id is None or not timeline.events or not in_flight(timeline.shipment):
        return False
    started = position_of(timeline, now).started_at
    handoff, eta = start_handoff(models, lane_of(legs[0], legs[-1]), started)
    return uow.estimates.record_handoff(first_id, handoff, eta.level, eta.basis, now)
