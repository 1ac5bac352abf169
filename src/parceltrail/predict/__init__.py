"""Delivery predictions: ETA with an interval per lane and stage, and silence health (not updated / lost).

No I/O, no database; learns from plain journey records the engine assembles.
"""

from parceltrail.predict.eta import DeliveredJourney, Eta, EtaModel
from parceltrail.predict.lanes import Lane
from parceltrail.predict.refine import Refined, Refiner
from parceltrail.predict.silence import (
    PRIOR_THRESHOLDS,
    REASONS,
    Health,
    SilenceStats,
    assess,
)
from parceltrail.predict.stages import CUSTOMS_STAGES, STAGE_ORDER, Stage, stage_entries, stage_of

__all__ = [
    "CUSTOMS_STAGES",
    "STAGE_ORDER",
    "PRIOR_THRESHOLDS",
    "REASONS",
    "DeliveredJourney",
    "Eta",
    "EtaModel",
    "Health",
    "Lane",
    "Refined",
    "Refiner",
    "SilenceStats",
    "Stage",
    "assess",
    "stage_entries",
    "stage_of",
]
