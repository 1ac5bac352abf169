"""Migration 0007 on a database that already tracks shipments: existing rows get the routing columns with
their defaults (not routed yet, carrier detected, no "not found" run), and the downgrade removes them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, inspect, text

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store


def test_existing_shipments_get_routing_defaults(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    migrate.upgrade(url, "0006")
    engine = create_engine(url)
    now = datetime(2026, 1, 1, tzinfo=UTC).replace(tzinfo=None)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO shipments (tracking_number, carrier, tag, subtag, created_at, "
                          "updated_at) VALUES ('RB123456785CN', 'china-post', 'Pending', 'Pending_001', "
                          ":now, :now)"),
                     {"now": now})
    engine.dispose()
    migrate.upgrade(url)
    store_engine = make_engine(url)
    with Store(store_engine).read() as repo:
        shipment = repo.shipments.find("RB123456785CN")
    store_engine.dispose()
    assert shipment is not None
    assert (shipment.connector, shipment.unfollowed_reason) == (None, None)
    assert shipment.carrier_source == "detected"
    assert (shipment.not_found_count, shipment.not_found_since) == (0, None)
    migrate.downgrade(url, "0006")
    engine = create_engine(url)
    columns = {c["name"] for c in inspect(engine).get_columns("shipments")}
    engine.dispose()
    assert not columns & {"connector", "unfollowed_reason", "carrier_source", "not_found_count"}
