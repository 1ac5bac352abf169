"""Rate limits that a second key or no key at all does not get around: per account for the APIs, per
client address for public pages, sign-in and requests with wrong keys. Clocks are frozen, so the window
never rolls over during a test."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from parceltrail.bootstrap import Runtime
from parceltrail.domain.accounts import Scope
from parceltrail.entrypoints.http.address_limits import AddressLimiter
from parceltrail.entrypoints.http.ratelimit import RateLimiter
from tests.api.conftest import make_keys

FROZEN = 1_800_000_000.25


def test_two_keys_of_one_account_share_its_limit(app: FastAPI, runtime: Runtime) -> None:
    keys = make_keys(runtime, "shop")
    with runtime.store.transaction() as repo:
        _, second = repo.accounts.create_key(keys.account_id, Scope.READ, runtime.clock.now())
    other = make_keys(runtime, "neighbour")
    app.state.rate_limiter = RateLimiter(per_second=3, clock=lambda: FROZEN)
    client = TestClient(app)
    codes = [client.get("/api/v1/trackings", headers={"X-API-Key": key}).status_code
             for key in (keys.read, second, keys.read, second)]
    assert codes == [200, 200, 200, 429]
    # another account has its own budget
    assert client.get("/api/v1/trackings", headers={"X-API-Key": other.read}).status_code == 200


def test_wrong_keys_and_public_pages_are_limited_per_address(app: FastAPI) -> None:
    limiter: AddressLimiter = app.state.address_limiter
    limiter.clock = lambda: FROZEN
    limiter.per_window = 3
    client = TestClient(app)
    codes = [client.get("/api/v1/trackings", headers={"X-API-Key": "pt_wrong"}).status_code for _ in range(4)]
    assert codes == [401, 401, 401, 429]
    answer = client.get("/tracking/2026-07/trackings", headers={"as-api-key": "pt_wrong"})
    assert answer.status_code == 429 and answer.json()["meta"]["code"] == 429
    assert int(answer.headers["Retry-After"]) >= 1


def test_the_sign_in_page_is_limited_per_address(runtime: Runtime) -> None:
    from parceltrail.entrypoints.http.app import create_app

    app = create_app(runtime, poll=False)
    limiter: AddressLimiter = app.state.address_limiter
    limiter.clock = lambda: FROZEN
    limiter.per_window = 2
    client = TestClient(app)
    assert client.get("/login").status_code == 200
    assert client.get("/login").status_code == 200
    answer = client.get("/login", headers={"Accept-Language": "zh"})
    assert answer.status_code == 429 and "尝试次数过多" in answer.text and "retry-after" in answer.headers
    answer = client.post("/api/v1/session", json={"email": "a@example.org", "password": "x"})
    assert answer.status_code == 429 and answer.json()["error"]["code"] == "rate_limited"


def test_only_the_public_paths_count_per_address(runtime: Runtime) -> None:
    from parceltrail.entrypoints.http.address_limits import is_anonymous_path

    assert is_anonymous_path("/track") and is_anonymous_path("/track/1Z999AA10123456784/events")
    assert is_anonymous_path("/login") and is_anonymous_path("/api/v1/session")
    assert not is_anonymous_path("/tracking/2026-07/trackings") and not is_anonymous_path("/api/v1/trackings")
