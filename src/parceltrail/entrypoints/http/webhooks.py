"""Push ingestion: carriers that push updates (17TRACK's webhook) instead of being polled."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from parceltrail.adapters.carriers.http import MalformedResponseError
from parceltrail.adapters.carriers.seventeentrack import InvalidSignatureError, parse_push
from parceltrail.bootstrap import Runtime
from parceltrail.entrypoints.http.errors import NATIVE_ERRORS, ApiError
from parceltrail.settings import Settings

SOURCE_17TRACK = "17track"


def router() -> APIRouter:
    api = APIRouter(prefix="/webhooks", tags=["webhooks"])

    @api.post("/17track", responses=NATIVE_ERRORS)
    async def push_17track(request: Request) -> Any:
        """17TRACK's push: the `sign` header must be SHA-256 over the raw body, "/" and the account key.
        Updates for numbers this installation tracks are ingested like a poll (stored once, classified,
        next leg followed); others are acknowledged and ignored, so 17TRACK does not retry them."""
        runtime: Runtime = request.app.state.runtime
        # Read per request: the operator may set or rotate the key without restarting the server.
        secret = Settings.from_env().seventeentrack_key
        key = secret.get_secret_value() if secret is not None else ""
        if not key:
            raise ApiError(404, "push_disabled", "17TRACK push is not configured on this server")
        body = await request.body()
        try:
            update = parse_push(body, request.headers.get("sign"), key)
        except InvalidSignatureError as error:
            raise ApiError(401, "invalid_signature", str(error)) from error
        except MalformedResponseError as error:
            raise ApiError(400, "malformed_push", " ".join(str(error).split())) from error
        accepted = runtime.tracker.accept_push(update.number, update.outcome, SOURCE_17TRACK,
                                                stopped=update.event != "TRACKING_UPDATED")
        return JSONResponse({"data": {"number": update.number, "event": update.event, "accepted": accepted}})

    return api
