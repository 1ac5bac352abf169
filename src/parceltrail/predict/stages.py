"""Journey stages: where a parcel stands on its way, derived from normalized tracking events.

A stage is coarser than a subtag: it says which part of the trip is left (customs, flight, last mile),
which is what the remaining time and the normal length of a silence depend on.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum

from parceltrail.domain.shipment import TrackingEvent
from parceltrail.status.taxonomy import CustomsState, Subtag, Tag, customs_state


class Stage(StrEnum):
    pending = "pending"
    info_received = "info_received"
    accepted = "accepted"
    in_transit_origin = "in_transit_origin"
    export_customs = "export_customs"
    international = "international"
    import_customs = "import_customs"  # arrived in the destination country, not yet released
    last_mile = "last_mile"  # released from customs, or domestic transit at destination
    out_for_delivery = "out_for_delivery"
    awaiting_pickup = "awaiting_pickup"
    delivered = "delivered"


# Progress order; a journey never moves back (a late "in transit" scan after customs is last mile).
STAGE_ORDER: tuple[Stage, ...] = tuple(Stage)
_RANK: dict[Stage, int] = {s: i for i, s in enumerate(STAGE_ORDER)}
CUSTOMS_STAGES = frozenset({Stage.export_customs, Stage.import_customs})


def stage_rank(stage: Stage) -> int:
    return _RANK[stage]


def _later(a: Stage, b: Stage) -> Stage:
    return a if _RANK[a] >= _RANK[b] else b


def _step(
    current: Stage,
    tag: str | None,
    subtag: str | None,
    country: str | None,
    origin: str | None,
    destination: str | None,
) -> Stage:
    """Stage after one event, given the stage before it."""
    if tag is None:
        return current
    code = Subtag(subtag) if subtag else None
    international = bool(origin and destination and origin != destination)
    at_destination = _RANK[current] >= _RANK[Stage.import_customs] or (
        international and country is not None and country == destination
    )
    if tag == Tag.Delivered:
        return Stage.delivered
    if tag in (Tag.OutForDelivery, Tag.AttemptFail):
        return _later(current, Stage.out_for_delivery)
    if tag == Tag.AvailableForPickup:
        return _later(current, Stage.awaiting_pickup)
    if tag == Tag.InfoReceived:
        return _later(current, Stage.info_received)
    if tag in (Tag.Pending, Tag.Expired):
        return current
    if code is not None:
        customs = customs_state(code)
        if customs is CustomsState.released:
            # Released at export means the flight is next; at import, the last mile. A release scanned in
            # the origin country counts as export even when no customs entry was scanned before it.
            exported = not at_destination and (
                current is Stage.export_customs
                or (international and country is not None and country == origin)
            )
            return _later(current, Stage.international if exported else Stage.last_mile)
        if customs is not None:
            # Customs seen before any sign of leaving the origin country is export customs when the
            # event says so (origin country); otherwise import, the common case in consumer tracking.
            export = (
                international
                and country is not None
                and country == origin
                and _RANK[current] < _RANK[Stage.international]
            )
            return _later(current, Stage.export_customs if export else Stage.import_customs)
        if code is Subtag.InTransit_004:
            return _later(current, Stage.import_customs if international else Stage.last_mile)
        if code is Subtag.InTransit_002:
            return _later(current, Stage.accepted)
    if tag == Tag.Exception:
        return current
    # Generic movement (arrival, departure, in transit, forwarded).
    if _RANK[current] >= _RANK[Stage.import_customs] or (at_destination and international):
        return _later(current, Stage.last_mile)
    if current is Stage.export_customs or (international and country is not None and country != origin):
        return _later(current, Stage.international)
    return _later(current, Stage.in_transit_origin)


def stage_entries(
    events: Iterable[TrackingEvent],
    *,
    origin_country: str | None = None,
    destination_country: str | None = None,
) -> dict[Stage, datetime]:
    """First time each stage was reached, from events (any order; sorted here by time)."""
    current = Stage.pending
    entries: dict[Stage, datetime] = {}
    for event in sorted(events, key=lambda e: e.occurred_at):
        nxt = _step(current, event.tag, event.subtag, event.country, origin_country, destination_country)
        if nxt is not current:
            entries.setdefault(nxt, event.occurred_at)
            current = nxt
    return entries


def stage_of(
    tag: str,
    subtag: str | None,
    events: Iterable[TrackingEvent] = (),
    *,
    origin_country: str | None = None,
    destination_country: str | None = None,
) -> Stage:
    """Current stage of a shipment: its events replayed, then its current (tag, subtag) applied."""
    current = Stage.pending
    for event in sorted(events, key=lambda e: e.occurred_at):
        current = _step(current, event.tag, event.subtag, event.country, origin_country, destination_country)
    return _step(current, tag, subtag, None, origin_country, destination_country)
