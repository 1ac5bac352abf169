"""Canada Post Tracking (soa-gw.canadapost.ca/vis/track/pin/{pin}/detail): official, free developer
credentials (Basic auth), XML, one number a request. Built from Canada Post's documentation example.

- `tracking-detail/significant-events/occurrence` has `event-identifier`, `event-description`,
  `event-site`, `event-province` and the time in three parts: `event-date` (YYYY-MM-DD), `event-time`
  (HH:MM:SS) and `event-time-zone` (EST, EDT, ...): combined here into an aware time with that offset.
- `messages/message` (code 004 "No Pin History") says the number is unknown; E002 is refused credentials.
Elements are matched by local name, so the documented namespaces (and a wrapping element) do not matter.
"""

from __future__ import annotations

import base64
from datetime import datetime, timedelta, timezone
from xml.etree import ElementTree

import httpx

from parceltrail.adapters.carriers.http import (
    DEFAULT_TIMEOUT,
    RETRY,
    MalformedResponseError,
    PerNumberConnector,
    RequestPacer,
    join_location,
    send,
    short,
    status_failure,
)
from parceltrail.adapters.carriers.spec import ConnectorConfig, ConnectorSpec
from parceltrail.clock import Clock
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, RawEvent, TrackResult

DEFAULT_BASE_URL = "https://soa-gw.canadapost.ca"
NAME = "Canada Post"
SLUG = "canada-post"
# Canadian zone abbreviations Canada Post writes -> UTC offset in minutes.
ZONES = {"NST": -210, "NDT": -150, "AST": -240, "ADT": -180, "EST": -300, "EDT": -240, "CST": -360,
         "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420, "UTC": 0, "GMT": 0}
_NOT_FOUND = {"004", "002"}
_AUTH = {"E002", "E001"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _find(root: ElementTree.Element, name: str) -> ElementTree.Element | None:
    return next((e for e in root.iter() if _local(e.tag) == name), None)


def _child(element: ElementTree.Element, name: str) -> str | None:
    found = next((c for c in element if _local(c.tag) == name), None)
    text = (found.text or "").strip() if found is not None else ""
    return text or None


def parse_xml(content: bytes) -> ElementTree.Element:
    try:
        return ElementTree.fromstring(content)
    except ElementTree.ParseError as exc:
        raise MalformedResponseError(f"body is not valid XML ({exc})") from None


def _messages(root: ElementTree.Element) -> list[tuple[str, str]]:
    holder = _find(root, "messages")
    if holder is None:
        return []
    return [(_child(m, "code") or "", _child(m, "description") or "") for m in holder
            if _local(m.tag) == "message"]


def parse_occurrence(occurrence: ElementTree.Element, where: str) -> RawEvent:
    day, clock, zone = (_child(occurrence, k) for k in ("event-date", "event-time", "event-time-zone"))
    text = _child(occurrence, "event-description")
    if not day or not clock or not text:
        raise MalformedResponseError(f"{where}: occurrence lacks date, time or description")
    if (zone or "").upper() not in ZONES:
        raise MalformedResponseError(f"{where}: unknown time zone {zone!r}")
    try:
        naive = datetime.fromisoformat(f"{day}T{clock}")
    except ValueError:
        raise MalformedResponseError(f"{where}: bad date/time {day!r} {clock!r}") from None
    offset = timezone(timedelta(minutes=ZONES[(zone or "").upper()]))
    site = _child(occurrence, "event-site")
    return RawEvent(occurred_at=naive.replace(tzinfo=offset), text=text,
                    code=_child(occurrence, "event-identifier"),
                    location=join_location(site, _child(occurrence, "event-province")), city=site,
                    country="CA" if site else None, lang="en")


def parse_body(root: ElementTree.Element, number: str) -> FetchOutcome:
    messages = _messages(root)
    if messages:
        code, text = messages[0]
        if code in _AUTH:
            return Failure(FailureKind.AUTH, f"Canada Post refused the credentials: {code} {text}")
        kind = FailureKind.NOT_FOUND if code in _NOT_FOUND else RETRY
        return Failure(kind, f"Canada Post {code}: {text}")
    detail = _find(root, "tracking-detail")
    if detail is None:
        raise MalformedResponseError("no tracking-detail element")
    events_holder = _find(detail, "significant-events")
    occurrences = ([o for o in events_holder if _local(o.tag) == "occurrence"]
                   if events_holder is not None else [])
    events = [parse_occurrence(o, f"Canada Post {number} occurrence {i}") for i, o in enumerate(occurrences)]
    if not events:
        return Failure(FailureKind.NOT_FOUND, f"Canada Post has no scans for {number} yet")
    service = _child(detail, "service-name")
    return TrackResult(number=number, events=tuple(sorted(events, key=lambda e: e.occurred_at)),
                       carrier_name=f"{NAME} ({service})" if service else NAME, destination_country="CA",
                       payload={"pin": _child(detail, "pin"), "service": service,
                                "expected_delivery_date": _child(detail, "expected-delivery-date")})


class CanadaPostConnector(PerNumberConnector):
    slug = SLUG
    name = NAME
    max_batch = 10

    def __init__(self, username: str, password: str, *, base_url: str = DEFAULT_BASE_URL,
                 client: httpx.Client | None = None, clock: Clock | None = None,
                 limiter: RequestPacer | None = None, language: str = "en-CA",
                 timeout: float = DEFAULT_TIMEOUT) -> None:
        super().__init__(base_url, client=client, clock=clock, limiter=limiter, min_interval=0.5,
                         timeout=timeout)
        self.authorization = "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()
        self.language = language

    def _fetch_one(self, number: str) -> FetchOutcome:
        limited = self.limiter.rate_limited(NAME)
        if limited:
            return limited
        resp = self._send(number)
        if isinstance(resp, Failure):
            return resp
        try:
            root = parse_xml(resp.content) if resp.content.strip() else None
            if root is not None and _messages(root) and resp.status_code in (200, 400, 401, 403, 404):
                return parse_body(root, number)
            if resp.status_code != 200:
                return status_failure(resp, NAME, short(resp.text), self.clock)
            if root is None:
                raise MalformedResponseError("empty body")
            return parse_body(root, number)
        except MalformedResponseError as exc:
            if resp.status_code != 200:
                return status_failure(resp, NAME, short(resp.text), self.clock)
            return Failure(RETRY, f"Canada Post malformed response: {exc}")

    def _send(self, number: str) -> httpx.Response | Failure:
        request = self._client.build_request(
            "GET", f"{self.base_url}/vis/track/pin/{number}/detail",
            headers={"Authorization": self.authorization, "Accept": "application/vnd.cpc.track-v2+xml",
                     "Accept-language": self.language})
        return send(self._client, request, NAME)


def _factory(config: ConnectorConfig) -> CanadaPostConnector:
    return CanadaPostConnector(config.values["CANADAPOST_USERNAME"], config.values["CANADAPOST_PASSWORD"],
                               base_url=config.base_url, client=config.client, clock=config.clock)


SPEC = ConnectorSpec(
    slug=SLUG, name="Canada Post Tracking", factory=_factory, default_url=DEFAULT_BASE_URL,
    carriers=("canada-post",), formats=("s10", "canada-post"),
    settings=("CANADAPOST_USERNAME", "CANADAPOST_PASSWORD"), basis="documentation",
    signup="free developer account at canadapost-postescanada.ca (Developer Program)",
)
