"""When to look at a shipment next: adaptive polling intervals, backoff, and the 30-day Expired rule.

Pure functions of the shipment and the clock, so the policy can be tested and simulated without I/O.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from parceltrail.carriers.base import FailureKind
from parceltrail.domain.shipment import Shipment
from parceltrail.status import Tag, is_customs, is_terminal

HOUR = timedelta(hours=1)
EXPIRE_AFTER = timedelta(days=30)  # AfterShip's rule: no information for 30 days -> Expired
MAX_BACKOFF = timedelta(hours=1)  # carrier faults: retry within the hour at the latest

# How often to look while a parcel is in a given state; a long silence stretches it (see `_stretch`).
BASE_INTERVAL: dict[str, timedelta] = {
    Tag.Pending: HOUR,
    Tag.InfoReceived: 6 * HOUR,
    Tag.InTransit: 4 * HOUR,
    Tag.OutForDelivery: HOUR,
    Tag.AttemptFail: 3 * HOUR,
    Tag.AvailableForPickup: 6 * HOUR,
    Tag.Exception: 4 * HOUR,
}
CUSTOMS_INTERVAL = 8 * HOUR  # customs rarely clears within hours
HANDED_OVER_INTERVAL = 12 * HOUR  # a leg whose parcel continues under a new number
MAX_INTERVAL = 12 * HOUR


def is_expired(shipment: Shipment, now: datetime) -> bool:
    """No new information for 30 days (since the last event, or since registration if none)."""
    if is_terminal(shipment.subtag) or shipment.tag == Tag.Expired:
        return False
    reference = shipment.last_event_at or shipment.created_at
    return reference is not None and now - reference > EXPIRE_AFTER


def _stretch(base: timedelta, silence: timedelta) -> timedelta:
    # A parcel silent for days is unlikely to move in the next hour: poll at about a quarter of the
    # silence, never faster than the state's base interval and never slower than MAX_INTERVAL.
    return min(max(base, silence / 4), max(base, MAX_INTERVAL))


def after_success(shipment: Shipment, now: datetime) -> datetime | None:
    """Next check after a successful fetch; None stops polling."""
    if is_terminal(shipment.subtag) or shipment.tag == Tag.Expired:
        return None
    if not shipment.trackable and shipment.last_event_at is not None:
        return None  # unregistered items are not scanned past acceptance
    if shipment.next_leg_id is not None:
        return now + HANDED_OVER_INTERVAL
    base = CUSTOMS_INTERVAL if is_customs(shipment.subtag) else BASE_INTERVAL.get(shipment.tag, 4 * HOUR)
    silence = now - shipment.last_event_at if shipment.last_event_at else timedelta(0)
    return now + _stretch(base, silence)


def after_not_found(shipment: Shipment, now: datetime) -> datetime:
    """Not known to the carrier yet: back off from an hour to a day as the number ages."""
    age = now - shipment.created_at if shipment.created_at else timedelta(0)
    return now + min(max(HOUR, age / 4), 24 * HOUR)


def after_failure(kind: FailureKind, failures: int, now: datetime,
                  retry_after_seconds: float | None = None) -> datetime | None:
    """Next check after a carrier-side failure; `failures` counts consecutive ones (>= 1)."""
    if kind is FailureKind.PERMANENT:
        return None
    if kind is FailureKind.AUTH:
        return now + HOUR
    backoff = min(timedelta(minutes=1) * 2 ** min(failures - 1, 10), MAX_BACKOFF)
    if retry_after_seconds is not None:
        backoff = max(backoff, timedelta(seconds=retry_after_seconds))
    return now + backoff
