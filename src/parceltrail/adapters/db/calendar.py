"""Calendar feeds and the estimates parcels were given, in SQL (tables of migration 0011)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from parceltrail.adapters.db.tables import (
    calendar_feeds,
    eta_handoffs,
    order_packages,
    orders,
    shipment_estimates,
    shipments,
    trackings,
)
from parceltrail.domain.calendar import CalendarFeed, StoredEstimate, Window
from parceltrail.predict.calibrate import Handoff
from parceltrail.status import is_terminal

MAX_FEED_PARCELS = 500


def _feed(row: Mapping[str, Any]) -> CalendarFeed:
    return CalendarFeed(id=row["id"], user_id=row["user_id"], prefix=row["prefix"],
                        created_at=row["created_at"], timezone=row["timezone"], language=row["language"],
                        revoked_at=row["revoked_at"])


class CalendarRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add_feed(self, user_id: int, token_hash: str, prefix: str, now: datetime, *, timezone: str | None,
                 language: str | None) -> CalendarFeed:
        new_id = self.conn.execute(insert(calendar_feeds).values(
            user_id=user_id, token_hash=token_hash, prefix=prefix, timezone=timezone, language=language,
            created_at=now).returning(calendar_feeds.c.id)).scalar_one()
        return CalendarFeed(new_id, user_id, prefix, now, timezone, language)

    def revoke_feeds(self, user_id: int, now: datetime) -> int:
        """Revoke every active feed of the user; how many there were."""
        c = calendar_feeds.c
        result = self.conn.execute(
            update(calendar_feeds).where(c.user_id == user_id, c.revoked_at.is_(None)).values(revoked_at=now))
        return result.rowcount or 0

    def active_feed(self, user_id: int) -> CalendarFeed | None:
        row = self.conn.execute(select(calendar_feeds).where(
            calendar_feeds.c.user_id == user_id, calendar_feeds.c.revoked_at.is_(None))
            .order_by(calendar_feeds.c.id.desc())).mappings().first()
        return _feed(row) if row else None

    def feed_by_hash(self, token_hash: str) -> CalendarFeed | None:
        """The active feed whose token hashes to `token_hash`, or None (unknown or revoked)."""
        c = calendar_feeds.c
        row = self.conn.execute(select(calendar_feeds).where(
            c.token_hash == token_hash, c.revoked_at.is_(None))).mappings().first()
        return _feed(row) if row else None

    def feed_shipments(self, user_id: int, account_id: int) -> list[tuple[int, str | None]]:
        """(shipment id, label) of the parcels the user expects: their account's trackings (label: the
        tracking's title) and the packages of orders they bought (label: the order's reference)."""
        found: dict[int, str | None] = {}
        for shipment_id, title in self.conn.execute(
                select(trackings.c.shipment_id, trackings.c.title).where(trackings.c.account_id == account_id)
                .order_by(trackings.c.created_at.desc()).limit(MAX_FEED_PARCELS)):
            found.setdefault(shipment_id, title)
        for shipment_id, reference in self.conn.execute(
                select(order_packages.c.shipment_id, orders.c.reference)
                .join(orders, orders.c.id == order_packages.c.order_id).where(orders.c.buyer_id == user_id)
                .order_by(order_packages.c.id.desc()).limit(MAX_FEED_PARCELS)):
            if found.get(shipment_id) is None:
                found[shipment_id] = reference
        return list(found.items())[:MAX_FEED_PARCELS]


def _insert_new(conn: Connection) -> Any:
    """INSERT that skips a row whose shipment already has one (PostgreSQL and SQLite)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(shipment_estimates).on_conflict_do_nothing(index_elements=["shipment_id"])
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(shipment_estimates).on_conflict_do_nothing(index_elements=["shipment_id"])


def _estimate(row: Mapping[str, Any]) -> StoredEstimate:
    return StoredEstimate(
        shipment_id=row["shipment_id"], timezone=row["timezone"],
        first_estimated_at=row["first_estimated_at"],
        first_due_by=row["first_due_by"], first_last_day=date.fromisoformat(row["first_last_day"]),
        estimated_at=row["estimated_at"], expected=row["expected"], earliest=row["earliest"],
        latest=row["latest"], first_day=date.fromisoformat(row["first_day"]),
        expected_day=date.fromisoformat(row["expected_day"]), last_day=date.fromisoformat(row["last_day"]),
        changed_at=row["changed_at"])


class EstimateRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, shipment_id: int) -> StoredEstimate | None:
        return self.get_many([shipment_id]).get(shipment_id)

    def get_many(self, shipment_ids: Sequence[int]) -> dict[int, StoredEstimate]:
        if not shipment_ids:
            return {}
        rows = self.conn.execute(select(shipment_estimates).where(
            shipment_estimates.c.shipment_id.in_(list(shipment_ids)))).mappings()
        return {row["shipment_id"]: _estimate(row) for row in rows}

    def save(self, shipment_id: int, window: Window, now: datetime,
             previous: StoredEstimate | None) -> StoredEstimate:
        """Record the current window (`previous`: what is stored, read by the caller in this transaction).
        The first window is kept; `changed_at` moves only when the window's days do."""
        days = {"first_day": window.first_day.isoformat(), "expected_day": window.expected_day.isoformat(),
                "last_day": window.last_day.isoformat()}
        current = {"timezone": window.timezone, "estimated_at": now, "expected": window.expected,
                   "earliest": window.earliest, "latest": window.latest, **days}
        inserted = False
        if previous is None:
            first = {"first_estimated_at": now, "first_due_by": window.due_by,
                     "first_last_day": window.last_day.isoformat()}
            # a concurrent ingestion of the same parcel may insert first: never fail the transaction.
            # RETURNING says whether the row went in (PostgreSQL reports no row count for ON CONFLICT).
            inserted = self.conn.execute(_insert_new(self.conn).values(
                shipment_id=shipment_id, changed_at=now, **first, **current).returning(
                    shipment_estimates.c.shipment_id)).first() is not None
            if inserted:
                return StoredEstimate(shipment_id, window.timezone, now, window.due_by, window.last_day, now,
                                      window.expected, window.earliest, window.latest, window.first_day,
                                      window.expected_day, window.last_day, now)
        changed_at = previous.changed_at if previous is not None and window.same_days(previous) else now
        self.conn.execute(update(shipment_estimates).where(
            shipment_estimates.c.shipment_id == shipment_id).values(changed_at=changed_at, **current))
        if previous is None:  # lost the race to insert: the first window is the other ingestion's
            row = self.conn.execute(select(shipment_estimates).where(
                shipment_estimates.c.shipment_id == shipment_id)).mappings().one()
            return _estimate(row)
        return StoredEstimate(shipment_id, window.timezone, previous.first_estimated_at,
                              previous.first_due_by, previous.first_last_day, now, window.expected,
                              window.earliest, window.latest, window.first_day, window.expected_day,
                              window.last_day, changed_at)

    def record_handoff(self, shipment_id: int, handoff: Handoff, level: float, basis: str,
                       now: datetime) -> bool:
        """Keep the prediction a parcel (its first leg) was given at its start; the first one recorded
        stays. True when this call recorded it."""
        table = eta_handoffs
        statement = (pg_insert(table) if self.conn.dialect.name == "postgresql" else sqlite_insert(table))
        # RETURNING says whether a row went in: drivers report no row count for ON CONFLICT DO NOTHING
        inserted = self.conn.execute(statement.on_conflict_do_nothing(index_elements=["shipment_id"]).values(
            shipment_id=shipment_id, handed_off_at=handoff.at, median_days=handoff.median,
            low_days=handoff.low, high_days=handoff.high, level=level, basis=basis[:160],
            served_low_days=handoff.served_low, served_high_days=handoff.served_high,
            recorded_at=now).returning(table.c.shipment_id)).first()
        return inserted is not None

    def with_handoff(self, shipment_ids: Sequence[int]) -> set[int]:
        """Which of these parcels (first legs) have their start prediction recorded."""
        if not shipment_ids:
            return set()
        c = eta_handoffs.c
        return set(self.conn.execute(select(c.shipment_id).where(c.shipment_id.in_(list(shipment_ids))))
                   .scalars())

    def handoffs(self, since: datetime) -> list[Handoff]:
        """Predictions made from `since` on, each with its parcel's delivery when delivered (the last
        leg's latest event), or none while it is on its way. Parcels that ended otherwise (returned,
        lost, expired) are left out: they say nothing about how long a delivery takes."""
        h, s = eta_handoffs.c, shipments.c
        rows = self.conn.execute(
            select(h.shipment_id, h.handed_off_at, h.median_days, h.low_days, h.high_days, h.served_low_days,
                   h.served_high_days, s.tag, s.subtag, s.last_event_at, s.next_leg_id)
            .join(shipments, shipments.c.id == h.shipment_id)
            .where(h.handed_off_at >= since).order_by(h.handed_off_at)).all()
        out = []
        for row in rows:
            if row.tag == "Expired" or (row.tag != "Delivered" and is_terminal(row.subtag)):
                continue
            delivered = None
            if row.tag == "Delivered":
                delivered = self._last_leg_event(row.next_leg_id) if row.next_leg_id else row.last_event_at
            out.append(Handoff(row.handed_off_at, row.median_days, row.low_days, row.high_days, delivered,
                               row.served_low_days, row.served_high_days))
        return out

    def _last_leg_event(self, leg_id: int | None) -> datetime | None:
        """The latest event of a chain's last leg, following it from `leg_id` (chains are a few legs)."""
        last: datetime | None = None
        seen: set[int] = set()
        while leg_id is not None and leg_id not in seen:
            seen.add(leg_id)
            row = self.conn.execute(select(shipments.c.last_event_at, shipments.c.next_leg_id)
                                    .where(shipments.c.id == leg_id)).first()
            if row is None:
                break
            last, leg_id = row.last_event_at or last, row.next_leg_id
        return last
