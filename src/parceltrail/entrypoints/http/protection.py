"""What every request passes before a route sees it, and what every answer carries.

* `RequestGuard`: writes (POST, PUT, PATCH, DELETE) sent from another site are refused (the browser's
  `Origin`, else `Referer`, must be this server), so a cookie-signed-in user cannot be made to act from a
  foreign page; the JSON APIs take no `text/plain` or form bodies (the content types a foreign page can
  send without asking); control characters (NUL, escape codes, lone surrogates) in the path, the query,
  a JSON body or a form are refused before anything is read or written - PostgreSQL cannot store NUL and
  text fields never need them. Tab, CR and LF stay allowed in bodies (multi-line text).
* `SecurityHeaders`: Content-Security-Policy (everything from this server; nothing is loaded from
  elsewhere), X-Frame-Options, nosniff, a referrer policy, and HSTS when the request came over HTTPS.

API and AfterShip paths answer JSON with a stable code; pages answer an HTML page in the visitor's
language (`html_error`, given by the app, renders it).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parceltrail.entrypoints.http.errors import AFTERSHIP_PREFIX, aftership_body, native_body
from parceltrail.entrypoints.http.limits import read_up_to, replaying

UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
API_PREFIXES = ("/api/", AFTERSHIP_PREFIX)
# Paths a carrier or another server posts to (no browser, signed by their own means).
SERVER_TO_SERVER = ("/webhooks/", "/sandbox/")
SIMPLE_TYPES = ("text/plain", "application/x-www-form-urlencoded")
BODY_WHITESPACE = frozenset("\t\n\r")

HtmlError = Callable[[Scope, Receive, Send, int, str], Awaitable[None]]


def has_control(text: str, allowed: frozenset[str] = frozenset()) -> bool:
    """True when `text` holds a control character (Cc) or a lone surrogate (Cs) not in `allowed`."""
    return any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in allowed for ch in text)


def _json_control_field(value: Any) -> str | None:
    """The name of the first field whose text holds a forbidden character ("" at the top), else None."""
    stack: list[tuple[str, Any]] = [("", value)]
    while stack:
        name, item = stack.pop()
        if isinstance(item, str):
            if has_control(item, BODY_WHITESPACE):
                return name
        elif isinstance(item, dict):
            for key, child in item.items():
                if has_control(key):
                    return name
                stack.append((key, child))
        elif isinstance(item, list):
            stack.extend((name, child) for child in item)
    return None


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return None


def _origin_of(url: str) -> str | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def own_origins(scope: Scope, public_url: str | None) -> set[str]:
    """This server's origins: as the request reached it (Host header) and as configured."""
    origins = set()
    host = _header(scope, b"host")
    if host:
        origins.add(f"{scope.get('scheme', 'http')}://{host}".lower())
        # Behind a TLS-terminating proxy the browser's origin is https while we see http.
        origins.add(f"https://{host}".lower())
    if public_url:
        configured = _origin_of(public_url)
        if configured:
            origins.add(configured)
    return origins


class RequestGuard:
    def __init__(self, app: ASGIApp, *, public_url: str | None = None, html_error: HtmlError | None = None,
                 max_body: int = 1024 * 1024) -> None:
        self.app = app
        self.public_url = public_url
        self.html_error = html_error
        self.max_body = max_body

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, status: int, code: str,
                      message: str, page_key: str, meta_code: int | None = None) -> None:
        path: str = scope["path"]
        if self.html_error is not None and not path.startswith(API_PREFIXES) \
                and not path.startswith(SERVER_TO_SERVER):
            await self.html_error(scope, receive, send, status, page_key)
            return
        meta = meta_code or {400: 4001, 403: 4031, 415: 4150}.get(status, status)
        body = aftership_body(status, meta, message) if path.startswith(AFTERSHIP_PREFIX) \
            else native_body(code, message)
        raw = json.dumps(body).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(raw)).encode())]})
        await send({"type": "http.response.body", "body": raw})

    def _cross_origin(self, scope: Scope) -> bool:
        origin = _header(scope, b"origin")
        if origin is None:
            referer = _header(scope, b"referer")
            if referer is None:
                return False  # not a browser's cross-site write (browsers send Origin on every POST)
            origin = _origin_of(referer) or "null"
        return origin.strip().lower() not in own_origins(scope, self.public_url)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        query = scope.get("query_string", b"").decode("latin-1")
        decoded_query = " ".join(f"{k} {v}" for k, v in parse_qsl(query, keep_blank_values=True))
        if has_control(path) or has_control(unquote(query)) or has_control(decoded_query):
            await self._refuse(scope, receive, send, 400, "invalid_characters",
                               "The address contains control characters.", "security.invalid_characters")
            return
        method = scope["method"]
        if method not in UNSAFE or path.startswith(SERVER_TO_SERVER):
            await self.app(scope, receive, send)
            return
        if self._cross_origin(scope):
            await self._refuse(scope, receive, send, 403, "cross_origin",
                               "Writes from another site's pages are refused.", "security.cross_origin")
            return
        content_type = (_header(scope, b"content-type") or "").split(";", 1)[0].strip().lower()
        is_api = path.startswith(API_PREFIXES)
        if is_api and content_type in SIMPLE_TYPES:
            await self._refuse(scope, receive, send, 415, "unsupported_media_type",
                               "Send JSON with Content-Type: application/json.", "security.cross_origin")
            return
        checks_json = content_type == "application/json" or content_type.endswith("+json")
        checks_form = content_type == "application/x-www-form-urlencoded"
        if not (checks_json or checks_form):
            await self.app(scope, receive, send)
            return
        raw, over = await read_up_to(receive, self.max_body)
        field = None if over else self._control_field(raw, checks_json)
        if field is not None:
            # AfterShip clients know 4005 as "the tracking number is invalid".
            await self._refuse(scope, receive, send, 400, "invalid_characters",
                               f"Text may not contain control characters (such as NUL): {field[:40]!r}.",
                               "security.invalid_characters",
                               meta_code=4005 if field == "tracking_number" else None)
            return
        await self.app(scope, replaying(raw, over, receive), send)

    @staticmethod
    def _control_field(raw: bytes, as_json: bool) -> str | None:
        if not raw:
            return None
        if as_json:
            try:
                return _json_control_field(json.loads(raw))
            except (ValueError, RecursionError):
                return None  # not JSON: the route answers its own validation error
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return None
        for key, value in parse_qsl(text, keep_blank_values=True):
            if has_control(key) or has_control(value, BODY_WHITESPACE):
                return key
        return None


CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'none'")
# The interactive API docs load their scripts from a CDN; they keep FastAPI's defaults.
DOCS_PATHS = ("/docs", "/redoc")


class SecurityHeaders:
    def __init__(self, app: ASGIApp, *, hsts_seconds: int = 31536000) -> None:
        self.app = app
        self.hsts_seconds = hsts_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        https = scope.get("scheme") == "https" or _header(scope, b"x-forwarded-proto") == "https"
        docs = scope["path"].startswith(DOCS_PATHS)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {key.lower() for key, _ in headers}
                wanted = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                          (b"referrer-policy", b"same-origin")]
                if not docs:
                    wanted.append((b"content-security-policy", CSP.encode()))
                if https and self.hsts_seconds:
                    wanted.append((b"strict-transport-security",
                                   f"max-age={self.hsts_seconds}; includeSubDomains".encode()))
                headers.extend((key, value) for key, value in wanted if key not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
