"""The HTTP service: API, pages, the mounted sandbox network, and the tracking engine in a thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from parceltrail.adapters.db.request_counts import SharedCounts
from parceltrail.adapters.observability.metrics import MeteredSender, Metrics
from parceltrail.adapters.observability.tracing import build as build_tracing
from parceltrail.adapters.sandbox.demo import seed_demo
from parceltrail.bootstrap import Runtime
from parceltrail.entrypoints.http import aftership, errors, native, operations, subscriptions, webhooks
from parceltrail.entrypoints.http.address_limits import AddressLimiter, AnonymousLimits
from parceltrail.entrypoints.http.auth import KeyCache
from parceltrail.entrypoints.http.limits import BodySizeLimit
from parceltrail.entrypoints.http.operations import RequestObserver
from parceltrail.entrypoints.http.protection import RequestGuard, SecurityHeaders
from parceltrail.entrypoints.http.ratelimit import RateLimiter, RateLimitHeaders
from parceltrail.entrypoints.web.security import html_error
from parceltrail.services.tracking.trackings import TrackingService
from parceltrail.services.tracking.unwatched import ViewLog

log = logging.getLogger(__name__)
RESERVE_SHARE = 0.1  # of a rate limit, the most units one process reserves from the shared count at once

DESCRIPTION = """Self-hosted parcel tracking.

* **Native API** under `/api/v1` (API key in `X-API-Key` or `Authorization: Bearer`).
* **AfterShip Tracking API 2026-07** under `/tracking/2026-07` (API key in `as-api-key`): point an
  AfterShip client at this server's URL.

Errors are JSON with a stable code; keys are scoped `read` or `write` and see only their account's trackings.
"""


def create_app(runtime: Runtime, *, sandbox: FastAPI | None = None, poll: bool = True,
               span_exporter: Any = None) -> FastAPI:
    """The service. `sandbox`, when given, is mounted at /sandbox (the embedded carrier network);
    `poll` runs the tracking engine in a background thread for the app's lifetime; `span_exporter`
    traces into that exporter (otherwise PARCELTRAIL_OTEL_ENDPOINT decides)."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        stop = threading.Event()
        worker: threading.Thread | None = None
        if runtime.settings.demo:
            added = seed_demo(runtime.tracker)
            log.info("seeded %d demo parcels", added)
        if poll:
            worker = threading.Thread(target=runtime.tracker.run, args=(stop,), name="tracker", daemon=True)
            worker.start()
            # Notifications: the outbox dispatcher runs next to the tracker, on the same clock.
            from parceltrail.adapters.delivery.dispatcher import Deliverer, outbox_dispatcher

            sender = MeteredSender(Deliverer(runtime.settings.notify), metrics)  # failures show in /metrics
            outbox = threading.Thread(target=outbox_dispatcher(runtime.store, runtime.clock,
                                                               sender=sender).run,
                                      args=(stop,), name="outbox", daemon=True)
            outbox.start()
        bridge: threading.Thread | None = None
        if runtime.settings.mqtt_url is not None:  # Home Assistant over MQTT
            from parceltrail.adapters.homeassistant.mqtt import HomeAssistantBridge

            home = HomeAssistantBridge(runtime, runtime.settings, metrics=metrics)
            bridge = threading.Thread(target=home.run, args=(stop,), name="homeassistant", daemon=True)
            bridge.start()
        mail = None
        if runtime.settings.mailin_enabled:
            from parceltrail.adapters.mailin.runner import MailIntake

            mail = MailIntake(runtime.settings, runtime.store, runtime.clock)
            mail.start()
        yield
        if mail is not None:
            mail.stop()
        stop.set()
        if worker:
            worker.join(timeout=10)
            outbox.join(timeout=10)
        if bridge:
            bridge.join(timeout=10)
        if tracing is not None:
            tracing.shutdown()  # flush the spans still buffered

    # Operations: the engine and the outbox report into the app's metrics (/metrics, /healthz, /readyz).
    tracing = build_tracing(runtime.settings.otel_endpoint, exporter=span_exporter,
                            batch=span_exporter is None)
    metrics = Metrics(runtime.store.engine, runtime.clock, tracing=tracing)
    runtime.tracker.observer = metrics
    app = FastAPI(title="parceltrail", version="0.1.0", description=DESCRIPTION, lifespan=lifespan)
    app.state.metrics = metrics
    app.state.runtime = runtime
    app.state.trackings = TrackingService(runtime, max_trackings=runtime.settings.max_trackings_per_account)
    app.state.key_cache = KeyCache()
    app.state.views = ViewLog(runtime.store)  # when public pages were last looked at (to the day)
    # Counted in the database unless the operator turns sharing off (N processes then allow N times);
    # shared counts are reserved up to a tenth of the limit at a time (counting.Budget: the slack).
    counts = SharedCounts(runtime.store) if runtime.settings.shared_rate_limits else None
    share = RESERVE_SHARE if counts is not None else 0.0
    app.state.rate_limiter = RateLimiter(runtime.settings.api_rate_limit, counts=counts, share=share)
    app.state.address_limiter = AddressLimiter(runtime.settings.anonymous_rate_limit, counts=counts,
                                               share=share)
    errors.install(app)
    app.add_middleware(RateLimitHeaders)
    # Cross-site writes and control characters are refused before any route reads the request.
    app.add_middleware(RequestGuard, public_url=runtime.settings.public_url, html_error=html_error)
    app.add_middleware(AnonymousLimits, limiter=app.state.address_limiter, html_error=html_error)
    app.add_middleware(BodySizeLimit)
    app.add_middleware(SecurityHeaders)  # every answer carries the headers, errors included
    app.add_middleware(RequestObserver, metrics=metrics)  # outermost: request id, access log, HTTP metrics
    app.include_router(operations.router(runtime, metrics))
    app.include_router(native.router())
    app.include_router(aftership.router())
    app.include_router(subscriptions.router())
    from parceltrail.entrypoints.http import (
        orders as order_routes,  # marketplace: orders, session, import, intake
    )

    app.include_router(order_routes.router())
    from parceltrail.entrypoints.http import (
        evidence,  # buyer protection: advice, disputes and evidence files of orders
    )

    app.include_router(evidence.router())
    app.include_router(webhooks.router())  # pushed carrier updates (17TRACK)
    from parceltrail.entrypoints.http import mailin  # mail intake: address, log, parcels, mailboxes

    app.include_router(mailin.router())

    from parceltrail.entrypoints.http import calendar  # calendar feeds of expected deliveries

    app.include_router(calendar.router())
    from parceltrail.entrypoints.http import performance  # carrier and lane performance
    from parceltrail.entrypoints.web import performance as performance_page

    app.include_router(performance.router())
    app.include_router(performance_page.router())
    from parceltrail.entrypoints.web import calendar_page

    app.include_router(calendar_page.router())
    from parceltrail.entrypoints.web import (
        pages,  # web pages: /track, /login, /orders, /desk, live streams
    )

    app.include_router(pages.router())
    from parceltrail.entrypoints.http import password_reset  # forgotten passwords: a link by e-mail
    from parceltrail.entrypoints.web import password as password_pages

    app.include_router(password_reset.router())
    app.include_router(password_pages.router())
    from parceltrail.entrypoints.web import actions  # order actions, shipping, e-mail sign-ups

    app.include_router(actions.router())

    from parceltrail.entrypoints.web import pwa  # installable app: manifest, service worker, web push

    pwa.install(app, runtime)

    from parceltrail.entrypoints.web import mail as mail_pages  # /mail: mail-in address, intake log

    app.include_router(mail_pages.router())
    app.mount("/static", pages.static_files(), name="static")
    if sandbox is not None:
        app.mount("/sandbox", sandbox)

    from parceltrail.entrypoints.web import errors as web_errors
    from parceltrail.entrypoints.web import operator

    # `/` is the track page; the list of every number is the operator's, behind sign-in (/parcels).
    app.add_api_route("/", web_errors.home, include_in_schema=False)
    app.add_api_route("/favicon.ico", web_errors.favicon(str(pages.WEB / "static")), include_in_schema=False)
    app.include_router(operator.router())
    web_errors.install(app)  # page paths answer HTML error pages in the visitor's language

    @app.get("/hello", include_in_schema=False)
    def hello() -> JSONResponse:
        """A bare endpoint (no auth, no database): the benchmark's baseline."""
        return JSONResponse({"hello": "world"})

    return app
