"""Deterministic parcel journeys: a pure function of (family, serial, epoch); no I/O, no state.

The whole door-to-door journey is built from a RNG seeded by (family, serial), so the main leg and the
last-mile leg (same serial, scenario 9X) always agree. Callers filter events by `clock.now()`.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from parceltrail.adapters.sandbox.codes import EXPECTED_SUBTAG
from parceltrail.adapters.sandbox.places import (
    ORIGIN_HUBS,
    Destination,
    OriginHub,
    Place,
    destination_for_serial,
)
from parceltrail.adapters.sandbox.scenarios import Leg, Scenario, identify, is_demo_serial, make_number
from parceltrail.adapters.sandbox.texts import render
from parceltrail.status.taxonomy import Subtag, Tag

MAIN_CARRIER_NAME = "ParcelTrail Sandbox Express"
DEMO_MAX_AGE = timedelta(days=12)  # demo parcels start up to this long before the epoch
TEST_MAX_OFFSET = timedelta(hours=6)  # test parcels start up to this long after the epoch


@dataclass(frozen=True, slots=True)
class SandboxEvent:
    occurred_at: datetime  # aware, in the local offset of `city`
    text: str
    code: str
    location: str
    country: str
    city: str
    latitude: float
    longitude: float
    lang: str
    expected_subtag: Subtag  # what a correct classifier should say; never sent over HTTP

    @property
    def expected_tag(self) -> Tag:
        return self.expected_subtag.tag


@dataclass(frozen=True, slots=True)
class Journey:
    number: str
    family: Scenario
    serial: int
    leg: Leg
    carrier_name: str
    origin_country: str
    destination_country: str
    active_from: datetime  # before this the carrier answers "not found"
    events: tuple[SandboxEvent, ...]  # oldest first, future ones included
    next_leg: str | None = None  # last-mile number, once handed over
    handover_at: datetime | None = None
    demo: bool = False

    def found(self, now: datetime) -> bool:
        return now >= self.active_from

    def visible_events(self, now: datetime) -> list[SandboxEvent]:
        return [e for e in self.events if e.occurred_at <= now] if self.found(now) else []

    def visible_next_leg(self, now: datetime) -> str | None:
        if self.next_leg is None or self.handover_at is None or now < self.handover_at:
            return None
        return self.next_leg


@dataclass
class _Builder:
    """Walks the route, advancing time by realistic random gaps and recording events."""

    rng: random.Random
    t: datetime
    hub: OriginHub
    dest: Destination
    city: Place  # last-mile delivery city
    next_number: str
    events: list[tuple[Leg, SandboxEvent]] = field(default_factory=list)
    leg: Leg = Leg.MAIN

    def wait(self, lo_hours: float, hi_hours: float) -> None:
        self.t += timedelta(minutes=self.rng.randint(int(lo_hours * 60), int(hi_hours * 60)))

    def within_hours(self, zone: ZoneInfo, lo: int, hi: int) -> None:
        """Move to the next local working window [lo, hi) if outside it (couriers do not drive at 3 am)."""
        local = self.t.astimezone(zone)
        if lo <= local.hour < hi:
            return
        day = local.date() if local.hour < lo else local.date() + timedelta(days=1)
        start = datetime(day.year, day.month, day.day, lo, tzinfo=zone)
        self.t = start + timedelta(minutes=self.rng.randint(0, (hi - lo) * 30))

    def add(self, code: str, place: Place, locale: str, location: str | None = None) -> None:
        airport = self.hub.airport
        fields = {
            "city": place.local_name,
            "facility": self.hub.facility,
            "airport": airport.local_name if locale == "zh" else airport.city,
            "country_name": self.dest.country_name,
            "carrier": self.dest.last_mile_carrier,
            "next_number": self.next_number,
        }
        self.t = self.t.replace(second=self.rng.randint(0, 59), microsecond=0)
        text, specific = render(code, locale, self.rng.randrange(1 << 16), **fields)
        event = SandboxEvent(
            occurred_at=self.t.astimezone(place.zone),
            text=text,
            code=code,
            location=location or place.label,
            country=place.country,
            city=place.city,
            latitude=place.latitude,
            longitude=place.longitude,
            lang=locale,
            expected_subtag=Subtag(specific) if specific else EXPECTED_SUBTAG[code],
        )
        self.events.append((self.leg, event))


def _seed(family: Scenario, serial: int) -> int:
    digest = hashlib.sha256(f"parceltrail-sandbox:{int(family)}:{serial}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _intl(place: Place) -> str:
    return f"{place.city.upper()}, {place.country}"


def _build(family: Scenario, serial: int, epoch: datetime, demo: bool) -> tuple[_Builder, datetime]:
    """Build the full journey; returns the builder (events by leg) and when the carrier first knows it."""
    rng = random.Random(_seed(family, serial))
    dest = destination_for_serial(serial)
    hub = ORIGIN_HUBS[rng.randrange(len(ORIGIN_HUBS))]
    city = dest.cities[rng.randrange(len(dest.cities))]
    if demo:
        start = epoch - timedelta(minutes=rng.randint(0, int(DEMO_MAX_AGE.total_seconds() // 60)))
    else:
        start = epoch + timedelta(minutes=rng.randint(0, int(TEST_MAX_OFFSET.total_seconds() // 60)))
    # A normal label exists from the start (the carrier knows the number, no scan yet); scenario 06 is
    # unknown to the carrier until its first event, 24-48 h later.
    known_from = min(epoch, start)
    if family is Scenario.NOT_YET_ACTIVE:
        start += timedelta(minutes=rng.randint(24 * 60, 48 * 60))
        known_from = start
    b = _Builder(rng, start, hub, dest, city, make_number(family, serial, Leg.LAST_MILE))
    origin, airport, gateway = hub.place, hub.airport, dest.gateway

    if family is Scenario.UNREGISTERED:
        b.add("ACC", origin, "zh")  # the only scan this parcel will ever get
        return b, known_from

    b.add("INF", origin, "zh")
    if family is Scenario.NOT_YET_ACTIVE:
        known_from = b.events[0][1].occurred_at  # exactly when the first scan appears
    b.wait(6, 30)
    b.within_hours(origin.zone, 8, 20)
    b.add("ACC", origin, "zh")
    b.wait(3, 10)
    b.add("SRT", origin, "zh", hub.facility)
    b.wait(4, 12)
    b.add("SDP", origin, "zh", hub.facility)
    b.wait(36, 72)
    b.add("EXC", airport, "zh", f"{airport.local_name}海关")
    b.wait(24, 60)
    b.add("DEP", airport, "en", _intl(airport))
    if family is Scenario.LOST and serial % 2 == 1:
        return b, known_from
    b.wait(14, 30)
    b.add("ARR", gateway, "en", _intl(gateway))
    if family is Scenario.LOST:
        return b, known_from
    b.wait(4, 24)
    b.add("IMC", gateway, "en", _intl(gateway))

    if family is Scenario.RETURNED and serial % 2 == 0:  # customs refuses entry; back to China
        b.wait(24, 72)
        b.add("CRJ", gateway, "en", _intl(gateway))
        b.wait(24, 72)
        b.add("RTC", gateway, "en", _intl(gateway))
        _return_to_origin(b)
        return b, known_from

    if family is Scenario.CUSTOMS_HOLD:
        b.wait(6, 30)
        b.add("HLD", gateway, "en", _intl(gateway))
        b.wait(7 * 24, 10 * 24)  # the long silence
    else:
        b.wait(48, 108)
    b.add("REL", gateway, "en", _intl(gateway))
    b.wait(4, 24)
    b.add("HND", gateway, "en", _intl(gateway))

    b.leg = Leg.LAST_MILE
    locale, zone = dest.locale, city.zone
    b.wait(10, 28)
    b.add("TRF", gateway, locale)
    b.wait(24, 54)
    b.add("ARD", city, locale)
    b.wait(8, 20)
    b.within_hours(zone, 7, 11)
    b.add("OFD", city, locale)

    if family is Scenario.PICKUP_POINT:
        attempts = 1 if serial % 2 else 2  # failed attempts: odd serials 1, even serials 2
        for i in range(attempts):
            if i:
                b.wait(16, 30)
                b.within_hours(zone, 7, 11)
                b.add("OFD", city, locale)
            b.wait(2, 8)
            b.add("ATT", city, locale)
        b.wait(4, 24)
        b.within_hours(zone, 9, 18)
        b.add("PUP", city, locale)
        b.wait(24, 120)
        b.within_hours(zone, 9, 19)
        b.add("PKD", city, locale)
    elif family is Scenario.RETURNED:
        b.wait(1, 6)
        b.add("RFS", city, locale)
        b.wait(12, 48)
        b.add("RTS", city, locale)
        _return_to_origin(b)
    else:
        b.wait(1, 7)
        b.add("DLV", city, locale)
    return b, known_from


def _return_to_origin(b: _Builder) -> None:
    b.wait(48, 120)
    b.add("RDP", b.dest.gateway, "en", _intl(b.dest.gateway))
    b.wait(5 * 24, 12 * 24)
    b.within_hours(b.hub.place.zone, 9, 18)
    b.add("RTD", b.hub.place, "en", _intl(b.hub.place))


def build_journey(
    family: Scenario | int,
    serial: int,
    epoch: datetime,
    *,
    leg: Leg = Leg.MAIN,
    demo: bool = False,
    number: str | None = None,
) -> Journey | None:
    """The journey of one leg of parcel (family, serial); None if that leg does not exist.

    `number` is what the caller asked for (a demo number may be any carrier's); default: the sandbox number.
    """
    if epoch.tzinfo is None:
        raise ValueError("epoch must be timezone-aware")
    family = Scenario(family)
    b, known_from = _build(family, serial, epoch, demo)
    main = tuple(e for lg, e in b.events if lg is Leg.MAIN)
    last_mile = tuple(e for lg, e in b.events if lg is Leg.LAST_MILE)
    handover = next((e.occurred_at for e in main if e.code == "HND"), None)
    common = {
        "family": family,
        "serial": serial,
        "origin_country": b.hub.place.country,
        "destination_country": b.dest.country,
        "demo": demo,
    }
    if leg is Leg.MAIN:
        return Journey(
            number=number or make_number(family, serial),
            leg=leg,
            carrier_name=MAIN_CARRIER_NAME,
            active_from=known_from,
            events=main,
            next_leg=b.next_number if handover else None,
            handover_at=handover,
            **common,
        )
    if handover is None:
        return None  # no handover in this journey: the last-mile number never exists
    return Journey(
        number=number or b.next_number,
        leg=leg,
        carrier_name=b.dest.last_mile_carrier,
        active_from=handover,  # the local carrier learns the number at the handover
        events=last_mile,
        **common,
    )


def journey(number: str, epoch: datetime, *, demo: bool) -> Journey | None:
    """The journey a sandbox (or, in demo mode, any valid) number names, or None if it names none.

    `demo` only decides which numbers are answered; when a journey starts depends on the number alone
    (a demo parcel's serial or a test number's), so a demo server and a CLI's embedded sandbox sharing
    one timeline tell the same events for the same number."""
    ref = identify(number, demo=demo)
    if ref is None:
        return None
    return build_journey(ref.family, ref.serial, epoch, leg=ref.leg, demo=is_demo_serial(ref.serial),
                         number=number)


def expected_statuses(events: Sequence[SandboxEvent]) -> list[tuple[str, str]]:
    """(tag, subtag) per event, as plain strings, for comparing with a classifier's output."""
    return [(str(e.expected_tag), str(e.expected_subtag)) for e in events]
