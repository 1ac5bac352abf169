"""The delivery window as the recipient reads it: local calendar dates, and the late rule.

An ETA is a range of instants; a recipient thinks in days of their own calendar. `local_dates` turns the
range into the first and last local date at the destination, in the time zone of the destination
country (`domain.zones.MAIN_ZONES`: one representative zone per country, the most populous one where a
country spans several; unknown countries read in UTC).

`delivery_window` applies the late rule: while the parcel is not delivered and `now` is past the upper
bound of the estimate it was given, the parcel is *late*, and the range is re-estimated from the time
already elapsed: conditional on no delivery so far (through `IntervalCalibrator.calibrate(...,
elapsed=...)`), so it never shows a date in the past.

Engine / pages API (pure; datetimes timezone-aware):

- ``local_dates(earliest, latest, country)`` -> ``LocalDates(first, last, timezone)``;
- ``delivery_window(estimate, reference, now, calibrator=None, delivered_at=None, country=None)`` ->
  ``Window(state, eta, dates)`` with `state` a `WindowState` ("delivered", "on_time", "late");
  `estimate` is the `Eta` predicted at the parcel's reference moment `reference` (e.g. hand-off), the
  one the recipient was shown. With a calibrator the re-estimate is calibrated; without one, the
  estimate's own spread is kept and counted from `now`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from parceltrail.domain.zones import MAIN_ZONES
from parceltrail.predict.calibrate import IntervalCalibrator, handoff_from_eta
from parceltrail.predict.eta import Eta


class WindowState(StrEnum):
    delivered = "delivered"
    on_time = "on_time"  # not delivered, and `now` is not past the estimate's upper bound
    late = "late"  # not delivered, and past it: the range is re-estimated from the elapsed time


@dataclass(frozen=True, slots=True)
class LocalDates:
    """First and last calendar day of a range in the recipient's time zone (`timezone`)."""

    first: date
    last: date
    timezone: str


@dataclass(frozen=True, slots=True)
class Window:
    state: WindowState
    eta: Eta | None  # what to show: the estimate, or its re-estimate when late; None once delivered
    dates: LocalDates | None


def timezone_of(country: str | None, timezones: Mapping[str, str] = MAIN_ZONES) -> str:
    """The representative IANA zone of a country code; UTC when unknown."""
    return timezones.get((country or "").upper(), "UTC")


def local_dates(earliest: datetime, latest: datetime, country: str | None,
                timezones: Mapping[str, str] = MAIN_ZONES) -> LocalDates:
    """The local calendar dates at the destination spanned by [earliest, latest]."""
    if earliest.tzinfo is None or latest.tzinfo is None:
        raise ValueError("instants must be timezone-aware")
    name = timezone_of(country, timezones)
    zone = UTC if name == "UTC" else ZoneInfo(name)
    first, last = earliest.astimezone(zone).date(), latest.astimezone(zone).date()
    return LocalDates(min(first, last), max(first, last), name)


def delivery_window(
    estimate: Eta,
    reference: datetime,
    now: datetime,
    calibrator: IntervalCalibrator | None = None,
    delivered_at: datetime | None = None,
    country: str | None = None,
) -> Window:
    """State and range to show for a parcel given `estimate` at `reference` (see the module docstring)."""
    if delivered_at is not None and delivered_at <= now:
        return Window(WindowState.delivered, None, None)
    if now <= estimate.latest:
        return Window(WindowState.on_time, estimate, local_dates(estimate.earliest, estimate.latest, country))
    base = handoff_from_eta(estimate, reference)
    elapsed = (now - reference).total_seconds() / 86400
    model = calibrator if calibrator is not None else IntervalCalibrator()
    r = model.calibrate(base.median, base.low, base.high, estimate.level, elapsed)
    when = lambda days: max(now, reference + timedelta(days=days))  # noqa: E731
    late = Eta(when(r.median), when(r.low), when(r.high), estimate.level, f"{estimate.basis}:late",
               estimate.samples)
    return Window(WindowState.late, late, local_dates(late.earliest, late.latest, country))
