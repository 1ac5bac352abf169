"""Estimates as the recipient reads them, and the estimate each parcel was given.

- `destination_zone(country, preferred)` is the time zone whose calendar the recipient lives by: the
  destination country's zone (Babel's CLDR `territory_zones`), the user's own zone when the country has
  several and it is one of them, else the zone most of that country lives in.
- `window_of(eta, country)` turns an `Eta` (instants) into a `Window`: the local days of its interval.
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
from parceltrail.predict import Eta
from parceltrail.services.outlook.eta import Models, eta_for, lane_of
from parceltrail.services.ports import UnitOfWork

# Countries spanning several zones: the one most of the population lives in.
MAIN_ZONES = {
    "AR": "America/Argentina/Buenos_Aires", "AU": "Australia/Sydney", "BR": "America/Sao_Paulo",
    "CA": "America/Toronto", "CD": "Africa/Kinshasa", "CL": "America/Santiago", "CN": "Asia/Shanghai",
    "EC": "America/Guayaquil", "ES": "Europe/Madrid", "FM": "Pacific/Pohnpei", "GL": "America/Nuuk",
    "ID": "Asia/Jakarta", "KI": "Pacific/Tarawa", "KZ": "Asia/Almaty", "MN": "Asia/Ulaanbaatar",
    "MX": "America/Mexico_City", "MY": "Asia/Kuala_Lumpur", "NZ": "Pacific/Auckland", "PF": "Pacific/Tahiti",
    "PG": "Pacific/Port_Moresby", "PT": "Europe/Lisbon", "RU": "Europe/Moscow", "UA": "Europe/Kyiv",
    "UM": "Pacific/Wake", "US": "America/New_York", "UZ": "Asia/Tashkent", "DE": "Europe/Berlin",
    "CY": "Asia/Nicosia", "MH": "Pacific/Majuro", "PS": "Asia/Gaza", "FR": "Europe/Paris",
    "GB": "Europe/London", "NL": "Europe/Amsterdam", "IT": "Europe/Rome", "JP": "Asia/Tokyo",
    "KR": "Asia/Seoul", "IN": "Asia/Kolkata", "HK": "Asia/Hong_Kong", "SG": "Asia/Singapore",
    "PL": "Europe/Warsaw", "TR": "Europe/Istanbul",
}


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
    main = MAIN_ZONES.get((country or "").strip().upper())
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
