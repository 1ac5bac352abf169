"""Politeness for key-less connectors: the public endpoints behind carriers' own tracking pages are shared
with their web visitors, so parceltrail asks gently.

Per connector: at most one request every `min_interval` seconds (`RequestPacer`), at most `max_concurrent`
requests in flight, a descriptive User-Agent, and a cool-down after HTTP 429/5xx (Retry-After when the
carrier gives one, else doubling from `base_backoff` up to `max_backoff`) during which no request is
sent at all: every number gets RETRY_LATER with the remaining wait, so the scheduler backs off too.

Answers that are not the JSON the endpoint documents (an HTML challenge or captcha page, a truncated or
malformed body) are RETRY_LATER with the reason; nothing is ever half parsed.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from parceltrail.adapters.carriers.http import (
    DEFAULT_TIMEOUT,
    RETRY,
    HttpConnector,
    MalformedResponseError,
    Outcomes,
    RequestPacer,
    all_fail,
    fetch_batches,
    loads,
    retry_after_seconds,
    send,
    short,
    status_failure,
)
from parceltrail.clock import Clock
from parceltrail.domain.connectors import Failure, FetchOutcome

KEYLESS_USER_AGENT = ("parceltrail/0.1 (self-hosted parcel tracking; polite: rate-limited, "
                      "+https://github.com/parceltrail/parceltrail)")


@dataclass(frozen=True, slots=True)
class Politeness:
    """How hard a key-less connector may use an endpoint (documented per connector in `carriers`)."""

    min_interval: float = 2.0  # seconds between two requests of this installation
    max_concurrent: int = 1  # requests in flight at once
    base_backoff: float = 60.0  # first cool-down after a 429/5xx without Retry-After
    max_backoff: float = 3600.0

    def describe(self) -> str:
        rate = 60.0 / self.min_interval if self.min_interval > 0 else float("inf")
        return (f"at most {rate:g} requests/min, {self.max_concurrent} at a time, cool-down "
                f"{self.base_backoff:g}s doubling to {self.max_backoff:g}s after 429/5xx")


class Cooldown:
    """The carrier asked us to slow down (429) or is failing (5xx): send nothing until the wait is over."""

    def __init__(self, policy: Politeness, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.policy = policy
        self._monotonic = monotonic
        self._until = float("-inf")
        self._last = 0.0
        self._lock = threading.Lock()

    def remaining(self) -> float:
        with self._lock:
            return max(0.0, self._until - self._monotonic())

    def trip(self, retry_after: float | None) -> float:
        """Start (or extend) a cool-down; returns its length in seconds."""
        with self._lock:
            doubled = min(self.policy.max_backoff, self._last * 2 if self._last else self.policy.base_backoff)
            wait = max(retry_after or 0.0, doubled)
            self._last = wait
            self._until = max(self._until, self._monotonic() + wait)
            return wait

    def reset(self) -> None:
        with self._lock:
            self._last = 0.0


def looks_like_html(resp: httpx.Response) -> bool:
    """Challenge and captcha pages come back as HTML, often with status 200."""
    kind = resp.headers.get("content-type", "").lower()
    head = resp.content[:512].lstrip().lower()
    return "html" in kind or head.startswith((b"<!doctype", b"<html"))


class KeylessConnector(HttpConnector):
    """Base of the key-less connectors: politeness around every request, and the common mapping of an
    answer to a Failure. Subclasses build the request (`_request`) and parse a JSON body (`_parse_batch`)."""

    max_batch = 1
    batch_size = 1  # numbers per request the endpoint takes
    politeness = Politeness()

    def __init__(self, base_url: str, *, client: httpx.Client | None = None, clock: Clock | None = None,
                 limiter: RequestPacer | None = None, politeness: Politeness | None = None,
                 timeout: float = DEFAULT_TIMEOUT, monotonic: Callable[[], float] = time.monotonic) -> None:
        policy = politeness or self.politeness
        super().__init__(base_url, client=client, clock=clock, limiter=limiter,
                         min_interval=policy.min_interval, timeout=timeout)
        self.politeness = policy
        self.cooldown = Cooldown(policy, monotonic)
        self._slots = threading.BoundedSemaphore(policy.max_concurrent)
        self.requests = 0

    def fetch(self, numbers: Sequence[str]) -> Mapping[str, FetchOutcome]:
        return fetch_batches(numbers, self.batch_size, self._fetch_chunk)

    def _fetch_chunk(self, numbers: list[str]) -> Outcomes:
        waiting = self.cooldown.remaining()
        if waiting > 0:
            return all_fail(numbers, Failure(RETRY, f"{self.name} asked us to slow down; next request in "
                                             f"{waiting:.0f}s", waiting))
        if not self._slots.acquire(timeout=self.limiter.max_wait):
            return all_fail(numbers, Failure(RETRY, f"{self.name}: {self.politeness.max_concurrent} "
                                             "request(s) already in flight", self.politeness.min_interval))
        try:
            limited = self.limiter.rate_limited(self.name)
            if limited:
                return all_fail(numbers, limited)
            self.requests += 1
            resp = self._request(numbers)
        finally:
            self._slots.release()
        if isinstance(resp, Failure):
            return all_fail(numbers, resp)
        return self._answer(resp, numbers)

    def _answer(self, resp: httpx.Response, numbers: list[str]) -> Outcomes:
        if resp.status_code == 429 or resp.status_code >= 500:
            failure = status_failure(resp, self.name, "", self.clock)
            wait = self.cooldown.trip(retry_after_seconds(resp.headers.get("Retry-After"), self.clock))
            return all_fail(numbers, Failure(RETRY, failure.reason, wait))
        if looks_like_html(resp):
            return all_fail(numbers, self._challenge(resp))
        if resp.status_code != 200:
            return all_fail(numbers, self._error(resp))
        try:
            doc = loads(resp.content)
            outcomes = self._parse_batch(doc, numbers)
        except MalformedResponseError as exc:
            return all_fail(numbers, Failure(RETRY, f"{self.name} malformed response: {exc}"))
        self.cooldown.reset()
        missing = [n for n in numbers if n not in outcomes]
        if missing:
            return all_fail(numbers, Failure(RETRY, f"{self.name} malformed response: no answer for "
                                             f"{missing[0]}"))
        return {n: outcomes[n] for n in numbers}

    def _challenge(self, resp: httpx.Response) -> Failure:
        """An HTML page where JSON was due: the site wants a browser check or a captcha."""
        return Failure(RETRY, f"{self.name} answered with an HTML page (HTTP {resp.status_code}), "
                       "probably a bot check; will retry later")

    def _error(self, resp: httpx.Response) -> Failure:
        return status_failure(resp, self.name, short(resp.text), self.clock)

    def _request(self, numbers: list[str]) -> httpx.Response | Failure:
        raise NotImplementedError

    def _parse_batch(self, doc: Any, numbers: list[str]) -> Outcomes:
        raise NotImplementedError

    def _send(self, request: httpx.Request) -> httpx.Response | Failure:
        request.headers["User-Agent"] = KEYLESS_USER_AGENT
        return send(self._client, request, self.name)
