"""The buyer's side of an order page: the advice (from `services.outlook.advice`, the same advice the API
and evidence files give) in the page's language, and which actions the buyer may take now: confirm
receipt, open a dispute, download the evidence file.

The advice text is chosen from the advice's step and the facts it was computed from (the order, its
packages' silence health, the deadlines), so the page never says more or less than
`GET /api/v1/orders/{id}/advice`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from babel.units import format_unit

from parceltrail.bootstrap import Runtime
from parceltrail.domain.orders import OrderStatus, Role, User
from parceltrail.domain.shipment import Timeline
from parceltrail.entrypoints.web.i18n import Locale
from parceltrail.predict import Health
from parceltrail.services.marketplace import orders as order_service
from parceltrail.services.marketplace.orders import RECEIVABLE, SHIPPABLE, OrderView
from parceltrail.services.outlook.advice import DISPUTABLE, Advice, advice_for
from parceltrail.services.outlook.eta import models_for
from parceltrail.services.outlook.health import health_for

# How urgent each step is, for the advice box's look (and its role: urgent advice is an alert).
URGENCY = {"wait": "info", "confirm_receipt": "info", "none": "info", "provide_evidence": "warn",
           "contact_seller": "warn", "open_dispute": "urgent", "protection_ended": "info"}
_LOST = ("possibly_lost", "expired")
_SEVERITY = {"ok": 0, "not_updated": 1, "possibly_lost": 2, "expired": 3}


@dataclass(frozen=True, slots=True)
class AdviceView:
    step: str
    text: str
    urgency: str
    deadline: datetime | None


@dataclass(frozen=True, slots=True)
class BuyerActions:
    """What the signed-in user may do with this order from its page."""

    is_buyer: bool
    can_confirm: bool
    can_dispute: bool
    can_download: bool  # the evidence file: the order's buyer and seller only
    confirm_first: bool  # delivered: confirming receipt is the expected next step
    can_ship: bool  # the order's seller (or an admin) may add a package


def days_text(days: int, loc: Locale) -> str:
    """"5 days", "1 day", "5 дней": CLDR plural forms of the page's language."""
    return format_unit(days, "duration-day", length="long", locale=loc.lang)


def _days(delta: timedelta) -> int:
    return max(0, round(delta.total_seconds() / 86400))


def healths_of(runtime: Runtime, view: OrderView, now: datetime) -> list[Health]:
    """Each package's silence health, computed as the advice API computes it."""
    models = models_for(runtime.models, now)
    return [health_for(Timeline(p.shipment, p.events, [p.shipment]), models, now) for p in view.packages]


def advice_text(advice: Advice, view: OrderView, healths: list[Health], now: datetime, loc: Locale) -> str:
    """The advice in the page's language: the same step and dates as `advice.message`."""
    order = view.order
    protection = loc.day(advice.protection_deadline, "long") if advice.protection_deadline else ""
    deadline = loc.day(advice.deadline, "long") if advice.deadline else ""
    worst = max(healths, key=lambda h: _SEVERITY.get(h.state, 0), default=None)
    step = advice.step
    if step == "none":
        return loc.t("advice.none", status=loc.t(f"order_status.{order.status.value}"))
    if step == "provide_evidence":
        return loc.t("advice.provide_evidence")
    if step == "protection_ended":
        return loc.t("advice.protection_ended", date=protection)
    if step == "confirm_receipt":
        return loc.t("advice.confirm_receipt", date=protection)
    if advice.protection_deadline is None:  # not shipped yet
        if step == "contact_seller":
            paid = order.paid_at or order.placed_at
            return loc.t("advice.unshipped_late", days=days_text(_days(now - paid), loc))
        return loc.t("advice.unshipped")
    silence = days_text(_days(worst.silence), loc) if worst is not None else ""
    if step == "open_dispute" and worst is not None and worst.state in _LOST:
        return loc.t("advice.lost", days=silence, date=deadline, protection=protection)
    if step == "open_dispute":
        return loc.t("advice.protection_ending", protection=protection)
    if step == "contact_seller" and worst is not None:
        reason = worst.likely_reason or ""
        why = loc.t("advice.likely", reason=loc.t(f"reason.{reason}")) if loc.has(f"reason.{reason}") else ""
        return loc.t("advice.not_updated", days=silence, why=why, date=deadline, protection=protection)
    return loc.t("advice.on_its_way", date=deadline, protection=protection)


def advice_view(runtime: Runtime, view: OrderView, loc: Locale) -> AdviceView:
    now = runtime.clock.now()
    healths = healths_of(runtime, view, now)
    advice = advice_for(view.order, healths, now)
    return AdviceView(advice.step, advice_text(advice, view, healths, now, loc),
                      URGENCY.get(advice.step, "info"), advice.deadline)


def actions_for(user: User, view: OrderView, now: datetime) -> BuyerActions:
    order = view.order
    is_buyer = user.id == order.buyer_id
    protection = order.protection_deadline
    open_protection = protection is None or now < protection
    return BuyerActions(
        is_buyer=is_buyer,
        can_confirm=is_buyer and order.status in RECEIVABLE,
        can_dispute=is_buyer and order.status in DISPUTABLE and open_protection,
        can_download=user.id in (order.buyer_id, order.seller_id),
        confirm_first=order.status is OrderStatus.DELIVERED,
        can_ship=(user.role is Role.ADMIN or user.id == order.seller_id) and order.status in SHIPPABLE)


def order_context(runtime: Runtime, user: User, order_id: int, loc: Locale) -> dict[str, Any]:
    """What order.html needs for the advice box and the buyer's buttons (the packages' events are read
    here: the advice depends on where each parcel is)."""
    view = order_service.order_view(runtime.store, user, order_id, with_events=True)
    return {"advice": advice_view(runtime, view, loc),
            "actions": actions_for(user, view, runtime.clock.now())}
