"""Carrier and lane performance for sellers (their own packages) and operators (admins: every parcel):
on-time rate against the estimate, transit-time p50/p90, exception, return and lost rates, by carrier,
origin and destination country and month (`domain.performance` says how each is counted). Computed in SQL
by the store (`PerformanceRepository.lane_stats`); `to_csv` exports a breakdown."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from parceltrail.domain.orders import ForbiddenError, Role, User
from parceltrail.domain.performance import DIMENSIONS, LaneStats
from parceltrail.services.ports import Store

DEFAULT_MONTHS = 12
MAX_MONTHS = 60


@dataclass(frozen=True, slots=True)
class Report:
    since: datetime
    until: datetime
    total: LaneStats | None
    by_carrier: list[LaneStats]
    by_month: list[LaneStats]
    lanes: list[LaneStats]  # carrier, origin, destination and month


def month_start(when: datetime, back: int = 0) -> datetime:
    """The first instant (UTC) of the month `back` months before `when`'s."""
    index = when.year * 12 + when.month - 1 - back
    return datetime(index // 12, index % 12 + 1, 1, tzinfo=UTC)


def seller_scope(user: User) -> int | None:
    """Whose parcels the user may see: a seller their own packages' (their id), an admin all (None)."""
    if user.role is Role.ADMIN:
        return None
    if user.role is Role.SELLER:
        return user.id
    raise ForbiddenError("carrier performance is for sellers and operators")


def report(store: Store, user: User, now: datetime, months: int = DEFAULT_MONTHS) -> Report:
    """The last `months` calendar months (this one included) of the user's parcels."""
    if not 1 <= months <= MAX_MONTHS:
        from parceltrail.domain.errors import InputError

        raise InputError(f"months must be between 1 and {MAX_MONTHS}")
    seller = seller_scope(user)
    since, until = month_start(now, months - 1), month_start(now, -1)
    with store.read() as uow:
        stats = uow.performance
        total = stats.lane_stats((), since=since, until=until, seller_id=seller)
        return Report(since, until, total[0] if total else None,
                      stats.lane_stats(("carrier",), since=since, until=until, seller_id=seller),
                      stats.lane_stats(("month",), since=since, until=until, seller_id=seller),
                      stats.lane_stats(DIMENSIONS, since=since, until=until, seller_id=seller))


CSV_COLUMNS = ("carrier", "origin", "destination", "month", "shipments", "delivered", "with_estimate",
               "on_time", "on_time_rate", "transit_p50_days", "transit_p90_days", "exceptions",
               "exception_rate", "returned", "return_rate", "lost", "lost_rate")


def _cell(value: object) -> object:
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".")
    return "" if value is None else value


def to_csv(rows: Sequence[LaneStats]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([_cell(getattr(row, column)) for column in CSV_COLUMNS])
    return out.getvalue()
