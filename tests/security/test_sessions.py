"""Sessions live on the server: logout, a password change and the operator end them; the cookie carries
nothing of the password; failed logins are throttled per account and per address; password checks run in
bounded slots."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from parceltrail.bootstrap import Runtime, build
from parceltrail.domain.orders import Role
from parceltrail.entrypoints.cli.main import app as cli
from parceltrail.entrypoints.http import login as login_module
from parceltrail.entrypoints.http.app import create_app
from parceltrail.services.marketplace.users import create_user
from parceltrail.settings import Settings

PASSWORD = "correct horse battery"
EMAIL = "buyer@example.com"


def _runtime(tmp_path: Path, **overrides: Any) -> Runtime:
    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'parceltrail.db'}",
                        sandbox_url="http://127.0.0.1:9/unused", **overrides)
    return build(settings, settings.sandbox_url)


@pytest.fixture
def runtime(tmp_path: Path) -> Runtime:
    built = _runtime(tmp_path)
    create_user(built.store, EMAIL, PASSWORD, Role.BUYER, built.clock.now())
    return built


def _signed_in(runtime: Runtime, password: str = PASSWORD) -> TestClient:
    client = TestClient(create_app(runtime, poll=False))
    answer = client.post("/api/v1/session", json={"email": EMAIL, "password": password})
    assert answer.status_code == 200, answer.text
    return client


def _cookie(client: TestClient) -> str:
    return client.cookies["parceltrail_session"]


def _with_cookie(runtime: Runtime, token: str) -> TestClient:
    client = TestClient(create_app(runtime, poll=False))
    client.cookies.set("parceltrail_session", token)
    return client


def test_logout_revokes_the_session_on_the_server(runtime: Runtime) -> None:
    client = _signed_in(runtime)
    token = _cookie(client)
    with runtime.store.read() as repo:
        digest = repo.orders.password_hash(repo.orders.user_by_email(EMAIL).id)
    assert digest[-16:] not in token and len(token) >= 40  # nothing of the password in the cookie
    assert client.get("/api/v1/session").status_code == 200
    assert client.delete("/api/v1/session").status_code == 204
    assert _with_cookie(runtime, token).get("/api/v1/session").status_code == 401

    page_client = TestClient(create_app(runtime, poll=False))
    page_client.post("/login", data={"email": EMAIL, "password": PASSWORD}, follow_redirects=False)
    page_token = _cookie(page_client)
    assert page_client.post("/logout", follow_redirects=False).status_code == 303
    assert _with_cookie(runtime, page_token).get("/api/v1/session").status_code == 401


def test_a_password_change_ends_every_other_session(runtime: Runtime) -> None:
    first, second = _signed_in(runtime), _signed_in(runtime)
    old_second = _cookie(second)
    answer = first.post("/api/v1/session/password",
                        json={"current_password": "wrong password", "new_password": "a new secret 1"})
    assert answer.status_code == 401
    answer = first.post("/api/v1/session/password",
                        json={"current_password": PASSWORD, "new_password": "a new secret 1"})
    assert answer.status_code == 200 and answer.json()["data"]["sessions_ended"] == 2
    assert _with_cookie(runtime, old_second).get("/api/v1/session").status_code == 401
    assert first.get("/api/v1/session").status_code == 200  # the changer got a fresh session
    fresh = TestClient(create_app(runtime, poll=False))
    assert fresh.post("/api/v1/session", json={"email": EMAIL, "password": PASSWORD}).status_code == 401
    answer = fresh.post("/api/v1/session", json={"email": EMAIL, "password": "a new secret 1"})
    assert answer.status_code == 200


def test_the_operator_revokes_a_users_sessions(runtime: Runtime, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    client = _signed_in(runtime)
    monkeypatch.setenv("PARCELTRAIL_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("PARCELTRAIL_DATABASE_URL", f"sqlite:///{tmp_path / 'parceltrail.db'}")
    runner = CliRunner()
    assert runner.invoke(cli, ["sessions", "count", EMAIL]).output.strip() == "1"
    result = runner.invoke(cli, ["sessions", "revoke", EMAIL])
    assert result.exit_code == 0 and "ended 1 session" in result.output
    assert client.get("/api/v1/session").status_code == 401
    result = runner.invoke(cli, ["sessions", "revoke", "nobody@example.com"])
    assert result.exit_code == 4 and "no user" in result.output
    result = runner.invoke(cli, ["sessions", "set-password", EMAIL, "--password", "short"])
    assert result.exit_code == 2 and "password" in result.output


def test_failed_logins_are_throttled_per_account_then_per_address(tmp_path: Path) -> None:
    runtime = _runtime(tmp_path, login_max_failures=5, login_address_max_failures=8)
    create_user(runtime.store, EMAIL, PASSWORD, Role.BUYER, runtime.clock.now())
    client = TestClient(create_app(runtime, poll=False))
    for _ in range(6):
        answer = client.post("/api/v1/session", json={"email": EMAIL, "password": "not it"})
        assert answer.status_code == 401
    answer = client.post("/api/v1/session", json={"email": EMAIL, "password": PASSWORD})
    assert answer.status_code == 429 and answer.json()["error"]["code"] == "too_many_attempts"
    assert int(answer.headers["Retry-After"]) >= 1
    page = client.post("/login", data={"email": EMAIL, "password": PASSWORD},
                       headers={"Accept-Language": "pt"})
    assert page.status_code == 429 and "Tentativas demais" in page.text
    # other accounts from the same address: blocked once the address has failed too often
    for index in range(3):  # 6 + 3 failures from this address: over its limit of 8
        client.post("/api/v1/session", json={"email": f"guess{index}@example.com", "password": "x"})
    answer = client.post("/api/v1/session", json={"email": "someone@example.com", "password": "x"})
    assert answer.status_code == 429


def test_password_checks_run_in_bounded_slots(runtime: Runtime, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = runtime.settings.password_hash_slots
    inside = 0
    most = 0
    lock = threading.Lock()
    release = threading.Event()
    entered = threading.Semaphore(0)

    def slow_check(store: Any, email: str, password: str) -> None:
        nonlocal inside, most
        with lock:
            inside += 1
            most = max(most, inside)
        entered.release()
        release.wait(10)
        with lock:
            inside -= 1

    monkeypatch.setattr(login_module, "authenticate", slow_check)

    class FakeRequest:
        client = None

    threads = [threading.Thread(target=login_module.attempt_login,
                                args=(runtime, FakeRequest(), f"u{i}@example.com", "pw")) for i in range(8)]
    for thread in threads:
        thread.start()
    for _ in range(slots):
        assert entered.acquire(timeout=10)
    assert not entered.acquire(timeout=0.2)  # nobody else got in while the slots were taken
    release.set()
    for thread in threads:
        thread.join(10)
    assert most == slots
