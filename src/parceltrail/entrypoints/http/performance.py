"""`GET /api/v1/performance`: carrier and lane performance of the caller's packages (sellers) or of every
parcel (admins), as JSON or, with `format=csv`, as CSV."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, Literal

from fastapi import APIRouter, Query, Request, Response

from parceltrail.domain.orders import OrderError
from parceltrail.domain.performance import LaneStats
from parceltrail.entrypoints.http.errors import NATIVE_ERRORS, ApiError
from parceltrail.entrypoints.http.sessions import UserReader
from parceltrail.services.outlook import performance as service


def _stats(row: LaneStats) -> dict[str, Any]:
    return {**asdict(row), "on_time_rate": row.on_time_rate, "exception_rate": row.exception_rate,
            "return_rate": row.return_rate, "lost_rate": row.lost_rate}


def router(prefix: str = "/api/v1") -> APIRouter:
    api = APIRouter(prefix=prefix, responses=NATIVE_ERRORS, tags=["performance"])

    @api.get("/performance", response_model=None, responses={
        200: {"content": {"application/json": {}, "text/csv": {}},
              "description": "The report (JSON), or its carrier/lane/month breakdown with format=csv."}})
    def performance(request: Request, user: UserReader,
                    months: int = Query(default=service.DEFAULT_MONTHS, ge=1, le=service.MAX_MONTHS),
                    format: Literal["json", "csv"] = "json") -> Any:  # noqa: A002 - the query's name
        """On-time rate against the first estimate (orders carry no promised date), transit p50/p90 in
        days, exception, return and lost rates: in total, by carrier, by month, and by carrier, origin,
        destination and month, for the last `months` calendar months."""
        runtime = request.app.state.runtime
        try:
            found = service.report(runtime.store, user, runtime.clock.now(), months)
        except OrderError as error:
            raise ApiError(error.status, error.code, str(error)) from None
        if format == "csv":
            return Response(service.to_csv(found.lanes), media_type="text/csv; charset=utf-8")
        return {"data": {"since": found.since.isoformat(), "until": found.until.isoformat(),
                         "total": _stats(found.total) if found.total else None,
                         "by_carrier": [_stats(r) for r in found.by_carrier],
                         "by_month": [_stats(r) for r in found.by_month],
                         "lanes": [_stats(r) for r in found.lanes]}}

    return api
