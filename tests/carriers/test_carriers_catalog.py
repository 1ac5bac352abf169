from __future__ import annotations

from parceltrail.adapters.carriers.catalog import build_connectors
from parceltrail.adapters.carriers.dhl import DhlConnector
from parceltrail.adapters.carriers.seventeentrack import SeventeenTrackCarrier
from parceltrail.adapters.carriers.usps import UspsConnector


def test_nothing_configured_everything_disabled_with_reasons() -> None:
    connectors, statuses = build_connectors({})
    assert connectors == {}
    assert [s.slug for s in statuses] == ["usps", "ups", "fedex", "dhl", "17track"]
    assert not any(s.enabled for s in statuses)
    usps = statuses[0]
    assert "PARCELTRAIL_USPS_CLIENT_ID" in usps.reason and "PARCELTRAIL_USPS_CLIENT_SECRET" in usps.reason


def test_partial_credentials_name_the_missing_one() -> None:
    _, statuses = build_connectors({"PARCELTRAIL_UPS_CLIENT_ID": "id"})
    ups = next(s for s in statuses if s.slug == "ups")
    assert not ups.enabled and "PARCELTRAIL_UPS_CLIENT_SECRET" in ups.reason
    assert "PARCELTRAIL_UPS_CLIENT_ID " not in ups.reason + " "


def test_enabled_connectors_map_every_served_slug() -> None:
    env = {"PARCELTRAIL_USPS_CLIENT_ID": "a", "PARCELTRAIL_USPS_CLIENT_SECRET": "b",
           "PARCELTRAIL_DHL_API_KEY": "k", "PARCELTRAIL_DHL_BASE_URL": "https://dhl.sandbox.test",
           "PARCELTRAIL_17TRACK_KEY": "t"}
    connectors, statuses = build_connectors(env)
    assert isinstance(connectors["usps"], UspsConnector)
    assert isinstance(connectors["dhl"], DhlConnector) and connectors["dhl"] is connectors["deutsch-post"]
    assert connectors["dhl"].base_url == "https://dhl.sandbox.test"
    by_slug = {s.slug: s for s in statuses}
    track17 = by_slug["17track"]
    assert track17.enabled
    for slug in ("china-post", "cainiao", "yanwen", "4px", "yunexpress", "brazil-correios"):
        assert slug in track17.serves
        assert isinstance(connectors[slug], SeventeenTrackCarrier)
    # 17TRACK stands in for the disabled UPS and FedEx connectors, not for enabled USPS/DHL.
    assert "ups" in track17.serves and "fedex" in track17.serves and "usps" not in track17.serves
    assert connectors["china-post"].carrier_key == 3011
    assert all(connector.max_batch >= 1 for connector in connectors.values())
    assert set(connectors) == {c for s in statuses if s.enabled for c in s.serves}
