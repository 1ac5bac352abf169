"""Carrier and lane performance: counts and transit times of parcels per group, and the rates over them.

A parcel is counted once, by its first leg, in the month its journey started (first scan, else when it
was registered). Its outcome is its current status: delivered, returned (returning or returned to the
sender), lost (reported lost, or tracking expired after a long silence without delivery), or in an
exception (any other exception or failed attempt). On time against the estimate: delivered before the end
of the last local day of the first estimate it was given. Orders carry no promised date, so there is no
on-time rate against a promise.
"""

from __future__ import annotations

from dataclasses import dataclass

DIMENSIONS = ("carrier", "origin", "destination", "month")


@dataclass(frozen=True, slots=True)
class LaneStats:
    carrier: str | None
    origin: str | None
    destination: str | None
    month: str | None  # YYYY-MM
    shipments: int
    delivered: int
    with_estimate: int  # delivered parcels that had been given an estimate
    on_time: int  # of those, delivered by the end of the estimate's last day
    exceptions: int
    returned: int
    lost: int
    transit_p50_days: float | None  # delivered parcels: first scan to delivery
    transit_p90_days: float | None

    @staticmethod
    def _rate(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    @property
    def on_time_rate(self) -> float | None:
        return self._rate(self.on_time, self.with_estimate)

    @property
    def exception_rate(self) -> float | None:
        return self._rate(self.exceptions, self.shipments)

    @property
    def return_rate(self) -> float | None:
        return self._rate(self.returned, self.shipments)

    @property
    def lost_rate(self) -> float | None:
        return self._rate(self.lost, self.shipments)
