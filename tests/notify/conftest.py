"""Notification fixtures: a local webhook receiver over real HTTP, the engine Rig, subscriptions."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from parceltrail.adapters.db.uow import Store
from parceltrail.adapters.delivery.dispatcher import outbox_dispatcher
from parceltrail.domain.notifications import Notification, Subscription
from parceltrail.services.notifications import subscriptions as service
from parceltrail.settings import NotifySettings, SmtpSettings
from tests.api.conftest import alice, app, bob, client  # noqa: F401 - the API's fixtures
from tests.engine.conftest import START, Rig, make_rig  # noqa: F401 - the engine's Rig fixture, reused

PUBLIC_URL = "https://parcels.example.org"


@pytest.fixture(autouse=True)
def _allow_private_webhooks(monkeypatch: pytest.MonkeyPatch) -> None:
    # The receivers of these tests listen on 127.0.0.1: the operator's allowance is needed.
    monkeypatch.setenv("PARCELTRAIL_WEBHOOK_ALLOW_PRIVATE", "1")
    monkeypatch.setenv("PARCELTRAIL_PUBLIC_URL", PUBLIC_URL)


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Receiver:
    """A webhook receiver: records every request; can be down (503) or slow."""

    url: str
    requests: list[Received] = field(default_factory=list)
    down: Callable[[], bool] = lambda: False
    delay: float = 0.0
    refused: int = 0
    in_flight: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def event_ids(self) -> list[str]:
        with self.lock:
            return [r.headers.get("parceltrail-event-id", "") for r in self.requests]

    def first_seen(self) -> list[str]:
        """Event ids in the order first received (a receiver's dedupe by event id)."""
        return list(dict.fromkeys(self.event_ids()))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(handler_for: Callable[[], type[BaseHTTPRequestHandler]]) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for())
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state: dict[str, Receiver] = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            me = state["r"]
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            if me.down():
                me.refused += 1
                self.send_response(503)
                self.end_headers()
                return
            me.in_flight.set()
            with me.lock:
                me.requests.append(Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body))
            if me.delay:
                time.sleep(me.delay)
            self.send_response(200)
            self.end_headers()
            me.in_flight.clear()

    server, url = serve(lambda: Handler)
    state["r"] = Receiver(url + "/hooks")
    yield state["r"]
    server.shutdown()


def settings(smtp: SmtpSettings | None = None) -> NotifySettings:
    return NotifySettings(public_url=PUBLIC_URL, allow_private=True, smtp=smtp or SmtpSettings())


def dispatcher(store: Store, clock: Any, **options: Any) -> Any:
    import random
    from datetime import timedelta

    options.setdefault("lease", timedelta(seconds=30))
    return outbox_dispatcher(store, clock, options.pop("settings", settings()), rng=random.Random(7),
                            scan_every=0.0, **options)


def subscribe(store: Store, now: Any, *, shipment_id: int | None = None, account_id: int | None = None,
              **request: Any) -> Subscription:
    with store.transaction() as repo:
        return service.create(repo, account_id, service.SubscriptionRequest(
            shipment_id=shipment_id, **request), now, allow_private=True)


def outbox(store: Store, **filters: Any) -> list[Notification]:
    with store.read() as repo:
        return repo.notifications.notifications(limit=100_000, **filters)
