"""Plain-data views of shipments and timelines, shared by the CLI's --json and the HTTP API."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from parceltrail.domain.shipment import Shipment, Timeline, TrackingEvent
from parceltrail.predict import REASONS, Eta, Health


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def shipment_dict(shipment: Shipment) -> dict[str, Any]:
    return {
        "id": shipment.id,
        "tracking_number": shipment.tracking_number,
        "carrier": shipment.carrier,
        "format": shipment.format,
        "service_class": shipment.service_class,
        "origin_country": shipment.origin_country,
        "destination_country": shipment.destination_country,
        "tag": shipment.tag,
        "subtag": shipment.subtag,
        "first_event_at": _iso(shipment.first_event_at),
        "last_event_at": _iso(shipment.last_event_at),
        "next_check_at": _iso(shipment.next_check_at),
        "last_checked_at": _iso(shipment.last_checked_at),
        "last_error": shipment.last_error,
        "trackable": shipment.trackable,
        "untrackable_reason": shipment.untrackable_reason,
        "previous_leg_id": shipment.previous_leg_id,
        "next_leg_id": shipment.next_leg_id,
        "simulated": shipment.simulated,
        "connector": shipment.connector,
        "unfollowed_reason": shipment.unfollowed_reason,
        "carrier_source": shipment.carrier_source,
        "created_at": _iso(shipment.created_at),
    }


def event_dict(event: TrackingEvent, number: str | None = None) -> dict[str, Any]:
    return {
        "id": event.id,
        "tracking_number": number,
        "occurred_at": _iso(event.occurred_at),
        "utc_offset_minutes": event.utc_offset_minutes,
        "text": event.raw_text,
        "code": event.raw_code,
        "location": event.location,
        "country": event.country,
        "city": event.city,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "lang": event.lang,
        "tag": event.tag,
        "subtag": event.subtag,
        "classified": event.classified,
        "classifier_rule": event.classifier_rule,
        "source": event.source,
        "retrieved_at": _iso(event.retrieved_at),
        "raw_payload_id": event.raw_payload_id,
    }


def timeline_dict(timeline: Timeline) -> dict[str, Any]:
    """The shipment, its chain of legs, and every event of the chain newest first."""
    numbers = {leg.id: leg.tracking_number for leg in timeline.legs}
    events = sorted(timeline.events, key=lambda e: (e.occurred_at, e.id or 0), reverse=True)
    return {
        **shipment_dict(timeline.shipment),
        "legs": [shipment_dict(leg) for leg in timeline.legs],
        "events": [event_dict(e, numbers.get(e.shipment_id)) for e in events],
    }


# --- ETA and silence health views (shared by the APIs, the CLI, evidence files and pages) --------------

def eta_view(eta: Eta | None) -> dict[str, Any] | None:
    """An ETA as plain data: dates (YYYY-MM-DD, the median and its interval), level and basis."""
    if eta is None:
        return None
    return {"date": eta.date.date().isoformat(), "earliest": eta.earliest.date().isoformat(),
            "latest": eta.latest.date().isoformat(), "level": eta.level, "basis": eta.basis,
            "samples": eta.samples, "datetime": eta.date.isoformat()}


def health_view(health: Health | None) -> dict[str, Any] | None:
    """Silence health as plain data: state (ok | not_updated | possibly_lost | expired), days of silence,
    the thresholds it is judged by, and the likely reason (a code and its wording)."""
    if health is None or health.state == "untracked":
        return None
    days = lambda d: round(d.total_seconds() / 86400, 1)  # noqa: E731
    reason = health.likely_reason
    return {"state": health.state, "silence_days": days(health.silence),
            "not_updated_after_days": days(health.threshold),
            "possibly_lost_after_days": days(health.lost_after),
            "likely_reason": reason, "likely_reason_text": REASONS.get(reason) if reason else None,
            "basis": health.basis}
