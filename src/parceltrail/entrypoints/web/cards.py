"""A tracking card: everything a page shows about one tracked number, as plain data for the templates.

Public by construction: built from the shipment, its legs and events only (never orders, names or
addresses). The prediction parts (ETA, silence health) come from `predict` and the API's predictor and
are used defensively: a model that fails or changes shape hides that line, never the page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby
from typing import Literal

from parceltrail.bootstrap import Runtime
from parceltrail.domain.shipment import Shipment, Timeline, TrackingEvent
from parceltrail.entrypoints.web.geo import RouteMap, Stop, route_map
from parceltrail.entrypoints.web.i18n import Locale, utc_offset
from parceltrail.numbers import carrier_name
from parceltrail.status import customs_state, is_customs, is_terminal, message, progress_rank

log = logging.getLogger(__name__)
STEPS = ("shipped", "in_transit", "customs", "out_for_delivery", "delivered")
# progress_rank (0..4: none, info, moving, last mile, delivered) -> index in STEPS of the step reached
_RANK_STEP = {0: -1, 1: 0, 2: 1, 3: 3, 4: 4}
StepState = Literal["done", "current", "todo"]


@dataclass(frozen=True, slots=True)
class Step:
    key: str
    label: str
    state: StepState


@dataclass(frozen=True, slots=True)
class EventRow:
    time: str
    offset: str
    iso: str
    title: str
    raw: str
    raw_lang: str | None
    place: str
    number: str | None  # the leg's number, shown when the chain has several
    tag: str | None


@dataclass(frozen=True, slots=True)
class Day:
    label: str
    events: tuple[EventRow, ...]


@dataclass(frozen=True, slots=True)
class LegRow:
    number: str
    carrier: str
    current: bool


@dataclass(slots=True)
class Card:
    dom_id: str
    number: str
    carrier: str
    service: str | None
    tag: str
    subtag: str
    title: str
    meaning: str
    next_step: str
    steps: list[Step]
    problem: bool
    eta: str | None = None
    eta_range: str | None = None
    delivered_on: str | None = None
    health: str | None = None
    days: list[Day] = field(default_factory=list)
    legs: list[LegRow] = field(default_factory=list)
    map: RouteMap | None = None
    checked: str | None = None  # when the carrier was last asked, in the reader's zone
    checked_iso: str | None = None
    simulated: bool = False
    untrackable: str | None = None
    live: bool = True  # not finished: the page keeps listening for updates
    event_count: int = 0
    shipment_id: int | None = None  # what a "Get notified" subscription from this card follows


def dom_id(number: str) -> str:
    return f"card-{number}"


def _carrier(slug: str) -> str:
    return carrier_name(slug) or slug


def _service(shipment: Shipment, loc: Locale) -> str | None:
    key = f"service.{shipment.service_class}"
    return loc.t(key) if loc.has(key) else shipment.service_class


def _message(subtag: str | None, loc: Locale) -> tuple[str, str, str] | None:
    if not subtag:
        return None
    try:
        found = message(subtag, loc.lang)
    except ValueError:
        return None
    return found.title, found.meaning, found.next_step


def _steps(shipment: Shipment, events: list[TrackingEvent], loc: Locale) -> tuple[list[Step], bool]:
    try:
        rank = progress_rank(shipment.subtag or shipment.tag)
    except (KeyError, ValueError):
        rank = 0
    reached = _RANK_STEP.get(rank, -1)
    customs_seen = any(e.subtag and _customs(e.subtag) for e in events)
    if reached == 1 and (customs_seen or _customs(shipment.subtag)):
        reached = 2
    if rank == 4:
        reached = len(STEPS)  # delivered: every step done
    steps = []
    for index, key in enumerate(STEPS):
        state: StepState = "done" if index < reached else "current" if index == reached else "todo"
        steps.append(Step(key, loc.t(f"step.{key}"), state))
    problem = shipment.tag in ("Exception", "AttemptFail", "Expired")
    return steps, problem


def _customs(subtag: str | None) -> bool:
    if not subtag:
        return False
    try:
        return is_customs(subtag) or customs_state(subtag) is not None
    except (KeyError, ValueError):
        return False


def _place(event: TrackingEvent, loc: Locale) -> str:
    if event.location:
        return event.location
    parts = [event.city or "", loc.country(event.country)]
    return ", ".join(p for p in parts if p)


def _days(events: list[TrackingEvent], numbers: dict[int | None, str], many_legs: bool,
          loc: Locale) -> list[Day]:
    newest = sorted(events, key=lambda e: (e.occurred_at, e.id or 0), reverse=True)
    days = []
    # Grouped by the date at the place of the scan: the carrier's own local calendar day.
    for local_date, group in groupby(newest, key=lambda e: e.occurred_at.date()):
        rows = []
        for e in group:
            found = _message(e.subtag, loc) if e.classified else None
            rows.append(EventRow(
                time=loc.local_time(e.occurred_at), offset=utc_offset(e.occurred_at),
                iso=e.occurred_at.isoformat(), title=found[0] if found else e.raw_text,
                raw=e.raw_text if found else "", raw_lang=e.lang, place=_place(e, loc),
                number=numbers.get(e.shipment_id) if many_legs else None, tag=e.tag))
        days.append(Day(loc.day(local_date), tuple(rows)))
    return days


def _map(events: list[TrackingEvent], loc: Locale) -> RouteMap | None:
    oldest = sorted(events, key=lambda e: (e.occurred_at, e.id or 0))
    stops = [Stop(e.latitude, e.longitude, _place(e, loc)) for e in oldest
             if e.latitude is not None and e.longitude is not None]
    return route_map(stops)


def _lane(timeline: Timeline) -> tuple[str | None, str | None]:
    legs = timeline.legs or [timeline.shipment]
    origin = next((leg.origin_country for leg in legs if leg.origin_country), None)
    destination = next((leg.destination_country for leg in reversed(legs) if leg.destination_country), None)
    if origin is None or destination is None:
        dated = sorted((e for e in timeline.events if e.country), key=lambda e: e.occurred_at)
        if dated:
            origin = origin or dated[0].country
            if destination is None and dated[-1].country != origin:
                destination = dated[-1].country
    return origin, destination


def _eta(runtime: Runtime, timeline: Timeline, loc: Locale) -> tuple[str | None, str | None]:
    """Estimated delivery and its range, once the parcel has moved (its first scan is the start)."""
    s = timeline.shipment
    if not timeline.events or s.tag in ("Delivered", "Expired", "Exception") or _terminal(s.subtag):
        return None, None
    started = min(e.occurred_at for e in timeline.events)
    origin, destination = _lane(timeline)
    try:
        from parceltrail.services.outlook.predictor import EddQuery

        edd = runtime.predictor.predict(EddQuery(s.carrier, origin, destination, started))
    except Exception:  # the prediction is a nicety: never let it break the page
        log.exception("ETA prediction failed for %s", s.tracking_number)
        return None, None
    estimated = loc.day(edd.estimated, "medium")
    if edd.latest < runtime.clock.now().date():  # past even the late end: say so, do not promise
        return loc.t("eta.late", date=loc.day(edd.latest, "medium")), None
    if edd.earliest == edd.latest:
        return estimated, None
    return estimated, loc.t("eta.range", earliest=loc.day(edd.earliest, "medium"),
                            latest=loc.day(edd.latest, "medium"))


def _terminal(subtag: str | None) -> bool:
    try:
        return bool(subtag) and is_terminal(subtag or "")
    except (KeyError, ValueError):
        return False


def _health(timeline: Timeline, now: datetime, loc: Locale) -> str | None:
    """'Not updated for N days' / 'possibly lost' from predict.assess, with the likely reason."""
    s = timeline.shipment
    if s.tag == "Delivered" or (_terminal(s.subtag) and s.tag != "Expired") or not timeline.events:
        return None
    last = max(e.occurred_at for e in timeline.events)
    origin, destination = _lane(timeline)
    try:
        from parceltrail.predict import Lane, assess, stage_of

        stage = stage_of(s.tag, s.subtag, timeline.events, origin_country=origin,
                         destination_country=destination)
        health = assess(Lane(origin, destination, s.carrier, s.service_class), stage, last, now)
    except Exception:  # the model is being reworked; a failure hides the note, not the page
        log.exception("silence assessment failed for %s", s.tracking_number)
        return None
    if health.state == "ok":
        return None
    text = loc.t(f"health.{health.state}", days=max(1, health.silence.days))
    if health.likely_reason:
        text += " " + loc.t("health.reason", reason=loc.t(f"reason.{health.likely_reason}"))
    return text


def build_card(runtime: Runtime, timeline: Timeline, loc: Locale, number: str | None = None) -> Card:
    s = timeline.shipment
    legs = timeline.legs or [s]
    number = number or s.tracking_number
    found = _message(s.subtag, loc) or ("", "", "")
    steps, problem = _steps(s, timeline.events, loc)
    numbers = {leg.id: leg.tracking_number for leg in legs}
    card = Card(
        dom_id=dom_id(number), number=number, carrier=_carrier(s.carrier), service=_service(s, loc),
        tag=s.tag, subtag=s.subtag, title=found[0] or s.tag, meaning=found[1], next_step=found[2],
        steps=steps, problem=problem, simulated=any(leg.simulated for leg in legs),
        untrackable=None if s.trackable else (s.untrackable_reason or loc.t("card.untrackable")),
        event_count=len(timeline.events), shipment_id=s.id)
    card.days = _days(timeline.events, numbers, len(legs) > 1, loc)
    card.map = _map(timeline.events, loc)
    if len(legs) > 1:
        card.legs = [LegRow(leg.tracking_number, _carrier(leg.carrier), leg.id == s.id) for leg in legs]
    last_checked = max((leg.last_checked_at for leg in legs if leg.last_checked_at), default=None)
    if last_checked is not None:
        card.checked = loc.datetime(last_checked, "medium")
        card.checked_iso = last_checked.isoformat()
    if s.tag == "Delivered":
        delivered = max((e.occurred_at for e in timeline.events if e.tag == "Delivered"), default=None)
        card.delivered_on = loc.datetime(delivered, "medium") if delivered else None
    if s.unfollowed_reason is not None:  # nothing follows it: say what would, never guess an ETA
        card.untrackable = s.unfollowed_reason
    else:
        card.eta, card.eta_range = _eta(runtime, timeline, loc)
        card.health = _health(timeline, runtime.clock.now(), loc)
    card.live = not (s.tag in ("Delivered", "Expired") or _terminal(s.subtag)) or any(
        leg.next_check_at is not None for leg in legs)
    return card
