"""A tracking card: everything a page shows about one tracked number, as plain data for the templates.

Public by construction: built from the shipment, its legs and events only (never orders, names or
addresses). The prediction parts (ETA, silence health) come from `predict` and the API's predictor and
are used defensively: a model that fails or changes shape hides that line, never the page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from itertools import groupby
from typing import Literal

from parceltrail.bootstrap import Runtime
from parceltrail.domain.shipment import Shipment, Timeline, TrackingEvent
from parceltrail.entrypoints.web.geo import RouteMap, Stop, route_map
from parceltrail.entrypoints.web.i18n import Locale, utc_offset
from parceltrail.entrypoints.web.live_version import states_of, version
from parceltrail.numbers import InvalidNumberError, carrier_name, detect
from parceltrail.predict import Health
from parceltrail.services.outlook.eta import Models, models_for
from parceltrail.services.outlook.health import health_for
from parceltrail.services.outlook.shown import ShownEta, shown_eta
from parceltrail.services.tracking.snapshots import Snapshot
from parceltrail.status import customs_state, is_customs, is_terminal, message, progress_rank
from parceltrail.status.taxonomy import CustomsState

log = logging.getLogger(__name__)
STEPS = ("shipped", "in_transit", "customs", "out_for_delivery", "delivered")
# progress_rank (0..4: none, info, moving, last mile, delivered) -> index in STEPS of the step reached
_RANK_STEP = {0: -1, 1: 0, 2: 1, 3: 3, 4: 4}
StepState = Literal["done", "current", "problem", "todo"]


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
    carrier_url: str | None = None


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
    carrier_url: str | None = None  # the carrier's own tracking page for this number
    late: bool = False
    eta_iso: str | None = None  # the date the estimate names (the late "expected by" date when late)
    days_in_transit: str | None = None
    delivered_on: str | None = None
    health: str | None = None
    health_state: str | None = None  # "not_updated" | "possibly_lost" | "expired" when health is shown
    days: list[Day] = field(default_factory=list)
    legs: list[LegRow] = field(default_factory=list)
    map: RouteMap | None = None
    checked: str | None = None  # when the carrier was last asked, in the reader's zone
    checked_iso: str | None = None
    checked_ago: str | None = None  # "5 minutes ago"
    simulated: bool = False
    untrackable: str | None = None
    live: bool = True  # not finished: the page keeps listening for updates
    event_count: int = 0
    shipment_id: int | None = None  # what a "Get notified" subscription from this card follows
    version: str = ""  # the token of the data shown (`live_version`): a live stream starts from it


def dom_id(number: str) -> str:
    return f"card-{number}"


def carrier_label(slug: str, loc: Locale | None = None) -> str:
    """The carrier's name in the page language when it has one there (`carrier.<slug>`), else its own."""
    key = f"carrier.{slug}"
    if loc is not None and loc.has(key):
        return loc.t(key)
    return carrier_name(slug) or slug


def carrier_link(number: str, carrier: str) -> str | None:
    """The carrier's own tracking page for `number` (an outside https link), when its format names one."""
    try:
        readings = detect(number)
    except (InvalidNumberError, ValueError):
        return None
    found = next((r for r in readings if r.carrier == carrier), None)
    url = found.tracking_url if found else None
    return url if url and url.startswith("https://") else None


def _service(shipment: Shipment, loc: Locale) -> str | None:
    key = f"service.{shipment.service_class}"
    return loc.t(key) if loc.has(key) else None  # an internal class name is never shown


def _message(subtag: str | None, loc: Locale) -> tuple[str, str, str] | None:
    if not subtag:
        return None
    try:
        found = message(subtag, loc.lang)
    except ValueError:
        return None
    return found.title, found.meaning, found.next_step


# Troubles that end the journey at the door or on the way back: shown at the delivery step, not on the
# step the parcel passed long before (a refusal at the door is no customs problem).
_DELIVERY_TROUBLE = frozenset({"Exception_002", "Exception_003", "Exception_007", "Exception_008",
                               "Exception_010", "Exception_011"})
_CUSTOMS_STEP, _LAST_MILE_STEP, _DELIVERY_STEP = 2, 3, 4


def _rank(status: str | None) -> int:
    try:
        return progress_rank(status) if status else 0
    except (KeyError, ValueError):
        return 0


def _import_customs(event: TrackingEvent, origin: str | None, destination: str | None) -> bool:
    """A customs scan in the destination country: export customs at the origin is part of the transit."""
    if not _customs(event.subtag):
        return False
    country = (event.country or "").upper()
    if not country:
        return True  # no country said: the step the page has for it is the import one
    if destination:
        return country == destination.upper()
    return not origin or country != origin.upper()


def _steps(shipment: Shipment, events: list[TrackingEvent], lane: tuple[str | None, str | None],
           title: str, loc: Locale) -> tuple[list[Step], bool]:
    """The progress line from the whole chain's scans: how far the parcel got (export customs counts as
    transit; import customs is current only while the parcel is in it), and troubles on their own step."""
    origin, destination = lane
    ordered = sorted((e for e in events if e.classified and e.subtag),
                     key=lambda e: (e.occurred_at, e.id or 0))
    moved = max((_rank(e.subtag) for e in ordered if e.tag != "Exception"), default=0)
    if shipment.tag != "Exception":
        moved = max(moved, _rank(shipment.subtag or shipment.tag))
    imports = [e for e in ordered if _import_customs(e, origin, destination)]
    latest = ordered[-1] if ordered else None
    in_customs = latest is not None and latest in imports and is_customs(latest.subtag or "")
    held = in_customs and customs_state(latest.subtag or "") is CustomsState.held  # type: ignore[union-attr]
    trouble_at_door = (shipment.subtag or "") in _DELIVERY_TROUBLE
    problem = shipment.tag in ("Exception", "AttemptFail", "Expired")

    states: list[StepState] = ["todo"] * len(STEPS)
    labels = {key: loc.t(f"step.{key}") for key in STEPS}
    if moved >= 4 and not trouble_at_door:
        states = ["done"] * len(STEPS)
    else:
        if in_customs:
            current: int | None = _CUSTOMS_STEP
        elif moved == 3:
            current = _LAST_MILE_STEP
        elif imports:
            current = None  # cleared customs, not yet out for delivery: between the steps
        else:
            current = _RANK_STEP.get(moved, -1)
        reached = _LAST_MILE_STEP if current is None else current
        for index in range(len(STEPS)):
            if index < reached or (current is None and index == _CUSTOMS_STEP):
                states[index] = "done"
        if current is not None and current >= 0:
            states[current] = "current"
        if trouble_at_door:
            for index in range(_DELIVERY_STEP):
                if states[index] != "done" and (index != _CUSTOMS_STEP or imports):
                    states[index] = "done"
            states[_DELIVERY_STEP] = "problem"
            labels["delivered"] = title or labels["delivered"]
            if states[_CUSTOMS_STEP] == "current":
                states[_CUSTOMS_STEP] = "done"
        elif held:
            states[_CUSTOMS_STEP] = "problem"
    steps = [Step(key, labels[key], states[index]) for index, key in enumerate(STEPS)]
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


def _eta(shown: ShownEta | None, loc: Locale) -> tuple[str | None, str | None, bool]:
    """The estimate's text, its range and whether it is late: the dates `services.outlook.shown` decided
    (recipient-local, never in the past), only worded here."""
    if shown is None:
        return None, None, False
    if shown.late:
        return loc.t("eta.late", date=loc.day(shown.latest, "medium")), None, True
    estimated = loc.day(shown.estimated, "medium")
    if shown.earliest == shown.latest:
        return estimated, None, False
    return estimated, loc.t("eta.range", earliest=loc.day(shown.earliest, "medium"),
                            latest=loc.day(shown.latest, "medium")), False


def _terminal(subtag: str | None) -> bool:
    try:
        return bool(subtag) and is_terminal(subtag or "")
    except (KeyError, ValueError):
        return False


def _health(health: Health | None, loc: Locale) -> tuple[str | None, str | None]:
    """The silence note ("Not updated for N days", "may be lost") with its likely reason, and the one
    next step that goes with it (which then replaces the status's own: never two contradicting steps)."""
    if health is None or health.state == "ok":
        return None, None
    days = max(1, round(health.silence.total_seconds() / 86400))
    text = loc.t(f"health.{health.state}", days=loc.plural("unit.days", days))
    if health.likely_reason:
        text += " " + loc.t("health.reason", reason=loc.t(f"reason.{health.likely_reason}"))
    return text, loc.t(f"card_advice.{health.state}")


def _models(runtime: Runtime, now: datetime) -> Models | None:
    try:
        return models_for(runtime.models, now)
    except Exception:  # the models are a nicety: priors answer when they cannot be loaded
        log.exception("loading the ETA models failed")
        return None


def _shown(timeline: Timeline, models: Models | None, now: datetime,
           snapshot: Snapshot | None = None) -> ShownEta | None:
    try:
        if snapshot is not None:
            return snapshot.shown.shown(models, now)
        return shown_eta(timeline, models, now)
    except Exception:  # a failing prediction hides the estimate, never the page
        log.exception("ETA prediction failed for %s", timeline.shipment.tracking_number)
        return None


def _health_of(timeline: Timeline, models: Models | None, now: datetime,
               snapshot: Snapshot | None = None) -> Health | None:
    if not timeline.events:
        return None
    try:
        position = snapshot.shown.position(now) if snapshot is not None else None
        return health_for(timeline, models, now, position=position)
    except Exception:  # as above: the note disappears, the page stays
        log.exception("silence assessment failed for %s", timeline.shipment.tracking_number)
        return None


def build_card(runtime: Runtime, timeline: Timeline, loc: Locale, number: str | None = None, *,
               snapshot: Snapshot | None = None) -> Card:
    """The card of `timeline` as of now. With the timeline's `snapshot`, everything that does not move with
    the clock (steps, event rows with their dates and places, map, legs) is built once per snapshot and
    language, and the estimate comes from the snapshot's memo; the rest is filled in for this request."""
    key = ("card", loc.lang, loc.zone.key, number)
    base = snapshot.memo.get(key) if snapshot is not None else None
    if base is None:
        base = _card_base(timeline, loc, number)
        if snapshot is not None:
            snapshot.keep(key, base)
    card = replace(base)  # the shared lists are only read from here on; fields below are set per request
    _timely(card, runtime, timeline, loc, snapshot)
    return card


def _card_base(timeline: Timeline, loc: Locale, number: str | None) -> Card:
    """What the card says whatever the time of the request."""
    s = timeline.shipment
    legs = timeline.legs or [s]
    number = number or s.tracking_number
    found = _message(s.subtag, loc) or ("", "", "")
    # a status the texts do not know by its subtag is named by its tag's general wording, never its code
    title = found[0] or (_message(f"{s.tag}_001", loc) or (loc.t("operator.unknown_status"),))[0]
    steps, problem = _steps(s, timeline.events, _lane(timeline), title, loc)
    numbers = {leg.id: leg.tracking_number for leg in legs}
    card = Card(
        dom_id=dom_id(number), number=number, carrier=carrier_label(s.carrier, loc),
        carrier_url=carrier_link(s.tracking_number, s.carrier), service=_service(s, loc),
        tag=s.tag, subtag=s.subtag, title=title, meaning=found[1], next_step=found[2],
        steps=steps, problem=problem, simulated=any(leg.simulated for leg in legs),
        untrackable=None if s.trackable else (s.untrackable_reason or loc.t("card.untrackable")),
        event_count=len(timeline.events), shipment_id=s.id, version=version(states_of(legs, timeline.events)))
    card.days = _days(timeline.events, numbers, len(legs) > 1, loc)
    card.map = _map(timeline.events, loc)
    if len(legs) > 1:
        card.legs = [LegRow(leg.tracking_number, carrier_label(leg.carrier, loc), leg.id == s.id,
                            carrier_link(leg.tracking_number, leg.carrier)) for leg in legs]
    last_checked = max((leg.last_checked_at for leg in legs if leg.last_checked_at), default=None)
    if last_checked is not None:
        card.checked = loc.datetime(last_checked, "medium")
        card.checked_iso = last_checked.isoformat()
    if s.tag == "Delivered":
        delivered = max((e.occurred_at for e in timeline.events if e.tag == "Delivered"), default=None)
        card.delivered_on = loc.datetime(delivered, "medium") if delivered else None
    if s.unfollowed_reason is not None:  # nothing follows it: say what would, never guess an ETA
        card.untrackable = s.unfollowed_reason
    card.live = not (s.tag in ("Delivered", "Expired") or _terminal(s.subtag)) or any(
        leg.next_check_at is not None for leg in legs)
    return card


def _timely(card: Card, runtime: Runtime, timeline: Timeline, loc: Locale, snapshot: Snapshot | None) -> None:
    """The parts that move with the clock: how long ago the carrier was asked, the estimate, the silence
    note (with the next step it brings), the days in transit."""
    s = timeline.shipment
    legs = timeline.legs or [s]
    now = runtime.clock.now()
    last_checked = max((leg.last_checked_at for leg in legs if leg.last_checked_at), default=None)
    if last_checked is not None:
        since = now - last_checked
        card.checked_ago = loc.t("card.just_now") if since < timedelta(minutes=1) else loc.ago(since)
    if s.unfollowed_reason is None:
        models = _models(runtime, now)
        shown = _shown(timeline, models, now, snapshot)
        card.eta, card.eta_range, card.late = _eta(shown, loc)
        health = _health_of(timeline, models, now, snapshot)
        card.health, advice = _health(health, loc)
        if advice and health is not None:
            card.health_state = health.state
            card.next_step = advice
            card.problem = True
        if shown is not None:
            card.eta_iso = shown.latest.isoformat() if shown.late else shown.estimated.isoformat()
    first = min((e.occurred_at for e in timeline.events), default=None)
    if first is not None and card.delivered_on is None:
        card.days_in_transit = loc.plural("unit.days", max(0, (now - first).days))
