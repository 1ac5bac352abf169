"""Silence health: is a parcel's quiet spell normal, unusually long, alarming, or over?

Learns, per lane group and stage, how long the gap between two consecutive events usually is, and
compares the current silence (now - last event) with it:

- ``not_updated``: longer than the group's 95th-percentile gap (never below a per-stage floor);
- ``possibly_lost``: longer than LOST_FACTOR x that threshold, and at least 14 days;
- ``expired``: no information for 30 days (the usual carrier/aggregator rule; tracking stops).

Until enough gaps are learned, documented priors per stage are used (`PRIOR_THRESHOLDS`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from parceltrail.predict.lanes import Lane
from parceltrail.predict.quantiles import quantile
from parceltrail.predict.stages import Stage

FORMAT = "parceltrail.silence/1"
HealthState = Literal["ok", "not_updated", "possibly_lost", "expired", "untracked"]

PERCENTILE = 0.95
MIN_SAMPLES = 30
LOST_FACTOR = 2.5
LOST_FLOOR = timedelta(days=14)
EXPIRED_AFTER = timedelta(days=30)
_LOST_CAP = timedelta(days=28)  # "lost" must be reachable before "expired"
_THRESHOLD_CAP = timedelta(days=20)

# Built-in priors: the silence after which a stage counts as "not updated" when nothing is learned.
# Rough figures from postal practice: domestic hubs scan daily; customs and flights go quiet for days;
# labels can wait a week for the shipper; pickup points hold parcels 1-2 weeks.
PRIOR_THRESHOLDS: Mapping[Stage, timedelta] = {
    Stage.pending: timedelta(days=7),
    Stage.info_received: timedelta(days=7),
    Stage.accepted: timedelta(days=3),
    Stage.in_transit_origin: timedelta(days=4),
    Stage.export_customs: timedelta(days=6),
    Stage.international: timedelta(days=7),
    Stage.import_customs: timedelta(days=7),
    Stage.last_mile: timedelta(days=5),
    Stage.out_for_delivery: timedelta(days=3),
    Stage.awaiting_pickup: timedelta(days=10),
}
# Learned thresholds never go below these: a lane whose scans are always daily should still not
# alarm after two quiet days; customs and flights get more slack.
FLOORS: Mapping[Stage, timedelta] = {
    **{stage: timedelta(days=3) for stage in Stage},
    Stage.export_customs: timedelta(days=5),
    Stage.international: timedelta(days=5),
    Stage.import_customs: timedelta(days=5),
    Stage.info_received: timedelta(days=5),
    Stage.awaiting_pickup: timedelta(days=7),
}

# Why a parcel in a stage is most likely quiet (machine code -> human wording).
REASONS: Mapping[str, str] = {
    "awaiting_handover": "the shipper has not handed the parcel to the carrier yet",
    "origin_transit": "moving between hubs in the origin country; scans can be sparse",
    "customs": "held in customs (inspection, documents or duties)",
    "international_transit": "waiting for a flight or in international transit",
    "last_mile": "handed to the local post for the last mile; it may not report every scan",
    "delivery_attempt": "a delivery attempt or re-attempt is pending",
    "awaiting_pickup": "waiting at a pickup point for the recipient",
}
_REASON_OF: Mapping[Stage, str] = {
    Stage.pending: "awaiting_handover",
    Stage.info_received: "awaiting_handover",
    Stage.accepted: "origin_transit",
    Stage.in_transit_origin: "origin_transit",
    Stage.export_customs: "customs",
    Stage.international: "international_transit",
    Stage.import_customs: "customs",
    Stage.last_mile: "last_mile",
    Stage.out_for_delivery: "delivery_attempt",
    Stage.awaiting_pickup: "awaiting_pickup",
}


@dataclass(frozen=True, slots=True)
class Health:
    state: HealthState
    silence: timedelta
    threshold: timedelta  # silence beyond which the parcel is "not updated"
    lost_after: timedelta
    likely_reason: str | None  # a key of REASONS, None when all is well
    basis: str  # which group decided the threshold, or "prior"


@dataclass(frozen=True, slots=True)
class GapStats:
    count: int
    high: float  # PERCENTILE of the gaps, hours


@dataclass(frozen=True, slots=True)
class SilenceStats:
    """Per lane group and stage: how long gaps between consecutive events are."""

    groups: Mapping[str, Mapping[Stage, GapStats]] = field(default_factory=dict)
    min_samples: int = MIN_SAMPLES

    @classmethod
    def fit(
        cls,
        journeys: Iterable[tuple[Lane, Sequence[tuple[datetime, Stage]]]],
        *,
        min_samples: int = MIN_SAMPLES,
    ) -> SilenceStats:
        """Learn from (lane, [(event time, stage after that event), ...]) of past parcels.

        Each gap is charged to the stage the parcel was in while quiet (the stage after the earlier event).
        """
        gaps: dict[str, dict[Stage, list[float]]] = {}
        for lane, events in journeys:
            ordered = sorted(events, key=lambda e: e[0])
            keys = [key for _, key in lane.levels()]
            for (t0, stage), (t1, _) in zip(ordered, ordered[1:], strict=False):
                if stage is Stage.delivered:
                    continue
                hours = (t1 - t0).total_seconds() / 3600
                for key in keys:
                    gaps.setdefault(key, {}).setdefault(stage, []).append(hours)
        groups = {
            key: {stage: _gap_stats(v) for stage, v in by.items()} for key, by in gaps.items()
        }
        return cls(groups, min_samples)

    def threshold(self, lane: Lane, stage: Stage) -> tuple[timedelta, str]:
        """Silence beyond which `stage` on `lane` counts as not updated, and which group decided it."""
        floor = FLOORS[stage]
        for name, key in lane.levels():
            stats = self.groups.get(key, {}).get(stage)
            if stats is not None and stats.count >= self.min_samples:
                learned = timedelta(hours=stats.high)
                return min(_THRESHOLD_CAP, max(floor, learned)), name
        return max(floor, PRIOR_THRESHOLDS[stage]), "prior"

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "min_samples": self.min_samples,
            "groups": {
                key: {stage.value: [s.count, s.high] for stage, s in by.items()}
                for key, by in sorted(self.groups.items())
            },
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SilenceStats:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model: {data.get('format')!r}")
        groups = {
            key: {Stage(stage): GapStats(int(v[0]), float(v[1])) for stage, v in by.items()}
            for key, by in data["groups"].items()
        }
        return cls(groups, int(data["min_samples"]))


def _gap_stats(hours: list[float]) -> GapStats:
    return GapStats(len(hours), round(quantile(sorted(hours), PERCENTILE), 2))


PRIORS_ONLY = SilenceStats()


def assess(
    lane: Lane, stage: Stage, last_event_at: datetime, now: datetime, stats: SilenceStats = PRIORS_ONLY
) -> Health:
    """Health of a parcel in `stage` whose last event was at `last_event_at`."""
    silence = max(timedelta(0), now - last_event_at)
    if stage is Stage.delivered:
        return Health("ok", silence, EXPIRED_AFTER, EXPIRED_AFTER, None, "delivered")
    threshold, basis = stats.threshold(lane, stage)
    lost_after = min(_LOST_CAP, max(LOST_FLOOR, threshold * LOST_FACTOR))
    reason = _REASON_OF[stage]
    if silence >= EXPIRED_AFTER:
        return Health("expired", silence, threshold, lost_after, reason, basis)
    if silence >= lost_after:
        return Health("possibly_lost", silence, threshold, lost_after, reason, basis)
    if silence > threshold:
        return Health("not_updated", silence, threshold, lost_after, reason, basis)
    return Health("ok", silence, threshold, lost_after, None, basis)
