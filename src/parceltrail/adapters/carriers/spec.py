"""What a connector module declares about itself, so the catalog builds every connector the same way.

Each connector module (built in, or a third-party package through the `parceltrail.carriers` entry-point
group) exposes one `ConnectorSpec`: its slug and name, the settings it needs, a factory, the carriers and
number formats it serves, and whether it works without a key. The catalog reads the settings from the
environment, builds the enabled connectors and says why the others are disabled.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from parceltrail.clock import Clock

ENV = "PARCELTRAIL_"


@dataclass(frozen=True, slots=True)
class ConnectorConfig:
    """What a factory gets: the base URL to use, its settings' values (by name without the prefix), the
    shared HTTP client and clock (None: the connector makes its own)."""

    base_url: str
    values: Mapping[str, str] = field(default_factory=dict)
    client: httpx.Client | None = None
    clock: Clock | None = None


@dataclass(frozen=True, slots=True)
class ConnectorSpec:
    slug: str  # the connector's slug, stored with each shipment it follows
    name: str
    factory: Callable[[ConnectorConfig], Any]  # returns a Connector
    default_url: str
    carriers: tuple[str, ...] = ()  # carrier slugs it is the issuing carrier's own connector for
    formats: tuple[str, ...] = ()  # number formats (numbers/formats ids) it serves, for the docs
    settings: tuple[str, ...] = ()  # settings it needs (environment names without PARCELTRAIL_)
    keyless: bool = False  # works with no key: enabled by default
    origins: tuple[str, ...] = ()  # also follows first legs from these origin countries (after their own)
    universal: bool = False  # follows numbers of any carrier, as a last resort
    corrects: bool = False  # asked when a number's carrier may be wrong (auto-correction)
    politeness: str = ""  # rate limit and concurrency cap, for `parceltrail carriers` and the docs
    basis: str = "documentation"  # "recorded traffic", "carrier sandbox" or "documentation"
    # 17TRACK-like aggregators give a per-carrier view of one account (the carrier key rides along)
    per_carrier: Callable[[Any, str], Any] | None = None
    # the environment names users recognise for the key (shown when it is missing)
    signup: str = ""

    def env_name(self, setting: str) -> str:
        return ENV + setting

    def url_env(self) -> str:
        return f"{ENV}{self.slug.upper().replace('-', '_')}_URL"

    def legacy_url_env(self) -> str:
        return f"{ENV}{self.slug.upper().replace('-', '_')}_BASE_URL"

    def missing(self, env: Mapping[str, str]) -> list[str]:
        return [self.env_name(s) for s in self.settings if not env.get(self.env_name(s), "").strip()]

    def base_url(self, env: Mapping[str, str]) -> str:
        return (env.get(self.url_env(), "").strip() or env.get(self.legacy_url_env(), "").strip()
                or self.default_url)

    def build(self, env: Mapping[str, str], client: httpx.Client | None, clock: Clock | None) -> Any:
        values = {s: env[self.env_name(s)].strip() for s in self.settings}
        return self.factory(ConnectorConfig(self.base_url(env), values, client, clock))

    def describe(self) -> dict[str, Any]:
        return {"slug": self.slug, "name": self.name, "carriers": list(self.carriers),
                "formats": list(self.formats), "settings": [self.env_name(s) for s in self.settings],
                "keyless": self.keyless, "url_setting": self.url_env(), "default_url": self.default_url,
                "origins": list(self.origins), "universal": self.universal, "basis": self.basis,
                "politeness": self.politeness}
