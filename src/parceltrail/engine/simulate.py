"""Polling cost: carrier lookups per parcel and how late parceltrail learns of each scan, per policy.

A deterministic discrete-event simulation over the sandbox's journeys (`carriers.sandbox.journeys`), with
no I/O: each leg is "polled" at the times its policy picks; a poll sees the scans that happened by then
(as the sandbox HTTP service would answer). Statuses follow the sandbox's expected classification; legs
are linked as ingestion links them (the last-mile number is polled at once when the handover shows) and
polling stops for the whole parcel on a terminal status, or after 30 silent days (Expired).

Compared in the same run: the adaptive policy of `engine.schedule` and a fixed interval (karrio polls
every 2 hours by default). "Requests" are number lookups; batching (40 numbers per call) divides both
policies' counts alike.
"""

from __future__ import annotations

import heapq
import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from parceltrail.carriers.sandbox.journeys import Journey, build_journey
from parceltrail.carriers.sandbox.scenarios import Leg, Scenario
from parceltrail.domain.shipment import Shipment
from parceltrail.engine import schedule
from parceltrail.status import is_terminal

HOUR = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Policy:
    name: str
    after_success: Callable[[Shipment, datetime], datetime | None]
    after_not_found: Callable[[Shipment, datetime], datetime | None]


ADAPTIVE = Policy("adaptive (engine.schedule)", schedule.after_success, schedule.after_not_found)


def fixed(interval: timedelta) -> Policy:
    def success(shipment: Shipment, now: datetime) -> datetime | None:
        if is_terminal(shipment.subtag) or shipment.tag == "Expired":
            return None
        return now + interval

    hours = interval.total_seconds() / 3600
    return Policy(f"fixed every {hours:g} h", success, lambda _s, now: now + interval)


@dataclass(slots=True)
class PolicyResult:
    name: str
    parcels: int
    delivered: int
    requests: int
    requests_delivered: int  # lookups spent on parcels that were delivered
    delays_hours: list[float]
    missed: int  # scans never seen (polling stopped or the horizon came first)

    @property
    def requests_per_delivered(self) -> float:
        return self.requests_delivered / max(1, self.delivered)

    @property
    def median_delay_hours(self) -> float:
        return statistics.median(self.delays_hours) if self.delays_hours else float("nan")

    @property
    def p90_delay_hours(self) -> float:
        if not self.delays_hours:
            return float("nan")
        ordered = sorted(self.delays_hours)
        return ordered[int(0.9 * (len(ordered) - 1))]


def _simulate_parcel(policy: Policy, legs: list[Journey], start: datetime, horizon: datetime,
                     ) -> tuple[int, list[float], int, bool]:
    """Lookups, delays (hours) of the scans seen, scans missed, delivered?"""
    shipments = [Shipment(tracking_number=j.number, carrier="sandbox", created_at=start) for j in legs]
    seen: list[set[int]] = [set() for _ in legs]
    queue: list[tuple[datetime, int]] = [(start, 0)]
    requests = 0
    delays: list[float] = []
    stopped = False
    while queue and not stopped:
        now, index = heapq.heappop(queue)
        if now > horizon:
            break
        leg, shipment = legs[index], shipments[index]
        requests += 1
        shipment.last_checked_at = now
        if not leg.found(now):
            nxt = policy.after_not_found(shipment, now)
        else:
            visible = leg.visible_events(now)
            for position, event in enumerate(visible):
                if position not in seen[index]:
                    seen[index].add(position)
                    delays.append((now - event.occurred_at).total_seconds() / 3600)
            if visible:
                shipment.first_event_at = visible[0].occurred_at
                shipment.last_event_at = max(e.occurred_at for e in visible)
            # The parcel's status is its latest scan on this or any later leg (as ingestion computes it).
            latest = [e for i in range(index, len(legs)) for e in legs[i].visible_events(now)
                      if shipments[i].last_checked_at is not None]
            if latest:
                last = max(latest, key=lambda e: e.occurred_at)
                shipment.tag, shipment.subtag = str(last.expected_tag), str(last.expected_subtag)
            if index + 1 < len(legs) and leg.visible_next_leg(now) and shipment.next_leg_id is None:
                shipment.next_leg_id = index + 1
                heapq.heappush(queue, (now, index + 1))
            if is_terminal(shipment.subtag):
                stopped = True  # the journey is over, whichever leg told us
                break
            nxt = policy.after_success(shipment, now)
        if schedule.is_expired(shipment, now):
            nxt = None
        if nxt is not None:
            heapq.heappush(queue, (nxt, index))
    total = sum(len(j.events) for j in legs)
    delivered = any(s.tag == "Delivered" for s in shipments)
    return requests, delays, total - len(delays), delivered


def parcels(serials: Iterable[int], families: Iterable[Scenario] = tuple(Scenario),
            ) -> list[tuple[Scenario, int]]:
    return [(family, serial) for family in families for serial in serials]


def simulate(policy: Policy, which: list[tuple[Scenario, int]], epoch: datetime,
             horizon: timedelta = timedelta(days=75)) -> PolicyResult:
    """Run `policy` over the journeys of `which` (registered at `epoch`, when the label is created)."""
    result = PolicyResult(policy.name, 0, 0, 0, 0, [], 0)
    for family, serial in which:
        main = build_journey(family, serial, epoch)
        assert main is not None
        legs = [main]
        last_mile = build_journey(family, serial, epoch, leg=Leg.LAST_MILE)
        if last_mile is not None:
            legs.append(last_mile)
        requests, delays, missed, delivered = _simulate_parcel(policy, legs, epoch, epoch + horizon)
        result.parcels += 1
        result.requests += requests
        result.delays_hours.extend(delays)
        result.missed += missed
        if delivered:
            result.delivered += 1
            result.requests_delivered += requests
    return result
