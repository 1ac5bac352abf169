"""Which connectors are enabled, from the environment, and what each serves.

Every connector module declares a `ConnectorSpec` (spec.py); the catalog loops over the built-in specs and
those of installed plugins (the `parceltrail.carriers` entry-point group) and, for each:
- turns it off when its slug is listed in PARCELTRAIL_DISABLE_CONNECTORS (comma-separated);
- disables it with the settings to set when a required one is missing (free developer keys);
- otherwise builds it with its base URL (PARCELTRAIL_<SLUG>_URL, or the older _BASE_URL, else the spec's).
Key-less connectors need nothing, so a fresh install tracks Cainiao, 4PX and Correios numbers at once.
Nothing here talks to the network.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from importlib.metadata import EntryPoint, entry_points
from typing import Any

import httpx

from parceltrail.adapters.carriers import (
    australiapost,
    cainiao,
    canadapost,
    correios,
    dhl,
    fedex,
    fourpx,
    laposte,
    postnl,
    royalmail,
    seventeentrack,
    ups,
    usps,
    yunexpress,
)
from parceltrail.adapters.carriers.spec import ENV, ConnectorSpec
from parceltrail.clock import Clock
from parceltrail.domain.connectors import Connector
from parceltrail.services.tracking.registry import ConnectorRegistry, Entry

ENTRY_POINT_GROUP = "parceltrail.carriers"
DISABLE_ENV = ENV + "DISABLE_CONNECTORS"
log = logging.getLogger(__name__)

# Order matters only for display: key-less first, then official APIs, then the aggregator.
BUILTIN: tuple[ConnectorSpec, ...] = (
    cainiao.SPEC, fourpx.SPEC, yunexpress.SPEC, correios.SPEC,
    postnl.SPEC, laposte.SPEC, royalmail.SPEC, canadapost.SPEC, australiapost.SPEC,
    usps.SPEC, ups.SPEC, fedex.SPEC, dhl.SPEC, seventeentrack.SPEC,
)


@dataclass(frozen=True, slots=True)
class ConnectorStatus:
    slug: str
    name: str
    enabled: bool
    reason: str  # why it is disabled, or what it uses when enabled
    serves: list[str] = field(default_factory=list)
    keyless: bool = False
    source: str = "built-in"  # or "plugin <distribution>"
    basis: str = "documentation"
    politeness: str = ""
    settings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def disabled_slugs(env: Mapping[str, str]) -> set[str]:
    return {s.strip().lower() for s in env.get(DISABLE_ENV, "").split(",") if s.strip()}


def _spec_of(loaded: Any) -> ConnectorSpec:
    spec = loaded() if callable(loaded) and not isinstance(loaded, ConnectorSpec) else loaded
    if not isinstance(spec, ConnectorSpec):
        raise TypeError(f"entry point gave {type(spec).__name__}, not a ConnectorSpec")
    return spec


def plugin_specs(points: Iterable[EntryPoint] | None = None) -> tuple[list[tuple[ConnectorSpec, str]],
                                                                      list[ConnectorStatus]]:
    """Specs of installed plugins, with the distribution each came from; a plugin that fails to load is a
    disabled status with the error, never a crash."""
    found = entry_points(group=ENTRY_POINT_GROUP) if points is None else points
    specs: list[tuple[ConnectorSpec, str]] = []
    broken: list[ConnectorStatus] = []
    for point in found:
        origin = f"plugin {point.dist.name}" if getattr(point, "dist", None) else f"plugin {point.value}"
        try:
            specs.append((_spec_of(point.load()), origin))
        except Exception as error:  # noqa: BLE001 - a broken plugin must not stop the others
            log.warning("carrier plugin %s failed to load: %s", point.name, error)
            broken.append(ConnectorStatus(point.name, point.name, False,
                                          f"plugin failed to load: {type(error).__name__}: {error}",
                                          source=origin))
    return specs, broken


@dataclass(slots=True)
class Catalog:
    entries: list[Entry]
    statuses: list[ConnectorStatus]
    specs: dict[str, ConnectorSpec]
    disabled: dict[str, str]  # slug -> what would enable it

    def hint(self, carrier: str, origin: str | None = None) -> str:
        """What would let parceltrail follow a number of `carrier` (for unfollowable parcels)."""
        ways = []
        for slug, spec in self.specs.items():
            if slug not in self.disabled:
                continue
            serves = (carrier in spec.carriers or spec.universal
                      or (origin is not None and origin in spec.origins))
            if serves:
                ways.append(f"{self.disabled[slug]} ({spec.name})")
        if not ways:
            return (f"no connector can follow {carrier} numbers yet; a third-party connector plugin could "
                    "(see docs/connectors.md)")
        return f"no enabled connector can follow {carrier} numbers; to track it: " + "; or ".join(ways)


def build_catalog(env: Mapping[str, str], *, client: httpx.Client | None = None, clock: Clock | None = None,
                  plugins: Iterable[EntryPoint] | None = None,
                  extra: Sequence[ConnectorSpec] = ()) -> Catalog:
    specs: list[tuple[ConnectorSpec, str]] = [(s, "built-in") for s in BUILTIN]
    specs += [(s, "extra") for s in extra]
    found, broken = plugin_specs(plugins)
    specs += found
    turned_off = disabled_slugs(env)
    catalog = Catalog([], list(broken), {}, {})
    for spec, origin in specs:
        if spec.slug in catalog.specs:
            catalog.statuses.append(ConnectorStatus(spec.slug, spec.name, False,
                                                    f"slug {spec.slug!r} is already taken; ignored",
                                                    source=origin))
            continue
        catalog.specs[spec.slug] = spec
        common = {"serves": list(spec.carriers) + ([f"first legs from {', '.join(spec.origins)}"]
                                                   if spec.origins else [])
                  + (["any carrier (last resort)"] if spec.universal else []),
                  "keyless": spec.keyless, "source": origin, "basis": spec.basis,
                  "politeness": spec.politeness, "settings": [spec.env_name(s) for s in spec.settings]}
        if spec.slug in turned_off:
            catalog.disabled[spec.slug] = f"remove {spec.slug} from {DISABLE_ENV}"
            catalog.statuses.append(ConnectorStatus(spec.slug, spec.name, False,
                                                    f"turned off by {DISABLE_ENV}", **common))
            continue
        missing = spec.missing(env)
        if missing:
            why = f"set {' and '.join(missing)}"
            catalog.disabled[spec.slug] = why
            note = f" ({spec.signup})" if spec.signup else ""
            catalog.statuses.append(ConnectorStatus(spec.slug, spec.name, False,
                                                    f"missing settings: {why}{note}", **common))
            continue
        try:
            connector = spec.build(env, client, clock)
        except Exception as error:  # noqa: BLE001 - a plugin's factory must not take the others down
            catalog.statuses.append(ConnectorStatus(spec.slug, spec.name, False,
                                                    f"failed to start: {type(error).__name__}: {error}",
                                                    **common))
            continue
        per_carrier = None
        if spec.per_carrier is not None:
            view = spec.per_carrier
            per_carrier = _bind(view, connector)
        catalog.entries.append(Entry(spec.slug, connector, frozenset(spec.carriers), frozenset(spec.origins),
                                     spec.universal, spec.corrects, per_carrier))
        catalog.statuses.append(ConnectorStatus(spec.slug, spec.name, True,
                                                f"uses {spec.base_url(env)}", **common))
    return catalog


def _bind(view: Callable[[Any, str], Any], account: Any) -> Callable[[str], Connector]:
    return lambda carrier: view(account, carrier)


def build_registry(env: Mapping[str, str], *, client: httpx.Client | None = None, clock: Clock | None = None,
                   connectors: Mapping[str, Connector] | None = None, fallback: Connector | None = None,
                   plugins: Iterable[EntryPoint] | None = None) -> tuple[ConnectorRegistry, Catalog]:
    catalog = build_catalog(env, client=client, clock=clock, plugins=plugins)
    registry = ConnectorRegistry(connectors, fallback, entries=catalog.entries, hint=catalog.hint)
    return registry, catalog


def build_connectors(env: Mapping[str, str], *, client: httpx.Client | None = None,
                     clock: Clock | None = None, plugins: Iterable[EntryPoint] | None = None,
                     ) -> tuple[dict[str, Connector], list[ConnectorStatus]]:
    """Connectors by carrier slug (the route a first-leg number of that carrier would take) and one status
    per connector (enabled, or why not)."""
    registry, catalog = build_registry(env, client=client, clock=clock, plugins=plugins)
    carriers = {c for spec in catalog.specs.values() for c in spec.carriers}
    connectors: dict[str, Connector] = {}
    for carrier in sorted(carriers):
        connector = registry.for_carrier(carrier)
        if connector is not None:
            connectors[carrier] = connector
    return connectors, catalog.statuses
