"""Marketplace orders, their users and packages, and the rules over them: plain types, no I/O.

A user is a buyer, a seller or an admin, and owns one account (so the account's API keys act as the
user). An order belongs to one seller and one buyer; it ships in one or more packages, each a tracked
shipment. The order's status follows its packages' tags until the buyer confirms receipt (completed),
a dispute is opened, or it is refunded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from parceltrail.domain.emails import AddressError, normalize_address
from parceltrail.domain.errors import InputError

DEFAULT_PROTECTION_DAYS = 60
MAX_PROTECTION_DAYS = 365
CURRENCY = re.compile(r"^[A-Z]{3}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")


class Role(StrEnum):
    BUYER = "buyer"
    SELLER = "seller"
    ADMIN = "admin"


class OrderStatus(StrEnum):
    AWAITING_SHIPMENT = "awaiting_shipment"
    SHIPPED = "shipped"  # a label exists, the carrier has not moved it yet
    IN_TRANSIT = "in_transit"
    DELIVERED = "delivered"  # every package delivered; the buyer may confirm receipt
    COMPLETED = "completed"  # receipt confirmed (or the protection window ran out after delivery)
    IN_DISPUTE = "in_dispute"
    REFUNDED = "refunded"


# Statuses set by people, never recomputed from the packages.
MANUAL_STATUSES = frozenset({OrderStatus.COMPLETED, OrderStatus.IN_DISPUTE, OrderStatus.REFUNDED})
# Package tags that mean the carrier has the parcel and it is moving (or waiting somewhere).
MOVING_TAGS = frozenset({"InTransit", "OutForDelivery", "AttemptFail", "AvailableForPickup", "Exception",
                         "Delivered"})
NOT_MOVING_TAGS = frozenset({"Pending", "InfoReceived", "Expired"})


class OrderError(InputError):
    """A request the order's state or the caller's role does not allow; `status` is the HTTP answer."""

    code = "order_error"
    status = 409

    def __init__(self, message: str, *, code: str | None = None, status: int | None = None,
                 details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status
        self.details = details or {}


class ForbiddenError(OrderError):
    code = "forbidden"
    status = 403


class OrderNotFoundError(OrderError):
    code = "not_found"
    status = 404


@dataclass(slots=True)
class Address:
    name: str
    lines: list[str]
    city: str
    country: str  # ISO 3166-1 alpha-2
    postcode: str | None = None
    phone: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "lines": list(self.lines), "city": self.city, "postcode": self.postcode,
                "country": self.country, "phone": self.phone}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Address:
        return cls(name=data["name"], lines=list(data.get("lines") or []), city=data["city"],
                   country=data["country"], postcode=data.get("postcode"), phone=data.get("phone"))


@dataclass(slots=True)
class User:
    id: int
    account_id: int
    email: str
    role: Role
    display_name: str
    created_at: datetime
    address: Address | None = None


@dataclass(slots=True)
class OrderItem:
    description: str
    quantity: int
    unit_price_minor: int
    id: int | None = None
    sku: str | None = None
    weight_grams: int | None = None  # per unit
    hs_code: str | None = None
    origin_country: str | None = None

    @property
    def total_minor(self) -> int:
        return self.quantity * self.unit_price_minor


@dataclass(slots=True)
class Package:
    """One parcel of an order: a label tracking number followed as a shipment."""

    id: int
    order_id: int
    shipment_id: int
    tracking_number: str
    carrier: str
    created_at: datetime
    service: str | None = None
    issued: bool = False  # the number came from the seller's range
    weight_grams: int | None = None


@dataclass(slots=True)
class Order:
    id: int
    reference: str
    seller_id: int
    buyer_id: int
    currency: str
    status: OrderStatus
    placed_at: datetime
    ship_to: Address
    ship_from: Address
    items: list[OrderItem] = field(default_factory=list)
    shipping_minor: int = 0
    protection_days: int = DEFAULT_PROTECTION_DAYS
    paid_at: datetime | None = None
    shipped_at: datetime | None = None
    delivered_at: datetime | None = None
    received_at: datetime | None = None
    completed_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def items_minor(self) -> int:
        return sum(item.total_minor for item in self.items)

    @property
    def total_minor(self) -> int:
        return self.items_minor + self.shipping_minor

    @property
    def protection_deadline(self) -> datetime | None:
        """The end of buyer protection: `protection_days` after the first package shipped."""
        if self.shipped_at is None:
            return None
        return self.shipped_at + timedelta(days=self.protection_days)

    @property
    def international(self) -> bool:
        return self.ship_to.country != self.ship_from.country

    def visible_to(self, user: User) -> bool:
        return user.role is Role.ADMIN or user.id in (self.buyer_id, self.seller_id)


def derive_status(current: OrderStatus, package_tags: Iterable[str]) -> OrderStatus:
    """The order's status from its packages' tags: none -> awaiting_shipment; every package delivered
    -> delivered; any moving -> in_transit; labels only -> shipped. Manual statuses are kept."""
    if current in MANUAL_STATUSES:
        return current
    tags = list(package_tags)
    if not tags:
        return OrderStatus.AWAITING_SHIPMENT
    if all(tag == "Delivered" for tag in tags):
        return OrderStatus.DELIVERED
    if any(tag in MOVING_TAGS for tag in tags):
        return OrderStatus.IN_TRANSIT
    return OrderStatus.SHIPPED


def check_email(value: str) -> str:
    """A user's e-mail, the same rule as every address (`domain/emails.py`), lower-cased: sign-in is
    case-insensitive."""
    try:
        return normalize_address(value).lower()
    except AddressError as error:
        raise InputError(str(error)) from None


def check_currency(value: str) -> str:
    if not CURRENCY.match(value):
        raise InputError(f"currency {value[:10]!r} is not an ISO 4217 code such as EUR")
    return value


def check_country(value: str, what: str = "country") -> str:
    code = value.strip().upper()
    if not COUNTRY.match(code):
        raise InputError(f"{what} {value[:10]!r} is not an ISO 3166-1 alpha-2 code such as DE")
    return code


class UserExistsError(InputError):
    code = "user_exists"


class NumberRange:
    """A seller's block of S10 serials; `next_serial` only ever moves forward."""

    __slots__ = ("country", "first_serial", "id", "last_serial", "next_serial", "seller_id",
                 "service_indicator")

    def __init__(self, row: Mapping[str, Any]) -> None:
        self.id: int = row["id"]
        self.seller_id: int = row["seller_id"]
        self.country: str = row["country"]
        self.service_indicator: str = row["service_indicator"]
        self.first_serial: int = row["first_serial"]
        self.last_serial: int = row["last_serial"]
        self.next_serial: int = row["next_serial"]

    @property
    def remaining(self) -> int:
        return self.last_serial + 1 - self.next_serial

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "seller_id": self.seller_id, "country": self.country,
                "service_indicator": self.service_indicator, "first_serial": self.first_serial,
                "last_serial": self.last_serial, "next_serial": self.next_serial, "remaining": self.remaining}
