"""Live pages: a Server-Sent Events stream that sends a card again whenever its parcel changed.

One `LiveHub` per running app serves every open page: a single subscription to `adapters.db.live`
(one PostgreSQL LISTEN connection, or the in-process broker on SQLite) and a single timer that reads the
state of every watched shipment in one query. A page's stream only waits for the hub to wake it and
renders a card when that card's parcel really changed, so open pages cost no queries while nothing
happens. Checks that find nothing new (they move "last checked") are sent as quiet updates; new scans or
a new status are sent as news, which the page announces and flashes.

The HTTP side is sse-starlette's `EventSourceResponse`: it frames the events, sends the keep-alive pings,
ends a stream as soon as its client leaves and drains open streams when uvicorn is told to exit. Streams
also end when the hub closes (`LiveHub.close`, wired to the shutdown signal by `serve`), so a restart never
waits for open pages.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sse_starlette.event import ServerSentEvent
from sse_starlette.sse import EventSourceResponse
from starlette.concurrency import run_in_threadpool

from parceltrail.adapters.db.tables import shipments, tracking_events
from parceltrail.bootstrap import Runtime
from parceltrail.entrypoints.web.live_version import State, news_between, version

log = logging.getLogger(__name__)
TICK_SECONDS = 2.0  # the hub's timer: checks without new events and notifications lost in a reconnect
KEEPALIVE_SECONDS = 15.0
MAX_STREAM_SECONDS = 600.0  # then the browser's EventSource reconnects: no stream lives for ever
RETRY_MS = 3000
MAX_IDS_PER_QUERY = 900


def states(runtime: Runtime, ids: Iterable[int]) -> dict[int, State]:
    """The state of many shipments in one query (per chunk of ids)."""
    wanted = sorted(set(ids))
    found: dict[int, State] = {}
    counts = (select(tracking_events.c.shipment_id, func.count().label("n"))
              .group_by(tracking_events.c.shipment_id).subquery())
    with runtime.store.read() as repo:
        for start in range(0, len(wanted), MAX_IDS_PER_QUERY):
            chunk = wanted[start:start + MAX_IDS_PER_QUERY]
            rows = repo.conn.execute(
                select(shipments.c.id, shipments.c.tag, shipments.c.subtag, shipments.c.next_leg_id,
                       shipments.c.last_checked_at, func.coalesce(counts.c.n, 0))
                .select_from(shipments.outerjoin(counts, counts.c.shipment_id == shipments.c.id))
                .where(shipments.c.id.in_(chunk)))
            for sid, tag, subtag, next_leg, checked, count in rows:
                found[sid] = State(tag, subtag, int(count), next_leg, checked)
    return found


def chain_ids(runtime: Runtime, shipment_id: int) -> tuple[int, ...]:
    with runtime.store.read() as repo:
        shipment = repo.shipments.get(shipment_id)
        if shipment is None:
            return ()
        return tuple(leg.id for leg in repo.shipments.chain(shipment) if leg.id is not None)


@dataclass(eq=False)
class _Watcher:
    ids: set[int]
    wake: asyncio.Event = field(default_factory=asyncio.Event)


class LiveHub:
    """Fans one subscription and one timer out to every open live page of an app (one event loop)."""

    def __init__(self, runtime: Runtime, loop: asyncio.AbstractEventLoop) -> None:
        self.runtime = runtime
        self.loop = loop
        self.closing = asyncio.Event()
        self.current: dict[int, State] = {}
        self._watchers: set[_Watcher] = set()
        self._task: asyncio.Task[None] | None = None

    # --- pages ---------------------------------------------------------------------------------------
    def watch(self, ids: Iterable[int]) -> _Watcher:
        watcher = _Watcher(set(ids))
        self._watchers.add(watcher)
        if self._task is None or self._task.done():
            self._task = self.loop.create_task(self._run())
        return watcher

    def unwatch(self, watcher: _Watcher) -> None:
        self._watchers.discard(watcher)

    @property
    def watched(self) -> set[int]:
        return set().union(*(w.ids for w in self._watchers)) if self._watchers else set()

    # --- shutdown ------------------------------------------------------------------------------------
    def close(self) -> None:
        """End every stream now (from the loop's thread)."""
        self.closing.set()
        for watcher in list(self._watchers):
            watcher.wake.set()
        if self._task is not None:
            self._task.cancel()

    def close_threadsafe(self) -> None:
        if self.loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # the loop stopped meanwhile
            self.loop.call_soon_threadsafe(self.close)

    # --- the one subscription and the one timer ---------------------------------------------------------
    async def _run(self) -> None:
        listener = asyncio.create_task(self._listen())
        try:
            while not self.closing.is_set() and self._watchers:
                await self._refresh(self.watched)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.closing.wait(), TICK_SECONDS)
        except asyncio.CancelledError:
            pass
        finally:
            listener.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await listener

    async def _listen(self) -> None:
        """Wake the pages watching a shipment as soon as it has new events; best effort (the timer covers
        any gap)."""
        from parceltrail.adapters.db import live

        try:
            async for shipment_id in live.subscribe_async(self.runtime.settings.database_url):
                if any(shipment_id in w.ids for w in self._watchers):
                    await self._refresh({shipment_id})
        except asyncio.CancelledError:
            raise
        except Exception:  # no pub/sub (e.g. the database refused LISTEN): the timer alone drives pages
            log.warning("live notifications unavailable; polling only", exc_info=True)

    async def _refresh(self, ids: set[int]) -> None:
        if not ids:
            return
        try:
            fresh = await run_in_threadpool(states, self.runtime, ids)
        except Exception:  # a database hiccup: try again at the next tick
            log.warning("reading live states failed", exc_info=True)
            return
        changed = {sid for sid in ids if fresh.get(sid) != self.current.get(sid)}
        self.current.update(fresh)
        for sid in ids - set(fresh):
            self.current.pop(sid, None)
        if changed:
            for watcher in list(self._watchers):
                if watcher.ids & changed:
                    watcher.wake.set()


def hub_for(app: object, runtime: Runtime) -> LiveHub:
    """The app's hub (one per event loop: a test client's loop ends with it)."""
    state = app.state  # type: ignore[attr-defined]
    loop = asyncio.get_running_loop()
    hub: LiveHub | None = getattr(state, "live_hub", None)
    if hub is None or hub.loop is not loop:
        hub = LiveHub(runtime, loop)
        state.live_hub = hub
    return hub


def _card_event(number: str, html: str, *, news: bool) -> ServerSentEvent:
    data = json.dumps({"number": number, "html": html, "news": news}, ensure_ascii=False)
    return ServerSentEvent(data, event="card")


async def card_updates(
    runtime: Runtime,
    watched: dict[str, int],
    render: Callable[[str], str | None],
    app: object | None = None,
    shown: Mapping[str, str] | None = None,
) -> AsyncIterator[ServerSentEvent]:
    """The events of one page: a `card` event {number, html, news} each time a watched parcel (number ->
    shipment id) changes, until the server shuts down or MAX_STREAM_SECONDS pass (the response cancels it
    when the client leaves). `news` is true when scans or the status changed (not for a mere "last
    checked"). `shown` holds the version token of each card as the page rendered it: a card whose parcel
    changed since then is sent as soon as the stream starts."""
    yield ServerSentEvent(retry=RETRY_MS)
    yield ServerSentEvent(comment="connected")
    hub = hub_for(app, runtime) if app is not None else LiveHub(runtime, asyncio.get_running_loop())
    chains = {number: await run_in_threadpool(chain_ids, runtime, sid) for number, sid in watched.items()}
    seen = await run_in_threadpool(states, runtime, {i for ids in chains.values() for i in ids})
    watcher = hub.watch(i for ids in chains.values() for i in ids)
    ends = time.monotonic() + MAX_STREAM_SECONDS
    try:
        for number, ids in chains.items():
            page = (shown or {}).get(number)
            now = version({i: seen[i] for i in ids if i in seen})
            if page and page != now:
                html = await run_in_threadpool(render, number)
                if html is not None:
                    yield _card_event(number, html, news=news_between(page, now))
        while not hub.closing.is_set():
            left = ends - time.monotonic()
            if left <= 0:
                return
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(watcher.wake.wait(), left)
            watcher.wake.clear()
            if hub.closing.is_set():
                return
            for number, ids in chains.items():
                now = {i: hub.current[i] for i in ids if i in hub.current}
                before = {i: seen[i] for i in ids if i in seen}
                if now == before:
                    continue
                news = {i: s.news for i, s in now.items()} != {i: s.news for i, s in before.items()}
                seen.update(now)
                html = await run_in_threadpool(render, number)
                if news:  # a new leg joins the chain: watch it too
                    grown = await run_in_threadpool(chain_ids, runtime, watched[number])
                    if set(grown) - set(ids):
                        chains[number] = grown
                        watcher.ids.update(grown)
                if html is not None:
                    yield _card_event(number, html, news=news)
    finally:
        hub.unwatch(watcher)


def event_stream(
    runtime: Runtime, watched: dict[str, int], render: Callable[[str], str | None], app: object,
    shown: Mapping[str, str] | None = None,
) -> EventSourceResponse:
    """The response of a live page's stream: keep-alive pings every KEEPALIVE_SECONDS."""
    return EventSourceResponse(card_updates(runtime, watched, render, app, shown), ping=KEEPALIVE_SECONDS)
