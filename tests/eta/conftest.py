"""ETA and health fixtures: the engine Rig (engine + sandbox over real HTTP on a ManualClock)."""

from __future__ import annotations

from tests.engine.conftest import Rig, make_rig  # noqa: F401 - re-exported fixtures

__all__ = ["Rig", "make_rig"]
