"""Accounts, API keys and trackings: read and written through the caller's connection (one transaction)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import fields
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    bindparam,
    case,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)

from parceltrail.adapters.db.repository import STAMP_COLUMNS, leg_stamp
from parceltrail.adapters.db.tables import accounts, api_keys, shipments, trackings
from parceltrail.domain.accounts import (
    Account,
    AccountExistsError,
    ApiKey,
    CompletedReason,
    Scope,
    Tracking,
    TrackingExistsError,
    TrackingFilter,
    decode_cursor,
    encode_cursor,
    generate_key,
    hash_key,
)
from parceltrail.domain.shipment import Shipment

_TRACKING_COLUMNS = [f.name for f in fields(Tracking)]


def _account(row: Mapping[str, Any]) -> Account:
    return Account(id=row["id"], name=row["name"], created_at=row["created_at"])


def _key(row: Mapping[str, Any]) -> ApiKey:
    return ApiKey(id=row["id"], account_id=row["account_id"], scope=Scope(row["scope"]), prefix=row["prefix"],
                  created_at=row["created_at"], revoked_at=row["revoked_at"],
                  last_used_at=row["last_used_at"])


def _tracking(row: Mapping[str, Any]) -> Tracking:
    values = {name: row[name] for name in _TRACKING_COLUMNS}
    values["customer_emails"] = list(values["customer_emails"] or [])
    values["custom_fields"] = dict(values["custom_fields"] or {})
    if values["completed_reason"] is not None:
        values["completed_reason"] = CompletedReason(values["completed_reason"])
    return Tracking(**values)


def _values(tracking: Tracking) -> dict[str, Any]:
    values = {name: getattr(tracking, name) for name in _TRACKING_COLUMNS}
    if tracking.completed_reason is not None:
        values["completed_reason"] = tracking.completed_reason.value
    return values


def effective_tag() -> ColumnElement[str]:
    """The tag an account sees: its completion overrides the shared shipment's status."""
    return case(
        (trackings.c.completed_reason == CompletedReason.DELIVERED.value, "Delivered"),
        (trackings.c.completed_reason.is_not(None), "Exception"),
        else_=shipments.c.tag,
    )


# Prebuilt statements for the hot read path (one tracking with its events): built once, compiled once.
# A tracking row (columns prefixed "t_") joined to the stamps of the legs a cached read of it holds: the
# account check and the validation of the cached read in one round trip.
_TRACKING_STAMPS = (
    select(*[column.label(f"t_{column.name}") for column in trackings.c], shipments, *STAMP_COLUMNS)
    .select_from(trackings.outerjoin(shipments,
                                     shipments.c.id.in_(bindparam("shipment_ids", expanding=True))))
    .where(trackings.c.account_id == bindparam("account_id"), trackings.c.id == bindparam("tracking_id")))
_TRACKING_BY_ID = select(trackings).where(trackings.c.account_id == bindparam("account_id"),
                                          trackings.c.id == bindparam("tracking_id"))


class AccountRepository:
    """Access bound to one open connection; the caller owns the transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # accounts ------------------------------------------------------------------------------------
    def create_account(self, name: str, now: datetime) -> Account:
        if self.account_by_name(name) is not None:
            raise AccountExistsError(f"an account named {name!r} already exists")
        new_id = self.conn.execute(
            insert(accounts).values(name=name, created_at=now).returning(accounts.c.id)).scalar_one()
        return Account(id=new_id, name=name, created_at=now)

    def account_by_name(self, name: str) -> Account | None:
        row = self.conn.execute(select(accounts).where(accounts.c.name == name)).mappings().first()
        return _account(row) if row else None

    def account(self, account_id: int) -> Account | None:
        row = self.conn.execute(select(accounts).where(accounts.c.id == account_id)).mappings().first()
        return _account(row) if row else None

    def accounts(self) -> list[Account]:
        return [_account(r) for r in self.conn.execute(select(accounts).order_by(accounts.c.id)).mappings()]

    # API keys ------------------------------------------------------------------------------------
    def create_key(self, account_id: int, scope: Scope, now: datetime) -> tuple[ApiKey, str]:
        """A new key for the account; returns it with the plain key, which is never stored."""
        plain, prefix, digest = generate_key()
        new_id = self.conn.execute(
            insert(api_keys)
            .values(account_id=account_id, key_hash=digest, prefix=prefix, scope=scope.value, created_at=now)
            .returning(api_keys.c.id)
        ).scalar_one()
        return ApiKey(id=new_id, account_id=account_id, scope=scope, prefix=prefix, created_at=now), plain

    def keys(self, account_id: int | None = None) -> list[ApiKey]:
        query = select(api_keys).order_by(api_keys.c.id)
        if account_id is not None:
            query = query.where(api_keys.c.account_id == account_id)
        return [_key(row) for row in self.conn.execute(query).mappings()]

    def key(self, key_id: int) -> ApiKey | None:
        row = self.conn.execute(select(api_keys).where(api_keys.c.id == key_id)).mappings().first()
        return _key(row) if row else None

    def revoke_key(self, key_id: int, now: datetime, *, account_id: int | None = None) -> ApiKey | None:
        """Revoke a key (of `account_id` when given); None when there is no such key."""
        key = self.key(key_id)
        if key is None or (account_id is not None and key.account_id != account_id):
            return None
        if key.revoked_at is None:
            self.conn.execute(update(api_keys).where(api_keys.c.id == key_id).values(revoked_at=now))
            key.revoked_at = now
        return key

    def authenticate(self, plain: str) -> ApiKey | None:
        """The active key whose hash matches `plain`, or None."""
        row = self.conn.execute(
            select(api_keys).where(api_keys.c.key_hash == hash_key(plain), api_keys.c.revoked_at.is_(None))
        ).mappings().first()
        return _key(row) if row else None

    # trackings -----------------------------------------------------------------------------------
    def add_tracking(self, tracking: Tracking) -> Tracking:
        """Insert; TrackingExistsError when the account already follows that shipment."""
        existing = self.tracking_for_shipment(tracking.account_id, tracking.shipment_id)
        if existing is not None:
            raise TrackingExistsError(existing.id)
        # A concurrent insert of the same pair fails on the unique constraint (IntegrityError).
        self.conn.execute(insert(trackings).values(**_values(tracking)))
        return tracking

    def tracking(self, account_id: int, tracking_id: str) -> Tracking | None:
        row = self.conn.execute(_TRACKING_BY_ID, {"account_id": account_id, "tracking_id": tracking_id}
                                ).mappings().first()
        return _tracking(row) if row else None

    def tracking_with_stamps(self, account_id: int, tracking_id: str, shipment_ids: Sequence[int]
                             ) -> tuple[Tracking | None, dict[int, tuple[Shipment, int, int]]]:
        """`tracking(account_id, tracking_id)` and `shipments.stamps(shipment_ids)` in one query (no stamps
        when the account has no such tracking)."""
        rows = self.conn.execute(_TRACKING_STAMPS, {"account_id": account_id, "tracking_id": tracking_id,
                                                    "shipment_ids": list(shipment_ids)}).mappings().all()
        if not rows:
            return None, {}
        tracking = _tracking({name: rows[0][f"t_{name}"] for name in _TRACKING_COLUMNS})
        return tracking, {row["id"]: leg_stamp(row) for row in rows if row["id"] is not None}

    def tracking_for_shipment(self, account_id: int, shipment_id: int) -> Tracking | None:
        row = self.conn.execute(
            select(trackings).where(trackings.c.account_id == account_id,
                                    trackings.c.shipment_id == shipment_id)
        ).mappings().first()
        return _tracking(row) if row else None

    def trackings_by_number(self, account_id: int, number: str, carrier: str | None = None) -> list[Tracking]:
        query = (select(trackings).join(shipments, shipments.c.id == trackings.c.shipment_id)
                 .where(trackings.c.account_id == account_id, shipments.c.tracking_number == number))
        if carrier:
            query = query.where(shipments.c.carrier == carrier)
        rows = self.conn.execute(query.order_by(trackings.c.created_at, trackings.c.id)).mappings()
        return [_tracking(row) for row in rows]

    def save_tracking(self, tracking: Tracking, now: datetime) -> None:
        tracking.updated_at = now
        values = _values(tracking)
        for name in ("id", "account_id", "created_at"):
            values.pop(name)
        self.conn.execute(update(trackings)
                          .where(trackings.c.id == tracking.id, trackings.c.account_id == tracking.account_id)
                          .values(**values))

    def delete_tracking(self, account_id: int, tracking_id: str) -> bool:
        result = self.conn.execute(
            delete(trackings).where(trackings.c.account_id == account_id, trackings.c.id == tracking_id))
        return bool(result.rowcount)

    def _conditions(self, account_id: int, where: TrackingFilter) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = [trackings.c.account_id == account_id, ]
        if where.tags:
            conditions.append(effective_tag().in_(list(where.tags)))
        if where.carriers:
            conditions.append(shipments.c.carrier.in_(list(where.carriers)))
        if where.numbers:
            conditions.append(shipments.c.tracking_number.in_(list(where.numbers)))
        if where.order_ids:
            conditions.append(trackings.c.order_id.in_(list(where.order_ids)))
        if where.keyword:
            word = where.keyword.lower()
            conditions.append(or_(*(func.lower(column).contains(word, autoescape=True) for column in (
                shipments.c.tracking_number, trackings.c.title, trackings.c.order_id,
                trackings.c.order_number, trackings.c.customer_name))))
        if where.created_after is not None:
            conditions.append(trackings.c.created_at >= where.created_after)
        if where.created_before is not None:
            conditions.append(trackings.c.created_at <= where.created_before)
        if where.updated_after is not None:
            conditions.append(trackings.c.updated_at >= where.updated_after)
        if where.updated_before is not None:
            conditions.append(trackings.c.updated_at <= where.updated_before)
        return conditions

    def list_trackings(self, account_id: int, where: TrackingFilter, *, limit: int,
                       cursor: str | None = None) -> tuple[list[Tracking], str | None]:
        """A page of the account's trackings, newest first, and the cursor of the next page (or None)."""
        conditions = self._conditions(account_id, where)
        if cursor:
            when, last_id = decode_cursor(cursor)
            conditions.append(or_(trackings.c.created_at < when,
                                  and_(trackings.c.created_at == when, trackings.c.id < last_id)))
        query = (select(trackings).join(shipments, shipments.c.id == trackings.c.shipment_id)
                 .where(*conditions)
                 .order_by(trackings.c.created_at.desc(), trackings.c.id.desc())
                 .limit(limit + 1))
        page = [_tracking(row) for row in self.conn.execute(query).mappings()]
        more = len(page) > limit
        page = page[:limit]
        return page, encode_cursor(page[-1]) if more and page else None

    def recent_numbers(self, account_id: int, limit: int) -> list[str]:
        """The account's tracked numbers, newest tracking first (walks ix_trackings_account_created)."""
        query = (select(shipments.c.tracking_number)
                 .select_from(trackings).join(shipments, shipments.c.id == trackings.c.shipment_id)
                 .where(trackings.c.account_id == account_id)
                 .order_by(trackings.c.created_at.desc(), trackings.c.id.desc())
                 .limit(limit))
        return list(self.conn.execute(query).scalars())

    def count_trackings(self, account_id: int, where: TrackingFilter) -> int:
        query = (select(func.count()).select_from(trackings)
                 .join(shipments, shipments.c.id == trackings.c.shipment_id)
                 .where(*self._conditions(account_id, where)))
        return self.conn.execute(query).scalar_one()
