"""Requests an attacker or a careless client sends: NUL and control characters (on SQLite and PostgreSQL,
where NUL cannot be stored), cross-site writes and simple-content-type bodies against the cookie-signed-in
API and forms, and the headers every page carries."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from parceltrail.adapters.db.tables import shipments
from parceltrail.adapters.sandbox.server import serve_in_thread
from parceltrail.adapters.sandbox.timeline import load_or_create
from parceltrail.bootstrap import Runtime, build, sandbox_app
from parceltrail.domain.accounts import Scope
from parceltrail.domain.orders import Role
from parceltrail.entrypoints.http.app import create_app
from parceltrail.services.marketplace.users import create_user
from parceltrail.settings import Settings

UPS = "1Z999AA10123456784"
PASSWORD = "correct horse battery"
EVIL = "https://evil.example"


@pytest.fixture(params=["sqlite", "postgres"])
def any_runtime(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Runtime]:
    url = (f"sqlite:///{tmp_path / 'parceltrail.db'}" if request.param == "sqlite"
           else request.getfixturevalue("migrated_postgres_url"))
    settings = Settings(data_dir=tmp_path, database_url=url, demo=True, sandbox_speed=3600.0)
    simulation = load_or_create(tmp_path, 3600.0)
    base_url, stop = serve_in_thread(sandbox_app(settings, simulation))
    try:
        yield build(settings, base_url, simulation=simulation)
    finally:
        stop()


@pytest.fixture
def client(any_runtime: Runtime) -> TestClient:
    return TestClient(create_app(any_runtime, poll=False))


@pytest.fixture
def key(any_runtime: Runtime) -> str:
    now = any_runtime.clock.now()
    user = create_user(any_runtime.store, "buyer@example.com", PASSWORD, Role.BUYER, now)
    with any_runtime.store.transaction() as repo:
        _, write = repo.accounts.create_key(user.account_id, Scope.WRITE, now)
    return write


def _shipment_count(runtime: Runtime) -> int:
    with runtime.store.read() as repo:
        return int(repo.conn.execute(select(func.count()).select_from(shipments)).scalar_one())


def _code(response: object) -> str:
    return response.json()["error"]["code"]  # type: ignore[attr-defined]


def test_control_characters_are_refused_before_anything_is_written(any_runtime: Runtime, client: TestClient,
                                                                   key: str) -> None:
    headers = {"X-API-Key": key}
    answer = client.post("/api/v1/session", json={"email": "a\u0000@x.org", "password": "x"})
    assert answer.status_code == 400 and _code(answer) == "invalid_characters"
    before = _shipment_count(any_runtime)
    for title in ("a\\u0000b", "bell\\u0007", "esc\\u001b[31m", "lone \\ud800 surrogate"):
        answer = client.post("/api/v1/trackings", headers={**headers, "Content-Type": "application/json"},
                             content=f'{{"tracking_number": "{UPS}", "title": "{title}"}}')
        assert answer.status_code == 400 and _code(answer) == "invalid_characters", title
    assert _shipment_count(any_runtime) == before
    answer = client.get("/api/v1/trackings?tag=%00", headers=headers)
    assert answer.status_code == 400 and _code(answer) == "invalid_characters"
    answer = client.post("/api/v1/subscriptions", headers=headers,
                         json={"channel": "email", "target": "a\u0000@example.org"})
    assert answer.status_code == 400 and _code(answer) == "invalid_characters"
    answer = client.post("/tracking/2026-07/trackings", headers={"as-api-key": key},
                         json={"tracking_number": UPS, "title": "x\u0000"})
    assert answer.status_code == 400 and answer.json()["meta"]["type"] == "BadRequest"
    # multi-line text stays allowed; the write is whole
    answer = client.post("/api/v1/trackings", headers=headers,
                         json={"tracking_number": UPS, "title": "line one\nline two"})
    assert answer.status_code == 201, answer.text
    assert _shipment_count(any_runtime) == before + 1


def test_a_nul_in_the_login_form_gets_a_page_in_the_visitors_language(client: TestClient) -> None:
    answer = client.post("/login", data={"email": "a\u0000@x.org", "password": "x"},
                         headers={"Accept-Language": "es"})
    assert answer.status_code == 400
    assert "text/html" in answer.headers["content-type"]
    assert "caracteres de control" in answer.text
    answer = client.get("/track?q=%00", headers={"Accept-Language": "ru"})
    assert answer.status_code == 400 and "управляющие символы" in answer.text


def test_cookie_writes_from_another_site_are_refused(client: TestClient, key: str) -> None:
    login = client.post("/api/v1/session", json={"email": "buyer@example.com", "password": PASSWORD})
    assert login.status_code == 200
    assert client.get("/api/v1/session").status_code == 200  # signed in by the cookie
    write = "/api/v1/orders/999999/confirm-receipt"
    # the same site's own pages reach the route (which answers: no such order)
    assert client.post(write, headers={"Origin": "http://testserver"}, json={}).status_code == 404
    assert client.post(write, json={}).status_code == 404
    answer = client.post(write, headers={"Origin": EVIL}, json={})
    assert answer.status_code == 403 and _code(answer) == "cross_origin"
    assert client.post(write, headers={"Referer": f"{EVIL}/page"}, json={}).status_code == 403
    answer = client.post(write, headers={"Content-Type": "text/plain"}, content="{}")
    assert answer.status_code == 415 and _code(answer) == "unsupported_media_type"
    answer = client.post(write, headers={"Content-Type": "application/x-www-form-urlencoded"}, content="a=b")
    assert answer.status_code == 415
    answer = client.post("/login", headers={"Origin": EVIL},
                         data={"email": "buyer@example.com", "password": PASSWORD})
    assert answer.status_code == 403 and "text/html" in answer.headers["content-type"]
    answer = client.post("/logout", headers={"Origin": "null"}, follow_redirects=False)
    assert answer.status_code == 403


def test_pages_carry_security_headers(client: TestClient) -> None:
    answer = client.get("/track")
    assert answer.status_code == 200
    csp = answer.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert "strict-transport-security" not in answer.headers
    secure = TestClient(client.app, base_url="https://testserver")
    assert "max-age=" in secure.get("/track").headers["strict-transport-security"]
    assert client.get("/api/v1/health").headers["x-content-type-options"] == "nosniff"


def test_a_tracking_the_database_refuses_leaves_no_shipment(postgres_url: str, tmp_path: Path) -> None:
    from parceltrail.services.tracking.trackings import Labels, TrackingService

    settings = Settings(data_dir=tmp_path, database_url=postgres_url, sandbox_url="http://127.0.0.1:9/unused")
    runtime = build(settings, settings.sandbox_url)
    with runtime.store.transaction() as repo:
        account = repo.accounts.create_account("shop", runtime.clock.now())
    before = _shipment_count(runtime)
    # Past the request guard (a caller inside the process): PostgreSQL refuses the NUL in the title.
    with pytest.raises(Exception):  # noqa: B017, PT011 - the driver's own error type
        TrackingService(runtime).create(account.id, UPS, None, Labels(title="a\u0000b"))
    assert _shipment_count(runtime) == before
