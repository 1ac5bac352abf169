"""Service rules on the in-memory store (`services/memory.py`): no database, no HTTP.

Registration is idempotent and refuses bad input; ingestion stores each scan once and derives the status
(across legs); orders follow their packages until people decide; a use case that fails leaves nothing
behind; leases fence pollers. The same services run on SQL in the other suites; these pin the rules.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from parceltrail.clock import ManualClock
from parceltrail.domain.accounts import Tracking, TrackingFilter
from parceltrail.domain.connectors import Failure, FailureKind, NextLeg, RawEvent, TrackResult
from parceltrail.domain.errors import ConflictError, InputError, UnknownCarrierError
from parceltrail.domain.orders import Address, Order, OrderError, OrderItem, OrderStatus, Role, User
from parceltrail.domain.shipment import Shipment, TrackingEvent
from parceltrail.numbers import InvalidNumberError, issue_s10
from parceltrail.services import ports
from parceltrail.services.marketplace import orders as order_service
from parceltrail.services.marketplace.order_status import expire_protection, on_shipment_changed
from parceltrail.services.memory import MemoryStore, MemoryUnitOfWork
from parceltrail.services.tracking.ingestion import ingest
from parceltrail.services.tracking.registry import ConnectorRegistry
from parceltrail.services.tracking.tracker import Tracker

START = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
UPS = "1Z999AA10123456784"
ROYAL_MAIL = "RB123456785GB"
BERLIN = Address("Seller GmbH", ["Hauptstr. 1"], "Berlin", "DE", "10115")
LONDON = Address("Buyer Ltd", ["1 High St"], "London", "GB", "N1 1AA")


def scan(hours_before: float, text: str, location: str | None = None) -> RawEvent:
    return RawEvent(occurred_at=START - timedelta(hours=hours_before), text=text, location=location,
                    lang="en")


@dataclass
class FakeConnector:
    """Answers every carrier from a table of outcomes by number; counts the numbers it was asked for."""

    outcomes: dict[str, TrackResult | Failure] = field(default_factory=dict)
    slug: str = "fake"
    max_batch: int = 10
    asked: list[str] = field(default_factory=list)

    def fetch(self, numbers: Sequence[str]) -> Mapping[str, TrackResult | Failure]:
        self.asked.extend(numbers)
        return {n: self.outcomes.get(n, Failure(FailureKind.NOT_FOUND, "unknown")) for n in numbers}


class WallClock:
    """The time leases run on, moved by hand."""

    def __init__(self) -> None:
        self.at = START

    def __call__(self) -> datetime:
        return self.at


@dataclass
class Rig:
    store: MemoryStore
    clock: ManualClock
    wall: WallClock
    connector: FakeConnector
    tracker: Tracker


@pytest.fixture
def rig() -> Rig:
    wall = WallClock()
    store = MemoryStore(wall_clock=wall)
    clock = ManualClock(START)
    connector = FakeConnector()
    tracker = Tracker(store, ConnectorRegistry({}, fallback=connector), clock)
    return Rig(store, clock, wall, connector, tracker)


def stored(store: MemoryStore, shipment_id: int | None) -> Shipment:
    assert shipment_id is not None
    with store.read() as uow:
        found = uow.shipments.get(shipment_id)
    assert found is not None
    return found


# the store itself ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("port", "repository"), [
    (ports.ShipmentRepository, "shipments"), (ports.AccountRepository, "accounts"),
    (ports.OrderRepository, "orders"), (ports.NotificationRepository, "notifications"),
    (ports.ModelRepository, "models"),
])
def test_every_port_method_is_implemented_with_its_parameters(port: type, repository: str) -> None:
    with MemoryStore().read() as uow:
        repo = getattr(uow, repository)
        for name, method in inspect.getmembers(port, inspect.isfunction):
            if name.startswith("_"):
                continue
            ours = getattr(type(repo), name, None)
            assert ours is not None, f"{type(repo).__name__} lacks {name}"
            wanted = list(inspect.signature(method).parameters)
            assert list(inspect.signature(ours).parameters) == wanted, name
        with pytest.raises(NotImplementedError, match="in-memory store"):
            repo.something_only_sql_has()


def test_a_failed_transaction_leaves_nothing_and_announces_nothing() -> None:
    store = MemoryStore()
    with store.transaction() as uow:
        seller = uow.orders.create_user("s@example.com", "hash", Role.SELLER, "S", START)
        range_id = uow.orders.add_range(seller.id, "GB", "RR", 1, 5, START).id

    with pytest.raises(RuntimeError, match="boom"), store.transaction() as uow:
        shipment = uow.shipments.add(Shipment(UPS, "ups", next_check_at=START), START)
        assert shipment.id is not None
        uow.shipments.insert_events([delivered_event(shipment.id)])
        assert uow.orders.take_serial(range_id) == 1
        uow.publish_change(shipment.id)
        raise RuntimeError("boom")

    with store.read() as uow:
        assert uow.shipments.count() == 0
        assert uow.shipments.events([1]) == []
        number_range = uow.orders.number_range(range_id)
        assert number_range is not None and number_range.next_serial == 1  # the serial was not used up
    assert store.published == []


def delivered_event(shipment_id: int) -> TrackingEvent:
    return TrackingEvent(occurred_at=START, raw_text="Delivered", source="t", fingerprint="f" * 32,
                         shipment_id=shipment_id, tag="Delivered", subtag="Delivered_001", retrieved_at=START)


def test_values_are_copies_and_reads_never_write() -> None:
    store = MemoryStore()
    with store.transaction() as uow:
        shipment_id = uow.shipments.add(Shipment(UPS, "ups"), START).id
        assert shipment_id is not None
        got = uow.shipments.get(shipment_id)
        assert got is not None
        got.tag = "Delivered"  # changed, never saved: storage keeps its own row
        assert stored_tag(uow, shipment_id) == "Pending"
    with store.read() as uow:
        again = uow.shipments.get(shipment_id)
        assert again is not None
        again.tag = "Exception"
        uow.shipments.save(again, START)  # a read connection is never committed
    assert stored(store, shipment_id).tag == "Pending"
    with pytest.raises(RuntimeError, match="after its transaction ended"):
        uow.shipments.count()


def stored_tag(uow: MemoryUnitOfWork, shipment_id: int) -> str:
    found = uow.shipments.get(shipment_id)
    assert found is not None
    return found.tag


def test_uniqueness_and_foreign_keys_raise_conflict_and_roll_back() -> None:
    store = MemoryStore()
    with store.transaction() as uow:
        seller = uow.orders.create_user("s@example.com", "hash", Role.SELLER, "S", START)
        buyer = uow.orders.create_user("b@example.com", "hash", Role.BUYER, "B", START)
        order = Order(id=0, reference="R-1", seller_id=seller.id, buyer_id=buyer.id,
                      currency="EUR", status=OrderStatus.AWAITING_SHIPMENT, placed_at=START,
                      ship_to=LONDON, ship_from=BERLIN)
        order_id = uow.orders.add_order(order)
        shipment_id = uow.shipments.add(Shipment(UPS, "ups"), START).id
        assert shipment_id is not None
    with pytest.raises(ConflictError), store.transaction() as uow:
        uow.orders.add_package(order_id, shipment_id, UPS, "ups", None, False, None, START)
        uow.orders.add_package(order_id, shipment_id, UPS, "ups", None, False, None, START)
    with pytest.raises(ConflictError), store.transaction() as uow:
        uow.orders.add_order(order)  # the same reference again
    with pytest.raises(ConflictError), store.transaction() as uow:
        uow.accounts.add_tracking(Tracking(id="t" * 32, account_id=seller.account_id, shipment_id=999,
                                           created_at=START, updated_at=START))
    with store.read() as uow:
        assert uow.orders.packages(order_id) == []
        assert [o.reference for o in uow.orders.list_orders(admin(), limit=10)] == ["R-1"]
        assert uow.accounts.count_trackings(seller.account_id, TrackingFilter()) == 0


def admin() -> User:
    return User(id=0, account_id=0, email="admin@example.com", role=Role.ADMIN, display_name="A",
                created_at=START)


# registration ----------------------------------------------------------------------------------------

def test_register_is_idempotent_per_number_and_carrier(rig: Rig) -> None:
    first = rig.tracker.register(UPS)
    again = rig.tracker.register(" 1z999aa1 0123456784 ")  # the same number as people type it
    assert first.id is not None and again.id == first.id
    assert (first.carrier, first.next_check_at, first.created_at) == ("ups", START, START)
    other = rig.tracker.register(ROYAL_MAIL)
    assert other.id != first.id
    with rig.store.read() as uow:
        assert uow.shipments.count() == 2
        assert [s.id for s in uow.shipments.due(START, 10)] == [first.id, other.id]


def test_register_refuses_bad_input_and_writes_nothing(rig: Rig) -> None:
    with pytest.raises(InputError):
        rig.tracker.register("1Z999AA10123456785")  # check digit wrong: no carrier issues it
    with pytest.raises(UnknownCarrierError):
        rig.tracker.register(UPS, carrier="no-such-carrier")
    with pytest.raises(InvalidNumberError):
        rig.tracker.register("??")
    assert rig.store.commits == 0
    with rig.store.read() as uow:
        assert uow.shipments.count() == 0


# ingestion -------------------------------------------------------------------------------------------

def test_ingestion_stores_each_scan_once_and_derives_the_status(rig: Rig) -> None:
    shipment_id = rig.tracker.register(UPS).id
    received = scan(48, "Shipment information received")
    sorting = scan(24, "Arrived at sorting facility", "London")
    with rig.store.transaction() as uow:
        current = uow.shipments.get(cast_id(shipment_id))
        assert current is not None
        # reported newest first: the status still comes from the scan that happened last
        report = ingest(uow, current, TrackResult(UPS, [sorting, received], payload={"raw": 1}), "ups", START)
    assert (report.new_events, report.unclassified, report.status_changed) == (2, 0, True)
    after_first = stored(rig.store, shipment_id)
    assert (after_first.tag, after_first.subtag) == ("InTransit", "InTransit_003")
    assert after_first.first_event_at == received.occurred_at
    assert after_first.last_event_at == sorting.occurred_at

    # the same scan sent again with other spacing and case
    resent = RawEvent(occurred_at=sorting.occurred_at, text="ARRIVED at  sorting   facility",
                      location="london")
    delivered = scan(2, "Delivered")
    gibberish = scan(1, "zzz qqq")  # unclassifiable, and the latest: stored, but the status ignores it
    with rig.store.transaction() as uow:
        current = uow.shipments.get(cast_id(shipment_id))
        assert current is not None
        answer = TrackResult(UPS, [received, resent, delivered, gibberish])
        report = ingest(uow, current, answer, "ups", START)
    assert (report.new_events, report.unclassified) == (2, 1)
    with rig.store.transaction() as uow:  # the same answer once more: nothing new
        current = uow.shipments.get(cast_id(shipment_id))
        assert current is not None
        assert ingest(uow, current, TrackResult(UPS, [delivered, gibberish]), "ups", START).new_events == 0

    final = stored(rig.store, shipment_id)
    assert (final.tag, final.subtag) == ("Delivered", "Delivered_001")
    assert final.last_event_at == gibberish.occurred_at
    assert final.next_check_at is None  # a delivered parcel is not polled again
    with rig.store.read() as uow:
        events = uow.shipments.events([cast_id(shipment_id)])
        assert [e.raw_text for e in events] == [received.text, sorting.text, delivered.text, gibberish.text]
        assert uow.shipments.unclassified_count() == 1
        payload_ids = {e.raw_payload_id for e in events[:2]}  # the first answer carried a payload
        assert len(payload_ids) == 1 and None not in payload_ids and events[2].raw_payload_id is None
        digests = uow.shipments.payload_digests([cast_id(events[0].raw_payload_id)])
        assert [source for _, _, source, _ in digests] == ["ups"]


def cast_id(shipment_id: int | None) -> int:
    assert shipment_id is not None
    return shipment_id


def test_a_next_leg_is_registered_once_and_its_status_flows_back(rig: Rig) -> None:
    first_id = cast_id(rig.tracker.register(UPS).id)
    handover = TrackResult(UPS, [scan(30, "Processed through facility")],
                           next_leg=NextLeg(ROYAL_MAIL, "royal-mail"))
    for _ in range(2):  # the carrier repeats the handover: still one second leg
        with rig.store.transaction() as uow:
            first = uow.shipments.get(first_id)
            assert first is not None
            report = ingest(uow, first, handover, "ups", START)
    with rig.store.read() as uow:
        second = uow.shipments.find(ROYAL_MAIL, "royal-mail")
        assert second is not None and second.previous_leg_id == first_id
        assert uow.shipments.count() == 2
    assert report.next_leg is None  # the second time it was already linked

    with rig.store.transaction() as uow:
        leg = uow.shipments.get(cast_id(second.id))
        assert leg is not None
        ingest(uow, leg, TrackResult(ROYAL_MAIL, [scan(3, "Delivered")]), "royal-mail", START)
    first_now = stored(rig.store, first_id)
    assert first_now.next_leg_id == second.id
    assert first_now.tag == "Delivered"  # the parcel is where its latest leg says it is
    with rig.store.read() as uow:
        assert [s.id for s in uow.shipments.chain(stored(rig.store, second.id))] == [first_id, second.id]


# polling and leases ----------------------------------------------------------------------------------

def test_polling_ingests_releases_the_lease_and_announces_on_commit(rig: Rig) -> None:
    shipment_id = cast_id(rig.tracker.register(UPS).id)
    rig.connector.outcomes[UPS] = TrackResult(UPS, [scan(5, "Out for delivery")])
    report = rig.tracker.poll_due()
    assert (report.polled, report.new_events) == (1, 1)
    assert rig.store.lease_of(shipment_id) is None
    assert rig.store.published == [shipment_id]
    polled = stored(rig.store, shipment_id)
    assert polled.tag == "OutForDelivery" and polled.last_checked_at == START
    assert polled.next_check_at is not None and polled.next_check_at > START
    assert rig.tracker.poll_due().polled == 0  # not due again yet


def test_a_leased_shipment_is_left_alone_and_a_lost_lease_drops_the_outcome(rig: Rig) -> None:
    shipment_id = cast_id(rig.tracker.register(UPS).id)
    rig.connector.outcomes[UPS] = TrackResult(UPS, [scan(5, "Delivered")])
    claimed = rig.store.claim_due(START, 10, "other-poller")
    assert [s.id for s in claimed] == [shipment_id]

    assert rig.tracker.poll_due().polled == 0  # leased by someone else
    rig.tracker.refresh(claimed, lease_owner="stale-poller")  # an outcome under a lease it does not hold
    assert stored(rig.store, shipment_id).tag == "Pending"
    assert rig.store.lease_of(shipment_id) is not None

    rig.wall.at += timedelta(minutes=6)  # the other poller died: its lease runs out
    assert rig.tracker.poll_due().polled == 1
    assert stored(rig.store, shipment_id).tag == "Delivered"
    assert rig.store.lease_of(shipment_id) is None


# orders follow their packages ------------------------------------------------------------------------

@dataclass
class Shop:
    seller: User
    buyer: User
    order_id: int


def open_shop(store: MemoryStore, reference: str = "PT-1") -> Shop:
    with store.transaction() as uow:
        seller = uow.orders.create_user("seller@example.com", "hash", Role.SELLER, "Seller", START)
        buyer = uow.orders.create_user("buyer@example.com", "hash", Role.BUYER, "Buyer", START)
    order = order_service.place_order(store, seller, order_service.NewOrder(
        currency="EUR", items=[OrderItem("Green tea 100 g", 2, 1299, weight_grams=120)], ship_to=LONDON,
        buyer_email=buyer.email, ship_from=BERLIN, reference=reference), START)
    return Shop(seller, buyer, order.id)


def order_status(store: MemoryStore, order_id: int) -> OrderStatus:
    with store.read() as uow:
        order = uow.orders.order(order_id)
    assert order is not None
    return order.status


def test_the_order_follows_its_packages_through_polling(rig: Rig) -> None:
    shop = open_shop(rig.store)
    assert order_status(rig.store, shop.order_id) is OrderStatus.AWAITING_SHIPMENT
    for number in (UPS, ROYAL_MAIL):
        order_service.ship_order(rig.store, shop.seller, shop.order_id,
                                 order_service.ShipRequest(tracking_number=number), START)
    assert order_status(rig.store, shop.order_id) is OrderStatus.SHIPPED  # labels only

    rig.connector.outcomes[UPS] = TrackResult(UPS, [scan(4, "Delivered")])
    rig.connector.outcomes[ROYAL_MAIL] = TrackResult(ROYAL_MAIL, [scan(6, "Arrived at sorting facility")])
    rig.tracker.poll_due()
    assert order_status(rig.store, shop.order_id) is OrderStatus.IN_TRANSIT  # one of two delivered

    last = scan(1, "Delivered")
    rig.connector.outcomes[ROYAL_MAIL] = TrackResult(ROYAL_MAIL, [last])
    with rig.store.read() as uow:
        royal_mail = uow.shipments.find(ROYAL_MAIL, "royal-mail")
    assert royal_mail is not None
    rig.tracker.refresh([royal_mail])
    with rig.store.read() as uow:
        order = uow.orders.order(shop.order_id)
    assert order is not None and order.status is OrderStatus.DELIVERED
    assert order.delivered_at == last.occurred_at  # when the last parcel arrived

    assert expire_protection(rig.store, START + timedelta(days=59)) == []
    assert expire_protection(rig.store, START + timedelta(days=61)) == [shop.order_id]
    assert order_status(rig.store, shop.order_id) is OrderStatus.COMPLETED


def test_a_status_people_set_is_kept_whatever_the_parcels_do(rig: Rig) -> None:
    shop = open_shop(rig.store)
    package = order_service.ship_order(rig.store, shop.seller, shop.order_id,
                                       order_service.ShipRequest(tracking_number=UPS), START)
    order_service.confirm_receipt(rig.store, shop.buyer, shop.order_id, START)
    with rig.store.transaction() as uow:
        shipment = uow.shipments.get(package.shipment_id)
        assert shipment is not None
        shipment.tag, shipment.subtag = "Exception", "Exception_013"
        uow.shipments.save(shipment, START)
        assert on_shipment_changed(uow, package.shipment_id, START) == []
        assert on_shipment_changed(uow, 987654, START) == []  # unknown shipments change nothing
    assert order_status(rig.store, shop.order_id) is OrderStatus.COMPLETED


def test_a_refused_issued_label_uses_up_no_serial_and_links_nothing(rig: Rig) -> None:
    shop = open_shop(rig.store)
    other = open_shop_order(rig.store, shop, "PT-2")
    taken = issue_s10("GB", "RR", 100)
    order_service.ship_order(rig.store, shop.seller, other, order_service.ShipRequest(tracking_number=taken),
                             START)
    number_range = order_service.add_range(rig.store, shop.seller, "GB", "RR", 100, 105, START)

    with pytest.raises(OrderError) as refused:  # serial 100 would be the label another package has
        order_service.ship_order(rig.store, shop.seller, shop.order_id, order_service.ShipRequest(issue=True),
                                 START)
    assert refused.value.code == "number_in_use"
    with rig.store.read() as uow:
        assert uow.orders.packages(shop.order_id) == []
        again = uow.orders.number_range(number_range.id)
        assert again is not None and again.next_serial == 100
        assert uow.shipments.count() == 1
    assert order_status(rig.store, shop.order_id) is OrderStatus.AWAITING_SHIPMENT


def open_shop_order(store: MemoryStore, shop: Shop, reference: str) -> int:
    return order_service.place_order(store, shop.seller, order_service.NewOrder(
        currency="EUR", items=[OrderItem("Mug", 1, 900)], ship_to=LONDON, buyer_email=shop.buyer.email,
        ship_from=BERLIN, reference=reference), START).id
