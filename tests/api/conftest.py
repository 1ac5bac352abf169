"""API fixtures: a runtime on a SQLite file with the sandbox over real HTTP, two accounts with keys."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from parceltrail.adapters.sandbox.scenarios import TEST_NUMBERS
from parceltrail.bootstrap import Runtime
from parceltrail.domain.accounts import Scope
from parceltrail.entrypoints.http.app import create_app

DELIVERED = TEST_NUMBERS["delivered"]
UPS = "1Z999AA10123456784"


@dataclass
class Keys:
    write: str
    read: str
    account_id: int


def make_keys(runtime: Runtime, name: str) -> Keys:
    now = runtime.clock.now()
    with runtime.store.transaction() as repo:
        accounts = repo.accounts
        account = accounts.create_account(name, now)
        _, write = accounts.create_key(account.id, Scope.WRITE, now)
        _, read = accounts.create_key(account.id, Scope.READ, now)
    return Keys(write, read, account.id)


@pytest.fixture
def app(runtime: Runtime) -> FastAPI:
    return create_app(runtime, poll=False)


@pytest.fixture
def alice(runtime: Runtime) -> Keys:
    return make_keys(runtime, "alice")


@pytest.fixture
def bob(runtime: Runtime) -> Keys:
    return make_keys(runtime, "bob")


@pytest.fixture
def client(app: FastAPI) -> TestClient:
    return TestClient(app)  # no lifespan: no demo seeding, no polling thread


def auth(key: str) -> dict[str, str]:
    return {"X-API-Key": key}


def as_auth(key: str) -> dict[str, str]:
    return {"as-api-key": key}
