"""What My Orders shows of mail intake: the user's orders read from mail with their parcels' status,
parcels without an order, and what household members shared with the user (one tracking, shown to
both: the shipment is the same row, polled once)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from parceltrail.domain.mailin import MailInError, MailOrder, MailParcel, Permission, Share
from parceltrail.domain.orders import User, check_email
from parceltrail.services.ports import Store, UnitOfWork


@dataclass(slots=True)
class ParcelView:
    parcel: MailParcel
    tag: str
    subtag: str


@dataclass(slots=True)
class OrderGroup:
    order: MailOrder | None
    parcels: list[ParcelView] = field(default_factory=list)
    shared_by: str | None = None  # the owner's e-mail when a household member shared it
    permission: str | None = None

    @property
    def shop(self) -> str | None:
        return self.order.shop if self.order else None

    @property
    def order_number(self) -> str | None:
        return self.order.order_number if self.order else None

    @property
    def items(self) -> list[str]:
        return self.order.items if self.order else []

    def to_dict(self) -> dict[str, Any]:
        return {
            "order": self.order.to_dict() if self.order else None,
            "shared_by": self.shared_by,
            "permission": self.permission,
            "parcels": [{**p.parcel.to_dict(), "tag": p.tag, "subtag": p.subtag} for p in self.parcels],
        }


def _views(repo: UnitOfWork, parcels: list[MailParcel]) -> list[ParcelView]:
    shipments = repo.shipments.get_many([p.shipment_id for p in parcels])
    out = []
    for parcel in parcels:
        shipment = shipments.get(parcel.shipment_id)
        out.append(
            ParcelView(
                parcel,
                shipment.tag if shipment else "Pending",
                shipment.subtag if shipment else "Pending_001",
            )
        )
    return out


def mail_orders(store: Store, user: User) -> list[OrderGroup]:
    with store.read() as repo:
        parcels = repo.mailin.parcels(user.id)
        groups: dict[int | None, OrderGroup] = {}
        for order in repo.mailin.orders(user.id):
            groups[order.id] = OrderGroup(order)
        loose = OrderGroup(None)
        for view in _views(repo, parcels):
            groups.get(view.parcel.mail_order_id, loose).parcels.append(view)
        result = [g for g in groups.values() if g.parcels]
        if loose.parcels:
            result.append(loose)
        for share in repo.mailin.shares(user.id):
            if share.member_id != user.id:
                continue
            owner = repo.orders.user(share.owner_id)
            owner_email = owner.email if owner else "?"
            if share.mail_order_id is not None:
                order = repo.mailin.order(share.mail_order_id)
                shared = repo.mailin.parcels_of_order(share.mail_order_id)
            else:
                single = repo.mailin.parcel(share.mail_parcel_id or 0)
                order, shared = None, [single] if single and single.active else []
            if shared:
                result.append(OrderGroup(order, _views(repo, shared), owner_email, share.permission.value))
    return result


def share(
    store: Store,
    owner: User,
    member_email: str,
    permission: str,
    now: datetime,
    *,
    order_id: int | None = None,
    parcel_id: int | None = None,
) -> Share:
    """Share one of the owner's mail orders (or a single parcel) with another user of this installation."""
    if (order_id is None) == (parcel_id is None):
        raise MailInError("share either an order or a parcel", code="invalid_share")
    if permission not in (Permission.READ.value, Permission.MANAGE.value):
        raise MailInError("permission must be read or manage", code="invalid_share")
    email = check_email(member_email)
    with store.transaction() as repo:
        member = repo.orders.user_by_email(email)
        if member is None or member.id == owner.id:
            raise MailInError(f"no other user {email} here", code="not_found", status=404)
        if order_id is not None:
            order = repo.mailin.order(order_id)
            if order is None or order.user_id != owner.id:
                raise MailInError(f"no order {order_id} of yours", code="not_found", status=404)
        else:
            parcel = repo.mailin.parcel(parcel_id or 0)
            if parcel is None or parcel.user_id != owner.id or not parcel.active:
                raise MailInError(f"no parcel {parcel_id} of yours", code="not_found", status=404)
        existing = repo.mailin.share_for(member.id, order_id=order_id, parcel_id=parcel_id)
        if existing is not None:
            return existing
        return repo.mailin.add_share(
            owner.id, member.id, permission, now, order_id=order_id, parcel_id=parcel_id
        )
