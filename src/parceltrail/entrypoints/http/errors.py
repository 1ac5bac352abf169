"""JSON errors with stable codes: bad input is a 4xx, never a traceback.

Native routes answer `{"error": {"code", "message"}}`; AfterShip-compatible routes (under /tracking/)
answer AfterShip's envelope `{"meta": {"code", "message", "type"}, "data": {}}` with its numeric codes.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from parceltrail.domain.accounts import InvalidCursorError, TrackingExistsError
from parceltrail.domain.errors import InputError, NotFoundError, UnknownCarrierError, UnrecognizedNumberError
from parceltrail.numbers import InvalidNumberError

log = logging.getLogger(__name__)

AFTERSHIP_PREFIX = "/tracking/"

# HTTP status -> AfterShip meta.type
_TYPES = {400: "BadRequest", 401: "Unauthorized", 403: "Forbidden", 404: "NotFound", 405: "MethodNotAllowed",
          413: "BadRequest", 415: "BadRequest", 422: "BadRequest", 429: "TooManyRequests",
          500: "InternalError"}


class ApiError(Exception):
    """An error answer: HTTP status, a stable native code, and AfterShip's numeric meta.code."""

    def __init__(self, status: int, code: str, message: str, *, meta_code: int | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.meta_code = meta_code if meta_code is not None else status
        self.headers = headers or {}


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    """The native API's error answer."""

    error: ErrorDetail


class AfterShipMeta(BaseModel):
    code: int
    message: str
    type: str


class AfterShipErrorBody(BaseModel):
    """The AfterShip-compatible API's error answer."""

    meta: AfterShipMeta
    data: dict[str, Any]


def _responses(model: type[BaseModel], statuses: tuple[int, ...]) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": model, "description": _TYPES.get(status, "Error")} for status in statuses}


NATIVE_ERRORS = _responses(ErrorBody, (400, 401, 403, 404, 409, 413, 422, 429))
AFTERSHIP_ERRORS = _responses(AfterShipErrorBody, (400, 401, 403, 404, 413, 429))


def native_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def aftership_body(status: int, meta_code: int, message: str) -> dict[str, Any]:
    # AfterShip's 4xxx input errors are all of type BadRequest, even 4004 (HTTP 404).
    kind = "BadRequest" if meta_code >= 4000 else _TYPES.get(status, "BadRequest")
    return {"meta": {"code": meta_code, "message": message, "type": kind}, "data": {}}


def error_response(path: str, error: ApiError) -> JSONResponse:
    if path.startswith(AFTERSHIP_PREFIX):
        # AfterShip answers every 4xxx input error with HTTP 400 (4004 "does not exist" with 404).
        status = 400 if error.status in (409, 422) else error.status
        return JSONResponse(aftership_body(status, error.meta_code, error.message), status_code=status,
                            headers=error.headers)
    return JSONResponse(native_body(error.code, error.message), status_code=error.status,
                        headers=error.headers)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def from_input_error(error: Exception) -> ApiError:
    """The answer to a domain error caused by the caller's input."""
    message = _one_line(str(error))
    if isinstance(error, TrackingExistsError):
        return ApiError(409, error.code, message, meta_code=4003)
    if isinstance(error, NotFoundError):
        return ApiError(404, error.code, message, meta_code=4004)
    if isinstance(error, UnknownCarrierError):
        return ApiError(400, error.code, message, meta_code=4010)
    if isinstance(error, UnrecognizedNumberError):
        return ApiError(400, error.code, message, meta_code=4012)
    if isinstance(error, InvalidNumberError):
        return ApiError(400, "invalid_number", message, meta_code=4005)
    if isinstance(error, InvalidCursorError):
        return ApiError(400, error.code, message, meta_code=4008)
    code = error.code if isinstance(error, InputError) else "invalid_input"
    return ApiError(400, code, message, meta_code=400)


def _validation_error(error: RequestValidationError) -> ApiError:
    problems = error.errors()
    first = problems[0] if problems else {}
    kind = str(first.get("type", ""))
    loc = [str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path", "header")]
    where = ".".join(loc) or "body"
    message = f"{where}: {first.get('msg', 'invalid')}"
    if kind == "json_invalid" or (kind == "model_attributes_type" and not loc):
        return ApiError(400, "invalid_json", "Invalid JSON data.", meta_code=4001)
    if kind == "missing":
        meta = 4007 if loc and loc[-1] == "tracking_number" else 4009
        return ApiError(422, "validation_error", f"`{where}` is required.", meta_code=meta)
    meta = 4005 if loc and loc[0] == "tracking_number" else 4008
    return ApiError(422, "validation_error", _one_line(message)[:500], meta_code=meta)


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(request: Request, error: ApiError) -> JSONResponse:
        return error_response(request.url.path, error)

    @app.exception_handler(InputError)
    async def _input(request: Request, error: InputError) -> JSONResponse:
        return error_response(request.url.path, from_input_error(error))

    @app.exception_handler(InvalidNumberError)
    async def _number(request: Request, error: InvalidNumberError) -> JSONResponse:
        return error_response(request.url.path, from_input_error(error))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, error: RequestValidationError) -> JSONResponse:
        return error_response(request.url.path, _validation_error(error))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(error.status_code, "http_error")
        message = "The URI requested is invalid or the resource does not exist." \
            if error.status_code == 404 else _one_line(str(error.detail))
        return error_response(request.url.path, ApiError(error.status_code, code, message,
                                                         headers=dict(error.headers or {})))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=error)
        return error_response(request.url.path, ApiError(500, "internal_error", "Something went wrong."))
