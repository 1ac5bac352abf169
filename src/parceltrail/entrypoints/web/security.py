"""The pages' side of the request guard (`entrypoints/http/protection.py`): a refused form or address
gets an HTML page in the visitor's language, not JSON."""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import Receive, Scope, Send

from parceltrail.entrypoints.web.i18n import negotiate


async def html_error(scope: Scope, receive: Receive, send: Send, status: int, key: str) -> None:
    from parceltrail.entrypoints.web.pages import error_page  # the pages import the app's routes

    request = Request(scope, receive)
    loc = negotiate(request)
    response = error_page(request, loc, status, loc.t(key))
    await response(scope, receive, send)
