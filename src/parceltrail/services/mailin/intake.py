"""Turn one shipping e-mail into a user's trackings, once: the mail-in address (SMTP) and connected
IMAP mailboxes both end here. Every message leaves a line in the user's intake log (what was added,
or why nothing was), nothing is stored from mail the user did not allow, and a parcel added from mail
can be undone."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from parceltrail.domain.accounts import Tracking, new_tracking_id
from parceltrail.domain.errors import ConflictError
from parceltrail.domain.mailin import (
    IntakeEntry,
    MailInAddress,
    MailInError,
    MailOrder,
    MailParcel,
    Outcome,
    Permission,
    Reason,
    check_senders,
    new_token,
    sender_allowed,
)
from parceltrail.domain.orders import User
from parceltrail.services.mailin.understand import ShippingMail, understand
from parceltrail.services.ports import Store, UnitOfWork
from parceltrail.services.tracking.tracker import store_for_tracking


@dataclass(slots=True)
class IntakeResult:
    outcome: Outcome
    reason: str | None = None
    entry_id: int | None = None
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    order_id: int | None = None

    @property
    def stored(self) -> bool:
        return bool(self.added or self.replaced)

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome.value,
            "reason": self.reason,
            "intake_id": self.entry_id,
            "added": self.added,
            "replaced": self.replaced,
            "order_id": self.order_id,
        }


def message_key(mail: ShippingMail, data: bytes) -> str:
    """Message-ID identifies a message across folders and copies; a message without one, its bytes."""
    if mail.message_id:
        return "mid:" + mail.message_id[:240]
    return "sha256:" + hashlib.sha256(data).hexdigest()


# the mail-in address ---------------------------------------------------------------------------------
def address_of(store: Store, user: User, now: datetime) -> MailInAddress:
    """The user's mail-in address, made on first use (allowed sender: the user's own e-mail)."""
    with store.transaction() as repo:
        address = repo.mailin.address(user.id)
        if address is None:
            address = MailInAddress(user.id, new_token(), [user.email.lower()], now)
            repo.mailin.save_address(address)
    return address


def rotate_token(store: Store, user: User, now: datetime) -> MailInAddress:
    """A new token: mail to the old address is refused from now on."""
    address = address_of(store, user, now)
    with store.transaction() as repo:
        address.token, address.rotated_at = new_token(), now
        repo.mailin.save_address(address)
    return address


def set_allowed_senders(store: Store, user: User, senders: list[str], now: datetime) -> MailInAddress:
    cleaned = check_senders(senders)
    if not cleaned:
        raise MailInError("name at least one allowed sender (an address or a domain)", code="invalid_sender")
    address = address_of(store, user, now)
    with store.transaction() as repo:
        address.allowed_senders = cleaned
        repo.mailin.save_address(address)
    return address


def user_for_token(store: Store, token: str) -> tuple[User, MailInAddress] | None:
    with store.read() as repo:
        address = repo.mailin.address_by_token(token)
        if address is None:
            return None
        user = repo.orders.user(address.user_id)
    return (user, address) if user is not None else None


# intake ----------------------------------------------------------------------------------------------
def refuse(
    store: Store,
    user: User,
    *,
    channel: str,
    sender: str,
    subject: str,
    reason: Reason,
    now: datetime,
    message_id: str | None = None,
    mailbox_id: int | None = None,
) -> IntakeResult:
    """Log a message that adds nothing (too large, sender not allowed): its body is never kept."""
    with store.transaction() as repo:
        entry = repo.mailin.log(
            user.id,
            channel,
            now,
            sender,
            subject,
            Outcome.IGNORED,
            reason.value,
            {},
            message_id=message_id,
            mailbox_id=mailbox_id,
        )
    return IntakeResult(Outcome.IGNORED, reason.value, entry)


def accept(
    store: Store,
    user: User,
    data: bytes,
    now: datetime,
    *,
    channel: str,
    allowed: list[str] | None,
    envelope_sender: str | None = None,
    mailbox_id: int | None = None,
) -> IntakeResult:
    """Read one message for `user` and add what it announces. `allowed` None accepts any sender (a
    mailbox the user reads anyway); else the message's From (or the envelope sender) must be listed."""
    mail = understand(data)
    sender = mail.sender or (envelope_sender or "").lower()
    senders = {s for s in (mail.sender, (envelope_sender or "").lower()) if s}
    if allowed is not None and not any(sender_allowed(s, allowed) for s in senders):
        return refuse(
            store,
            user,
            channel=channel,
            sender=sender,
            subject=mail.subject,
            reason=Reason.SENDER_NOT_ALLOWED,
            now=now,
            message_id=mail.message_id,
            mailbox_id=mailbox_id,
        )
    key = message_key(mail, data)
    for _attempt in range(3):
        try:
            return _accept(store, user, mail, key, now, channel=channel, sender=sender, mailbox_id=mailbox_id)
        except ConflictError:
            continue  # another process added the same order or number meanwhile: read again
    raise MailInError("the same message is being handled elsewhere; try again", code="conflict", status=409)


def _accept(
    store: Store,
    user: User,
    mail: ShippingMail,
    key: str,
    now: datetime,
    *,
    channel: str,
    sender: str,
    mailbox_id: int | None,
) -> IntakeResult:
    with store.transaction() as repo:
        log = repo.mailin
        detail: dict[str, Any] = {
            "shop": mail.shop,
            "order_number": mail.order_number,
            "numbers": [n.number for n in mail.new_numbers],
            "replaced": [n.number for n in mail.old_numbers],
            "items": mail.items[:5],
        }

        def entry(outcome: Outcome, reason: Reason | None) -> int:
            return log.log(
                user.id,
                channel,
                now,
                sender,
                mail.subject,
                outcome,
                reason.value if reason else None,
                detail,
                message_id=mail.message_id,
                mailbox_id=mailbox_id,
            )

        if not log.mark_seen(user.id, key, now):
            return IntakeResult(
                Outcome.DUPLICATE,
                Reason.ALREADY_HANDLED.value,
                entry(Outcome.DUPLICATE, Reason.ALREADY_HANDLED),
            )
        if not mail.new_numbers:
            return IntakeResult(
                Outcome.IGNORED,
                Reason.NO_TRACKING_NUMBER.value,
                entry(Outcome.IGNORED, Reason.NO_TRACKING_NUMBER),
            )
        entry_id = entry(Outcome.ADDED, None)
        order = _order(repo, user, mail, now)
        result = IntakeResult(Outcome.ADDED, None, entry_id, order_id=order.id if order else None)
        replaced = _replace_old(repo, user, mail, order, now)
        result.replaced = [p.tracking_number for p in replaced]
        for found in mail.new_numbers:
            if log.active_parcel(user.id, found.number) is not None:
                continue
            shipment = store_for_tracking(repo, found.number, found.reading, now)
            assert shipment.id is not None
            tracking = repo.accounts.tracking_for_shipment(user.account_id, shipment.id)
            tracking_id = None
            if tracking is None:
                title = (mail.items[0] if mail.items else None) or (
                    f"{mail.shop} {mail.order_number}" if mail.shop and mail.order_number else mail.shop
                )
                tracking = Tracking(
                    id=new_tracking_id(),
                    account_id=user.account_id,
                    shipment_id=shipment.id,
                    created_at=now,
                    updated_at=now,
                    title=(title or "e-mail")[:256],
                    order_number=mail.order_number,
                    order_id=mail.order_number,
                    custom_fields={"source": f"mail:{channel}", "shop": mail.shop or ""},
                )
                repo.accounts.add_tracking(tracking)
                tracking_id = tracking.id
            log.add_parcel(
                user.id,
                shipment.id,
                found.number,
                shipment.carrier,
                now,
                order_id=order.id if order else None,
                tracking_id=tracking_id,
                intake_id=entry_id,
            )
            result.added.append(found.number)
        if not result.stored:
            result.outcome, result.reason = Outcome.DUPLICATE, Reason.ALREADY_TRACKED.value
        elif result.replaced:
            result.outcome = Outcome.UPDATED
        detail["added"], detail["order_id"] = result.added, result.order_id
        detail["replaced"] = result.replaced
        log.set_log_outcome(entry_id, result.outcome, {**detail, "reason": result.reason})
        return result


def _order(repo: UnitOfWork, user: User, mail: ShippingMail, now: datetime) -> MailOrder | None:
    if not mail.order_number:
        return None
    shop = mail.shop or "?"
    order = repo.mailin.order_by_number(user.id, shop, mail.order_number)
    total = mail.total
    if order is None:
        return repo.mailin.add_order(
            user.id,
            shop,
            mail.order_number,
            mail.items,
            total.minor if total else None,
            total.currency if total else None,
            now,
        )
    changed = False
    for item in mail.items:
        if item not in order.items:
            order.items.append(item)
            changed = True
    if total is not None and order.total_minor is None:
        order.total_minor, order.currency, changed = total.minor, total.currency, True
    if changed:
        repo.mailin.save_order(order, now)
    return order


def _replace_old(
    repo: UnitOfWork, user: User, mail: ShippingMail, order: MailOrder | None, now: datetime
) -> list[MailParcel]:
    """An update ("the seller changed the tracking number") retires the old parcel of the same order:
    the one it names, or the order's only parcel when it names none."""
    if not mail.update:
        return []
    new = {n.number for n in mail.new_numbers}
    old: list[MailParcel] = []
    for found in mail.old_numbers:
        parcel = repo.mailin.active_parcel(user.id, found.number)
        if parcel is not None and (order is None or parcel.mail_order_id in (None, order.id)):
            old.append(parcel)
    if not mail.old_numbers and order is not None:
        current = [p for p in repo.mailin.parcels_of_order(order.id) if p.tracking_number not in new]
        if len(current) == 1:
            old = current
    for parcel in old:
        _retire(repo, user, parcel, "replaced", now)
    return old


def _retire(repo: UnitOfWork, user: User, parcel: MailParcel, reason: str, now: datetime) -> None:
    repo.mailin.remove_parcel(parcel.id, reason, now)
    if parcel.tracking_id:
        repo.accounts.delete_tracking(user.account_id, parcel.tracking_id)


def undo(store: Store, user: User, parcel_id: int, now: datetime) -> MailParcel:
    """Take back a parcel added from mail: its tracking goes, the log keeps the line."""
    with store.transaction() as repo:
        parcel = repo.mailin.parcel(parcel_id)
        owner = user if parcel is not None and parcel.user_id == user.id else None
        if parcel is not None and owner is None and _may_manage(repo, user, parcel):
            owner = repo.orders.user(parcel.user_id)
        if parcel is None or owner is None:
            raise MailInError(f"no parcel {parcel_id} added from your mail", code="not_found", status=404)
        if not parcel.active:
            raise MailInError(
                f"parcel {parcel_id} was already removed ({parcel.removed_reason})",
                code="already_removed",
                status=409,
            )
        _retire(repo, owner, parcel, "undone", now)
        parcel.removed_at, parcel.removed_reason = now, "undone"
    return parcel


def _may_manage(repo: UnitOfWork, member: User, parcel: MailParcel) -> bool:
    """A household member may remove a parcel shared with them to manage (the order or the parcel)."""
    shares = [repo.mailin.share_for(member.id, parcel_id=parcel.id)]
    if parcel.mail_order_id is not None:
        shares.append(repo.mailin.share_for(member.id, order_id=parcel.mail_order_id))
    return any(
        s is not None and s.owner_id == parcel.user_id and s.permission is Permission.MANAGE for s in shares
    )


def intake_log(store: Store, user: User, limit: int = 100) -> list[IntakeEntry]:
    with store.read() as repo:
        return repo.mailin.entries(user.id, limit)
