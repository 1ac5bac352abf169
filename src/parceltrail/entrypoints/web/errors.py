"""Errors on the web side answer as pages: an unknown URL, a wrong method or an unexpected failure under a
page path gets the HTML error page in the visitor's language; the APIs keep their JSON bodies.

Installed after `entrypoints.http.errors.install`: the JSON handlers stay in charge of API paths.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import cast

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from parceltrail.entrypoints.web.i18n import negotiate

log = logging.getLogger(__name__)
# Machine-facing prefixes: JSON (or the sandbox's own answers) whatever the client is.
API_PREFIXES = ("/api/", "/tracking/", "/webhooks/", "/sandbox/", "/docs", "/redoc", "/openapi.json",
                "/hello")
Handler = Callable[[Request, Exception], Awaitable[Response]]
_MESSAGES = {404: "error.not_found", 405: "error.not_found"}


def is_page_path(path: str) -> bool:
    return not path.startswith(API_PREFIXES) and path not in ("/api", "/tracking", "/webhooks", "/sandbox")


def install(app: FastAPI) -> None:
    json_http = cast(Handler, app.exception_handlers[StarletteHTTPException])
    json_unexpected = cast(Handler, app.exception_handlers[Exception])

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        if not is_page_path(request.url.path):
            return await json_http(request, error)
        status = error.status_code
        return _page(request, status if 400 <= status < 600 else 500,
                     _MESSAGES.get(status, "error.not_found" if status < 500 else "error.unexpected"))

    async def unexpected(request: Request, error: Exception) -> Response:
        if not is_page_path(request.url.path):
            return await json_unexpected(request, error)
        log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=error)
        return _page(request, 500, "error.unexpected")

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, unexpected)


def _page(request: Request, status: int, key: str) -> Response:
    from parceltrail.entrypoints.web.pages import error_page, page_user

    loc = negotiate(request)
    try:
        user = page_user(request)
    except Exception:  # the error page must not fail on a broken session or database
        user = None
    return error_page(request, loc, status, loc.t(key), user)


def favicon(static_dir: str) -> Callable[[], Response]:
    def icon() -> Response:
        return FileResponse(f"{static_dir}/favicon.ico", media_type="image/x-icon",
                            headers={"Cache-Control": "public, max-age=86400"})
    return icon


def home() -> Response:
    """`/` is the track page: the list of every tracked number is the operator's (`/parcels`)."""
    return RedirectResponse("/track", status_code=307)
