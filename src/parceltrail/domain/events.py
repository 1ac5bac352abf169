"""Rules over tracking events: identity (for idempotent ingestion) and the status they imply."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime

from parceltrail.domain.shipment import TrackingEvent


def _norm(text: str | None) -> str:
    # Carriers re-send the same scan with different spacing or case; those must not become new events.
    if not text:
        return ""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def event_fingerprint(number: str, occurred_at: datetime, text: str, code: str | None,
                      location: str | None) -> str:
    """A stable identity for one scan: the same scan fetched twice gets the same fingerprint."""
    instant = occurred_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    key = "\x1f".join((number, instant, _norm(text), _norm(code), _norm(location)))
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def chronological(events: Iterable[TrackingEvent]) -> list[TrackingEvent]:
    """Events oldest first; events reported late still sort by when they happened."""
    return sorted(events, key=lambda e: (e.occurred_at.astimezone(UTC), e.id or 0))


def current_status(events: Iterable[TrackingEvent]) -> tuple[str, str] | None:
    """The (tag, subtag) of the latest classified event, or None when none is classified."""
    latest: TrackingEvent | None = None
    for event in chronological(events):
        if event.classified and event.tag and event.subtag:
            latest = event
    return (latest.tag, latest.subtag) if latest and latest.tag and latest.subtag else None
