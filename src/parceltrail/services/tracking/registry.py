"""Which connector serves which carrier."""

from __future__ import annotations

from collections.abc import Mapping

from parceltrail.domain.connectors import Connector


class ConnectorRegistry:
    """Connectors by carrier slug; in demo mode a fallback (the sandbox) answers for every carrier."""

    def __init__(self, connectors: Mapping[str, Connector], fallback: Connector | None = None) -> None:
        self._connectors = dict(connectors)
        self._fallback = fallback

    def for_carrier(self, carrier: str) -> Connector | None:
        return self._connectors.get(carrier) or self._fallback

    def slugs(self) -> list[str]:
        return sorted(self._connectors)
