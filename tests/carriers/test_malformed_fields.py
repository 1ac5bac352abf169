"""A carrier answer with one field of the wrong kind is a typed failure that names the field by its path
in the body: each case takes a real recording, corrupts one field the connector reads, serves it over
loopback HTTP and fetches through the connector."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from parceltrail.adapters.carriers.australiapost import AustraliaPostConnector
from parceltrail.adapters.carriers.cainiao import CainiaoConnector
from parceltrail.adapters.carriers.correios import CorreiosConnector
from parceltrail.adapters.carriers.dhl import DhlConnector
from parceltrail.adapters.carriers.fedex import FedexConnector
from parceltrail.adapters.carriers.fourpx import FourPxConnector
from parceltrail.adapters.carriers.http import RequestPacer
from parceltrail.adapters.carriers.laposte import LaPosteConnector
from parceltrail.adapters.carriers.postnl import PostNlConnector
from parceltrail.adapters.carriers.royalmail import RoyalMailConnector
from parceltrail.adapters.carriers.seventeentrack import SeventeenTrackConnector
from parceltrail.adapters.carriers.ups import UpsConnector
from parceltrail.adapters.carriers.usps import UspsConnector
from parceltrail.adapters.carriers.yunexpress import YunExpressConnector
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, TrackResult

from .replay import Answer, ReplayServer, cainiao_body, recorded

NEVER_WAIT = RequestPacer(0.0, sleep=lambda _: None)
OWN_RECORDINGS = Path(__file__).parent / "recorded"  # bodies shaped like the carriers' documented examples
JSON = {"content-type": "application/json"}


@pytest.fixture
def server() -> Iterator[ReplayServer]:
    with ReplayServer().running() as replay:
        yield replay


@dataclass(frozen=True)
class Case:
    """A recording, where to serve it, how to corrupt it, and what the failure must say."""

    number: str
    path: str
    body: Callable[[], Any]
    corrupt: Callable[[Any], None]
    says: str
    fetch: Callable[[ReplayServer, str], FetchOutcome]
    token: tuple[str, str] | None = None  # (path, recording) of the OAuth token endpoint, if any


def _shared(carrier: str, name: str) -> Callable[[], Any]:
    return lambda: json.loads(recorded(carrier, name))


def _own(name: str) -> Any:
    return json.loads((OWN_RECORDINGS / name).read_text(encoding="utf-8"))


def _set(doc: Any, path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for part in parents:
        doc = doc[int(part)] if isinstance(doc, list) else doc[part]
    if isinstance(doc, list):
        doc[int(last)] = value
    else:
        doc[last] = value


def _cainiao(server: ReplayServer, number: str) -> FetchOutcome:
    return CainiaoConnector(base_url=server.url, limiter=NEVER_WAIT).fetch([number])[number]


def _fourpx(server: ReplayServer, number: str) -> FetchOutcome:
    return FourPxConnector(base_url=server.url, limiter=NEVER_WAIT).fetch([number])[number]


def _yunexpress_excerpt() -> Any:
    """The YunExpress recording is cut inside its second scan: its first scan, closed as the body's shape
    requires."""
    text = recorded("yunexpress", "response-1.TRUNCATED.txt").decode()
    return json.loads(text[: text.rindex("},") + 1] + "]}}]}")


def _yunexpress(server: ReplayServer, number: str) -> FetchOutcome:
    return YunExpressConnector("signing-key", base_url=server.url, limiter=NEVER_WAIT).fetch([number])[number]


def _dhl(server: ReplayServer, number: str) -> FetchOutcome:
    return DhlConnector("dhl-key", base_url=server.url, limiter=NEVER_WAIT).fetch([number])[number]


def _usps(server: ReplayServer, number: str) -> FetchOutcome:
    return UspsConnector("id", "secret", base_url=server.url, limiter=NEVER_WAIT).fetch([number])[number]


def _ups(server: ReplayServer, number: str) -> FetchOutcome:
    return UpsConnector("id", "secret", base_url=server.url, limiter=NEVER_WAIT).fetch([number])[number]


def _fedex(server: ReplayServer, number: str) -> FetchOutcome:
    return FedexConnector("key", "secret", base_url=server.url, limiter=NEVER_WAIT).fetch([number])[number]


def _seventeentrack(server: ReplayServer, number: str) -> FetchOutcome:
    return SeventeenTrackConnector("key", base_url=server.url, limiter=NEVER_WAIT).fetch([number])[number]


def _correios(server: ReplayServer, number: str) -> FetchOutcome:
    return CorreiosConnector(base_url=server.url, limiter=NEVER_WAIT).fetch([number])[number]


def _laposte(server: ReplayServer, number: str) -> FetchOutcome:
    return LaPosteConnector("okapi-key", base_url=server.url, limiter=NEVER_WAIT).fetch([number])[number]


def _royalmail(server: ReplayServer, number: str) -> FetchOutcome:
    return RoyalMailConnector("id", "secret", base_url=server.url, limiter=NEVER_WAIT).fetch([number])[number]


def _australiapost(server: ReplayServer, number: str) -> FetchOutcome:
    connector = AustraliaPostConnector("key", "password", "account", base_url=server.url, limiter=NEVER_WAIT)
    return connector.fetch([number])[number]


def _postnl(server: ReplayServer, number: str) -> FetchOutcome:
    return PostNlConnector("key", base_url=server.url, limiter=NEVER_WAIT).fetch([number])[number]


CASES = {
    "cainiao": Case(
        "RS0814398526Y", "global/detail.json",
        lambda: json.loads(cainiao_body("RS0814398526Y.response-body.json")),
        lambda doc: _set(doc, "module.0.detailList.2.time", "2023-09-22 20:34:56"),
        "module.0.detailList.2.time: Input should be epoch milliseconds", _cainiao),
    "4px": Case(
        "4PX3001291278502CN", "track/v2/front/listTrackV3",
        _shared("4px", "response-1.json"),
        lambda doc: _set(doc, "data.0.tracks.3.tkDate", 1725433631000),
        "data.0.tracks.3.tkDate: Input should be a valid string", _fourpx),
    "yunexpress": Case(
        "REDACTED_1", "Track/Query", _yunexpress_excerpt,
        lambda doc: _set(doc, "ResultList.0.TrackInfo.TrackEventDetails.0.CreatedOn", 1745316787),
        "ResultList.0.TrackInfo.TrackEventDetails.0.CreatedOn: Input should be a valid string", _yunexpress),
    "dhl": Case(
        "7777777770", "track/shipments", _shared("dhl", "response-1.json"),
        lambda doc: _set(doc, "shipments.0.events.0.location.address.countryCode", 528),
        "shipments.0.events.0.location.address.countryCode: Input should be a valid string", _dhl),
    "usps": Case(
        "9400111899223197428490", "tracking/v3/tracking", lambda: _own("usps_tracking_delivered.json"),
        lambda doc: _set(doc, "trackingEvents.1.eventCity", ["ARLINGTON"]),
        "trackingEvents.1.eventCity: Input should be a valid string", _usps,
        token=("oauth2/v3/token", "usps_token.json")),
    "ups": Case(
        "1Z023E2X0214323462", "api/track/v1/details", lambda: _own("ups_details_delivered.json"),
        lambda doc: _set(doc, "trackResponse.shipment.0.package.0.activity.2.status.description", 5),
        "trackResponse.shipment.0.package.0.activity.2.status.description: Input should be a valid string",
        _ups, token=("security/v1/oauth/token", "ups_token.json")),
    "fedex": Case(
        "794843185271", "track/v1/trackingnumbers", lambda: _own("fedex_track_two.json"),
        lambda doc: _set(doc, "output.completeTrackResults.0.trackResults.0.scanEvents.1.date", None),
        "output.completeTrackResults.0.trackResults.0.scanEvents.1.date: Input should be a valid string",
        _fedex, token=("oauth/token", "fedex_token.json")),
    "17track": Case(
        "LZ123456785CN", "gettrackinfo", lambda: _own("17track_gettrackinfo.json"),
        lambda doc: _set(doc, "data.accepted.0.track_info.tracking.providers.1.events.2.time_iso", 20251230),
        "data.accepted.0.track_info.tracking.providers.1.events.2.time_iso: Input should be a valid string",
        _seventeentrack),
    "correios": Case(
        "LE424296059SE", "v1/sro-rastro", _shared("correios", "response-1.json"),
        lambda doc: _set(doc, "objetos.0.eventos.0.unidade.endereco.cidade", 4101),
        "objetos.0.eventos.0.unidade.endereco.cidade: Input should be a valid string", _correios),
    "laposte": Case(
        "EW112720413FR", "suivi/v2/idships", _shared("la-poste", "response-1.json"),
        lambda doc: _set(doc, "0.shipment.event.1.date", "09/03/2023 09:01"),
        "0.shipment.event.1.date: bad time '09/03/2023 09:01'", _laposte),
    "royal-mail": Case(
        "090367574000000FE1E1B", "mailpieces/v2", _shared("royal-mail", "response-1.json"),
        lambda doc: _set(doc, "mailPieces.events.0.eventName", {"en": "Forwarded - Mis-sort"}),
        "mailPieces.events.0.eventName: Input should be a valid string", _royalmail),
    "australia-post": Case(
        "ET123456789AU", "shipping/v1/track", _shared("australia-post", "response-1.json"),
        lambda doc: _set(doc, "tracking_results.0.trackable_items.0.items.0.events.3.location", ["BRISBANE"]),
        "tracking_results.0.trackable_items.0.items.0.events.3.location: Input should be a valid string",
        _australiapost),
    "postnl": Case(
        # one shipment comes as an object, not a one-element list: the path counts it as item 0
        "3SDEVC987021270", "shipment/v2/status/barcode", _shared("postnl", "shipmentdetail.json"),
        lambda doc: _set(doc, "CompleteStatus.Shipment.Event.1.TimeStamp", "2019-07-31T08:16:04"),
        "CompleteStatus.Shipment.0.Event.1.TimeStamp: bad TimeStamp '2019-07-31T08:16:04'", _postnl),
}


@pytest.mark.parametrize("name", list(CASES))
def test_recording_is_read_and_one_corrupted_field_is_named(server: ReplayServer, name: str) -> None:
    case = CASES[name]
    broken = case.body()
    case.corrupt(broken)
    if case.token:
        path, name = case.token
        server.json(path, "", (OWN_RECORDINGS / name).read_bytes())
    server.answer(case.path, case.number, *(Answer(200, json.dumps(doc).encode(), JSON)
                                            for doc in (case.body(), broken)))
    assert isinstance(case.fetch(server, case.number), TrackResult)  # the recording itself reads fine
    outcome = case.fetch(server, case.number)
    assert isinstance(outcome, Failure), outcome
    assert outcome.kind is FailureKind.RETRY_LATER
    assert case.says in outcome.reason, outcome.reason
