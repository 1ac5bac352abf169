"""E-mail sign-ups waiting for confirmation: read and written through the caller's connection."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from parceltrail.adapters.db.optin_tables import email_optins
from parceltrail.services.notifications.optin import Optin


def _optin(row: Mapping[str, Any]) -> Optin:
    return Optin(id=row["id"], email=row["email"], shipment_id=row["shipment_id"], language=row["language"],
                 timezone=row["timezone"], events=[str(e) for e in row["events"] or []],
                 created_at=row["created_at"], expires_at=row["expires_at"],
                 confirmed_at=row["confirmed_at"], subscription_id=row["subscription_id"])


class OptinRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, token_sha256: str, optin: Optin) -> Optin:
        values = {"token_sha256": token_sha256, "email": optin.email, "shipment_id": optin.shipment_id,
                  "language": optin.language, "timezone": optin.timezone, "events": list(optin.events),
                  "created_at": optin.created_at, "expires_at": optin.expires_at}
        optin.id = self.conn.execute(
            insert(email_optins).values(**values).returning(email_optins.c.id)).scalar_one()
        return optin

    def by_token(self, token_sha256: str) -> Optin | None:
        row = self.conn.execute(select(email_optins).where(
            email_optins.c.token_sha256 == token_sha256)).mappings().first()
        return _optin(row) if row else None

    def confirmed(self, optin_id: int, subscription_id: int, now: datetime) -> None:
        self.conn.execute(update(email_optins).where(email_optins.c.id == optin_id).values(
            confirmed_at=now, subscription_id=subscription_id))

    def asked_since(self, email: str, since: datetime) -> int:
        return int(self.conn.execute(select(func.count()).select_from(email_optins).where(
            email_optins.c.email == email, email_optins.c.created_at >= since)).scalar_one())

    def remove(self, optin_id: int) -> None:
        self.conn.execute(delete(email_optins).where(email_optins.c.id == optin_id))
