"""An example parceltrail connector plugin: Yanwen's official tracking API (trackapi.yanwentech.com).

Request: GET {base}/api/tracking?nums=N1,N2 with the customer number in `Authorization`.
Answer: {code (0 = ok), message, result: [{tracking_number, tracking_status ("NOTFOUND" when unknown),
checkpoints: [{time_stamp (local, no offset), time_zone ("+8"), tracking_status, message, location}]}]}.
Each checkpoint's local time takes the offset in its own `time_zone`.

Everything a connector needs comes from parceltrail's carrier toolkit: the HTTP base class with its rate
limiter, strict field access, time parsing and the failure mapping (429/5xx -> retry later).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from parceltrail.adapters.carriers.http import (
    RETRY,
    HttpConnector,
    MalformedResponseError,
    Outcomes,
    all_fail,
    body_json,
    fetch_batches,
    need,
    opt,
    opt_text,
    parse_time,
    send,
    short,
    status_failure,
)
from parceltrail.adapters.carriers.spec import ConnectorConfig, ConnectorSpec
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, RawEvent, TrackResult

DEFAULT_BASE_URL = "http://trackapi.yanwentech.com"
NAME = "Yanwen"
BATCH = 20


def _offset(zone: str | None) -> str:
    """"+8" -> "+08:00"; Yanwen is in China, so a missing zone means UTC+8."""
    if not zone:
        return "+08:00"
    sign = "-" if zone.strip().startswith("-") else "+"
    hours = zone.strip().lstrip("+-")
    return f"{sign}{int(hours):02d}:00" if hours.isdigit() else zone


def parse_result(item: Any, number: str) -> FetchOutcome:
    where = f"Yanwen {number}"
    if opt_text(item, "tracking_status", where) == "NOTFOUND":
        return Failure(FailureKind.NOT_FOUND, f"Yanwen does not know {number}")
    events = []
    for index, raw in enumerate(opt(item, "checkpoints", list, where) or []):
        at = f"{where} checkpoint {index}"
        message = opt_text(raw, "message", at)
        if not message:
            raise MalformedResponseError(f"{at}: checkpoint has no message")
        local = _offset(opt_text(raw, "time_zone", at))
        events.append(RawEvent(
            occurred_at=parse_time(need(raw, "time_stamp", str, at), at, local), text=message,
            code=opt_text(raw, "tracking_status", at), location=opt_text(raw, "location", at)))
    if not events:
        return Failure(FailureKind.NOT_FOUND, f"Yanwen has no scans for {number} yet")
    return TrackResult(number=number, events=tuple(sorted(events, key=lambda e: e.occurred_at)),
                       carrier_name=NAME, payload=item)


class YanwenConnector(HttpConnector):
    slug = "yanwen"
    name = NAME
    max_batch = BATCH

    def __init__(self, customer_number: str, *, base_url: str = DEFAULT_BASE_URL, **options: Any) -> None:
        super().__init__(base_url, client=options.get("client"), clock=options.get("clock"),
                         limiter=options.get("limiter"), min_interval=1.0, timeout=15.0)
        self.customer_number = customer_number

    def fetch(self, numbers: Sequence[str]) -> Mapping[str, FetchOutcome]:
        return fetch_batches(numbers, BATCH, self._batch)

    def _batch(self, numbers: list[str]) -> Outcomes:
        limited = self.limiter.rate_limited(NAME)
        if limited:
            return all_fail(numbers, limited)
        request = self._client.build_request(
            "GET", f"{self.base_url}/api/tracking", params={"nums": ",".join(numbers)},
            headers={"Authorization": self.customer_number, "Accept": "application/json"})
        resp = send(self._client, request, NAME)
        if isinstance(resp, Failure):
            return all_fail(numbers, resp)
        if resp.status_code != 200:
            return all_fail(numbers, status_failure(resp, NAME, short(resp.text), self.clock))
        try:
            doc = body_json(resp)
            if need(doc, "code", int, "body") != 0:
                return all_fail(numbers, Failure(RETRY, f"Yanwen error: {short(str(doc.get('message')))}"))
            results = {str(r.get("tracking_number", "")).upper(): r
                       for r in need(doc, "result", list, "body") if isinstance(r, dict)}
            return {n: parse_result(results[n.upper()], n) if n.upper() in results
                    else Failure(FailureKind.NOT_FOUND, f"Yanwen does not know {n}") for n in numbers}
        except MalformedResponseError as exc:
            return all_fail(numbers, Failure(RETRY, f"Yanwen malformed response: {exc}"))


def _factory(config: ConnectorConfig) -> YanwenConnector:
    return YanwenConnector(config.values["YANWEN_CUSTOMER_NUMBER"], base_url=config.base_url,
                           client=config.client, clock=config.clock)


SPEC = ConnectorSpec(
    slug="yanwen", name="Yanwen tracking API (example plugin)", factory=_factory,
    default_url=DEFAULT_BASE_URL,
    carriers=("yanwen",), formats=("yanwen-yp", "yanwen-uy"), settings=("YANWEN_CUSTOMER_NUMBER",),
    basis="documentation", signup="a Yanwen customer number",
)
