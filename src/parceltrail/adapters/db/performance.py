"""Carrier and lane performance computed in one SQL statement over the store (PostgreSQL and SQLite).

Every parcel is its first leg (`previous_leg_id IS NULL`); its delivery is the last scan of its next leg
when it was handed over, else its own. Transit is counted in whole hours (rounded down) and its percentiles
are nearest-rank over those hours, taken from a per-hour histogram rather than by sorting every parcel, so
the same statement runs on PostgreSQL and SQLite and gives the same figures on both.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection, bindparam, text

from parceltrail.adapters.db.tables import UTCDateTime
from parceltrail.domain.performance import DIMENSIONS, LaneStats

RETURNED = ("Exception_010", "Exception_011")
LOST = "Exception_013"

_PG = {
    "month": "to_char(COALESCE(s.first_event_at, s.created_at), 'YYYY-MM')",
    "hours": "GREATEST(0, floor(EXTRACT(EPOCH FROM (COALESCE(n.last_event_at, s.last_event_at)"
             " - s.first_event_at)) / 3600))::integer",
}
_SQLITE = {
    "month": "strftime('%Y-%m', COALESCE(s.first_event_at, s.created_at))",
    "hours": "MAX(0, CAST((julianday(COALESCE(n.last_event_at, s.last_event_at))"
             " - julianday(s.first_event_at)) * 24 + 1e-6 AS INTEGER))",  # julianday is a float: no 47.9999
}
_COLUMNS = {"carrier": "s.carrier", "origin": "s.origin_country", "destination": "s.destination_country"}


def _sql(dialect: str, by: Sequence[str], seller: bool) -> str:
    """Parcels -> counts per group and whole transit hour (a hash aggregate, no sort of the parcels) ->
    running totals over the hours of each group (window functions over the much smaller histogram) ->
    per group: the sums, and the first hour at which the running total of delivered parcels reaches 50 %
    and 90 % (nearest rank)."""
    expr = _PG if dialect == "postgresql" else _SQLITE
    dims = {**_COLUMNS, "month": expr["month"]}
    selected = "".join(f"{dims[d]} AS {d}, " for d in by)
    seller_filter = (" AND EXISTS (SELECT 1 FROM order_packages op JOIN orders o ON o.id = op.order_id"
                     " WHERE op.shipment_id = s.id AND o.seller_id = :seller)") if seller else ""
    returned = ", ".join(f"'{code}'" for code in RETURNED)
    parcels = f"""
        SELECT {selected}
               CASE WHEN s.tag = 'Delivered' AND s.first_event_at IS NOT NULL THEN {expr["hours"]} END
                   AS hours,
               CASE WHEN s.tag = 'Delivered' AND e.shipment_id IS NOT NULL THEN 1 ELSE 0 END AS judged,
               CASE WHEN s.tag = 'Delivered' AND COALESCE(n.last_event_at, s.last_event_at) < e.first_due_by
                    THEN 1 ELSE 0 END AS on_time,
               CASE WHEN s.tag IN ('Exception', 'AttemptFail') AND s.subtag NOT IN ({returned}, '{LOST}')
                    THEN 1 ELSE 0 END AS exception,
               CASE WHEN s.subtag IN ({returned}) THEN 1 ELSE 0 END AS returned,
               CASE WHEN s.subtag = '{LOST}' OR s.tag = 'Expired' THEN 1 ELSE 0 END AS lost
        FROM shipments s
        LEFT JOIN shipments n ON n.id = s.next_leg_id AND n.previous_leg_id IS NOT NULL
        LEFT JOIN shipment_estimates e ON e.shipment_id = s.id
        WHERE s.previous_leg_id IS NULL
          AND COALESCE(s.first_event_at, s.created_at) >= :since
          AND COALESCE(s.first_event_at, s.created_at) < :until{seller_filter}"""
    group = ", ".join(by)
    lead = f"{group}, " if by else ""
    partition = f"PARTITION BY {group} " if by else ""
    tail = f" GROUP BY {group} ORDER BY {group}" if by else ""
    return f"""WITH p AS ({parcels}),
        h AS (SELECT {lead}hours, COUNT(*) AS shipments, SUM(judged) AS judged, SUM(on_time) AS on_time,
                     SUM(exception) AS exceptions, SUM(returned) AS returned, SUM(lost) AS lost
              FROM p GROUP BY {lead}hours),
        c AS (SELECT h.*,
                     SUM(CASE WHEN hours IS NULL THEN 0 ELSE shipments END)
                         OVER ({partition}ORDER BY hours IS NULL, hours) AS running,
                     SUM(CASE WHEN hours IS NULL THEN 0 ELSE shipments END) OVER ({partition.strip()}) AS nd
              FROM h)
        SELECT {lead}SUM(shipments) AS shipments, SUM(CASE WHEN hours IS NULL THEN 0 ELSE shipments END)
                   AS delivered, SUM(judged) AS with_estimate, SUM(on_time) AS on_time,
               SUM(exceptions) AS exceptions, SUM(returned) AS returned, SUM(lost) AS lost,
               MIN(CASE WHEN hours IS NOT NULL AND running >= 0.5 * nd THEN hours END) AS p50,
               MIN(CASE WHEN hours IS NOT NULL AND running >= 0.9 * nd THEN hours END) AS p90
        FROM c{tail}"""


class PerformanceRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def lane_stats(self, by: Sequence[str], *, since: datetime, until: datetime,
                   seller_id: int | None = None) -> list[LaneStats]:
        """Counts, outcomes and transit percentiles of first legs started in [since, until), grouped by
        `by` (a subset of carrier, origin, destination, month; none: one row for everything), of one
        seller's packages or of every parcel."""
        dims = [d for d in DIMENSIONS if d in by]
        if len(dims) != len(by):
            raise ValueError(f"unknown grouping in {list(by)!r}; use {DIMENSIONS}")
        statement = text(_sql(self.conn.dialect.name, dims, seller_id is not None)).bindparams(
            bindparam("since", type_=UTCDateTime()), bindparam("until", type_=UTCDateTime()))
        params: dict[str, object] = {"since": since, "until": until}
        if seller_id is not None:
            params["seller"] = seller_id
        out = []
        for row in self.conn.execute(statement, params).mappings():
            if not row["shipments"]:
                continue
            out.append(LaneStats(
                carrier=row.get("carrier"), origin=row.get("origin"), destination=row.get("destination"),
                month=row.get("month"), shipments=int(row["shipments"]), delivered=int(row["delivered"]),
                with_estimate=int(row["with_estimate"]), on_time=int(row["on_time"] or 0),
                exceptions=int(row["exceptions"] or 0), returned=int(row["returned"] or 0),
                lost=int(row["lost"] or 0),
                transit_p50_days=None if row["p50"] is None else round(int(row["p50"]) / 24, 3),
                transit_p90_days=None if row["p90"] is None else round(int(row["p90"]) / 24, 3)))
        return out
