"""The performance page, its CSV export and the API, on parcels the engine followed to the end (their
estimates recorded by ingestion as scans arrived)."""

from __future__ import annotations

import csv
import io
import re

from parceltrail.adapters.sandbox import TEST_NUMBERS
from parceltrail.status import is_terminal
from tests.calendar_feed.conftest import World, world  # noqa: F401 - the fixture
from tests.orders.conftest import PASSWORD

DELIVERED = TEST_NUMBERS["delivered"]
RETURNED = TEST_NUMBERS["returned"]


def finish(world: World) -> None:  # noqa: F811 - the fixture's type
    world.ship([DELIVERED, RETURNED])
    for _ in range(45):
        world.poll(hours=24)
        with world.runtime.store.read() as repo:
            firsts = [s for s in repo.shipments.list(limit=100) if s.previous_leg_id is None]
        if all(s.tag == "Delivered" or is_terminal(s.subtag) for s in firsts):
            break


def sign_in(world: World, email: str) -> None:  # noqa: F811
    answer = world.client.post("/api/v1/session", json={"email": email, "password": PASSWORD})
    assert answer.status_code == 200, answer.text


def test_api_page_and_csv_agree(world: World) -> None:  # noqa: F811
    finish(world)
    answer = world.client.get("/api/v1/performance", headers=world.seller.headers)
    assert answer.status_code == 200, answer.text
    data = answer.json()["data"]
    total = data["total"]
    assert total["shipments"] == 2 and total["delivered"] == 1 and total["returned"] == 1
    assert total["with_estimate"] == 1 and total["on_time"] in (0, 1)
    assert total["transit_p50_days"] > 0 and total["transit_p90_days"] >= total["transit_p50_days"]
    assert total["return_rate"] == 0.5
    (carrier,) = data["by_carrier"]
    assert carrier["shipments"] == 2
    as_csv = world.client.get("/api/v1/performance?format=csv", headers=world.seller.headers)
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert as_csv.text.splitlines()[0].startswith("carrier,origin,destination,month,shipments")
    sign_in(world, "seller@example.com")
    page = world.client.get("/desk/performance")
    assert page.status_code == 200
    html = page.text
    assert html.count("<svg") == 3 and "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]
    assert not re.search(r'(src|href)="https?://', html)  # nothing loaded from outside
    assert "Carrier performance" in html and carrier["carrier"] in html
    exported = world.client.get("/desk/performance.csv")
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert sum(int(r["shipments"]) for r in rows) == 2
    assert {r["returned"] for r in rows} <= {"0", "1"}
    russian = world.client.get("/desk/performance?lang=ru")
    assert "Работа перевозчиков" in russian.text


def test_who_may_see_it_and_bad_input(world: World) -> None:  # noqa: F811
    world.ship([DELIVERED])
    world.poll(hours=30)
    assert world.client.get("/api/v1/performance", headers=world.buyer.headers).status_code == 403
    bad = world.client.get("/api/v1/performance?months=0", headers=world.seller.headers)
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "validation_error"
    away = world.client.get("/desk/performance", follow_redirects=False)
    assert away.status_code == 303 and away.headers["location"].startswith("/login")
    sign_in(world, "buyer@example.com")
    refused = world.client.get("/desk/performance")
    assert refused.status_code == 403 and "text/html" in refused.headers["content-type"]
    sign_in(world, "seller@example.com")
    odd = world.client.get("/desk/performance?months=7")
    assert odd.status_code == 400 and "text/html" in odd.headers["content-type"]
    # another seller sees none of these parcels
    from parceltrail.domain.orders import Role
    from tests.orders.conftest import make_person

    other = make_person(world.runtime, "other-seller@example.com", Role.SELLER)
    theirs = world.client.get("/api/v1/performance", headers=other.headers).json()["data"]
    assert theirs["total"] is None and theirs["lanes"] == []
