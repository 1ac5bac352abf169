"""The connector protocol: what every carrier connector (and the sandbox) gives the engine.

A connector fetches a batch of numbers and returns, per number, either a `TrackResult` with the carrier's
raw events (not yet normalized: `status.classify` does that in ingestion) or a typed `Failure` that tells
the scheduler what to do next.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol


@dataclass(frozen=True, slots=True)
class RawEvent:
    """One scan as the carrier reported it."""

    occurred_at: datetime  # timezone-aware, in the carrier's local offset where known
    text: str  # the carrier's own words, any language
    code: str | None = None  # the carrier's event code, if it has one
    location: str | None = None  # free-text location as the carrier wrote it
    country: str | None = None  # ISO 3166-1 alpha-2
    city: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    lang: str | None = None  # language of `text` when the carrier says or it is known


@dataclass(frozen=True, slots=True)
class NextLeg:
    """The carrier handed the parcel over under a new number (e.g. to a last-mile carrier)."""

    number: str
    carrier: str  # carrier slug


@dataclass(frozen=True, slots=True)
class TrackResult:
    number: str
    events: Sequence[RawEvent]
    carrier_name: str | None = None
    origin_country: str | None = None
    destination_country: str | None = None
    next_leg: NextLeg | None = None
    simulated: bool = False  # data comes from the sandbox, not a real carrier
    payload: Mapping[str, Any] = field(default_factory=dict)  # the raw response part for this number


class FailureKind(StrEnum):
    NOT_FOUND = "not_found"  # the carrier does not know the number (yet)
    RETRY_LATER = "retry_later"  # rate limit, server error, timeout, malformed body: try again
    PERMANENT = "permanent"  # the number will never be tracked by this connector
    AUTH = "auth"  # credentials missing, expired or refused


@dataclass(frozen=True, slots=True)
class Failure:
    kind: FailureKind
    reason: str
    retry_after_seconds: float | None = None


FetchOutcome = TrackResult | Failure


class Connector(Protocol):
    slug: str  # carrier slug this connector serves (AfterShip-style)
    max_batch: int  # most numbers one `fetch` call may take

    def fetch(self, numbers: Sequence[str]) -> Mapping[str, FetchOutcome]:
        """Fetch tracking data for up to `max_batch` numbers; every number gets an outcome."""
        ...
