"""Browser-test fixtures: the real service (uvicorn in a thread, temporary data dir) with the sandbox
carrier network over HTTP and the tracking engine polling in a thread, all on one ManualClock that a test
moves; and Debian's Chromium driven by Playwright (never `playwright install`: no browser downloads).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.adapters.sandbox import CARRIER_SLUG, SandboxConnector, serve_in_thread
from parceltrail.adapters.sandbox import create_app as create_sandbox
from parceltrail.adapters.sandbox.timeline import load_or_create
from parceltrail.bootstrap import Runtime
from parceltrail.clock import ManualClock
from parceltrail.domain.orders import Address, Role, User
from parceltrail.entrypoints.http.app import create_app
from parceltrail.services.marketplace import orders as order_service
from parceltrail.services.marketplace.users import create_user
from parceltrail.services.outlook.predictor import ModelPredictor
from parceltrail.services.tracking.registry import ConnectorRegistry
from parceltrail.services.tracking.tracker import Tracker
from parceltrail.settings import Settings
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, copy_migrated  # noqa: F401 - re-exported for the page tests

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
START = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
PASSWORD = "correct horse battery"
BERLIN = Address("Seller GmbH", ["Hauptstr. 1"], "Berlin", "DE", "10115")
LONDON = Address("Zoë Buyer", ["1 Main Street"], "London", "GB", "N1 1AA")


@dataclass
class Site:
    url: str
    clock: ManualClock
    runtime: Runtime

    def advance(self, delta: timedelta) -> None:
        self.clock.advance(delta)

    def follow(self, *numbers: str) -> None:
        """Start following numbers as a visitor does: the track form's POST (pages never register)."""
        import httpx

        answer = httpx.post(f"{self.url}/track", data={"q": " ".join(numbers)}, timeout=60)
        assert answer.status_code == 303, answer.text


@pytest.fixture
def site(tmp_path: Path, migrated_sqlite: Path) -> Iterator[Site]:
    clock = ManualClock(START)
    # Journeys started 10 days before "now", as on a fresh installation: the parcels are under way.
    sandbox_url, stop_sandbox = serve_in_thread(create_sandbox(clock, epoch=START - timedelta(days=10)))
    database_url = f"sqlite:///{tmp_path / 'parceltrail.db'}"
    copy_migrated(migrated_sqlite, database_url)
    store = Store(make_engine(database_url))
    tracker = Tracker(store, ConnectorRegistry({CARRIER_SLUG: SandboxConnector(sandbox_url)}), clock)
    settings = Settings(data_dir=tmp_path, database_url=database_url, sandbox_url=sandbox_url, demo=False)
    runtime = Runtime(settings, load_or_create(tmp_path), clock, store, tracker, ModelPredictor(store, clock))
    url, stop_app = serve_in_thread(create_app(runtime, poll=False))
    stop = threading.Event()
    poller = threading.Thread(target=tracker.run, args=(stop,), kwargs={"idle_seconds": 0.2}, daemon=True)
    poller.start()
    try:
        yield Site(url, clock, runtime)
    finally:
        stop.set()
        poller.join(timeout=10)
        stop_app()
        stop_sandbox()
        store.engine.dispose()


@pytest.fixture
def page(browser: Any, site: Site) -> Iterator[Any]:
    context = browser.new_context(locale="en-US", timezone_id="America/Sao_Paulo",
                                  viewport={"width": 420, "height": 900})
    context.set_default_timeout(15_000)
    # The zone cookie app.js would set on the first visit (that visit reloads once; see test_languages).
    context.add_cookies([{"name": "parceltrail_tz", "value": "America%2FSao_Paulo", "url": site.url}])
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def shot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@dataclass
class Shop:
    seller: User
    buyer: User
    order_id: int
    reference: str


def make_shop(site: Site, numbers: list[str]) -> Shop:
    """A seller in Berlin, a buyer in London, one paid order shipped in packages with `numbers`."""
    store, now = site.runtime.store, site.clock.now()
    seller = create_user(store, "seller@example.com", PASSWORD, Role.SELLER, now, address=BERLIN,
                         display_name="Tea Seller GmbH")
    buyer = create_user(store, "buyer@example.com", PASSWORD, Role.BUYER, now, display_name="Zoë Buyer")
    from parceltrail.domain.orders import OrderItem

    order = order_service.place_order(store, seller, order_service.NewOrder(
        currency="EUR", items=[OrderItem("Green tea 100 g", 2, 1299, weight_grams=120)], ship_to=LONDON,
        buyer_email=buyer.email, reference="PT-TEA-1", shipping_minor=450), now)
    for number in numbers:
        order_service.ship_order(store, seller, order.id, order_service.ShipRequest(tracking_number=number),
                                 now)
    return Shop(seller, buyer, order.id, order.reference)
