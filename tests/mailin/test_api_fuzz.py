"""The mail intake API against its own OpenAPI document, as a signed-up user: no 500s, every answer
documented. (Connecting a mailbox is left out: it would dial whatever host the fuzzer makes up.)"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from parceltrail.bootstrap import Runtime
from parceltrail.domain.accounts import Scope
from parceltrail.domain.orders import Role
from parceltrail.entrypoints.http.app import create_app
from parceltrail.services.mailin import intake
from parceltrail.services.marketplace.users import create_user
from tests.mailin.conftest import USER, Case

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def test_mailin_api_conforms_to_its_schema(runtime: Runtime, corpus: dict[str, Case]) -> None:
    now = runtime.clock.now()
    user = create_user(runtime.store, USER, "correct horse battery", Role.BUYER, now)
    create_user(runtime.store, "ben@example.org", "correct horse battery", Role.BUYER, now)
    intake.accept(runtime.store, user, corpus["temu-en"].raw, now, channel="api", allowed=None)
    with runtime.store.transaction() as repo:
        _, key = repo.accounts.create_key(user.account_id, Scope.WRITE, now)
    app = create_app(runtime, poll=False)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [r.ok() for r in schema.get_all_operations()]
    operations = [
        o
        for o in operations
        if o.path.startswith("/api/v1/mailin")
        and not (o.path == "/api/v1/mailin/mailboxes" and o.method.upper() == "POST")
    ]
    assert len(operations) >= 10
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def conforms(case: schemathesis.Case) -> None:
            case.call_and_validate(headers={"X-API-Key": key}, checks=CHECKS)

        conforms()
