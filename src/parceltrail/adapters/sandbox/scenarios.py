"""Sandbox scenarios, number layout and the fixed test numbers.

A sandbox number is `PTS` + 2-digit scenario + 8-digit serial + Luhn check digit (built by
`parceltrail.numbers.sandbox_number`). Scenarios 01..07 are journey families; 9X is the last-mile leg of
family X, under the same serial. A serial's destination is fixed: serials 1..7 go to BR, ES, RU, FR, DE,
US, GB and the cycle repeats, so `serial = position + 1 + 7 * k`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from parceltrail.adapters.sandbox.places import DESTINATIONS
from parceltrail.numbers import detect, sandbox_number

CARRIER_SLUG = "parceltrail-sandbox"
LAST_MILE_PREFIX = 90  # scenario code of a last-mile leg = 90 + family


class Scenario(IntEnum):
    DELIVERED = 1
    CUSTOMS_HOLD = 2
    LOST = 3
    RETURNED = 4
    UNREGISTERED = 5
    NOT_YET_ACTIVE = 6
    PICKUP_POINT = 7


class Leg(StrEnum):
    MAIN = "main"  # the consolidator's number, origin to handover
    LAST_MILE = "last_mile"  # the local carrier's number, handover to the end


SCENARIOS: dict[str, str] = {
    "delivered": "Accepted in China, flown out, cleared, handed to a last-mile carrier, delivered.",
    "customs_hold": "Held in import customs for 7-10 days of silence, then released and delivered.",
    "lost": "Events stop for good after the departure flight (odd serials) or the arrival (even serials).",
    "returned": "Refused at the door (odd serials) or by customs (even serials), then back to the sender.",
    "unregistered": "One acceptance scan, then nothing ever again.",
    "not_yet_active": "The carrier answers 'not found' for the first 24-48 h, then a normal journey.",
    "pickup_point": "1-2 failed delivery attempts, then held at a pickup point and collected there.",
}

_SANDBOX_RE = re.compile(r"^PTS(\d{2})(\d{8})(\d)$")

# Demo mode draws a family per unknown number; normal journeys dominate as they do in real life.
_DEMO_WEIGHTS: tuple[tuple[Scenario, int], ...] = (
    (Scenario.DELIVERED, 50),
    (Scenario.CUSTOMS_HOLD, 10),
    (Scenario.LOST, 5),
    (Scenario.RETURNED, 6),
    (Scenario.UNREGISTERED, 6),
    (Scenario.NOT_YET_ACTIVE, 8),
    (Scenario.PICKUP_POINT, 15),
)


@dataclass(frozen=True, slots=True)
class ParcelRef:
    """What the sandbox knows about a number: its journey family, serial and which leg it names."""

    family: Scenario
    serial: int
    leg: Leg


def make_number(family: Scenario | int, serial: int, leg: Leg = Leg.MAIN) -> str:
    code = int(family) + (LAST_MILE_PREFIX if leg is Leg.LAST_MILE else 0)
    return sandbox_number(code, serial)


def parse_sandbox_number(number: str) -> ParcelRef | None:
    """The parcel a `PTS...` number names, or None if it is not a valid sandbox number."""
    m = _SANDBOX_RE.match(number.strip().upper())
    if m is None:
        return None
    code, serial = int(m.group(1)), int(m.group(2))
    leg = Leg.LAST_MILE if code > LAST_MILE_PREFIX else Leg.MAIN
    family = code - LAST_MILE_PREFIX if leg is Leg.LAST_MILE else code
    if family not in Scenario._value2member_map_:
        return None
    if sandbox_number(code, serial) != number.strip().upper():  # check digit
        return None
    return ParcelRef(Scenario(family), serial, leg)


# Test numbers use small serials (1 + 7k); demo parcels get serials from here up (see demo_parcel).
DEMO_SERIAL_BASE = 50_000_000


def _digest(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")


def is_trackable_number(number: str) -> bool:
    """Demo mode answers any number `detect` accepts (a candidate whose checksum passed or has none)."""
    try:
        return any(c.checksum in ("passed", "none") for c in detect(number))
    except ValueError:  # detect() rejects text that cannot be a tracking number
        return False


def demo_parcel(number: str) -> ParcelRef:
    """A deterministic (family, serial) for any number, drawn from a hash of the number."""
    h = _digest(f"demo:{number.strip().upper()}")
    pick = h % sum(w for _, w in _DEMO_WEIGHTS)
    family = Scenario.DELIVERED
    for scenario, weight in _DEMO_WEIGHTS:
        if pick < weight:
            family = scenario
            break
        pick -= weight
    serial = DEMO_SERIAL_BASE + (h >> 16) % (10**8 - DEMO_SERIAL_BASE)
    return ParcelRef(family, serial, Leg.MAIN)


def is_demo_serial(serial: int) -> bool:
    """Serials from DEMO_SERIAL_BASE up belong to demo parcels (another carrier's number hashed to one);
    their journeys are timed like a demo's whichever process asks, so a last-mile `PTS9X...` number of a
    demo parcel tells the same journey as the number it continues."""
    return serial >= DEMO_SERIAL_BASE


def identify(number: str, *, demo: bool) -> ParcelRef | None:
    ref = parse_sandbox_number(number)
    if ref is not None or not demo:
        return ref
    return demo_parcel(number) if is_trackable_number(number) else None


def serial_for(country: str, k: int = 0) -> int:
    """The k-th serial whose journey ends in `country` (ISO alpha-2 of one of the DESTINATIONS)."""
    position = [d.country for d in DESTINATIONS].index(country)
    return position + 1 + len(DESTINATIONS) * k


def number_for(scenario: str | Scenario, country: str = "BR") -> str:
    """The fixed test number of a scenario (by name or enum) to a destination; "BR" is the canonical one."""
    family = scenario if isinstance(scenario, Scenario) else Scenario[scenario.upper()]
    return make_number(family, serial_for(country))


# Canonical test number per scenario: serial 00000001 (destination BR).
TEST_NUMBERS: dict[str, str] = {name: number_for(name) for name in SCENARIOS}

# One test number per scenario and destination (serials 1..7), so every last-mile language is reachable.
TEST_NUMBERS_BY_DESTINATION: dict[str, dict[str, str]] = {
    name: {d.country: number_for(name, d.country) for d in DESTINATIONS} for name in SCENARIOS
}
