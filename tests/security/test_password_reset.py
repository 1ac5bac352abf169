"""Forgotten passwords over real HTTP (uvicorn on loopback) with a real SMTP server (aiosmtpd): the same
answer for every address, one-time hashed tokens that expire, throttling per address and per account,
the pages in the visitor's language, and every session ended by a reset."""

from __future__ import annotations

import email
import hashlib
import re
import socket
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from parceltrail.adapters.db import password_resets
from parceltrail.adapters.db import sessions as store_sessions
from parceltrail.adapters.db.security_tables import password_resets as resets_table
from parceltrail.adapters.sandbox.server import serve_in_thread
from parceltrail.adapters.sandbox.timeline import load_or_create
from parceltrail.bootstrap import Runtime, build, sandbox_app
from parceltrail.domain.orders import Role
from parceltrail.entrypoints.http.app import create_app
from parceltrail.services.marketplace.users import authenticate, create_user
from parceltrail.settings import Settings

OLD, NEW = "old password 1", "new password 2"
LINK = re.compile(r"/password/reset/([A-Za-z0-9_%-]+)")


class Inbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = email.message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(parsed)
        return "250 Message accepted for delivery"

    def wait(self, count: int) -> list[EmailMessage]:
        deadline = time.monotonic() + 15
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    def __init__(self, url: str, runtime: Runtime, inbox: Inbox, user_id: int) -> None:
        self.url, self.runtime, self.inbox, self.user_id = url, runtime, inbox, user_id

    def token_of(self, message: EmailMessage) -> str:
        found = LINK.search(message.get_content())
        assert found, message.get_content()
        return found.group(1)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Callable[..., Server]]:
    stops: list[Callable[[], None]] = []

    def start(**overrides: Any) -> Server:
        inbox = Inbox()
        controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
        controller.start()
        stops.append(controller.stop)
        settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'pt.db'}", demo=True,
                            sandbox_speed=3600.0, smtp_host="127.0.0.1", smtp_port=controller.port,
                            public_url="https://parcels.example.org", **overrides)
        simulation = load_or_create(tmp_path, 3600.0)
        sandbox_url, stop_sandbox = serve_in_thread(sandbox_app(settings, simulation))
        stops.append(stop_sandbox)
        runtime = build(settings, sandbox_url, simulation=simulation)
        user = create_user(runtime.store, "Ana@Example.org", OLD, Role.BUYER, datetime.now(UTC))
        url, stop_app = serve_in_thread(create_app(runtime, poll=False))
        stops.append(stop_app)
        return Server(url, runtime, inbox, user.id)

    yield start
    for stop in reversed(stops):
        stop()


def test_the_answer_is_the_same_and_the_link_works_once(server: Callable[..., Server]) -> None:
    site = server()
    store = site.runtime.store
    before = store_sessions.create_session(store, site.user_id)
    with httpx.Client(base_url=site.url, timeout=30) as client:
        known = client.post("/api/v1/password/forgot", json={"email": "ana@example.org"})
        unknown = client.post("/api/v1/password/forgot", json={"email": "nobody@example.org"})
        malformed = client.post("/api/v1/password/forgot", json={"email": "not an address"})
        assert known.status_code == unknown.status_code == malformed.status_code == 202
        assert known.json() == unknown.json() == malformed.json()
        messages = site.inbox.wait(1)
        time.sleep(0.5)  # nothing else is on its way
        assert len(site.inbox.messages) == 1 and messages[0]["To"] == "ana@example.org"
        token = site.token_of(messages[0])
        assert "60" in messages[0].get_content()
        with store.read() as repo:
            stored = repo.conn.execute(select(resets_table.c.id)).scalars().all()
        assert stored == [hashlib.sha256(token.encode()).hexdigest()]  # only the hash is kept

        short = client.post("/api/v1/password/reset", json={"token": token, "new_password": "short"})
        assert short.status_code == 422  # the change-password rule; the token is not spent by it
        done = client.post("/api/v1/password/reset", json={"token": token, "new_password": NEW})
        assert done.status_code == 200 and done.json()["data"]["sessions_ended"] == 1
        again = client.post("/api/v1/password/reset", json={"token": token, "new_password": "another one 3"})
        assert again.status_code == 400 and again.json()["error"]["code"] == "invalid_token"
    assert store_sessions.session_user(store, before) is None  # every session ended
    assert authenticate(store, "ana@example.org", NEW) is not None
    assert authenticate(store, "ana@example.org", OLD) is None


def test_an_expired_token_is_refused(server: Callable[..., Server]) -> None:
    site = server(password_reset_minutes=30)
    store = site.runtime.store
    stale = password_resets.issue(store, site.user_id, timedelta(minutes=30),
                                  now=datetime.now(UTC) - timedelta(minutes=31))
    fresh = password_resets.issue(store, site.user_id, timedelta(minutes=30))
    with httpx.Client(base_url=site.url, timeout=30) as client:
        answer = client.post("/api/v1/password/reset", json={"token": stale, "new_password": NEW})
        assert answer.status_code == 400 and answer.json()["error"]["code"] == "invalid_token"
        assert client.get(f"/password/reset/{stale}").status_code == 400
        assert client.get(f"/password/reset/{fresh}").status_code == 200
    assert authenticate(store, "ana@example.org", OLD) is not None


def test_requests_are_throttled_per_account_and_per_address(server: Callable[..., Server]) -> None:
    site = server(password_reset_account_limit=2, password_reset_address_limit=5)
    with httpx.Client(base_url=site.url, timeout=30) as client:
        answers = [client.post("/api/v1/password/forgot", json={"email": "ana@example.org"})
                   for _ in range(4)]
        assert [a.status_code for a in answers] == [202] * 4  # the same answer past the account's limit
        site.inbox.wait(2)
        time.sleep(0.5)
        assert len(site.inbox.messages) == 2  # but no more e-mails
        client.post("/api/v1/password/forgot", json={"email": "other@example.org"})
        refused = client.post("/api/v1/password/forgot", json={"email": "third@example.org"})
        assert refused.status_code == 429 and refused.json()["error"]["code"] == "rate_limited"
        assert int(refused.headers["Retry-After"]) >= 1
        page = client.post("/password/forgot", data={"email": "ana@example.org"},
                           headers={"Accept-Language": "es"})
        assert page.status_code == 429 and "retry-after" in page.headers and 'lang="es"' in page.text


def test_the_pages_in_the_visitors_language(server: Callable[..., Server]) -> None:
    site = server()
    store = site.runtime.store
    before = store_sessions.create_session(store, site.user_id)
    with httpx.Client(base_url=site.url, timeout=30, headers={"Accept-Language": "ru"}) as client:
        login = client.get("/login")
        assert "/password/forgot" in login.text and "Забыли пароль?" in login.text
        asked = client.post("/password/forgot", data={"email": "ana@example.org"})
        assert asked.status_code == 200 and "ссылка для сброса пароля уже отправлена" in asked.text
        token = site.token_of(site.inbox.wait(1)[0])
        assert site.inbox.messages[0]["Subject"] == "Сброс пароля parceltrail"
        form = client.get(f"/password/reset/{token}")
        assert form.status_code == 200 and "Выберите новый пароль" in form.text
        short = client.post(f"/password/reset/{token}", data={"password": "short"})
        assert short.status_code == 400 and "от 8 до 1024 символов" in short.text
        done = client.post(f"/password/reset/{token}", data={"password": NEW})
        assert done.status_code == 200 and "все сеансы вашей учётной записи завершены" in done.text
        used = client.get(f"/password/reset/{token}")
        assert used.status_code == 400 and "Ссылка недействительна" in used.text
        assert client.get("/password/reset/not-a-token").status_code == 400
    assert store_sessions.session_user(store, before) is None
    assert authenticate(store, "ana@example.org", NEW) is not None
