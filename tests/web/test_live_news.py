"""A live page hears of a check that found nothing new as a quiet update, and of new scans as news (the
page flashes and announces only news)."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from types import SimpleNamespace

from parceltrail.adapters.sandbox.scenarios import TEST_NUMBERS
from parceltrail.bootstrap import Runtime
from parceltrail.domain.shipment import TrackingEvent
from parceltrail.entrypoints.web.stream import card_updates

NUMBER = TEST_NUMBERS["delivered"]


async def _next_card(stream: object) -> dict:
    while True:
        event = await asyncio.wait_for(stream.__anext__(), 60)  # type: ignore[attr-defined]
        if event.event == "card":
            return json.loads(event.data)


def test_quiet_checks_are_not_news(runtime: Runtime) -> None:
    shipment = runtime.tracker.register(NUMBER)
    runtime.tracker.refresh([shipment])
    assert shipment.id is not None

    async def scenario() -> tuple[dict, dict]:
        app = SimpleNamespace(state=SimpleNamespace())  # what `hub_for` keeps the app's hub on
        stream = card_updates(runtime, {NUMBER: shipment.id}, lambda number: f"<article>{number}</article>",
                              app)
        first = await asyncio.wait_for(stream.__anext__(), 10)
        assert first.retry is not None
        pending = asyncio.create_task(_next_card(stream))
        while not getattr(app.state, "live_hub", None) or not app.state.live_hub.watched:
            await asyncio.sleep(0.01)  # the page is now watching: what happens next is a change
        now = runtime.clock.now()
        with runtime.store.transaction() as repo:  # a check that found nothing new
            stored = repo.shipments.get(shipment.id)
            assert stored is not None
            stored.last_checked_at = now + timedelta(minutes=5)
            repo.shipments.save(stored, now)
        quiet = await pending
        with runtime.store.transaction() as repo:  # a new scan
            repo.shipments.add_events([TrackingEvent(
                occurred_at=now, raw_text="Arrived at the sorting centre", source="test",
                fingerprint="live-news-test", shipment_id=shipment.id, tag="InTransit", retrieved_at=now,
                subtag="InTransit_003")])
        news = await _next_card(stream)
        await stream.aclose()
        return quiet, news

    # a loop of its own in its own thread: browser tests in the same worker may leave one running here
    with ThreadPoolExecutor(1) as pool:
        quiet, news = pool.submit(asyncio.run, scenario()).result()
    assert quiet["number"] == NUMBER and quiet["news"] is False
    assert news["number"] == NUMBER and news["news"] is True
