"""Carrier and lane performance computed in SQL, on SQLite and PostgreSQL, checked against the same
figures computed here in plain Python from the parcels that were stored."""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.domain.calendar import Window
from parceltrail.domain.performance import DIMENSIONS
from parceltrail.domain.shipment import Shipment

NOW = datetime(2026, 12, 6, 12, tzinfo=UTC)
SINCE, UNTIL = datetime(2026, 9, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC)
OUTCOMES = [("Delivered", "Delivered_001")] * 6 + [("InTransit", "InTransit_001"),
                                                   ("Exception", "Exception_011"),
                                                   ("Exception", "Exception_013"), ("Expired", "Expired_001"),
                                                   ("AttemptFail", "AttemptFail_001"),
                                                   ("Exception", "Exception_004")]


@dataclass
class Parcel:
    carrier: str
    origin: str
    destination: str
    start: datetime
    tag: str
    subtag: str
    delivered_at: datetime | None
    due_by: datetime | None


def seed(store: Store, count: int = 240, seed_value: int = 7) -> list[Parcel]:
    rng = random.Random(seed_value)
    parcels = []
    with store.transaction() as uow:
        for i in range(count):
            carrier = rng.choice(["usps", "dhl", "china-post"])
            origin, destination = rng.choice([("CN", "GB"), ("CN", "US"), ("US", "US")])
            start = datetime(2026, rng.choice([9, 10, 11]), rng.randint(1, 28), rng.randint(0, 23),
                             tzinfo=UTC)
            tag, subtag = rng.choice(OUTCOMES)
            transit = timedelta(minutes=rng.randint(30 * 60, 600 * 60))
            delivered_at = start + transit if tag == "Delivered" else None
            shipment = uow.shipments.add(Shipment(
                tracking_number=f"TEST{i:08d}", carrier=carrier, origin_country=origin,
                destination_country=destination, tag=tag, subtag=subtag, first_event_at=start,
                last_event_at=delivered_at or start + timedelta(hours=5)), NOW)
            due_by = None
            if rng.random() < 0.8:
                zone = ZoneInfo("Europe/London" if destination == "GB" else "America/New_York")
                last = (start + timedelta(days=rng.randint(3, 20))).astimezone(zone).date()
                expected = datetime.combine(last, time(12), tzinfo=zone)
                window = Window(zone.key, expected, expected - timedelta(days=2), expected,
                                last - timedelta(days=2), last, last)
                uow.estimates.save(shipment.id or 0, window, start, None)
                due_by = window.due_by
            parcels.append(Parcel(carrier, origin, destination, start, tag, subtag, delivered_at, due_by))
    return parcels


def nearest_rank(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def expected(parcels: list[Parcel], by: tuple[str, ...]) -> dict[tuple, dict]:
    groups: dict[tuple, list[Parcel]] = defaultdict(list)
    for p in parcels:
        key = tuple({"carrier": p.carrier, "origin": p.origin, "destination": p.destination,
                     "month": p.start.strftime("%Y-%m")}[d] for d in by)
        groups[key].append(p)
    out = {}
    for key, members in groups.items():
        delivered = [p for p in members if p.delivered_at is not None]
        # whole hours, rounded down, as the store counts them
        transit = [((p.delivered_at - p.start).total_seconds() // 3600) / 24 for p in delivered]  # type: ignore[operator]
        judged = [p for p in delivered if p.due_by is not None]
        out[key] = {
            "shipments": len(members), "delivered": len(delivered), "with_estimate": len(judged),
            "on_time": sum(1 for p in judged if p.delivered_at < p.due_by),  # type: ignore[operator]
            "returned": sum(1 for p in members if p.subtag in ("Exception_010", "Exception_011")),
            "lost": sum(1 for p in members if p.subtag == "Exception_013" or p.tag == "Expired"),
            "exceptions": sum(1 for p in members if p.tag in ("Exception", "AttemptFail")
                              and p.subtag not in ("Exception_010", "Exception_011", "Exception_013")),
            "p50": nearest_rank(transit, 0.5), "p90": nearest_rank(transit, 0.9)}
    return out


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request: pytest.FixtureRequest, sqlite_url: str) -> Iterator[Store]:
    url = sqlite_url if request.param == "sqlite" else request.getfixturevalue("migrated_postgres_url")
    migrate.upgrade(url)
    engine = make_engine(url)
    yield Store(engine)
    engine.dispose()


@pytest.mark.parametrize("by", [("carrier",), ("month",), DIMENSIONS, ()])
def test_sql_figures_match_the_parcels(any_store: Store, by: tuple[str, ...]) -> None:
    parcels = seed(any_store)
    with any_store.read() as uow:
        rows = uow.performance.lane_stats(by, since=SINCE, until=UNTIL)
    want = expected(parcels, by)
    got = {tuple(getattr(r, d) for d in by): r for r in rows}
    assert set(got) == set(want)
    for key, figures in want.items():
        row = got[key]
        for name in ("shipments", "delivered", "with_estimate", "on_time", "returned", "lost", "exceptions"):
            assert getattr(row, name) == figures[name], (key, name)
        for name, column in (("p50", row.transit_p50_days), ("p90", row.transit_p90_days)):
            if figures[name] is None:
                assert column is None
            else:
                assert column == pytest.approx(figures[name], abs=0.001), (key, name)
    assert sum(r.shipments for r in rows) == len(parcels)


def test_a_seller_sees_only_their_packages_and_the_window_bounds_months(any_store: Store) -> None:
    seed(any_store, count=60)
    with any_store.read() as uow:
        assert uow.performance.lane_stats(("carrier",), since=SINCE, until=UNTIL, seller_id=999) == []
        october = uow.performance.lane_stats(("month",), since=datetime(2026, 10, 1, tzinfo=UTC),
                                             until=datetime(2026, 11, 1, tzinfo=UTC))
    assert [r.month for r in october] == ["2026-10"]


def test_unknown_grouping_is_refused(store: Store) -> None:
    with store.read() as uow, pytest.raises(ValueError):
        uow.performance.lane_stats(("carrier; DROP TABLE shipments",), since=SINCE, until=UNTIL)


def test_a_lost_race_to_record_the_first_window_keeps_the_winners(any_store: Store) -> None:
    """Two ingestions of one parcel both see no estimate and both try to insert the first window: the
    second must find the row the first inserted (its first window stays) and only move the current one."""
    zone = ZoneInfo("Europe/London")
    start = datetime(2026, 11, 2, 9, tzinfo=UTC)

    def window(last_day_offset: int) -> Window:
        last = (start + timedelta(days=last_day_offset)).astimezone(zone).date()
        expected_at = datetime.combine(last, time(12), tzinfo=zone)
        return Window(zone.key, expected_at, expected_at - timedelta(days=2), expected_at,
                      last - timedelta(days=2), last, last)

    with any_store.transaction() as uow:
        shipment = uow.shipments.add(Shipment(tracking_number="RACE00000001", carrier="dhl",
                                              origin_country="CN", destination_country="GB"), NOW)
        first = uow.estimates.save(shipment.id or 0, window(5), start, None)
        later = start + timedelta(hours=3)
        second = uow.estimates.save(shipment.id or 0, window(8), later, None)  # the loser of the race
    assert second.first_estimated_at == first.first_estimated_at == start
    assert second.first_last_day == first.last_day
    assert second.last_day == window(8).last_day
    with any_store.read() as uow:
        stored = uow.estimates.get(shipment.id or 0)
    assert stored is not None
    assert stored.first_last_day == first.last_day and stored.last_day == window(8).last_day
