"""The calendar feed page (`/calendar`): a signed-in user makes their secret feed URL (shown once, to paste
into a calendar app), replaces it, or revokes it. Forms carry the session's CSRF token."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from parceltrail.domain.errors import InputError
from parceltrail.entrypoints.web import notify
from parceltrail.entrypoints.web.i18n import negotiate
from parceltrail.services.outlook import calendar as calendars


def router() -> APIRouter:
    from parceltrail.entrypoints.web.pages import _login_redirect, _runtime, error_page, page_user, render

    pages = APIRouter(include_in_schema=False)

    def _page(request: Request, url: str | None = None, revoked: bool = False) -> Response:
        loc, user = negotiate(request), page_user(request)
        if user is None:
            return _login_redirect(request)
        feed = calendars.active_feed(_runtime(request).store, user)
        return render(request, "calendar.html", loc, {"feed": feed, "url": url, "revoked": revoked,
                                                      "csrf": notify.csrf_token(request)}, user=user)

    @pages.get("/calendar", response_model=None)
    def calendar_page(request: Request, revoked: str = "") -> Response:
        return _page(request, revoked=revoked == "1")

    def _create(request: Request, ok: bool) -> Response:
        loc, user = negotiate(request), page_user(request)
        if user is None:
            return _login_redirect(request)
        if not ok:
            return error_page(request, loc, 403, loc.t("notify.error.csrf"), user)
        runtime = _runtime(request)
        try:
            _, token = calendars.create_feed(runtime.store, user, runtime.clock.now(), timezone=loc.zone_name,
                                             language=loc.lang)
        except InputError:  # the browser's zone cookie names no zone: the destination's zones answer
            _, token = calendars.create_feed(runtime.store, user, runtime.clock.now(), language=loc.lang)
        return _page(request, url=f"{runtime.settings.public_url}/calendar/{token}.ics")

    def _revoke(request: Request, ok: bool) -> Response:
        loc, user = negotiate(request), page_user(request)
        if user is None:
            return _login_redirect(request)
        if not ok:
            return error_page(request, loc, 403, loc.t("notify.error.csrf"), user)
        runtime = _runtime(request)
        calendars.revoke_feed(runtime.store, user, runtime.clock.now())
        return RedirectResponse("/calendar?revoked=1", status_code=303)

    @pages.post("/calendar", response_model=None)
    async def calendar_create(request: Request) -> Response:
        form = await request.form()
        return await run_in_threadpool(_create, request, notify.csrf_ok(request, form))

    @pages.post("/calendar/revoke", response_model=None)
    async def calendar_revoke(request: Request) -> Response:
        form = await request.form()
        return await run_in_threadpool(_revoke, request, notify.csrf_ok(request, form))

    return pages
