"""Ingestion: store a connector's result once, classified, and recompute what follows from it.

Every event goes through `status.classify`; the same scan fetched again is stored once (by fingerprint);
the shipment's status, first/last event times and its chain of legs are derived from the stored events.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from parceltrail.carriers.base import RawEvent, TrackResult
from parceltrail.domain.events import chronological, current_status, event_fingerprint
from parceltrail.domain.shipment import Shipment, TrackingEvent
from parceltrail.numbers import detect
from parceltrail.status import classify, is_terminal
from parceltrail.store.repository import Repository


@dataclass(slots=True)
class IngestReport:
    new_events: int = 0
    unclassified: int = 0
    status_changed: bool = False
    next_leg: Shipment | None = None


def classify_event(shipment: Shipment, raw: RawEvent, source: str, retrieved_at: datetime,
                   payload_id: int | None) -> TrackingEvent:
    verdict = classify(raw.text, carrier=shipment.carrier, code=raw.code, lang=raw.lang)
    return TrackingEvent(
        shipment_id=shipment.id,
        occurred_at=raw.occurred_at,
        raw_text=raw.text,
        raw_code=raw.code,
        source=source,
        fingerprint=event_fingerprint(shipment.tracking_number, raw.occurred_at, raw.text, raw.code,
                                      raw.location),
        location=raw.location or verdict.location,
        country=raw.country,
        city=raw.city,
        latitude=raw.latitude,
        longitude=raw.longitude,
        lang=raw.lang,
        tag=verdict.tag if verdict.classified else None,
        subtag=verdict.subtag if verdict.classified else None,
        classified=verdict.classified,
        classifier_rule=verdict.rule,
        confidence=verdict.confidence,
        raw_payload_id=payload_id,
        retrieved_at=retrieved_at,
    )


def ingest(repo: Repository, shipment: Shipment, result: TrackResult, source: str,
           now: datetime) -> IngestReport:
    """Store `result` for `shipment` within the caller's transaction."""
    assert shipment.id is not None
    report = IngestReport()
    payload_id = repo.add_payload(shipment.id, source, now, dict(result.payload)) if result.payload else None
    known = repo.known_fingerprints(shipment.id)
    fresh: dict[str, TrackingEvent] = {}
    for raw in result.events:
        event = classify_event(shipment, raw, source, now, payload_id)
        if event.fingerprint not in known and event.fingerprint not in fresh:
            fresh[event.fingerprint] = event
    report.new_events = repo.add_events(list(fresh.values()))
    report.unclassified = sum(1 for e in fresh.values() if not e.classified)

    shipment.origin_country = shipment.origin_country or result.origin_country
    shipment.destination_country = shipment.destination_country or result.destination_country
    shipment.simulated = shipment.simulated or result.simulated
    if result.next_leg and shipment.next_leg_id is None:
        report.next_leg = _add_next_leg(repo, shipment, result.next_leg.number, result.next_leg.carrier, now)
    report.status_changed = refresh_status(repo, shipment, now)
    if report.new_events or report.status_changed:
        # Notifications (issue 9): written to the outbox on this connection, i.e. in this same
        # transaction, so they exist if and only if the events that cause them were stored.
        from parceltrail.engine import outbox

        outbox.record_changes(repo.conn, shipment, report, now)
    return report


def _add_next_leg(repo: Repository, shipment: Shipment, number: str, carrier: str, now: datetime) -> Shipment:
    candidate = next((c for c in detect(number) if c.carrier == carrier), None)
    leg = repo.add(
        Shipment(
            tracking_number=number,
            carrier=carrier,
            format=candidate.format if candidate else None,
            service_class=candidate.service_class if candidate else None,
            origin_country=shipment.origin_country,
            destination_country=shipment.destination_country,
            previous_leg_id=shipment.id,
            simulated=shipment.simulated,
            next_check_at=now,
        ),
        now,
    )
    if leg.previous_leg_id is None:  # the number was already tracked on its own: link it now
        leg.previous_leg_id = shipment.id
        leg.next_check_at = now
        repo.save(leg, now)
    shipment.next_leg_id = leg.id
    return leg


def refresh_status(repo: Repository, shipment: Shipment, now: datetime) -> bool:
    """Recompute the shipment's status from its own events and those of its later legs (the parcel's
    status is where it is now, whichever number it travels under); earlier legs are updated too."""
    assert shipment.id is not None
    before = (shipment.tag, shipment.subtag)
    repo.save(shipment, now)
    legs = [shipment if leg.id == shipment.id else leg for leg in repo.chain(shipment)]
    by_leg: dict[int | None, list[TrackingEvent]] = defaultdict(list)
    for event in repo.events([leg.id for leg in legs if leg.id is not None]):
        by_leg[event.shipment_id].append(event)
    for index, leg in enumerate(legs):
        status = current_status(e for later in legs[index:] for e in by_leg[later.id])
        if status:
            leg.tag, leg.subtag = status
        own = chronological(by_leg[leg.id])
        if own:
            leg.first_event_at = own[0].occurred_at
            leg.last_event_at = own[-1].occurred_at
        if is_terminal(leg.subtag):
            leg.next_check_at = None  # the parcel's journey is over, whichever leg told us
        repo.save(leg, now)
    return before != (shipment.tag, shipment.subtag)
