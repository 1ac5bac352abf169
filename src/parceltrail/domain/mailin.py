"""Mail intake as plain types: a user's mail-in address, orders and parcels read from shipping e-mails,
the intake log, connected IMAP mailboxes and household shares; and the rules over them."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from parceltrail.domain.errors import InputError

TOKEN_BYTES = 9  # 12 URL-safe characters: unguessable, short enough to type
MAX_ALLOWED_SENDERS = 50
_TOKEN = re.compile(r"^[a-z0-9]{6,32}$")
_SENDER = re.compile(r"^(?:[^@\s]{1,64}@)?[a-z0-9.-]{1,190}\.[a-z]{2,63}$")


class Outcome(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    DUPLICATE = "duplicate"
    IGNORED = "ignored"


class Reason(StrEnum):
    """Why a message added nothing (the intake log shows it)."""

    SENDER_NOT_ALLOWED = "sender_not_allowed"
    TOO_LARGE = "too_large"
    NO_TRACKING_NUMBER = "no_tracking_number"
    ALREADY_HANDLED = "already_handled"
    ALREADY_TRACKED = "already_tracked"


class Permission(StrEnum):
    READ = "read"
    MANAGE = "manage"


class MailInError(InputError):
    code = "mailin_error"
    status = 400

    def __init__(self, message: str, *, code: str | None = None, status: int | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status


def new_token() -> str:
    """Lower-case letters and digits only: mail systems may fold the local part's case."""
    alphabet = "abcdefghijkmnpqrstuvwxyz23456789"
    return "".join(secrets.choice(alphabet) for _ in range(TOKEN_BYTES + 3))


def mailin_address(token: str, domain: str) -> str:
    return f"track+{token}@{domain}"


def token_of(recipient: str, domain: str) -> str | None:
    """The token of `track+<token>@<domain>`, or None when the address is not one of ours."""
    local, _, host = recipient.strip().strip("<>").rpartition("@")
    if host.lower() != domain.lower() or not local.lower().startswith("track+"):
        return None
    token = local[len("track+") :].lower()
    return token if _TOKEN.match(token) else None


def check_senders(values: list[str]) -> list[str]:
    """Allowed senders: whole addresses ("me@example.org") or domains ("example.org", "@example.org")."""
    cleaned: list[str] = []
    for value in values:
        item = value.strip().lower().lstrip("@")
        if not item:
            continue
        if not _SENDER.match(item):
            raise MailInError(
                f"{value[:80]!r} is neither an e-mail address nor a domain", code="invalid_sender"
            )
        if item not in cleaned:
            cleaned.append(item)
    if len(cleaned) > MAX_ALLOWED_SENDERS:
        raise MailInError(f"at most {MAX_ALLOWED_SENDERS} allowed senders", code="invalid_sender")
    return cleaned


def sender_allowed(sender: str, allowed: list[str]) -> bool:
    address = sender.strip().lower()
    domain = address.rpartition("@")[2]
    for item in allowed:
        if "@" in item:
            if address == item:
                return True
        elif domain == item or domain.endswith("." + item):
            return True
    return False


@dataclass(slots=True)
class MailInAddress:
    user_id: int
    token: str
    allowed_senders: list[str]
    created_at: datetime
    rotated_at: datetime | None = None


@dataclass(slots=True)
class IntakeEntry:
    id: int
    user_id: int
    channel: str
    received_at: datetime
    sender: str
    subject: str
    outcome: Outcome
    reason: str | None = None
    message_id: str | None = None
    mailbox_id: int | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "channel": self.channel,
            "received_at": self.received_at.isoformat(),
            "sender": self.sender,
            "subject": self.subject,
            "outcome": self.outcome.value,
            "reason": self.reason,
            "message_id": self.message_id,
            "mailbox_id": self.mailbox_id,
            "detail": self.detail,
        }


@dataclass(slots=True)
class MailOrder:
    id: int
    user_id: int
    shop: str
    order_number: str
    items: list[str]
    created_at: datetime
    updated_at: datetime
    total_minor: int | None = None
    currency: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "shop": self.shop,
            "order_number": self.order_number,
            "items": self.items,
            "total_minor": self.total_minor,
            "currency": self.currency,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(slots=True)
class MailParcel:
    id: int
    user_id: int
    shipment_id: int
    tracking_number: str
    carrier: str
    created_at: datetime
    mail_order_id: int | None = None
    tracking_id: str | None = None
    intake_id: int | None = None
    removed_at: datetime | None = None
    removed_reason: str | None = None

    @property
    def active(self) -> bool:
        return self.removed_at is None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "tracking_number": self.tracking_number,
            "carrier": self.carrier,
            "order_id": self.mail_order_id,
            "tracking_id": self.tracking_id,
            "intake_id": self.intake_id,
            "created_at": self.created_at.isoformat(),
            "removed_at": self.removed_at.isoformat() if self.removed_at else None,
            "removed_reason": self.removed_reason,
        }


@dataclass(slots=True)
class Mailbox:
    """A connected IMAP mailbox; `secret` is the encrypted password or OAuth2 token, never plain."""

    id: int
    user_id: int
    host: str
    port: int
    security: str  # tls | starttls | plain
    username: str
    auth: str  # password | oauth2
    secret: str
    folder: str
    allowed_senders: list[str]
    created_at: datetime
    mark_seen: bool = False
    uidvalidity: int | None = None
    last_uid: int = 0
    last_polled_at: datetime | None = None
    last_error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "host": self.host,
            "port": self.port,
            "security": self.security,
            "username": self.username,
            "auth": self.auth,
            "folder": self.folder,
            "allowed_senders": self.allowed_senders,
            "mark_seen": self.mark_seen,
            "uidvalidity": self.uidvalidity,
            "last_uid": self.last_uid,
            "last_polled_at": self.last_polled_at.isoformat() if self.last_polled_at else None,
            "last_error": self.last_error,
        }


@dataclass(slots=True)
class Share:
    id: int
    owner_id: int
    member_id: int
    permission: Permission
    created_at: datetime
    mail_order_id: int | None = None
    mail_parcel_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "owner_id": self.owner_id,
            "member_id": self.member_id,
            "permission": self.permission.value,
            "order_id": self.mail_order_id,
            "parcel_id": self.mail_parcel_id,
            "created_at": self.created_at.isoformat(),
        }
