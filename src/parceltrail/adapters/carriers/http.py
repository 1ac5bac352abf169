"""Shared plumbing for the real-carrier connectors: HTTP status -> typed failure, Retry-After, a simple
rate limiter, strict JSON/time parsing helpers, and the base of the pydantic models connectors read bodies
with (`Wire`, `parse_as`: a body not in the shape is a MalformedResponseError naming the field's path).

Connectors never raise to the engine: every problem becomes a `Failure` the scheduler understands.
"""

from __future__ import annotations

import email.utils
import json
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta, timezone
from typing import Annotated, Any, TypeVar

import httpx
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationError
from pydantic_core import PydanticCustomError

from parceltrail.clock import Clock, SystemClock
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome

Outcomes = dict[str, FetchOutcome]
RETRY = FailureKind.RETRY_LATER
DEFAULT_TIMEOUT = 15.0
USER_AGENT = "parceltrail (+self-hosted parcel tracking)"


class MalformedResponseError(ValueError):
    """The body is not the documented shape; the message says what is wrong."""


# --- response models -----------------------------------------------------------------------------

class Wire(BaseModel):
    """A carrier's JSON object as a connector reads it: only the fields it uses, checked strictly (a number
    where text is due is an error, never converted), everything else ignored."""

    model_config = ConfigDict(strict=True, frozen=True, extra="ignore")


M = TypeVar("M", bound=BaseModel)


def validation_message(error: ValidationError, at: str = "") -> str:
    """The first problem as `path.to.field: what is wrong`, with how many more there are; `at` is where
    the validated object sits in the body."""
    problems = error.errors(include_url=False, include_context=False, include_input=False)
    first = problems[0]
    path = ".".join([*([at] if at else []), *(str(part) for part in first["loc"])]) or "body"
    what = "Input should be an object" if first["type"] == "model_type" else first["msg"]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return f"{path}: {what}{more}"


def parse_as(model: type[M], doc: Any, at: str = "") -> M:
    """`doc` (decoded JSON, found at path `at` of the body) read as `model`, or MalformedResponseError
    naming the failing field."""
    try:
        return model.model_validate(doc)
    except ValidationError as error:
        raise MalformedResponseError(validation_message(error, at)) from None


def _blank_is_none(value: str | None) -> str | None:
    value = value.strip() if value else None
    return value or None


# A string field where carriers send "" (or spaces) for "not given": stripped, blank is None.
Text = Annotated[str | None, AfterValidator(_blank_is_none)]


def _number_as_text(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


# A code some carriers send as a number and others as text ("1" or 1): always text.
Code = Annotated[str, BeforeValidator(_number_as_text)]


def _coordinate(value: Any) -> float | None:
    return opt_float(value)


# Coordinates: carriers send numbers, numeric strings or null; anything unreadable is no coordinate.
Coordinate = Annotated[float | None, BeforeValidator(_coordinate)]


def time_field(offset: str | None = None, *, optional: bool = False) -> BeforeValidator:
    """An ISO-8601 time read into an aware datetime; a local time without an offset takes `offset` (and is
    an error without one). An `optional` one may be null or blank (None)."""

    def read(value: Any) -> Any:
        if optional and (value is None or (isinstance(value, str) and not value.strip())):
            return None
        if not isinstance(value, str):
            raise PydanticCustomError("string_type", "Input should be a valid string")
        try:
            return parse_time(value, "time", offset)
        except MalformedResponseError as error:
            raise PydanticCustomError("time", str(error).removeprefix("time: ")) from None

    return BeforeValidator(read)


def all_fail(numbers: Iterable[str], failure: Failure) -> Outcomes:
    return {n: failure for n in numbers}


def retry_after_seconds(value: str | None, clock: Clock | None = None) -> float | None:
    """Retry-After as seconds: delta-seconds or an HTTP date (relative to `clock`)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = (clock or SystemClock()).now()
    return max(0.0, (when - now).total_seconds())


def loads(content: bytes) -> Any:
    """Bytes as JSON, or MalformedResponseError."""
    try:
        return json.loads(content)
    except ValueError as exc:  # includes UnicodeDecodeError
        raise MalformedResponseError(f"body is not valid JSON ({exc})") from None


def body_json(resp: httpx.Response) -> Any:
    return loads(resp.content)


def maybe_json(resp: httpx.Response) -> Any:
    """Error bodies are informative only: never fail on them."""
    try:
        return json.loads(resp.content)
    except ValueError:
        return None


def short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def status_failure(resp: httpx.Response, carrier: str, detail: str = "",
                   clock: Clock | None = None) -> Failure:
    """Generic mapping of a non-2xx status; connectors refine it with the carrier's error codes first."""
    status = resp.status_code
    suffix = f": {short(detail)}" if detail else ""
    if status == 429:
        wait = retry_after_seconds(resp.headers.get("Retry-After"), clock)
        return Failure(RETRY, f"{carrier} rate limit reached (HTTP 429){suffix}", wait)
    if status in (401, 403):
        return Failure(FailureKind.AUTH, f"{carrier} refused the credentials (HTTP {status}){suffix}")
    if status == 404:
        return Failure(FailureKind.NOT_FOUND, f"{carrier} does not know this number (HTTP 404){suffix}")
    if status >= 500:
        wait = retry_after_seconds(resp.headers.get("Retry-After"), clock)
        return Failure(RETRY, f"{carrier} server error (HTTP {status}){suffix}", wait)
    if status >= 400:
        return Failure(FailureKind.PERMANENT, f"{carrier} rejected the request (HTTP {status}){suffix}")
    return Failure(RETRY, f"{carrier} answered with unexpected HTTP {status}{suffix}")


def send(client: httpx.Client, request: httpx.Request, carrier: str) -> httpx.Response | Failure:
    """Send one request; transport problems become RETRY_LATER."""
    try:
        return client.send(request)
    except httpx.TimeoutException as exc:
        return Failure(RETRY, f"{carrier} timed out ({type(exc).__name__})")
    except httpx.HTTPError as exc:  # connection refused/reset, protocol errors, ...
        return Failure(RETRY, f"{carrier} transport error: {type(exc).__name__}: {short(str(exc))}")


class RequestPacer:
    """At most one request every `min_interval` seconds per connector.

    A worker waits up to `max_wait` seconds for its turn; beyond that the caller gets the remaining wait
    back and turns it into RETRY_LATER instead of blocking the worker for long.
    """

    def __init__(self, min_interval: float, *, max_wait: float = 10.0,
                 monotonic: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.min_interval = min_interval
        self.max_wait = max_wait
        self._monotonic = monotonic
        self._sleep = sleep
        self._next = float("-inf")
        self._lock = threading.Lock()

    def acquire(self) -> float | None:
        """None once the caller may send; otherwise the seconds it would still have to wait."""
        with self._lock:
            now = self._monotonic()
            wait = self._next - now
            if wait > self.max_wait:
                return wait
            self._next = max(now, self._next) + self.min_interval
        if wait > 0:
            self._sleep(wait)
        return None

    def rate_limited(self, carrier: str) -> Failure | None:
        wait = self.acquire()
        if wait is None:
            return None
        return Failure(RETRY, f"{carrier} local rate limit: next request allowed in {wait:.0f}s", wait)


# --- strict field access -------------------------------------------------------------------------

def need(obj: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(obj, Mapping):
        raise MalformedResponseError(f"{where}: not an object")
    if key not in obj:
        raise MalformedResponseError(f"{where}: missing {key!r}")
    value = obj[key]
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise MalformedResponseError(f"{where}: {key!r} has the wrong type ({type(value).__name__})")
    return value


def opt(obj: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, kind) or isinstance(value, bool):
        raise MalformedResponseError(f"{where}: {key!r} has the wrong type ({type(value).__name__})")
    return value


def opt_text(obj: Mapping[str, Any], key: str, where: str) -> str | None:
    """A string field where carriers send "" for "not given"."""
    value = opt(obj, key, str, where)
    value = value.strip() if value else None
    return value or None


def alpha2(code: str | None) -> str | None:
    """An ISO 3166-1 alpha-2 country code, upper-cased; None for anything else (names, 3-letter codes)."""
    return code.upper() if code and len(code) == 2 else None


def opt_float(value: Any) -> float | None:
    """Coordinates: carriers send numbers, numeric strings or null."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


# --- times ---------------------------------------------------------------------------------------

def parse_offset(text: str, where: str) -> timezone:
    """"+08:00", "-0500", "Z", "UTC" -> a fixed offset."""
    raw = text.strip().upper()
    if raw in ("Z", "UTC", "GMT", "+00:00", "00:00"):
        return UTC
    if raw.startswith(("UTC", "GMT")):
        raw = raw[3:]
    sign = -1 if raw.startswith("-") else 1
    digits = raw.lstrip("+-").replace(":", "")
    if not digits.isdigit() or len(digits) not in (1, 2, 4):
        raise MalformedResponseError(f"{where}: bad UTC offset {text!r}")
    hours, minutes = (int(digits[:-2] or 0), int(digits[-2:])) if len(digits) == 4 else (int(digits), 0)
    if hours > 14 or minutes >= 60:
        raise MalformedResponseError(f"{where}: bad UTC offset {text!r}")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def parse_time(text: str, where: str, offset: str | None = None) -> datetime:
    """An ISO-8601 time; a local time without offset takes `offset`, which is then required."""
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise MalformedResponseError(f"{where}: bad time {text!r}") from None
    if when.tzinfo is None:
        if not offset:
            raise MalformedResponseError(f"{where}: time {text!r} has no UTC offset")
        when = when.replace(tzinfo=parse_offset(offset, where))
    return when


def join_location(*parts: str | None) -> str | None:
    text = ", ".join(p.strip() for p in parts if p and p.strip())
    return text or None


def stops_batch(failure: Failure) -> bool:
    """After refused credentials or a rate limit, the rest of a batch would fail the same way."""
    if failure.kind is FailureKind.AUTH:
        return True
    return failure.kind is RETRY and failure.retry_after_seconds is not None


def fetch_each(numbers: Iterable[str], one: Callable[[str], FetchOutcome]) -> Outcomes:
    """For one-number-per-request APIs: fetch in order, stop early when the rest cannot succeed."""
    unique = list(dict.fromkeys(numbers))
    outcomes: Outcomes = {}
    for index, number in enumerate(unique):
        outcome = one(number)
        outcomes[number] = outcome
        if isinstance(outcome, Failure) and stops_batch(outcome):
            outcomes.update(all_fail(unique[index + 1:], outcome))
            break
    return outcomes


def fetch_batches(numbers: Iterable[str], size: int, batch: Callable[[list[str]], Outcomes]) -> Outcomes:
    """For APIs that take several numbers a request: `batch` gets chunks of at most `size` distinct numbers
    (lenient with oversized calls)."""
    unique = list(dict.fromkeys(numbers))
    outcomes: Outcomes = {}
    for start in range(0, len(unique), size):
        outcomes.update(batch(unique[start:start + size]))
    return outcomes


def make_client(client: httpx.Client | None, timeout: float) -> tuple[httpx.Client, bool]:
    """The injected client, or a new one the connector owns (and closes)."""
    if client is not None:
        return client, False
    return httpx.Client(timeout=timeout, headers={"User-Agent": USER_AGENT}), True


# --- connector bases -----------------------------------------------------------------------------

class HttpConnector:
    """What every real-carrier connector holds: its base URL, the HTTP client (injected, or its own, which
    `close` closes), the clock for Retry-After dates and a rate limiter (by default one request every
    `min_interval` seconds)."""

    name: str  # the carrier as failure reasons name it

    def __init__(self, base_url: str, *, client: httpx.Client | None, clock: Clock | None,
                 limiter: RequestPacer | None, min_interval: float, timeout: float) -> None:
        self.base_url = base_url.rstrip("/")
        self._client, self._owns_client = make_client(client, timeout)
        self.clock = clock
        self.limiter = limiter or RequestPacer(min_interval)

    def close(self) -> None:
        if self._owns_client:
            self._client.close()


class PerNumberConnector(HttpConnector):
    """A connector for an API that takes one number a request (USPS, UPS, DHL).

    Each number waits for the rate limiter, is sent (`_send`), and gets either the carrier's mapping of a
    non-200 answer (`_error`) or its parsed 200 body (`_parse`); a body not in the documented shape is
    RETRY_LATER. `fetch_each` stops the batch early when the rest cannot succeed.
    """

    def fetch(self, numbers: Sequence[str]) -> Mapping[str, FetchOutcome]:
        return fetch_each(numbers, self._fetch_one)

    def _fetch_one(self, number: str) -> FetchOutcome:
        limited = self.limiter.rate_limited(self.name)
        if limited:
            return limited
        resp = self._send(number)
        if isinstance(resp, Failure):
            return resp
        if resp.status_code != 200:
            return self._error(resp, number)
        try:
            return self._parse(body_json(resp), number)
        except MalformedResponseError as exc:
            return Failure(RETRY, f"{self.name} malformed response: {exc}")

    def _send(self, number: str) -> httpx.Response | Failure:
        """Send the tracking request for `number` (transport problems as a Failure)."""
        raise NotImplementedError

    def _error(self, resp: httpx.Response, number: str) -> Failure:
        """The failure for a non-200 answer."""
        raise NotImplementedError

    def _parse(self, doc: Any, number: str) -> FetchOutcome:
        """The outcome of a 200 body; MalformedResponseError if it is not the documented shape."""
        raise NotImplementedError
