"""The order service: place orders, ship them (entered or issued label numbers), keep their status in step
with their packages, let the buyer confirm receipt, and read them back for the user who may see them.

Every write is one transaction, and input is checked before anything is written. An order another user
cannot see answers "not found"; one they can see but may not change answers "forbidden".
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from parceltrail.domain.errors import ConflictError, InputError, UnknownCarrierError
from parceltrail.domain.labels import CustomsLine, LabelData
from parceltrail.domain.orders import (
    DEFAULT_PROTECTION_DAYS,
    MAX_PROTECTION_DAYS,
    Address,
    ForbiddenError,
    NumberRange,
    Order,
    OrderError,
    OrderItem,
    OrderNotFoundError,
    OrderStatus,
    Package,
    Role,
    User,
    check_country,
    check_currency,
    check_email,
)
from parceltrail.domain.shipment import Shipment, TrackingEvent
from parceltrail.numbers import (
    Candidate,
    InvalidNumberError,
    IssueError,
    Suggestion,
    detect,
    is_known_carrier,
    issue_s10,
    normalize,
    suggest,
)
from parceltrail.numbers.suggest import likely
from parceltrail.services.marketplace.order_status import sync_order_status
from parceltrail.services.ports import OrderRepository, Store, UnitOfWork
from parceltrail.services.tracking.corrections import known_numbers
from parceltrail.services.tracking.tracker import store_for_tracking

MAX_ITEMS = 100
MAX_QUANTITY = 100_000
MAX_UNIT_PRICE = 1_000_000_000  # minor units
SHIPPABLE = frozenset({OrderStatus.AWAITING_SHIPMENT, OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT,
                       OrderStatus.DELIVERED})
RECEIVABLE = frozenset({OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT, OrderStatus.DELIVERED})


@dataclass(slots=True)
class NewOrder:
    """What placing an order needs; the counterpart is named by e-mail (the caller is the other side)."""

    currency: str
    items: list[OrderItem]
    ship_to: Address
    buyer_email: str | None = None
    seller_email: str | None = None
    reference: str | None = None
    shipping_minor: int = 0
    ship_from: Address | None = None  # default: the seller's stored address
    protection_days: int = DEFAULT_PROTECTION_DAYS


@dataclass(slots=True)
class ShipRequest:
    """A package for an order: an entered label number, or `issue` one from the seller's S10 range."""

    carrier: str | None = None
    service: str | None = None
    tracking_number: str | None = None
    issue: bool = False
    range_id: int | None = None
    weight_grams: int | None = None


@dataclass(slots=True)
class PackageView:
    package: Package
    shipment: Shipment
    tracking_url: str | None
    carrier_name: str | None
    events: list[TrackingEvent] = field(default_factory=list)


@dataclass(slots=True)
class OrderView:
    order: Order
    packages: list[PackageView]
    buyer: User
    seller: User


# validation --------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class LabelContext:
    """What ranks the corrections of a mistyped label number: the shop's own recent labels (their ranges)
    and the country the parcel ships to."""

    known: tuple[str, ...] = ()
    country: str | None = None


def label_context(repo: UnitOfWork, order: Order) -> LabelContext:
    return LabelContext(tuple(known_numbers(repo, seller_id=order.seller_id)), order.ship_to.country)


def _order_label_context(store: Store, actor: User, order_id: int) -> LabelContext:
    with store.read() as repo:
        order = repo.orders.order(order_id) if -2**31 <= order_id < 2**31 else None
        if order is None or not order.visible_to(actor):
            return LabelContext()  # the transaction answers "not found" later; nothing to rank with here
        return label_context(repo, order)


class LabelNumberError(OrderError):
    """A label number no carrier (or not the named one) issues, with every ranked correction."""

    def __init__(self, message: str, ranked: list[Suggestion], **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.ranked = ranked


def check_label_number(text: str, carrier: str | None = None, *,
                       context: Callable[[], LabelContext] | None = None) -> tuple[str, Candidate]:
    """The normalized number and its reading; refused (LabelNumberError) with the likely corrections when
    no carrier (or not the named one) issues such a number. ``context`` is asked only then (it may read
    the store); the error keeps the whole ranking so a caller can decide on it without ranking again."""
    try:
        number = normalize(text)
    except InvalidNumberError as error:
        raise OrderError(str(error), code="invalid_tracking_number", status=400) from None
    if carrier is not None and not is_known_carrier(carrier):
        raise UnknownCarrierError(carrier)
    readings = [c for c in detect(number)
                if c.checksum != "failed" and (carrier is None or c.carrier == carrier)]
    if readings:
        return number, readings[0]
    known = context() if context is not None else LabelContext()
    ranked = suggest(number, carrier=carrier, limit=None, known=known.known, country=known.country)
    hints = [s.number for s in likely(ranked)]  # the head suggest() itself would have shown
    whose = f"a {carrier} number" if carrier else "a tracking number any known carrier issues"
    hint = f"; did you mean {', '.join(hints)}?" if hints else ""
    raise LabelNumberError(f"{number} is not {whose}{hint}", ranked, code="invalid_tracking_number",
                           status=400, details={"number": number, "suggestions": hints})


def _check_items(items: Sequence[OrderItem]) -> None:
    if not 1 <= len(items) <= MAX_ITEMS:
        raise InputError(f"an order has 1-{MAX_ITEMS} items")
    for n, item in enumerate(items, 1):
        if not 1 <= len(item.description.strip()) <= 200:
            raise InputError(f"item {n}: description must be 1-200 characters")
        if not 1 <= item.quantity <= MAX_QUANTITY:
            raise InputError(f"item {n}: quantity must be 1-{MAX_QUANTITY}")
        if not 0 <= item.unit_price_minor <= MAX_UNIT_PRICE:
            raise InputError(f"item {n}: unit_price_minor must be 0-{MAX_UNIT_PRICE} (minor units)")
        if item.weight_grams is not None and not 1 <= item.weight_grams <= 1_000_000:
            raise InputError(f"item {n}: weight_grams must be 1-1000000")
        if item.hs_code is not None and not (item.hs_code.isdigit() and 6 <= len(item.hs_code) <= 10):
            raise InputError(f"item {n}: hs_code must be 6-10 digits")
        if item.origin_country is not None:
            item.origin_country = check_country(item.origin_country, f"item {n}: origin_country")


def _check_address(address: Address, what: str) -> Address:
    if not address.name.strip() or not address.city.strip() or not address.lines:
        raise InputError(f"{what}: name, lines and city are required")
    address.country = check_country(address.country, f"{what}: country")
    return address


def _serial_range(first: int, last: int) -> None:
    if not 0 <= first <= last <= 99_999_999:
        raise InputError("a range needs 0 <= first <= last <= 99999999")


# access ------------------------------------------------------------------------------------------

def visible_order(orders: OrderRepository, actor: User, order_id: int) -> Order:
    order = orders.order(order_id) if -2**31 <= order_id < 2**31 else None
    if order is None or not order.visible_to(actor):
        raise OrderNotFoundError(f"no order {order_id}")
    return order


def _must_be_seller(actor: User, order: Order) -> None:
    if not (actor.role is Role.ADMIN or (actor.role is Role.SELLER and actor.id == order.seller_id)):
        raise ForbiddenError(f"only the seller of order {order.id} may do this")


def _must_be_buyer(actor: User, order: Order) -> None:
    if actor.id != order.buyer_id:
        raise ForbiddenError(f"only the buyer of order {order.id} may do this")


# number ranges -----------------------------------------------------------------------------------

def add_range(store: Store, actor: User, country: str, service_indicator: str, first: int, last: int,
              now: datetime) -> NumberRange:
    if actor.role is not Role.SELLER:
        raise ForbiddenError("only sellers have number ranges")
    _serial_range(first, last)
    try:
        sample = issue_s10(country, service_indicator, first)
    except IssueError as error:
        raise InputError(str(error)) from None
    with store.transaction() as repo:
        return repo.orders.add_range(actor.id, sample[-2:], sample[:2], first, last, now)


def ranges(store: Store, actor: User) -> list[NumberRange]:
    with store.read() as repo:
        return repo.orders.ranges(actor.id)


# placing -----------------------------------------------------------------------------------------

def place_order(store: Store, actor: User, new: NewOrder, now: datetime) -> Order:
    """A paid order between the caller and the user named by e-mail (a seller names the buyer, an admin
    both). Buyers do not record orders: a paid order on a seller's books is the seller's statement."""
    if actor.role is Role.BUYER:
        raise ForbiddenError("orders are recorded by their seller (or an admin), not by the buyer")
    currency = check_currency(new.currency)
    _check_items(new.items)
    if not 0 <= new.shipping_minor <= MAX_UNIT_PRICE:
        raise InputError(f"shipping_minor must be 0-{MAX_UNIT_PRICE}")
    if not 0 <= new.protection_days <= MAX_PROTECTION_DAYS:
        raise InputError(f"protection_days must be 0-{MAX_PROTECTION_DAYS}")
    ship_to = _check_address(new.ship_to, "ship_to")
    reference = (new.reference or f"PT-{secrets.token_hex(5).upper()}").strip()
    if not 1 <= len(reference) <= 64 or not reference.isprintable():
        raise InputError("reference must be 1-64 printable characters")
    with store.transaction() as repo:
        orders = repo.orders
        seller = _party(orders, actor, Role.SELLER, new.seller_email)
        buyer = _party(orders, actor, Role.BUYER, new.buyer_email)
        ship_from = new.ship_from or seller.address
        if ship_from is None:
            raise InputError("ship_from is required: the seller has no stored address")
        ship_from = _check_address(ship_from, "ship_from")
        if orders.reference_taken(reference):
            raise OrderError(f"an order with reference {reference!r} already exists", code="reference_taken")
        order = Order(id=0, reference=reference, seller_id=seller.id, buyer_id=buyer.id, currency=currency,
                      status=OrderStatus.AWAITING_SHIPMENT, placed_at=now, paid_at=now, ship_to=ship_to,
                      ship_from=ship_from, items=list(new.items), shipping_minor=new.shipping_minor,
                      protection_days=new.protection_days, updated_at=now)
        order.id = orders.add_order(order)
    return order


def _party(orders: OrderRepository, actor: User, role: Role, email: str | None) -> User:
    """The order's seller or buyer: the caller when that is the caller's role, else the user named."""
    if actor.role is role:
        if email is not None and check_email(email) != actor.email:
            raise ForbiddenError(f"a {role.value} places orders as themselves")
        return actor
    if actor.role is not Role.ADMIN and {actor.role, role} != {Role.BUYER, Role.SELLER}:
        raise ForbiddenError("only buyers, sellers and admins place orders")
    if email is None:
        raise InputError(f"{role.value}_email is required")
    user = orders.user_by_email(check_email(email))
    if user is None or user.role is not role:
        raise InputError(f"no {role.value} with e-mail {email}")
    return user


# shipping ----------------------------------------------------------------------------------------

def ship_order(store: Store, actor: User, order_id: int, request: ShipRequest, now: datetime) -> Package:
    """Add a package to the order: check (or issue) its number, register it for tracking, link it, and
    move the order on, all in one transaction."""
    if request.issue == (request.tracking_number is not None):
        raise InputError("give either tracking_number or issue=true")
    if request.weight_grams is not None and not 1 <= request.weight_grams <= 1_000_000:
        raise InputError("weight_grams must be 1-1000000")
    if request.service is not None and not 1 <= len(request.service.strip()) <= 100:
        raise InputError("service must be 1-100 characters")
    entered: tuple[str, Candidate] | None = None
    if request.tracking_number is not None:
        entered = check_label_number(request.tracking_number, request.carrier,
                                     context=lambda: _order_label_context(store, actor, order_id))
    elif request.carrier is not None and not is_known_carrier(request.carrier):
        raise UnknownCarrierError(request.carrier)
    try:
        with store.transaction() as repo:
            orders = repo.orders
            order = visible_order(orders, actor, order_id)
            shippable_order(actor, order)
            number, reading = entered or _issue(orders, order, request)
            package = attach_package(repo, order, number, reading, now, service=request.service,
                                     issued=entered is None, weight_grams=request.weight_grams)
    except ConflictError:  # a concurrent request linked the same number first
        raise OrderError("this tracking number is already the label of a package", code="number_in_use") \
            from None
    return package


def _issue(orders: OrderRepository, order: Order, request: ShipRequest) -> tuple[str, Candidate]:
    """The next number of the seller's range (the one named, or the first with serials left)."""
    seller_ranges = orders.ranges(order.seller_id)
    if request.range_id is not None:
        seller_ranges = [r for r in seller_ranges if r.id == request.range_id]
        if not seller_ranges:
            raise OrderError(f"the seller has no number range {request.range_id}", code="no_number_range",
                             status=400)
    if request.carrier is not None:
        seller_ranges = [r for r in seller_ranges if _range_carrier(r) == request.carrier]
    for number_range in seller_ranges:
        serial = orders.take_serial(number_range.id)
        if serial is None:
            continue
        number = issue_s10(number_range.country, number_range.service_indicator, serial)
        reading = next(c for c in detect(number) if c.checksum == "passed")
        return number, reading
    what = f" for {request.carrier}" if request.carrier else ""
    raise OrderError(f"the seller has no number range{what} with serials left; add one with "
                     "`parceltrail ranges add`", code="no_number_range", status=400)


def _range_carrier(number_range: NumberRange) -> str | None:
    sample = issue_s10(number_range.country, number_range.service_indicator, number_range.first_serial)
    return next((c.carrier for c in detect(sample) if c.checksum == "passed"), None)


def attach_package(repo: UnitOfWork, order: Order, number: str, reading: Candidate, now: datetime, *,
                   service: str | None = None, issued: bool = False,
                   weight_grams: int | None = None) -> Package:
    """Register the number for tracking, link it to the order as a package, and move the order on (inside
    the caller's transaction)."""
    orders = repo.orders
    if orders.package_by_number(number, reading.carrier) is not None:
        raise OrderError(f"{number} is already the label of a package", code="number_in_use")
    # registered inside the caller's transaction, so a refused package leaves nothing behind
    shipment = store_for_tracking(repo, number, reading, now, destination_country=order.ship_to.country)
    assert shipment.id is not None
    label_service = (service or reading.service or reading.service_class).strip()[:100]
    package = orders.add_package(order.id, shipment.id, number, reading.carrier, label_service, issued,
                                 weight_grams, now)
    if order.shipped_at is None:
        order.shipped_at = now
        orders.save_order(order, now)
    sync_order_status(repo, order.id, now)
    return package


def shippable_order(actor: User, order: Order) -> None:
    """Refuse when the actor is not the order's seller or the order can no longer ship."""
    _must_be_seller(actor, order)
    if order.status not in SHIPPABLE:
        raise OrderError(f"order {order.id} is {order.status.value}; it cannot ship",
                         code="order_not_shippable")


def confirm_receipt(store: Store, actor: User, order_id: int, now: datetime) -> Order:
    """The buyer got everything: the order completes (again: no change)."""
    with store.transaction() as repo:
        orders = repo.orders
        order = visible_order(orders, actor, order_id)
        _must_be_buyer(actor, order)
        if order.status is OrderStatus.COMPLETED:
            return order
        if order.status not in RECEIVABLE:
            raise OrderError(f"order {order.id} is {order.status.value}; receipt cannot be confirmed",
                             code="order_not_receivable")
        order.status = OrderStatus.COMPLETED
        order.received_at = order.completed_at = now
        orders.save_order(order, now)
    return order


# reading -----------------------------------------------------------------------------------------

def list_orders(store: Store, actor: User, *, limit: int = 50, before_id: int | None = None) -> list[Order]:
    with store.read() as repo:
        return repo.orders.list_orders(actor, limit=limit, before_id=before_id)


def order_view(store: Store, actor: User, order_id: int, *, with_events: bool = True) -> OrderView:
    """The order with each package's shipment, the carrier's own tracking page and the timeline."""
    with store.read() as repo:
        orders = repo.orders
        order = visible_order(orders, actor, order_id)
        views = []
        for package in orders.packages(order.id):
            shipment = repo.shipments.get(package.shipment_id)
            if shipment is None:
                continue
            events: list[TrackingEvent] = []
            if with_events:
                legs = repo.shipments.chain(shipment)
                events = repo.shipments.events([leg.id for leg in legs if leg.id is not None])
            reading = next((c for c in detect(package.tracking_number) if c.carrier == package.carrier), None)
            views.append(PackageView(package, shipment, reading.tracking_url if reading else None,
                                     reading.carrier_name if reading else None, events))
        buyer, seller = orders.user(order.buyer_id), orders.user(order.seller_id)
        assert buyer is not None and seller is not None
    return OrderView(order, views, buyer, seller)


def label_data(store: Store, actor: User, order_id: int, package_id: int, now: datetime) -> LabelData:
    """The package's 100 x 150 mm label, with a CN22 declaration when the order crosses a border."""
    with store.read() as repo:
        orders = repo.orders
        order = visible_order(orders, actor, order_id)
        _must_be_seller(actor, order)
        packages = orders.packages(order.id)
    package = next((p for p in packages if p.id == package_id), None)
    if package is None:
        raise OrderNotFoundError(f"order {order.id} has no package {package_id}")
    reading = next((c for c in detect(package.tracking_number) if c.carrier == package.carrier), None)
    customs = [CustomsLine(description=item.description, quantity=item.quantity,
                           weight_grams=item.weight_grams, value_minor=item.total_minor,
                           origin_country=item.origin_country or order.ship_from.country,
                           hs_code=item.hs_code)
               for item in order.items] if order.international else []
    data = LabelData(
        tracking_number=package.tracking_number,
        carrier_name=reading.carrier_name if reading else package.carrier,
        service=package.service or "", sender=order.ship_from, recipient=order.ship_to,
        order_reference=order.reference, currency=order.currency, weight_grams=package.weight_grams,
        package_index=packages.index(package) + 1, package_count=len(packages), customs=customs,
        printed_at=now)
    return data
