"""Operations endpoints and the request middleware: /metrics (Prometheus), /healthz, /readyz, and for
every request an id (taken from a sane `X-Request-ID` or made up), an access log line carrying it, and the
request counted by route and status."""

from __future__ import annotations

import hmac
import ipaddress
import logging
import re
import time
import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from starlette.routing import Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parceltrail.adapters.observability import logs, probes
from parceltrail.adapters.observability.metrics import CONTENT_TYPE, Metrics
from parceltrail.bootstrap import Runtime

access_log = logging.getLogger("parceltrail.http.access")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
UNMATCHED = "<unmatched>"  # requests no route answered share one label, so paths cannot flood the metrics


def route_label(scope: Scope) -> str:
    """The route template (`/api/v1/trackings/{tracking_id}`), never the raw path."""
    route = scope.get("route")
    mounted = scope.get("root_path", "")  # a route inside a mounted app (the sandbox) names its own path
    if isinstance(route, Mount):
        return mounted + route.path + "/*"
    path = getattr(route, "path", None)
    if isinstance(path, str):
        return mounted + path
    return UNMATCHED


class RequestObserver:
    """ASGI middleware: request id, access log, HTTP metrics."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics
        self.tracing = metrics.tracing

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = next((value.decode("latin-1") for key, value in scope.get("headers", [])
                         if key == b"x-request-id"), "")
        rid = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        token = logs.request_id.set(rid)
        status = 500  # unless a response starts: an exception escaped every handler

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), (b"x-request-id", rid.encode())]
            await send(message)

        span, activation = self._start_span(scope, rid)
        started = time.perf_counter()
        try:
            await self.app(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            route = route_label(scope)
            self.metrics.request(scope["method"], route, status, seconds)
            extra: dict[str, Any] = {"method": scope["method"], "path": scope["path"], "route": route,
                                     "status": status, "duration_ms": round(seconds * 1000, 1)}
            if span is not None:
                extra["trace_id"] = f"{span.get_span_context().trace_id:032x}"
                self._end_span(span, activation, scope["method"], route, status)
            access_log.info("%s %s %d %.1f ms", scope["method"], scope["path"], status, seconds * 1000,
                            extra=extra)
            logs.request_id.reset(token)

    def _start_span(self, scope: Scope, rid: str) -> tuple[Any, Any]:
        if self.tracing is None:
            return None, None
        from opentelemetry import trace
        from opentelemetry.trace import SpanKind

        from parceltrail.adapters.observability.tracing import extract_parent

        span = self.tracing.tracer.start_span(
            scope["method"], context=extract_parent(scope.get("headers", [])), kind=SpanKind.SERVER,
            attributes={"http.request.method": scope["method"], "url.path": scope["path"],
                        "parceltrail.request_id": rid})
        activation = trace.use_span(span, end_on_exit=False)
        activation.__enter__()  # spans made while answering (e.g. lookups) are its children
        return span, activation

    @staticmethod
    def _end_span(span: Any, activation: Any, method: str, route: str, status: int) -> None:
        from opentelemetry.trace import Status, StatusCode

        span.update_name(f"{method} {route}")
        span.set_attribute("http.route", route)
        span.set_attribute("http.response.status_code", status)
        if status >= 500:
            span.set_status(Status(StatusCode.ERROR))
        activation.__exit__(None, None, None)
        span.end()


def _error(status: int, code: str, message: str, **headers: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def _allowed(host: str | None, networks: list[Any]) -> bool:
    if not host:
        return False
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return any(address in network for network in networks)


def metrics_refusal(request: Request, runtime: Runtime) -> JSONResponse | None:
    """None when this request may read the metrics: with a token configured, exactly that bearer token;
    without one, a client address inside PARCELTRAIL_METRICS_ALLOW."""
    settings = runtime.settings
    if settings.metrics_token is not None:
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        expected = settings.metrics_token.get_secret_value().encode()
        if scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), expected):
            return None
        return _error(401, "metrics_unauthorized", "the metrics need the operator's bearer token "
                      "(PARCELTRAIL_METRICS_TOKEN)", **{"WWW-Authenticate": "Bearer"})
    host = request.client.host if request.client else None
    if _allowed(host, settings.metrics_networks):
        return None
    return _error(403, "metrics_forbidden", "the metrics answer only operator addresses "
                  "(PARCELTRAIL_METRICS_ALLOW) or a bearer token (PARCELTRAIL_METRICS_TOKEN)")


def router(runtime: Runtime, metrics: Metrics) -> APIRouter:
    api = APIRouter(include_in_schema=False)

    @api.get("/metrics")
    def prometheus(request: Request) -> Response:
        refusal = metrics_refusal(request, runtime)
        if refusal is not None:
            return refusal
        return Response(metrics.exposition(), media_type=CONTENT_TYPE)

    @api.get("/healthz")
    def healthz() -> JSONResponse:
        """The process is alive and answering (no dependency is checked: that is /readyz)."""
        return JSONResponse({"status": "ok"})

    @api.get("/readyz")
    def readyz() -> JSONResponse:
        """Ready for traffic: database reachable, schema current, outbox moving."""
        engine = runtime.store.engine
        # Stored times are on the installation's clock, which a demo runs faster than wall time.
        stuck_after = runtime.settings.outbox_stuck_seconds * runtime.simulation.speed
        checks = [probes.check_database(engine)]
        if checks[0].ok:
            checks += [probes.check_migrations(engine),
                       probes.check_outbox(engine, runtime.clock.now(), stuck_after)]
        ready = all(check.ok for check in checks)
        body = {"status": "ready" if ready else "not_ready",
                "checks": {c.name: {"ok": c.ok, "detail": c.detail} for c in checks}}
        return JSONResponse(body, status_code=200 if ready else 503)

    return api
