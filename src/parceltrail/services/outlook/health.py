"""Silence health of a shipment: not updated / possibly lost / expired, with the likely reason.

`health_for(timeline, stats, now)` applies `predict.assess` to the parcel's whole chain of legs: its
stage (from the events), its last news (the latest event of any leg, else its registration), and the
learned `SilenceStats` (priors until enough journeys are stored; see `services.outlook.eta.models_for`).
`long_silences` lists past quiet spells that exceeded the normal threshold (for evidence files).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from parceltrail.domain.shipment import Timeline
from parceltrail.predict import Health, Lane, SilenceStats, Stage, assess
from parceltrail.predict.silence import EXPIRED_AFTER, PRIORS_ONLY
from parceltrail.services.outlook.eta import Models, Position, lane_of, position_of, stages_after_events
from parceltrail.status import is_terminal
from parceltrail.status.taxonomy import CustomsState, Subtag, customs_state

FLAGGED = frozenset({"not_updated", "possibly_lost", "expired"})


def _in_customs(subtag: str | None) -> bool:
    if not subtag:
        return False
    try:
        state = customs_state(Subtag(subtag))
    except ValueError:
        return False
    return state is not None and state is not CustomsState.released


def health_for(timeline: Timeline, stats: SilenceStats | Models | None, now: datetime, *,
               position: Position | None = None) -> Health:
    """How worrying the parcel's current silence is. Delivered, returned and otherwise finished parcels
    are always "ok"; a shipment the engine marked Expired is "expired" whatever its silence. `position`
    is `position_of(timeline, now)` when the caller already has it."""
    if isinstance(stats, Models):
        stats = stats.silence
    stats = stats or PRIORS_ONLY
    s = timeline.shipment
    if s.unfollowed_reason is not None:  # silence means nothing when no connector asks the carrier
        return Health("untracked", timedelta(0), timedelta(0), timedelta(0), None, "no enabled connector")
    pos = position or position_of(timeline, now)
    last = pos.last_event_at or s.created_at or now
    expired = s.tag == "Expired"
    if not expired and (s.tag == "Delivered" or is_terminal(s.subtag) or pos.stage is Stage.delivered):
        return assess(pos.lane, Stage.delivered, last, now, stats)
    stage = Stage.pending if pos.stage is Stage.delivered else pos.stage
    health = assess(pos.lane, stage, last, now, stats)
    if expired and health.state != "expired":
        health = replace(health, state="expired", likely_reason=health.likely_reason or _reason(stage))
    # The stage says where the parcel is; the latest scan can say more: a customs hold reads as customs
    # even when the journey had already reached the last mile.
    latest = max(timeline.events, key=lambda e: (e.occurred_at, e.id or 0), default=None)
    if health.state != "ok" and latest is not None and _in_customs(latest.subtag):
        health = replace(health, likely_reason="customs")
    return health


def _reason(stage: Stage) -> str | None:
    """The usual reason a parcel in `stage` is quiet (what `assess` names for a long silence)."""
    now = datetime(2000, 1, 1)
    return assess(Lane(), stage, now - EXPIRED_AFTER, now).likely_reason


@dataclass(frozen=True, slots=True)
class Silence:
    """A past quiet spell between two events that lasted longer than the normal threshold."""

    start: datetime
    end: datetime
    stage: Stage
    threshold: timedelta

    @property
    def days(self) -> float:
        return round((self.end - self.start).total_seconds() / 86400, 2)


def long_silences(timeline: Timeline, stats: SilenceStats | Models | None) -> list[Silence]:
    """Gaps between consecutive events of the chain longer than the stage's "not updated" threshold."""
    if isinstance(stats, Models):
        stats = stats.silence
    stats = stats or PRIORS_ONLY
    legs = timeline.legs or [timeline.shipment]
    lane = lane_of(legs[0], legs[-1])
    steps = stages_after_events(timeline.events, lane.origin, lane.destination)
    out = []
    for (t0, stage), (t1, _) in zip(steps, steps[1:], strict=False):
        if stage is Stage.delivered:
            continue
        threshold, _basis = stats.threshold(lane, stage)
        if t1 - t0 > threshold:
            out.append(Silence(t0, t1, stage, threshold))
    return out
