from datetime import UTC, datetime, timedelta

from parceltrail.domain.shipment import TrackingEvent
from parceltrail.predict import Stage, stage_entries, stage_of

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def ev(day: int, subtag: str, country: str | None = None) -> TrackingEvent:
    return TrackingEvent(occurred_at=T0 + timedelta(days=day), raw_text=subtag, source="test",
                         fingerprint=f"{day}-{subtag}", tag=subtag.split("_")[0], subtag=subtag,
                         country=country)


CROSS_BORDER = [
    ev(0, "InfoReceived_001", "CN"),
    ev(1, "InTransit_002", "CN"),
    ev(2, "InTransit_003", "CN"),
    ev(3, "InTransit_006", "CN"),  # export customs
    ev(4, "InTransit_005", "CN"),
    ev(5, "InTransit_007", "CN"),
    ev(9, "InTransit_004", "DE"),
    ev(10, "InTransit_006", "DE"),
    ev(12, "InTransit_005", "DE"),
    ev(13, "InTransit_003", "DE"),
    ev(14, "OutForDelivery_001", "DE"),
]


def test_cross_border_journey_walks_every_stage():
    entries = stage_entries(CROSS_BORDER, origin_country="CN", destination_country="DE")
    assert list(entries) == [
        Stage.info_received, Stage.accepted, Stage.in_transit_origin, Stage.export_customs,
        Stage.international, Stage.import_customs, Stage.last_mile, Stage.out_for_delivery,
    ]
    assert entries[Stage.import_customs] == T0 + timedelta(days=9)


def test_stage_of_uses_events_then_current_status():
    events = CROSS_BORDER[:8]
    assert stage_of("InTransit", "InTransit_006", events,
                    origin_country="CN", destination_country="DE") is Stage.import_customs
    assert stage_of("Delivered", "Delivered_001", CROSS_BORDER) is Stage.delivered
    assert stage_of("Pending", "Pending_001") is Stage.pending


def test_customs_without_countries_is_import_and_release_means_last_mile():
    events = [ev(0, "InTransit_002"), ev(2, "InTransit_006")]
    assert stage_of("InTransit", "InTransit_006", events) is Stage.import_customs
    assert stage_of("InTransit", "InTransit_005", events) is Stage.last_mile


def test_stages_never_go_back_and_exceptions_keep_the_stage():
    events = [ev(0, "InTransit_002"), ev(1, "OutForDelivery_001"), ev(2, "InTransit_003")]
    assert stage_of("Exception", "Exception_005", events) is Stage.out_for_delivery
    held = [ev(0, "InTransit_002"), ev(3, "Exception_004")]
    assert stage_of("Exception", "Exception_004", held) is Stage.import_customs


def test_domestic_parcel():
    events = [ev(0, "InTransit_002", "US"), ev(1, "InTransit_003", "US")]
    assert stage_of("InTransit", "InTransit_003", events,
                    origin_country="US", destination_country="US") is Stage.in_transit_origin
