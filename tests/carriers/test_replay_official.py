"""Official-API connectors (free developer keys) against their recorded responses over real HTTP, through
the engine: instants and local offsets, texts, locations, not-found and error bodies."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from parceltrail.adapters.carriers import postnl
from parceltrail.adapters.db.uow import Store

from .replay import Answer, ReplayServer, recorded, recorded_http
from .test_replay_keyless import make_rig, rows

KEYS = {"PARCELTRAIL_POSTNL_API_KEY": "k", "PARCELTRAIL_LAPOSTE_OKAPI_KEY": "k",
        "PARCELTRAIL_ROYALMAIL_CLIENT_ID": "i", "PARCELTRAIL_ROYALMAIL_CLIENT_SECRET": "s",
        "PARCELTRAIL_CANADAPOST_USERNAME": "u", "PARCELTRAIL_CANADAPOST_PASSWORD": "p",
        "PARCELTRAIL_AUSPOST_API_KEY": "k", "PARCELTRAIL_AUSPOST_PASSWORD": "p",
        "PARCELTRAIL_AUSPOST_ACCOUNT_NUMBER": "1"}


@pytest.fixture
def server() -> Iterator[ReplayServer]:
    with ReplayServer().running() as replay:
        yield replay


def urls(server: ReplayServer) -> dict[str, str]:
    slugs = ("POSTNL", "LAPOSTE", "ROYAL_MAIL", "CANADA_POST", "AUSTRALIA_POST")
    return {**KEYS, **{f"PARCELTRAIL_{s}_URL": server.url for s in slugs}}


def test_postnl_dutch_wall_time_without_offset_is_amsterdam(server: ReplayServer, store: Store) -> None:
    server.answer("shipment/v2/status/barcode/3SABCD987516327", "",
                  recorded_http("postnl", "completestatus3.http"))
    rig = make_rig(server, store, datetime(2021, 3, 27, tzinfo=UTC), **urls(server))
    timeline = rig.poll("3SABCD987516327")
    assert timeline.shipment.connector == "postnl"
    # March 2021 is still winter time in the Netherlands (+01:00); "dd-MM-yyyy HH:mm:ss" local
    assert [r[:4] for r in rows(timeline)] == [
        ("2021-03-25T08:30:58.000Z", 60, "Zending is gesorteerd", "0450 Vogelwijk"),
        ("2021-03-25T11:11:10.000Z", 60, "Pakket is nog niet door PostNL ontvangen of verwerkt", None),
        ("2021-03-26T00:15:18.000Z", 60, "Zending is ontvangen door PostNL", "0450 Vogelwijk"),
        ("2021-03-26T08:44:45.000Z", 60, "Bezorger is onderweg", "0450 Vogelwijk"),
        ("2021-03-26T14:06:53.000Z", 60, "Zending is bezorgd", "0450 Vogelwijk"),
    ]
    assert server.seen[0].headers["apikey"] == "k" and "detail=true" in server.seen[0].query


def test_postnl_summer_time_and_fractional_seconds(server: ReplayServer, store: Store) -> None:
    server.json("shipment/v2/status/barcode/3SDEVC987021270", "", recorded("postnl", "shipmentdetail.json"))
    rig = make_rig(server, store, datetime(2019, 8, 1, tzinfo=UTC), **urls(server))
    timeline = rig.poll("3SDEVC987021270")
    stored = rows(timeline)
    assert stored and all(offset == 120 for _, offset, _, _, _ in stored)  # July: +02:00
    assert stored[0][:3] == ("2019-07-30T14:46:33.000Z", 120, stored[0][2])
    # status history carries fractions ("30-07-2019 22:37:37.21"): same wall-time reading
    assert postnl.parse_timestamp("30-07-2019 22:37:37.21", "x").astimezone(UTC) == datetime(
        2019, 7, 30, 20, 37, 37, 210000, tzinfo=UTC)


def test_postnl_no_shipment_warning_is_not_found(server: ReplayServer, store: Store) -> None:
    server.answer("shipment/v2/status/barcode/3SDEVC123456789", "",
                  recorded_http("postnl", "nocurrentshipments.http"))
    rig = make_rig(server, store, datetime(2021, 4, 1, tzinfo=UTC), **urls(server))
    timeline = rig.poll("3SDEVC123456789")
    assert timeline.events == [] and timeline.shipment.not_found_count == 1
    assert "No shipment found" in (timeline.shipment.last_error or "")


def test_laposte_instants_with_offsets_and_codes(server: ReplayServer, store: Store) -> None:
    server.json("suivi/v2/idships/EW112720413FR", "", recorded("la-poste", "response-1.json"))
    rig = make_rig(server, store, datetime(2023, 3, 10, tzinfo=UTC), **urls(server))
    timeline = rig.poll("EW112720413FR")
    stored = rows(timeline)
    assert len(stored) == 9 and all(offset == 60 for _, offset, _, _, _ in stored)
    assert stored[0][:3] == ("2023-02-17T13:41:00.000Z", 60,
                             "Votre Colissimo va bientôt nous être confié ! Il est en cours de préparation "
                             "chez votre expéditeur.")
    assert stored[-1] == ("2023-03-09T08:38:00.000Z", 60, "Votre colis est livré.", None, "Delivered_001")
    assert timeline.shipment.tag == "Delivered"
    assert (timeline.shipment.origin_country, timeline.shipment.destination_country) == ("FR", "BR")
    assert server.seen[0].headers["x-okapi-key"] == "k"


def test_laposte_invalid_number_is_permanent(server: ReplayServer, store: Store) -> None:
    server.json("suivi/v2/idships/EW112720413FR", "", recorded("la-poste", "response-2-error.json"),
                status=400)
    rig = make_rig(server, store, datetime(2023, 3, 10, tzinfo=UTC), **urls(server))
    timeline = rig.poll("EW112720413FR")
    assert timeline.events == [] and timeline.shipment.next_check_at is None
    assert "pas valide" in (timeline.shipment.last_error or "")


def test_royal_mail_event_with_uk_offset(server: ReplayServer, store: Store) -> None:
    server.json("mailpieces/v2/FQ087430672GB/events", "", recorded("royal-mail", "response-1.json"))
    rig = make_rig(server, store, datetime(2016, 10, 21, tzinfo=UTC), **urls(server))
    timeline = rig.poll("FQ087430672GB")
    assert [r[:4] for r in rows(timeline)] == [
        ("2016-10-20T09:04:00.000Z", 60, "Forwarded - Mis-sort", "Stafford DO")]
    assert server.seen[0].headers["x-accept-rmg-terms"] == "yes"


def test_royal_mail_header_error_is_permanent(server: ReplayServer, store: Store) -> None:
    server.json("mailpieces/v2/FQ087430672GB/events", "", recorded("royal-mail", "response-2-error.json"),
                status=400)
    rig = make_rig(server, store, datetime(2016, 10, 21, tzinfo=UTC), **urls(server))
    timeline = rig.poll("FQ087430672GB")
    assert timeline.events == [] and "E0004" in (timeline.shipment.last_error or "")


def test_canada_post_date_time_and_zone_combined(server: ReplayServer, store: Store) -> None:
    server.answer("vis/track/pin/7023210039414604/detail", "",
                  Answer(200, recorded("canada-post", "response-1.xml"), {"content-type": "application/xml"}))
    rig = make_rig(server, store, datetime(2011, 2, 4, tzinfo=UTC), **urls(server))
    timeline = rig.poll("7023210039414604")
    stored = rows(timeline)
    # "2011-02-03" "11:59:59" "EST" -> 16:59:59Z, shown at -05:00
    assert stored[-1][:4] == ("2011-02-03T16:59:59.000Z", -300, "Signature image recorded for Online viewing",
                              "SAINTE-FOY, QC")
    assert all(offset in (-300, -240) for _, offset, *_ in stored)


def test_canada_post_unknown_pin_and_refused_credentials(server: ReplayServer, store: Store) -> None:
    server.answer("vis/track/pin/7023210039414604/detail", "",
                  Answer(404, recorded("canada-post", "response-2-unknown-pin.xml"),
                         {"content-type": "application/xml"}))
    rig = make_rig(server, store, datetime(2011, 2, 4, tzinfo=UTC), **urls(server))
    timeline = rig.poll("7023210039414604")
    assert timeline.shipment.not_found_count == 1 and "No Pin History" in (timeline.shipment.last_error or "")


def test_australia_post_batch_with_local_offsets(server: ReplayServer, store: Store) -> None:
    server.json("shipping/v1/track", "ET123456789AU", recorded("australia-post", "response-1.json"))
    rig = make_rig(server, store, datetime(2021, 2, 4, tzinfo=UTC), **urls(server))
    timeline = rig.poll("ET123456789AU", "australia-post")
    stored = rows(timeline)
    assert len(stored) == 8 and all(offset == 660 for _, offset, *_ in stored)
    assert stored[0][:4] == ("2021-01-26T13:22:43.000Z", 660,
                             "Shipping information received by Australia Post", None)
    assert stored[2][:4] == ("2021-01-27T00:06:59.000Z", 660, "Received by Australia Post", "BEENLEIGH QLD")


def test_australia_post_invalid_id_is_not_found(server: ReplayServer, store: Store) -> None:
    body = recorded("australia-post", "response-2-error.json").replace(b"7XX1000", b"ET123456789AU")
    server.json("shipping/v1/track", "ET123456789AU", body)
    rig = make_rig(server, store, datetime(2021, 2, 4, tzinfo=UTC), **urls(server))
    timeline = rig.poll("ET123456789AU", "australia-post")
    assert timeline.events == [] and "ESB-10001" in (timeline.shipment.last_error or "")
