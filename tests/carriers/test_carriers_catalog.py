from __future__ import annotations

from importlib.metadata import EntryPoint

from parceltrail.adapters.carriers.cainiao import CainiaoConnector
from parceltrail.adapters.carriers.catalog import build_catalog, build_connectors, build_registry
from parceltrail.adapters.carriers.dhl import DhlConnector
from parceltrail.adapters.carriers.seventeentrack import SeventeenTrackCarrier
from parceltrail.adapters.carriers.usps import UspsConnector


def test_nothing_configured_only_keyless_enabled_others_say_what_to_set() -> None:
    connectors, statuses = build_connectors({}, plugins=[])
    assert set(connectors) == {"cainiao", "4px", "brazil-correios"}
    enabled = {s.slug for s in statuses if s.enabled}
    assert enabled == {"cainiao", "4px", "correios"}
    assert all(s.keyless for s in statuses if s.enabled)
    usps = next(s for s in statuses if s.slug == "usps")
    assert "PARCELTRAIL_USPS_CLIENT_ID" in usps.reason and "PARCELTRAIL_USPS_CLIENT_SECRET" in usps.reason


def test_partial_credentials_name_the_missing_one() -> None:
    _, statuses = build_connectors({"PARCELTRAIL_UPS_CLIENT_ID": "id"}, plugins=[])
    ups = next(s for s in statuses if s.slug == "ups")
    assert not ups.enabled and "PARCELTRAIL_UPS_CLIENT_SECRET" in ups.reason
    assert "PARCELTRAIL_UPS_CLIENT_ID " not in ups.reason + " "


def test_switch_turns_keyless_connectors_off_and_urls_are_settings() -> None:
    env = {"PARCELTRAIL_DISABLE_CONNECTORS": "cainiao,4px", "PARCELTRAIL_CORREIOS_URL": "http://mirror.test"}
    catalog = build_catalog(env, plugins=[])
    by_slug = {s.slug: s for s in catalog.statuses}
    assert not by_slug["cainiao"].enabled and "PARCELTRAIL_DISABLE_CONNECTORS" in by_slug["cainiao"].reason
    assert not by_slug["4px"].enabled
    assert by_slug["correios"].reason == "uses http://mirror.test"
    assert "remove cainiao from PARCELTRAIL_DISABLE_CONNECTORS" in catalog.hint("china-post", "CN")


def test_routing_prefers_own_then_cainiao_for_china_then_17track() -> None:
    env = {"PARCELTRAIL_USPS_CLIENT_ID": "a", "PARCELTRAIL_USPS_CLIENT_SECRET": "b",
           "PARCELTRAIL_DHL_API_KEY": "k", "PARCELTRAIL_DHL_BASE_URL": "https://dhl.sandbox.test",
           "PARCELTRAIL_17TRACK_KEY": "t"}
    registry, _ = build_registry(env, plugins=[])
    assert isinstance(registry.route("usps").connector, UspsConnector)
    dhl = registry.route("deutsch-post").connector
    assert isinstance(dhl, DhlConnector) and dhl.base_url == "https://dhl.sandbox.test"
    china = registry.route("china-post", origin="CN")
    assert (china.slug, china.tier) == ("cainiao", "origin") and isinstance(china.connector, CainiaoConnector)
    assert registry.route("cainiao").slug == "cainiao"
    # a later leg from China is not sent back to Cainiao: its own carrier's connector or 17TRACK
    later = registry.route("china-post", origin="CN", first_leg=False)
    assert later.slug == "17track" and isinstance(later.connector, SeventeenTrackCarrier)
    assert later.connector.carrier_key == 3011
    assert registry.route("royal-mail").slug == "17track"


def test_plugin_that_fails_to_load_is_disabled_with_the_error() -> None:
    broken = EntryPoint(name="broken", value="parceltrail_no_such_module:SPEC", group="parceltrail.carriers")
    catalog = build_catalog({}, plugins=[broken])
    status = next(s for s in catalog.statuses if s.slug == "broken")
    assert not status.enabled and "ModuleNotFoundError" in status.reason
