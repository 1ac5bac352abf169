"""Repositories: read and write domain objects through one connection (one transaction)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import fields
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Connection, and_, bindparam, exists, func, insert, not_, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from parceltrail.adapters.db.optin_tables import email_optins
from parceltrail.adapters.db.tables import (
    order_packages,
    raw_payloads,
    shipments,
    subscriptions,
    tracking_events,
    trackings,
)
from parceltrail.adapters.db.tables_mailin import mail_parcels
from parceltrail.domain.shipment import Shipment, TrackingEvent

_SHIPMENT_COLUMNS = [f.name for f in fields(Shipment) if f.name != "id"]


def leg_stamp(row: Mapping[str, Any]) -> tuple[Shipment, int, int]:
    """A row of the stamp statements: the shipment, its event count and newest event id."""
    return _shipment(row), row["_event_count"], row["_event_newest"]


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


# Prebuilt statements for the hot read path (a tracking with its events): built once, compiled once.
_SHIPMENT_BY_ID = select(shipments).where(shipments.c.id == bindparam("shipment_id"))
_EVENTS_OF = (select(tracking_events)
              .where(tracking_events.c.shipment_id.in_(bindparam("shipment_ids", expanding=True)))
              .order_by(tracking_events.c.occurred_at, tracking_events.c.id))
# Looking a number up is on every track page view: built once, like the statements above.
_FIND = (select(shipments).where(shipments.c.tracking_number == bindparam("number"))
         .order_by(shipments.c.id))
_FIND_AT_CARRIER = (select(shipments).where(shipments.c.tracking_number == bindparam("number"),
                                            shipments.c.carrier == bindparam("carrier"))
                    .order_by(shipments.c.id))
_EVENT_COUNT = (select(func.count()).where(tracking_events.c.shipment_id == shipments.c.id)
                .scalar_subquery().label("_event_count"))
_EVENT_NEWEST = (select(func.coalesce(func.max(tracking_events.c.id), 0))
                 .where(tracking_events.c.shipment_id == shipments.c.id)
                 .scalar_subquery().label("_event_newest"))
STAMP_COLUMNS = (_EVENT_COUNT, _EVENT_NEWEST)
_STAMPS_OF = (select(shipments, _EVENT_COUNT, _EVENT_NEWEST)
              .where(shipments.c.id.in_(bindparam("shipment_ids", expanding=True))))


class Repository:
    """Shipment and event access bound to one open connection; the caller owns the transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # shipments -----------------------------------------------------------------------------------
    def get(self, shipment_id: int) -> Shipment | None:
        row = self.conn.execute(_SHIPMENT_BY_ID, {"shipment_id": shipment_id}).mappings().first()
        return _shipment(row) if row else None

    def find(self, number: str, carrier: str | None = None) -> Shipment | None:
        if carrier:
            found = self.conn.execute(_FIND_AT_CARRIER, {"number": number, "carrier": carrier})
        else:
            found = self.conn.execute(_FIND, {"number": number})
        row = found.mappings().first()
        return _shipment(row) if row else None

    def find_all(self, number: str) -> list[Shipment]:
        """Every shipment with this number, whatever the carrier."""
        query = select(shipments).where(shipments.c.tracking_number == number).order_by(shipments.c.id)
        return [_shipment(row) for row in self.conn.execute(query).mappings()]

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

    def get_many(self, shipment_ids: Sequence[int]) -> dict[int, Shipment]:
        """Several shipments by id in one query."""
        if not shipment_ids:
            return {}
        rows = self.conn.execute(select(shipments).where(shipments.c.id.in_(list(shipment_ids)))).mappings()
        return {row["id"]: _shipment(row) for row in rows}

    def save_many(self, items: Sequence[Shipment], now: datetime) -> None:
        """`save` for several shipments in one executemany round trip."""
        if not items:
            return
        columns = [name for name in _SHIPMENT_COLUMNS if name != "created_at"]
        stmt = (update(shipments).where(shipments.c.id == bindparam("_id"))
                .values({name: bindparam(f"_{name}") for name in columns}))
        rows = []
        for shipment in items:
            if shipment.id is None:
                raise ValueError("save_many() needs stored shipments")
            shipment.updated_at = now
            row = {f"_{name}": getattr(shipment, name) for name in columns}
            row["_id"] = shipment.id
            rows.append(row)
        self.conn.execute(stmt, rows)

    def settle_leases(self, shipment_ids: Sequence[int], owner: str) -> set[int]:
        """`adapters.db.claims.settle` for a batch: release `owner`'s leases on these shipments in the
        caller's (ingestion) transaction and return the ids it still held; the others were taken over by
        another poller after expiry and their outcomes must be dropped (fencing). On PostgreSQL the UPDATE
        locks the rows until commit, so outcomes and releases commit together or not at all."""
        if not shipment_ids:
            return set()
        rows = self.conn.execute(
            update(shipments)
            .where(shipments.c.id.in_(list(shipment_ids)), shipments.c.lease_owner == owner)
            .values(lease_owner=None, lease_until=None)
            .returning(shipments.c.id)
        ).scalars()
        return set(rows)

    def delete(self, shipment_id: int) -> None:
        self.conn.execute(shipments.delete().where(shipments.c.id == shipment_id))

    # public numbers nobody follows ------------------------------------------------------------------
    def mark_viewed(self, shipment_ids: Sequence[int], at: datetime, older_than: datetime) -> None:
        """Note a page view, written only where the stored one is older than `older_than`."""
        if shipment_ids:
            self.conn.execute(update(shipments).where(
                shipments.c.id.in_(list(shipment_ids)),
                or_(shipments.c.viewed_at.is_(None), shipments.c.viewed_at < older_than),
            ).values(viewed_at=at))

    def remove_unwatched(self, before: datetime, now: datetime, limit: int) -> int:
        """Delete up to `limit` shipments nobody owns whose page (and whose neighbouring legs' pages) nobody
        looked at since `before`; numbers never looked at start counting now."""
        self.conn.execute(update(shipments).where(shipments.c.viewed_at.is_(None)).values(viewed_at=now))

        def kept(leg: Any) -> Any:
            return or_(leg.c.viewed_at >= before,
                       *(exists().where(table.c.shipment_id == leg.c.id)
                         for table in (trackings, order_packages, subscriptions, email_optins, mail_parcels)))

        previous, following = shipments.alias("previous_leg"), shipments.alias("next_leg")
        doomed = select(shipments.c.id).where(
            not_(kept(shipments)),
            not_(exists().where(and_(previous.c.id == shipments.c.previous_leg_id, kept(previous)))),
            not_(exists().where(and_(following.c.id == shipments.c.next_leg_id, kept(following)))),
        ).limit(limit)
        ids = list(self.conn.execute(doomed).scalars())
        if ids:
            self.conn.execute(shipments.delete().where(shipments.c.id.in_(ids)))
        return len(ids)

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

    def recent_numbers(self, limit: int) -> list[str]:
        """The numbers of the newest shipments (by primary key)."""
        query = select(shipments.c.tracking_number).order_by(shipments.c.id.desc()).limit(limit)
        return list(self.conn.execute(query).scalars())

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
        """The events of these shipments, in order of occurrence."""
        rows = self.conn.execute(_EVENTS_OF, {"shipment_ids": list(shipment_ids)}).mappings()
        return [_event(row) for row in rows]

    def stamps(self, shipment_ids: Sequence[int]) -> dict[int, tuple[Shipment, int, int]]:
        """Each of these shipments that still exists, with its event count and newest event id, in one
        query: what a cached read of a chain of legs is validated against."""
        if not shipment_ids:
            return {}
        rows = self.conn.execute(_STAMPS_OF, {"shipment_ids": list(shipment_ids)}).mappings()
        return {row["id"]: leg_stamp(row) for row in rows}

    def event_heads(self, shipment_ids: Sequence[int]) -> list[TrackingEvent]:
        """The stored events of these shipments with only what status and scheduling need (id, shipment,
        time with its local offset, fingerprint, tag, subtag, classified, country: the stage of a parcel
        in customs depends on it); texts are left empty."""
        if not shipment_ids:
            return []
        c = tracking_events.c
        query = select(c.id, c.shipment_id, c.occurred_at, c.utc_offset_minutes, c.fingerprint, c.tag,
                       c.subtag, c.classified, c.country).where(c.shipment_id.in_(list(shipment_ids)))
        zones: dict[int, timezone] = {}
        out = []
        for row in self.conn.execute(query):
            zone = zones.get(row[3])
            if zone is None:
                zone = zones[row[3]] = timezone(timedelta(minutes=row[3]))
            out.append(TrackingEvent(occurred_at=row[2].astimezone(zone), raw_text="", source="",
                                     fingerprint=row[4], id=row[0], shipment_id=row[1], tag=row[5],
                                     subtag=row[6], classified=row[7], country=row[8]))
        return out

    def add_events(self, events: Sequence[TrackingEvent]) -> int:
        """Insert events, skipping any already stored (same shipment and fingerprint); returns how many
        were new."""
        return sum(self.insert_events(events).values())

    def insert_events(self, events: Sequence[TrackingEvent]) -> dict[int, int]:
        """`add_events` in one statement for events of any number of shipments; returns how many were new
        per shipment id."""
        if not events:
            return {}
        if self.conn.dialect.name == "postgresql":
            return self._insert_events_pg(events)
        rows = [_event_row(e) for e in events]
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
        counts: dict[int, int] = {}
        for shipment_id in self.conn.execute(stmt.returning(table.c.shipment_id), rows).scalars():
            counts[shipment_id] = counts.get(shipment_id, 0) + 1
        return counts

    def _insert_events_pg(self, events: Sequence[TrackingEvent]) -> dict[int, int]:
        # One statement with one array parameter per column (INSERT ... SELECT FROM unnest): the query
        # text stays small whatever the batch size, so neither SQLAlchemy nor psycopg spends time
        # rendering and parsing thousands of placeholders, and RETURNING still tells exactly which rows
        # were new (ON CONFLICT DO NOTHING skips the ones already stored).
        columns: dict[str, list[Any]] = {name: [] for name, _ in _PG_EVENT_COLUMNS}
        for event in events:
            row = _event_row(event)
            for name in ("occurred_at", "retrieved_at"):
                value = row[name]
                if value is not None:
                    if value.tzinfo is None:
                        raise ValueError("naive datetime given to a UTC column")
                    row[name] = value.astimezone(UTC).replace(tzinfo=None)
            for name, values in columns.items():
                values.append(row[name])
        names = ", ".join(name for name, _ in _PG_EVENT_COLUMNS)
        arrays = ", ".join(f"%({name})b::{kind}[]" for name, kind in _PG_EVENT_COLUMNS)
        sql = (f"INSERT INTO tracking_events ({names}) SELECT * FROM unnest({arrays}) "
               "ON CONFLICT (shipment_id, fingerprint) DO NOTHING RETURNING shipment_id")
        counts: dict[int, int] = {}
        for (shipment_id,) in self.conn.exec_driver_sql(sql, columns):
            counts[shipment_id] = counts.get(shipment_id, 0) + 1
        return counts

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


    def delivered_first_legs(self, limit: int) -> list[int]:
        """Ids of the first legs of the `limit` most recently delivered parcels (newest first)."""
        query = (select(shipments.c.id)
                 .where(shipments.c.tag == "Delivered", shipments.c.previous_leg_id.is_(None))
                 .order_by(shipments.c.last_event_at.desc(), shipments.c.id.desc()).limit(limit))
        return list(self.conn.execute(query).scalars())

    def payload_digests(self, payload_ids: Sequence[int]) -> list[tuple[int, str, str, datetime]]:
        """(id, SHA-256, source, retrieved_at) of stored raw carrier payloads, for evidence."""
        out: list[tuple[int, str, str, datetime]] = []
        for start in range(0, len(payload_ids), 500):
            out.extend(tuple(row) for row in self.conn.execute(
                select(raw_payloads.c.id, raw_payloads.c.sha256, raw_payloads.c.source,
                       raw_payloads.c.retrieved_at)
                .where(raw_payloads.c.id.in_(payload_ids[start:start + 500]))))
        return out

    def finished_timelines(self, limit: int = 5000) -> list[tuple[datetime | None, list[TrackingEvent]]]:
        """(registered at, chronological events of the whole chain) of the most recent parcels whose
        journey ended (a first leg whose chain reached a terminal status): the history the polling
        scheduler learns scan gaps from (`services.tracking.schedule.ScanGapModel.fit`)."""
        from parceltrail.status import is_terminal

        c = shipments.c
        firsts = self.conn.execute(
            select(shipments).where(c.previous_leg_id.is_(None), c.next_check_at.is_(None),
                                    c.last_event_at.is_not(None))
            .order_by(c.last_event_at.desc()).limit(limit)).mappings().all()
        out = []
        for row in firsts:
            first = _shipment(row)
            legs = self.chain(first)
            if not is_terminal(legs[-1].subtag):
                continue
            events = self.event_heads([leg.id for leg in legs if leg.id is not None])
            events.sort(key=lambda e: e.occurred_at)
            out.append((first.created_at, events))
        return out

    def any_subscriptions(self) -> bool:
        """Whether any notification subscription exists (the outbox has nothing to write otherwise)."""
        return self.conn.execute(select(subscriptions.c.id).limit(1)).first() is not None

    def add_payloads(self, items: Sequence[tuple[int, str, datetime, Mapping[str, Any]]]) -> list[int]:
        """`add_payload` for several (shipment id, source, retrieved at, body) in one statement; ids in
        the order given."""
        if not items:
            return []
        rows = []
        for shipment_id, source, retrieved_at, body in items:
            text = json.dumps(body, ensure_ascii=False, sort_keys=True, default=str)
            rows.append({"shipment_id": shipment_id, "source": source, "retrieved_at": retrieved_at,
                         "sha256": hashlib.sha256(text.encode()).hexdigest(), "body": text})
        stmt = insert(raw_payloads).returning(raw_payloads.c.id, sort_by_parameter_order=True)
        return list(self.conn.execute(stmt, rows).scalars())


_EVENT_FIELDS = [f.name for f in fields(TrackingEvent) if f.name != "id"]
_PG_EVENT_COLUMNS = [
    ("shipment_id", "integer"), ("fingerprint", "varchar"), ("occurred_at", "timestamp"),
    ("utc_offset_minutes", "integer"), ("raw_text", "text"), ("raw_code", "varchar"), ("location", "text"),
    ("country", "varchar"), ("city", "varchar"), ("latitude", "float8"), ("longitude", "float8"),
    ("lang", "varchar"), ("tag", "varchar"), ("subtag", "varchar"), ("classified", "boolean"),
    ("classifier_rule", "varchar"), ("confidence", "float8"), ("source", "varchar"),
    ("raw_payload_id", "integer"), ("retrieved_at", "timestamp"),
]


def _event_row(event: TrackingEvent) -> dict[str, Any]:
    row = {name: getattr(event, name) for name in _EVENT_FIELDS}
    row["utc_offset_minutes"] = event.utc_offset_minutes
    return row
