"""Users, number ranges, orders, items and packages: read and written through the caller's connection."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, insert, or_, select, update

from parceltrail.adapters.db.tables import accounts, number_ranges, order_items, order_packages, orders, users
from parceltrail.domain.orders import (
    Address,
    NumberRange,
    Order,
    OrderError,
    OrderItem,
    OrderStatus,
    Package,
    Role,
    User,
    UserExistsError,
)


def _user(row: Mapping[str, Any]) -> User:
    address = Address.from_dict(row["address"]) if row["address"] else None
    return User(id=row["id"], account_id=row["account_id"], email=row["email"], role=Role(row["role"]),
                display_name=row["display_name"], created_at=row["created_at"], address=address)


def _item(row: Mapping[str, Any]) -> OrderItem:
    return OrderItem(id=row["id"], description=row["description"], sku=row["sku"], quantity=row["quantity"],
                     unit_price_minor=row["unit_price_minor"], weight_grams=row["weight_grams"],
                     hs_code=row["hs_code"], origin_country=row["origin_country"])


def _package(row: Mapping[str, Any]) -> Package:
    return Package(id=row["id"], order_id=row["order_id"], shipment_id=row["shipment_id"],
                   tracking_number=row["tracking_number"], carrier=row["carrier"], service=row["service"],
                   issued=bool(row["issued"]), weight_grams=row["weight_grams"], created_at=row["created_at"])


def _order(row: Mapping[str, Any], items: list[OrderItem]) -> Order:
    return Order(
        id=row["id"], reference=row["reference"], seller_id=row["seller_id"], buyer_id=row["buyer_id"],
        currency=row["currency"], status=OrderStatus(row["status"]), placed_at=row["placed_at"],
        ship_to=Address.from_dict(row["ship_to"]), ship_from=Address.from_dict(row["ship_from"]),
        items=items, shipping_minor=row["shipping_minor"], protection_days=row["protection_days"],
        paid_at=row["paid_at"], shipped_at=row["shipped_at"], delivered_at=row["delivered_at"],
        received_at=row["received_at"], completed_at=row["completed_at"], updated_at=row["updated_at"])


class OrderRepository:
    """Access bound to one open connection; the caller owns the transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # users ---------------------------------------------------------------------------------------
    def create_user(self, email: str, password_hash: str, role: Role, display_name: str,
                    now: datetime) -> User:
        """A user with an account of its own (named after the e-mail), so API keys can act as the user."""
        if self.user_by_email(email) is not None:
            raise UserExistsError(f"a user with e-mail {email} already exists")
        if self.conn.execute(select(accounts.c.id).where(accounts.c.name == email)).first() is not None:
            raise UserExistsError(f"an account named {email} already exists")
        account_id = self.conn.execute(
            insert(accounts).values(name=email, created_at=now).returning(accounts.c.id)).scalar_one()
        user_id = self.conn.execute(
            insert(users).values(account_id=account_id, email=email, password_hash=password_hash,
                                 role=role.value, display_name=display_name, created_at=now)
            .returning(users.c.id)).scalar_one()
        return User(id=user_id, account_id=account_id, email=email, role=role, display_name=display_name,
                    created_at=now)

    def user(self, user_id: int) -> User | None:
        row = self.conn.execute(select(users).where(users.c.id == user_id)).mappings().first()
        return _user(row) if row else None

    def user_by_email(self, email: str) -> User | None:
        row = self.conn.execute(select(users).where(users.c.email == email)).mappings().first()
        return _user(row) if row else None

    def user_by_account(self, account_id: int) -> User | None:
        row = self.conn.execute(select(users).where(users.c.account_id == account_id)).mappings().first()
        return _user(row) if row else None

    def password_hash(self, user_id: int) -> str | None:
        return self.conn.execute(select(users.c.password_hash).where(users.c.id == user_id)).scalar()

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        self.conn.execute(update(users).where(users.c.id == user_id).values(password_hash=password_hash))

    def set_address(self, user_id: int, address: Address) -> None:
        self.conn.execute(update(users).where(users.c.id == user_id).values(address=address.to_dict()))

    def users(self) -> list[User]:
        return [_user(r) for r in self.conn.execute(select(users).order_by(users.c.id)).mappings()]

    # number ranges -------------------------------------------------------------------------------
    def add_range(self, seller_id: int, country: str, indicator: str, first: int, last: int,
                  now: datetime) -> NumberRange:
        """A new range; refused when it overlaps any range of the same operator and service."""
        overlap = self.conn.execute(
            select(number_ranges.c.id).where(
                number_ranges.c.country == country, number_ranges.c.service_indicator == indicator,
                number_ranges.c.first_serial <= last, number_ranges.c.last_serial >= first)).first()
        if overlap is not None:
            raise OrderError(f"serials {first}-{last} of {indicator}..{country} overlap range {overlap[0]}",
                             code="range_overlap")
        new_id = self.conn.execute(
            insert(number_ranges).values(seller_id=seller_id, country=country, service_indicator=indicator,
                                         first_serial=first, last_serial=last, next_serial=first,
                                         created_at=now)
            .returning(number_ranges.c.id)).scalar_one()
        found = self.number_range(new_id)
        assert found is not None
        return found

    def number_range(self, range_id: int) -> NumberRange | None:
        query = select(number_ranges).where(number_ranges.c.id == range_id)
        row = self.conn.execute(query).mappings().first()
        return NumberRange(row) if row else None

    def ranges(self, seller_id: int) -> list[NumberRange]:
        query = (select(number_ranges).where(number_ranges.c.seller_id == seller_id)
                 .order_by(number_ranges.c.id))
        return [NumberRange(r) for r in self.conn.execute(query).mappings()]

    def take_serial(self, range_id: int) -> int | None:
        """Advance the range's counter by one and return the serial taken, or None when it is used up.

        One atomic UPDATE ... RETURNING in the caller's transaction: concurrent transactions queue on the
        row (PostgreSQL's row lock, SQLite's write lock), so no serial is handed out twice; a take that
        is rolled back with its transaction never happened, so nothing issued is ever reused."""
        taken = self.conn.execute(
            update(number_ranges)
            .where(number_ranges.c.id == range_id, number_ranges.c.next_serial <= number_ranges.c.last_serial)
            .values(next_serial=number_ranges.c.next_serial + 1)
            .returning(number_ranges.c.next_serial)).scalar()
        return None if taken is None else taken - 1

    # orders --------------------------------------------------------------------------------------
    def add_order(self, order: Order) -> int:
        values = {
            "reference": order.reference, "seller_id": order.seller_id, "buyer_id": order.buyer_id,
            "currency": order.currency, "shipping_minor": order.shipping_minor, "status": order.status.value,
            "protection_days": order.protection_days, "ship_to": order.ship_to.to_dict(),
            "ship_from": order.ship_from.to_dict(), "placed_at": order.placed_at, "paid_at": order.paid_at,
            "updated_at": order.updated_at or order.placed_at,
        }
        order_id = self.conn.execute(insert(orders).values(**values).returning(orders.c.id)).scalar_one()
        if order.items:
            self.conn.execute(insert(order_items), [
                {"order_id": order_id, "position": i, "description": it.description, "sku": it.sku,
                 "quantity": it.quantity, "unit_price_minor": it.unit_price_minor,
                 "weight_grams": it.weight_grams, "hs_code": it.hs_code, "origin_country": it.origin_country}
                for i, it in enumerate(order.items)])
        return order_id

    def reference_taken(self, reference: str) -> bool:
        query = select(orders.c.id).where(orders.c.reference == reference)
        return self.conn.execute(query).first() is not None

    def order(self, order_id: int) -> Order | None:
        row = self.conn.execute(select(orders).where(orders.c.id == order_id)).mappings().first()
        if row is None:
            return None
        return _order(row, self._items([order_id]).get(order_id, []))

    def order_by_reference(self, reference: str) -> Order | None:
        row = self.conn.execute(select(orders.c.id).where(orders.c.reference == reference)).first()
        return self.order(row[0]) if row else None

    def _items(self, order_ids: Sequence[int]) -> dict[int, list[OrderItem]]:
        found: dict[int, list[OrderItem]] = {}
        query = (select(order_items).where(order_items.c.order_id.in_(list(order_ids)))
                 .order_by(order_items.c.order_id, order_items.c.position))
        for row in self.conn.execute(query).mappings():
            found.setdefault(row["order_id"], []).append(_item(row))
        return found

    def list_orders(self, user: User, *, limit: int, before_id: int | None = None) -> list[Order]:
        """The user's orders, newest first: a buyer's purchases, a seller's sales, every order for admins."""
        query = select(orders)
        if user.role is Role.BUYER:
            query = query.where(orders.c.buyer_id == user.id)
        elif user.role is Role.SELLER:
            query = query.where(orders.c.seller_id == user.id)
        if before_id is not None:
            query = query.where(orders.c.id < before_id)
        rows = list(self.conn.execute(query.order_by(orders.c.id.desc()).limit(limit)).mappings())
        items = self._items([r["id"] for r in rows]) if rows else {}
        return [_order(r, items.get(r["id"], [])) for r in rows]

    def save_order(self, order: Order, now: datetime) -> None:
        """Store the order's status and times (the rest of an order does not change)."""
        order.updated_at = now
        self.conn.execute(update(orders).where(orders.c.id == order.id).values(
            status=order.status.value, paid_at=order.paid_at, shipped_at=order.shipped_at,
            delivered_at=order.delivered_at, received_at=order.received_at, completed_at=order.completed_at,
            updated_at=now))

    # packages ------------------------------------------------------------------------------------
    def add_package(self, order_id: int, shipment_id: int, number: str, carrier: str, service: str | None,
                    issued: bool, weight_grams: int | None, now: datetime) -> Package:
        new_id = self.conn.execute(
            insert(order_packages).values(order_id=order_id, shipment_id=shipment_id, tracking_number=number,
                                          carrier=carrier, service=service, issued=issued,
                                          weight_grams=weight_grams, created_at=now)
            .returning(order_packages.c.id)).scalar_one()
        return Package(id=new_id, order_id=order_id, shipment_id=shipment_id, tracking_number=number,
                       carrier=carrier, service=service, issued=issued, weight_grams=weight_grams,
                       created_at=now)

    def packages(self, order_id: int) -> list[Package]:
        query = (select(order_packages).where(order_packages.c.order_id == order_id)
                 .order_by(order_packages.c.id))
        return [_package(r) for r in self.conn.execute(query).mappings()]

    def package(self, order_id: int, package_id: int) -> Package | None:
        row = self.conn.execute(select(order_packages).where(
            order_packages.c.order_id == order_id, order_packages.c.id == package_id)).mappings().first()
        return _package(row) if row else None

    def package_by_number(self, number: str, carrier: str | None = None) -> Package | None:
        query = select(order_packages).where(order_packages.c.tracking_number == number)
        if carrier is not None:
            query = query.where(order_packages.c.carrier == carrier)
        row = self.conn.execute(query.order_by(order_packages.c.id)).mappings().first()
        return _package(row) if row else None

    def recent_label_numbers(self, seller_id: int, limit: int) -> list[str]:
        """Label numbers of the seller's packages, newest order first (walks ix_orders_seller_id, then
        ix_order_packages_order_id)."""
        query = (select(order_packages.c.tracking_number)
                 .select_from(orders).join(order_packages, order_packages.c.order_id == orders.c.id)
                 .where(orders.c.seller_id == seller_id)
                 .order_by(orders.c.id.desc(), order_packages.c.id.desc())
                 .limit(limit))
        return list(self.conn.execute(query).scalars())

    def orders_of_shipments(self, shipment_ids: Sequence[int]) -> list[int]:
        query = (select(order_packages.c.order_id).distinct()
                 .where(order_packages.c.shipment_id.in_(list(shipment_ids))))
        return sorted(self.conn.execute(query).scalars())

    def visible_order_ids(self, user: User, order_ids: Sequence[int]) -> set[int]:
        query = select(orders.c.id).where(orders.c.id.in_(list(order_ids)))
        if user.role is not Role.ADMIN:
            query = query.where(or_(orders.c.buyer_id == user.id, orders.c.seller_id == user.id))
        return set(self.conn.execute(query).scalars())

    def open_delivered_orders(self, deadline_before: datetime) -> list[int]:
        """Delivered orders whose buyer protection may have run out (shipped before the given instant)."""
        query = select(orders.c.id).where(and_(orders.c.status == OrderStatus.DELIVERED.value,
                                               orders.c.shipped_at <= deadline_before))
        return list(self.conn.execute(query).scalars())
