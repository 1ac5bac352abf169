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
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import httpx
from pydantic import BeforeValidator, model_validator
from pydantic_core import PydanticCustomError

from parceltrail.adapters.carriers.http import (
    Code,
    Outcomes,
    Text,
    Wire,
    join_location,
    parse_as,
)
from parceltrail.adapters.carriers.polite import KeylessConnector, Politeness
from parceltrail.adapters.carriers.spec import ConnectorConfig, ConnectorSpec
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, RawEvent, TrackResult

DEFAULT_BASE_URL = "https://proxyapp.correios.com.br"
NAME = "Correios"
SLUG = "correios"
HOME_ZONE = ZoneInfo("America/Sao_Paulo")


def parse_local(value: Any) -> datetime:
    """`dtHrCriado` as an aware datetime: local Brazilian time, string or {date, timezone} object."""
    zone = HOME_ZONE
    if isinstance(value, dict):
        text = value.get("date")
        if not isinstance(text, str):
            raise PydanticCustomError("date", "'date' should be a valid string")
        name = value.get("timezone")
        if isinstance(name, str) and name.strip():
            try:
                zone = ZoneInfo(name.strip())
            except (ZoneInfoNotFoundError, ValueError):
                raise PydanticCustomError("zone", "unknown time zone {name}", {"name": repr(name)}) from None
    elif isinstance(value, str):
        text = value
    else:
        raise PydanticCustomError("local_time", "Input should be text or a {date, timezone} object")
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise PydanticCustomError("time", "bad time {text}", {"text": repr(text)}) from None
    return when if when.tzinfo else when.replace(tzinfo=zone)


# --- the body, as the connector reads it -------------------------------------------------------------

class Endereco(Wire):
    cidade: Text = None
    uf: Text = None


class Unidade(Wire):
    endereco: Endereco | None = None


class Evento(Wire):
    """One scan of an objeto's `eventos`."""

    dtHrCriado: Annotated[datetime, BeforeValidator(parse_local)]
    descricao: Text = None
    codigo: Text = None
    tipo: Text = None
    unidade: Unidade | None = None

    @model_validator(mode="after")
    def _has_text(self) -> Evento:
        if not self.descricao:
            raise ValueError("evento has no descricao")
        return self


class TipoPostal(Wire):
    descricao: Text = None


class Objeto(Wire):
    codObjeto: Code | None = None
    eventos: list[Evento] | None = None
    mensagem: Text = None
    tipoPostal: TipoPostal | None = None


class Body(Wire):
    objetos: list[Objeto]


# --- the body, as parceltrail's outcomes ---------------------------------------------------------------

def event_of(evento: Evento) -> RawEvent:
    address = (evento.unidade.endereco if evento.unidade else None) or Endereco()
    city, state = address.cidade, address.uf
    code, kind = evento.codigo, evento.tipo
    assert evento.descricao is not None  # the model refuses an evento without text
    return RawEvent(
        occurred_at=evento.dtHrCriado,
        text=evento.descricao,
        code=f"{code}/{kind}" if code and kind else code,
        location=join_location(city, state, "BR") if city or state else None,
        country="BR" if city or state else None,
        city=city,
        lang="pt",
    )


def parse_body(doc: Any, number: str) -> FetchOutcome:
    body = parse_as(Body, doc)
    if not body.objetos:
        return Failure(FailureKind.NOT_FOUND, f"Correios does not know {number}")
    index = next((i for i, o in enumerate(body.objetos) if (o.codObjeto or "").upper() == number.upper()), 0)
    item = body.objetos[index]
    if not item.eventos:
        message = item.mensagem or "no events"
        return Failure(FailureKind.NOT_FOUND, f"Correios has no scans for {number} ({message})")
    events = sorted((event_of(e) for e in item.eventos), key=lambda e: e.occurred_at)
    service = item.tipoPostal.descricao if item.tipoPostal else None
    return TrackResult(number=number, events=tuple(events),
                       carrier_name=f"{NAME} ({service})" if service else NAME,
                       destination_country="BR", payload=doc["objetos"][index])


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
