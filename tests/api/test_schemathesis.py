"""Property-based API testing against the OpenAPI document: no 500s, every answer fits the schema."""

from __future__ import annotations

import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from parceltrail.bootstrap import Runtime
from parceltrail.entrypoints.http.ratelimit import RateLimiter
from tests.api.conftest import DELIVERED, make_keys

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


MAX_EXAMPLES = 30  # per operation


def test_api_conforms_to_its_schema(app: FastAPI, runtime: Runtime) -> None:
    keys = make_keys(runtime, "fuzz")
    app.state.rate_limiter = RateLimiter(per_second=0)  # limiting is tested elsewhere
    runtime.tracker.register(DELIVERED)  # some data for the by-number and list routes
    headers = {"X-API-Key": keys.write, "as-api-key": keys.write}
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 25

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def conforms(case: schemathesis.Case) -> None:
            case.call_and_validate(headers=headers, checks=CHECKS)

        conforms()
