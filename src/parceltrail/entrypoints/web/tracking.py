"""What the track page does with its input: find the numbers, turn each into a card (or a problem with the
likely corrections), and, only when asked by a POST, register new ones and fetch them once.

Looking never registers: GET pages, cards and live streams show numbers already tracked, so a link or a
foreign page cannot make this server follow numbers. Bounded: at most MAX_NUMBERS numbers per request,
and only numbers never fetched before are fetched now; later updates come from the engine's schedule.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from parceltrail.bootstrap import Runtime
from parceltrail.domain.errors import InputError, UnrecognizedNumberError
from parceltrail.domain.orders import User
from parceltrail.domain.shipment import Shipment
from parceltrail.entrypoints.web.cards import Card, build_card
from parceltrail.entrypoints.web.i18n import Locale
from parceltrail.numbers import InvalidNumberError, extract, extract_from_email, passes_check
from parceltrail.numbers.suggest import likely
from parceltrail.services.tracking.corrections import corrections as ranked_corrections
from parceltrail.services.tracking.snapshots import snapshots_for
from parceltrail.services.tracking.tracker import parse_number

log = logging.getLogger(__name__)
MAX_NUMBERS = 20
MAX_SUGGESTIONS = 5
MAX_INPUT = 100_000
# A token that looks like someone meant a tracking number (for typo hints); e-mails are not scanned
# for these, or every order and phone number would come back as "not recognized".
_NUMBERISH = re.compile(r"\b[A-Za-z0-9]{10,35}\b")
_WORD = re.compile(r"\b[^\W\d_]{3,}\b")
_EMAIL_HEADERS = re.compile(r"^(from|subject|to|date|content-type|mime-version):", re.I | re.M)


@dataclass(frozen=True, slots=True)
class Problem:
    query: str
    kind: str  # "unrecognized" | "invalid"
    suggestions: tuple[str, ...] = ()


@dataclass(slots=True)
class Tracked:
    cards: list[Card] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    truncated: bool = False
    order: list[str] = field(default_factory=list)  # card numbers and problem queries, input order


def _looks_like_list(text: str) -> bool:
    words = [w for w in _WORD.findall(text) if not _NUMBERISH.fullmatch(w)]
    return len(words) <= 3


def split_input(text: str) -> tuple[list[str], bool]:
    """Numbers found in pasted text (a list of numbers or a whole shipping e-mail), in order, without
    repeats, at most MAX_NUMBERS; plus whether more were cut off. In a list, number-like tokens that no
    carrier issues are kept too, so the page can offer corrections."""
    text = text[:MAX_INPUT]
    if _EMAIL_HEADERS.search(text) or "<html" in text.lower():
        found = [(e.start, e.number) for e in extract_from_email(text)]
    else:
        found = [(e.start, e.number) for e in extract(text)]
        if _looks_like_list(text):
            taken = [(e.start, e.end) for e in extract(text)]
            for match in _NUMBERISH.finditer(text):
                inside = any(a <= match.start() < b or a < match.end() <= b for a, b in taken)
                if not inside and any(ch.isdigit() for ch in match.group()):
                    found.append((match.start(), match.group().upper()))
    out: list[str] = []
    for _, number in sorted(found, key=lambda f: f[0]):
        if number not in out:
            out.append(number)
    return out[:MAX_NUMBERS], len(out) > MAX_NUMBERS


def track(runtime: Runtime, queries: list[str], loc: Locale, *, register: bool = False,
          user: User | None = None) -> Tracked:
    """Cards for `queries` (registering and fetching numbers seen for the first time when `register`);
    a signed-in `user`'s own numbers rank the corrections of a mistyped one."""
    result = Tracked(truncated=len(queries) > MAX_NUMBERS)
    shipments: dict[str, Shipment] = {}
    fresh: list[Shipment] = []
    for query in queries[:MAX_NUMBERS]:
        try:
            number, candidate = parse_number(query)
        except UnrecognizedNumberError as error:
            result.problems.append(Problem(query, "unrecognized", corrections(runtime, error.number, user)))
            result.order.append(query)
            continue
        except (InputError, InvalidNumberError):
            result.problems.append(Problem(query[:60], "invalid"))
            result.order.append(query[:60])
            continue
        carrier = candidate.carrier if candidate else None
        with runtime.store.read() as repo:
            shipment = repo.shipments.find(number, carrier) or repo.shipments.find(number)
        if shipment is None:
            if not register:
                result.problems.append(Problem(number, "unknown"))
                result.order.append(number)
                continue
            shipment = runtime.tracker.register(number, carrier)
        if shipment.last_checked_at is None and shipment.trackable:
            fresh.append(shipment)
        shipments[number] = shipment
        result.order.append(number)
    if fresh and register:
        try:
            runtime.tracker.refresh(fresh)
        except Exception:  # a carrier outage shows as "not checked yet", never as a broken page
            log.exception("fetching %d new numbers failed", len(fresh))
    for number, shipment in shipments.items():
        card = card_for(runtime, shipment, loc, number)
        if card is not None:
            result.cards.append(card)
    return result


def corrections(runtime: Runtime, number: str, user: User | None = None) -> tuple[str, ...]:
    """Likely corrections of a mistyped number: numbers this installation already tracks first (someone
    shipped them, so they are far likelier than an arbitrary one-edit neighbour), then by typo score,
    where a signed-in user's own numbers (and a seller's labels) make their ranges likelier."""
    if passes_check(number):
        return ()
    with runtime.store.read() as repo:
        found = ranked_corrections(repo, number, account_id=user.account_id if user else None, limit=None)
        known = [s.number for s in found if repo.shipments.find(s.number) is not None]
    # Then the typo order, cut where suggest() cuts its own list: far less likely ones are noise.
    ranked = known + [s.number for s in likely(found, MAX_SUGGESTIONS) if s.number not in known]
    return tuple(ranked[:MAX_SUGGESTIONS])


def card_for(runtime: Runtime, shipment: Shipment, loc: Locale, number: str | None = None) -> Card | None:
    if shipment.id is None:
        return None
    # checked against the database on every call; reused (with the card parts built from it) only while
    # nothing about the parcel changed
    snapshot = snapshots_for(runtime.store).shipment(shipment.id)
    if snapshot is None:  # deleted meanwhile
        return None
    return build_card(runtime, snapshot.timeline, loc, number, snapshot=snapshot)


def find_cards(runtime: Runtime, numbers: list[str], loc: Locale) -> list[Card]:
    """Cards of numbers already tracked (no registering, no fetching): for live updates."""
    return track(runtime, numbers, loc, register=False).cards
