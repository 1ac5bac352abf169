"""Repositories: read and write domain objects through one connection (one transaction)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, fields
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from parceltrail.domain.shipment import Shipment, TrackingEvent
from parceltrail.store.tables import raw_payloads, shipments, tracking_events

_SHIPMENT_COLUMNS = [f.name for f in fields(Shipment) if f.name != "id"]


def _shipment(row: Mapping[str, Any]) -> Shipment:
    return Shipment(id=row["id"], **{name: row[name] for name in _SHIPMENT_COLUMNS})


def _event(row: Mapping[str, Any]) -> TrackingEvent:
    local = timezone(timedelta(minutes=row["utc_offset_minutes"]))
    return TrackingEvent(
        id=row["id"],
        shipment_id=row["shipment_id"],
        occurred_at=row["occurred_at"].astimezone(local),
        raw_text=row["raw_text"],
        raw_code=row["raw_code"],
        source=row["source"],
        fingerprint=row["fingerprint"],
        location=row["location"],
        country=row["country"],
        city=row["city"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        lang=row["lang"],
        tag=row["tag"],
        subtag=row["subtag"],
        classified=row["classified"],
        classifier_rule=row["classifier_rule"],
        confidence=row["confidence"],
        raw_payload_id=row["raw_payload_id"],
        retrieved_at=row["retrieved_at"],
    )


class Repository:
    """Shipment and event access bound to one open connection; the caller owns the transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # shipments -----------------------------------------------------------------------------------
    def get(self, shipment_id: int) -> Shipment | None:
        row = self.conn.execute(select(shipments).where(shipments.c.id == shipment_id)).mappings().first()
        return _shipment(row) if row else None

    def find(self, number: str, carrier: str | None = None) -> Shipment | None:
        query = select(shipments).where(shipments.c.tracking_number == number)
        if carrier:
            query = query.where(shipments.c.carrier == carrier)
        row = self.conn.execute(query.order_by(shipments.c.id)).mappings().first()
        return _shipment(row) if row else None

    def add(self, shipment: Shipment, now: datetime) -> Shipment:
        """Insert `shipment`, or return the one already stored for the same number and carrier."""
        existing = self.find(shipment.tracking_number, shipment.carrier)
        if existing:
            return existing
        values = {name: getattr(shipment, name) for name in _SHIPMENT_COLUMNS}
        values["created_at"] = values["updated_at"] = now
        new_id = self.conn.execute(insert(shipments).values(**values).returning(shipments.c.id)).scalar_one()
        stored = self.get(new_id)
        assert stored is not None
        return stored

    def save(self, shipment: Shipment, now: datetime) -> None:
        if shipment.id is None:
            raise ValueError("save() needs a stored shipment")
        shipment.updated_at = now
        values = {name: getattr(shipment, name) for name in _SHIPMENT_COLUMNS if name != "created_at"}
        self.conn.execute(update(shipments).where(shipments.c.id == shipment.id).values(**values))

    def delete(self, shipment_id: int) -> None:
        self.conn.execute(shipments.delete().where(shipments.c.id == shipment_id))

    def list(self, *, tag: str | None = None, carrier: str | None = None, limit: int = 100,
             after_id: int | None = None) -> list[Shipment]:
        query = select(shipments)
        if tag:
            query = query.where(shipments.c.tag == tag)
        if carrier:
            query = query.where(shipments.c.carrier == carrier)
        if after_id is not None:
            query = query.where(shipments.c.id > after_id)
        rows = self.conn.execute(query.order_by(shipments.c.id).limit(limit)).mappings()
        return [_shipment(row) for row in rows]

    def count(self) -> int:
        return self.conn.execute(select(func.count()).select_from(shipments)).scalar_one()

    def due(self, now: datetime, limit: int) -> list[Shipment]:
        """Shipments whose next check time has come, most overdue first."""
        query = (
            select(shipments)
            .where(shipments.c.next_check_at.is_not(None), shipments.c.next_check_at <= now)
            .order_by(shipments.c.next_check_at, shipments.c.id)
            .limit(limit)
        )
        return [_shipment(row) for row in self.conn.execute(query).mappings()]

    def next_due_at(self) -> datetime | None:
        return self.conn.execute(select(func.min(shipments.c.next_check_at))).scalar_one()

    def chain(self, shipment: Shipment) -> list[Shipment]:
        """Every leg of the parcel `shipment` belongs to, first leg first."""
        first = shipment
        seen = {first.id}
        while first.previous_leg_id is not None and first.previous_leg_id not in seen:
            previous = self.get(first.previous_leg_id)
            if previous is None:
                break
            seen.add(previous.id)
            first = previous
        legs = [first]
        while legs[-1].next_leg_id is not None and len(legs) < 20:
            nxt = self.get(legs[-1].next_leg_id)
            if nxt is None or nxt.id in {leg.id for leg in legs}:
                break
            legs.append(nxt)
        return legs

    # events --------------------------------------------------------------------------------------
    def events(self, shipment_ids: Sequence[int]) -> list[TrackingEvent]:
        query = (
            select(tracking_events)
            .where(tracking_events.c.shipment_id.in_(list(shipment_ids)))
            .order_by(tracking_events.c.occurred_at, tracking_events.c.id)
        )
        return [_event(row) for row in self.conn.execute(query).mappings()]

    def add_events(self, events: Sequence[TrackingEvent]) -> int:
        """Insert events, skipping any already stored (same shipment and fingerprint); returns how many
        were new."""
        if not events:
            return 0
        rows = []
        for e in events:
            row = asdict(e)
            row.pop("id")
            row["utc_offset_minutes"] = e.utc_offset_minutes
            rows.append(row)
        table = tracking_events
        dialect = self.conn.dialect.name
        stmt: Any
        if dialect == "postgresql":
            stmt = postgresql.insert(table).on_conflict_do_nothing(
                index_elements=["shipment_id", "fingerprint"])
        elif dialect == "sqlite":
            stmt = sqlite.insert(table).on_conflict_do_nothing(index_elements=["shipment_id", "fingerprint"])
        else:  # pragma: no cover - only SQLite and PostgreSQL are supported
            raise RuntimeError(f"unsupported database {dialect}")
        # RETURNING yields only the rows actually inserted, so duplicates are not counted.
        return len(self.conn.execute(stmt.returning(table.c.id), rows).all())

    def known_fingerprints(self, shipment_id: int) -> set[str]:
        query = select(tracking_events.c.fingerprint).where(tracking_events.c.shipment_id == shipment_id)
        return set(self.conn.execute(query).scalars())

    def unclassified_count(self) -> int:
        query = select(func.count()).select_from(tracking_events).where(
            or_(tracking_events.c.classified.is_(False), tracking_events.c.tag.is_(None)))
        return self.conn.execute(query).scalar_one()

    def add_payload(self, shipment_id: int, source: str, retrieved_at: datetime,
                    body: Mapping[str, Any]) -> int:
        text = json.dumps(body, ensure_ascii=False, sort_keys=True, default=str)
        digest = hashlib.sha256(text.encode()).hexdigest()
        return self.conn.execute(
            insert(raw_payloads)
            .values(shipment_id=shipment_id, source=source, retrieved_at=retrieved_at, sha256=digest,
                    body=text)
            .returning(raw_payloads.c.id)
        ).scalar_one()


class Store:
    """The database: hands out repositories bound to a transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def transaction(self) -> Iterator[Repository]:
        with self.engine.begin() as conn:
            yield Repository(conn)

    @contextmanager
    def read(self) -> Iterator[Repository]:
        with self.engine.connect() as conn:
            yield Repository(conn)
