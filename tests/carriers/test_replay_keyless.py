"""The key-less connectors end to end: recorded bodies served over real HTTP by a loopback replay server,
the engine registers the number, polls through the connector chosen by routing, and stores the events.

Expected instants below are computed by hand from the absolute fields of the recordings (Cainiao `time`
epoch ms, 4PX `tkDate` UTC, Correios local time + America/Sao_Paulo), never from the UTC+8 display
strings; offsets come from the per-event zone labels.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from parceltrail.adapters.carriers.catalog import build_registry
from parceltrail.adapters.carriers.http import RequestPacer
from parceltrail.adapters.db.uow import Store
from parceltrail.clock import ManualClock
from parceltrail.domain.shipment import Timeline
from parceltrail.services.tracking.registry import ConnectorRegistry
from parceltrail.services.tracking.tracker import Tracker

from .replay import Answer, ReplayServer, cainiao_body, recorded

CAINIAO_PATH = "global/detail.json"
FOURPX_PATH = "track/v2/front/listTrackV3"
CORREIOS_PATH = "v1/sro-rastro"
AE_CAPTURE = "https___global_cainiao_com_global_detail_json_mailNos_AE010698498_lang_en_US.json"


@dataclass
class Rig:
    server: ReplayServer
    clock: ManualClock
    store: Store
    registry: ConnectorRegistry
    tracker: Tracker

    def poll(self, number: str, carrier: str | None = None) -> Timeline:
        shipment = self.tracker.register(number, carrier)
        with self.store.read() as repo:
            current = repo.shipments.get(shipment.id or 0)
        assert current is not None
        self.tracker.refresh([current])
        return self.tracker.timeline(shipment.id or 0)


@pytest.fixture
def server() -> Iterator[ReplayServer]:
    with ReplayServer().running() as replay:
        yield replay


def make_rig(server: ReplayServer, store: Store, now: datetime, **extra_env: str) -> Rig:
    env = {"PARCELTRAIL_CAINIAO_URL": server.url, "PARCELTRAIL_4PX_URL": server.url,
           "PARCELTRAIL_CORREIOS_URL": server.url, "PARCELTRAIL_YUNEXPRESS_URL": server.url, **extra_env}
    clock = ManualClock(now)
    registry, catalog = build_registry(env, clock=clock, plugins=[])
    for entry in catalog.entries:  # politeness is tested on its own; here the replay must not wait
        entry.connector.limiter = RequestPacer(0.0, sleep=lambda _: None)
    return Rig(server, clock, store, registry, Tracker(store, registry, clock))


def rows(timeline: Timeline, number: str | None = None) -> list[tuple[str, int, str, str | None, str | None]]:
    """(UTC instant, local offset minutes, text, location, subtag) of each stored event, oldest first."""
    ids = {leg.id for leg in timeline.legs if number is None or leg.tracking_number == number}
    events = sorted((e for e in timeline.events if e.shipment_id in ids),
                    key=lambda e: (e.occurred_at, e.raw_text))
    return [(e.occurred_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z", e.utc_offset_minutes,
             e.raw_text, e.location, e.subtag) for e in events]


# --- Cainiao -----------------------------------------------------------------------------------------

RS_EXPECTED = [
    ("2023-09-22T07:55:02.000Z", 480, "Received by logistics company", None, "InTransit_002"),
    ("2023-09-22T09:51:16.000Z", 0, "Import customs clearance started", None, "InTransit_006"),
    ("2023-09-22T12:34:56.000Z", 480, "[Fenggang Town] Processing at sorting center", "Fenggang Town",
     "InTransit_003"),
    ("2023-09-22T14:50:49.000Z", 480, "[Fenggang Town] Departed from sorting center", "Fenggang Town",
     "InTransit_007"),
    ("2023-09-23T05:29:38.000Z", 480, "Arrived at departure transport hub", None, "InTransit_003"),
    ("2023-09-25T00:00:00.000Z", 480, "Leaving from departure country/region", None, "InTransit_007"),
    ("2023-09-25T00:41:00.000Z", 480, "Export customs clearance started", None, "InTransit_006"),
    ("2023-09-25T03:08:00.000Z", 480, "Export customs clearance complete", None, "InTransit_005"),
    ("2023-09-25T17:24:00.000Z", 480, "Departed from departure country/region", None, "InTransit_007"),
    ("2023-09-26T02:13:00.000Z", 120, "Arrived at linehaul office", None, "InTransit_004"),
    ("2023-09-27T08:40:01.000Z", 0, "Arrived at customs", None, "InTransit_006"),
    ("2023-09-28T01:46:53.000Z", 0, "Departed from customs", None, "InTransit_005"),
    ("2023-09-28T01:46:53.000Z", 0, "Import customs clearance complete", None, "InTransit_005"),
    ("2023-09-28T01:46:53.000Z", 180, "Received by local delivery company", None, "InTransit_002"),
]


def test_cainiao_recording_stored_with_instants_offsets_and_handover(server: ReplayServer,
                                                                    store: Store) -> None:
    server.json(CAINIAO_PATH, "RS0814398526Y", cainiao_body("RS0814398526Y.response-body.json"))
    rig = make_rig(server, store, datetime(2023, 9, 29, 12, 0, tzinfo=UTC))
    timeline = rig.poll("RS0814398526Y", "cainiao")
    first = timeline.legs[0]
    assert rows(timeline, "RS0814398526Y") == RS_EXPECTED
    assert first.connector == "cainiao" and first.unfollowed_reason is None
    assert (first.origin_country, first.destination_country) == ("CN", "IL")
    # three scans share the last instant; Cainiao lists the import clearance as the newest of them
    assert (timeline.shipment.tag, timeline.shipment.subtag) == ("InTransit", "InTransit_005")
    # Cainiao names Israel Post as the last-mile carrier once it took the parcel: the next leg exists
    assert [(leg.tracking_number, leg.carrier) for leg in timeline.legs] == [
        ("RS0814398526Y", "cainiao"), ("RS0814398526Y", "israel-post")]
    request = server.requests_for("RS0814398526Y")[0]
    assert request.method == "GET" and "parceltrail" in request.headers["user-agent"]


def test_handover_leg_without_a_connector_says_what_would_follow_it(server: ReplayServer,
                                                                    store: Store) -> None:
    server.json(CAINIAO_PATH, "RS0814398526Y", cainiao_body("RS0814398526Y.response-body.json"))
    rig = make_rig(server, store, datetime(2023, 9, 29, 12, 0, tzinfo=UTC))
    timeline = rig.poll("RS0814398526Y", "cainiao")
    leg = timeline.legs[1]
    rig.tracker.refresh([leg])
    with store.read() as repo:
        leg = repo.shipments.get(leg.id or 0)
        first = repo.shipments.get(timeline.legs[0].id or 0)
    assert leg is not None and first is not None
    # the last mile is not followed twice through Cainiao: no own connector, no key -> says what to set
    assert leg.connector is None
    assert "PARCELTRAIL_17TRACK_KEY" in (leg.unfollowed_reason or "")
    assert first.unfollowed_reason is None


def test_cainiao_blank_zone_label_means_china_time_and_repoll_stores_nothing_twice(
        server: ReplayServer, store: Store) -> None:
    server.json(CAINIAO_PATH, "AE010698498", cainiao_body(AE_CAPTURE))
    rig = make_rig(server, store, datetime(2023, 1, 29, 12, 0, tzinfo=UTC))
    timeline = rig.poll("AE010698498", "cainiao")
    stored = rows(timeline)
    assert len(stored) == 19
    # "Package finished": time 1674530788216, timeZone "" -> China (UTC+8); timeStr is not read
    assert ("2023-01-24T03:26:28.216Z", 480, "Package ready for shipping from warehouse", None,
            "InfoReceived_001") in stored
    # a generic normalised text keeps the carrier's own words (here Chinese)
    assert any(text == "包裹已出库" and offset == 480 for _, offset, text, _, _ in stored)
    # "GMT+2" at the line-haul arrival: 1674796980000 = 05:23Z, shown 07:23 local
    assert ("2023-01-27T05:23:00.000Z", 120, "Arrived at linehual office", None, "InTransit_004") in stored
    rig.clock.advance(timedelta(hours=6))
    report = rig.tracker.refresh([timeline.shipment])
    assert report.new_events == 0
    assert len(rig.tracker.timeline(timeline.shipment.id or 0).events) == 19


def test_cainiao_empty_detail_list_is_not_found(server: ReplayServer, store: Store) -> None:
    server.json(CAINIAO_PATH, "UZ0556033196Y", cainiao_body("UZ0556033196Y.response-body.json"))
    rig = make_rig(server, store, datetime(2023, 11, 20, tzinfo=UTC))
    timeline = rig.poll("UZ0556033196Y", "cainiao")
    assert timeline.events == []
    shipment = timeline.shipment
    assert shipment.failure_count == 0 and shipment.not_found_count == 1
    assert "No tracking updates yet" in (shipment.last_error or "")


def _truncated(body: bytes) -> bytes:
    return body[: len(body) // 2]


@pytest.mark.parametrize("answer", [
    Answer(200, _truncated(cainiao_body("RS0814398526Y.response-body.json")),
           {"content-type": "application/json"}),
    Answer(200, b"<!DOCTYPE html><html><body>Please slide to verify</body></html>",
           {"content-type": "text/html"}),
    Answer(200, b'{"success":true,"module":"not a list"}', {"content-type": "application/json"}),
    Answer(429, b"", {"Retry-After": "120"}),
    Answer(503, b"busy", {"content-type": "text/plain"}),
], ids=["truncated", "html-captcha", "malformed", "429", "503"])
def test_cainiao_faults_are_retry_later_with_nothing_stored(server: ReplayServer, store: Store,
                                                           answer: Answer) -> None:
    server.answer(CAINIAO_PATH, "RS0814398526Y", answer)
    rig = make_rig(server, store, datetime(2023, 9, 29, 12, 0, tzinfo=UTC))
    timeline = rig.poll("RS0814398526Y", "cainiao")
    shipment = timeline.shipment
    assert timeline.events == [] and len(timeline.legs) == 1
    assert shipment.failure_count == 1 and shipment.not_found_count == 0
    assert shipment.last_error
    assert shipment.next_check_at is not None and shipment.next_check_at > rig.clock.now()
    if answer.status in (429, 503):  # the connector cools down: no second request goes out meanwhile
        rig.tracker.refresh([shipment])
        assert len(server.requests_for("RS0814398526Y")) == 1


def test_after_a_fault_the_next_poll_stores_the_scans_once(server: ReplayServer, store: Store) -> None:
    body = cainiao_body("RS0814398526Y.response-body.json")
    server.answer(CAINIAO_PATH, "RS0814398526Y", Answer(200, _truncated(body), {}),
                  Answer(200, body, {"content-type": "application/json"}))
    rig = make_rig(server, store, datetime(2023, 9, 29, 12, 0, tzinfo=UTC))
    timeline = rig.poll("RS0814398526Y", "cainiao")
    assert timeline.events == []
    rig.tracker.refresh([timeline.shipment])
    rig.tracker.refresh([timeline.shipment])
    assert rows(rig.tracker.timeline(timeline.shipment.id or 0), "RS0814398526Y") == RS_EXPECTED


# --- routing -----------------------------------------------------------------------------------------

def test_china_post_s10_number_goes_to_cainiao(server: ReplayServer, store: Store) -> None:
    body = cainiao_body("RS0814398526Y.response-body.json").replace(b"RS0814398526Y", b"RB123456785CN")
    server.json(CAINIAO_PATH, "RB123456785CN", body)
    rig = make_rig(server, store, datetime(2023, 9, 29, 12, 0, tzinfo=UTC))
    timeline = rig.poll("RB123456785CN")
    assert timeline.shipment.carrier == "china-post"
    assert timeline.shipment.connector == "cainiao"
    # Cainiao's action codes classify the events whichever carrier issued the number
    assert rows(timeline, "RB123456785CN") == RS_EXPECTED


def test_number_nothing_can_follow_says_what_would(server: ReplayServer, store: Store) -> None:
    rig = make_rig(server, store, datetime(2026, 1, 1, tzinfo=UTC))
    timeline = rig.poll("LE424296059SE")  # PostNord Sweden: no connector, no key
    shipment = timeline.shipment
    assert shipment.connector is None
    assert "PARCELTRAIL_17TRACK_KEY" in (shipment.unfollowed_reason or "")
    assert server.seen == []


def test_disabled_connector_is_not_used(server: ReplayServer, store: Store) -> None:
    rig = make_rig(server, store, datetime(2026, 1, 1, tzinfo=UTC),
                   PARCELTRAIL_DISABLE_CONNECTORS="cainiao, 4px")
    timeline = rig.poll("LP00512345678901")
    assert timeline.shipment.connector is None
    assert "PARCELTRAIL_DISABLE_CONNECTORS" in (timeline.shipment.unfollowed_reason or "")
    assert server.seen == []


# --- 4PX -----------------------------------------------------------------------------------------------

FOURPX_EXPECTED = [
    ("2024-09-02T06:30:19.000Z", 480, "Parcel information received", None, "InfoReceived_001"),
    ("2024-09-02T11:30:00.000Z", 60, "Order data transmitted", "AUSTRIA", "InfoReceived_001"),
    ("2024-09-02T17:19:47.000Z", 480, "4px picked up shipment.", "ShaTian,DongGuan", "InTransit_002"),
    ("2024-09-02T17:19:48.000Z", 480, "Shipment arrived at facility and measured.", "ShaTian,DongGuan",
     "InTransit_003"),
    ("2024-09-03T00:19:17.000Z", 480, "Depart from facility to service provider.", "ShaTian,DongGuan",
     "InTransit_007"),
    ("2024-09-04T07:07:11.000Z", 480, "Hand over to airline.", None, "InTransit_007"),
    ("2024-09-05T05:09:00.000Z", 480, "Departure from the original airport", None, "InTransit_007"),
    ("2024-09-05T16:18:00.000Z", 120, "Arrival to the destination airport", None, "InTransit_004"),
    # tkTimezone null: the instant is kept, the local offset is unknown (UTC)
    ("2024-09-05T18:18:00.000Z", 0, "Released from customs: customs cleared.", None, "InTransit_005"),
]


def test_4px_recording_uses_tkdate_and_the_zone_label(server: ReplayServer, store: Store) -> None:
    server.json(FOURPX_PATH, "4PX3001291278502CN", recorded("4px", "response-1.json"))
    rig = make_rig(server, store, datetime(2024, 9, 6, 12, 0, tzinfo=UTC))
    timeline = rig.poll("4PX3001291278502CN")
    assert timeline.shipment.connector == "4px"
    assert rows(timeline) == FOURPX_EXPECTED
    assert (timeline.shipment.tag, timeline.shipment.subtag) == ("InTransit", "InTransit_005")
    assert (timeline.shipment.origin_country, timeline.shipment.destination_country) == ("CN", "AT")
    sent = json.loads(server.requests_for("4PX3001291278502CN")[0].body)
    assert sent["queryCodes"] == ["4PX3001291278502CN"]


def test_4px_fragment_with_null_zone_parses(server: ReplayServer, store: Store) -> None:
    track = json.loads(recorded("4px", "response-2-track-fragment.json"))
    body = {"result": 1, "message": "ok", "data": [{"queryCode": "4PX3002235116157CN", "tracks": [track]}]}
    server.json(FOURPX_PATH, "4PX3002235116157CN", json.dumps(body).encode())
    rig = make_rig(server, store, datetime(2025, 11, 23, tzinfo=UTC))
    timeline = rig.poll("4PX3002235116157CN")
    assert rows(timeline) == [("2025-11-22T05:30:00.000Z", 0, "Released from customs: customs cleared.", None,
                               "InTransit_005")]


def test_4px_empty_data_is_not_found(server: ReplayServer, store: Store) -> None:
    server.json(FOURPX_PATH, "4PX3001291278502CN", b'{"result":1,"message":"ok","data":[]}')
    rig = make_rig(server, store, datetime(2024, 9, 6, tzinfo=UTC))
    timeline = rig.poll("4PX3001291278502CN")
    assert timeline.events == [] and timeline.shipment.not_found_count == 1


# --- Correios -------------------------------------------------------------------------------------------

def test_correios_local_time_is_sao_paulo(server: ReplayServer, store: Store) -> None:
    server.json(CORREIOS_PATH, "LE424296059SE", recorded("correios", "response-1.json"))
    rig = make_rig(server, store, datetime(2021, 12, 11, tzinfo=UTC))
    timeline = rig.poll("LE424296059SE", "brazil-correios")
    # "2021-12-10T15:26:59" in Brazil (UTC-3) is 18:26:59Z
    assert rows(timeline) == [("2021-12-10T18:26:59.000Z", -180, "Objeto em trânsito - por favor aguarde",
                               "CURITIBA, PR, BR", "InTransit_001")]
    assert timeline.events[0].raw_code == "RO/01"
    assert timeline.shipment.connector == "correios"


def test_correios_invalid_object_is_not_found(server: ReplayServer, store: Store) -> None:
    body = {"objetos": [{"codObjeto": "LE424296059SE", "mensagem": "SRO-019: Objeto inválido"}],
            "quantidade": 1, "resultado": "Todos os Eventos", "versao": "1.6.11"}
    server.json(CORREIOS_PATH, "LE424296059SE", json.dumps(body).encode())
    rig = make_rig(server, store, datetime(2021, 12, 11, tzinfo=UTC))
    timeline = rig.poll("LE424296059SE", "brazil-correios")
    assert timeline.events == [] and "SRO-019" in (timeline.shipment.last_error or "")


# --- carrier auto-correction ---------------------------------------------------------------------------

def _not_found_then_cainiao_knows(server: ReplayServer) -> None:
    server.json(FOURPX_PATH, "4PX3001291278502CN", b'{"result":1,"message":"ok","data":[]}')
    body = cainiao_body("RS0814398526Y.response-body.json").replace(b"RS0814398526Y", b"4PX3001291278502CN")
    server.json(CAINIAO_PATH, "4PX3001291278502CN", body)


def test_carrier_corrected_after_three_not_found_over_a_day(server: ReplayServer, store: Store) -> None:
    _not_found_then_cainiao_knows(server)
    rig = make_rig(server, store, datetime(2023, 9, 29, 0, 0, tzinfo=UTC))
    timeline = rig.poll("4PX3001291278502CN")
    shipment_id = timeline.shipment.id or 0
    for _ in range(2):
        assert rig.tracker.timeline(shipment_id).events == []
        rig.clock.advance(timedelta(hours=12))
        with store.read() as repo:
            current = repo.shipments.get(shipment_id)
        assert current is not None
        rig.tracker.refresh([current])
    corrected = rig.tracker.timeline(shipment_id)
    shipment = corrected.shipment
    assert (shipment.carrier, shipment.connector) == ("cainiao", "cainiao")
    assert shipment.carrier_source == "corrected"
    notes = [e for e in corrected.events if e.raw_code == "CARRIER_CORRECTED"]
    assert [n.raw_text for n in notes] == ["carrier corrected from 4px (4px) to cainiao (cainiao)"]
    assert len([e for e in corrected.events if e.source == "cainiao"]) == len(RS_EXPECTED)
    assert len(server.requests_for("4PX3001291278502CN")) == 4  # three to 4PX, one to Cainiao
    # the corrected route sticks: the next poll asks Cainiao, not 4PX again
    rig.clock.advance(timedelta(hours=6))
    rig.tracker.refresh([shipment])
    assert [s.path for s in server.requests_for("4PX3001291278502CN")][-1] == CAINIAO_PATH


def test_not_corrected_before_a_day_or_when_the_user_named_the_carrier(server: ReplayServer,
                                                                        store: Store) -> None:
    _not_found_then_cainiao_knows(server)
    rig = make_rig(server, store, datetime(2023, 9, 29, 0, 0, tzinfo=UTC))
    named = rig.poll("4PX3001291278502CN", "4px")
    for _ in range(4):
        rig.clock.advance(timedelta(hours=12))
        with store.read() as repo:
            current = repo.shipments.get(named.shipment.id or 0)
        assert current is not None
        rig.tracker.refresh([current])
    shipment = rig.tracker.timeline(named.shipment.id or 0).shipment
    assert (shipment.carrier, shipment.connector, shipment.carrier_source) == ("4px", "4px", "user")
    assert shipment.not_found_count == 5
    assert all(s.path == FOURPX_PATH for s in server.requests_for("4PX3001291278502CN"))


def test_naming_the_detected_carrier_later_pins_it(server: ReplayServer, store: Store) -> None:
    rig = make_rig(server, store, datetime(2023, 9, 29, tzinfo=UTC))
    detected = rig.tracker.register("4PX3001291278502CN")
    assert detected.carrier_source == "detected"
    named = rig.tracker.register("4PX3001291278502CN", "4px")
    assert named.id == detected.id and named.carrier_source == "user"
