"""The sandbox carrier network as an HTTP service (FastAPI).

Answers are computed from the number and the injected clock (see `journeys`); nothing is stored.
"""

from __future__ import annotations

import asyncio
import json
from datetime import datetime
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from parceltrail.adapters.sandbox.faults import FAULT_HEADER, Fault, FaultInjector, UnknownFaultError
from parceltrail.adapters.sandbox.journeys import Journey, SandboxEvent, journey
from parceltrail.adapters.sandbox.scenarios import CARRIER_SLUG, SCENARIOS, TEST_NUMBERS
from parceltrail.clock import Clock

MAX_NUMBERS = 40
DEMO_NOTICE = "Simulated data from the parceltrail sandbox network"
FORCED_RETRY_AFTER = 30  # seconds, for a forced 429 (tests can rely on it)


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def _event_json(e: SandboxEvent) -> dict[str, Any]:
    return {
        "time": e.occurred_at.isoformat(),
        "description": e.text,
        "code": e.code,
        "location": e.location,
        "country": e.country,
        "city": e.city,
        "latitude": e.latitude,
        "longitude": e.longitude,
        "lang": e.lang,
    }


def _not_found(number: str) -> dict[str, Any]:
    return {"number": number, "found": False, "carrier": CARRIER_SLUG, "events": [], "next_leg": None}


def _result_json(number: str, j: Journey | None, now: datetime) -> dict[str, Any]:
    if j is None or not j.found(now):
        return _not_found(number)
    next_leg = j.visible_next_leg(now)
    return {
        "number": number,
        "found": True,
        "carrier": CARRIER_SLUG,
        "carrier_name": j.carrier_name,
        "origin_country": j.origin_country,
        "destination_country": j.destination_country,
        "events": [_event_json(e) for e in j.visible_events(now)],
        "next_leg": {"number": next_leg, "carrier": CARRIER_SLUG} if next_leg else None,
    }


def _parse_numbers(raw: bytes) -> list[str] | str:
    """The requested numbers, or an error message."""
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return "body must be JSON"
    numbers = body.get("numbers") if isinstance(body, dict) else None
    if not isinstance(numbers, list) or not all(isinstance(n, str) and n.strip() for n in numbers):
        return 'body must be {"numbers": [string, ...]}'
    if not 1 <= len(numbers) <= MAX_NUMBERS:
        return f"between 1 and {MAX_NUMBERS} numbers per request, got {len(numbers)}"
    return numbers


def _wrong_shape(payload: dict[str, Any], variant: int) -> dict[str, Any]:
    """Valid JSON that breaks the contract the way real APIs do after an unannounced change."""
    if variant == 0:
        return {"data": {"items": payload["results"]}}
    broken = [dict(r, events=[{"when": "yesterday", "text": None}]) for r in payload["results"]]
    return dict(payload, results=broken)


def create_app(
    clock: Clock,
    *,
    epoch: datetime,
    demo: bool = False,
    fault_rate: float = 0.0,
    seed: int = 0,
    fault_delay_seconds: float = 30.0,
) -> FastAPI:
    if epoch.tzinfo is None:
        raise ValueError("epoch must be timezone-aware")
    faults = FaultInjector(fault_rate, seed)
    app = FastAPI(title="parceltrail sandbox carrier network", version="1.0")

    @app.get("/v1/health")
    async def health() -> dict[str, Any]:
        return {"status": "ok", "simulated": True, "demo": demo, "now": clock.now().isoformat(),
                "epoch": epoch.isoformat()}

    @app.get("/v1/scenarios")
    async def scenarios() -> dict[str, Any]:
        return {
            "scenarios": [
                {"name": name, "description": text, "test_number": TEST_NUMBERS[name]}
                for name, text in SCENARIOS.items()
            ]
        }

    @app.post("/v1/track")
    async def track(request: Request) -> Response:
        numbers = _parse_numbers(await request.body())
        if isinstance(numbers, str):
            return _error(400, "invalid_request", numbers)
        try:
            fault = faults.decide(request.headers.get(FAULT_HEADER))
        except UnknownFaultError as exc:
            return _error(400, "invalid_fault", str(exc))

        if fault is Fault.RATE_LIMITED:
            forced = FAULT_HEADER in request.headers
            retry_after = FORCED_RETRY_AFTER if forced else faults.randint(1, 120)
            return _error(429, "rate_limited", "Too many requests", {"Retry-After": str(retry_after)})
        if fault is Fault.SERVER_ERROR:
            return _error(500, "internal_error", "Internal server error")
        if fault is Fault.UNAVAILABLE:
            return _error(503, "unavailable", "Service temporarily unavailable", {"Retry-After": "60"})
        if fault is Fault.TIMEOUT:
            await asyncio.sleep(fault_delay_seconds)

        now = clock.now()
        payload: dict[str, Any] = {
            "simulated": True,  # every journey the sandbox tells is made up, demo or not
            "results": [_result_json(n, journey(n, epoch, demo=demo), now) for n in numbers],
        }
        if demo:
            payload["notice"] = DEMO_NOTICE
        if fault is Fault.TRUNCATED:
            body = json.dumps(payload, ensure_ascii=False).encode()
            return Response(body[: max(1, len(body) // 2)], media_type="application/json")
        if fault is Fault.WRONG_SHAPE:
            payload = _wrong_shape(payload, faults.randint(0, 1))
        return JSONResponse(payload)

    return app
