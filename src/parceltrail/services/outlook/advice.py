"""Buyer protection advice and disputes: what the buyer should do next, and by when.

The path is always the same: contact the seller -> open a dispute (before buyer protection ends) ->
provide evidence (`services.outlook.evidence`). `advice_for` picks the step from the order's status, its
packages' silence health (`services.outlook.health`) and the protection deadline; `open_dispute` is the
buyer's action.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from parceltrail.domain.orders import (
    ForbiddenError,
    Order,
    OrderError,
    OrderNotFoundError,
    OrderStatus,
    User,
)
from parceltrail.predict import REASONS, Health
from parceltrail.services.ports import Store

Step = Literal["wait", "contact_seller", "open_dispute", "provide_evidence", "confirm_receipt", "none",
               "protection_ended"]
DISPUTE_MARGIN = timedelta(days=7)  # open a dispute at least this long before protection ends
UNSHIPPED_AFTER = timedelta(days=5)  # paid and not shipped for this long: ask the seller
DISPUTABLE = frozenset({OrderStatus.AWAITING_SHIPMENT, OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT,
                        OrderStatus.DELIVERED})
_SEVERITY = {"ok": 0, "not_updated": 1, "possibly_lost": 2, "expired": 3}


@dataclass(frozen=True, slots=True)
class Advice:
    step: Step
    message: str
    deadline: datetime | None  # act before this (None: no deadline applies)
    protection_deadline: datetime | None

    def to_dict(self) -> dict[str, Any]:
        return {"step": self.step, "message": self.message,
                "deadline": self.deadline.isoformat() if self.deadline else None,
                "protection_deadline": self.protection_deadline.isoformat() if self.protection_deadline
                else None}


def _day(value: datetime) -> str:
    return value.date().isoformat()


def _days(delta: timedelta) -> str:
    days = max(0, round(delta.total_seconds() / 86400))
    return "1 day" if days == 1 else f"{days} days"


def advice_for(order: Order, healths: Sequence[Health], now: datetime) -> Advice:
    """The buyer's next step for `order`, given its packages' health (one per package)."""
    protection = order.protection_deadline
    if order.status in (OrderStatus.COMPLETED, OrderStatus.REFUNDED):
        return Advice("none", f"This order is {order.status.value}; nothing to do.", None, protection)
    if order.status is OrderStatus.IN_DISPUTE:
        return Advice("provide_evidence", "A dispute is open: download the evidence file (every tracking "
                      "update with when and where it was retrieved) and give it to the marketplace or your "
                      "payment provider.", protection, protection)
    if order.status is OrderStatus.AWAITING_SHIPMENT or protection is None:
        paid = order.paid_at or order.placed_at
        if now - paid >= UNSHIPPED_AFTER:
            return Advice("contact_seller", f"The seller has not shipped in {_days(now - paid)}: contact the "
                          "seller; if it still does not ship, open a dispute.", None, None)
        return Advice("wait", "Waiting for the seller to ship; buyer protection starts when it ships.", None,
                      None)
    if now >= protection:
        return Advice("protection_ended", f"Buyer protection ended on {_day(protection)}; a dispute can no "
                      "longer be opened here.", None, protection)
    dispute_by = max(protection - DISPUTE_MARGIN, order.shipped_at or now)
    if order.status is OrderStatus.DELIVERED:
        return Advice("confirm_receipt", "Delivered. Check the parcel: confirm receipt if all is well, or "
                      f"contact the seller and open a dispute before {_day(protection)} if something is "
                      "wrong or missing.", protection, protection)
    worst = max(healths, key=lambda h: _SEVERITY.get(h.state, 0), default=None)
    urgent_by = dispute_by if dispute_by > now else protection
    if worst is not None and worst.state in ("possibly_lost", "expired"):
        return Advice("open_dispute", f"No tracking update for {_days(worst.silence)}: the parcel may be "
                      f"lost. Contact the seller now and open a dispute before {_day(urgent_by)} (buyer "
                      f"protection ends {_day(protection)}).", urgent_by, protection)
    if worst is not None and worst.state == "not_updated":
        why = REASONS.get(worst.likely_reason or "", "")
        lost_at = now + (worst.lost_after - worst.silence)
        by = min(urgent_by, lost_at) if lost_at > now else urgent_by
        return Advice("contact_seller", f"No tracking update for {_days(worst.silence)}"
                      f"{f' (likely {why})' if why else ''}. Contact the seller; if there is no news by "
                      f"{_day(by)}, open a dispute (buyer protection ends {_day(protection)}).", by,
                      protection)
    if now >= dispute_by:
        return Advice("open_dispute", f"Buyer protection ends {_day(protection)} and the parcel has not "
                      "arrived: contact the seller and open a dispute now.", protection, protection)
    return Advice("wait", f"On its way; nothing to do. If it has not arrived by {_day(dispute_by)}, contact "
                  f"the seller and open a dispute (buyer protection ends {_day(protection)}).", dispute_by,
                  protection)


def open_dispute(store: Store, actor: User, order_id: int, now: datetime) -> Order:
    """The buyer opens a dispute before buyer protection ends: the order moves to in_dispute (again: no
    change). Others who may see the order get "forbidden"; everyone else "not found"."""
    with store.transaction() as repo:
        orders = repo.orders
        order = orders.order(order_id) if 0 < order_id < 2**31 else None
        if order is None or not order.visible_to(actor):
            raise OrderNotFoundError(f"no order {order_id}")
        if actor.id != order.buyer_id:
            raise ForbiddenError(f"only the buyer of order {order.id} may open a dispute")
        if order.status is OrderStatus.IN_DISPUTE:
            return order
        if order.status not in DISPUTABLE:
            raise OrderError(f"order {order.id} is {order.status.value}; a dispute cannot be opened",
                             code="order_not_disputable")
        deadline = order.protection_deadline
        if deadline is not None and now >= deadline:
            raise OrderError(f"buyer protection of order {order.id} ended on {_day(deadline)}",
                             code="protection_ended")
        order.status = OrderStatus.IN_DISPUTE
        orders.save_order(order, now)
    return order
