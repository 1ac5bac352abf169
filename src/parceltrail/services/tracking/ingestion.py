"""Ingestion: store a connector's result once, classified, and recompute what follows from it.

Every event goes through `status.classify`; the same scan fetched again is stored once (by fingerprint);
the shipment's status, first/last event times and its chain of legs are derived from the stored events.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from parceltrail.domain.calendar import Window
from parceltrail.domain.connectors import RawEvent, TrackResult
from parceltrail.domain.events import chronological, current_status, event_fingerprint
from parceltrail.domain.shipment import Shipment, Timeline, TrackingEvent
from parceltrail.numbers import detect
from parceltrail.services.outlook import estimates
from parceltrail.services.outlook.eta import Models
from parceltrail.services.ports import UnitOfWork
from parceltrail.status import classify, is_terminal
from parceltrail.status.codes import tables as code_tables


@dataclass(slots=True)
class IngestReport:
    new_events: int = 0
    unclassified: int = 0
    status_changed: bool = False
    next_leg: Shipment | None = None
    # The stored events of the shipment's whole chain, oldest first, as ingestion saw them (for the
    # scheduler). Only id, shipment, time, fingerprint, tag, subtag and classified are filled in.
    timeline: list[TrackingEvent] = field(default_factory=list)


def classify_event(shipment: Shipment, raw: RawEvent, source: str, retrieved_at: datetime,
                   payload_id: int | None, fingerprint: str | None = None) -> TrackingEvent:
    # An event code is in the vocabulary of the connector that reported it (Cainiao's action codes for a
    # China Post number Cainiao follows), so its code table is used when it has one.
    vocabulary = source if source in code_tables() else shipment.carrier
    verdict = classify(raw.text, carrier=vocabulary, code=raw.code, lang=raw.lang)
    return TrackingEvent(
        shipment_id=shipment.id,
        occurred_at=raw.occurred_at,
        raw_text=raw.text,
        raw_code=raw.code,
        source=source,
        fingerprint=fingerprint or event_fingerprint(shipment.tracking_number, raw.occurred_at, raw.text,
                                                     raw.code, raw.location),
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


def ingest(repo: UnitOfWork, shipment: Shipment, result: TrackResult, source: str,
           now: datetime, *, models: Models | None = None) -> IngestReport:
    """Store `result` for `shipment` within the caller's transaction."""
    return ingest_many(repo, [(shipment, result)], source, now, models=models)[0]


def ingest_many(repo: UnitOfWork, items: Sequence[tuple[Shipment, TrackResult]], source: str,
                now: datetime, *, save_items: bool = True,
                models: Models | None = None) -> list[IngestReport]:
    """Store a fetched batch within the caller's transaction; one report per item, in order.

    The database work is per batch, not per shipment: one INSERT for the raw payloads, one query for the
    stored events of every leg involved (their fingerprints tell which scans are new, so only new scans
    are classified), one INSERT for all new events. Then, per shipment and in memory: the next leg, the
    status and first/last event times of every leg of its chain (`refresh_status`, skipped when nothing
    new arrived and nothing changed), one UPDATE round trip for every leg that changed, and the
    notification outbox on the same connection, i.e. in the same transaction.

    Legs shared by several items (both legs of a parcel in one batch) are one object each, so no stale
    copy is written. `save_items=False`: the caller saves the items' own rows itself (after scheduling);
    other legs that changed are saved here.

    With `models`, every shipment whose scans or status changed has its estimate recomputed and recorded
    (`services.outlook.estimates.observe`), and subscribers hear when its expected day moved."""
    for shipment, _ in items:
        assert shipment.id is not None
    reports = [IngestReport() for _ in items]
    with_payload = [(i, s.id, dict(r.payload)) for i, (s, r) in enumerate(items) if r.payload and s.id]
    stored = repo.shipments.add_payloads(
        [(shipment_id, source, now, body) for _, shipment_id, body in with_payload])
    payload_ids = {i: payload_id for (i, _, _), payload_id in zip(with_payload, stored, strict=True)}

    # the chains of legs (most shipments are a single leg: no query) and their stored events, at once
    objects: dict[int | None, Shipment] = {shipment.id: shipment for shipment, _ in items}

    def chain_of(shipment: Shipment) -> list[Shipment]:
        if shipment.previous_leg_id is None and shipment.next_leg_id is None:
            return [shipment]
        return [objects.setdefault(leg.id, leg) for leg in repo.shipments.chain(shipment)]

    chains = [chain_of(shipment) for shipment, _ in items]
    by_leg: dict[int | None, list[TrackingEvent]] = defaultdict(list)
    leg_ids = sorted({leg.id for legs in chains for leg in legs if leg.id is not None})
    for event in repo.shipments.event_heads(leg_ids):
        by_leg[event.shipment_id].append(event)

    fresh_all: list[TrackingEvent] = []
    fresh_by_item: list[list[TrackingEvent]] = []
    for index, (shipment, result) in enumerate(items):
        known = {e.fingerprint for e in by_leg[shipment.id]}
        fresh: dict[str, TrackingEvent] = {}
        for raw in result.events:
            fingerprint = event_fingerprint(shipment.tracking_number, raw.occurred_at, raw.text, raw.code,
                                            raw.location)
            if fingerprint not in known and fingerprint not in fresh:
                fresh[fingerprint] = classify_event(shipment, raw, source, now, payload_ids.get(index),
                                                    fingerprint)
        fresh_by_item.append(list(fresh.values()))
        fresh_all.extend(fresh.values())
    inserted = repo.shipments.insert_events(fresh_all)

    for (shipment, _), report, fresh in zip(items, reports, fresh_by_item, strict=True):
        assert shipment.id is not None
        # a concurrent ingestion of the same shipment may have stored some of them first (not counted)
        report.new_events = inserted.get(shipment.id, 0) if fresh else 0
        if report.new_events < len(fresh):  # rare race: trust the database, read the stored events back
            by_leg[shipment.id] = repo.shipments.event_heads([shipment.id])
        else:
            by_leg[shipment.id].extend(fresh)
        report.unclassified = sum(1 for e in fresh if not e.classified) if report.new_events else 0

    changed: dict[int, Shipment] = {}
    final_legs: list[list[Shipment]] = []  # each item's chain, with a next leg found just now
    for index, (shipment, result) in enumerate(items):
        report = reports[index]
        assert shipment.id is not None
        before_fields = (shipment.origin_country, shipment.destination_country, shipment.simulated)
        shipment.origin_country = shipment.origin_country or result.origin_country
        shipment.destination_country = shipment.destination_country or result.destination_country
        shipment.simulated = shipment.simulated or result.simulated
        legs = chains[index]
        if result.next_leg and shipment.next_leg_id is None:
            report.next_leg = _add_next_leg(repo, shipment, result.next_leg.number, result.next_leg.carrier,
                                            now)
            legs = [objects.setdefault(leg.id, leg) for leg in repo.shipments.chain(shipment)]
            for leg in legs:
                if leg.id not in by_leg and leg.id is not None:
                    by_leg[leg.id] = repo.shipments.event_heads([leg.id])
        before = (shipment.tag, shipment.subtag)
        if report.new_events or report.next_leg is not None or _stale(shipment, by_leg[shipment.id]):
            for leg in _recompute(legs, by_leg):
                if leg.id is not None:
                    changed[leg.id] = leg
        if before_fields != (shipment.origin_country, shipment.destination_country, shipment.simulated):
            changed[shipment.id] = shipment
        changed.setdefault(shipment.id, shipment)  # the shipment itself is always saved (updated_at)
        report.status_changed = before != (shipment.tag, shipment.subtag)
        report.timeline = chronological(e for leg in legs for e in by_leg[leg.id])
        final_legs.append(legs)
    own = {shipment.id for shipment, _ in items}
    repo.shipments.save_many([leg for leg in changed.values() if save_items or leg.id not in own], now)

    from parceltrail.services.notifications import outbox  # written in the same transaction as the events

    changes = [(i, s, r) for i, ((s, _), r) in enumerate(zip(items, reports, strict=True))
               if r.new_events or r.status_changed]
    windows: dict[int, Window | None] = {}
    if models is not None and changes:
        _record_estimates(repo, changes, final_legs, models, now, windows)
    # `record_changes` writes nothing while no subscription exists at all; that is asked once per batch
    # here rather than once per shipment inside it (same transaction, same answer).
    if changes and repo.shipments.any_subscriptions():
        for index, shipment, report in changes:
            outbox.record_changes(repo, shipment, report, now, window=windows.get(index), known=objects)
    return reports


def _record_estimates(repo: UnitOfWork, changes: Sequence[tuple[int, Shipment, IngestReport]],
                      final_legs: Sequence[Sequence[Shipment]], models: Models, now: datetime,
                      windows: dict[int, Window | None]) -> None:
    """Record the estimates of changed parcels: the first one of every parcel (on-time rates are measured
    against it), and the current one of parcels some subscription follows (moved-estimate and late
    notices). Predicting costs milliseconds, so parcels nobody follows are not re-estimated on every scan;
    the calendar and the pages compute theirs when read."""
    stored = repo.estimates.get_many([s.id for _, s, _ in changes if s.id is not None])
    started = repo.estimates.with_handoff(sorted({legs[0].id for legs in final_legs if legs and legs[0].id}))
    followed: set[int] = set()
    if repo.shipments.any_subscriptions():
        leg_ids = sorted({leg.id for index, _, _ in changes for leg in final_legs[index]
                          if leg.id is not None})
        followed = {shipment_id for _, shipment_id, _ in repo.notifications.matching(leg_ids)}
    for index, shipment, report in changes:
        assert shipment.id is not None
        legs = final_legs[index]
        timeline = Timeline(shipment, report.timeline, list(legs))
        if legs and legs[0].id not in started:
            estimates.record_start(repo, timeline, models, now)
        if shipment.id in stored and not followed.intersection(leg.id for leg in legs):
            continue
        current = estimates.record(repo, timeline, models, now, stored.get(shipment.id))
        windows[index] = None if current is None else current.window()


def _stale(shipment: Shipment, own: Sequence[TrackingEvent]) -> bool:
    """True when the stored row disagrees with its own events (e.g. written by an older version)."""
    if not own:
        return False
    first = min(e.occurred_at for e in own)
    last = max(e.occurred_at for e in own)
    return shipment.first_event_at != first or shipment.last_event_at != last


def _recompute(legs: list[Shipment], by_leg: dict[int | None, list[TrackingEvent]]) -> list[Shipment]:
    """Status (latest classified event on this leg or any later one) and first/last event times of every
    leg, in memory; returns the legs that changed."""
    changed = []
    for index, leg in enumerate(legs):
        before = (leg.tag, leg.subtag, leg.first_event_at, leg.last_event_at, leg.next_check_at)
        status = current_status(e for later in legs[index:] for e in by_leg[later.id])
        if status:
            leg.tag, leg.subtag = status
        own = chronological(by_leg[leg.id])
        if own:
            leg.first_event_at = own[0].occurred_at
            leg.last_event_at = own[-1].occurred_at
        if is_terminal(leg.subtag):
            leg.next_check_at = None  # the parcel's journey is over, whichever leg told us
        if before != (leg.tag, leg.subtag, leg.first_event_at, leg.last_event_at, leg.next_check_at):
            changed.append(leg)
    return changed


def _add_next_leg(repo: UnitOfWork, shipment: Shipment, number: str, carrier: str, now: datetime) -> Shipment:
    candidate = next((c for c in detect(number) if c.carrier == carrier), None)
    leg = repo.shipments.add(
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
        repo.shipments.save(leg, now)
    shipment.next_leg_id = leg.id
    return leg


def refresh_status(repo: UnitOfWork, shipment: Shipment, now: datetime) -> bool:
    """Recompute the shipment's status from its own events and those of its later legs (the parcel's
    status is where it is now, whichever number it travels under); earlier legs are updated too."""
    assert shipment.id is not None
    before = (shipment.tag, shipment.subtag)
    legs = [shipment if leg.id == shipment.id else leg for leg in repo.shipments.chain(shipment)]
    by_leg: dict[int | None, list[TrackingEvent]] = defaultdict(list)
    for event in repo.shipments.event_heads([leg.id for leg in legs if leg.id is not None]):
        by_leg[event.shipment_id].append(event)
    _recompute(legs, by_leg)
    repo.shipments.save_many(legs, now)
    return before != (shipment.tag, shipment.subtag)
