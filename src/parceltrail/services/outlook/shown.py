"""The delivery estimate as people see it: one rule for the pages, the API, the CLI and notifications.

`eta_for` answers with instants from the ETA model (learned or priors); what is shown is derived here:

- only for a parcel in flight that a connector follows (an untrackable number gets no estimate);
- as the recipient's calendar dates: the destination's time zone (the offset of the latest scan in the
  destination country, else that country's main zone), never UTC days;
- never before today at the destination nor before the latest scan: the model predicts from where the
  parcel is now, and a date it would put in the past is moved to today;
- "late" when the estimate made at the parcel's first scan has run out (its late end is before today at
  the destination): the page then says "Late: expected by <the estimate from now>".

Whichever model computes the instants (the calibrated one can be plugged into `eta_for`), these rules
decide what a person reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from parceltrail.domain.shipment import Timeline
from parceltrail.predict import Eta, Stage
from parceltrail.services.outlook.estimates import destination_zone
from parceltrail.services.outlook.eta import Models, Position, eta_for, lane_of, position_of, predict_lane


def country_zone(country: str | None) -> ZoneInfo:
    """A country's main time zone (UTC when unknown): the one the calendar feed and the estimate notices
    read days in, so every place that shows a date agrees."""
    return destination_zone(country)


@dataclass(frozen=True, slots=True)
class ShownEta:
    """Recipient-local dates of the estimate (`estimated` inside `earliest`..`latest`), and whether the
    parcel is late (then `latest` is the new "expected by" date)."""

    estimated: date
    earliest: date
    latest: date
    late: bool
    zone: str  # the recipient's zone the dates are in (an IANA name or a UTC offset)
    eta: Eta  # what the model said, instants in UTC

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.estimated.isoformat(), "earliest": self.earliest.isoformat(),
                "latest": self.latest.isoformat(), "late": self.late, "time_zone": self.zone,
                "level": self.eta.level, "basis": self.eta.basis, "samples": self.eta.samples,
                "datetime": self.eta.date.isoformat()}


def recipient_zone(timeline: Timeline) -> tzinfo:
    """The destination's zone: the latest scan in the destination country says it best (its own offset);
    else the destination country's main zone."""
    legs = timeline.legs or [timeline.shipment]
    destination = lane_of(legs[0], legs[-1]).destination
    if destination:
        there = [e for e in timeline.events if (e.country or "").upper() == destination.upper()
                 and e.occurred_at.tzinfo is not None]
        if there:
            return max(there, key=lambda e: e.occurred_at).occurred_at.tzinfo  # type: ignore[return-value]
    return country_zone(destination)


# Parcels that will not be delivered to the recipient as things stand: refused at the door, going back,
# lost, cancelled, destroyed. No delivery date is promised for them.
NOT_COMING = frozenset({"Exception_003", "Exception_010", "Exception_011", "Exception_013", "Exception_020",
                        "Exception_021"})


def shown_eta(timeline: Timeline, models: Models | None, now: datetime) -> ShownEta | None:
    """The estimate a person sees, or None when there is none to show (see the module's rules)."""
    shipment = timeline.shipment
    legs = timeline.legs or [shipment]
    if not any(leg.trackable for leg in legs) or shipment.subtag in NOT_COMING:
        return None
    eta = eta_for(timeline, models, now)
    if eta is None:
        return None
    zone = recipient_zone(timeline)
    last_scan = max((e.occurred_at for e in timeline.events), default=now)
    floor = max(now, last_scan).astimezone(zone).date()
    estimated = max(eta.date.astimezone(zone).date(), floor)
    earliest = min(max(eta.earliest.astimezone(zone).date(), floor), estimated)
    latest = max(eta.latest.astimezone(zone).date(), estimated)
    pos = position_of(timeline, now)
    first = predict_lane(models.eta if models else None, pos.lane, Stage.accepted, pos.started_at,
                         pos.started_at, pos.started_at, eta.level)
    late = first.latest.astimezone(zone).date() < now.astimezone(zone).date()
    return ShownEta(estimated, earliest, latest, late, getattr(zone, "key", None) or str(zone), eta)


class ShownMemo:
    """`shown_eta` of one timeline that does not change, remembered for the model it was computed with
    and the hour at the destination: read paths that show the same parcel many times compute it once an
    hour instead of once a request. The hour is taken at the destination, so the "today" rules (no date
    before today there, "late" once the first estimate's last day there has passed) move exactly at its
    midnight; a refitted model is another object, so it recomputes at once. Whoever holds the memo must
    drop it when the timeline changes (`services.tracking.snapshots` does)."""

    __slots__ = ("timeline", "zone", "_held", "_position")

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.zone = recipient_zone(timeline)
        self._held: tuple[Models | None, tuple[date, int], ShownEta | None] | None = None
        self._position: Position | None = None

    def position(self, now: datetime) -> Position:
        """`position_of(timeline, now)`: with events it does not depend on `now` (the journey starts at the
        first of them), so it is computed once."""
        if self._position is not None:
            return self._position
        found = position_of(self.timeline, now)
        if self.timeline.events:
            self._position = found
        return found

    def shown(self, models: Models | None, now: datetime) -> ShownEta | None:
        local = now.astimezone(self.zone)
        hour = (local.date(), local.hour)
        held = self._held
        if held is not None and held[0] is models and held[1] == hour:
            return held[2]
        found = shown_eta(self.timeline, models, now)
        self._held = (models, hour, found)
        return found


def shown_eta_view(timeline: Timeline, models: Models | None, now: datetime) -> dict[str, Any] | None:
    """`shown_eta` as plain data for the API, the CLI's --json and evidence files."""
    found = shown_eta(timeline, models, now)
    return found.to_dict() if found else None
