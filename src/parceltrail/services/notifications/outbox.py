"""The notification outbox: written in the transaction of the change that causes it, then delivered by a
dispatcher at least once, in order per shipment (per subscription), with exponential backoff and jitter for
up to 24 hours, then dead-lettered with the reason.

* `record_changes` runs inside ingestion's transaction: a notification exists if and only if the events
  that caused it were stored.
* `record_stale` (no news for N days) and `compose_digests` (the daily digest) run in the dispatcher.
* `OutboxDispatcher` claims notifications with a lease (a conditional UPDATE, safe with several dispatchers
  on SQLite and PostgreSQL), delivers them and records the outcome. A dispatcher killed mid-delivery loses
  nothing: its lease expires and another one delivers the notification again (receivers dedupe by
  `event_id`).
"""

from __future__ import annotations

import logging
import random
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from parceltrail.clock import Clock
from parceltrail.domain.accounts import Tracking
from parceltrail.domain.calendar import Window
from parceltrail.domain.errors import ConflictError
from parceltrail.domain.notifications import (
    DispatchReport,
    EventKind,
    Notification,
    Outcome,
    Status,
    Subscription,
)
from parceltrail.domain.shipment import Shipment, Timeline
from parceltrail.services.notifications.payloads import snapshot
from parceltrail.services.notifications.timing import next_digest_time, release_time
from parceltrail.services.outlook import estimates
from parceltrail.services.outlook.estimates import today_in
from parceltrail.services.outlook.eta import Models, current_models, in_flight
from parceltrail.services.ports import NotificationRepository, Store, UnitOfWork
from parceltrail.settings import NotifySettings
from parceltrail.status import is_terminal

log = logging.getLogger(__name__)

RETRY_WINDOW = timedelta(hours=24)
DEFAULT_STALE_DAYS = 7.0
DEFAULT_ETA_DAYS = 1.0


class ChangeReport(Protocol):
    """What ingestion tells the outbox (services.tracking.ingestion.IngestReport fits)."""

    new_events: int
    status_changed: bool


def _public_url() -> str:
    return NotifySettings.from_env().public_url


def _not_before(subscription: Subscription, now: datetime) -> tuple[Status, datetime]:
    tz, start, end = subscription.timezone, subscription.quiet_start, subscription.quiet_end
    if subscription.digest:
        return Status.HELD, release_time(next_digest_time(now, tz, subscription.digest_hour), tz, start, end)
    return Status.PENDING, release_time(now, tz, start, end)


def _enqueue(notes: NotificationRepository, subscription: Subscription, shipment_id: int | None,
             kind: EventKind, payload: dict[str, Any], now: datetime, event_id: str | None = None) -> int:
    status, not_before = _not_before(subscription, now)
    return notes.enqueue(event_id=event_id or uuid.uuid4().hex, subscription_id=subscription.id,
                         shipment_id=shipment_id, kind=kind, payload=payload, status=status, now=now,
                         not_before=not_before, expires_at=not_before + RETRY_WINDOW)


def _change_kind(subscription: Subscription, changed: bool, previous_tag: str | None, tag: str,
                 new_events: int) -> EventKind | None:
    if changed:
        if tag == "Delivered" and previous_tag != "Delivered" and subscription.wants(EventKind.DELIVERED):
            return EventKind.DELIVERED
        if tag == "Exception" and subscription.wants(EventKind.EXCEPTION):
            return EventKind.EXCEPTION
        if subscription.wants(EventKind.STATUS_CHANGE):
            return EventKind.STATUS_CHANGE
    if new_events and subscription.wants(EventKind.CHECKPOINT):
        return EventKind.CHECKPOINT
    return None


def record_changes(uow: UnitOfWork, shipment: Shipment, report: ChangeReport, now: datetime, *,
                   eta: date | None = None, window: Window | None = None,
                   public_url: str | None = None,
                   known: Mapping[int | None, Shipment] | None = None) -> list[int]:
    """Write the notifications that `report` (ingestion's result for `shipment`) causes, through `uow`, in the
    caller's transaction. Every subscription following any leg of the parcel gets at most one status
    notification (and one ETA notification: when the expected day moved by at least the subscription's
    `eta_days`, one day by default). `window` is the parcel's current estimate in the destination's
    calendar (its expected day is the `eta`). `known`: the legs as the caller holds them, newer than their
    rows when the caller saves them later (a batch's own items). Returns the new notifications' ids."""
    if window is not None:
        eta = window.expected_day
    if not (report.new_events or report.status_changed or eta) or shipment.id is None:
        return []
    if not uow.shipments.any_subscriptions():
        return []
    repo, notes, accounts = uow, uow.notifications, uow.accounts
    fresh = known or {}
    legs = {leg.id: fresh.get(leg.id, leg) for leg in repo.shipments.chain(shipment) if leg.id is not None}
    legs[shipment.id] = shipment
    matches = notes.matching(list(legs))
    if not matches:
        return []
    events = repo.shipments.events(list(legs))
    url = public_url or _public_url()
    created: list[int] = []
    for subscription, followed_id, tracking_id in matches:
        subject = legs.get(followed_id) or repo.shipments.get(followed_id)
        if subject is None:
            continue
        tracking: Tracking | None = None
        if tracking_id is not None and subscription.account_id is not None:
            tracking = accounts.tracking(subscription.account_id, tracking_id)
        state = notes.state(subscription.id, followed_id)
        previous = (state["tag"], state["subtag"]) if state else (None, None)
        changed = subject.subtag != previous[1] if state else report.status_changed
        seen: list[str] = list(state["tags_seen"]) if state else []
        kind = _change_kind(subscription, changed, previous[0], subject.tag, report.new_events)
        if kind is not None:
            payload = snapshot(kind.value, subject, tracking, events, url, previous=previous,
                               first_tag=subject.tag not in seen, language=subscription.language)
            created.append(_enqueue(notes, subscription, followed_id, kind, payload, now))
        updates: dict[str, Any] = {"tag": subject.tag, "subtag": subject.subtag,
                                   "tags_seen": sorted({*seen, subject.tag})}
        if eta is not None:
            old_eta = date.fromisoformat(state["eta"]) if state and state.get("eta") else None
            threshold = subscription.eta_days if subscription.eta_days is not None else DEFAULT_ETA_DAYS
            if old_eta is not None and abs((eta - old_eta).days) >= threshold \
                    and subscription.wants(EventKind.ETA_CHANGED):
                payload = snapshot(EventKind.ETA_CHANGED.value, subject, tracking, events, url,
                                   language=subscription.language, eta=eta.isoformat(),
                                   previous_eta=old_eta.isoformat(), **_window_fields(window))
                created.append(_enqueue(notes, subscription, followed_id, EventKind.ETA_CHANGED, payload,
                                        now))
            updates["eta"] = eta.isoformat()
            if window is not None:
                updates["eta_last_day"] = window.last_day.isoformat()
        notes.save_state(subscription.id, followed_id, now, **updates)
    return created


def _window_fields(window: Window | None) -> dict[str, Any]:
    if window is None:
        return {}
    return {"eta_earliest": window.first_day.isoformat(), "eta_latest": window.last_day.isoformat(),
            "eta_timezone": window.timezone}


def record_late(uow: UnitOfWork, now: datetime, models: Models, *,
                public_url: str | None = None) -> list[int]:
    """Notify subscribers of parcels whose estimate's last day has passed (in the destination's calendar)
    without delivery: once per estimate, with the new estimate counted from now ("late, expected by ...").
    The estimate is the last one the subscriber was told (by a moved-estimate or late notice, or recorded
    silently the first time the scan sees the parcel for them)."""
    notes, accounts = uow.notifications, uow.accounts
    url = public_url or _public_url()
    created: list[int] = []
    timelines: dict[int, Timeline | None] = {}

    def timeline_of(shipment_id: int) -> Timeline | None:
        if shipment_id not in timelines:
            shipment = uow.shipments.get(shipment_id)
            if shipment is None or not in_flight(shipment):
                timelines[shipment_id] = None
            else:
                legs = uow.shipments.chain(shipment)
                events = uow.shipments.events([leg.id for leg in legs if leg.id is not None])
                timelines[shipment_id] = Timeline(shipment, events, legs)
        return timelines[shipment_id]

    for subscription in notes.subscriptions(all_accounts=True):
        if not subscription.wants(EventKind.LATE):
            continue
        for shipment_id, tracking_id in notes.followed_shipments(subscription):
            timeline = timeline_of(shipment_id)
            if timeline is None:
                continue
            state = notes.state(subscription.id, shipment_id) or {}
            told = state.get("eta_last_day")
            if not told:  # nothing told yet: what is estimated now is what its passing is measured against
                _, current = estimates.observe(uow, timeline, models, now)
                if current is not None:
                    notes.save_state(subscription.id, shipment_id, now, eta=current.expected_day.isoformat(),
                                     eta_last_day=current.last_day.isoformat())
                continue
            due = date.fromisoformat(told)
            zone = estimates.destination_zone(estimates.destination_of(timeline))
            if today_in(zone, now) <= due or state.get("late_for") == due.isoformat():
                continue
            _, fresh = estimates.observe(uow, timeline, models, now)
            if fresh is None:
                continue
            tracking = (accounts.tracking(subscription.account_id, tracking_id)
                        if tracking_id and subscription.account_id is not None else None)
            window = fresh.window()
            payload = snapshot(EventKind.LATE.value, timeline.shipment, tracking, timeline.events, url,
                               language=subscription.language, eta=fresh.last_day.isoformat(),
                               was_due=due.isoformat(), **_window_fields(window))
            created.append(_enqueue(notes, subscription, shipment_id, EventKind.LATE, payload, now))
            # what the subscriber was told now is the estimate the next notices are measured against
            notes.save_state(subscription.id, shipment_id, now, late_for=due.isoformat(),
                             eta=fresh.expected_day.isoformat(), eta_last_day=fresh.last_day.isoformat())
    return created


def record_stale(uow: UnitOfWork, now: datetime, *, public_url: str | None = None) -> list[int]:
    """Notify subscribers of parcels with no new event for their `stale_days` (once per silence)."""
    notes, repo, accounts = uow.notifications, uow, uow.accounts
    url = public_url or _public_url()
    created: list[int] = []
    for subscription in notes.subscriptions(all_accounts=True):
        if not subscription.wants(EventKind.NOT_UPDATED):
            continue
        days = subscription.stale_days or DEFAULT_STALE_DAYS
        for shipment_id, tracking_id in notes.followed_shipments(subscription):
            shipment = repo.shipments.get(shipment_id)
            if shipment is None or is_terminal(shipment.subtag):
                continue
            since = shipment.last_event_at or shipment.created_at
            if since is None or now - since < timedelta(days=days):
                continue
            state = notes.state(subscription.id, shipment_id)
            if state and state.get("stale_since") == since:
                continue
            tracking = (accounts.tracking(subscription.account_id, tracking_id)
                        if tracking_id and subscription.account_id is not None else None)
            payload = snapshot(EventKind.NOT_UPDATED.value, shipment, tracking, [], url,
                               language=subscription.language, stale_since=since.isoformat(),
                               stale_days=round(days, 1))
            created.append(_enqueue(notes, subscription, shipment_id, EventKind.NOT_UPDATED, payload, now))
            notes.save_state(subscription.id, shipment_id, now, stale_since=since)
    return created


def compose_digests(uow: UnitOfWork, now: datetime) -> list[int]:
    """Fold each subscription's held notifications whose digest time has come into one notification."""
    notes = uow.notifications
    by_subscription: dict[int, list[Notification]] = defaultdict(list)
    for held in notes.due_held(now):
        by_subscription[held.subscription_id].append(held)
    created = []
    for subscription_id, items in by_subscription.items():
        subscription = notes.subscription(subscription_id)
        if subscription is None:
            continue
        notes.mark_digested([n.id for n in items])
        payload = {"kind": EventKind.DIGEST.value, "count": len(items), "language": subscription.language,
                   "items": [{**n.payload, "event_id": n.event_id} for n in items]}
        status = Status.PENDING
        not_before = release_time(now, subscription.timezone, subscription.quiet_start,
                                  subscription.quiet_end)
        created.append(notes.enqueue(event_id=uuid.uuid4().hex, subscription_id=subscription_id,
                                     shipment_id=None, kind=EventKind.DIGEST, payload=payload, status=status,
                                     now=now, not_before=not_before, expires_at=not_before + RETRY_WINDOW))
    return created


class Sender(Protocol):
    def deliver(self, subscription: Subscription, notification: Notification) -> Outcome: ...


def backoff(attempts: int, base: float, cap: float, rng: random.Random) -> float:
    """Seconds to wait after the `attempts`-th failure: exponential, capped, with jitter (half of it)."""
    delay = min(cap, base * 2 ** min(max(attempts - 1, 0), 30))
    return delay / 2 + rng.uniform(0, delay / 2)


class OutboxDispatcher:
    """Deliver due notifications until stopped. Several may run at once (threads, processes, hosts)."""

    def __init__(self, store: Store, clock: Clock, settings: NotifySettings | None = None, *,
                 owner: str | None = None, lease: timedelta = timedelta(seconds=60), batch: int = 20,
                 sender: Sender, base_backoff: float = 10.0, max_backoff: float = 3600.0,
                 scan_every: float = 60.0, rng: random.Random | None = None) -> None:
        self.store = store
        self.clock = clock
        self.settings = settings or NotifySettings.from_env()
        self.owner = owner or f"dispatcher-{uuid.uuid4().hex[:12]}"
        self.lease = lease
        self.batch = batch
        self.base_backoff = base_backoff
        self.max_backoff = max_backoff
        self.scan_every = scan_every
        self.rng = rng or random.Random()
        self._last_scan = float("-inf")
        self.sender = sender

    def close(self) -> None:
        close = getattr(self.sender, "close", None)
        if callable(close):
            close()

    def maintain(self) -> None:
        """The daily digests, the no-news and the late scans (run at most every `scan_every` seconds by
        run_once)."""
        now = self.clock.now()
        models = current_models(self.store, now)  # read outside the transactions below
        for step in (compose_digests,
                     lambda uow, when: record_stale(uow, when, public_url=self.settings.public_url),
                     lambda uow, when: record_late(uow, when, models, public_url=self.settings.public_url)):
            try:
                with self.store.transaction() as repo:
                    step(repo, now)
            except ConflictError:  # another dispatcher wrote the same thing first
                log.debug("outbox maintenance raced with another dispatcher")

    def run_once(self) -> DispatchReport:
        report = DispatchReport()
        if time.monotonic() - self._last_scan >= self.scan_every:
            self._last_scan = time.monotonic()
            self.maintain()
        now = self.clock.now()
        with self.store.transaction() as repo:
            notes = repo.notifications
            claimed = notes.claim(self.owner, now, self.lease, self.batch)
            subs = {n.subscription_id: notes.subscription(n.subscription_id) for n in claimed}
        report.claimed = len(claimed)
        for notification in claimed:
            subscription = subs.get(notification.subscription_id)
            try:
                outcome = (self.sender.deliver(subscription, notification) if subscription is not None
                           else Outcome(False, "the subscription no longer exists", permanent=True))
            except Exception as error:  # noqa: BLE001 - one poison message is that message's failure only
                log.warning("delivering notification %s raised", notification.event_id, exc_info=True)
                outcome = Outcome(False, f"delivery raised {type(error).__name__}: {error}"[:500])
            try:
                self._finish(notification, subscription, outcome, report)
            except Exception:  # its lease expires and a later pass settles it; the batch goes on
                log.exception("recording the outcome of notification %s failed", notification.event_id)
        return report

    def _finish(self, notification: Notification, subscription: Subscription | None, outcome: Outcome,
                report: DispatchReport) -> None:
        now = self.clock.now()
        with self.store.transaction() as repo:
            notes = repo.notifications
            if outcome.ok:
                if notes.mark_delivered(notification.id, self.owner, now):
                    report.delivered += 1
                return
            report.errors.append(outcome.reason)
            delay = backoff(notification.attempts, self.base_backoff, self.max_backoff, self.rng)
            if outcome.retry_after_seconds is not None:
                delay = max(delay, min(outcome.retry_after_seconds, self.max_backoff))
            retry_at = now + timedelta(seconds=delay)
            if subscription is not None:
                retry_at = release_time(retry_at, subscription.timezone, subscription.quiet_start,
                                        subscription.quiet_end)
            if outcome.permanent or retry_at > notification.expires_at:
                why = "permanent failure" if outcome.permanent else \
                    f"gave up after {notification.attempts} attempts over {RETRY_WINDOW}"
                if notes.mark_dead(notification.id, self.owner, f"{why}: {outcome.reason}"):
                    report.dead += 1
                    log.warning("notification %s dead-lettered: %s", notification.event_id, outcome.reason)
                if outcome.gone and subscription is not None:
                    # An expired browser subscription: nobody will ever receive it again.
                    notes.delete_subscription(subscription.id)
                    log.info("subscription %s removed: %s", subscription.id, outcome.reason)
            elif notes.mark_retry(notification.id, self.owner, retry_at, outcome.reason):
                report.retried += 1

    def run(self, stop: threading.Event, idle_seconds: float = 1.0) -> None:
        """Dispatch until `stop` is set; never dies on one bad batch."""
        try:
            while not stop.is_set():
                try:
                    report = self.run_once()
                except Exception:  # keep the loop alive; the failure is logged with its traceback
                    log.exception("dispatching notifications failed")
                    report = DispatchReport()
                if report.claimed == 0:
                    stop.wait(idle_seconds)
        finally:
            self.close()


def replay(store: Store, clock: Clock, notification_id: int | None = None) -> int:
    """Queue dead notifications again (all, or one by id, which may also be a delivered one)."""
    now = clock.now()
    with store.transaction() as repo:
        return repo.notifications.replay(now, now + RETRY_WINDOW, notification_id)


def pending_streams(notifications: Sequence[Notification]) -> dict[str, list[str]]:
    """event ids per stream, in delivery order (for operators and tests)."""
    streams: dict[str, list[str]] = defaultdict(list)
    for n in sorted(notifications, key=lambda n: n.id):
        streams[n.stream].append(n.event_id)
    return dict(streams)
