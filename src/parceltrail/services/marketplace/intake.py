"""Add tracking numbers found in a shipping e-mail (.eml, HTML or text, any language) or in a photo or scan
of a label: as the caller's trackings, or (for the order's seller) as packages of an order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from parceltrail.domain.accounts import Tracking, new_tracking_id
from parceltrail.domain.errors import ConflictError, InputError
from parceltrail.domain.orders import OrderError, User
from parceltrail.numbers import Candidate, extract, extract_from_email
from parceltrail.services.marketplace.orders import (
    attach_package,
    shippable_order,
    visible_order,
)
from parceltrail.services.ports import Store
from parceltrail.services.tracking.tracker import store_for_tracking

MAX_NUMBERS = 50


class NothingFoundError(InputError):
    code = "no_tracking_number"


@dataclass(slots=True)
class Added:
    number: str
    carrier: str
    created: bool
    tracking_id: str | None = None
    package_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"tracking_number": self.number, "carrier": self.carrier, "created": self.created,
                "tracking_id": self.tracking_id, "package_id": self.package_id}


def numbers_in_email(data: bytes) -> list[tuple[str, Candidate]]:
    """Numbers in an e-mail; a file without e-mail headers is read as plain text or HTML."""
    head = data[:4096].lower()
    looks_like_mail = b"\nsubject:" in b"\n" + head or b"mime-version:" in head or b"\nfrom:" in b"\n" + head
    if looks_like_mail:
        found = extract_from_email(data)
    else:
        text = data.decode("utf-8", "replace")
        if "<html" in text[:2000].lower() or "<body" in text[:4000].lower():
            from parceltrail.numbers.extract import html_to_text

            text = html_to_text(text)
        found = extract(text)
    if not found:
        raise NothingFoundError("no tracking number found in this message")
    return [(item.number, item.best) for item in found[:MAX_NUMBERS]]


def add_found(store: Store, actor: User, found: list[tuple[str, Candidate]], now: datetime, *,
              order_id: int | None = None, source: str = "intake") -> list[Added]:
    """Add the numbers in one transaction: as packages of `order_id` (its seller only), else as the
    actor's trackings (an existing tracking of the same number is kept, `created` false)."""
    added: list[Added] = []
    try:
        with store.transaction() as repo:
            if order_id is not None:
                orders = repo.orders
                order = visible_order(orders, actor, order_id)
                shippable_order(actor, order)
                for number, reading in found:
                    existing = orders.package_by_number(number, reading.carrier)
                    if existing is not None and existing.order_id == order.id:
                        added.append(Added(number, reading.carrier, False, package_id=existing.id))
                        continue
                    package = attach_package(repo, order, number, reading, now)
                    added.append(Added(number, reading.carrier, True, package_id=package.id))
                return added
            accounts = repo.accounts
            for number, reading in found:
                shipment = store_for_tracking(repo, number, reading, now)
                assert shipment.id is not None
                tracking = accounts.tracking_for_shipment(actor.account_id, shipment.id)
                if tracking is not None:
                    added.append(Added(number, reading.carrier, False, tracking_id=tracking.id))
                    continue
                tracking = Tracking(id=new_tracking_id(), account_id=actor.account_id,
                                    shipment_id=shipment.id, created_at=now, updated_at=now,
                                    title=f"added from {source}")
                accounts.add_tracking(tracking)
                added.append(Added(number, reading.carrier, True, tracking_id=tracking.id))
    except ConflictError:
        raise OrderError("another request added the same number meanwhile; try again",
                         code="conflict") from None
    return added
