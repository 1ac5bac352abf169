"""E-mail updates for shoppers without an account, with double opt-in: asking stores a sign-up and mails a
confirmation link to the address; only following that link creates the subscription (a shipment-scoped
one with no account, like an operator's), so nobody can sign somebody else's address up. The link's token
is stored as its SHA-256 only.

Every e-mail of such a subscription carries an unsubscribe link (`services.notifications.unsubscribe`).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from parceltrail.domain.errors import InputError, NotFoundError
from parceltrail.domain.notifications import ChannelKind, EventKind, Scope, Subscription
from parceltrail.services.notifications import subscriptions as service
from parceltrail.services.notifications.urls import check_address
from parceltrail.services.ports import UnitOfWork

LINK_VALID = timedelta(hours=48)
MAX_PER_DAY = 5  # confirmation e-mails one address may be sent in 24 hours
EVENTS = (EventKind.STATUS_CHANGE.value, EventKind.DELIVERED.value, EventKind.EXCEPTION.value)


class TooManyRequestsError(InputError):
    code = "too_many_requests"


class InvalidLinkError(NotFoundError):
    code = "invalid_link"


@dataclass(slots=True)
class Optin:
    id: int
    email: str
    shipment_id: int
    language: str
    timezone: str
    events: list[str] = field(default_factory=lambda: list(EVENTS))
    created_at: datetime | None = None
    expires_at: datetime | None = None
    confirmed_at: datetime | None = None
    subscription_id: int | None = None


@dataclass(frozen=True, slots=True)
class Asked:
    """The result of asking: the token to mail (None when the address already gets these e-mails)."""

    optin: Optin
    token: str | None


class OptinRepository(Protocol):
    def add(self, token_sha256: str, optin: Optin) -> Optin: ...

    def by_token(self, token_sha256: str) -> Optin | None: ...

    def confirmed(self, optin_id: int, subscription_id: int, now: datetime) -> None: ...

    def asked_since(self, email: str, since: datetime) -> int: ...

    def remove(self, optin_id: int) -> None: ...


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def guest_subscription(uow: UnitOfWork, email: str, shipment_id: int) -> Subscription | None:
    """The account-less e-mail subscription of this address to this parcel, if there is one."""
    for subscription in uow.notifications.subscriptions(None):
        if subscription.scope is Scope.SHIPMENT and subscription.shipment_id == shipment_id \
                and subscription.channel is ChannelKind.EMAIL and subscription.target.lower() == email:
            return subscription
    return None


def ask(optins: OptinRepository, uow: UnitOfWork, email: str, shipment_id: int, language: str,
        timezone: str, now: datetime) -> Asked:
    """Store a sign-up and return its token to mail, in the caller's transaction. Refuses addresses that
    are not e-mail addresses and addresses asked for too often; an address that already gets these
    e-mails gets no second link (the caller shows the same answer, so nothing is revealed)."""
    address = email.strip().lower()
    check_address(address)
    if uow.shipments.get(shipment_id) is None:
        raise NotFoundError(f"no shipment {shipment_id}")
    service.validate(service.SubscriptionRequest(channel=ChannelKind.EMAIL.value, target=address,
                                                 events=list(EVENTS), shipment_id=shipment_id,
                                                 language=language, timezone=timezone),
                     allow_private=False)
    optin = Optin(id=0, email=address, shipment_id=shipment_id, language=language, timezone=timezone,
                  events=list(EVENTS), created_at=now, expires_at=now + LINK_VALID)
    if guest_subscription(uow, address, shipment_id) is not None:
        return Asked(optin, None)
    if optins.asked_since(address, now - timedelta(days=1)) >= MAX_PER_DAY:
        raise TooManyRequestsError(f"{MAX_PER_DAY} confirmation e-mails were sent to this address today")
    token = secrets.token_urlsafe(32)
    return Asked(optins.add(digest(token), optin), token)


def pending(optins: OptinRepository, token: str, now: datetime) -> Optin:
    """The sign-up a link stands for (InvalidLinkError when unknown or expired and not yet confirmed)."""
    optin = optins.by_token(digest(token[:200])) if token else None
    expired = optin is not None and optin.confirmed_at is None and optin.expires_at is not None \
        and now >= optin.expires_at
    if optin is None or expired:
        raise InvalidLinkError("this confirmation link is not valid or has expired")
    return optin


def confirm(optins: OptinRepository, uow: UnitOfWork, token: str,
            now: datetime) -> tuple[Optin, Subscription]:
    """Follow the link: the subscription is created (once; following it again changes nothing)."""
    optin = pending(optins, token, now)
    existing = guest_subscription(uow, optin.email, optin.shipment_id)
    if existing is not None:
        if optin.confirmed_at is None:
            optins.confirmed(optin.id, existing.id, now)
        return optin, existing
    subscription = service.create(uow, None, service.SubscriptionRequest(
        channel=ChannelKind.EMAIL.value, target=optin.email, events=list(optin.events),
        shipment_id=optin.shipment_id, language=optin.language, timezone=optin.timezone), now,
        allow_private=False)
    optins.confirmed(optin.id, subscription.id, now)
    optin.confirmed_at, optin.subscription_id = now, subscription.id
    return optin, subscription
