"""Delivery predictions: ETA with an interval per lane and stage, its online calibration, the recipient's
local delivery window, and silence health (not updated / lost).

No I/O, no database; learns from plain journey records the engine assembles.
"""

from parceltrail.predict.calibrate import Calibrated, Handoff, IntervalCalibrator, handoff_from_eta
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
from parceltrail.predict.window import LocalDates, Window, WindowState, delivery_window, local_dates

__all__ = [
    "CUSTOMS_STAGES",
    "STAGE_ORDER",
    "PRIOR_THRESHOLDS",
    "REASONS",
    "Calibrated",
    "DeliveredJourney",
    "Eta",
    "EtaModel",
    "Handoff",
    "Health",
    "IntervalCalibrator",
    "Lane",
    "LocalDates",
    "Refined",
    "Refiner",
    "SilenceStats",
    "Stage",
    "WindowState",
    "Window",
    "assess",
    "delivery_window",
    "handoff_from_eta",
    "local_dates",
    "stage_entries",
    "stage_of",
]
