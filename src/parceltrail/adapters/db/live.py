"""Live updates: "shipment N has new events", across every API process.

Publishing happens inside the ingestion transaction (`publish(conn, shipment_id)`):

- PostgreSQL: ``NOTIFY parceltrail_events, '<id>'`` (via ``pg_notify``). PostgreSQL delivers it to every
  listening session when, and only if, the transaction commits, so an API process on any machine hears
  about events exactly when they can be read.
- SQLite (single process): an in-process broker; the ids are held on the connection and handed to
  subscribers once the transaction has committed and the connection went back to the pool (a rollback
  drops them).

Subscribing (for the web/SSE layer)::

    with live.subscribe(database_url) as ids:          # blocking iterator of shipment ids
        for shipment_id in ids: ...
    async for shipment_id in live.subscribe_async(database_url): ...

Notifications are hints, not a log: a subscriber that was disconnected (e.g. the database restarted)
reconnects by itself and should refresh what it shows, since notifications sent meanwhile are gone.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import threading
import time
import weakref
from collections.abc import AsyncIterator, Iterator
from typing import Any

import psycopg
from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.engine import make_url

CHANNEL = "parceltrail_events"
_PENDING = "parceltrail.live.pending"
log = logging.getLogger(__name__)


# in-process broker (SQLite) ----------------------------------------------------------------------------
class _Broker:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queues: dict[str, list[queue.SimpleQueue[int]]] = {}

    def add(self, key: str) -> queue.SimpleQueue[int]:
        q: queue.SimpleQueue[int] = queue.SimpleQueue()
        with self._lock:
            self._queues.setdefault(key, []).append(q)
        return q

    def remove(self, key: str, q: queue.SimpleQueue[int]) -> None:
        with self._lock:
            if q in self._queues.get(key, []):
                self._queues[key].remove(q)

    def deliver(self, key: str, ids: list[int]) -> None:
        with self._lock:
            targets = list(self._queues.get(key, []))
        for q in targets:
            for shipment_id in ids:
                q.put(shipment_id)


_broker = _Broker()
_hooked: weakref.WeakSet[Engine] = weakref.WeakSet()
_hook_lock = threading.Lock()


def _key(url: Any) -> str:
    parsed = make_url(str(url)) if not hasattr(url, "render_as_string") else url
    return parsed.render_as_string(hide_password=True)


def _hook(engine: Engine) -> None:
    """Deliver a connection's pending ids after commit (pool check-in); drop them on rollback."""
    with _hook_lock:
        if engine in _hooked:
            return
        key = _key(engine.url)

        @event.listens_for(engine, "rollback")
        def _drop(conn: Connection) -> None:
            conn.info.pop(_PENDING, None)

        @event.listens_for(engine.pool, "checkin")
        def _flush(_dbapi: Any, record: Any) -> None:
            pending = record.info.pop(_PENDING, None) if record is not None else None
            if pending:
                _broker.deliver(key, pending)

        _hooked.add(engine)


def publish(conn: Connection, shipment_id: int) -> None:
    """Announce new events of `shipment_id`; takes effect when the caller's transaction commits."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_notify(:channel, :payload)"),
                     {"channel": CHANNEL, "payload": str(shipment_id)})
        return
    _hook(conn.engine)
    conn.info.setdefault(_PENDING, []).append(shipment_id)


# subscribing --------------------------------------------------------------------------------------------
def _libpq_url(url: str) -> str:
    parsed = make_url(url)
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


class Subscription:
    """A blocking iterator of shipment ids; `close()` (or leaving the `with` block) ends it."""

    def __init__(self, url: str, *, reconnect_delay: float = 0.5) -> None:
        self.url = url
        self.reconnect_delay = reconnect_delay
        self._closed = threading.Event()
        self._postgres = make_url(url).get_backend_name() == "postgresql"
        self._queue: queue.SimpleQueue[int] | None = None
        self._conn: psycopg.Connection[Any] | None = None
        if self._postgres:
            self._connect()  # listening from here on: nothing committed after this is missed
        else:
            self._queue = _broker.add(_key(url))

    def _connect(self) -> None:
        conn = psycopg.connect(_libpq_url(self.url), autocommit=True)
        conn.execute(f"LISTEN {CHANNEL}")
        self._conn = conn

    def get(self, timeout: float | None = None) -> int | None:
        """The next shipment id, or None after `timeout` seconds (or once closed)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self._closed.is_set():
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            step = 0.5 if left is None else min(0.5, left)
            got = self._get_step(step)
            if got is not None:
                return got
            if deadline is not None and time.monotonic() >= deadline:
                return None
        return None

    def _get_step(self, timeout: float) -> int | None:
        if self._queue is not None:
            try:
                return self._queue.get(timeout=timeout)
            except queue.Empty:
                return None
        try:
            if self._conn is None or self._conn.closed:
                self._connect()
            assert self._conn is not None
            for note in self._conn.notifies(timeout=timeout, stop_after=1):
                if note.payload.isdigit():
                    return int(note.payload)
        except psycopg.OperationalError as error:  # server restarted or network trouble: reconnect
            log.warning("live subscription lost its connection (%s); reconnecting", error)
            self._drop_conn()
            self._closed.wait(self.reconnect_delay)
        return None

    def _drop_conn(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(psycopg.Error):
                self._conn.close()
        self._conn = None

    def __iter__(self) -> Iterator[int]:
        while not self._closed.is_set():
            got = self.get(timeout=0.5)
            if got is not None:
                yield got

    def close(self) -> None:
        self._closed.set()
        if self._queue is not None:
            _broker.remove(_key(self.url), self._queue)
        self._drop_conn()

    def __enter__(self) -> Subscription:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def subscribe(database_url: str) -> Subscription:
    """Start listening now; iterate the result for shipment ids with new events."""
    return Subscription(database_url)


async def subscribe_async(database_url: str, *, reconnect_delay: float = 0.5) -> AsyncIterator[int]:
    """Async iterator of shipment ids with new events (for SSE handlers)."""
    if make_url(database_url).get_backend_name() != "postgresql":
        q = _broker.add(_key(database_url))
        try:
            while True:
                try:
                    yield q.get_nowait()
                except queue.Empty:
                    await asyncio.sleep(0.05)
        finally:
            _broker.remove(_key(database_url), q)
    while True:
        try:
            async with await psycopg.AsyncConnection.connect(_libpq_url(database_url),
                                                            autocommit=True) as conn:
                await conn.execute(f"LISTEN {CHANNEL}")
                async for note in conn.notifies():
                    if note.payload.isdigit():
                        yield int(note.payload)
        except psycopg.OperationalError as error:
            log.warning("live subscription lost its connection (%s); reconnecting", error)
            await asyncio.sleep(reconnect_delay)
