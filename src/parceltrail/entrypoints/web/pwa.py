"""The installable web app and web push: the manifest, the service worker (served from the site's root
so it controls every page), the push key, and a browser turning push notifications for a parcel on or off.

The push endpoints take JSON only, so another site cannot post to them without a CORS preflight this
server never grants. Their errors are JSON with a stable code and a message in the visitor's language.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse

from parceltrail.adapters.delivery.webpush import (
    InvalidPushSubscriptionError,
    PushUnavailableError,
    check_subscription,
    load_key,
    pack_keys,
)
from parceltrail.bootstrap import Runtime
from parceltrail.domain.errors import InputError
from parceltrail.entrypoints.web.i18n import Locale, negotiate
from parceltrail.services.notifications import push
from parceltrail.services.notifications.urls import MAX_URL_LENGTH

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
MAX_BODY = 8192
THEME = "#1d4ed8"
KNOWN_ERRORS = ("unsafe_url", "invalid_url", "invalid_push_subscription", "not_found", "push_unavailable",
                "invalid_subscription", "invalid_request")


def install(app: FastAPI, runtime: Runtime) -> None:
    """Routes, and the public push key for the pages (None: push is off until the operator makes a key)."""
    try:
        key = load_key(runtime.settings.notify)
    except PushUnavailableError as error:
        log.warning("web push is off: %s", error)
        key = None
    app.state.push_public_key = key.public_key if key else None
    app.include_router(router(runtime))


def _error(loc: Locale, status: int, code: str, detail: str = "") -> JSONResponse:
    shown = code if code in KNOWN_ERRORS else "invalid_request"
    message = loc.t(f"push.error.{shown}")
    return JSONResponse({"error": {"code": code, "message": message, "detail": detail[:300]}},
                        status_code=status)


async def _json(request: Request) -> dict[str, Any]:
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise InputError("send JSON (Content-Type: application/json)")
    raw = await request.body()
    if len(raw) > MAX_BODY:
        raise InputError("the request is too large")
    try:
        body = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise InputError("the request is not JSON") from None
    if not isinstance(body, dict):
        raise InputError("the request is not a JSON object")
    return body


def _subscription_fields(body: dict[str, Any]) -> tuple[str, str, str]:
    sub = body.get("subscription")
    keys = sub.get("keys") if isinstance(sub, dict) else None
    endpoint = sub.get("endpoint") if isinstance(sub, dict) else None
    if not isinstance(endpoint, str) or not isinstance(keys, dict) or len(endpoint) > MAX_URL_LENGTH:
        raise InvalidPushSubscriptionError("the subscription needs an endpoint and keys")
    p256dh, auth = keys.get("p256dh"), keys.get("auth")
    if not isinstance(p256dh, str) or not isinstance(auth, str) or len(p256dh) > 200 or len(auth) > 100:
        raise InvalidPushSubscriptionError("the subscription's keys are missing")
    return endpoint, p256dh, auth


def manifest(loc: Locale) -> dict[str, Any]:
    return {
        "name": loc.t("pwa.name"), "short_name": loc.t("site.name"), "description": loc.t("pwa.description"),
        "lang": loc.lang, "start_url": "/track?source=app", "scope": "/", "id": "/track",
        "display": "standalone", "background_color": "#ffffff", "theme_color": THEME,
        "icons": [
            {"src": "/static/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
            {"src": "/static/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
            {"src": "/static/icon-maskable-512.png", "sizes": "512x512", "type": "image/png",
             "purpose": "maskable"},
        ],
        "shortcuts": [{"name": loc.t("nav.orders"), "url": "/orders"}],
    }


def router(runtime: Runtime) -> APIRouter:
    api = APIRouter(include_in_schema=False)

    @api.get("/manifest.webmanifest")
    def web_manifest(request: Request) -> JSONResponse:
        return JSONResponse(manifest(negotiate(request)), media_type="application/manifest+json",
                            headers={"Cache-Control": "no-cache"})

    @api.get("/sw.js")
    def service_worker() -> FileResponse:
        # At the root so its scope is the whole site; never cached by HTTP, so updates reach browsers.
        return FileResponse(STATIC / "sw.js", media_type="text/javascript",
                            headers={"Cache-Control": "no-cache", "Service-Worker-Allowed": "/"})

    @api.get("/push/key")
    def push_key(request: Request) -> JSONResponse:
        key = request.app.state.push_public_key
        if key is None:
            return _error(negotiate(request), 404, "push_unavailable", "run `parceltrail push keys`")
        return JSONResponse({"public_key": key})

    @api.post("/push/subscriptions")
    async def push_subscribe(request: Request) -> JSONResponse:
        loc = negotiate(request)
        if request.app.state.push_public_key is None:
            return _error(loc, 404, "push_unavailable", "run `parceltrail push keys`")
        try:
            body = await _json(request)
            endpoint, p256dh, auth = _subscription_fields(body)
            shipment_id, number = body.get("shipment_id"), body.get("number")
            if not isinstance(shipment_id, int) or not isinstance(number, str):
                raise InputError("give the parcel's shipment_id and number")
            check_subscription(endpoint, p256dh, auth, allow_private=runtime.settings.webhook_allow_private)
            language = body.get("language") if isinstance(body.get("language"), str) else loc.lang
            now = runtime.clock.now()
            with runtime.store.transaction() as repo:
                shipment = repo.shipments.get(shipment_id)
                if shipment is None or shipment.tracking_number != number:
                    return _error(loc, 404, "not_found", "no such parcel")
                subscription, created = push.subscribe(repo, shipment_id, endpoint, pack_keys(p256dh, auth),
                                                       language, now)
        except InputError as error:
            return _error(loc, 400, getattr(error, "code", "invalid_request"), str(error))
        return JSONResponse({"id": subscription.id, "number": number, "language": subscription.language,
                             "message": loc.t("push.on")}, status_code=201 if created else 200)

    @api.post("/push/unsubscribe")
    async def push_unsubscribe(request: Request) -> JSONResponse:
        loc = negotiate(request)
        try:
            body = await _json(request)
            endpoint = body.get("endpoint")
            shipment_id = body.get("shipment_id")
            if not isinstance(endpoint, str) or not (shipment_id is None or isinstance(shipment_id, int)):
                raise InputError("give the endpoint (and the parcel's shipment_id)")
            with runtime.store.transaction() as repo:
                removed = push.unsubscribe(repo, endpoint, shipment_id)
        except InputError as error:
            return _error(loc, 400, getattr(error, "code", "invalid_request"), str(error))
        return JSONResponse({"removed": removed, "message": loc.t("push.off")})

    return api
