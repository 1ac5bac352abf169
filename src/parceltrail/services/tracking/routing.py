"""Routing of shipments to connectors, what each poll tells about the route, and carrier auto-correction.

- `route_for` picks the connector for a shipment (see `registry.ConnectorRegistry.route`): a carrier
  corrected earlier keeps the connector that knew the number.
- `note_outcome` records on the shipment which connector followed it (or why none can), and counts
  consecutive "not found" answers.
- `correct_carriers`: when the chosen connector has said "not found" on `CORRECT_AFTER_CHECKS` checks
  spread over at least `CORRECT_AFTER`, the other carriers `detect` proposes and the universal connectors
  (Cainiao, 17TRACK) are asked; the first that knows the number takes over, the change is recorded as an
  event ("carrier corrected from X to Y"), and its scans are ingested. A carrier the user named is never
  corrected.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, TrackResult
from parceltrail.domain.events import event_fingerprint
from parceltrail.domain.shipment import Shipment, TrackingEvent
from parceltrail.numbers import detect
from parceltrail.services.tracking import schedule
from parceltrail.services.tracking.ingestion import ingest
from parceltrail.services.tracking.registry import ConnectorRegistry, Route

if TYPE_CHECKING:
    from parceltrail.services.tracking.tracker import Tracker

log = logging.getLogger(__name__)

NONE = "none"  # the source recorded when no connector could follow a shipment
SYSTEM_SOURCE = "parceltrail"
CORRECTED_CODE = "CARRIER_CORRECTED"
CORRECT_AFTER_CHECKS = 3
CORRECT_AFTER = timedelta(hours=24)
USER, DETECTED, CORRECTED = "user", "detected", "corrected"


def route_for(registry: ConnectorRegistry, shipment: Shipment) -> Route:
    keep = shipment.connector if shipment.carrier_source == CORRECTED else None
    return registry.route(shipment.carrier, origin=shipment.origin_country,
                          first_leg=shipment.previous_leg_id is None, keep=keep)


def note_outcome(shipment: Shipment, source: str, outcome: FetchOutcome, now: datetime) -> None:
    """Record the route and the run of "not found" answers on the shipment (saved by the caller)."""
    if source == NONE:
        shipment.connector = None
        shipment.unfollowed_reason = outcome.reason if isinstance(outcome, Failure) else None
        return
    shipment.connector = source
    shipment.unfollowed_reason = None
    if isinstance(outcome, TrackResult):
        shipment.not_found_count, shipment.not_found_since = 0, None
    elif outcome.kind is FailureKind.NOT_FOUND:
        shipment.not_found_count += 1
        shipment.not_found_since = shipment.not_found_since or now


def followed(shipment: Shipment) -> bool:
    """False once routing found that no enabled connector can follow the shipment: no ETA, no "may be
    lost" warning for it, only what would make it trackable."""
    return shipment.unfollowed_reason is None


def due_for_correction(shipment: Shipment, now: datetime) -> bool:
    return (shipment.carrier_source != USER and shipment.previous_leg_id is None
            and shipment.not_found_count >= CORRECT_AFTER_CHECKS and shipment.not_found_since is not None
            and now - shipment.not_found_since >= CORRECT_AFTER)


def _alternatives(registry: ConnectorRegistry, shipment: Shipment) -> list[tuple[str | None, Route]]:
    """(carrier to switch to, route) pairs to ask, best first; None keeps the carrier."""
    tried: set[str | None] = {shipment.connector}
    options: list[tuple[str | None, Route]] = []
    try:
        readings = [c for c in detect(shipment.tracking_number) if c.checksum != "failed"]
    except ValueError:
        readings = []
    for reading in readings:
        if reading.carrier == shipment.carrier:
            continue
        for route in registry.candidates(reading.carrier, origin=reading.country, first_leg=True):
            if route.tier == "own" and route.slug not in tried:
                tried.add(route.slug)
                options.append((reading.carrier, route))
    for route in registry.correctors(shipment.carrier, exclude=tried):
        entry = registry.entry(route.slug or "")
        own = sorted(entry.carriers) if entry is not None and not entry.universal else []
        options.append((own[0] if len(own) == 1 else None, route))
        tried.add(route.slug)
    return options


def correct_carriers(tracker: Tracker, shipment_ids: Iterable[int]) -> list[int]:
    """Try to correct the carrier of these shipments where due; returns the ids that were switched."""
    switched = []
    for shipment_id in shipment_ids:
        now = tracker.clock.now()
        with tracker.store.read() as repo:
            current = repo.shipments.get(shipment_id)
        if current is None or not due_for_correction(current, now):
            continue
        found = None
        for carrier, route in _alternatives(tracker.connectors, current):
            assert route.connector is not None
            outcome = route.connector.fetch([current.tracking_number]).get(current.tracking_number)
            if isinstance(outcome, TrackResult) and outcome.events:
                found = (carrier, route, outcome)
                break
        if found is None:
            _restart_count(tracker, shipment_id, now)
            continue
        if _switch(tracker, shipment_id, *found):
            switched.append(shipment_id)
    return switched


def _restart_count(tracker: Tracker, shipment_id: int, now: datetime) -> None:
    """Nobody else knows the number either: ask again after another run of "not found" answers."""
    with tracker.store.transaction() as repo:
        current = repo.shipments.get(shipment_id)
        if current is not None:
            current.not_found_count, current.not_found_since = 0, None
            repo.shipments.save(current, now)


def _switch(tracker: Tracker, shipment_id: int, carrier: str | None, route: Route,
            result: TrackResult) -> bool:
    now = tracker.clock.now()
    with tracker.store.transaction() as repo:
        current = repo.shipments.get(shipment_id)
        if current is None or current.carrier_source == USER:
            return False
        old = f"{current.carrier} ({current.connector})" if current.connector else current.carrier
        taken = carrier is not None and repo.shipments.find(current.tracking_number, carrier) is not None
        if carrier and carrier != current.carrier and not taken:
            current.carrier = carrier
        new = f"{current.carrier} ({route.slug})"
        text = f"carrier corrected from {old} to {new}"
        note = TrackingEvent(
            shipment_id=current.id, occurred_at=now, raw_text=text, raw_code=CORRECTED_CODE,
            source=SYSTEM_SOURCE, classified=False, classifier_rule="system",
            fingerprint=event_fingerprint(current.tracking_number, now, text, CORRECTED_CODE, None),
            retrieved_at=now)
        repo.shipments.insert_events([note])
        current.connector = route.slug
        current.carrier_source = CORRECTED
        current.unfollowed_reason = None
        current.not_found_count, current.not_found_since = 0, None
        current.failure_count, current.last_error = 0, None
        current.last_checked_at = now
        report = ingest(repo, current, result, route.slug or SYSTEM_SOURCE, now)
        current.next_check_at = schedule.after_success(current, now, report.timeline, tracker.scan_gaps)
        repo.shipments.save(current, now)
    log.info("shipment %s: %s", shipment_id, text)
    return True
