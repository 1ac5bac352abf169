"""What a live card shows that can change, and a short token of it.

A page carries the token of each card it rendered; its live stream compares the parcel's state when it
connects with that token, so a change that lands between the page's render and the stream's start is sent
at once instead of waiting for the next change.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from parceltrail.domain.shipment import Shipment, TrackingEvent

_SHAPE = re.compile(r"[0-9a-f]{8}\.[0-9a-f]{8}")


@dataclass(frozen=True, slots=True)
class State:
    """What a card shows that can change, for one shipment: news (status, scans, next leg) and the last
    check (which only moves "last checked")."""

    tag: str
    subtag: str
    events: int
    next_leg_id: int | None
    checked: datetime | None

    @property
    def news(self) -> tuple[object, ...]:
        return (self.tag, self.subtag, self.events, self.next_leg_id)


def states_of(legs: Sequence[Shipment], events: Iterable[TrackingEvent]) -> dict[int, State]:
    """The states of a chain of legs as loaded with its events (one card's data)."""
    counts = Counter(e.shipment_id for e in events)
    return {leg.id: State(leg.tag, leg.subtag, counts.get(leg.id, 0), leg.next_leg_id, leg.last_checked_at)
            for leg in legs if leg.id is not None}


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=4).hexdigest()


def version(states: Mapping[int, State]) -> str:
    """`<news>.<checked>`: two digests, so a stream can tell news from a check that found nothing new."""
    news = sorted((sid, s.news) for sid, s in states.items())
    checked = sorted((sid, s.checked.isoformat() if s.checked else "") for sid, s in states.items())
    return f"{_digest(repr(news))}.{_digest(repr(checked))}"


def news_between(shown: str, now: str) -> bool:
    """Whether two tokens differ in their news part (status, scans, next leg), not only in the last check."""
    return shown.partition(".")[0] != now.partition(".")[0]


def parse_versions(text: str) -> list[str]:
    """The tokens of a page's live address, in the order of its numbers; anything malformed is "" (that
    card simply starts from the state the stream finds)."""
    return [part if _SHAPE.fullmatch(part) else "" for part in text.split()]
