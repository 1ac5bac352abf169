"""Every connector's events go through `status.classify` (as ingestion does) to sensible tags."""

from __future__ import annotations

import pytest

from parceltrail.adapters.carriers.dhl import parse_shipments
from parceltrail.adapters.carriers.fedex import parse_track
from parceltrail.adapters.carriers.seventeentrack import parse_track_info
from parceltrail.adapters.carriers.ups import parse_details
from parceltrail.adapters.carriers.usps import parse_tracking
from parceltrail.domain.connectors import TrackResult
from parceltrail.status import Tag, classify


@pytest.fixture
def results(recorded) -> dict[str, TrackResult]:
    found = {
        "usps": parse_tracking(recorded("usps_tracking_delivered.json"), "9400111899223197428490"),
        "ups": parse_details(recorded("ups_details_delivered.json"), "1Z023E2X0214323462"),
        "fedex": parse_track(recorded("fedex_track_two.json"),
                             ["794843185271", "123456789012"])["794843185271"],
        "dhl": parse_shipments(recorded("dhl_shipments_express.json"), "7777777770"),
        "china-post": parse_track_info(recorded("17track_gettrackinfo.json")["data"]["accepted"][0])[1],
    }
    assert all(isinstance(r, TrackResult) for r in found.values())
    return found  # type: ignore[return-value]


def _tags(result: TrackResult, carrier: str) -> dict[str, Tag | None]:
    return {e.text: classify(e.text, carrier=carrier, code=e.code, lang=e.lang).tag for e in result.events}


@pytest.mark.parametrize(("carrier", "text", "tag"), [
    ("usps", "Delivered, In/At Mailbox", Tag.Delivered),
    ("usps", "Out for Delivery", Tag.OutForDelivery),
    ("usps", "USPS in possession of item", Tag.InTransit),
    ("ups", "DELIVERED", Tag.Delivered),
    ("ups", "Out For Delivery Today", Tag.OutForDelivery),
    ("ups", "Shipper created a label, UPS has not received the package yet.", Tag.InfoReceived),
    ("fedex", "Delivered", Tag.Delivered),
    ("fedex", "Picked up", Tag.InTransit),
    ("fedex", "International shipment release - Import", Tag.InTransit),
    ("dhl", "Delivered", Tag.Delivered),
    ("dhl", "Processed at LEIPZIG - GERMANY", Tag.InTransit),
    ("china-post", "已收寄", Tag.InTransit),
    ("china-post", "离开国际邮件互换局 已封发", Tag.InTransit),
])
def test_events_classify_sensibly(results, carrier, text, tag) -> None:
    assert _tags(results[carrier], carrier)[text] is tag


@pytest.mark.parametrize(("carrier", "text", "tag"), [
    ("dhl", "Shipment is out with courier for delivery", Tag.OutForDelivery),
    ("dhl", "Shipment picked up", Tag.InTransit),
    ("china-post", "Arrived at USPS Regional Facility", Tag.InTransit),
    ("china-post", "Electronic information received", Tag.InfoReceived),
])
def test_precise_text_beats_coarse_codes_and_carrier_language(results, carrier, text, tag) -> None:
    assert _tags(results[carrier], carrier)[text] is tag
