"""The sandbox carrier network: a real HTTP service answering deterministic, realistic simulated journeys.

Public API: `create_app` (FastAPI service), `SandboxConnector` (engine side), `journey` / `build_journey`
(pure journey model), `serve_in_thread` (run it in tests), `TEST_NUMBERS` / `SCENARIOS`.
"""

from parceltrail.adapters.sandbox.app import DEMO_NOTICE, create_app
from parceltrail.adapters.sandbox.connector import SandboxConnector, parse_track_response
from parceltrail.adapters.sandbox.faults import FAULT_HEADER, Fault
from parceltrail.adapters.sandbox.journeys import (
    Journey,
    SandboxEvent,
    build_journey,
    expected_statuses,
    journey,
)
from parceltrail.adapters.sandbox.scenarios import (
    CARRIER_SLUG,
    SCENARIOS,
    TEST_NUMBERS,
    TEST_NUMBERS_BY_DESTINATION,
    Leg,
    Scenario,
    make_number,
    number_for,
    serial_for,
)
from parceltrail.adapters.sandbox.server import serve_in_thread

__all__ = [
    "CARRIER_SLUG",
    "DEMO_NOTICE",
    "FAULT_HEADER",
    "SCENARIOS",
    "TEST_NUMBERS",
    "TEST_NUMBERS_BY_DESTINATION",
    "Fault",
    "Journey",
    "Leg",
    "SandboxConnector",
    "SandboxEvent",
    "Scenario",
    "build_journey",
    "create_app",
    "expected_statuses",
    "journey",
    "make_number",
    "parse_track_response",
    "serial_for",
    "serve_in_thread",
    "number_for",
]
