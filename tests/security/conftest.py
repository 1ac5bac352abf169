"""Security suite fixtures: the marketplace's (a runtime, a seller and a buyer with keys, the app) and the
engine's Rig, reused."""

from __future__ import annotations

from tests.engine.conftest import make_rig  # noqa: F401 - the engine's Rig fixture
from tests.orders.conftest import Person, app, buyer, client, seller  # noqa: F401 - marketplace fixtures
