"""Live pages: a Server-Sent Events stream that sends a card again whenever its parcel changed.

Wake-ups come from `adapters.db.live` (PostgreSQL LISTEN/NOTIFY, or the in-process broker on SQLite)
when the tracker stores new events, and from a one-second timer: a check without new events (which moves
"last checked") or a notification lost during a reconnect is still seen within a second. What counts as
a change is a cheap signature per parcel (each leg's status, last check and event count).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from datetime import datetime

from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool

from parceltrail.adapters.db.tables import tracking_events
from parceltrail.bootstrap import Runtime

log = logging.getLogger(__name__)
TICK_SECONDS = 1.0
KEEPALIVE_SECONDS = 15.0
MAX_STREAM_SECONDS = 600.0  # then the browser's EventSource reconnects: no stream lives for ever
RETRY_MS = 3000

Signature = tuple[object, ...]


def signature(runtime: Runtime, shipment_id: int) -> Signature | None:
    """What a card shows that can change: each leg's status and last check, and the chain's events."""
    with runtime.store.read() as repo:
        shipment = repo.shipments.get(shipment_id)
        if shipment is None:
            return None
        legs = repo.shipments.chain(shipment)
        ids = [leg.id for leg in legs if leg.id is not None]
        count = repo.conn.execute(select(func.count()).select_from(tracking_events)
                                  .where(tracking_events.c.shipment_id.in_(ids))).scalar_one()
    checked: list[datetime | None] = [leg.last_checked_at for leg in legs]
    return (tuple(ids), tuple((leg.tag, leg.subtag) for leg in legs), tuple(checked), count)


def sse(event: str, data: dict[str, object]) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


async def _listen(runtime: Runtime, wake: asyncio.Event) -> None:
    """Set `wake` on every "new events" notification; best effort (the timer covers any gap)."""
    try:
        from parceltrail.adapters.db import live
    except ImportError:
        return
    try:
        async for _ in live.subscribe_async(runtime.settings.database_url):
            wake.set()
    except asyncio.CancelledError:
        raise
    except Exception:  # no pub/sub (e.g. the database refused LISTEN): the timer alone drives the page
        log.warning("live notifications unavailable; polling only", exc_info=True)


async def card_updates(
    runtime: Runtime,
    watched: dict[str, int],
    render: Callable[[str], str | None],
    is_disconnected: Callable[[], object],
) -> AsyncIterator[str]:
    """SSE text: a `card` event {id, number, html} each time a watched parcel (number -> shipment id)
    changes, comments as keep-alives, until the client leaves or MAX_STREAM_SECONDS pass."""
    yield f"retry: {RETRY_MS}\n: connected\n\n"
    wake = asyncio.Event()
    listener = asyncio.create_task(_listen(runtime, wake))
    seen: dict[str, Signature | None] = {}
    for number, shipment_id in watched.items():
        seen[number] = await run_in_threadpool(signature, runtime, shipment_id)
    started = last_sent = time.monotonic()
    try:
        while time.monotonic() - started < MAX_STREAM_SECONDS:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), TICK_SECONDS)
            wake.clear()
            disconnected = is_disconnected()
            if asyncio.iscoroutine(disconnected):
                disconnected = await disconnected
            if disconnected:
                return
            for number, shipment_id in watched.items():
                now_sig = await run_in_threadpool(signature, runtime, shipment_id)
                if now_sig == seen.get(number):
                    continue
                seen[number] = now_sig
                html = await run_in_threadpool(render, number)
                if html is not None:
                    last_sent = time.monotonic()
                    yield sse("card", {"number": number, "html": html})
            if time.monotonic() - last_sent > KEEPALIVE_SECONDS:
                last_sent = time.monotonic()
                yield ": keep-alive\n\n"
    finally:
        listener.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await listener
