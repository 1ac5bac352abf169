"""Evidence fixtures: the engine Rig (engine + sandbox over real HTTP on a ManualClock) and a marketplace
order whose parcel is the sandbox's lost journey, polled until the engine gives up on it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from parceltrail.domain.orders import Address, Order, OrderItem, Role, User
from parceltrail.services.marketplace.orders import NewOrder, ShipRequest, place_order, ship_order
from parceltrail.services.marketplace.users import create_user
from tests.engine.conftest import Rig, make_rig  # noqa: F401 - re-exported fixture
from tests.orders.conftest import app, buyer, buyer2, client, seller  # noqa: F401 - re-exported

LOST = "PTS03000000012"
BERLIN = Address("Seller GmbH", ["Hauptstr. 1"], "Berlin", "DE", "10115")
LONDON = Address("Zoë Buyer", ["1 Main Street"], "London", "GB", "N1 1AA")


@dataclass
class Stuck:
    rig: Rig
    order: Order
    buyer: User
    seller: User
    other_buyer: User


@pytest.fixture
def stuck(make_rig: Callable[..., Rig]) -> Stuck:  # noqa: F811 - the imported fixture
    rig = make_rig()
    now = rig.clock.now()
    sells = create_user(rig.store, "seller@example.com", "correct horse battery", Role.SELLER, now,
                        address=BERLIN)
    buys = create_user(rig.store, "buyer@example.com", "correct horse battery", Role.BUYER, now)
    other = create_user(rig.store, "other@example.com", "correct horse battery", Role.BUYER, now)
    order = place_order(rig.store, sells, NewOrder(
        currency="EUR", items=[OrderItem("Green tea 100 g", 2, 1299)], ship_to=LONDON,
        buyer_email=buys.email, reference="PT-STUCK-1"), now)
    ship_order(rig.store, sells, order.id, ShipRequest(tracking_number=LOST), now)
    rig.run_until_quiet()
    return Stuck(rig, order, buys, sells, other)
