"""Mail intake storage: addresses, mail orders and parcels, the intake log, handled messages, IMAP
mailboxes and shares, read and written through the caller's connection (the unit of work's)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, delete, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from parceltrail.adapters.db.tables_mailin import (
    imap_mailboxes,
    intake_log,
    mail_orders,
    mail_parcels,
    mail_seen,
    mailin_addresses,
    shares,
)
from parceltrail.domain.mailin import (
    IntakeEntry,
    Mailbox,
    MailInAddress,
    MailOrder,
    MailParcel,
    Outcome,
    Permission,
    Share,
)


def _address(row: Mapping[str, Any]) -> MailInAddress:
    return MailInAddress(
        user_id=row["user_id"],
        token=row["token"],
        allowed_senders=list(row["allowed_senders"]),
        created_at=row["created_at"],
        rotated_at=row["rotated_at"],
    )


def _entry(row: Mapping[str, Any]) -> IntakeEntry:
    return IntakeEntry(
        id=row["id"],
        user_id=row["user_id"],
        channel=row["channel"],
        received_at=row["received_at"],
        sender=row["sender"],
        subject=row["subject"],
        outcome=Outcome(row["outcome"]),
        reason=row["reason"],
        message_id=row["message_id"],
        mailbox_id=row["mailbox_id"],
        detail=dict(row["detail"] or {}),
    )


def _order(row: Mapping[str, Any]) -> MailOrder:
    return MailOrder(
        id=row["id"],
        user_id=row["user_id"],
        shop=row["shop"],
        order_number=row["order_number"],
        items=list(row["items"] or []),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        total_minor=row["total_minor"],
        currency=row["currency"],
    )


def _parcel(row: Mapping[str, Any]) -> MailParcel:
    return MailParcel(
        id=row["id"],
        user_id=row["user_id"],
        shipment_id=row["shipment_id"],
        tracking_number=row["tracking_number"],
        carrier=row["carrier"],
        created_at=row["created_at"],
        mail_order_id=row["mail_order_id"],
        tracking_id=row["tracking_id"],
        intake_id=row["intake_id"],
        removed_at=row["removed_at"],
        removed_reason=row["removed_reason"],
    )


def _mailbox(row: Mapping[str, Any]) -> Mailbox:
    return Mailbox(
        id=row["id"],
        user_id=row["user_id"],
        host=row["host"],
        port=row["port"],
        security=row["security"],
        username=row["username"],
        auth=row["auth"],
        secret=row["secret"],
        folder=row["folder"],
        allowed_senders=list(row["allowed_senders"] or []),
        created_at=row["created_at"],
        mark_seen=bool(row["mark_seen"]),
        uidvalidity=row["uidvalidity"],
        last_uid=row["last_uid"] or 0,
        last_polled_at=row["last_polled_at"],
        last_error=row["last_error"],
    )


def _share(row: Mapping[str, Any]) -> Share:
    return Share(
        id=row["id"],
        owner_id=row["owner_id"],
        member_id=row["member_id"],
        permission=Permission(row["permission"]),
        created_at=row["created_at"],
        mail_order_id=row["mail_order_id"],
        mail_parcel_id=row["mail_parcel_id"],
    )


class MailInRepository:
    """Access bound to one open connection; the caller owns the transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # addresses -------------------------------------------------------------------------------------
    def address(self, user_id: int) -> MailInAddress | None:
        row = (
            self.conn.execute(select(mailin_addresses).where(mailin_addresses.c.user_id == user_id))
            .mappings()
            .first()
        )
        return _address(row) if row else None

    def address_by_token(self, token: str) -> MailInAddress | None:
        row = (
            self.conn.execute(select(mailin_addresses).where(mailin_addresses.c.token == token))
            .mappings()
            .first()
        )
        return _address(row) if row else None

    def save_address(self, address: MailInAddress) -> None:
        values = {
            "token": address.token,
            "allowed_senders": address.allowed_senders,
            "rotated_at": address.rotated_at,
        }
        done = self.conn.execute(
            update(mailin_addresses).where(mailin_addresses.c.user_id == address.user_id).values(**values)
        )
        if not done.rowcount:
            self.conn.execute(
                insert(mailin_addresses).values(
                    user_id=address.user_id, created_at=address.created_at, **values
                )
            )

    # handled messages ------------------------------------------------------------------------------
    def mark_seen(self, user_id: int, key: str, now: datetime) -> bool:
        """Record a message as handled; False when it already was (another copy, or another process)."""
        if (
            self.conn.execute(
                select(mail_seen.c.user_id).where(
                    mail_seen.c.user_id == user_id, mail_seen.c.message_key == key
                )
            ).first()
            is not None
        ):
            return False
        try:
            with self.conn.begin_nested():
                self.conn.execute(insert(mail_seen).values(user_id=user_id, message_key=key, seen_at=now))
        except IntegrityError:
            return False
        return True

    # the intake log --------------------------------------------------------------------------------
    def log(
        self,
        user_id: int,
        channel: str,
        now: datetime,
        sender: str,
        subject: str,
        outcome: Outcome,
        reason: str | None,
        detail: dict[str, Any],
        *,
        message_id: str | None = None,
        mailbox_id: int | None = None,
    ) -> int:
        return self.conn.execute(
            insert(intake_log)
            .values(
                user_id=user_id,
                channel=channel,
                received_at=now,
                sender=sender[:254],
                subject=subject[:255],
                outcome=outcome.value,
                reason=reason,
                detail=detail,
                message_id=(message_id or "")[:255] or None,
                mailbox_id=mailbox_id,
            )
            .returning(intake_log.c.id)
        ).scalar_one()

    def set_log_outcome(self, entry_id: int, outcome: Outcome, detail: dict[str, Any]) -> None:
        self.conn.execute(
            update(intake_log).where(intake_log.c.id == entry_id).values(outcome=outcome.value, detail=detail)
        )

    def entries(self, user_id: int, limit: int = 100) -> list[IntakeEntry]:
        rows = self.conn.execute(
            select(intake_log)
            .where(intake_log.c.user_id == user_id)
            .order_by(intake_log.c.id.desc())
            .limit(limit)
        ).mappings()
        return [_entry(r) for r in rows]

    def counts(self, user_id: int) -> dict[str, int]:
        rows = self.conn.execute(
            select(intake_log.c.outcome, intake_log.c.reason).where(intake_log.c.user_id == user_id)
        ).all()
        out: dict[str, int] = {}
        for outcome, reason in rows:
            key = f"{outcome}:{reason}" if reason else outcome
            out[key] = out.get(key, 0) + 1
        return out

    # orders and parcels ----------------------------------------------------------------------------
    def order_by_number(self, user_id: int, shop: str, number: str) -> MailOrder | None:
        row = (
            self.conn.execute(
                select(mail_orders).where(
                    mail_orders.c.user_id == user_id,
                    mail_orders.c.shop == shop,
                    mail_orders.c.order_number == number,
                )
            )
            .mappings()
            .first()
        )
        return _order(row) if row else None

    def order(self, order_id: int) -> MailOrder | None:
        row = self.conn.execute(select(mail_orders).where(mail_orders.c.id == order_id)).mappings().first()
        return _order(row) if row else None

    def add_order(
        self,
        user_id: int,
        shop: str,
        number: str,
        items: list[str],
        total_minor: int | None,
        currency: str | None,
        now: datetime,
    ) -> MailOrder:
        order_id = self.conn.execute(
            insert(mail_orders)
            .values(
                user_id=user_id,
                shop=shop[:64],
                order_number=number[:64],
                items=items,
                total_minor=total_minor,
                currency=currency,
                created_at=now,
                updated_at=now,
            )
            .returning(mail_orders.c.id)
        ).scalar_one()
        return MailOrder(order_id, user_id, shop[:64], number[:64], items, now, now, total_minor, currency)

    def save_order(self, order: MailOrder, now: datetime) -> None:
        self.conn.execute(
            update(mail_orders)
            .where(mail_orders.c.id == order.id)
            .values(items=order.items, total_minor=order.total_minor, currency=order.currency, updated_at=now)
        )

    def orders(self, user_id: int) -> list[MailOrder]:
        rows = self.conn.execute(
            select(mail_orders).where(mail_orders.c.user_id == user_id).order_by(mail_orders.c.id.desc())
        ).mappings()
        return [_order(r) for r in rows]

    def add_parcel(
        self,
        user_id: int,
        shipment_id: int,
        number: str,
        carrier: str,
        now: datetime,
        *,
        order_id: int | None,
        tracking_id: str | None,
        intake_id: int | None,
    ) -> MailParcel:
        parcel_id = self.conn.execute(
            insert(mail_parcels)
            .values(
                user_id=user_id,
                shipment_id=shipment_id,
                tracking_number=number,
                carrier=carrier,
                mail_order_id=order_id,
                tracking_id=tracking_id,
                intake_id=intake_id,
                created_at=now,
            )
            .returning(mail_parcels.c.id)
        ).scalar_one()
        return MailParcel(
            parcel_id, user_id, shipment_id, number, carrier, now, order_id, tracking_id, intake_id
        )

    def parcel(self, parcel_id: int) -> MailParcel | None:
        row = self.conn.execute(select(mail_parcels).where(mail_parcels.c.id == parcel_id)).mappings().first()
        return _parcel(row) if row else None

    def parcels(self, user_id: int, *, active_only: bool = True) -> list[MailParcel]:
        query = select(mail_parcels).where(mail_parcels.c.user_id == user_id)
        if active_only:
            query = query.where(mail_parcels.c.removed_at.is_(None))
        return [_parcel(r) for r in self.conn.execute(query.order_by(mail_parcels.c.id.desc())).mappings()]

    def parcels_of_order(self, order_id: int) -> list[MailParcel]:
        rows = self.conn.execute(
            select(mail_parcels)
            .where(mail_parcels.c.mail_order_id == order_id, mail_parcels.c.removed_at.is_(None))
            .order_by(mail_parcels.c.id)
        ).mappings()
        return [_parcel(r) for r in rows]

    def active_parcel(self, user_id: int, number: str) -> MailParcel | None:
        row = (
            self.conn.execute(
                select(mail_parcels).where(
                    mail_parcels.c.user_id == user_id,
                    mail_parcels.c.tracking_number == number,
                    mail_parcels.c.removed_at.is_(None),
                )
            )
            .mappings()
            .first()
        )
        return _parcel(row) if row else None

    def remove_parcel(self, parcel_id: int, reason: str, now: datetime) -> None:
        self.conn.execute(
            update(mail_parcels)
            .where(mail_parcels.c.id == parcel_id)
            .values(removed_at=now, removed_reason=reason)
        )

    def parcels_of_intake(self, intake_id: int) -> list[MailParcel]:
        rows = self.conn.execute(select(mail_parcels).where(mail_parcels.c.intake_id == intake_id)).mappings()
        return [_parcel(r) for r in rows]

    # IMAP mailboxes --------------------------------------------------------------------------------
    def add_mailbox(self, mailbox: Mailbox) -> int:
        values = mailbox_values(mailbox)
        return self.conn.execute(
            insert(imap_mailboxes).values(**values).returning(imap_mailboxes.c.id)
        ).scalar_one()

    def mailbox(self, mailbox_id: int) -> Mailbox | None:
        row = (
            self.conn.execute(select(imap_mailboxes).where(imap_mailboxes.c.id == mailbox_id))
            .mappings()
            .first()
        )
        return _mailbox(row) if row else None

    def mailboxes(self, user_id: int | None = None) -> list[Mailbox]:
        query = select(imap_mailboxes).order_by(imap_mailboxes.c.id)
        if user_id is not None:
            query = query.where(imap_mailboxes.c.user_id == user_id)
        return [_mailbox(r) for r in self.conn.execute(query).mappings()]

    def save_mailbox_state(
        self,
        mailbox_id: int,
        *,
        uidvalidity: int | None,
        last_uid: int,
        polled_at: datetime,
        error: str | None,
    ) -> None:
        self.conn.execute(
            update(imap_mailboxes)
            .where(imap_mailboxes.c.id == mailbox_id)
            .values(uidvalidity=uidvalidity, last_uid=last_uid, last_polled_at=polled_at, last_error=error)
        )

    def delete_mailbox(self, mailbox_id: int, user_id: int) -> bool:
        done = self.conn.execute(
            delete(imap_mailboxes).where(
                imap_mailboxes.c.id == mailbox_id, imap_mailboxes.c.user_id == user_id
            )
        )
        return bool(done.rowcount)

    # shares ----------------------------------------------------------------------------------------
    def add_share(
        self,
        owner_id: int,
        member_id: int,
        permission: str,
        now: datetime,
        *,
        order_id: int | None = None,
        parcel_id: int | None = None,
    ) -> Share:
        share_id = self.conn.execute(
            insert(shares)
            .values(
                owner_id=owner_id,
                member_id=member_id,
                permission=permission,
                created_at=now,
                mail_order_id=order_id,
                mail_parcel_id=parcel_id,
            )
            .returning(shares.c.id)
        ).scalar_one()
        return Share(share_id, owner_id, member_id, Permission(permission), now, order_id, parcel_id)

    def shares(self, user_id: int) -> list[Share]:
        rows = self.conn.execute(
            select(shares)
            .where(or_(shares.c.owner_id == user_id, shares.c.member_id == user_id))
            .order_by(shares.c.id)
        ).mappings()
        return [_share(r) for r in rows]

    def share_for(
        self, member_id: int, *, order_id: int | None = None, parcel_id: int | None = None
    ) -> Share | None:
        condition = and_(
            shares.c.member_id == member_id,
            shares.c.mail_order_id == order_id
            if order_id is not None
            else shares.c.mail_parcel_id == parcel_id,
        )
        row = self.conn.execute(select(shares).where(condition)).mappings().first()
        return _share(row) if row else None

    def delete_share(self, share_id: int, owner_id: int) -> bool:
        done = self.conn.execute(delete(shares).where(shares.c.id == share_id, shares.c.owner_id == owner_id))
        return bool(done.rowcount)


def mailbox_values(mailbox: Mailbox) -> dict[str, Any]:
    return {
        "user_id": mailbox.user_id,
        "host": mailbox.host,
        "port": mailbox.port,
        "security": mailbox.security,
        "username": mailbox.username,
        "auth": mailbox.auth,
        "secret": mailbox.secret,
        "folder": mailbox.folder,
        "allowed_senders": mailbox.allowed_senders,
        "mark_seen": mailbox.mark_seen,
        "uidvalidity": mailbox.uidvalidity,
        "last_uid": mailbox.last_uid,
        "created_at": mailbox.created_at,
    }
