"""Claiming due shipments under leases, so any number of pollers on any machines share the work.

A claim takes up to N shipments that are due (``next_check_at <= now``) and not leased (no lease, or an
expired one) and sets ``lease_owner``/``lease_until`` on them. The ingestion transaction that stores a
shipment's outcome clears the lease (`settle`), atomically with the outcome. A worker that dies leaves its
leases behind; they expire and the shipments are claimed again: nothing is lost, and because events are
stored once by fingerprint, nothing is stored twice.

- PostgreSQL: ``SELECT ... FOR UPDATE SKIP LOCKED`` inside an ``UPDATE ... RETURNING``: concurrent claimers
  never wait for each other and never take the same row. Lease times come from the database clock
  (``clock_timestamp()``), so workers on machines with skewed clocks agree on expiry.
- SQLite: a conditional ``UPDATE ... WHERE id IN (SELECT ...) AND <still unleased> RETURNING``; SQLite
  takes the write lock for the whole statement, so several processes on one machine are safe too.

Lease expiry runs on wall time (a dead worker is a wall-time event), while "due" compares with the
engine's clock (which may be simulated).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import fields
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Connection, and_, bindparam, func, literal_column, or_, select, update
from sqlalchemy.sql.expression import Select

if TYPE_CHECKING:
    from parceltrail.adapters.db.uow import Store
from parceltrail.adapters.db.tables import shipments
from parceltrail.domain.shipment import Shipment

DEFAULT_LEASE = timedelta(minutes=5)
_FIELDS = [f.name for f in fields(Shipment)]


def _shipment(row: Mapping[str, Any]) -> Shipment:
    return Shipment(**{name: row[name] for name in _FIELDS})


def _wall_now(conn: Connection) -> ColumnElement[Any]:
    """Wall time for leases: the database's clock on PostgreSQL (naive UTC, like the column)."""
    if conn.dialect.name == "postgresql":
        return literal_column("timezone('UTC', clock_timestamp())")
    return bindparam("wall_now", datetime.now(UTC), type_=shipments.c.lease_until.type)


def _plus(conn: Connection, lease: timedelta) -> ColumnElement[Any]:
    if conn.dialect.name == "postgresql":
        return literal_column(f"(timezone('UTC', clock_timestamp()) + interval '{lease.total_seconds():.3f} "
                              "seconds')")
    return bindparam("wall_until", datetime.now(UTC) + lease, type_=shipments.c.lease_until.type)


def _unleased(wall: ColumnElement[Any]) -> ColumnElement[bool]:
    return or_(shipments.c.lease_until.is_(None), shipments.c.lease_until < wall)


def _due(now: datetime, wall: ColumnElement[Any], limit: int) -> Select[Any]:
    c = shipments.c
    return (
        select(c.id)
        .where(c.next_check_at.is_not(None), c.next_check_at <= now, _unleased(wall))
        .order_by(c.next_check_at, c.id)
        .limit(limit)
    )


def claim_due_in(conn: Connection, now: datetime, limit: int, owner: str,
                 lease: timedelta = DEFAULT_LEASE) -> list[Shipment]:
    """Claim up to `limit` due, unleased shipments for `owner` in the caller's transaction."""
    if limit <= 0:
        return []
    wall = _wall_now(conn)
    until = _plus(conn, lease)
    if conn.dialect.name == "postgresql":
        picked = _due(now, wall, limit).with_for_update(skip_locked=True).cte("picked")
        stmt = (update(shipments).where(shipments.c.id == picked.c.id)
                .values(lease_owner=owner, lease_until=until))
    else:
        stmt = (update(shipments)
                .where(shipments.c.id.in_(_due(now, wall, limit).scalar_subquery()), _unleased(wall))
                .values(lease_owner=owner, lease_until=until))
    rows = conn.execute(stmt.returning(*shipments.c)).mappings().all()
    claimed = [_shipment(row) for row in rows]
    claimed.sort(key=lambda s: (s.next_check_at or now, s.id or 0))
    return claimed


def claim_due(store: Store, now: datetime, limit: int, owner: str,
              lease: timedelta = DEFAULT_LEASE) -> list[Shipment]:
    """Claim up to `limit` due shipments (most overdue first) in a transaction of their own."""
    with store.transaction() as repo:
        return claim_due_in(repo.conn, now, limit, owner, lease)


def settle(conn: Connection, shipment_id: int, owner: str) -> bool:
    """Release `owner`'s lease on the shipment inside the caller's (ingestion) transaction.

    False when `owner` no longer holds it (it expired and another poller claimed it): the caller must then
    drop its outcome, which the new owner will store. On PostgreSQL the UPDATE also locks the row until the
    transaction ends, so the outcome and the release commit together or not at all."""
    result = conn.execute(
        update(shipments)
        .where(shipments.c.id == shipment_id, shipments.c.lease_owner == owner)
        .values(lease_owner=None, lease_until=None)
    )
    return result.rowcount == 1


def renew(store: Store, owner: str, shipment_ids: Sequence[int],
          lease: timedelta = DEFAULT_LEASE) -> set[int]:
    """Extend `owner`'s leases (before a slow step); returns the ids it still holds."""
    if not shipment_ids:
        return set()
    with store.transaction() as repo:
        conn = repo.conn
        rows = conn.execute(
            update(shipments)
            .where(shipments.c.id.in_(list(shipment_ids)), shipments.c.lease_owner == owner)
            .values(lease_until=_plus(conn, lease))
            .returning(shipments.c.id)
        ).scalars()
        return set(rows)


def release(store: Store, owner: str, shipment_ids: Iterable[int]) -> int:
    """Give back leases not settled by ingestion (e.g. after an error); returns how many."""
    ids = [i for i in shipment_ids if i is not None]
    if not ids:
        return 0
    with store.transaction() as repo:
        result = repo.conn.execute(
            update(shipments)
            .where(shipments.c.id.in_(ids), shipments.c.lease_owner == owner)
            .values(lease_owner=None, lease_until=None)
        )
        return result.rowcount


def leased_count(store: Store) -> int:
    """Shipments under a lease right now (expired or not): for monitoring and tests."""
    with store.read() as repo:
        query = select(func.count()).select_from(shipments).where(
            and_(shipments.c.lease_owner.is_not(None)))
        return repo.conn.execute(query).scalar_one()


def release_quietly(store: Store, owner: str, shipment_ids: Iterable[int]) -> None:
    """`release` for error paths: if the database is unreachable the leases simply expire."""
    try:
        release(store, owner, shipment_ids)
    except Exception:  # noqa: BLE001 - never mask the error being handled
        logging.getLogger(__name__).warning("could not release leases of %s; they will expire", owner)
