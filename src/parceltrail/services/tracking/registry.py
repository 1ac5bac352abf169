"""Which connector follows which number.

A number goes to the best enabled connector: the issuing carrier's own; then, for a first leg from an
origin a consolidator covers (Cainiao for China-origin and AliExpress numbers), that consolidator; then a
universal aggregator (17TRACK) when one is configured. In demo mode a fallback (the sandbox) answers for
every carrier. When nothing can follow a number, the route says what would make it trackable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from parceltrail.domain.connectors import Connector

# How the route was chosen, most specific first.
OWN, ORIGIN, UNIVERSAL, KEPT, FALLBACK = "own", "origin", "universal", "kept", "fallback"


@dataclass(frozen=True, slots=True)
class Route:
    slug: str | None  # the connector's slug (stored with the shipment); None: nothing can follow it
    connector: Connector | None
    tier: str = OWN
    reason: str | None = None  # when nothing can follow it: what would make it trackable


@dataclass(frozen=True, slots=True)
class Entry:
    """One enabled connector and what it serves (built by the catalog from the connector's spec)."""

    slug: str
    connector: Connector
    carriers: frozenset[str] = frozenset()  # issuing carriers it is the own connector of
    origins: frozenset[str] = frozenset()  # origin countries whose first legs it follows
    universal: bool = False  # any carrier, as a last resort
    corrects: bool = False  # asked when a number's carrier may be wrong
    per_carrier: Callable[[str], Connector] | None = field(default=None, compare=False)

    def view(self, carrier: str) -> Connector:
        return self.per_carrier(carrier) if self.per_carrier is not None else self.connector


class ConnectorRegistry:
    """Routes numbers to connectors. `connectors` maps carrier slugs straight to a connector (the sandbox,
    tests); `entries` are the catalog's connectors with what they serve; `hint(carrier, origin)` says what
    would make an unfollowable number trackable."""

    def __init__(self, connectors: Mapping[str, Connector] | None = None,
                 fallback: Connector | None = None, *,
                 entries: Sequence[Entry] = (),
                 hint: Callable[[str, str | None], str] | None = None) -> None:
        self._connectors = dict(connectors or {})
        self._fallback = fallback
        self._entries = list(entries)
        self._hint = hint

    # routing -------------------------------------------------------------------------------------
    def candidates(self, carrier: str, *, origin: str | None = None, first_leg: bool = True) -> list[Route]:
        """Every connector that could follow a number of `carrier`, best first (one per slug)."""
        routes: list[Route] = []
        direct = self._connectors.get(carrier)
        if direct is not None:
            routes.append(Route(getattr(direct, "slug", carrier), direct, OWN))
        routes += [Route(e.slug, e.view(carrier), OWN) for e in self._entries
                   if carrier in e.carriers and not e.universal]
        if first_leg and origin:
            routes += [Route(e.slug, e.view(carrier), ORIGIN) for e in self._entries
                       if origin in e.origins and not e.universal]
        routes += [Route(e.slug, e.view(carrier), UNIVERSAL) for e in self._entries if e.universal]
        if self._fallback is not None:
            routes.append(Route(getattr(self._fallback, "slug", "fallback"), self._fallback, FALLBACK))
        seen: set[str | None] = set()
        unique = []
        for route in routes:
            if route.slug not in seen:
                seen.add(route.slug)
                unique.append(route)
        return unique

    def route(self, carrier: str, *, origin: str | None = None, first_leg: bool = True,
              keep: str | None = None) -> Route:
        """The connector to use; `keep`: a connector chosen earlier (a carrier correction) stays while it
        is still enabled and can follow the number."""
        options = self.candidates(carrier, origin=origin, first_leg=first_leg)
        if keep is not None:
            kept = next((r for r in options if r.slug == keep), None)
            kept = kept or next((Route(e.slug, e.view(carrier), KEPT) for e in self._entries
                                 if e.slug == keep and (e.corrects or e.universal)), None)
            if kept is not None:
                return kept
        if options:
            return options[0]
        return Route(None, None, reason=self.unfollowable_reason(carrier, origin))

    def unfollowable_reason(self, carrier: str, origin: str | None = None) -> str:
        if self._hint is not None:
            return self._hint(carrier, origin)
        return f"no enabled connector can follow {carrier} numbers (see `parceltrail carriers`)"

    def correctors(self, carrier: str, exclude: Iterable[str | None] = ()) -> list[Route]:
        """Connectors worth asking when `carrier` may be wrong: each other connector that serves it, then the
        universal ones (Cainiao, 17TRACK), never those in `exclude`."""
        skip = set(exclude)
        routes = [r for r in self.candidates(carrier, first_leg=False) if r.slug not in skip
                  and r.tier != FALLBACK]
        routes += [Route(e.slug, e.view(carrier), UNIVERSAL) for e in self._entries
                   if e.corrects and e.slug not in skip and all(r.slug != e.slug for r in routes)]
        return routes

    def for_carrier(self, carrier: str) -> Connector | None:
        """The connector that would follow a first-leg number of `carrier` (None when none can)."""
        return self.route(carrier).connector

    def slugs(self) -> list[str]:
        return sorted({*self._connectors, *(e.slug for e in self._entries)})

    def entry(self, slug: str) -> Entry | None:
        return next((e for e in self._entries if e.slug == slug), None)
