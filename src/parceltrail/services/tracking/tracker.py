"""The tracking service: register numbers, poll what is due, ingest, and reschedule.

input -> numbers.detect -> shipment stored -> due by next_check_at -> connector.fetch ->
ingestion (status.classify, store once, status and legs recomputed) -> next check scheduled.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from parceltrail.clock import Clock
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, TrackResult
from parceltrail.domain.errors import NotFoundError, UnknownCarrierError, UnrecognizedNumberError
from parceltrail.domain.shipment import Shipment, Timeline
from parceltrail.numbers import Candidate, detect, is_known_carrier, normalize, suggest
from parceltrail.services.marketplace.order_status import on_shipment_changed
from parceltrail.services.outlook.eta import ModelCache, Models, current_models, models_for
from parceltrail.services.ports import Store, UnitOfWork
from parceltrail.services.tracking import routing, schedule
from parceltrail.services.tracking.ingestion import IngestReport, ingest, ingest_many
from parceltrail.services.tracking.leases import new_owner
from parceltrail.services.tracking.registry import ConnectorRegistry
from parceltrail.services.tracking.unwatched import Sweeper
from parceltrail.services.tracking.validation import checked
from parceltrail.status import Tag, default_subtag

log = logging.getLogger(__name__)
MODEL_REFIT_EVERY = timedelta(hours=6)  # of installation time: learned models follow new deliveries


@dataclass(slots=True)
class PollReport:
    polled: int = 0
    new_events: int = 0
    unclassified: int = 0
    failures: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    requests: int = 0

    def add(self, other: PollReport) -> None:
        self.polled += other.polled
        self.new_events += other.new_events
        self.unclassified += other.unclassified
        self.requests += other.requests
        for kind, count in other.failures.items():
            self.failures[kind] += count


class PollObserver(Protocol):
    """Told what the engine does, e.g. to count it for the operator's metrics."""

    def fetched(self, carrier: str, connector: str, seconds: float | None,
                outcomes: Mapping[str, FetchOutcome]) -> None:
        """One lookup: the outcome per number, and how long the connector took (None: none was called)."""
        ...

    def ingested(self, report: PollReport) -> None:
        """A poll round (or a pushed update) was stored."""
        ...


def parse_number(text: str, carrier: str | None = None) -> tuple[str, Candidate | None]:
    """Normalize and recognize a number; the candidate is None only when the user named a carrier whose
    formats do not match (their override wins). Raises InputError/InvalidNumberError on bad input."""
    number = normalize(text)
    if carrier is not None and not is_known_carrier(carrier):
        raise UnknownCarrierError(carrier)
    candidates = detect(number)
    if carrier is not None:
        return number, next((c for c in candidates if c.carrier == carrier), None)
    chosen = next((c for c in candidates if c.checksum != "failed"), None)
    if chosen is None:
        raise UnrecognizedNumberError(number, [s.number for s in suggest(number)])
    return number, chosen


def store_for_tracking(repo: UnitOfWork, number: str, reading: Candidate | None, now: datetime, *,
                       carrier: str | None = None, destination_country: str | None = None) -> Shipment:
    """The shared shipment for a recognized number, stored (idempotently) and due for a check now, in
    the caller's transaction. `carrier` overrides the reading's (None reading: the user's carrier)."""
    return repo.shipments.add(Shipment(
        tracking_number=number,
        carrier_source=routing.USER if carrier else routing.DETECTED,
        carrier=carrier or (reading.carrier if reading else "unknown"),
        format=reading.format if reading else None,
        service_class=reading.service_class if reading else None,
        origin_country=reading.country if reading else None,
        destination_country=destination_country,
        trackable=reading.trackable if reading else True,
        untrackable_reason=reading.untrackable_reason if reading else None,
        next_check_at=now,
    ), now)


class Tracker:
    def __init__(self, store: Store, connectors: ConnectorRegistry, clock: Clock,
                 batch_size: int = 200, scan_gaps: schedule.ScanGapModel | None = None,
                 models: ModelCache | None = None) -> None:
        self.store = store
        # The ETA models this process holds for the store (the runtime's, shared with its read paths).
        self.models = models or ModelCache(store)
        self.connectors = connectors
        self.clock = clock
        self.batch_size = batch_size
        # Due shipments are claimed under this owner's leases, so concurrent pollers never share one.
        self.lease_owner = new_owner()
        # When to poll next: scan gaps learned from finished journeys (services/tracking/schedule.py).
        self.scan_gaps = scan_gaps or schedule.EMPTY_MODEL
        self._models_fitted_at: datetime | None = None
        self.observer: PollObserver | None = None
        # Removes numbers nobody owns or looks at any more (services/tracking/unwatched.py); None keeps all.
        self.unwatched: Sweeper | None = None

    # registration --------------------------------------------------------------------------------
    def register(self, text: str, carrier: str | None = None) -> Shipment:
        """Store a number for tracking (idempotent). Raises InputError subclasses on bad input; nothing
        is written then."""
        number, chosen = parse_number(text, carrier)
        now = self.clock.now()
        with self.store.transaction() as repo:
            shipment = store_for_tracking(repo, number, chosen, now, carrier=carrier)
            if carrier is not None and shipment.carrier_source != routing.USER:
                shipment.carrier_source = routing.USER  # named now: never auto-corrected from here on
                repo.shipments.save(shipment, now)
            return shipment

    # reading -------------------------------------------------------------------------------------
    def timeline(self, shipment_id: int) -> Timeline:
        with self.store.read() as repo:
            shipment = repo.shipments.get(shipment_id)
            if shipment is None:
                raise NotFoundError(f"no shipment {shipment_id}")
            legs = repo.shipments.chain(shipment)
            events = repo.shipments.events([leg.id for leg in legs if leg.id is not None])
        return Timeline(shipment=shipment, events=events, legs=legs)

    # polling -------------------------------------------------------------------------------------
    def poll_due(self, limit: int | None = None) -> PollReport:
        """Fetch every shipment whose next check time has come (up to `limit`)."""
        # Claim the batch under a lease (FOR UPDATE SKIP LOCKED on PostgreSQL, a conditional UPDATE on
        # SQLite) instead of a plain read, so concurrent pollers never share a shipment; each lease is
        # released by the ingestion transaction (_store_batch or _apply), or here on error.
        due = self.store.claim_due(self.clock.now(), limit or self.batch_size, self.lease_owner)
        try:
            report = self.refresh(due, lease_owner=self.lease_owner)
        except BaseException:
            self.store.release_quietly(self.lease_owner, [s.id for s in due if s.id is not None])
            raise
        if self.observer is not None and report.polled:
            self.observer.ingested(report)
        return report

    def refresh(self, shipments: Iterable[Shipment], *, lease_owner: str | None = None) -> PollReport:
        """Fetch these shipments now, in carrier-sized batches, and ingest what comes back (`lease_owner`:
        they were claimed under that lease, which each ingestion transaction settles)."""
        report = PollReport()
        # Each shipment goes to the best enabled connector for its number (routing.route_for); shipments
        # sharing a connector are fetched together in batches.
        by_route: dict[tuple[str | None, int], tuple[routing.Route, list[Shipment]]] = {}
        for shipment in shipments:
            route = routing.route_for(self.connectors, shipment)
            by_route.setdefault((route.slug, id(route.connector)), (route, []))[1].append(shipment)
        not_found: list[int] = []
        for route, group in by_route.values():
            connector = route.connector
            if connector is None:
                # AUTH, not PERMANENT: once the operator enables a connector, polling resumes.
                failure = Failure(FailureKind.AUTH, route.reason or "no connector is enabled for carrier "
                                  f"{group[0].carrier!r} (see `parceltrail carriers`)")
                if self.observer is not None:
                    self.observer.fetched(group[0].carrier, "none", None,
                                          {s.tracking_number: failure for s in group})
                for shipment in group:
                    self._apply(shipment, failure, routing.NONE, report, lease_owner)
                continue
            source = route.slug or connector.slug
            for start in range(0, len(group), connector.max_batch):
                batch = group[start:start + connector.max_batch]
                started = time.perf_counter()
                try:
                    outcomes = connector.fetch([s.tracking_number for s in batch])
                except Exception as error:  # noqa: BLE001 - a connector bug is a fault of this batch
                    log.warning("connector %s raised", connector.slug, exc_info=True)
                    outcomes = {s.tracking_number: Failure(
                        FailureKind.RETRY_LATER, f"the connector raised {type(error).__name__}")
                        for s in batch}
                if self.observer is not None:
                    self.observer.fetched(batch[0].carrier, connector.slug, time.perf_counter() - started,
                                          outcomes)
                report.requests += 1
                # Connector output is checked at this boundary: a bad answer backs off its parcel only.
                pairs = [(shipment, checked(outcomes.get(shipment.tracking_number) or Failure(
                    FailureKind.RETRY_LATER, "the connector returned no outcome for this number")))
                    for shipment in batch]
                self._apply_batch(pairs, source, report, lease_owner)
                not_found += [s.id for s, o in pairs if s.id is not None and isinstance(o, Failure)
                              and o.kind is FailureKind.NOT_FOUND]
        if not_found:
            routing.correct_carriers(self, not_found)
        return report

    def _apply_batch(self, pairs: list[tuple[Shipment, TrackResult | Failure]], source: str,
                     report: PollReport, lease_owner: str | None = None) -> None:
        """Store a fetched batch's outcomes in one transaction, since a commit per shipment would bound
        the ingestion rate: leases settled with one fenced UPDATE (a shipment whose lease was taken over
        is dropped, as in `_apply`), events of every shipment inserted in one statement, rows saved in
        one round trip. If the batch fails (e.g. a deadlock with another poller over a shared leg), it
        is redone one shipment per transaction, so one bad shipment cannot block the others."""
        partial = PollReport()
        models = self._models()
        try:
            with self.store.transaction() as repo:
                self._store_batch(repo, pairs, source, partial, lease_owner, models)
        except Exception:
            if len(pairs) <= 1:
                raise
            log.warning("batch ingestion failed; retrying one shipment at a time", exc_info=True)
            for shipment, outcome in pairs:
                try:
                    self._apply(shipment, outcome, source, report, lease_owner)
                except Exception as error:  # noqa: BLE001 - this shipment backs off, the others go on
                    log.warning("ingesting shipment %s failed", shipment.id, exc_info=True)
                    fault = Failure(FailureKind.RETRY_LATER,
                                    f"storing the carrier's answer failed: {type(error).__name__}")
                    self._apply(shipment, fault, source, report, lease_owner)
            return
        report.add(partial)

    def _models(self) -> Models:
        """The ETA models for recording estimates, read before a transaction opens; never refitted here
        (the loop's `refresh_models` and the read paths do that)."""
        return current_models(self.models, self.clock.now())

    def _store_batch(self, repo: UnitOfWork, pairs: list[tuple[Shipment, TrackResult | Failure]],
                     source: str, report: PollReport, lease_owner: str | None,
                     models: Models | None = None) -> None:
        now = self.clock.now()
        report.polled += len(pairs)
        ids = [s.id for s, _ in pairs if s.id is not None]
        held = repo.shipments.settle_leases(ids, lease_owner) if lease_owner is not None else set(ids)
        currents = repo.shipments.get_many([i for i in ids if i in held])  # deleted ones are simply gone
        live_pairs = [(currents[s.id], outcome) for s, outcome in pairs if s.id in currents]
        before = {c.id: (c.tag, c.subtag, c.last_event_at) for c, _ in live_pairs}
        successes = [(c, o) for c, o in live_pairs if isinstance(o, TrackResult)]
        for current, outcome in live_pairs:
            current.last_checked_at = now
            routing.note_outcome(current, source, outcome, now)
        results = dict(zip([c.id for c, _ in successes],
                           ingest_many(repo, successes, source, now, save_items=False, models=models),
                           strict=True))
        for current, outcome in live_pairs:
            result = results.get(current.id)
            if result is not None:
                report.new_events += result.new_events
                report.unclassified += result.unclassified
                if result.new_events:  # Scale-out: NOTIFY API processes (delivered on commit)
                    repo.publish_change(current.id)
            self._reschedule(current, outcome, now, report, result)
        repo.shipments.save_many([c for c, _ in live_pairs], now)
        for current, _ in live_pairs:
            result = results.get(current.id)
            if (result is not None and (result.new_events or result.next_leg is not None)) \
                    or before[current.id] != (current.tag, current.subtag, current.last_event_at):
                on_shipment_changed(repo, current.id, now)  # orders follow their parcels

    def _reschedule(self, current: Shipment, outcome: TrackResult | Failure, now: datetime,
                    report: PollReport, result: IngestReport | None = None) -> None:
        if isinstance(outcome, TrackResult):
            current.failure_count = 0
            current.last_error = None
            current.next_check_at = schedule.after_success(
                current, now, result.timeline if result is not None else None, self.scan_gaps)
        elif outcome.kind is FailureKind.NOT_FOUND:
            current.failure_count = 0
            current.last_error = outcome.reason
            current.next_check_at = schedule.after_not_found(current, now)
        else:
            report.failures[outcome.kind.value] += 1
            current.failure_count += 1
            current.last_error = outcome.reason
            current.next_check_at = schedule.after_failure(
                outcome.kind, current.failure_count, now, outcome.retry_after_seconds)
        if schedule.is_expired(current, now):
            current.tag, current.subtag = Tag.Expired.value, default_subtag(Tag.Expired).value
            current.next_check_at = None

    def _apply(self, shipment: Shipment, outcome: TrackResult | Failure, source: str,
               report: PollReport, lease_owner: str | None = None) -> None:
        now = self.clock.now()
        report.polled += 1
        models = self._models()
        with self.store.transaction() as repo:
            # Scale-out: release the lease with the outcome; a lease lost to another poller drops it.
            if (lease_owner is not None and shipment.id is not None
                    and not repo.settle_lease(shipment.id, lease_owner)):
                return
            current = repo.shipments.get(shipment.id) if shipment.id is not None else None
            if current is None:
                return  # deleted while we fetched
            current.last_checked_at = now
            routing.note_outcome(current, source, outcome, now)
            result = None
            if isinstance(outcome, TrackResult):
                result = ingest(repo, current, outcome, source, now, models=models)
                report.new_events += result.new_events
                if result.new_events:  # Scale-out: NOTIFY API processes (delivered on commit)
                    repo.publish_change(current.id)
                report.unclassified += result.unclassified
            self._reschedule(current, outcome, now, report, result)
            repo.shipments.save(current, now)
            on_shipment_changed(repo, current.id, now)  # orders follow their parcels, same transaction

    def accept_push(self, number: str, outcome: TrackResult | Failure | None, source: str, *,
                    stopped: bool = False) -> bool:
        """A carrier pushed an update (e.g. 17TRACK's webhook): ingest it like a poll result for every
        tracked shipment with that number. False when the number is not tracked here."""
        with self.store.read() as repo:
            targets = repo.shipments.find_all(number)
        if not targets:
            return False
        if stopped or outcome is None:
            return True  # the carrier stopped pushing; our own polling schedule carries on
        outcome = checked(outcome)
        report = PollReport()
        for shipment in targets:
            self._apply(shipment, outcome, source, report)
        if self.observer is not None:
            self.observer.ingested(report)
        return True

    def refresh_models(self) -> None:
        """Relearn what the engine learns from finished journeys (scan gaps for the schedule, ETA and
        silence models): cheap when fresh, so the polling loop calls it every round."""
        now = self.clock.now()
        if self._models_fitted_at is None or now - self._models_fitted_at >= MODEL_REFIT_EVERY:
            with self.store.read() as repo:
                timelines = repo.shipments.finished_timelines(5000)
            if timelines:
                self.scan_gaps = schedule.ScanGapModel.fit(timelines)
            self._models_fitted_at = now
        models_for(self.models, now)

    def run(self, stop: threading.Event, idle_seconds: float = 1.0) -> None:
        """Poll due shipments until `stop` is set; never dies on one bad batch."""
        while not stop.is_set():
            try:
                self.refresh_models()
                if self.unwatched is not None:
                    self.unwatched.maybe_sweep()
                report = self.poll_due()
            except Exception:  # keep the loop alive; the failure is logged with its traceback
                log.exception("polling failed")
                report = PollReport()
            if report.polled < self.batch_size:
                stop.wait(idle_seconds)
