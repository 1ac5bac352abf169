"""The SQL unit of work: one connection in one transaction, and every repository bound to it.

`Store.transaction()` commits when the block ends normally and rolls back on an exception;
`Store.read()` opens a connection for reads only. Services receive these through the protocols in
`services/ports.py`, so they never see SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import IntegrityError

from parceltrail.adapters.db import claims, live
from parceltrail.adapters.db.accounts import AccountRepository
from parceltrail.adapters.db.calendar import CalendarRepository, EstimateRepository
from parceltrail.adapters.db.mailin import MailInRepository
from parceltrail.adapters.db.models import ModelRepository
from parceltrail.adapters.db.notifications import NotificationRepository
from parceltrail.adapters.db.optins import OptinRepository
from parceltrail.adapters.db.orders import OrderRepository
from parceltrail.adapters.db.performance import PerformanceRepository
from parceltrail.adapters.db.repository import Repository
from parceltrail.domain.errors import ConflictError
from parceltrail.domain.shipment import Shipment


class SqlUnitOfWork:
    """Repositories sharing one connection, so everything done through them commits together."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.shipments = Repository(conn)
        self.accounts = AccountRepository(conn)
        self.orders = OrderRepository(conn)
        self.notifications = NotificationRepository(conn)
        self.models = ModelRepository(conn)
        self.optins = OptinRepository(conn)
        self.mailin = MailInRepository(conn)
        self.calendars = CalendarRepository(conn)
        self.estimates = EstimateRepository(conn)
        self.performance = PerformanceRepository(conn)

    def settle_lease(self, shipment_id: int, owner: str) -> bool:
        return claims.settle(self.conn, shipment_id, owner)

    def publish_change(self, shipment_id: int) -> None:
        live.publish(self.conn, shipment_id)


class Store:
    """The database: hands out units of work."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def transaction(self) -> Iterator[SqlUnitOfWork]:
        try:
            with self.engine.begin() as conn:
                yield SqlUnitOfWork(conn)
        except IntegrityError as error:
            raise ConflictError(str(error.orig)) from error

    @contextmanager
    def read(self) -> Iterator[SqlUnitOfWork]:
        with self.engine.connect() as conn:
            yield SqlUnitOfWork(conn)

    def claim_due(self, now: datetime, limit: int, owner: str,
                  lease: timedelta = claims.DEFAULT_LEASE) -> list[Shipment]:
        return claims.claim_due(self, now, limit, owner, lease)

    def release_quietly(self, owner: str, shipment_ids: Iterable[int]) -> None:
        claims.release_quietly(self, owner, shipment_ids)
