"""FedEx Track API v1 (apis.fedex.com): OAuth 2 client credentials (form), up to 30 numbers a request.

Event codes are "eventType|derivedStatusCode" (e.g. "AR|IT", "CC|IT"; just "DL" when both agree), most
specific first.
Scan times carry the scan location's UTC offset and are kept as given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
    alpha2,
    body_json,
    fetch_batches,
    join_location,
    maybe_json,
    need,
    opt,
    opt_text,
    parse_time,
    short,
    status_failure,
)
from parceltrail.adapters.carriers.oauth import OAuthClientCredentials, send_authorized
from parceltrail.adapters.carriers.spec import ConnectorSpec
from parceltrail.clock import Clock
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, RawEvent, TrackResult

DEFAULT_BASE_URL = "https://apis.fedex.com"
NAME = "FedEx"
MAX_NUMBERS = 30  # FedEx's documented limit per track request
AUTH_CODES = frozenset({"NOT.AUTHORIZED.ERROR", "FORBIDDEN.ERROR", "UNAUTHORIZED.ERROR"})


def _errors(doc: Any) -> list[tuple[str, str]]:
    if not isinstance(doc, dict) or not isinstance(doc.get("errors"), list):
        return []
    return [(str(e.get("code") or ""), str(e.get("message") or ""))
            for e in doc["errors"] if isinstance(e, dict)]


def _number_failure(code: str, message: str, number: str) -> Failure:
    """A per-number `error` inside completeTrackResults."""
    text = f"FedEx: {code} {message}".strip()
    if "NOTFOUND" in code.replace(".", "").upper() or "NOT.FOUND" in code.upper():
        return Failure(FailureKind.NOT_FOUND, f"FedEx does not know {number}: {short(message or code)}")
    if "INVALID" in code.upper() or "EMPTY" in code.upper():
        return Failure(FailureKind.PERMANENT, short(text))
    return Failure(RETRY, short(text))


def _parse_scan(raw: Any, where: str) -> RawEvent:
    if not isinstance(raw, dict):
        raise MalformedResponseError(f"{where}: scan event is not an object")
    text = opt_text(raw, "eventDescription", where) or opt_text(raw, "derivedStatus", where) or ""
    exception = opt_text(raw, "exceptionDescription", where)
    if exception and exception.lower() not in text.lower():
        text = f"{text} ({exception})" if text else exception
    event_type, derived = opt_text(raw, "eventType", where), opt_text(raw, "derivedStatusCode", where)
    if not text and not event_type:
        raise MalformedResponseError(f"{where}: scan event has neither description nor type")
    place = opt(raw, "scanLocation", dict, where) or {}
    city = opt_text(place, "city", where)
    country = opt_text(place, "countryCode", where)
    return RawEvent(
        occurred_at=parse_time(need(raw, "date", str, where), where),
        text=text,
        code="|".join(dict.fromkeys(c for c in (event_type, derived) if c)) or None,
        location=join_location(city, opt_text(place, "stateOrProvinceCode", where),
                               opt_text(place, "postalCode", where), country),
        country=alpha2(country),
        city=city,
        lang="en",
    )


def _country_of(result: Mapping[str, Any], key: str, where: str) -> str | None:
    holder = opt(result, key, dict, where) or {}
    address = opt(holder, "locationContactAndAddress", dict, where) or {}
    address = opt(address, "address", dict, where) or {}
    return alpha2(opt_text(address, "countryCode", where))


def _parse_complete(raw: Any) -> tuple[str, FetchOutcome]:
    number = need(raw, "trackingNumber", str, "completeTrackResult")
    where = f"FedEx {number}"
    results = need(raw, "trackResults", list, where)
    if not results:
        return number, Failure(FailureKind.NOT_FOUND, f"FedEx returned no result for {number}")
    good = [r for r in results if isinstance(r, dict) and not r.get("error")]
    if not good:
        first = results[0]
        error = need(first, "error", dict, where)
        return number, _number_failure(str(error.get("code") or ""), str(error.get("message") or ""), number)
    result = good[0]
    scans = opt(result, "scanEvents", list, where) or []
    events = [_parse_scan(s, f"{where} scan {i}") for i, s in enumerate(scans)]
    if not events:
        return number, Failure(FailureKind.NOT_FOUND, f"FedEx has no scans for {number} yet")
    return number, TrackResult(
        number=number,
        events=tuple(sorted(events, key=lambda e: e.occurred_at)),
        carrier_name=NAME,
        origin_country=_country_of(result, "originLocation", where),
        destination_country=_country_of(result, "destinationLocation", where),
        payload=raw,
    )


def parse_track(doc: Any, numbers: Sequence[str]) -> Outcomes:
    """A whole trackingnumbers body; MalformedResponseError unless every requested number is there."""
    output = need(doc, "output", dict, "body")
    complete = need(output, "completeTrackResults", list, "output")
    outcomes = dict(_parse_complete(r) for r in complete)
    missing = [n for n in numbers if n not in outcomes]
    if missing:
        raise MalformedResponseError(f"no result for {len(missing)} number(s), e.g. {missing[0]}")
    return {n: outcomes[n] for n in numbers}


class FedexConnector(HttpConnector):
    slug = "fedex"
    name = NAME
    max_batch = MAX_NUMBERS

    def __init__(self, api_key: str, secret_key: str, *, base_url: str = DEFAULT_BASE_URL,
                 client: httpx.Client | None = None, clock: Clock | None = None,
                 limiter: RequestPacer | None = None, timeout: float = DEFAULT_TIMEOUT) -> None:
        super().__init__(base_url, client=client, clock=clock, limiter=limiter, min_interval=0.5,
                         timeout=timeout)
        self.oauth = OAuthClientCredentials(f"{self.base_url}/oauth/token", api_key, secret_key,
                                            carrier=NAME, client=self._client, clock=clock, auth="form")
        self.requests = 0  # track requests sent (tests check batching)

    def fetch(self, numbers: Sequence[str]) -> Mapping[str, FetchOutcome]:
        return fetch_batches(numbers, MAX_NUMBERS, self._fetch_batch)

    def _fetch_batch(self, numbers: list[str]) -> Outcomes:
        limited = self.limiter.rate_limited(NAME)
        if limited:
            return all_fail(numbers, limited)
        body = {"includeDetailedScans": True,
                "trackingInfo": [{"trackingNumberInfo": {"trackingNumber": n}} for n in numbers]}

        def build(token: str) -> httpx.Request:
            return self._client.build_request("POST", f"{self.base_url}/track/v1/trackingnumbers", json=body,
                                              headers={"Authorization": f"Bearer {token}",
                                                       "X-locale": "en_US", "Accept": "application/json"})

        self.requests += 1
        resp = send_authorized(self.oauth, self._client, build)
        if isinstance(resp, Failure):
            return all_fail(numbers, resp)
        if resp.status_code != 200:
            if resp.status_code == 400 and len(numbers) > 1:
                # One bad number spoils the request: ask for each alone so only that one fails.
                split: Outcomes = {}
                for number in numbers:
                    split.update(self._fetch_batch([number]))
                return split
            return all_fail(numbers, self._error(resp))
        try:
            return parse_track(body_json(resp), numbers)
        except MalformedResponseError as exc:
            return all_fail(numbers, Failure(RETRY, f"FedEx malformed response: {exc}"))

    def _error(self, resp: httpx.Response) -> Failure:
        errors = _errors(maybe_json(resp))
        detail = "; ".join(f"{c} {m}".strip() for c, m in errors) or short(resp.text)
        if {c for c, _ in errors} & AUTH_CODES:
            return Failure(FailureKind.AUTH, f"FedEx refused the credentials (HTTP {resp.status_code}): "
                                             f"{short(detail)}")
        if resp.status_code == 404:  # the endpoint, not the number: numbers are reported per result
            return Failure(RETRY, f"FedEx endpoint not found (HTTP 404): {short(detail)}")
        return status_failure(resp, NAME, detail, self.clock)


SPEC = ConnectorSpec(
    slug="fedex", name="FedEx Track API", factory=lambda c: FedexConnector(
        c.values["FEDEX_API_KEY"], c.values["FEDEX_SECRET_KEY"], base_url=c.base_url, client=c.client,
        clock=c.clock),
    default_url=DEFAULT_BASE_URL, carriers=("fedex",), settings=("FEDEX_API_KEY", "FEDEX_SECRET_KEY"),
    basis="documentation", signup="free developer account at developer.fedex.com",
)
