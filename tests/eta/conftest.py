"""ETA and health fixtures: the engine Rig (engine + sandbox over real HTTP on a ManualClock), and the API
runtime with an account (tests/api)."""

from __future__ import annotations

from tests.api.conftest import alice, app, client  # noqa: F401 - re-exported fixtures
from tests.engine.conftest import Rig, make_rig  # noqa: F401 - re-exported fixtures

__all__ = ["Rig"]
