"""A live page hears of a check that found nothing new as a quiet update, and of new scans as news (the
page flashes and announces only news)."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from parceltrail.adapters.sandbox.scenarios import TEST_NUMBERS
from parceltrail.bootstrap import Runtime
from parceltrail.domain.shipment import TrackingEvent
from parceltrail.entrypoints.web.i18n import Locale
from parceltrail.entrypoints.web.live_version import parse_versions, states_of, version
from parceltrail.entrypoints.web.stream import card_updates, chain_ids, states
from parceltrail.entrypoints.web.tracking import find_cards

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


def _page_version(runtime: Runtime, shipment_id: int) -> str:
    """The token a page rendered now carries for the card (what `/track` puts in its live address)."""
    with runtime.store.read() as repo:
        shipment = repo.shipments.get(shipment_id)
        assert shipment is not None
        legs = repo.shipments.chain(shipment)
        events = repo.shipments.events([leg.id for leg in legs if leg.id is not None])
    return version(states_of(legs, events))


def _first_card(runtime: Runtime, shipment_id: int, shown: dict[str, str], then_change: bool) -> dict:
    async def scenario() -> dict:
        app = SimpleNamespace(state=SimpleNamespace())
        stream = card_updates(runtime, {NUMBER: shipment_id}, lambda number: f"<article>{number}</article>",
                              app, shown)
        pending = asyncio.create_task(_next_card(stream))
        if then_change:  # a card the page shows as it is: the first card sent is the next change
            while not getattr(app.state, "live_hub", None) or not app.state.live_hub.watched:
                await asyncio.sleep(0.01)
            _new_scan(runtime, shipment_id, "after the stream started")
        card = await pending
        await stream.aclose()
        return card

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, scenario()).result()


def _new_scan(runtime: Runtime, shipment_id: int, fingerprint: str) -> None:
    now = runtime.clock.now()
    with runtime.store.transaction() as repo:
        repo.shipments.add_events([TrackingEvent(
            occurred_at=now, raw_text="Arrived at the sorting centre", source="test", fingerprint=fingerprint,
            shipment_id=shipment_id, tag="InTransit", retrieved_at=now, subtag="InTransit_003")])


def test_a_change_before_the_stream_starts_is_sent_at_once(runtime: Runtime) -> None:
    shipment = runtime.tracker.register(NUMBER)
    runtime.tracker.refresh([shipment])
    assert shipment.id is not None
    rendered = _page_version(runtime, shipment.id)
    _new_scan(runtime, shipment.id, "between the render and the stream")  # the page never showed it
    card = _first_card(runtime, shipment.id, {NUMBER: rendered}, then_change=False)
    assert card["number"] == NUMBER and card["news"] is True

    rendered = _page_version(runtime, shipment.id)
    now = runtime.clock.now()
    with runtime.store.transaction() as repo:  # a check that found nothing new, before the stream starts
        stored = repo.shipments.get(shipment.id)
        assert stored is not None
        stored.last_checked_at = now + timedelta(minutes=5)
        repo.shipments.save(stored, now)
    card = _first_card(runtime, shipment.id, {NUMBER: rendered}, then_change=False)
    assert card["news"] is False


def test_the_page_and_the_stream_read_the_same_version(runtime: Runtime) -> None:
    """The token a card is rendered with and the one its stream computes from the database agree, so a
    page that is current gets nothing at the start, only the next change."""
    shipment = runtime.tracker.register(NUMBER)
    runtime.tracker.refresh([shipment])
    assert shipment.id is not None
    for _ in range(2):  # a card with scans, then the same card after one more
        (card,) = find_cards(runtime, [NUMBER], Locale("en", ZoneInfo("UTC")))
        from_db = version(states(runtime, chain_ids(runtime, shipment.id)))
        assert card.version == from_db == _page_version(runtime, shipment.id)
        _new_scan(runtime, shipment.id, f"scan {card.event_count}")
    rendered = card.version
    assert rendered != version(states(runtime, chain_ids(runtime, shipment.id)))
    first = _first_card(runtime, shipment.id, {NUMBER: _page_version(runtime, shipment.id)}, then_change=True)
    assert first["news"] is True  # sent for the scan stored after the start, not at the start


def test_version_tokens_from_an_address_are_checked() -> None:
    good = "0123abcd.89ef0123"
    assert parse_versions(f"{good} nonsense {good.upper()} <script> {good}") == [good, "", "", "", good]
    assert parse_versions("") == []
