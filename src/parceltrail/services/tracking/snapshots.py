"""Per-process snapshots of what the read paths show: a tracking (or a public shipment) with its chain of
legs and events, reused while the database says nothing changed.

Every use is validated by reading the tracking row (which is also the account check: another account's
key finds nothing) and one query over the chain's legs: each leg's whole row, its event count and its
newest event id. Events are only ever inserted, so a new event, a status change, a relinked leg, an edit
or a deletion all change what that query returns and the snapshot is rebuilt from the database. Nothing
is trusted from another process, so several servers stay correct; each holds at most `size` snapshots
(least recently used dropped first).

A snapshot also remembers what is derived from it (`memo`): prebuilt response bodies, card parts, the
shown estimate per model and hour at the destination. Those memos die with the snapshot, so they never
outlive the data they were built from; whatever depends on the time of the request is for the caller to
key or to compute per request.
"""

from __future__ import annotations

import threading
import weakref
from collections import Counter, OrderedDict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

from parceltrail.domain.accounts import Tracking
from parceltrail.domain.errors import NotFoundError
from parceltrail.domain.shipment import Shipment, Timeline, TrackingEvent
from parceltrail.services.outlook.shown import ShownMemo
from parceltrail.services.ports import LegStamp, Store, UnitOfWork

DEFAULT_SIZE = 1024
# Derived values kept per snapshot (bodies, cards per language and reader's zone): a parcel read in many
# zones starts over rather than growing without bound.
MEMO_LIMIT = 16


@dataclass(eq=False, slots=True)
class Snapshot:
    """One consistent read: the tracking (None for a public shipment read), its shipment, the chain of
    legs and their events, and what was derived from them."""

    tracking: Tracking | None
    shipment: Shipment
    legs: list[Shipment]
    events: list[TrackingEvent]
    stamp: tuple[tuple[int, LegStamp], ...]
    shown: ShownMemo
    memo: dict[Hashable, Any] = field(default_factory=dict)

    @property
    def timeline(self) -> Timeline:
        return self.shown.timeline

    def keep(self, key: Hashable, value: Any) -> None:
        """Remember `value` derived from this snapshot (at most MEMO_LIMIT of them)."""
        if len(self.memo) >= MEMO_LIMIT and key not in self.memo:
            self.memo.clear()
        self.memo[key] = value


def _stamp_of(shipment: Shipment, legs: Sequence[Shipment],
              events: Sequence[TrackingEvent]) -> tuple[tuple[int, LegStamp], ...]:
    """The stamp of data as loaded (so it can only be older than the database, never newer: a write
    between the loading queries makes the next validation fail and reload)."""
    counts = Counter(e.shipment_id for e in events)
    newest: dict[int | None, int] = {}
    for event in events:
        newest[event.shipment_id] = max(newest.get(event.shipment_id, 0), event.id or 0)
    by_id = {leg.id: leg for leg in legs}
    by_id.setdefault(shipment.id, shipment)
    return tuple((leg_id, (leg, counts.get(leg_id, 0), newest.get(leg_id, 0)))
                 for leg_id, leg in by_id.items() if leg_id is not None)


def _matches(snapshot: Snapshot, found: dict[int, LegStamp]) -> bool:
    return len(found) == len(snapshot.stamp) and all(found.get(leg_id) == stamp
                                                    for leg_id, stamp in snapshot.stamp)


def _current(repo: UnitOfWork, snapshot: Snapshot) -> bool:
    return _matches(snapshot, repo.shipments.stamps([leg_id for leg_id, _ in snapshot.stamp]))


def _load(repo: UnitOfWork, tracking: Tracking | None, shipment: Shipment) -> Snapshot:
    legs = repo.shipments.chain(shipment)
    events = repo.shipments.events([leg.id for leg in legs if leg.id is not None])
    timeline = Timeline(shipment, events, legs)
    return Snapshot(tracking, shipment, legs, events, _stamp_of(shipment, legs, events), ShownMemo(timeline))


class Snapshots:
    """A bounded, thread-safe LRU of snapshots for one store."""

    def __init__(self, store: Store, size: int = DEFAULT_SIZE) -> None:
        self.store = store
        self.size = size
        self._items: OrderedDict[Hashable, Snapshot] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0  # for tests and benchmarks: how often a snapshot was reused

    def __len__(self) -> int:
        return len(self._items)

    def _get(self, key: Hashable) -> Snapshot | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def _put(self, key: Hashable, snapshot: Snapshot) -> None:
        with self._lock:
            self._items[key] = snapshot
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def _drop(self, key: Hashable) -> None:
        with self._lock:
            self._items.pop(key, None)

    def _counted(self, hit: bool) -> None:
        if hit:
            self.hits += 1
        else:
            self.misses += 1

    def tracking(self, account_id: int, tracking_id: str) -> Snapshot:
        """The account's tracking, checked against the database now; NotFoundError when this account has
        no such tracking (whatever another account has cached)."""
        key = ("tracking", account_id, tracking_id)
        cached = self._get(key)
        with self.store.read() as repo:
            if cached is None:
                tracking = repo.accounts.tracking(account_id, tracking_id)
            else:  # the account check and the validation in one query
                tracking, found = repo.accounts.tracking_with_stamps(
                    account_id, tracking_id, [leg_id for leg_id, _ in cached.stamp])
            if tracking is None:
                self._drop(key)
                raise NotFoundError(f"Tracking {tracking_id} does not exist.")
            if cached is not None and cached.tracking == tracking and _matches(cached, found):
                self._counted(True)
                return cached
            shipment = repo.shipments.get(tracking.shipment_id)
            if shipment is None:  # the foreign key cascades, so only a concurrent delete gets here
                raise NotFoundError(f"no tracking {tracking.id}")
            snapshot = _load(repo, tracking, shipment)
        self._counted(False)
        self._put(key, snapshot)
        return snapshot

    def shipment(self, shipment_id: int) -> Snapshot | None:
        """A shipment's public read (no account involved), checked against the database now; None when it
        no longer exists."""
        key = ("shipment", shipment_id)
        cached = self._get(key)
        with self.store.read() as repo:
            if cached is not None and _current(repo, cached):
                self._counted(True)
                return cached
            shipment = repo.shipments.get(shipment_id)
            if shipment is None:
                self._drop(key)
                return None
            snapshot = _load(repo, None, shipment)
        self._counted(False)
        self._put(key, snapshot)
        return snapshot


_per_store: weakref.WeakKeyDictionary[Store, Snapshots] = weakref.WeakKeyDictionary()
_per_store_lock = threading.Lock()


def snapshots_for(store: Store) -> Snapshots:
    """This process's snapshots of `store`, shared by every read path of the process."""
    with _per_store_lock:
        found = _per_store.get(store)
        if found is None:
            found = _per_store[store] = Snapshots(store)
        return found
