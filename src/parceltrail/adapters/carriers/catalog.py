"""Which real-carrier connectors are enabled, from configuration/environment, and which carriers each serves.

A connector without its credentials is disabled with the reason; nothing here talks to the network.
17TRACK serves the carriers without an open API, and also stands in for a direct connector (USPS, UPS,
FedEx, DHL) that is disabled.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import httpx

from parceltrail.adapters.carriers import dhl, fedex, seventeentrack, ups, usps
from parceltrail.clock import Clock
from parceltrail.domain.connectors import Connector

ENV = "PARCELTRAIL_"


@dataclass(frozen=True, slots=True)
class ConnectorStatus:
    slug: str
    name: str
    enabled: bool
    reason: str  # why it is disabled, or what it uses when enabled
    serves: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class _Spec:
    slug: str
    name: str
    keys: tuple[str, ...]  # environment variables it needs
    base_url: str
    serves: tuple[str, ...]


DIRECT: tuple[_Spec, ...] = (
    _Spec("usps", "USPS Tracking v3", ("USPS_CLIENT_ID", "USPS_CLIENT_SECRET"), usps.DEFAULT_BASE_URL,
          ("usps",)),
    _Spec("ups", "UPS Track API", ("UPS_CLIENT_ID", "UPS_CLIENT_SECRET"), ups.DEFAULT_BASE_URL, ("ups",)),
    _Spec("fedex", "FedEx Track API", ("FEDEX_API_KEY", "FEDEX_SECRET_KEY"), fedex.DEFAULT_BASE_URL,
          ("fedex",)),
    _Spec("dhl", "DHL Shipment Tracking - Unified", ("DHL_API_KEY",), dhl.DEFAULT_BASE_URL,
          ("dhl", "dhl-global-mail", "deutsch-post")),
)
AGGREGATOR = _Spec("17track", "17TRACK API v2.2", ("17TRACK_KEY",), seventeentrack.DEFAULT_BASE_URL,
                   tuple(seventeentrack.AGGREGATED))


def _missing(env: Mapping[str, str], spec: _Spec) -> list[str]:
    return [ENV + key for key in spec.keys if not env.get(ENV + key, "").strip()]


def _why(missing: list[str]) -> str:
    return f"missing credentials: set {' and '.join(missing)}"


def _base_url(env: Mapping[str, str], spec: _Spec) -> str:
    return env.get(f"{ENV}{spec.slug.upper()}_BASE_URL", "").strip() or spec.base_url


def _make(spec: _Spec, env: Mapping[str, str], client: httpx.Client | None, clock: Clock | None) -> Any:
    values = [env[ENV + key].strip() for key in spec.keys]
    common: dict[str, Any] = {"base_url": _base_url(env, spec), "client": client, "clock": clock}
    if spec.slug == "usps":
        return usps.UspsConnector(values[0], values[1], **common)
    if spec.slug == "ups":
        return ups.UpsConnector(values[0], values[1], **common)
    if spec.slug == "fedex":
        return fedex.FedexConnector(values[0], values[1], **common)
    if spec.slug == "dhl":
        return dhl.DhlConnector(values[0], **common)
    return seventeentrack.SeventeenTrackConnector(values[0], **common)


def build_connectors(env: Mapping[str, str], *, client: httpx.Client | None = None,
                     clock: Clock | None = None) -> tuple[dict[str, Connector], list[ConnectorStatus]]:
    """Connectors by served carrier slug, and one status per connector (enabled or why not)."""
    connectors: dict[str, Connector] = {}
    statuses: list[ConnectorStatus] = []
    uncovered: list[str] = []
    for spec in DIRECT:
        missing = _missing(env, spec)
        if missing:
            statuses.append(ConnectorStatus(spec.slug, spec.name, False, _why(missing), list(spec.serves)))
            uncovered.extend(spec.serves)
            continue
        connector = _make(spec, env, client, clock)
        for carrier in spec.serves:
            connectors[carrier] = connector
        statuses.append(ConnectorStatus(spec.slug, spec.name, True, f"uses {_base_url(env, spec)}",
                                        list(spec.serves)))
    missing = _missing(env, AGGREGATOR)
    if missing:
        statuses.append(ConnectorStatus(AGGREGATOR.slug, AGGREGATOR.name, False, _why(missing),
                                        list(AGGREGATOR.serves)))
        return connectors, statuses
    account = _make(AGGREGATOR, env, client, clock)
    serves = [*AGGREGATOR.serves, *(c for c in uncovered if c not in AGGREGATOR.serves)]
    for carrier in serves:
        connectors[carrier] = account.for_carrier(carrier)
    reason = f"uses {_base_url(env, AGGREGATOR)}"
    if uncovered:
        reason += f"; also stands in for {', '.join(uncovered)} while their own connector is disabled"
    statuses.append(ConnectorStatus(AGGREGATOR.slug, AGGREGATOR.name, True, reason, serves))
    return connectors, statuses
