"""Issued S10 numbers: valid check digit, unique and never reused under concurrent requests, on SQLite
and on PostgreSQL."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.domain.orders import Address, OrderError, OrderItem, Role
from parceltrail.numbers import detect, issue_s10
from parceltrail.services.marketplace import orders as service
from parceltrail.services.marketplace.users import create_user

NOW = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
THREADS = 8
PER_THREAD = 4


def _issue_concurrently(url: str) -> None:
    migrate.upgrade(url)
    engine = make_engine(url)
    store = Store(engine)
    try:
        here = Address("S", ["x"], "Berlin", "DE")
        seller = create_user(store, "s@example.com", "password123", Role.SELLER, NOW, address=here)
        buyer = create_user(store, "b@example.com", "password123", Role.BUYER, NOW)
        order = service.place_order(store, seller, service.NewOrder(
            currency="EUR", items=[OrderItem("x", 1, 100)], ship_to=here, buyer_email=buyer.email), NOW)
        total = THREADS * PER_THREAD
        service.add_range(store, seller, "DE", "R", 500, 500 + total - 2, NOW)  # one number short
        issued: list[str] = []
        refused: list[str] = []
        errors: list[BaseException] = []
        start = threading.Barrier(THREADS)

        def work() -> None:
            start.wait()
            for _ in range(PER_THREAD):
                try:
                    request = service.ShipRequest(issue=True)
                    package = service.ship_order(store, seller, order.id, request, NOW)
                    issued.append(package.tracking_number)
                except OrderError as error:
                    refused.append(error.code)
                except BaseException as error:  # noqa: BLE001 - reported below
                    errors.append(error)

        threads = [threading.Thread(target=work) for _ in range(THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert not errors, errors
        assert refused == ["no_number_range"]
        assert sorted(issued) == sorted(issue_s10("DE", "R", s) for s in range(500, 500 + total - 1))
        assert all(detect(n)[0].checksum == "passed" for n in issued)
        assert service.ranges(store, seller)[0].remaining == 0
        view = service.order_view(store, seller, order.id, with_events=False)
        assert len(view.packages) == total - 1
    finally:
        engine.dispose()


def test_concurrent_issue_on_sqlite(sqlite_url: str) -> None:
    _issue_concurrently(sqlite_url)


@pytest.mark.postgres
def test_concurrent_issue_on_postgres(postgres_url: str) -> None:
    _issue_concurrently(postgres_url)
