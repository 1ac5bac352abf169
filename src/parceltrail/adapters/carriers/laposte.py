"""La Poste / Colissimo tracking, Okapi "Suivi" v2 (api.laposte.fr/suivi/v2/idships/{ids}): official, free
developer key in `X-Okapi-Key`; several numbers a request, comma-joined, answered as a JSON array.

- Each item has its own `returnCode` (200 found; 400 invalid number; 404 unknown) and `returnMessage`.
- `shipment.event[]` has `code` (DI1 delivered, ET1 in transit, ... : the Colissimo/La Poste code tables
  in status/codes apply), `label` and `date`: ISO-8601 with an offset. The recorded offsets are French
  time even for scans in the destination country, so the instant is exact and the offset is La Poste's.
- `contextData.originCountry` / `arrivalCountry` give the lane.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import httpx
from pydantic import model_validator

from parceltrail.adapters.carriers.http import (
    DEFAULT_TIMEOUT,
    RETRY,
    Code,
    HttpConnector,
    MalformedResponseError,
    Outcomes,
    RequestPacer,
    Text,
    Wire,
    all_fail,
    alpha2,
    body_json,
    fetch_batches,
    maybe_json,
    parse_as,
    send,
    short,
    status_failure,
    time_field,
)
from parceltrail.adapters.carriers.spec import ConnectorConfig, ConnectorSpec
from parceltrail.clock import Clock
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, RawEvent, TrackResult

DEFAULT_BASE_URL = "https://api.laposte.fr"
NAME = "La Poste"
SLUG = "laposte"
BATCH = 10


# --- the body, as the connector reads it -------------------------------------------------------------

class Event(Wire):
    """One scan of a shipment's `event`."""

    date: Annotated[datetime, time_field()]
    label: Text = None
    code: Text = None

    @model_validator(mode="after")
    def _has_label(self) -> Event:
        if not self.label:
            raise ValueError("event has no label")
        return self


class ContextData(Wire):
    originCountry: Text = None
    arrivalCountry: Text = None


class Shipment(Wire):
    idShip: Text = None
    product: Text = None
    event: list[Event] | None = None
    contextData: ContextData | None = None


class Item(Wire):
    """One number's answer: the whole body for one number, or an entry of the list for several."""

    returnCode: Code | None = None
    returnMessage: Text = None
    idShip: Text = None
    shipment: Shipment | None = None

    @property
    def number(self) -> str | None:
        value = self.shipment.idShip if self.shipment else self.idShip
        return value.upper() if value else None


# --- the body, as parceltrail's outcomes ---------------------------------------------------------------

def outcome_of(item: Item, raw: Any, number: str, at: str = "") -> FetchOutcome:
    code = item.returnCode
    message = item.returnMessage or ""
    if code in ("400", "404"):
        kind = FailureKind.NOT_FOUND if code == "404" else FailureKind.PERMANENT
        return Failure(kind, f"La Poste: {short(message) or f'return code {code}'}")
    if code != "200":
        return Failure(RETRY, f"La Poste return code {code}: {short(message)}")
    shipment = item.shipment
    if shipment is None:
        raise MalformedResponseError(f"{at + '.' if at else ''}shipment: Field required")
    events = [RawEvent(occurred_at=e.date, text=e.label or "", code=e.code, lang="fr")
              for e in shipment.event or []]
    if not events:
        return Failure(FailureKind.NOT_FOUND, f"La Poste has no scans for {number} yet")
    context = shipment.contextData or ContextData()
    product = shipment.product
    return TrackResult(number=number, events=tuple(sorted(events, key=lambda e: e.occurred_at)),
                       carrier_name=f"{NAME} ({product})" if product else NAME,
                       origin_country=alpha2(context.originCountry),
                       destination_country=alpha2(context.arrivalCountry),
                       payload=raw["shipment"])


def parse_item(raw: Any, number: str, at: str = "") -> FetchOutcome:
    """One number's answer as decoded JSON (`at`: where it sits in the body)."""
    return outcome_of(parse_as(Item, raw, at), raw, number, at)


def parse_body(doc: Any, numbers: list[str]) -> Outcomes:
    raws = doc if isinstance(doc, list) else [doc]
    places = [str(i) for i in range(len(raws))] if isinstance(doc, list) else [""]
    items = [(parse_as(Item, raw, at), raw, at) for raw, at in zip(raws, places, strict=True)]
    by_number = {n: entry for entry in items if (n := entry[0].number)}
    outcomes: Outcomes = {}
    for number in numbers:
        found = by_number.get(number.upper())
        if found is None and len(items) == 1 and len(numbers) == 1:
            found = items[0]  # an error item may echo the number differently (or not at all)
        outcomes[number] = (outcome_of(found[0], found[1], number, found[2]) if found is not None
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
