"""When to look at a shipment next: adaptive polling intervals, backoff, and the 30-day Expired rule.

Pure functions of the shipment, its stored events and the clock (plus a `ScanGapModel` learned from past
journeys), so the policy can be tested and simulated without I/O.

How the next check is chosen after a successful fetch, so that scans are seen soon after they happen
without asking the carrier more often than the data justify:

* Scans come at stage-typical gaps: sorting follows acceptance within hours, customs takes days, delivery
  follows "out for delivery" the same day. `ScanGapModel` keeps, per *stage* (the parcel's last two
  classified subtags, e.g. ``InTransit_003>InTransit_007``), the gaps to the next scan observed in stored
  timelines of finished journeys, together with the local hour of day of the scan that opened the gap
  (carriers scan in working hours in their own zone, so the hour matters; international transit does not
  care, and the data say so by themselves).
* Given the stage, the local hour of the last scan and the silence so far, the model yields the
  conditional distribution of the remaining gap. The next poll goes to the *earliest* moment at which a
  one-hour window holds at least `DENSE_SHARE` of that remaining probability (the hazard is concentrated:
  poll there, and again an hour later, so the scan is seen within the hour), or else to the
  `SPARSE_QUANTILE` of the remaining gap (silence: back off geometrically as the conditional shrinks).
* Some scans are waited for: out for delivery, a failed attempt, ready for pickup, delivered, and the
  exceptions that ask the recipient to act (duties, address, returns). Seeing those late defeats the
  tracker; seeing "arrived at sorting centre" late costs nothing. The model also keeps whether each
  learned gap ended in such a scan, so while the remaining gap may still end in one (the local morning
  before out-for-delivery, the hours after it, a pickup point's first day), polls come every
  `AWAITED_STEP`; once the silence has outlasted those, the sparse rule above takes over again.
* Where the model knows nothing (no history for the stage, or a silence longer than any seen), the
  built-in priors apply: a per-state base interval stretched by the silence (`_stretch`), up to a day once
  a parcel has been silent longer than any journey in the history.

The policy never sees the future: only what the database holds (the shipment, its chain's stored events)
and statistics of journeys that have already finished.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from parceltrail.domain.connectors import FailureKind
from parceltrail.domain.shipment import Shipment
from parceltrail.status import Tag, is_customs, is_terminal

HOUR = timedelta(hours=1)
EXPIRE_AFTER = timedelta(days=30)  # AfterShip's rule: no information for 30 days -> Expired
MAX_BACKOFF = timedelta(hours=1)  # carrier faults: retry within the hour at the latest

# Built-in priors: how often to look while a parcel is in a given state when no history says better; a
# long silence stretches it (see `_stretch`).
BASE_INTERVAL: dict[str, timedelta] = {
    Tag.Pending: HOUR,
    Tag.InfoReceived: 6 * HOUR,
    Tag.InTransit: 4 * HOUR,
    Tag.OutForDelivery: HOUR,
    Tag.AttemptFail: 3 * HOUR,
    Tag.AvailableForPickup: 6 * HOUR,
    Tag.Exception: 4 * HOUR,
}
CUSTOMS_INTERVAL = 8 * HOUR  # customs rarely clears within hours
HANDED_OVER_INTERVAL = 24 * HOUR  # a leg whose parcel continues under a new number (stretched to 3 days)
MAX_HANDED_OVER_INTERVAL = 72 * HOUR
MAX_INTERVAL = 12 * HOUR
LONG_SILENCE = 72 * HOUR  # silent for longer than this, or than any gap in the history: probably lost,
LONG_SILENCE_INTERVAL = 36 * HOUR  # so look every day and a half at most

# Learned policy parameters (see the module docstring; tuned on training serials, not the test ones).
DELAY_TARGET_HOURS = 1.0  # "seen within the hour"
DENSE_SHARE = 0.10  # a 1-hour window holding >= 10 % of the remaining gap's probability is worth a poll
SPARSE_QUANTILE = 0.5  # otherwise look again at the median of the remaining gap
MIN_STEP = timedelta(minutes=15)
MIN_SAMPLES = 20  # fewer gaps than this for a stage (at this hour): fall back to the priors
HOUR_WINDOW = 1  # condition on scans opened within +-1 h of the same local hour of day
MAX_SAMPLES_PER_STAGE = 5000
START = "start"  # the stage before the first scan (registration -> first scan)
AWAITED_STEP_HOURS = 0.75  # poll this often while a waited-for scan may come: seen within the hour
AWAITED_SHARE = 0.02  # ... when at least this share of the remaining gaps ended in such a scan
_AWAITED_TAGS = ("OutForDelivery", "AttemptFail", "AvailableForPickup", "Delivered")
# Exceptions that ask the recipient to act, or tell them the parcel will not arrive.
_AWAITED_EXCEPTIONS = frozenset({"Exception_002", "Exception_003", "Exception_006", "Exception_007",
                                 "Exception_008", "Exception_010", "Exception_011", "Exception_018"})


def is_awaited(subtag: str | None, previous: str | None = None) -> bool:
    """A scan people wait for and act on: it moves the parcel into such a state (a repeat of the state
    it is already in, e.g. one more "returning to sender" scan on the way back, tells nobody anything)."""
    if not subtag or subtag == previous:
        return False
    return subtag.startswith(_AWAITED_TAGS) or subtag in _AWAITED_EXCEPTIONS


class Scan(Protocol):
    """A stored event as the policy sees it (`domain.shipment.TrackingEvent` fits)."""

    @property
    def occurred_at(self) -> datetime: ...

    @property
    def subtag(self) -> str | None: ...


def stage_key(events: Sequence[Scan]) -> str:
    """The stage a parcel is in: its last two classified subtags (chronological events of its chain)."""
    classified = [e.subtag for e in events if e.subtag]
    if not classified:
        return START
    previous = classified[-2] if len(classified) > 1 else "-"
    return f"{previous}>{classified[-1]}"


def _local_hour(at: datetime) -> int:
    return at.hour if at.tzinfo is not None else at.replace(tzinfo=UTC).hour


@dataclass
class ScanGapModel:
    """Gaps (hours) from a scan to the next one, per stage, with the local hour of the opening scan.

    Fitted from stored timelines of finished journeys (`fit`), persisted as JSON (`save`/`load`)."""

    # per stage: (local hour of the opening scan, gap in hours, whether the closing scan was awaited)
    stages: dict[str, list[tuple[int, float, bool]]] = field(default_factory=dict)
    _cache: dict[tuple[str, int], tuple[np.ndarray, np.ndarray]] = field(
        default_factory=dict, repr=False, compare=False)

    # fitting -----------------------------------------------------------------------------------------
    @classmethod
    def fit(cls, timelines: Iterable[tuple[datetime | None, Sequence[Scan]]]) -> ScanGapModel:
        """Learn from (registered_at, chronological events of the whole chain) of finished journeys."""
        stages: dict[str, list[tuple[int, float, bool]]] = {}
        for registered_at, events in timelines:
            scans = [e for e in events if e.subtag]
            if registered_at is not None and scans:
                gap = (scans[0].occurred_at - registered_at).total_seconds() / 3600
                if gap >= 0:
                    stages.setdefault(START, []).append(
                        (_local_hour(registered_at), round(gap, 3), is_awaited(scans[0].subtag)))
            for i in range(len(scans) - 1):
                key = stage_key(scans[:i + 1])
                gap = (scans[i + 1].occurred_at - scans[i].occurred_at).total_seconds() / 3600
                if gap >= 0:
                    awaited = is_awaited(scans[i + 1].subtag, scans[i].subtag)
                    hour = _local_hour(scans[i].occurred_at)
                    stages.setdefault(key, []).append((hour, round(gap, 3), awaited))
        for key, samples in stages.items():
            if len(samples) > MAX_SAMPLES_PER_STAGE:  # keep an even spread, deterministically
                step = len(samples) / MAX_SAMPLES_PER_STAGE
                stages[key] = [samples[int(i * step)] for i in range(MAX_SAMPLES_PER_STAGE)]
        return cls(stages)

    def __len__(self) -> int:
        return sum(len(s) for s in self.stages.values())

    # persistence -------------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {"version": 2, "unit": "hours",
                "stages": {k: [[h, g, int(a)] for h, g, a in v] for k, v in sorted(self.stages.items())}}

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> ScanGapModel:
        if doc.get("version") not in (1, 2):
            raise ValueError("unsupported scan-gap model version")
        # version 1 did not record awaited scans: such a model simply never polls densely for them
        return cls({k: [(int(s[0]), float(s[1]), bool(s[2]) if len(s) > 2 else False) for s in v]
                    for k, v in doc["stages"].items()})

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), separators=(",", ":")))

    @classmethod
    def load(cls, path: Path) -> ScanGapModel:
        return cls.from_json(json.loads(path.read_text()))

    # queries -----------------------------------------------------------------------------------------
    def _samples(self, key: str, hour: int) -> tuple[np.ndarray, np.ndarray]:
        """Sorted gaps of `key` opened within HOUR_WINDOW of `hour` (all hours if too few), and the
        sorted gaps among them that ended in an awaited scan."""
        cached = self._cache.get((key, hour))
        if cached is not None:
            return cached
        samples = self.stages.get(key, [])
        near = [s for s in samples if min((s[0] - hour) % 24, (hour - s[0]) % 24) <= HOUR_WINDOW]
        chosen = near if len(near) >= MIN_SAMPLES else samples
        result = (np.sort(np.asarray([s[1] for s in chosen], dtype=float)),
                  np.sort(np.asarray([s[1] for s in chosen if s[2]], dtype=float)))
        self._cache[(key, hour)] = result
        return result

    def gaps(self, key: str, hour: int) -> np.ndarray:
        return self._samples(key, hour)[0]

    def next_poll(self, key: str, hour: int, silence_hours: float) -> float | None:
        """Hours after the last scan at which to look next, or None when the model cannot tell."""
        gaps, awaited = self._samples(key, hour)
        if len(gaps) < MIN_SAMPLES:
            return None
        remaining = gaps[np.searchsorted(gaps, silence_hours, side="right"):]
        awaited_left = awaited[np.searchsorted(awaited, silence_hours, side="right"):]
        n = len(remaining)
        if n < max(3, MIN_SAMPLES // 4):
            return None  # silent for longer than (nearly) every journey seen
        k = max(1, math.ceil(DENSE_SHARE * n))
        # earliest t = remaining[j] such that (t - DELAY_TARGET, t] holds >= k of the remaining gaps
        spans = remaining[k - 1:] - remaining[:n - k + 1]
        dense = np.flatnonzero(spans < DELAY_TARGET_HOURS)
        target = float(remaining[int(dense[0]) + k - 1]) if len(dense) else math.inf
        target = min(target, float(np.quantile(remaining, SPARSE_QUANTILE)))
        # looking again sooner than DELAY_TARGET would not see the scan much sooner "within the hour"
        target = max(target, silence_hours + DELAY_TARGET_HOURS)
        if len(awaited_left) >= AWAITED_SHARE * n:
            # A scan people wait for may come: from the earliest time one came after such a silence,
            # look every AWAITED_STEP until the silence has outlasted them.
            target = min(target, max(float(awaited_left[0]), silence_hours + AWAITED_STEP_HOURS))
        return target


EMPTY_MODEL = ScanGapModel()
def load_scan_gaps(path: Path | None) -> ScanGapModel:
    """The installation's learned scan gaps saved at `path` (see `parceltrail scan-gaps`); the built-in
    priors only when there is no such file or it cannot be read."""
    if path is None or not path.is_file():
        return EMPTY_MODEL
    try:
        return ScanGapModel.load(path)
    except (OSError, ValueError, KeyError):
        return EMPTY_MODEL


def is_expired(shipment: Shipment, now: datetime) -> bool:
    """No new information for 30 days (since the last event, or since registration if none)."""
    if is_terminal(shipment.subtag) or shipment.tag == Tag.Expired:
        return False
    reference = shipment.last_event_at or shipment.created_at
    return reference is not None and now - reference > EXPIRE_AFTER


def _stretch(base: timedelta, silence: timedelta, cap: timedelta = MAX_INTERVAL) -> timedelta:
    # A parcel silent for days is unlikely to move in the next hour: poll at about a quarter of the
    # silence, never faster than the state's base interval and never slower than `cap`.
    return min(max(base, silence / 4), max(base, cap))


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def after_success(shipment: Shipment, now: datetime, events: Sequence[Scan] | None = None,
                  model: ScanGapModel | None = None) -> datetime | None:
    """Next check after a successful fetch; None stops polling.

    `events`: the stored events of the shipment's chain (every leg), oldest first, when the caller has
    them; `model`: learned scan gaps (default: `default_model()`)."""
    if is_terminal(shipment.subtag) or shipment.tag == Tag.Expired:
        return None
    if not shipment.trackable and shipment.last_event_at is not None:
        return None  # unregistered items are not scanned past acceptance
    silence = now - shipment.last_event_at if shipment.last_event_at else timedelta(0)
    if shipment.next_leg_id is not None:  # the later leg carries the news
        return now + _stretch(HANDED_OVER_INTERVAL, silence, MAX_HANDED_OVER_INTERVAL)
    base = CUSTOMS_INTERVAL if is_customs(shipment.subtag) else BASE_INTERVAL.get(shipment.tag, 4 * HOUR)
    model = EMPTY_MODEL if model is None else model
    if model.stages:
        naive = now.tzinfo is None
        now = _aware(now)
        scans = [e for e in events if e.subtag] if events is not None else []
        if scans:
            key, last = stage_key(scans), _aware(scans[-1].occurred_at)
        elif shipment.last_event_at is None and shipment.created_at is not None:
            key, last = START, _aware(shipment.created_at)
        else:
            key, last = "", None
        if last is not None:
            hours = model.next_poll(key, _local_hour(last), (now - last).total_seconds() / 3600)
            if hours is not None:
                at = max(last + timedelta(hours=hours), now + MIN_STEP)
                return at.astimezone(UTC).replace(tzinfo=None) if naive else at
            silence = now - last
            if silence > timedelta(hours=float(model.gaps(key, _local_hour(last))[-1:].max(initial=0))):
                at = now + _stretch(base, silence, LONG_SILENCE_INTERVAL)
                return at.replace(tzinfo=None) if naive else at
        if naive:
            now = now.replace(tzinfo=None)
    return now + _stretch(base, silence, LONG_SILENCE_INTERVAL if silence > LONG_SILENCE else MAX_INTERVAL)


def after_not_found(shipment: Shipment, now: datetime) -> datetime:
    """Not known to the carrier yet: back off from an hour to a day as the number ages."""
    age = now - shipment.created_at if shipment.created_at else timedelta(0)
    return now + min(max(HOUR, age / 4), 24 * HOUR)


def after_failure(kind: FailureKind, failures: int, now: datetime,
                  retry_after_seconds: float | None = None) -> datetime | None:
    """Next check after a carrier-side failure; `failures` counts consecutive ones (>= 1)."""
    if kind is FailureKind.PERMANENT:
        return None
    if kind is FailureKind.AUTH:
        return now + HOUR
    backoff = min(timedelta(minutes=1) * 2 ** min(failures - 1, 10), MAX_BACKOFF)
    if retry_after_seconds is not None:
        backoff = max(backoff, timedelta(seconds=retry_after_seconds))
    return now + backoff
