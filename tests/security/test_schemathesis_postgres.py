"""Both APIs fuzzed from their OpenAPI document with PostgreSQL as the store (which refuses NUL bytes and
lone surrogates that SQLite takes): no 500s, every answer fits the schema."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from parceltrail.adapters.sandbox.server import serve_in_thread
from parceltrail.adapters.sandbox.timeline import load_or_create
from parceltrail.bootstrap import Runtime, build, sandbox_app
from parceltrail.domain.orders import Role
from parceltrail.entrypoints.http.app import create_app
from parceltrail.entrypoints.http.ratelimit import RateLimiter
from parceltrail.services.marketplace.users import create_user
from parceltrail.settings import Settings
from tests.api.conftest import DELIVERED, make_keys

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
MAX_EXAMPLES = 15  # per operation


@pytest.fixture
def pg_runtime(postgres_url: str, tmp_path: Path) -> Iterator[Runtime]:
    configured = Settings(data_dir=tmp_path, database_url=postgres_url, demo=True, sandbox_speed=3600.0)
    simulation = load_or_create(tmp_path, 3600.0)
    base_url, stop = serve_in_thread(sandbox_app(configured, simulation))
    try:
        yield build(configured, base_url, simulation=simulation)
    finally:
        stop()


def test_both_apis_conform_on_postgresql(pg_runtime: Runtime) -> None:
    app = create_app(pg_runtime, poll=False)
    app.state.rate_limiter = RateLimiter(per_second=0)  # limiting is tested elsewhere
    keys = make_keys(pg_runtime, "fuzz")
    create_user(pg_runtime.store, "fuzz@example.com", "correct horse battery", Role.SELLER,
                pg_runtime.clock.now())
    pg_runtime.tracker.register(DELIVERED)  # some data for the by-number and list routes
    headers = {"X-API-Key": keys.write, "as-api-key": keys.write}
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    paths = {operation.path for operation in operations}
    assert any(p.startswith("/api/v1/") for p in paths) and any(p.startswith("/tracking/") for p in paths)

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def conforms(case: schemathesis.Case) -> None:
            case.call_and_validate(headers=headers, checks=CHECKS)

        conforms()
