"""Polling cost: carrier lookups per parcel and how late parceltrail learns of each scan, per policy.

A deterministic discrete-event simulation over the sandbox's journeys (`adapters.sandbox.journeys`),
with no I/O: each leg is "polled" at the times its policy picks; a poll sees the scans that happened by
then (as the sandbox HTTP service would answer). Statuses follow the sandbox's expected classification;
legs are linked as ingestion links them (the last-mile number is polled at once when the handover
shows) and polling stops for the whole parcel on a terminal status, or after 30 silent days (Expired).

Compared in the same run: the adaptive policy of `services.tracking.schedule` and a fixed interval
(karrio polls every 2 hours by default). "Requests" are number lookups; batching (40 numbers per call)
divides both policies' counts alike.

The adaptive policy is given a `ScanGapModel` fitted on *other* parcels (training serials, disjoint from
the ones measured) that had finished their journeys: what a running installation learns from its own
history (`learned_adaptive`). A policy sees only what the database would hold: the shipment and the scans
fetched so far on its chain, never the journey's future.

Fairness of the metric: a scan's delay is the time from its occurrence to the first poll that fetched
it. Status is derived from the scans actually *fetched* on each leg, never from later legs' scans as of
"now": otherwise a main-leg poll could learn of a delivery its last-mile leg had not fetched yet and stop
the parcel, dropping those scans from the delays. Scans never fetched (polling stopped, or the horizon
came first) count as infinitely late in the median and p90, so a policy cannot improve its delays by
giving up.
"""

from __future__ import annotations

import heapq
import math
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from parceltrail.adapters.sandbox.journeys import Journey, build_journey
from parceltrail.adapters.sandbox.scenarios import Leg, Scenario
from parceltrail.domain.shipment import Shipment
from parceltrail.services.tracking import schedule
from parceltrail.status import is_terminal

HOUR = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Policy:
    name: str
    after_success: Callable[..., datetime | None]  # (shipment, now, chain events) -> next check
    after_not_found: Callable[[Shipment, datetime], datetime | None]


ADAPTIVE = Policy("adaptive (installation's model)", schedule.after_success,
                  schedule.after_not_found)
TRAIN_SERIALS = range(100_001, 100_401)  # the history an installation learned from (400 x 7 parcels)


def learned_adaptive(epoch: datetime, train: Iterable[int] = TRAIN_SERIALS) -> Policy:
    """The adaptive policy with a scan-gap model fitted on the finished journeys of `train` serials."""
    model = schedule.ScanGapModel.fit(history(parcels(train), epoch))

    def success(shipment: Shipment, now: datetime, events: Sequence[schedule.Scan] = ()) -> datetime | None:
        return schedule.after_success(shipment, now, events, model)

    return Policy(f"adaptive ({len(model)} learned gaps)", success, schedule.after_not_found)


@dataclass(frozen=True, slots=True)
class _Scan:
    occurred_at: datetime
    subtag: str | None


def history(which: list[tuple[Scenario, int]], epoch: datetime) -> list[tuple[datetime, list[_Scan]]]:
    """(registered at, chain timeline) of the parcels of `which` whose journey reached a terminal state."""
    out = []
    for family, serial in which:
        legs = _legs(family, serial, epoch)
        events = sorted((e for leg in legs for e in leg.events), key=lambda e: e.occurred_at)
        if events and is_terminal(events[-1].expected_subtag):
            out.append((epoch, [_Scan(e.occurred_at, str(e.expected_subtag)) for e in events]))
    return out


def _legs(family: Scenario, serial: int, epoch: datetime) -> list[Journey]:
    main = build_journey(family, serial, epoch)
    assert main is not None
    last_mile = build_journey(family, serial, epoch, leg=Leg.LAST_MILE)
    return [main] if last_mile is None else [main, last_mile]


def fixed(interval: timedelta) -> Policy:
    def success(shipment: Shipment, now: datetime, _events: object = ()) -> datetime | None:
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
    awaited_delays_hours: list[float]  # the scans people wait for (schedule.is_awaited)
    awaited_missed: int

    @property
    def requests_per_delivered(self) -> float:
        return self.requests_delivered / max(1, self.delivered)

    def _delays(self) -> list[float]:  # scans never seen count as infinitely late
        return self.delays_hours + [math.inf] * self.missed

    @property
    def median_delay_hours(self) -> float:
        return _median(self._delays())

    @property
    def p90_delay_hours(self) -> float:
        return _p90(self._delays())

    @property
    def awaited_median_hours(self) -> float:
        return _median(self.awaited_delays_hours + [math.inf] * self.awaited_missed)

    @property
    def awaited_p90_hours(self) -> float:
        return _p90(self.awaited_delays_hours + [math.inf] * self.awaited_missed)

    def share_within(self, hours: float) -> float:
        delays = self._delays()
        return sum(1 for d in delays if d <= hours) / len(delays) if delays else float("nan")


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(0.9 * (len(ordered) - 1))] if ordered else float("nan")


def _simulate_parcel(policy: Policy, legs: list[Journey], start: datetime, horizon: datetime,
                     ) -> tuple[int, list[tuple[float, bool]], int, int, bool]:
    """Lookups, (delay in hours, awaited?) of the scans seen, scans missed, awaited scans missed,
    delivered?"""
    shipments = [Shipment(tracking_number=j.number, carrier="sandbox", created_at=start) for j in legs]
    fetched: list[list[_Scan]] = [[] for _ in legs]  # what the database holds, per leg
    queue: list[tuple[datetime, int]] = [(start, 0)]
    requests = 0
    delays: list[tuple[float, bool]] = []
    # the scans that move the parcel into a state people wait for, in the order they happen on the chain
    ordered = sorted((e for j in legs for e in j.events), key=lambda e: e.occurred_at)
    awaited_scans = [e for prev, e in zip([None, *ordered], ordered, strict=False)
                     if schedule.is_awaited(str(e.expected_subtag),
                                            str(prev.expected_subtag) if prev is not None else None)]
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
            for event in visible[len(fetched[index]):]:
                delays.append(((now - event.occurred_at).total_seconds() / 3600,
                               event in awaited_scans))
            fetched[index] = [_Scan(e.occurred_at, str(e.expected_subtag)) for e in visible]
            if visible:
                shipment.first_event_at = visible[0].occurred_at
                shipment.last_event_at = max(e.occurred_at for e in visible)
            # The status of every leg is the latest fetched scan on it or any later leg (as ingestion does).
            for i in range(len(legs)):
                later = [e for j in range(i, len(legs)) for e in fetched[j]]
                if later:
                    last = max(later, key=lambda e: e.occurred_at)
                    shipments[i].subtag = str(last.subtag)
                    shipments[i].tag = shipments[i].subtag.rsplit("_", 1)[0]
            if index + 1 < len(legs) and leg.visible_next_leg(now) and shipment.next_leg_id is None:
                shipment.next_leg_id = index + 1
                heapq.heappush(queue, (now, index + 1))
            if is_terminal(shipment.subtag):
                stopped = True  # the journey is over, whichever leg told us
                break
            chain = sorted((e for f in fetched for e in f), key=lambda e: e.occurred_at)
            nxt = policy.after_success(shipment, now, chain)
        if schedule.is_expired(shipment, now):
            nxt = None
        if nxt is not None:
            heapq.heappush(queue, (nxt, index))
    total = sum(len(j.events) for j in legs)
    awaited_total = len(awaited_scans)
    delivered = any(s.tag == "Delivered" for s in shipments)
    awaited_seen = sum(1 for _d, awaited in delays if awaited)
    return requests, delays, total - len(delays), awaited_total - awaited_seen, delivered


def parcels(serials: Iterable[int], families: Iterable[Scenario] = tuple(Scenario),
            ) -> list[tuple[Scenario, int]]:
    return [(family, serial) for family in families for serial in serials]


def simulate(policy: Policy, which: list[tuple[Scenario, int]], epoch: datetime,
             horizon: timedelta = timedelta(days=75)) -> PolicyResult:
    """Run `policy` over the journeys of `which` (registered at `epoch`, when the label is created)."""
    result = PolicyResult(policy.name, 0, 0, 0, 0, [], 0, [], 0)
    for family, serial in which:
        legs = _legs(family, serial, epoch)
        requests, delays, missed, awaited_missed, delivered = _simulate_parcel(
            policy, legs, epoch, epoch + horizon)
        result.parcels += 1
        result.requests += requests
        result.delays_hours.extend(d for d, _awaited in delays)
        result.awaited_delays_hours.extend(d for d, awaited in delays if awaited)
        result.missed += missed
        result.awaited_missed += awaited_missed
        if delivered:
            result.delivered += 1
            result.requests_delivered += requests
    return result
