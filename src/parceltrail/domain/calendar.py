"""Calendar feeds and the estimates parcels were given: plain types, no I/O.

A user's calendar feed is a secret URL (`/calendar/<token>.ics`); only the token's SHA-256 is stored, so a
leaked database does not leak the feeds. Creating a feed again replaces (rotates) the old one; revoking
it makes the URL answer 404.

A parcel's estimate is kept as instants and as the recipient's calendar days (the destination's time
zone): the first one it was given (on-time rates are measured against it) and the current one (moved-
estimate and late notices, the calendar's LAST-MODIFIED).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta


@dataclass(slots=True)
class CalendarFeed:
    id: int
    user_id: int
    prefix: str
    created_at: datetime
    timezone: str | None = None
    language: str | None = None
    revoked_at: datetime | None = None


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> tuple[str, str, str]:
    """A new feed secret: (the token, shown once in the URL; its display prefix; its SHA-256)."""
    token = secrets.token_urlsafe(32)
    return token, token[:8], hash_token(token)


@dataclass(frozen=True, slots=True)
class Window:
    """An estimate as the recipient reads it: instants, and the local days they fall on in `timezone`."""

    timezone: str
    expected: datetime
    earliest: datetime
    latest: datetime
    first_day: date
    expected_day: date
    last_day: date

    @property
    def due_by(self) -> datetime:
        """The end of the window's last local day (the next local midnight), in UTC: delivered before it,
        the parcel was on time."""
        from zoneinfo import ZoneInfo

        end = datetime.combine(self.last_day + timedelta(days=1), time(0), tzinfo=ZoneInfo(self.timezone))
        return end.astimezone(UTC)

    def same_days(self, other: Window | StoredEstimate) -> bool:
        return (self.first_day, self.expected_day, self.last_day) == (other.first_day, other.expected_day,
                                                                     other.last_day)


@dataclass(frozen=True, slots=True)
class StoredEstimate:
    """The estimate a shipment was given: the current window and when its days last moved, and the first
    window's end (`first_due_by`: the end of its last local day)."""

    shipment_id: int
    timezone: str
    first_estimated_at: datetime
    first_due_by: datetime
    first_last_day: date
    estimated_at: datetime
    expected: datetime
    earliest: datetime
    latest: datetime
    first_day: date
    expected_day: date
    last_day: date
    changed_at: datetime

    def window(self) -> Window:
        return Window(self.timezone, self.expected, self.earliest, self.latest, self.first_day,
                      self.expected_day, self.last_day)
