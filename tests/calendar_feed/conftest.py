"""Calendar and estimate fixtures: a runtime on a ManualClock with the sandbox network over real HTTP, the
API app without background polling, a seller and a buyer with API keys, and an order shipped to the buyer."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.adapters.sandbox import CARRIER_SLUG, SandboxConnector, serve_in_thread
from parceltrail.adapters.sandbox import create_app as create_sandbox
from parceltrail.adapters.sandbox.timeline import load_or_create
from parceltrail.bootstrap import Runtime
from parceltrail.clock import ManualClock
from parceltrail.domain.orders import Address, OrderItem, Role
from parceltrail.entrypoints.http.app import create_app
from parceltrail.services.marketplace import orders as order_service
from parceltrail.services.outlook.eta import forget_cached
from parceltrail.services.outlook.predictor import ModelPredictor
from parceltrail.services.tracking.registry import ConnectorRegistry
from parceltrail.services.tracking.tracker import Tracker
from parceltrail.settings import Settings
from tests.engine.conftest import START
from tests.orders.conftest import Person, make_person

LONDON = Address("Zoë Buyer", ["1 Main Street"], "London", "GB", "N1 1AA")


@dataclass
class World:
    runtime: Runtime
    clock: ManualClock
    client: TestClient
    seller: Person
    buyer: Person

    def poll(self, hours: float = 0) -> None:
        """Move the clock and poll every parcel now, as the engine would by then."""
        self.clock.advance(timedelta(hours=hours))
        with self.runtime.store.read() as repo:
            shipments = repo.shipments.list(limit=1000)
        self.runtime.tracker.refresh(shipments)
        with self.runtime.store.read() as repo:
            fresh = [s for s in repo.shipments.list(limit=1000) if s.last_checked_at is None]
        if fresh:  # next legs discovered just now
            self.runtime.tracker.refresh(fresh)

    def ship(self, numbers: list[str], reference: str = "PT-CAL-1") -> int:
        store, now = self.runtime.store, self.clock.now()
        with store.read() as repo:
            seller, buyer = repo.orders.user(self.seller.id), repo.orders.user(self.buyer.id)
        assert seller is not None and buyer is not None
        order = order_service.place_order(store, seller, order_service.NewOrder(
            currency="EUR", items=[OrderItem("Green tea 100 g", 2, 1299, weight_grams=120)], ship_to=LONDON,
            buyer_email=buyer.email, reference=reference, shipping_minor=450), now)
        for number in numbers:
            request = order_service.ShipRequest(tracking_number=number)
            order_service.ship_order(store, seller, order.id, request, now)
        return order.id


def make_runtime(tmp_path: Path, clock: ManualClock, database_url: str, sandbox_url: str) -> Runtime:
    migrate.upgrade(database_url)
    store = Store(make_engine(database_url))
    tracker = Tracker(store, ConnectorRegistry({CARRIER_SLUG: SandboxConnector(sandbox_url)}), clock)
    settings = Settings(data_dir=tmp_path, database_url=database_url, sandbox_url=sandbox_url, demo=False,
                        public_url="https://parcels.example.org")
    return Runtime(settings, load_or_create(tmp_path), clock, store, tracker, ModelPredictor(store, clock))


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    clock = ManualClock(START)
    sandbox_url, stop = serve_in_thread(create_sandbox(clock, epoch=START))
    runtime = make_runtime(tmp_path, clock, f"sqlite:///{tmp_path / 'parceltrail.db'}", sandbox_url)
    try:
        yield World(runtime, clock, TestClient(create_app(runtime, poll=False)),
                    make_person(runtime, "seller@example.com", Role.SELLER),
                    make_person(runtime, "buyer@example.com", Role.BUYER))
    finally:
        forget_cached(runtime.models)
        stop()
        runtime.store.engine.dispose()
