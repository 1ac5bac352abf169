"""Correios (Brazil), proxyapp.correios.com.br/v1/sro-rastro/{code}: the key-less JSON behind the Correios
app and web "Rastreamento", one number a request.

- `objetos[0].eventos` lists the scans; an unknown or invalid object has `mensagem` (e.g. "SRO-019:
  Objeto inválido") and no `eventos`: not found.
- `dtHrCriado` is Brazilian wall time without an offset ("2021-12-10T15:26:59"): read as
  America/Sao_Paulo (the zone the Correios systems run on; Brazil has had no daylight saving time since
  2019, but older dates get the offset of their day). Some relays send it as an object
  {"date": "2025-03-03 23:30:03.000000", "timezone": "America/Sao_Paulo"}, which is read the same way.
- The event code is `codigo/tipo` ("BDE/01"): the code alone is not unique, its meaning depends on the
  type, as the Correios code table (status/codes/correios.toml) expects.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import httpx

from parceltrail.adapters.carriers.http import (
    MalformedResponseError,
    Outcomes,
    join_location,
    need,
    opt,
    opt_text,
)
from parceltrail.adapters.carriers.polite import KeylessConnector, Politeness
from parceltrail.adapters.carriers.spec import ConnectorConfig, ConnectorSpec
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, RawEvent, TrackResult

DEFAULT_BASE_URL = "https://proxyapp.correios.com.br"
NAME = "Correios"
SLUG = "correios"
HOME_ZONE = ZoneInfo("America/Sao_Paulo")


def parse_local(value: Any, where: str) -> datetime:
    """`dtHrCriado` as an aware datetime: local Brazilian time, string or {date, timezone} object."""
    zone = HOME_ZONE
    if isinstance(value, dict):
        text = need(value, "date", str, where)
        name = value.get("timezone")
        if isinstance(name, str) and name.strip():
            try:
                zone = ZoneInfo(name.strip())
            except (ZoneInfoNotFoundError, ValueError):
                raise MalformedResponseError(f"{where}: unknown time zone {name!r}") from None
    elif isinstance(value, str):
        text = value
    else:
        raise MalformedResponseError(f"{where}: 'dtHrCriado' is neither text nor an object")
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise MalformedResponseError(f"{where}: bad time {text!r}") from None
    return when if when.tzinfo else when.replace(tzinfo=zone)


def _unit(event: dict[str, Any], key: str, where: str) -> tuple[str | None, str | None]:
    unit = opt(event, key, dict, where) or {}
    address = opt(unit, "endereco", dict, where) or {}
    return opt_text(address, "cidade", where), opt_text(address, "uf", where)


def parse_event(raw: Any, where: str) -> RawEvent:
    if not isinstance(raw, dict):
        raise MalformedResponseError(f"{where}: evento is not an object")
    text = opt_text(raw, "descricao", where)
    if not text:
        raise MalformedResponseError(f"{where}: evento has no descricao")
    code = opt_text(raw, "codigo", where)
    kind = opt_text(raw, "tipo", where)
    city, state = _unit(raw, "unidade", where)
    return RawEvent(
        occurred_at=parse_local(need(raw, "dtHrCriado", (str, dict), where), where),
        text=text,
        code=f"{code}/{kind}" if code and kind else code,
        location=join_location(city, state, "BR") if city or state else None,
        country="BR" if city or state else None,
        city=city,
        lang="pt",
    )


def parse_body(doc: Any, number: str) -> FetchOutcome:
    where = f"Correios {number}"
    objects = need(doc, "objetos", list, "body")
    if not objects:
        return Failure(FailureKind.NOT_FOUND, f"Correios does not know {number}")
    item = next((o for o in objects if isinstance(o, dict) and str(o.get("codObjeto", "")).upper()
                 == number.upper()), objects[0])
    if not isinstance(item, dict):
        raise MalformedResponseError(f"{where}: objeto is not an object")
    events_raw = opt(item, "eventos", list, where)
    if not events_raw:
        message = opt_text(item, "mensagem", where) or "no events"
        return Failure(FailureKind.NOT_FOUND, f"Correios has no scans for {number} ({message})")
    events = sorted((parse_event(e, f"{where} evento {i}") for i, e in enumerate(events_raw)),
                    key=lambda e: e.occurred_at)
    postal = opt(item, "tipoPostal", dict, where) or {}
    service = opt_text(postal, "descricao", where)
    return TrackResult(number=number, events=tuple(events),
                       carrier_name=f"{NAME} ({service})" if service else NAME,
                       destination_country="BR", payload=item)


class CorreiosConnector(KeylessConnector):
    slug = SLUG
    name = NAME
    max_batch = 10
    batch_size = 1
    politeness = Politeness(min_interval=2.0, max_concurrent=1, base_backoff=60.0)

    def __init__(self, *, base_url: str = DEFAULT_BASE_URL, **options: Any) -> None:
        super().__init__(base_url, **options)

    def _request(self, numbers: list[str]) -> httpx.Response | Failure:
        request = self._client.build_request("GET", f"{self.base_url}/v1/sro-rastro/{numbers[0]}",
                                             headers={"Accept": "application/json"})
        return self._send(request)

    def _error(self, resp: httpx.Response) -> Failure:
        if resp.status_code == 404:  # the proxy answers 404 for numbers it has never seen
            return Failure(FailureKind.NOT_FOUND, "Correios does not know this number (HTTP 404)")
        return super()._error(resp)

    def _parse_batch(self, doc: Any, numbers: list[str]) -> Outcomes:
        return {numbers[0]: parse_body(doc, numbers[0])}


def _factory(config: ConnectorConfig) -> CorreiosConnector:
    return CorreiosConnector(base_url=config.base_url, client=config.client, clock=config.clock)


SPEC = ConnectorSpec(
    slug=SLUG, name="Correios rastreamento (key-less)", factory=_factory, default_url=DEFAULT_BASE_URL,
    carriers=("brazil-correios",), formats=("s10",), keyless=True,
    politeness=CorreiosConnector.politeness.describe(), basis="recorded traffic (one event only)",
)
