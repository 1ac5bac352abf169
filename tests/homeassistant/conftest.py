"""MQTT fixtures: the shared Mosquitto on 127.0.0.1:1883, a private Mosquitto a test may restart, and a
watcher client that keeps what the broker holds (retained topics) and what fired (events)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from tests.engine.conftest import make_rig  # noqa: F401 - the engine's Rig fixture, reused

SHARED = ("127.0.0.1", 1883)
MOSQUITTO = shutil.which("mosquitto") or "/usr/sbin/mosquitto"


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def _missing(what: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is required in CI")
    pytest.skip(f"{what} is not available")


@pytest.fixture
def shared_broker() -> tuple[str, int]:
    if not _reachable(*SHARED):
        _missing("the Mosquitto broker on 127.0.0.1:1883")
    return SHARED


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PrivateBroker:
    """A Mosquitto of this test's own, without persistence: a restart loses every retained message."""

    port: int
    config: Path
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen([MOSQUITTO, "-c", str(self.config)], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while not _reachable("127.0.0.1", self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"mosquitto did not start on port {self.port}")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None


@pytest.fixture
def private_broker(tmp_path: Path) -> Iterator[PrivateBroker]:
    if not Path(MOSQUITTO).exists():
        _missing("mosquitto (Debian package mosquitto)")
    port = _free_port()
    config = tmp_path / "mosquitto.conf"
    config.write_text(f"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\n")
    broker = PrivateBroker(port, config)
    broker.start()
    yield broker
    broker.stop()


@dataclass
class Watcher:
    """A plain MQTT client, as Home Assistant would be: retained topics as they stand, events in order."""

    host: str
    port: int
    filters: list[str]
    retained: dict[str, str] = field(default_factory=dict)
    messages: list[tuple[str, str, bool]] = field(default_factory=list)
    cond: threading.Condition = field(default_factory=threading.Condition)
    client: Any = None

    def start(self) -> None:
        self.client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=f"watcher-{uuid.uuid4().hex[:8]}")
        self.client.on_connect = lambda c, *_: c.subscribe([(f, 1) for f in self.filters])
        self.client.on_message = self._on_message
        self.client.connect(self.host, self.port, keepalive=30)
        self.client.loop_start()

    def _on_message(self, _client: Any, _userdata: Any, message: Any) -> None:
        payload = message.payload.decode()
        with self.cond:
            self.messages.append((message.topic, payload, bool(message.retain)))
            if payload:
                self.retained[message.topic] = payload
            else:
                self.retained.pop(message.topic, None)
            self.cond.notify_all()

    def publish(self, topic: str, payload: str) -> None:
        self.client.publish(topic, payload, qos=1).wait_for_publish(timeout=10)

    def wait(self, predicate: Callable[[], Any], timeout: float = 30.0, what: str = "") -> Any:
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                result = predicate()
                if result:
                    return result
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"waited {timeout} s for {what or predicate}; broker holds "
                                         f"{sorted(self.retained)}")
                self.cond.wait(left)

    def stop(self) -> None:
        self.client.loop_stop()
        self.client.disconnect()


def clear_retained(host: str, port: int, prefixes: list[str]) -> None:
    """Leave the shared broker as found: clear every retained topic a test's bridge left under its own
    prefixes (Home Assistant would otherwise keep showing them)."""
    watcher = Watcher(host, port, [f"{prefix}/#" for prefix in prefixes])
    watcher.start()
    try:
        time.sleep(0.5)  # retained messages arrive right after the subscription
        with watcher.cond:
            topics = list(watcher.retained)
        for topic in topics:
            watcher.client.publish(topic, b"", qos=1, retain=True).wait_for_publish(timeout=10)
    finally:
        watcher.stop()


@pytest.fixture
def watch() -> Iterator[Callable[..., Watcher]]:
    watchers: list[Watcher] = []

    def make(host: str, port: int, *filters: str) -> Watcher:
        watcher = Watcher(host, port, list(filters))
        watcher.start()
        watchers.append(watcher)
        return watcher

    yield make
    for watcher in watchers:
        watcher.stop()
