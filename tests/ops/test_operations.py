"""Operations: /metrics moves while the engine polls, /healthz, /readyz, request ids in JSON logs."""

from __future__ import annotations

import io
import json
import logging
import threading
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.adapters.observability import logs, probes
from parceltrail.adapters.observability.metrics import MeteredSender, Metrics
from parceltrail.adapters.sandbox.scenarios import TEST_NUMBERS
from parceltrail.bootstrap import Runtime
from parceltrail.domain.notifications import (
    ChannelKind,
    EventKind,
    Notification,
    Outcome,
    Scope,
    Status,
    Subscription,
)
from parceltrail.entrypoints.http.app import create_app
from parceltrail.entrypoints.http.operations import _allowed
from parceltrail.settings import Settings, SettingsError

TOKEN = "s3cret-metrics-token"
BEARER = {"Authorization": f"Bearer {TOKEN}"}


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def value(text: str, name: str, **labels: str) -> float:
    return samples(text).get((name, tuple(sorted(labels.items()))), 0.0)


def total(text: str, name: str, **labels: str) -> float:
    """Sum over every sample of `name` whose labels include `labels`."""
    return sum(v for (n, ls), v in samples(text).items()
               if n == name and all((k, want) in ls for k, want in labels.items()))


@pytest.fixture
def secured(runtime: Runtime) -> Runtime:
    runtime.settings = runtime.settings.model_copy(update={"metrics_token": SecretStr(TOKEN)})
    return runtime


@pytest.fixture
def client(secured: Runtime) -> TestClient:
    return TestClient(create_app(secured, poll=False))


def test_metrics_count_lookups_events_and_latency(secured: Runtime, client: TestClient) -> None:
    before = client.get("/metrics", headers=BEARER)
    assert before.status_code == 200
    assert before.headers["content-type"].startswith("text/plain")
    assert total(before.text, "parceltrail_polls_total") == 0
    parcels = [secured.tracker.register(TEST_NUMBERS[name]) for name in ("delivered", "customs_hold")]
    report = secured.tracker.poll_due()
    assert report.new_events > 0
    after = client.get("/metrics", headers=BEARER).text
    assert total(after, "parceltrail_polls_total", outcome="ok") == 2
    assert total(after, "parceltrail_lookup_seconds_count") == report.requests
    assert value(after, "parceltrail_events_ingested_total") == report.new_events
    assert value(after, "parceltrail_unclassified_events_total") == report.unclassified
    carriers = {dict(labels)["carrier"] for (name, labels) in samples(after)
                if name == "parceltrail_polls_total"}
    assert carriers == {parcel.carrier for parcel in parcels}


def test_metrics_move_while_the_engine_polls(secured: Runtime) -> None:
    app = create_app(secured, poll=True)
    with TestClient(app) as client:  # lifespan: demo seeding, the polling thread and the outbox
        deadline = time.monotonic() + 60
        seen: list[float] = []
        while time.monotonic() < deadline:
            text = client.get("/metrics", headers=BEARER).text
            seen.append(value(text, "parceltrail_events_ingested_total"))
            if seen[-1] > 0:
                break
            time.sleep(0.2)
        assert seen[-1] > 0, "the engine stored no event within a minute"
        assert total(text, "parceltrail_polls_total", outcome="ok") > 0
        assert total(text, "parceltrail_lookup_seconds_count") > 0
        assert "parceltrail_outbox_backlog" in text


def test_http_requests_counted_by_route_template(client: TestClient) -> None:
    client.get("/api/v1/trackings/abc")  # 401: no key
    client.get("/no/such/page/123")
    text = client.get("/metrics", headers=BEARER).text
    requests = "parceltrail_http_requests_total"
    assert value(text, requests, method="GET", route="/api/v1/trackings/{tracking_id}", status="401") == 1
    assert value(text, requests, method="GET", route="<unmatched>", status="404") == 1
    assert not any("/no/such/page" in dict(labels).get("route", "") for _, labels in samples(text))


def test_metrics_need_the_token_or_an_operator_address(secured: Runtime, client: TestClient) -> None:
    refused = client.get("/metrics")
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "metrics_unauthorized"
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401
    secured.settings = secured.settings.model_copy(update={"metrics_token": None})
    forbidden = client.get("/metrics")  # the test client's address is no operator address
    assert forbidden.status_code == 403
    assert forbidden.json()["error"]["code"] == "metrics_forbidden"
    networks = Settings(metrics_allow="127.0.0.1, 10.1.0.0/16,::1").metrics_networks
    assert _allowed("127.0.0.1", networks) and _allowed("10.1.200.3", networks) and _allowed("::1", networks)
    assert _allowed("::ffff:10.1.0.9", networks)
    assert not _allowed("10.2.0.1", networks) and not _allowed("testclient", networks)
    assert not _allowed(None, networks)


def test_bad_operations_settings_name_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARCELTRAIL_METRICS_ALLOW", "127.0.0.1,not-a-net")
    with pytest.raises(SettingsError, match="PARCELTRAIL_METRICS_ALLOW"):
        Settings.from_env()
    monkeypatch.delenv("PARCELTRAIL_METRICS_ALLOW")
    monkeypatch.setenv("PARCELTRAIL_LOG_FORMAT", "xml")
    with pytest.raises(SettingsError, match="PARCELTRAIL_LOG_FORMAT"):
        Settings.from_env()
    monkeypatch.setenv("PARCELTRAIL_LOG_FORMAT", "JSON")
    assert Settings.from_env().log_format == "json"


def test_healthz_and_readyz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    body = ready.json()
    assert body["status"] == "ready"
    assert set(body["checks"]) == {"database", "migrations", "outbox"}


def test_readyz_reports_an_old_schema(runtime: Runtime, client: TestClient) -> None:
    migrate.downgrade(runtime.settings.database_url, "0005")
    answer = client.get("/readyz")
    assert answer.status_code == 503
    assert answer.json()["checks"]["migrations"]["ok"] is False
    assert "parceltrail migrate" in answer.json()["checks"]["migrations"]["detail"]


def test_readyz_reports_an_unreachable_database(tmp_path: object, runtime: Runtime) -> None:
    runtime.store = Store(make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2"))
    answer = TestClient(create_app(runtime, poll=False)).get("/readyz")
    assert answer.status_code == 503
    assert answer.json()["checks"]["database"]["ok"] is False
    assert set(answer.json()["checks"]) == {"database"}


def _pending(runtime: Runtime, due_ago: timedelta) -> None:
    now = runtime.clock.now()
    with runtime.store.transaction() as repo:
        subscription = repo.notifications.add_subscription(Subscription(
            id=0, scope=Scope.ACCOUNT, events=[EventKind.DELIVERED], channel=ChannelKind.WEBHOOK,
            target="https://example.org/hook", created_at=now, secret="x"))
        repo.notifications.enqueue(event_id="e1", subscription_id=subscription.id, shipment_id=None,
                                   kind=EventKind.DELIVERED, payload={}, status=Status.PENDING,
                                   now=now - due_ago, not_before=now - due_ago,
                                   expires_at=now + timedelta(days=1))


def test_readyz_reports_a_stuck_outbox(runtime: Runtime, client: TestClient) -> None:
    stuck = runtime.settings.outbox_stuck_seconds * runtime.simulation.speed
    _pending(runtime, timedelta(seconds=stuck * 3))
    answer = client.get("/readyz")
    assert answer.status_code == 503
    assert answer.json()["checks"]["outbox"]["ok"] is False
    text = client.get("/metrics", headers=BEARER).text
    assert value(text, "parceltrail_outbox_backlog") == 1
    assert value(text, "parceltrail_outbox_oldest_due_age_seconds") >= stuck * 3
    assert value(text, "parceltrail_outbox_notifications", status="pending") == 1


def test_readyz_with_a_fresh_backlog_is_ready(runtime: Runtime, client: TestClient) -> None:
    _pending(runtime, timedelta(seconds=0))
    assert client.get("/readyz").status_code == 200


@pytest.mark.postgres
def test_probes_on_postgresql(postgres_url: str) -> None:
    engine = make_engine(postgres_url)
    try:
        assert probes.check_migrations(engine).ok is False
        migrate.upgrade(postgres_url)
        assert probes.check_database(engine).ok
        assert probes.check_migrations(engine).ok
        from datetime import UTC, datetime
        assert probes.check_outbox(engine, datetime.now(UTC), 60).ok
    finally:
        engine.dispose()


class _Failing:
    def deliver(self, subscription: Subscription, notification: Notification) -> Outcome:
        return Outcome(False, "503 from the receiver")


def test_metered_sender_counts_failures_by_channel() -> None:
    metrics = Metrics()
    sub = Subscription(id=1, scope=Scope.ACCOUNT, events=[], channel=ChannelKind.EMAIL, target="a@b.org",
                       created_at=None, secret="")  # type: ignore[arg-type]
    outcome = MeteredSender(_Failing(), metrics).deliver(sub, None)  # type: ignore[arg-type]
    assert not outcome.ok
    text = metrics.exposition().decode()
    assert value(text, "parceltrail_notification_failures_total", channel="email") == 1
    assert value(text, "parceltrail_notification_deliveries_total", channel="email", result="failed") == 1


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logs.JsonFormatter())
    handler.addFilter(logs.RequestIdFilter())
    access = logging.getLogger("parceltrail.http.access")
    old_level = access.level
    access.setLevel(logging.INFO)
    access.addHandler(handler)
    yield stream
    access.removeHandler(handler)
    access.setLevel(old_level)


def test_request_ids_in_headers_and_json_logs(client: TestClient, json_log: io.StringIO) -> None:
    given = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert given.headers["x-request-id"] == "abc-123"
    made = client.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces"})
    assert made.headers["x-request-id"] != "bad id\twith spaces" and len(made.headers["x-request-id"]) == 32
    lines = [json.loads(line) for line in json_log.getvalue().splitlines()]
    assert [line["request_id"] for line in lines] == ["abc-123", made.headers["x-request-id"]]
    assert lines[0]["route"] == "/healthz" and lines[0]["status"] == 200 and lines[0]["level"] == "INFO"


def test_request_id_reaches_log_lines_written_inside_a_request(json_log: io.StringIO) -> None:
    app = FastAPI()
    inner = logging.getLogger("parceltrail.http.access.inner")

    @app.get("/work")
    def work() -> dict[str, str]:  # a sync route runs in a worker thread: the id must follow it there
        inner.info("working in %s", threading.current_thread().name)
        return {}

    from parceltrail.entrypoints.http.operations import RequestObserver
    app.add_middleware(RequestObserver, metrics=Metrics())
    TestClient(app).get("/work", headers={"X-Request-ID": "req-42"})
    lines = [json.loads(line) for line in json_log.getvalue().splitlines()]
    assert [line["request_id"] for line in lines] == ["req-42", "req-42"]
    assert lines[0]["message"].startswith("working in")


def test_routes_inside_a_mounted_app_keep_their_mount_path() -> None:
    inner, outer = FastAPI(), FastAPI()

    @inner.post("/v1/track/{number}")
    def tracked(number: str) -> dict[str, str]:
        return {"number": number}

    outer.mount("/sandbox", inner)
    metrics = Metrics()
    from parceltrail.entrypoints.http.operations import RequestObserver
    outer.add_middleware(RequestObserver, metrics=metrics)
    client = TestClient(outer)
    assert client.post("/sandbox/v1/track/PTS1").status_code == 200
    client.get("/sandbox/nothing")
    text = metrics.exposition().decode()
    requests = "parceltrail_http_requests_total"
    assert value(text, requests, method="POST", route="/sandbox/v1/track/{number}", status="200") == 1
    assert value(text, requests, method="GET", route="<unmatched>", status="404") == 1
