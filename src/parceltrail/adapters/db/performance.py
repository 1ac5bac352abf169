"""Carrier and lane performance computed in one SQL statement over the store (PostgreSQL and SQLite).

Every parcel is its first leg (`previous_leg_id IS NULL`); its delivery is the last scan of its next leg
when it was handed over, else its own. Percentiles are nearest-rank (PostgreSQL's `percentile_disc`; on
SQLite the same rank picked with window functions), so both stores give the same figures.
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
    "transit": "EXTRACT(EPOCH FROM (COALESCE(n.last_event_at, s.last_event_at) - s.first_event_at))"
               " / 86400.0",
    "on_time": "CASE WHEN COALESCE(n.last_event_at, s.last_event_at) < e.first_due_by THEN 1 ELSE 0 END",
}
_SQLITE = {
    "month": "strftime('%Y-%m', COALESCE(s.first_event_at, s.created_at))",
    "transit": "julianday(COALESCE(n.last_event_at, s.last_event_at)) - julianday(s.first_event_at)",
    "on_time": "CASE WHEN COALESCE(n.last_event_at, s.last_event_at) < e.first_due_by THEN 1 ELSE 0 END",
}
_COLUMNS = {"carrier": "s.carrier", "origin": "s.origin_country", "destination": "s.destination_country"}


def _sql(dialect: str, by: Sequence[str], seller: bool) -> str:
    expr = _PG if dialect == "postgresql" else _SQLITE
    dims = {**_COLUMNS, "month": expr["month"]}
    selected = ", ".join(f"{dims[d]} AS {d}" for d in by)
    seller_filter = (" AND EXISTS (SELECT 1 FROM order_packages op JOIN orders o ON o.id = op.order_id"
                     " WHERE op.shipment_id = s.id AND o.seller_id = :seller)") if seller else ""
    parcels = f"""
        SELECT {selected}{", " if by else ""}s.tag AS tag, s.subtag AS subtag,
               CASE WHEN s.tag = 'Delivered' AND s.first_event_at IS NOT NULL THEN {expr["transit"]} END
                   AS transit,
               CASE WHEN s.tag = 'Delivered' AND e.shipment_id IS NOT NULL THEN {expr["on_time"]} END
                   AS on_time
        FROM shipments s
        LEFT JOIN shipments n ON n.id = s.next_leg_id
        LEFT JOIN shipment_estimates e ON e.shipment_id = s.id
        WHERE s.previous_leg_id IS NULL
          AND COALESCE(s.first_event_at, s.created_at) >= :since
          AND COALESCE(s.first_event_at, s.created_at) < :until{seller_filter}"""
    group = ", ".join(by)
    returned = ", ".join(f"'{code}'" for code in RETURNED)
    counts = f"""COUNT(*) AS shipments, COUNT(transit) AS delivered, COUNT(on_time) AS with_estimate,
               COALESCE(SUM(on_time), 0) AS on_time,
               SUM(CASE WHEN tag IN ('Exception', 'AttemptFail') AND subtag NOT IN ({returned}, '{LOST}')
                   THEN 1 ELSE 0 END) AS exceptions,
               SUM(CASE WHEN subtag IN ({returned}) THEN 1 ELSE 0 END) AS returned,
               SUM(CASE WHEN subtag = '{LOST}' OR tag = 'Expired' THEN 1 ELSE 0 END) AS lost"""
    lead = f"{group}, " if by else ""
    tail = f" GROUP BY {group} ORDER BY {group}" if by else ""
    if dialect == "postgresql":
        return f"""WITH p AS ({parcels})
            SELECT {lead}{counts},
                   percentile_disc(0.5) WITHIN GROUP (ORDER BY transit) AS p50,
                   percentile_disc(0.9) WITHIN GROUP (ORDER BY transit) AS p90
            FROM p{tail}"""
    partition = f"PARTITION BY {group} " if by else ""
    return f"""WITH p AS ({parcels}),
        r AS (SELECT p.*, ROW_NUMBER() OVER ({partition}ORDER BY transit IS NULL, transit) AS rn,
                     COUNT(transit) OVER ({partition.strip()}) AS nd FROM p)
        SELECT {lead}{counts},
               MIN(CASE WHEN transit IS NOT NULL AND rn >= 0.5 * nd THEN transit END) AS p50,
               MIN(CASE WHEN transit IS NOT NULL AND rn >= 0.9 * nd THEN transit END) AS p90
        FROM r{tail}"""


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
                transit_p50_days=None if row["p50"] is None else round(float(row["p50"]), 2),
                transit_p90_days=None if row["p90"] is None else round(float(row["p90"]), 2)))
        return out
