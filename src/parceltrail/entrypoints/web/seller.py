"""The seller's work on the desk: orders awaiting shipment with a Ship form (a number entered and checked,
with the likely corrections when it is mistyped, or one issued from the seller's S10 range), and the
packages shipped but not yet scanned, with their labels to print.

Shipping goes through `services.marketplace.orders.ship_order`, the same use case as
`POST /api/v1/orders/{id}/shipments` and `parceltrail ship`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from starlette.datastructures import FormData

from parceltrail.bootstrap import Runtime
from parceltrail.domain.errors import InputError
from parceltrail.domain.orders import NumberRange, Order, OrderError, OrderStatus, Package, Role, User
from parceltrail.entrypoints.web.i18n import Locale
from parceltrail.numbers import issue_s10
from parceltrail.services.marketplace import orders as order_service

MAX_ORDERS = 200
MAX_NUMBER = 200
# Stable codes with a text of their own in the locales ("ship.error.<code>"); anything else: generic.
KNOWN_ERRORS = ("invalid_tracking_number", "number_in_use", "no_number_range", "order_not_shippable",
                "unknown_carrier", "forbidden", "not_found", "csrf", "missing_number")


@dataclass(frozen=True, slots=True)
class RangeOption:
    id: int
    next_number: str  # the number the next shipment from this range gets
    label: str  # "RR000000100CN – RR000000999CN": what is left of the range
    remaining: int


@dataclass(frozen=True, slots=True)
class AwaitingRow:
    order: Order
    items: int


@dataclass(frozen=True, slots=True)
class PrintRow:
    order_id: int
    reference: str
    package_id: int
    number: str
    carrier: str
    shipped_at: datetime

    @property
    def label_url(self) -> str:
        return label_url(self.order_id, self.package_id)


@dataclass(slots=True)
class ShipForm:
    """The Ship form of one order: what was entered, and why it was refused."""

    number: str = ""
    error_code: str | None = None
    error: str | None = None
    suggestions: list[str] = field(default_factory=list)


def label_url(order_id: int, package_id: int) -> str:
    return f"/orders/{order_id}/packages/{package_id}/label.pdf"


def is_seller(user: User) -> bool:
    return user.role in (Role.SELLER, Role.ADMIN)


def range_options(runtime: Runtime, user: User) -> list[RangeOption]:
    """The seller's S10 ranges that still have serials, shown by their first and last numbers."""
    if user.role is not Role.SELLER:
        return []
    options = []
    for number_range in order_service.ranges(runtime.store, user):
        if number_range.remaining <= 0:
            continue
        next_number = issue_s10(number_range.country, number_range.service_indicator,
                                number_range.next_serial)
        options.append(RangeOption(number_range.id, next_number, _range_label(number_range),
                                   number_range.remaining))
    return options


def _range_label(number_range: NumberRange) -> str:
    first = issue_s10(number_range.country, number_range.service_indicator, number_range.next_serial)
    last = issue_s10(number_range.country, number_range.service_indicator, number_range.last_serial)
    return f"{first} – {last}"


def desk_context(runtime: Runtime, user: User) -> dict[str, object]:
    """The desk's shipping part: orders awaiting shipment, packages waiting for their first scan."""
    base: dict[str, object] = {"empty_form": ShipForm(), "label_url": label_url}
    if not is_seller(user):
        return {**base, "awaiting": [], "to_print": [], "ranges": []}
    awaiting: list[AwaitingRow] = []
    to_print: list[PrintRow] = []
    for order in order_service.list_orders(runtime.store, user, limit=MAX_ORDERS):
        if order.status is OrderStatus.AWAITING_SHIPMENT:
            awaiting.append(AwaitingRow(order, sum(item.quantity for item in order.items)))
        elif order.status is OrderStatus.SHIPPED:
            view = order_service.order_view(runtime.store, user, order.id, with_events=False)
            for pv in view.packages:
                to_print.append(PrintRow(order.id, order.reference, pv.package.id, pv.package.tracking_number,
                                         pv.carrier_name or pv.package.carrier, pv.package.created_at))
    awaiting.sort(key=lambda row: row.order.placed_at)  # the longest waiting first
    to_print.sort(key=lambda row: row.shipped_at, reverse=True)
    return {**base, "awaiting": awaiting, "to_print": to_print, "ranges": range_options(runtime, user)}


def read_ship_form(form: FormData) -> tuple[str, bool, int | None]:
    """(entered number, issue one?, range id), bounded; the use case checks them for real."""
    number = form.get("tracking_number")
    text = number.strip()[:MAX_NUMBER] if isinstance(number, str) else ""
    issue = form.get("issue") == "1"
    raw_range = form.get("range_id")
    range_id = int(raw_range) if isinstance(raw_range, str) and raw_range.isdigit() and \
        0 < int(raw_range) < 2**31 else None
    return text, issue, range_id


def ship(runtime: Runtime, user: User, order_id: int, number: str, issue: bool,
         range_id: int | None) -> Package:
    """Ship the order with the entered number, or with the next number of the seller's range."""
    if not issue and not number:
        raise OrderError("enter the tracking number of the label", code="missing_number", status=400)
    request = order_service.ShipRequest(tracking_number=None if issue else number, issue=issue,
                                        range_id=range_id if issue else None)
    return order_service.ship_order(runtime.store, user, order_id, request, runtime.clock.now())


def refused(error: InputError, number: str, loc: Locale) -> ShipForm:
    """The form again with the reason in the page's language and the likely corrections."""
    code = getattr(error, "code", "invalid_input")
    details = getattr(error, "details", {}) or {}
    suggestions = [str(s) for s in details.get("suggestions", [])][:5]
    if code == "invalid_tracking_number" and suggestions:
        message = loc.t("ship.error.did_you_mean", number=details.get("number", number))
    elif code in KNOWN_ERRORS:
        message = loc.t(f"ship.error.{code}")
    else:
        message = loc.t("ship.error.other")
    return ShipForm(number=number, error_code=code, error=message, suggestions=suggestions)
