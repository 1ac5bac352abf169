"""The seller desk judges "Not updated" by the parcel's whole chain: a last-mile scan is news too."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from parceltrail.domain.orders import OrderStatus
from parceltrail.domain.shipment import Shipment, Timeline, TrackingEvent
from parceltrail.entrypoints.web.desk import reasons_for

NOW = datetime(2026, 12, 8, 12, 0, tzinfo=UTC)


def _event(shipment_id: int, when: datetime, text: str, subtag: str, country: str) -> TrackingEvent:
    return TrackingEvent(occurred_at=when, raw_text=text, source="test", fingerprint=f"{shipment_id}{when}",
                         shipment_id=shipment_id, tag=subtag.split("_")[0], subtag=subtag, country=country)


def _chain(with_last_mile: bool) -> Timeline:
    main = Shipment("LP123456785CN", "china-post", id=1, origin_country="CN", destination_country="BR",
                    tag="InTransit", subtag="InTransit_001", next_leg_id=2 if with_last_mile else None)
    events = [_event(1, NOW - timedelta(days=24), "Posting", "InTransit_002", "CN"),
              _event(1, NOW - timedelta(days=20), "Departed", "InTransit_007", "CN"),
              _event(1, NOW - timedelta(days=14), "Handed over to the local carrier", "InTransit_001", "BR")]
    legs = [main]
    if with_last_mile:
        last = Shipment("BR123456785BR", "brazil-correios", id=2, previous_leg_id=1, tag="InTransit",
                        subtag="InTransit_003", origin_country="BR", destination_country="BR")
        events.append(_event(2, NOW - timedelta(days=1), "Arrived at the delivery unit", "InTransit_003",
                             "BR"))
        legs.append(last)
        main.last_event_at = events[2].occurred_at  # the first leg's own last scan: two weeks ago
    return Timeline(main, events, legs)


def test_a_recent_last_mile_scan_is_news() -> None:
    shipped = NOW - timedelta(days=25)
    assert "not_updated" not in reasons_for(_chain(True), shipped, OrderStatus.IN_TRANSIT, NOW)
    assert "not_updated" in reasons_for(_chain(False), shipped, OrderStatus.IN_TRANSIT, NOW)
