"""Accounts, their API keys and their trackings (an account's view of a shared shipment): plain types."""

from __future__ import annotations

import base64
import binascii
import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from parceltrail.domain.errors import InputError

KEY_PREFIX = "pt_"  # every key starts with this, so a leaked key is easy to recognize
_KEY_BYTES = 32  # 256 bits of randomness: a plain SHA-256 is a sufficient hash for such keys


class Scope(StrEnum):
    READ = "read"
    WRITE = "write"

    def allows(self, needed: Scope) -> bool:
        return self is Scope.WRITE or needed is Scope.READ


class CompletedReason(StrEnum):
    """Why an account marked its tracking as completed (AfterShip's mark-as-completed reasons)."""

    DELIVERED = "DELIVERED"
    LOST = "LOST"
    RETURNED_TO_SENDER = "RETURNED_TO_SENDER"


# The status an account sees once it marked a tracking completed (the shared shipment is not changed).
COMPLETED_STATUS: dict[CompletedReason, tuple[str, str]] = {
    CompletedReason.DELIVERED: ("Delivered", "Delivered_001"),
    CompletedReason.LOST: ("Exception", "Exception_013"),
    CompletedReason.RETURNED_TO_SENDER: ("Exception", "Exception_011"),
}


@dataclass(slots=True)
class Account:
    id: int
    name: str
    created_at: datetime


@dataclass(slots=True)
class ApiKey:
    id: int
    account_id: int
    scope: Scope
    prefix: str  # the first characters of the key, safe to show in listings
    created_at: datetime
    revoked_at: datetime | None = None
    last_used_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(slots=True)
class Tracking:
    """One account following one shipment: the account's own labels on top of the shared shipment."""

    id: str
    account_id: int
    shipment_id: int
    created_at: datetime
    updated_at: datetime
    title: str | None = None
    order_id: str | None = None
    order_number: str | None = None
    customer_name: str | None = None
    customer_emails: list[str] = field(default_factory=list)
    language: str | None = None
    custom_fields: dict[str, Any] = field(default_factory=dict)
    note: str | None = None
    slug: str | None = None  # the carrier slug the account asked for, when it named one
    completed_at: datetime | None = None
    completed_reason: CompletedReason | None = None
    retrack_count: int = 0

    @property
    def active(self) -> bool:
        return self.completed_at is None


def new_tracking_id() -> str:
    """A 32-character lowercase hex id, like AfterShip's tracking ids."""
    return secrets.token_hex(16)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def generate_key() -> tuple[str, str, str]:
    """A new API key: (the key, shown once; its display prefix; its SHA-256, the only thing stored)."""
    key = KEY_PREFIX + secrets.token_urlsafe(_KEY_BYTES)
    return key, key[:10], hash_key(key)


class AccountExistsError(InputError):
    code = "account_exists"


class TrackingExistsError(InputError):
    code = "tracking_exists"

    def __init__(self, existing_id: str) -> None:
        super().__init__("this account already tracks this number with this carrier")
        self.existing_id = existing_id


class InvalidCursorError(InputError):
    code = "invalid_cursor"


@dataclass(slots=True)
class TrackingFilter:
    """Which of an account's trackings to list; empty sequences and None mean "any"."""

    tags: Sequence[str] = ()
    carriers: Sequence[str] = ()
    numbers: Sequence[str] = ()
    order_ids: Sequence[str] = ()
    keyword: str | None = None
    created_after: datetime | None = None
    created_before: datetime | None = None
    updated_after: datetime | None = None
    updated_before: datetime | None = None


# Page cursors of an account's trackings: opaque to clients, (created_at, id) inside.
def encode_cursor(tracking: Tracking) -> str:
    raw = f"{tracking.created_at.isoformat()}|{tracking.id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        instant, tracking_id = raw.split("|", 1)
        when = datetime.fromisoformat(instant)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InvalidCursorError("the cursor is not one this API returned") from None
    if when.tzinfo is None or not tracking_id:
        raise InvalidCursorError("the cursor is not one this API returned")
    return when, tracking_id
