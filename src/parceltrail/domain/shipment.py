"""Shipments and their tracking events: plain types, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(slots=True)
class Shipment:
    """One label tracking number followed at one carrier (one leg of a parcel's journey)."""

    tracking_number: str
    carrier: str
    id: int | None = None
    format: str | None = None
    service_class: str | None = None
    origin_country: str | None = None
    destination_country: str | None = None
    tag: str = "Pending"
    subtag: str = "Pending_001"
    first_event_at: datetime | None = None
    last_event_at: datetime | None = None
    next_check_at: datetime | None = None
    last_checked_at: datetime | None = None
    failure_count: int = 0
    last_error: str | None = None
    previous_leg_id: int | None = None
    next_leg_id: int | None = None
    trackable: bool = True
    untrackable_reason: str | None = None
    simulated: bool = False
    # which connector follows it (None: not routed yet, or nothing can follow it: `unfollowed_reason`)
    connector: str | None = None
    unfollowed_reason: str | None = None  # set while no enabled connector can follow it: what would
    carrier_source: str = "detected"  # "detected", "user" (named by the user: never corrected), "corrected"
    not_found_count: int = 0  # consecutive "not found" answers, and since when (carrier auto-correction)
    not_found_since: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(slots=True)
class TrackingEvent:
    """One scan, as reported by the carrier and as normalized by `status.classify`."""

    occurred_at: datetime  # aware; kept in the carrier's local offset
    raw_text: str
    source: str  # the connector that reported it
    fingerprint: str
    id: int | None = None
    shipment_id: int | None = None
    raw_code: str | None = None
    location: str | None = None
    country: str | None = None
    city: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    lang: str | None = None
    tag: str | None = None  # None when the classifier could not place the text
    subtag: str | None = None
    classified: bool = True
    classifier_rule: str | None = None
    confidence: float | None = None
    raw_payload_id: int | None = None
    retrieved_at: datetime | None = None

    @property
    def utc_offset_minutes(self) -> int:
        offset = self.occurred_at.utcoffset()
        return int(offset.total_seconds() // 60) if offset is not None else 0


@dataclass(slots=True)
class Timeline:
    """A shipment with its events (oldest first) and the chain of legs it belongs to."""

    shipment: Shipment
    events: list[TrackingEvent] = field(default_factory=list)
    legs: list[Shipment] = field(default_factory=list)  # the whole chain, first leg first
