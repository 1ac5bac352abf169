"""The forgotten-password pages: ask for a link (`/password/forgot`), then choose a new password
(`/password/reset/<token>`). The rules are those of `entrypoints/http/password_reset.py`; these pages
answer in the visitor's language, and bad input is a page with a 4xx status."""

from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from parceltrail.bootstrap import Runtime
from parceltrail.domain.errors import InputError
from parceltrail.entrypoints.http import password_reset, sessions
from parceltrail.entrypoints.web.i18n import negotiate
from parceltrail.entrypoints.web.pages import render


def _runtime(request: Request) -> Runtime:
    return request.app.state.runtime


def router() -> APIRouter:
    web = APIRouter(include_in_schema=False)

    @web.get("/password/forgot", response_class=HTMLResponse)
    def forgot_page(request: Request) -> HTMLResponse:
        loc = negotiate(request)
        return render(request, "forgot.html", loc, {
            "minutes": _runtime(request).settings.password_reset_minutes, "sent": False, "error": None})

    @web.post("/password/forgot", response_class=HTMLResponse)
    async def forgot_submit(request: Request, background: BackgroundTasks) -> HTMLResponse:
        form = await request.form()
        raw = form.get("email")
        email = raw.strip()[:254] if isinstance(raw, str) else ""
        loc, runtime = negotiate(request), _runtime(request)
        context = {"minutes": runtime.settings.password_reset_minutes, "sent": True, "error": None}
        try:
            mail = await run_in_threadpool(password_reset.ask, runtime, request, email, loc)
        except password_reset.TooManyResets as error:
            page = render(request, "forgot.html", loc, {**context, "sent": False,
                                                        "error": loc.t("security.too_many")}, status=429)
            page.headers["Retry-After"] = str(error.seconds)
            return page
        if mail is not None:
            background.add_task(password_reset.send, runtime, mail)
        return render(request, "forgot.html", loc, context)  # FastAPI runs `background` after it is sent

    @web.get("/password/reset/{token}", response_class=HTMLResponse)
    def reset_page(request: Request, token: str) -> HTMLResponse:
        loc = negotiate(request)
        if password_reset.password_resets.holder(_runtime(request).store, token[:300]) is None:
            return render(request, "reset.html", loc, {"token": "", "error": loc.t("reset.invalid")},
                          status=400)
        return render(request, "reset.html", loc, {"token": token, "error": None})

    @web.post("/password/reset/{token}", response_class=HTMLResponse)
    async def reset_submit(request: Request, token: str) -> HTMLResponse:
        form = await request.form()
        raw = form.get("password")
        password = raw if isinstance(raw, str) else ""
        loc = negotiate(request)
        try:
            ended = await run_in_threadpool(password_reset.reset, _runtime(request), token[:300], password)
        except InputError:
            return render(request, "reset.html", loc, {"token": token, "error": loc.t("reset.too_short")},
                          status=400)
        if ended is None:
            return render(request, "reset.html", loc, {"token": "", "error": loc.t("reset.invalid")},
                          status=400)
        response = render(request, "login.html", loc, {"next": "", "email": "", "error": None,
                                                       "notice": loc.t("reset.done")})
        response.delete_cookie(sessions.COOKIE, path="/")  # that session ended with the others
        return response

    return web
