"""Marketplace fixtures: a runtime on a SQLite file with the sandbox over HTTP, a seller, two buyers and a
second seller, each with an API key, and an app without background polling."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from parceltrail.bootstrap import Runtime
from parceltrail.domain.accounts import Scope
from parceltrail.domain.orders import Address, Role
from parceltrail.entrypoints.http.app import create_app
from parceltrail.services.marketplace.users import create_user

PASSWORD = "correct horse battery"
BERLIN = Address("Seller GmbH", ["Hauptstr. 1"], "Berlin", "DE", "10115")


@dataclass
class Person:
    id: int
    email: str
    key: str
    read_key: str

    @property
    def headers(self) -> dict[str, str]:
        return {"X-API-Key": self.key}


def make_person(runtime: Runtime, email: str, role: Role) -> Person:
    now = runtime.clock.now()
    user = create_user(runtime.store, email, PASSWORD, role, now,
                       address=BERLIN if role is Role.SELLER else None)
    with runtime.store.transaction() as repo:
        accounts = repo.accounts
        _, write = accounts.create_key(user.account_id, Scope.WRITE, now)
        _, read = accounts.create_key(user.account_id, Scope.READ, now)
    return Person(user.id, email, write, read)


@pytest.fixture
def seller(runtime: Runtime) -> Person:
    return make_person(runtime, "seller@example.com", Role.SELLER)


@pytest.fixture
def seller2(runtime: Runtime) -> Person:
    return make_person(runtime, "other-seller@example.com", Role.SELLER)


@pytest.fixture
def buyer(runtime: Runtime) -> Person:
    return make_person(runtime, "buyer@example.com", Role.BUYER)


@pytest.fixture
def buyer2(runtime: Runtime) -> Person:
    return make_person(runtime, "other-buyer@example.com", Role.BUYER)


@pytest.fixture
def app(runtime: Runtime) -> FastAPI:
    return create_app(runtime, poll=False)


@pytest.fixture
def client(app: FastAPI) -> TestClient:
    return TestClient(app)


def order_body(buyer_email: str, country: str = "GB", **extra: Any) -> dict[str, Any]:
    return {
        "buyer_email": buyer_email, "currency": "EUR", "shipping_minor": 450,
        "items": [{"description": "Green tea 100 g", "quantity": 2, "unit_price_minor": 1299,
                   "weight_grams": 120, "hs_code": "090210", "origin_country": "CN"},
                  {"description": "Tea cup", "quantity": 1, "unit_price_minor": 850}],
        "ship_to": {"name": "Zoë Buyer", "lines": ["1 Main Street"], "city": "London", "postcode": "N1 1AA",
                    "country": country},
        **extra,
    }


def place(client: TestClient, seller: Person, buyer: Person, **extra: Any) -> dict[str, Any]:
    response = client.post("/api/v1/orders", json=order_body(buyer.email, **extra), headers=seller.headers)
    assert response.status_code == 201, response.text
    return response.json()["data"]
