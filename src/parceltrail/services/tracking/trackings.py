"""An account's trackings: create (register the shared shipment, then link it), read, change, delete.

Shared by the native and the AfterShip-compatible API. Every write is one transaction; input is checked
before anything is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any, Protocol

from parceltrail.clock import Clock
from parceltrail.domain.accounts import (
    COMPLETED_STATUS,
    CompletedReason,
    Tracking,
    TrackingExistsError,
    TrackingFilter,
    new_tracking_id,
)
from parceltrail.domain.errors import ConflictError, LimitReachedError, NotFoundError
from parceltrail.domain.shipment import Shipment, TrackingEvent
from parceltrail.numbers import normalize
from parceltrail.services.ports import AccountRepository, Store, UnitOfWork
from parceltrail.services.tracking.snapshots import Snapshot, snapshots_for
from parceltrail.services.tracking.tracker import Tracker, parse_number, store_for_tracking
from parceltrail.status import is_terminal


@dataclass(slots=True)
class Labels:
    """What an account attaches to its tracking; None leaves a field unchanged on update."""

    title: str | None = None
    order_id: str | None = None
    order_number: str | None = None
    customer_name: str | None = None
    customer_emails: list[str] | None = None
    language: str | None = None
    custom_fields: dict[str, Any] | None = None
    note: str | None = None

    def apply(self, tracking: Tracking) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None:
                setattr(tracking, f.name, value)


@dataclass(slots=True)
class TrackingDetail:
    """A tracking with its shipment, the shipment's chain of legs and (when loaded) their events."""

    tracking: Tracking
    shipment: Shipment
    legs: list[Shipment] = field(default_factory=list)
    events: list[TrackingEvent] = field(default_factory=list)

    @property
    def tag(self) -> str:
        if self.tracking.completed_reason is not None:
            return COMPLETED_STATUS[self.tracking.completed_reason][0]
        return self.shipment.tag

    @property
    def subtag(self) -> str:
        if self.tracking.completed_reason is not None:
            return COMPLETED_STATUS[self.tracking.completed_reason][1]
        return self.shipment.subtag

    @property
    def active(self) -> bool:
        return self.tracking.active and not is_terminal(self.shipment.subtag)


@dataclass(slots=True)
class Page:
    items: list[TrackingDetail]
    next_cursor: str | None
    total: int | None = None


class Installation(Protocol):
    """What account trackings need of the installation: its store, clock and tracker."""

    store: Store
    clock: Clock
    tracker: Tracker


def _detail(repo: UnitOfWork, tracking: Tracking, with_events: bool) -> TrackingDetail:
    shipment = repo.shipments.get(tracking.shipment_id)
    if shipment is None:  # the foreign key cascades, so only a concurrent delete gets here
        raise NotFoundError(f"no tracking {tracking.id}")
    if not with_events:
        return TrackingDetail(tracking, shipment, [shipment])
    legs = repo.shipments.chain(shipment)
    events = repo.shipments.events([leg.id for leg in legs if leg.id is not None])
    return TrackingDetail(tracking, shipment, legs, events)


class TrackingService:
    def __init__(self, runtime: Installation, max_trackings: int | None = None) -> None:
        self.runtime = runtime
        self.max_trackings = max_trackings  # per account (PARCELTRAIL_MAX_TRACKINGS_PER_ACCOUNT)
        self.snapshots = snapshots_for(runtime.store)

    # writing -------------------------------------------------------------------------------------
    def create(self, account_id: int, number: str, slug: str | None,
               labels: Labels) -> tuple[TrackingDetail, bool]:
        """(the tracking, True) when created; (the existing one, False) when the account already tracks
        this number at this carrier. Bad numbers and slugs raise before anything is written."""
        normalized, chosen = parse_number(number, slug)
        carrier = slug or (chosen.carrier if chosen else "unknown")
        existing = self._existing(account_id, normalized, carrier)
        if existing is not None:
            return existing, False
        if self.max_trackings is not None:
            with self.runtime.store.read() as repo:
                held = repo.accounts.count_trackings(account_id, TrackingFilter())
            if held >= self.max_trackings:
                raise LimitReachedError(f"this account has {held} trackings, the most this server allows; "
                                        "delete some first")
        now = self.runtime.clock.now()
        tracking = Tracking(id=new_tracking_id(), account_id=account_id, shipment_id=0,
                            created_at=now, updated_at=now, slug=slug)
        labels.apply(tracking)
        try:
            # The shipment (global, idempotent) and the account's tracking are written together: a
            # tracking the database refuses leaves no shipment behind to be polled for nobody.
            with self.runtime.store.transaction() as repo:
                shipment = store_for_tracking(repo, normalized, chosen, now, carrier=slug)
                assert shipment.id is not None
                tracking.shipment_id = shipment.id
                repo.accounts.add_tracking(tracking)
        except (TrackingExistsError, ConflictError):  # a concurrent create of the same pair won
            again = self._existing(account_id, normalized, carrier)
            if again is None:
                raise
            return again, False
        return self.get(account_id, tracking.id), True

    def _existing(self, account_id: int, number: str, carrier: str) -> TrackingDetail | None:
        with self.runtime.store.read() as repo:
            shipment = repo.shipments.find(number, carrier)
            if shipment is None or shipment.id is None:
                return None
            tracking = repo.accounts.tracking_for_shipment(account_id, shipment.id)
            return _detail(repo, tracking, True) if tracking else None

    def update(self, account_id: int, tracking_id: str, labels: Labels,
               slug: str | None = None) -> TrackingDetail:
        """Change the labels; a new slug moves the tracking to that carrier's shipment of the same number."""
        current = self.get(account_id, tracking_id, with_events=False)
        shipment_id = current.tracking.shipment_id
        if slug is not None and slug != current.shipment.carrier:
            parse_number(current.shipment.tracking_number, slug)  # validates the slug
            moved = self.runtime.tracker.register(current.shipment.tracking_number, slug)
            assert moved.id is not None
            shipment_id = moved.id
        now = self.runtime.clock.now()
        with self.runtime.store.transaction() as repo:
            accounts = repo.accounts
            tracking = self._must(accounts, account_id, tracking_id)
            if shipment_id != tracking.shipment_id:
                other = accounts.tracking_for_shipment(account_id, shipment_id)
                if other is not None:
                    raise TrackingExistsError(other.id)
                tracking.shipment_id = shipment_id
                tracking.slug = slug
            labels.apply(tracking)
            accounts.save_tracking(tracking, now)
        return self.get(account_id, tracking_id)

    def delete(self, account_id: int, tracking_id: str) -> TrackingDetail:
        """Remove the account's tracking (the shared shipment stays); returns what was deleted."""
        with self.runtime.store.transaction() as repo:
            accounts = repo.accounts
            detail = _detail(repo, self._must(accounts, account_id, tracking_id), True)
            accounts.delete_tracking(account_id, tracking_id)
        return detail

    def retrack(self, account_id: int, tracking_id: str) -> TrackingDetail:
        """Make the tracking active again (clears a completion) and fetch its shipment now."""
        now = self.runtime.clock.now()
        with self.runtime.store.transaction() as repo:
            accounts = repo.accounts
            tracking = self._must(accounts, account_id, tracking_id)
            tracking.completed_at = None
            tracking.completed_reason = None
            tracking.retrack_count += 1
            accounts.save_tracking(tracking, now)
            shipment = repo.shipments.get(tracking.shipment_id)
            if shipment is not None and shipment.next_check_at is None and shipment.tag == "Expired":
                shipment.next_check_at = now
                shipment.tag, shipment.subtag = "Pending", "Pending_001"
                repo.shipments.save(shipment, now)
        if shipment is not None:
            self.runtime.tracker.refresh([shipment])
        return self.get(account_id, tracking_id)

    def complete(self, account_id: int, tracking_id: str, reason: CompletedReason,
                 at: datetime | None = None) -> TrackingDetail:
        now = self.runtime.clock.now()
        with self.runtime.store.transaction() as repo:
            accounts = repo.accounts
            tracking = self._must(accounts, account_id, tracking_id)
            tracking.completed_at = at or now
            tracking.completed_reason = reason
            accounts.save_tracking(tracking, now)
        return self.get(account_id, tracking_id)

    # reading -------------------------------------------------------------------------------------
    @staticmethod
    def _must(accounts: AccountRepository, account_id: int, tracking_id: str) -> Tracking:
        tracking = accounts.tracking(account_id, tracking_id)
        if tracking is None:
            raise NotFoundError(f"Tracking {tracking_id} does not exist.")
        return tracking

    def get(self, account_id: int, tracking_id: str, *, with_events: bool = True) -> TrackingDetail:
        with self.runtime.store.read() as repo:
            tracking = self._must(repo.accounts, account_id, tracking_id)
            return _detail(repo, tracking, with_events)

    def snapshot(self, account_id: int, tracking_id: str) -> Snapshot:
        """`get` for the hot read paths: the same data, reused while the database says it is unchanged
        (see `services.tracking.snapshots`), with what the caller derived from it before."""
        return self.snapshots.tracking(account_id, tracking_id)

    def by_number(self, account_id: int, number: str, slug: str | None = None) -> list[TrackingDetail]:
        normalized = _normalized(number)
        with self.runtime.store.read() as repo:
            found = repo.accounts.trackings_by_number(account_id, normalized, slug)
            return [_detail(repo, tracking, True) for tracking in found]

    def list(self, account_id: int, where: TrackingFilter, *, limit: int, cursor: str | None,
             with_events: bool, with_total: bool = False) -> Page:
        with self.runtime.store.read() as repo:
            accounts = repo.accounts
            found, next_cursor = accounts.list_trackings(account_id, where, limit=limit, cursor=cursor)
            items = [_detail(repo, tracking, with_events) for tracking in found]
            total = accounts.count_trackings(account_id, where) if with_total else None
        return Page(items, next_cursor, total)


def _normalized(number: str) -> str:
    return normalize(number)


def split_csv(value: str | None, limit: int = 50) -> Sequence[str]:
    """'a, b,,c' -> ['a', 'b', 'c'] (at most `limit` values)."""
    if not value:
        return ()
    return [part.strip() for part in value.split(",") if part.strip()][:limit]
