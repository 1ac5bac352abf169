"""Royal Mail Tracking API v2 (api.royalmail.net/mailpieces/v2/{id}/events): official, free developer
credentials (IBM client id and secret headers, and `X-Accept-RMG-Terms: yes`), one number a request.
Built from Royal Mail's documentation example.

- `mailPieces.events[]` has `eventCode`, `eventName`, `eventDateTime` (ISO-8601 with the UK offset) and
  `locationName`; `summary` gives the product and ISO 3166 alpha-3 countries.
- Errors come as {httpCode, httpMessage, errors[{errorCode, errorDescription, ...}]}; E1142 and E1144 say
  the number is not (yet) known.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import httpx
from pydantic import model_validator

from parceltrail.adapters.carriers.http import (
    DEFAULT_TIMEOUT,
    PerNumberConnector,
    RequestPacer,
    Text,
    Wire,
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

DEFAULT_BASE_URL = "https://api.royalmail.net"
NAME = "Royal Mail"
SLUG = "royal-mail"
_NOT_FOUND_CODES = {"E1142", "E1144", "E1283"}
_ALPHA3 = {"GBR": "GB", "USA": "US", "CHN": "CN", "FRA": "FR", "DEU": "DE", "NLD": "NL", "ESP": "ES",
           "IRL": "IE"}


def _errors(doc: Any) -> list[tuple[str, str]]:
    if not isinstance(doc, dict):
        return []
    found = []
    for error in doc.get("errors") or []:
        if isinstance(error, dict):
            found.append((str(error.get("errorCode") or ""), str(error.get("errorDescription") or "")))
    return found


# --- the body, as the connector reads it -------------------------------------------------------------

class Event(Wire):
    """One scan of `mailPieces.events`."""

    eventDateTime: Annotated[datetime, time_field()]
    eventName: Text = None
    eventCode: Text = None
    locationName: Text = None

    @model_validator(mode="after")
    def _has_name(self) -> Event:
        if not self.eventName:
            raise ValueError("event has no eventName")
        return self


class Summary(Wire):
    productName: Text = None
    originCountryCode: Text = None
    destinationCountryCode: Text = None


class MailPieces(Wire):
    events: list[Event] | None = None
    summary: Summary | None = None


class Body(Wire):
    mailPieces: MailPieces


# --- the body, as parceltrail's outcomes ---------------------------------------------------------------

def parse_body(doc: Any, number: str) -> FetchOutcome:
    pieces = parse_as(Body, doc).mailPieces
    events = [RawEvent(occurred_at=e.eventDateTime, text=e.eventName or "", code=e.eventCode,
                       location=e.locationName, city=e.locationName, lang="en") for e in pieces.events or []]
    if not events:
        return Failure(FailureKind.NOT_FOUND, f"Royal Mail has no scans for {number} yet")
    summary = pieces.summary or Summary()
    product = summary.productName
    return TrackResult(number=number, events=tuple(sorted(events, key=lambda e: e.occurred_at)),
                       carrier_name=f"{NAME} ({product})" if product else NAME,
                       origin_country=_ALPHA3.get(summary.originCountryCode or ""),
                       destination_country=_ALPHA3.get(summary.destinationCountryCode or ""),
                       payload=doc["mailPieces"])


class RoyalMailConnector(PerNumberConnector):
    slug = SLUG
    name = NAME
    max_batch = 10

    def __init__(self, client_id: str, client_secret: str, *, base_url: str = DEFAULT_BASE_URL,
                 client: httpx.Client | None = None, clock: Clock | None = None,
                 limiter: RequestPacer | None = None, timeout: float = DEFAULT_TIMEOUT) -> None:
        super().__init__(base_url, client=client, clock=clock, limiter=limiter, min_interval=0.5,
                         timeout=timeout)
        self.client_id = client_id
        self.client_secret = client_secret

    def _send(self, number: str) -> httpx.Response | Failure:
        request = self._client.build_request(
            "GET", f"{self.base_url}/mailpieces/v2/{number}/events",
            headers={"X-IBM-Client-Id": self.client_id, "X-IBM-Client-Secret": self.client_secret,
                     "X-Accept-RMG-Terms": "yes", "Accept": "application/json"})
        return send(self._client, request, NAME)

    def _error(self, resp: httpx.Response, number: str) -> Failure:
        errors = _errors(maybe_json(resp))
        detail = "; ".join(f"{code} {text}".strip() for code, text in errors) or short(resp.text)
        if any(code in _NOT_FOUND_CODES for code, _ in errors):
            return Failure(FailureKind.NOT_FOUND, f"Royal Mail does not know {number}: {short(detail)}")
        return status_failure(resp, NAME, detail, self.clock)

    def _parse(self, doc: Any, number: str) -> FetchOutcome:
        return parse_body(doc, number)


def _factory(config: ConnectorConfig) -> RoyalMailConnector:
    return RoyalMailConnector(config.values["ROYALMAIL_CLIENT_ID"], config.values["ROYALMAIL_CLIENT_SECRET"],
                              base_url=config.base_url, client=config.client, clock=config.clock)


SPEC = ConnectorSpec(
    slug=SLUG, name="Royal Mail Tracking API v2", factory=_factory, default_url=DEFAULT_BASE_URL,
    carriers=("royal-mail",), formats=("s10",), settings=("ROYALMAIL_CLIENT_ID", "ROYALMAIL_CLIENT_SECRET"),
    basis="documentation", signup="free developer account at developer.royalmail.net",
)
