"""The carrier performance page for sellers and operators (`/desk/performance`): on-time rate against the
estimate, transit p50/p90 and exception, return and lost rates by carrier, origin, destination and month,
with charts drawn server-side as inline SVG, and the breakdown as CSV (`/desk/performance.csv`)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from markupsafe import Markup

from parceltrail.domain.errors import InputError
from parceltrail.domain.orders import Role, User
from parceltrail.entrypoints.web import charts
from parceltrail.entrypoints.web.i18n import Locale, negotiate
from parceltrail.services.outlook import performance as service

MONTH_CHOICES = (3, 6, 12, 24)


def percent(loc: Locale, value: float | None) -> str:
    if value is None:
        return "—"
    from babel.numbers import format_percent

    return format_percent(value, "#0.#%", locale=loc.lang)


def days(loc: Locale, value: float | None) -> str:
    if value is None:
        return "—"
    from babel.numbers import format_decimal

    return loc.t("performance.days", value=format_decimal(round(value, 1), "#0.#", locale=loc.lang))


def _months(raw: str | None) -> int | None:
    if raw is None or raw == "":
        return service.DEFAULT_MONTHS
    return int(raw) if raw.isdigit() and int(raw) in MONTH_CHOICES else None


def page_charts(loc: Locale, report: service.Report) -> dict[str, Markup]:
    carriers = report.by_carrier
    return {
        "on_time": charts.bars(loc.t("performance.chart_on_time"),
                               [(c.carrier or "?", c.on_time_rate) for c in carriers], maximum=1.0,
                               fmt=lambda v: percent(loc, v)),
        "transit": charts.ranges(loc.t("performance.chart_transit"),
                                 [(c.carrier or "?", c.transit_p50_days, c.transit_p90_days)
                                  for c in carriers], fmt=lambda v: days(loc, v)),
        "months": charts.bars(loc.t("performance.chart_months"),
                              [(m.month or "?", m.on_time_rate) for m in report.by_month], maximum=1.0,
                              fmt=lambda v: percent(loc, v)),
    }


def router() -> APIRouter:
    from parceltrail.entrypoints.web.pages import _login_redirect, _runtime, error_page, page_user, render

    pages = APIRouter(include_in_schema=False)

    def _load(request: Request) -> tuple[Locale, User, int, service.Report] | Response:
        """The report the signed-in seller or operator asked for, or the page that says why not."""
        loc, user = negotiate(request), page_user(request)
        if user is None:
            return _login_redirect(request)
        if user.role not in (Role.SELLER, Role.ADMIN):
            return error_page(request, loc, 403, loc.t("error.sellers_only"), user)
        months = _months(request.query_params.get("months"))
        if months is None:
            return error_page(request, loc, 400, loc.t("performance.bad_months"), user)
        runtime = _runtime(request)
        try:
            found = service.report(runtime.store, user, runtime.clock.now(), months)
        except InputError:
            return error_page(request, loc, 400, loc.t("performance.bad_months"), user)
        return loc, user, months, found

    @pages.get("/desk/performance", response_model=None)
    def performance_page(request: Request) -> Response:
        loaded = _load(request)
        if isinstance(loaded, Response):
            return loaded
        loc, user, months, found = loaded
        return render(request, "performance.html", loc, {
            "report": found, "charts": page_charts(loc, found), "months": months, "choices": MONTH_CHOICES,
            "percent": lambda v: percent(loc, v), "days": lambda v: days(loc, v),
            "everyone": user.role is Role.ADMIN}, user=user)

    @pages.get("/desk/performance.csv", response_model=None)
    def performance_csv(request: Request) -> Response:
        loaded = _load(request)
        if isinstance(loaded, Response):
            return loaded
        found = loaded[3]
        name = f"performance-{found.since:%Y-%m}-{found.until:%Y-%m}.csv"
        return Response(service.to_csv(found.lanes), media_type="text/csv; charset=utf-8", headers={
            "Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"})

    return pages
