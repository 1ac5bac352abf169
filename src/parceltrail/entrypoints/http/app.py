"""The HTTP service: API, pages, the mounted sandbox network, and the tracking engine in a thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates

from parceltrail.adapters.sandbox.demo import seed_demo
from parceltrail.bootstrap import Runtime
from parceltrail.entrypoints.http import aftership, errors, native, subscriptions, webhooks
from parceltrail.entrypoints.http.auth import KeyCache
from parceltrail.entrypoints.http.limits import BodySizeLimit
from parceltrail.entrypoints.http.ratelimit import RateLimiter, RateLimitHeaders
from parceltrail.services.tracking.trackings import TrackingService

log = logging.getLogger(__name__)
TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parents[1] / "web" / "templates"))

DESCRIPTION = """Self-hosted parcel tracking.

* **Native API** under `/api/v1` (API key in `X-API-Key` or `Authorization: Bearer`).
* **AfterShip Tracking API 2026-07** under `/tracking/2026-07` (API key in `as-api-key`): point an
  AfterShip client at this server's URL.

Errors are JSON with a stable code; keys are scoped `read` or `write` and see only their account's trackings.
"""


def create_app(runtime: Runtime, *, sandbox: FastAPI | None = None, poll: bool = True) -> FastAPI:
    """The service. `sandbox`, when given, is mounted at /sandbox (the embedded carrier network);
    `poll` runs the tracking engine in a background thread for the app's lifetime."""

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
            from parceltrail.adapters.delivery.dispatcher import outbox_dispatcher

            outbox = threading.Thread(target=outbox_dispatcher(runtime.store, runtime.clock).run,
                                      args=(stop,), name="outbox", daemon=True)
            outbox.start()
        yield
        stop.set()
        if worker:
            worker.join(timeout=10)
            outbox.join(timeout=10)

    app = FastAPI(title="parceltrail", version="0.1.0", description=DESCRIPTION, lifespan=lifespan)
    app.state.runtime = runtime
    app.state.trackings = TrackingService(runtime)
    app.state.key_cache = KeyCache()
    app.state.rate_limiter = RateLimiter(runtime.settings.api_rate_limit)
    errors.install(app)
    app.add_middleware(RateLimitHeaders)
    app.add_middleware(BodySizeLimit)
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
    app.mount("/static", pages.static_files(), name="static")
    if sandbox is not None:
        app.mount("/sandbox", sandbox)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> HTMLResponse:
        with runtime.store.read() as repo:
            items = repo.shipments.list(limit=500)
        return TEMPLATES.TemplateResponse(request, "index.html", {
            "shipments": items, "now": runtime.clock.now(), "demo": runtime.settings.demo})

    @app.get("/hello", include_in_schema=False)
    def hello() -> JSONResponse:
        """A bare endpoint (no auth, no database): the benchmark's baseline."""
        return JSONResponse({"hello": "world"})

    return app
