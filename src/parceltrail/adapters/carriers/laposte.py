"""La Poste / Colissimo tracking, Okapi "Suivi" v2 (api.laposte.fr/suivi/v2/idships/{ids}): official, free
developer key in `X-Okapi-Key`; several numbers a request, comma-joined, answered as a JSON array.

- Each item has its own `returnCode` (200 found; 400 invalid number; 404 unknown) and `returnMessage`.
- `shipment.event[]` has `code` (DI1 delivered, ET1 in transit, ... : the Colissimo/La Poste code tables
  in status/codes apply), `label` and `date`: ISO-8601 with an offset. The recorded offsets are French
  time even for scans in the destination country, so the instant is exact and the offset is La Poste's.
- `contextData.originCountry` / `arrivalCountry` give the lane.
"""

from __future__ import annotations

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
    maybe_json,
    need,
    opt,
    opt_text,
    parse_time,
    send,
    short,
    status_failure,
)
from parceltrail.adapters.carriers.spec import ConnectorConfig, ConnectorSpec
from parceltrail.clock import Clock
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, RawEvent, TrackResult

DEFAULT_BASE_URL = "https://api.laposte.fr"
NAME = "La Poste"
SLUG = "laposte"
BATCH = 10


def parse_item(item: Any, number: str) -> FetchOutcome:
    where = f"La Poste {number}"
    if not isinstance(item, dict):
        raise MalformedResponseError(f"{where}: item is not an object")
    code = item.get("returnCode")
    message = opt_text(item, "returnMessage", where) or ""
    if code in (400, 404, "400", "404"):
        kind = FailureKind.NOT_FOUND if str(code) == "404" else FailureKind.PERMANENT
        return Failure(kind, f"La Poste: {short(message) or f'return code {code}'}")
    if str(code) != "200":
        return Failure(RETRY, f"La Poste return code {code}: {short(message)}")
    shipment = need(item, "shipment", dict, where)
    events = []
    for index, raw in enumerate(opt(shipment, "event", list, where) or []):
        at = f"{where} event {index}"
        label = opt_text(raw, "label", at)
        if not label:
            raise MalformedResponseError(f"{at}: event has no label")
        events.append(RawEvent(occurred_at=parse_time(need(raw, "date", str, at), at), text=label,
                               code=opt_text(raw, "code", at), lang="fr"))
    if not events:
        return Failure(FailureKind.NOT_FOUND, f"La Poste has no scans for {number} yet")
    context = opt(shipment, "contextData", dict, where) or {}
    product = opt_text(shipment, "product", where)
    return TrackResult(number=number, events=tuple(sorted(events, key=lambda e: e.occurred_at)),
                       carrier_name=f"{NAME} ({product})" if product else NAME,
                       origin_country=alpha2(opt_text(context, "originCountry", where)),
                       destination_country=alpha2(opt_text(context, "arrivalCountry", where)),
                       payload=shipment)


def _item_number(item: Any) -> str | None:
    if not isinstance(item, dict):
        return None
    shipment = item.get("shipment")
    value = shipment.get("idShip") if isinstance(shipment, dict) else item.get("idShip")
    return value.strip().upper() if isinstance(value, str) else None


def parse_body(doc: Any, numbers: list[str]) -> Outcomes:
    items = doc if isinstance(doc, list) else [doc]
    by_number = {n: item for item in items if (n := _item_number(item))}
    outcomes: Outcomes = {}
    for number in numbers:
        item = by_number.get(number.upper())
        if item is None and len(items) == 1 and len(numbers) == 1:
            item = items[0]  # an error item may echo the number differently (or not at all)
        outcomes[number] = (parse_item(item, number) if item is not None
                            else Failure(RETRY, f"La Poste sent no answer for {number}"))
    return outcomes


class LaPosteConnector(HttpConnector):
    slug = SLUG
    name = NAME
    max_batch = BATCH

    def __init__(self, api_key: str, *, base_url: str = DEFAULT_BASE_URL, client: httpx.Client | None = None,
                 clock: Clock | None = None, limiter: RequestPacer | None = None, language: str = "fr_FR",
                 timeout: float = DEFAULT_TIMEOUT) -> None:
        super().__init__(base_url, client=client, clock=clock, limiter=limiter, min_interval=0.2,
                         timeout=timeout)
        self.api_key = api_key
        self.language = language

    def fetch(self, numbers: list[str]) -> Outcomes:  # type: ignore[override]
        return fetch_batches(numbers, BATCH, self._batch)

    def _batch(self, numbers: list[str]) -> Outcomes:
        limited = self.limiter.rate_limited(NAME)
        if limited:
            return all_fail(numbers, limited)
        request = self._client.build_request(
            "GET", f"{self.base_url}/suivi/v2/idships/{','.join(numbers)}", params={"lang": self.language},
            headers={"X-Okapi-Key": self.api_key, "Accept": "application/json"})
        resp = send(self._client, request, NAME)
        if isinstance(resp, Failure):
            return all_fail(numbers, resp)
        if resp.status_code in (400, 404) and len(numbers) == 1:
            doc = maybe_json(resp)
            if isinstance(doc, dict) and "returnCode" in doc:  # the per-number answer, as the whole body
                return {numbers[0]: parse_item(doc, numbers[0])}
        if resp.status_code not in (200, 207):
            doc = maybe_json(resp)
            detail = (str(doc.get("returnMessage") or doc.get("message") or "")
                      if isinstance(doc, dict) else "")
            return all_fail(numbers, status_failure(resp, NAME, detail or short(resp.text), self.clock))
        try:
            return parse_body(body_json(resp), numbers)
        except MalformedResponseError as exc:
            return all_fail(numbers, Failure(RETRY, f"La Poste malformed response: {exc}"))


def _factory(config: ConnectorConfig) -> LaPosteConnector:
    return LaPosteConnector(config.values["LAPOSTE_OKAPI_KEY"], base_url=config.base_url,
                            client=config.client, clock=config.clock)


SPEC = ConnectorSpec(
    slug=SLUG, name="La Poste / Colissimo Suivi v2 (Okapi)", factory=_factory, default_url=DEFAULT_BASE_URL,
    carriers=("la-poste-colissimo",), formats=("s10",), settings=("LAPOSTE_OKAPI_KEY",),
    basis="recorded traffic", signup="free key from developer.laposte.fr (Suivi API)",
)
