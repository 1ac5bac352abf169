"""What a shipping label shows: the package, both addresses and, across a border, the CN22 lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from parceltrail.domain.orders import Address


@dataclass(slots=True)
class CustomsLine:
    description: str
    quantity: int
    weight_grams: int | None
    value_minor: int
    origin_country: str | None = None
    hs_code: str | None = None


@dataclass(slots=True)
class LabelData:
    tracking_number: str
    carrier_name: str
    service: str
    sender: Address
    recipient: Address
    order_reference: str
    currency: str
    weight_grams: int | None = None
    package_index: int = 1
    package_count: int = 1
    customs: list[CustomsLine] = field(default_factory=list)  # empty: a domestic item, no CN22
    printed_at: datetime | None = None
