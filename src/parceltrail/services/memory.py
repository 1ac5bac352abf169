"""In-memory storage behind the ports of `services/ports.py`, for service tests that need no database.

`MemoryStore.transaction()` hands out a `MemoryUnitOfWork` over a deep copy of the committed state and
swaps the copy in only when the block ends normally, so a use case that raises leaves nothing behind,
as a rolled-back SQL transaction would. Transactions are serialized by one lock (the strictest
isolation the SQL store can give); `read()` works on a private copy that is thrown away.

The repositories follow the SQL ones in `adapters/db` method for method: the same idempotence (a
shipment per number and carrier, an event per shipment and fingerprint), the same orderings and
filters, the unique and foreign-key constraints of the schema raising `ConflictError` (as the SQL store
turns integrity errors into it), the same cascades on delete, and values handed out as copies, so a
caller's change reaches storage only through `save`, as with rows. Aware datetimes are required where the
SQL columns require them. What it does not model: the SQL dialects' own orderings of NULLs (None sorts
last here), column lengths, PostgreSQL's `NOTIFY` (published ids are collected on the store instead)
and wall-clock lease timing of a real database server (`wall_clock` is injectable).
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from parceltrail.domain.accounts import (
    Account,
    AccountExistsError,
    ApiKey,
    CompletedReason,
    Scope,
    Tracking,
    TrackingExistsError,
    TrackingFilter,
    decode_cursor,
    encode_cursor,
    generate_key,
    hash_key,
)
from parceltrail.domain.calendar import StoredEstimate, Window
from parceltrail.domain.errors import ConflictError
from parceltrail.domain.notifications import EventKind, Notification, Status, Subscription
from parceltrail.domain.notifications import Scope as SubscriptionScope
from parceltrail.domain.orders import (
    Address,
    NumberRange,
    Order,
    OrderError,
    OrderStatus,
    Package,
    Role,
    User,
    UserExistsError,
)
from parceltrail.domain.shipment import Shipment, TrackingEvent
from parceltrail.predict.calibrate import Handoff
from parceltrail.services.ports import StoredModel
from parceltrail.status import is_terminal

DEFAULT_LEASE = timedelta(minutes=5)  # as the SQL store's claims
log = logging.getLogger(__name__)

_SHIPMENT_TIMES = [f.name for f in fields(Shipment) if f.name.endswith("_at")]
_NOTIFICATION_TIMES = [f.name for f in fields(Notification)
                       if f.name.endswith("_at") or f.name == "lease_until"]


def _utc(value: datetime | None, what: str) -> datetime | None:
    """The instant in UTC, as the SQL store's UTC columns return it; naive values are refused there too."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError(f"naive datetime given to a UTC column ({what})")
    return value.astimezone(UTC)


def _json(value: Any) -> Any:
    """The value as a JSON column gives it back: anything JSON cannot hold fails here, as in the database."""
    return json.loads(json.dumps(value))


def _desc_none_last(value: datetime | None) -> tuple[int, float]:
    """Sort key for "newest first" with missing instants after every real one."""
    return (1, 0.0) if value is None else (0, -value.timestamp())


@dataclass(slots=True)
class _Lease:
    owner: str
    until: datetime


@dataclass(slots=True)
class _Payload:
    shipment_id: int
    source: str
    retrieved_at: datetime
    sha256: str
    body: str


@dataclass(slots=True)
class _State:
    """Every table, keyed by primary key. Only the store's working copies are ever changed."""

    sequences: dict[str, int] = field(default_factory=dict)
    shipments: dict[int, Shipment] = field(default_factory=dict)
    leases: dict[int, _Lease] = field(default_factory=dict)
    events: dict[int, TrackingEvent] = field(default_factory=dict)
    payloads: dict[int, _Payload] = field(default_factory=dict)
    accounts: dict[int, Account] = field(default_factory=dict)
    keys: dict[int, ApiKey] = field(default_factory=dict)
    key_hashes: dict[int, str] = field(default_factory=dict)
    trackings: dict[str, Tracking] = field(default_factory=dict)
    users: dict[int, User] = field(default_factory=dict)
    password_hashes: dict[int, str] = field(default_factory=dict)
    ranges: dict[int, dict[str, Any]] = field(default_factory=dict)
    orders: dict[int, Order] = field(default_factory=dict)
    packages: dict[int, Package] = field(default_factory=dict)
    subscriptions: dict[int, Subscription] = field(default_factory=dict)
    notifications: dict[int, Notification] = field(default_factory=dict)
    notification_state: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    models: dict[str, StoredModel] = field(default_factory=dict)
    estimates: dict[int, StoredEstimate] = field(default_factory=dict)
    handoffs: dict[int, Handoff] = field(default_factory=dict)
    viewed: dict[int, datetime] = field(default_factory=dict)  # shipments.viewed_at

    def next_id(self, table: str) -> int:
        self.sequences[table] = self.sequences.get(table, 0) + 1
        return self.sequences[table]

    # cascades (the schema's ON DELETE rules) -------------------------------------------------------
    def delete_subscription(self, subscription_id: int) -> None:
        self.subscriptions.pop(subscription_id, None)
        for nid in [n.id for n in self.notifications.values() if n.subscription_id == subscription_id]:
            del self.notifications[nid]
        for key in [k for k in self.notification_state if k[0] == subscription_id]:
            del self.notification_state[key]

    def delete_tracking(self, tracking_id: str) -> None:
        self.trackings.pop(tracking_id, None)
        for sid in [s.id for s in self.subscriptions.values() if s.tracking_id == tracking_id]:
            self.delete_subscription(sid)

    def delete_shipment(self, shipment_id: int) -> None:
        if any(p.shipment_id == shipment_id for p in self.packages.values()):
            # order_packages.shipment_id is ON DELETE RESTRICT
            raise ConflictError(f"shipment {shipment_id} is the label of an order's package")
        if self.shipments.pop(shipment_id, None) is None:
            return
        self.leases.pop(shipment_id, None)
        self.estimates.pop(shipment_id, None)
        self.handoffs.pop(shipment_id, None)
        self.viewed.pop(shipment_id, None)
        for eid in [e.id for e in self.events.values() if e.shipment_id == shipment_id]:
            del self.events[cast(int, eid)]
        gone = {pid for pid, p in self.payloads.items() if p.shipment_id == shipment_id}
        for pid in gone:
            del self.payloads[pid]
        for event in self.events.values():
            if event.raw_payload_id in gone:
                event.raw_payload_id = None
        for tid in [t.id for t in self.trackings.values() if t.shipment_id == shipment_id]:
            self.delete_tracking(tid)
        for sid in [s.id for s in self.subscriptions.values() if s.shipment_id == shipment_id]:
            self.delete_subscription(sid)
        for key in [k for k in self.notification_state if k[1] == shipment_id]:
            del self.notification_state[key]
        for notification in self.notifications.values():
            if notification.shipment_id == shipment_id:
                notification.shipment_id = None
        for other in self.shipments.values():
            if other.previous_leg_id == shipment_id:
                other.previous_leg_id = None
            if other.next_leg_id == shipment_id:
                other.next_leg_id = None

    # unique constraints, checked again at commit for rows changed by updates -----------------------
    def check_unique(self) -> None:
        _unique("shipments (tracking_number, carrier)",
                ((s.tracking_number, s.carrier) for s in self.shipments.values()))
        _unique("tracking_events (shipment_id, fingerprint)",
                ((e.shipment_id, e.fingerprint) for e in self.events.values()))
        _unique("accounts (name)", (a.name for a in self.accounts.values()))
        _unique("api_keys (key_hash)", self.key_hashes.values())
        _unique("trackings (account_id, shipment_id)",
                ((t.account_id, t.shipment_id) for t in self.trackings.values()))
        _unique("users (email)", (u.email for u in self.users.values()))
        _unique("users (account_id)", (u.account_id for u in self.users.values()))
        _unique("orders (reference)", (o.reference for o in self.orders.values()))
        _unique("order_packages (tracking_number, carrier)",
                ((p.tracking_number, p.carrier) for p in self.packages.values()))
        _unique("notifications (event_id)", (n.event_id for n in self.notifications.values()))


def _unique(what: str, values: Iterable[object]) -> None:
    seen: set[object] = set()
    for value in values:
        if value in seen:
            raise ConflictError(f"UNIQUE constraint failed: {what} = {value!r}")
        seen.add(value)


class _Closed:
    """Stands in for the state of a unit of work whose block has ended: using it then is a bug in the
    caller (the SQL store's connection would be closed), so it fails loudly instead of writing to
    committed state."""

    def __getattr__(self, name: str) -> Any:
        raise RuntimeError("this unit of work was used after its transaction ended")


class _Repository:
    def __init__(self, state: _State) -> None:
        self._db = state

    def _close(self) -> None:
        self._db = cast(_State, _Closed())

    def __getattr__(self, name: str) -> Any:
        # Only reached for names the class does not define: a method the SQL repository gained that
        # this store has not caught up with should fail with a message saying so, not as a typo would.
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"{type(self).__name__}.{name} is not implemented by the in-memory store "
                                  "(services/memory.py); use the SQL store for this test")


# shipments and events --------------------------------------------------------------------------------

class MemoryShipmentRepository(_Repository):
    """`adapters/db/repository.Repository` over in-memory tables."""

    def _stored(self, shipment: Shipment) -> Shipment:
        stored = copy.deepcopy(shipment)
        for name in _SHIPMENT_TIMES:
            setattr(stored, name, _utc(getattr(stored, name), f"shipments.{name}"))
        # a column gives back plain strings, not the status enums ingestion may have set
        stored.tag, stored.subtag = str(stored.tag), str(stored.subtag)
        return stored

    def _check_legs(self, shipment: Shipment) -> None:
        for leg_id in (shipment.previous_leg_id, shipment.next_leg_id):
            if leg_id is not None and leg_id not in self._db.shipments:
                raise ConflictError(f"FOREIGN KEY constraint failed: no shipment {leg_id}")

    # shipments ---------------------------------------------------------------------------------------
    def get(self, shipment_id: int) -> Shipment | None:
        found = self._db.shipments.get(shipment_id)
        return copy.deepcopy(found) if found is not None else None

    def find(self, number: str, carrier: str | None = None) -> Shipment | None:
        for shipment in sorted(self._db.shipments.values(), key=lambda s: cast(int, s.id)):
            if shipment.tracking_number == number and (not carrier or shipment.carrier == carrier):
                return copy.deepcopy(shipment)
        return None

    def find_all(self, number: str) -> list[Shipment]:
        """Every shipment with this number, whatever the carrier."""
        return [copy.deepcopy(s) for s in sorted(self._db.shipments.values(), key=lambda s: cast(int, s.id))
                if s.tracking_number == number]

    def add(self, shipment: Shipment, now: datetime) -> Shipment:
        """Insert `shipment`, or return the one already stored for the same number and carrier."""
        existing = self.find(shipment.tracking_number, shipment.carrier)
        if existing:
            return existing
        stored = self._stored(shipment)
        stored.id = self._db.next_id("shipments")
        stored.created_at = stored.updated_at = _utc(now, "shipments.created_at")
        self._check_legs(stored)
        self._db.shipments[stored.id] = stored
        return copy.deepcopy(stored)

    def save(self, shipment: Shipment, now: datetime) -> None:
        if shipment.id is None:
            raise ValueError("save() needs a stored shipment")
        shipment.updated_at = now
        self._update(shipment)

    def _update(self, shipment: Shipment) -> None:
        assert shipment.id is not None
        current = self._db.shipments.get(shipment.id)
        if current is None:
            return  # an UPDATE of a deleted row changes nothing
        stored = self._stored(shipment)
        stored.created_at = current.created_at  # never written by an update
        self._check_legs(stored)
        self._db.shipments[shipment.id] = stored

    def get_many(self, shipment_ids: Sequence[int]) -> dict[int, Shipment]:
        return {i: copy.deepcopy(self._db.shipments[i]) for i in shipment_ids if i in self._db.shipments}

    def save_many(self, items: Sequence[Shipment], now: datetime) -> None:
        for shipment in items:
            if shipment.id is None:
                raise ValueError("save_many() needs stored shipments")
            shipment.updated_at = now
        for shipment in items:
            self._update(shipment)

    def settle_leases(self, shipment_ids: Sequence[int], owner: str) -> set[int]:
        """Release `owner`'s leases on these shipments; the ids it still held (the others' outcomes must
        be dropped: another poller took them over)."""
        held = {i for i in shipment_ids
                if i in self._db.shipments and (lease := self._db.leases.get(i)) is not None
                and lease.owner == owner}
        for shipment_id in held:
            del self._db.leases[shipment_id]
        return held

    def delete(self, shipment_id: int) -> None:
        self._db.delete_shipment(shipment_id)

    def mark_viewed(self, shipment_ids: Sequence[int], at: datetime, older_than: datetime) -> None:
        for shipment_id in shipment_ids:
            seen = self._db.viewed.get(shipment_id)
            if shipment_id in self._db.shipments and (seen is None or seen < older_than):
                self._db.viewed[shipment_id] = cast(datetime, _utc(at, "shipments.viewed_at"))

    def remove_unwatched(self, before: datetime, now: datetime, limit: int) -> int:
        db = self._db
        for shipment_id in db.shipments:
            db.viewed.setdefault(shipment_id, now)
        owned = ({t.shipment_id for t in db.trackings.values()}
                 | {p.shipment_id for p in db.packages.values()}
                 | {s.shipment_id for s in db.subscriptions.values() if s.shipment_id is not None})

        def kept(leg_id: int | None) -> bool:
            return leg_id is not None and leg_id in db.shipments and (
                leg_id in owned or db.viewed[leg_id] >= before)

        doomed = [i for i, s in sorted(db.shipments.items())
                  if not kept(i) and not kept(s.previous_leg_id) and not kept(s.next_leg_id)][:limit]
        for shipment_id in doomed:
            db.delete_shipment(shipment_id)
        return len(doomed)

    def list(self, *, tag: str | None = None, carrier: str | None = None, limit: int = 100,
             after_id: int | None = None) -> list[Shipment]:
        found = [s for s in sorted(self._db.shipments.values(), key=lambda s: cast(int, s.id))
                 if (not tag or s.tag == tag) and (not carrier or s.carrier == carrier)
                 and (after_id is None or cast(int, s.id) > after_id)]
        return [copy.deepcopy(s) for s in found[:max(limit, 0)]]

    def count(self) -> int:
        return len(self._db.shipments)

    def recent_numbers(self, limit: int) -> list[str]:
        return [s.tracking_number for _, s in sorted(self._db.shipments.items(), reverse=True)[:limit]]

    def due(self, now: datetime, limit: int) -> list[Shipment]:
        """Shipments whose next check time has come, most overdue first (leases are not looked at)."""
        found = sorted((s for s in self._db.shipments.values()
                        if s.next_check_at is not None and s.next_check_at <= now),
                       key=lambda s: (s.next_check_at, s.id))
        return [copy.deepcopy(s) for s in found[:max(limit, 0)]]

    def next_due_at(self) -> datetime | None:
        times = [s.next_check_at for s in self._db.shipments.values() if s.next_check_at is not None]
        return min(times) if times else None

    def chain(self, shipment: Shipment) -> list[Shipment]:
        """Every leg of the parcel `shipment` belongs to, first leg first (the SQL walk, step for step:
        `shipment` itself is the first element when it is the first leg)."""
        first = shipment
        seen = {first.id}
        while first.previous_leg_id is not None and first.previous_leg_id not in seen:
            previous = self.get(first.previous_leg_id)
            if previous is None:
                break
            seen.add(previous.id)
            first = previous
        legs = [first]
        while legs[-1].next_leg_id is not None and len(legs) < 20:
            nxt = self.get(cast(int, legs[-1].next_leg_id))
            if nxt is None or nxt.id in {leg.id for leg in legs}:
                break
            legs.append(nxt)
        return legs

    # events ------------------------------------------------------------------------------------------
    def events(self, shipment_ids: Sequence[int]) -> list[TrackingEvent]:
        """The events of these shipments, in order of occurrence."""
        wanted = set(shipment_ids)
        found = [e for e in self._db.events.values() if e.shipment_id in wanted]
        found.sort(key=lambda e: (e.occurred_at.astimezone(UTC), cast(int, e.id)))
        return [copy.deepcopy(e) for e in found]

    def stamps(self, shipment_ids: Sequence[int]) -> dict[int, tuple[Shipment, int, int]]:
        """Each existing shipment of these with its event count and newest event id, as in SQL."""
        out: dict[int, tuple[Shipment, int, int]] = {}
        for shipment_id in shipment_ids:
            found = self._db.shipments.get(shipment_id)
            if found is None:
                continue
            ids = [cast(int, e.id) for e in self._db.events.values() if e.shipment_id == shipment_id]
            out[shipment_id] = (copy.deepcopy(found), len(ids), max(ids, default=0))
        return out

    def event_heads(self, shipment_ids: Sequence[int]) -> list[TrackingEvent]:
        """The events with only what status and scheduling need; texts are left empty, as in SQL."""
        wanted = set(shipment_ids)
        return [TrackingEvent(occurred_at=e.occurred_at, raw_text="", source="", fingerprint=e.fingerprint,
                              id=e.id, shipment_id=e.shipment_id, tag=e.tag, subtag=e.subtag,
                              classified=e.classified)
                for _, e in sorted(self._db.events.items()) if e.shipment_id in wanted]

    def add_events(self, events: Sequence[TrackingEvent]) -> int:
        """Insert events, skipping any already stored (same shipment and fingerprint); how many were new."""
        return sum(self.insert_events(events).values())

    def insert_events(self, events: Sequence[TrackingEvent]) -> dict[int, int]:
        """`add_events` for events of any number of shipments; how many were new per shipment id."""
        # One SQL statement inserts all or nothing: check every row before storing any.
        for event in events:
            if event.shipment_id is None or event.shipment_id not in self._db.shipments:
                raise ConflictError(f"FOREIGN KEY constraint failed: no shipment {event.shipment_id}")
            if event.raw_payload_id is not None and event.raw_payload_id not in self._db.payloads:
                raise ConflictError(f"FOREIGN KEY constraint failed: no raw payload {event.raw_payload_id}")
            if event.occurred_at.tzinfo is None:
                raise ValueError("naive datetime given to a UTC column (tracking_events.occurred_at)")
            if event.retrieved_at is None:
                raise ConflictError("NOT NULL constraint failed: tracking_events.retrieved_at")
        known = {(e.shipment_id, e.fingerprint) for e in self._db.events.values()}
        counts: dict[int, int] = {}
        for event in events:
            assert event.shipment_id is not None
            key = (event.shipment_id, event.fingerprint)
            if key in known:
                continue  # ON CONFLICT DO NOTHING, also for a repeat within the batch
            known.add(key)
            stored = copy.deepcopy(event)
            stored.id = self._db.next_id("tracking_events")
            stored.retrieved_at = _utc(stored.retrieved_at, "tracking_events.retrieved_at")
            stored.tag = str(stored.tag) if stored.tag is not None else None
            stored.subtag = str(stored.subtag) if stored.subtag is not None else None
            self._db.events[stored.id] = stored
            counts[event.shipment_id] = counts.get(event.shipment_id, 0) + 1
        return counts

    def known_fingerprints(self, shipment_id: int) -> set[str]:
        return {e.fingerprint for e in self._db.events.values() if e.shipment_id == shipment_id}

    def unclassified_count(self) -> int:
        return sum(1 for e in self._db.events.values() if not e.classified or e.tag is None)

    def add_payload(self, shipment_id: int, source: str, retrieved_at: datetime,
                    body: Mapping[str, Any]) -> int:
        return self.add_payloads([(shipment_id, source, retrieved_at, body)])[0]

    def add_payloads(self, items: Sequence[tuple[int, str, datetime, Mapping[str, Any]]]) -> list[int]:
        """`add_payload` for several (shipment id, source, retrieved at, body); ids in the order given."""
        ids = []
        for shipment_id, source, retrieved_at, body in items:
            if shipment_id not in self._db.shipments:
                raise ConflictError(f"FOREIGN KEY constraint failed: no shipment {shipment_id}")
            # the same serialization as the SQL store, so digests agree between the two
            text = json.dumps(body, ensure_ascii=False, sort_keys=True, default=str)
            payload_id = self._db.next_id("raw_payloads")
            self._db.payloads[payload_id] = _Payload(
                shipment_id, source, cast(datetime, _utc(retrieved_at, "raw_payloads.retrieved_at")),
                hashlib.sha256(text.encode()).hexdigest(), text)
            ids.append(payload_id)
        return ids

    def payload_digests(self, payload_ids: Sequence[int]) -> list[tuple[int, str, str, datetime]]:
        """(id, SHA-256, source, retrieved_at) of stored raw carrier payloads, for evidence."""
        return [(pid, p.sha256, p.source, p.retrieved_at) for pid in dict.fromkeys(payload_ids)
                if (p := self._db.payloads.get(pid)) is not None]

    def delivered_first_legs(self, limit: int) -> list[int]:
        """Ids of the first legs of the `limit` most recently delivered parcels (newest first)."""
        found = sorted((s for s in self._db.shipments.values()
                        if s.tag == "Delivered" and s.previous_leg_id is None),
                       key=lambda s: (_desc_none_last(s.last_event_at), -cast(int, s.id)))
        return [cast(int, s.id) for s in found[:max(limit, 0)]]

    def finished_timelines(self, limit: int = 5000) -> list[tuple[datetime | None, list[TrackingEvent]]]:
        """(registered at, chronological events of the whole chain) of the most recent parcels whose
        journey ended: a first leg, no longer checked, whose chain reached a terminal status."""
        firsts = sorted((s for s in self._db.shipments.values()
                         if s.previous_leg_id is None and s.next_check_at is None
                         and s.last_event_at is not None),
                        key=lambda s: _desc_none_last(s.last_event_at))
        out = []
        for first in firsts[:max(limit, 0)]:
            legs = self.chain(copy.deepcopy(first))
            if not is_terminal(legs[-1].subtag):
                continue
            events = self.event_heads([leg.id for leg in legs if leg.id is not None])
            events.sort(key=lambda e: e.occurred_at)
            out.append((first.created_at, events))
        return out

    def any_subscriptions(self) -> bool:
        """Whether any notification subscription exists (the outbox has nothing to write otherwise)."""
        return bool(self._db.subscriptions)

    # leases (what `adapters/db/claims.py` does for the SQL store) ------------------------------------
    def _claim_due(self, now: datetime, wall: datetime, limit: int, owner: str,
                   lease: timedelta) -> list[Shipment]:
        def unleased(shipment_id: int) -> bool:
            held = self._db.leases.get(shipment_id)
            return held is None or held.until < wall

        found = sorted((s for s in self._db.shipments.values()
                        if s.next_check_at is not None and s.next_check_at <= now
                        and unleased(cast(int, s.id))),
                       key=lambda s: (s.next_check_at, s.id))[:max(limit, 0)]
        for shipment in found:
            self._db.leases[cast(int, shipment.id)] = _Lease(owner, wall + lease)
        return [copy.deepcopy(s) for s in found]

    def _release(self, owner: str, shipment_ids: Iterable[int]) -> int:
        return len(self.settle_leases([i for i in shipment_ids if i is not None], owner))


# accounts, keys and trackings ------------------------------------------------------------------------

def _effective_tag(tracking: Tracking, shipment: Shipment) -> str:
    """The tag an account sees: its completion overrides the shared shipment's status."""
    if tracking.completed_reason is CompletedReason.DELIVERED:
        return "Delivered"
    if tracking.completed_reason is not None:
        return "Exception"
    return shipment.tag


class MemoryAccountRepository(_Repository):
    """`adapters/db/accounts.AccountRepository` over in-memory tables."""

    # accounts ----------------------------------------------------------------------------------------
    def create_account(self, name: str, now: datetime) -> Account:
        if self.account_by_name(name) is not None:
            raise AccountExistsError(f"an account named {name!r} already exists")
        account = Account(id=self._db.next_id("accounts"), name=name,
                          created_at=cast(datetime, _utc(now, "accounts.created_at")))
        self._db.accounts[account.id] = account
        return copy.deepcopy(account)

    def account_by_name(self, name: str) -> Account | None:
        found = next((a for _, a in sorted(self._db.accounts.items()) if a.name == name), None)
        return copy.deepcopy(found)

    def account(self, account_id: int) -> Account | None:
        return copy.deepcopy(self._db.accounts.get(account_id))

    def accounts(self) -> list[Account]:
        return [copy.deepcopy(a) for _, a in sorted(self._db.accounts.items())]

    # API keys ----------------------------------------------------------------------------------------
    def create_key(self, account_id: int, scope: Scope, now: datetime) -> tuple[ApiKey, str]:
        """A new key for the account; returns it with the plain key, which is never stored."""
        if account_id not in self._db.accounts:
            raise ConflictError(f"FOREIGN KEY constraint failed: no account {account_id}")
        plain, prefix, digest = generate_key()
        key = ApiKey(id=self._db.next_id("api_keys"), account_id=account_id, scope=scope, prefix=prefix,
                     created_at=cast(datetime, _utc(now, "api_keys.created_at")))
        self._db.keys[key.id] = key
        self._db.key_hashes[key.id] = digest
        return copy.deepcopy(key), plain

    def keys(self, account_id: int | None = None) -> list[ApiKey]:
        return [copy.deepcopy(k) for _, k in sorted(self._db.keys.items())
                if account_id is None or k.account_id == account_id]

    def key(self, key_id: int) -> ApiKey | None:
        return copy.deepcopy(self._db.keys.get(key_id))

    def revoke_key(self, key_id: int, now: datetime, *, account_id: int | None = None) -> ApiKey | None:
        """Revoke a key (of `account_id` when given); None when there is no such key."""
        stored = self._db.keys.get(key_id)
        if stored is None or (account_id is not None and stored.account_id != account_id):
            return None
        if stored.revoked_at is None:
            stored.revoked_at = _utc(now, "api_keys.revoked_at")
        return copy.deepcopy(stored)

    def authenticate(self, plain: str) -> ApiKey | None:
        """The active key whose hash matches `plain`, or None."""
        digest = hash_key(plain)
        for key_id, stored in sorted(self._db.key_hashes.items()):
            key = self._db.keys[key_id]
            if stored == digest and key.revoked_at is None:
                return copy.deepcopy(key)
        return None

    # trackings ---------------------------------------------------------------------------------------
    def _stored(self, tracking: Tracking) -> Tracking:
        stored = copy.deepcopy(tracking)
        stored.customer_emails = _json(list(stored.customer_emails or []))
        stored.custom_fields = _json(dict(stored.custom_fields or {}))
        for name in ("created_at", "updated_at", "completed_at"):
            setattr(stored, name, _utc(getattr(stored, name), f"trackings.{name}"))
        if stored.completed_reason is not None:
            stored.completed_reason = CompletedReason(stored.completed_reason)
        return stored

    def add_tracking(self, tracking: Tracking) -> Tracking:
        """Insert; TrackingExistsError when the account already follows that shipment."""
        existing = self.tracking_for_shipment(tracking.account_id, tracking.shipment_id)
        if existing is not None:
            raise TrackingExistsError(existing.id)
        if tracking.id in self._db.trackings:
            raise ConflictError(f"UNIQUE constraint failed: trackings.id = {tracking.id!r}")
        if tracking.account_id not in self._db.accounts:
            raise ConflictError(f"FOREIGN KEY constraint failed: no account {tracking.account_id}")
        if tracking.shipment_id not in self._db.shipments:
            raise ConflictError(f"FOREIGN KEY constraint failed: no shipment {tracking.shipment_id}")
        self._db.trackings[tracking.id] = self._stored(tracking)
        return tracking

    def tracking(self, account_id: int, tracking_id: str) -> Tracking | None:
        found = self._db.trackings.get(tracking_id)
        return copy.deepcopy(found) if found is not None and found.account_id == account_id else None

    def tracking_with_stamps(self, account_id: int, tracking_id: str, shipment_ids: Sequence[int]
                             ) -> tuple[Tracking | None, dict[int, tuple[Shipment, int, int]]]:
        tracking = self.tracking(account_id, tracking_id)
        if tracking is None:
            return None, {}
        return tracking, MemoryShipmentRepository(self._db).stamps(shipment_ids)

    def tracking_for_shipment(self, account_id: int, shipment_id: int) -> Tracking | None:
        found = next((t for t in self._db.trackings.values()
                      if t.account_id == account_id and t.shipment_id == shipment_id), None)
        return copy.deepcopy(found)

    def recent_numbers(self, account_id: int, limit: int) -> list[str]:
        mine = sorted((t for t in self._db.trackings.values() if t.account_id == account_id),
                      key=lambda t: (t.created_at, t.id), reverse=True)
        numbers = [self._db.shipments[t.shipment_id].tracking_number for t in mine
                   if t.shipment_id in self._db.shipments]
        return numbers[:limit]

    def trackings_by_number(self, account_id: int, number: str, carrier: str | None = None) -> list[Tracking]:
        found = []
        for tracking in self._db.trackings.values():
            shipment = self._db.shipments.get(tracking.shipment_id)
            if (tracking.account_id == account_id and shipment is not None
                    and shipment.tracking_number == number and (not carrier or shipment.carrier == carrier)):
                found.append(tracking)
        found.sort(key=lambda t: (t.created_at, t.id))
        return [copy.deepcopy(t) for t in found]

    def save_tracking(self, tracking: Tracking, now: datetime) -> None:
        tracking.updated_at = now
        current = self._db.trackings.get(tracking.id)
        if current is None or current.account_id != tracking.account_id:
            return  # the UPDATE matches no row
        stored = self._stored(tracking)
        stored.created_at = current.created_at
        stored.shipment_id = tracking.shipment_id
        self._db.trackings[tracking.id] = stored

    def delete_tracking(self, account_id: int, tracking_id: str) -> bool:
        found = self._db.trackings.get(tracking_id)
        if found is None or found.account_id != account_id:
            return False
        self._db.delete_tracking(tracking_id)
        return True

    def _matching(self, account_id: int, where: TrackingFilter) -> list[Tracking]:
        found = []
        for tracking in self._db.trackings.values():
            shipment = self._db.shipments.get(tracking.shipment_id)
            if tracking.account_id != account_id or shipment is None:
                continue
            if where.tags and _effective_tag(tracking, shipment) not in where.tags:
                continue
            if where.carriers and shipment.carrier not in where.carriers:
                continue
            if where.numbers and shipment.tracking_number not in where.numbers:
                continue
            if where.order_ids and tracking.order_id not in where.order_ids:
                continue
            if where.keyword:
                word = where.keyword.lower()
                texts = (shipment.tracking_number, tracking.title, tracking.order_id, tracking.order_number,
                         tracking.customer_name)
                if not any(text is not None and word in text.lower() for text in texts):
                    continue
            if where.created_after is not None and not tracking.created_at >= where.created_after:
                continue
            if where.created_before is not None and not tracking.created_at <= where.created_before:
                continue
            if where.updated_after is not None and not tracking.updated_at >= where.updated_after:
                continue
            if where.updated_before is not None and not tracking.updated_at <= where.updated_before:
                continue
            found.append(tracking)
        return found

    def list_trackings(self, account_id: int, where: TrackingFilter, *, limit: int,
                       cursor: str | None = None) -> tuple[list[Tracking], str | None]:
        """A page of the account's trackings, newest first, and the cursor of the next page (or None)."""
        found = self._matching(account_id, where)
        if cursor:
            when, last_id = decode_cursor(cursor)
            found = [t for t in found if t.created_at < when or (t.created_at == when and t.id < last_id)]
        # newest first, ties by id descending: sort ascending, then reverse
        found.sort(key=lambda t: (t.created_at, t.id), reverse=True)
        page = [copy.deepcopy(t) for t in found[:limit + 1]]
        more = len(page) > limit
        page = page[:limit]
        return page, encode_cursor(page[-1]) if more and page else None

    def count_trackings(self, account_id: int, where: TrackingFilter) -> int:
        return len(self._matching(account_id, where))


# marketplace -----------------------------------------------------------------------------------------

class MemoryOrderRepository(_Repository):
    """`adapters/db/orders.OrderRepository` over in-memory tables."""

    # users -------------------------------------------------------------------------------------------
    def create_user(self, email: str, password_hash: str, role: Role, display_name: str,
                    now: datetime) -> User:
        """A user with an account of its own (named after the e-mail)."""
        if self.user_by_email(email) is not None:
            raise UserExistsError(f"a user with e-mail {email} already exists")
        if any(a.name == email for a in self._db.accounts.values()):
            raise UserExistsError(f"an account named {email} already exists")
        created = cast(datetime, _utc(now, "users.created_at"))
        account = Account(id=self._db.next_id("accounts"), name=email, created_at=created)
        self._db.accounts[account.id] = account
        user = User(id=self._db.next_id("users"), account_id=account.id, email=email, role=Role(role),
                    display_name=display_name, created_at=created)
        self._db.users[user.id] = user
        self._db.password_hashes[user.id] = password_hash
        return copy.deepcopy(user)

    def user(self, user_id: int) -> User | None:
        return copy.deepcopy(self._db.users.get(user_id))

    def user_by_email(self, email: str) -> User | None:
        return copy.deepcopy(next((u for _, u in sorted(self._db.users.items()) if u.email == email), None))

    def user_by_account(self, account_id: int) -> User | None:
        found = next((u for _, u in sorted(self._db.users.items()) if u.account_id == account_id), None)
        return copy.deepcopy(found)

    def password_hash(self, user_id: int) -> str | None:
        return self._db.password_hashes.get(user_id)

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        if user_id in self._db.users:
            self._db.password_hashes[user_id] = password_hash

    def set_address(self, user_id: int, address: Address) -> None:
        user = self._db.users.get(user_id)
        if user is not None:
            user.address = Address.from_dict(_json(address.to_dict()))

    def users(self) -> list[User]:
        return [copy.deepcopy(u) for _, u in sorted(self._db.users.items())]

    # number ranges -----------------------------------------------------------------------------------
    def add_range(self, seller_id: int, country: str, indicator: str, first: int, last: int,
                  now: datetime) -> NumberRange:
        """A new range; refused when it overlaps any range of the same operator and service."""
        for range_id, row in sorted(self._db.ranges.items()):
            if (row["country"] == country and row["service_indicator"] == indicator
                    and row["first_serial"] <= last and row["last_serial"] >= first):
                raise OrderError(f"serials {first}-{last} of {indicator}..{country} overlap range {range_id}",
                                 code="range_overlap")
        if seller_id not in self._db.users:
            raise ConflictError(f"FOREIGN KEY constraint failed: no user {seller_id}")
        range_id = self._db.next_id("number_ranges")
        self._db.ranges[range_id] = {
            "id": range_id, "seller_id": seller_id, "country": country, "service_indicator": indicator,
            "first_serial": first, "last_serial": last, "next_serial": first,
            "created_at": _utc(now, "number_ranges.created_at")}
        return NumberRange(self._db.ranges[range_id])

    def number_range(self, range_id: int) -> NumberRange | None:
        row = self._db.ranges.get(range_id)
        return NumberRange(row) if row is not None else None

    def ranges(self, seller_id: int) -> list[NumberRange]:
        return [NumberRange(row) for _, row in sorted(self._db.ranges.items())
                if row["seller_id"] == seller_id]

    def take_serial(self, range_id: int) -> int | None:
        """Advance the range's counter by one and return the serial taken, or None when it is used up.
        Rolled back with the transaction, like the SQL UPDATE, so nothing issued is reused."""
        row = self._db.ranges.get(range_id)
        if row is None or row["next_serial"] > row["last_serial"]:
            return None
        row["next_serial"] += 1
        return cast(int, row["next_serial"]) - 1

    # orders ------------------------------------------------------------------------------------------
    def add_order(self, order: Order) -> int:
        if self.reference_taken(order.reference):
            raise ConflictError(f"UNIQUE constraint failed: orders.reference = {order.reference!r}")
        for user_id in (order.seller_id, order.buyer_id):
            if user_id not in self._db.users:
                raise ConflictError(f"FOREIGN KEY constraint failed: no user {user_id}")
        stored = copy.deepcopy(order)
        stored.id = self._db.next_id("orders")
        stored.status = OrderStatus(stored.status)
        stored.ship_to = Address.from_dict(_json(order.ship_to.to_dict()))
        stored.ship_from = Address.from_dict(_json(order.ship_from.to_dict()))
        stored.placed_at = cast(datetime, _utc(order.placed_at, "orders.placed_at"))
        stored.paid_at = _utc(order.paid_at, "orders.paid_at")
        stored.updated_at = _utc(order.updated_at or order.placed_at, "orders.updated_at")
        # the SQL insert writes neither these times nor the items' ids; the items get ids of their own
        stored.shipped_at = stored.delivered_at = stored.received_at = stored.completed_at = None
        for item in stored.items:
            item.id = self._db.next_id("order_items")
        self._db.orders[stored.id] = stored
        return stored.id

    def reference_taken(self, reference: str) -> bool:
        return any(o.reference == reference for o in self._db.orders.values())

    def order(self, order_id: int) -> Order | None:
        return copy.deepcopy(self._db.orders.get(order_id))

    def order_by_reference(self, reference: str) -> Order | None:
        found = next((o for _, o in sorted(self._db.orders.items()) if o.reference == reference), None)
        return copy.deepcopy(found)

    def list_orders(self, user: User, *, limit: int, before_id: int | None = None) -> list[Order]:
        """The user's orders, newest first: a buyer's purchases, a seller's sales, every order for admins."""
        found = []
        for order_id, order in sorted(self._db.orders.items(), reverse=True):
            if user.role is Role.BUYER and order.buyer_id != user.id:
                continue
            if user.role is Role.SELLER and order.seller_id != user.id:
                continue
            if before_id is not None and not order_id < before_id:
                continue
            found.append(order)
        return [copy.deepcopy(o) for o in found[:max(limit, 0)]]

    def save_order(self, order: Order, now: datetime) -> None:
        """Store the order's status and times (the rest of an order does not change)."""
        order.updated_at = now
        stored = self._db.orders.get(order.id)
        if stored is None:
            return
        stored.status = OrderStatus(order.status)
        for name in ("paid_at", "shipped_at", "delivered_at", "received_at", "completed_at", "updated_at"):
            setattr(stored, name, _utc(getattr(order, name), f"orders.{name}"))

    # packages ----------------------------------------------------------------------------------------
    def add_package(self, order_id: int, shipment_id: int, number: str, carrier: str, service: str | None,
                    issued: bool, weight_grams: int | None, now: datetime) -> Package:
        if any(p.tracking_number == number and p.carrier == carrier for p in self._db.packages.values()):
            raise ConflictError(f"UNIQUE constraint failed: order_packages = ({number!r}, {carrier!r})")
        if order_id not in self._db.orders:
            raise ConflictError(f"FOREIGN KEY constraint failed: no order {order_id}")
        if shipment_id not in self._db.shipments:
            raise ConflictError(f"FOREIGN KEY constraint failed: no shipment {shipment_id}")
        package = Package(id=self._db.next_id("order_packages"), order_id=order_id, shipment_id=shipment_id,
                          tracking_number=number, carrier=carrier, service=service, issued=issued,
                          weight_grams=weight_grams,
                          created_at=cast(datetime, _utc(now, "order_packages.created_at")))
        self._db.packages[package.id] = package
        return copy.deepcopy(package)

    def packages(self, order_id: int) -> list[Package]:
        return [copy.deepcopy(p) for _, p in sorted(self._db.packages.items()) if p.order_id == order_id]

    def package(self, order_id: int, package_id: int) -> Package | None:
        found = self._db.packages.get(package_id)
        return copy.deepcopy(found) if found is not None and found.order_id == order_id else None

    def package_by_number(self, number: str, carrier: str | None = None) -> Package | None:
        found = next((p for _, p in sorted(self._db.packages.items())
                      if p.tracking_number == number and (carrier is None or p.carrier == carrier)), None)
        return copy.deepcopy(found)

    def recent_label_numbers(self, seller_id: int, limit: int) -> list[str]:
        mine = {o.id for o in self._db.orders.values() if o.seller_id == seller_id}
        found = sorted((p for p in self._db.packages.values() if p.order_id in mine),
                       key=lambda p: (p.order_id, p.id), reverse=True)
        return [p.tracking_number for p in found[:limit]]

    def orders_of_shipments(self, shipment_ids: Sequence[int]) -> list[int]:
        wanted = set(shipment_ids)
        return sorted({p.order_id for p in self._db.packages.values() if p.shipment_id in wanted})

    def visible_order_ids(self, user: User, order_ids: Sequence[int]) -> set[int]:
        return {i for i in order_ids if (order := self._db.orders.get(i)) is not None
                and (user.role is Role.ADMIN or user.id in (order.buyer_id, order.seller_id))}

    def open_delivered_orders(self, deadline_before: datetime) -> list[int]:
        """Delivered orders whose buyer protection may have run out (shipped before the given instant)."""
        return [i for i, o in sorted(self._db.orders.items())
                if o.status is OrderStatus.DELIVERED and o.shipped_at is not None
                and o.shipped_at <= deadline_before]


# notifications ---------------------------------------------------------------------------------------

def _stream_of(subscription_id: int, shipment_id: int | None) -> str:
    return f"{subscription_id}:{shipment_id if shipment_id is not None else 'digest'}"


class MemoryNotificationRepository(_Repository):
    """`adapters/db/notifications.NotificationRepository` over in-memory tables."""

    # subscriptions -----------------------------------------------------------------------------------
    def add_subscription(self, subscription: Subscription) -> Subscription:
        if subscription.account_id is not None and subscription.account_id not in self._db.accounts:
            raise ConflictError(f"FOREIGN KEY constraint failed: no account {subscription.account_id}")
        if subscription.tracking_id is not None and subscription.tracking_id not in self._db.trackings:
            raise ConflictError(f"FOREIGN KEY constraint failed: no tracking {subscription.tracking_id}")
        if subscription.shipment_id is not None and subscription.shipment_id not in self._db.shipments:
            raise ConflictError(f"FOREIGN KEY constraint failed: no shipment {subscription.shipment_id}")
        subscription.id = self._db.next_id("subscriptions")
        stored = copy.deepcopy(subscription)
        stored.created_at = cast(datetime, _utc(stored.created_at, "subscriptions.created_at"))
        self._db.subscriptions[stored.id] = stored
        return subscription

    def subscription(self, subscription_id: int, account_id: int | None = None) -> Subscription | None:
        found = self._db.subscriptions.get(subscription_id)
        if found is None or (account_id is not None and found.account_id != account_id):
            return None
        return copy.deepcopy(found)

    def subscriptions(self, account_id: int | None = None, *, all_accounts: bool = False,
                      tracking_id: str | None = None) -> list[Subscription]:
        return [copy.deepcopy(s) for _, s in sorted(self._db.subscriptions.items())
                if (all_accounts or s.account_id == account_id)
                and (tracking_id is None or s.tracking_id == tracking_id)]

    def delete_subscription(self, subscription_id: int, account_id: int | None = None) -> bool:
        if self.subscription(subscription_id, account_id) is None:
            return False
        self._db.delete_subscription(subscription_id)
        return True

    def matching(self, shipment_ids: Sequence[int]) -> list[tuple[Subscription, int, str | None]]:
        """Every subscription that follows one of these shipments, once each, with the shipment it follows
        and the tracking (if any) through which it does."""
        wanted = set(shipment_ids)
        found: dict[int, tuple[Subscription, int, str | None]] = {}
        for sid, sub in sorted(self._db.subscriptions.items()):
            if sub.scope is SubscriptionScope.SHIPMENT and sub.shipment_id in wanted:
                found.setdefault(sid, (copy.deepcopy(sub), cast(int, sub.shipment_id), None))
        trackings = sorted((t for t in self._db.trackings.values()
                            if t.shipment_id in wanted and t.completed_at is None),
                           key=lambda t: t.shipment_id)
        for sid, sub in sorted(self._db.subscriptions.items()):
            for tracking in trackings:
                if tracking.account_id != sub.account_id:
                    continue
                if ((sub.scope is SubscriptionScope.TRACKING and sub.tracking_id == tracking.id)
                        or (sub.scope is SubscriptionScope.ORDER and sub.order_id is not None
                            and sub.order_id == tracking.order_id)
                        or sub.scope is SubscriptionScope.ACCOUNT):
                    found.setdefault(sid, (copy.deepcopy(sub), tracking.shipment_id, tracking.id))
        return [found[key] for key in sorted(found)]

    def followed_shipments(self, subscription: Subscription) -> list[tuple[int, str | None]]:
        """(shipment id, tracking id) pairs a subscription follows right now."""
        if subscription.scope is SubscriptionScope.SHIPMENT:
            return [(subscription.shipment_id, None)] if subscription.shipment_id is not None else []
        found = []
        for tracking in self._db.trackings.values():
            if tracking.account_id != subscription.account_id or tracking.completed_at is not None:
                continue
            if subscription.scope is SubscriptionScope.TRACKING and tracking.id != subscription.tracking_id:
                continue
            if subscription.scope is SubscriptionScope.ORDER and (
                    subscription.order_id is None or tracking.order_id != subscription.order_id):
                continue
            found.append((tracking.shipment_id, tracking.id))
        return sorted(found, key=lambda pair: pair[0])

    # per-subscriber state ----------------------------------------------------------------------------
    def state(self, subscription_id: int, shipment_id: int) -> dict[str, Any] | None:
        found = self._db.notification_state.get((subscription_id, shipment_id))
        return copy.deepcopy(found)

    def save_state(self, subscription_id: int, shipment_id: int, now: datetime, **values: Any) -> None:
        """Insert or update the subscriber's state for this shipment."""
        if subscription_id not in self._db.subscriptions:
            raise ConflictError(f"FOREIGN KEY constraint failed: no subscription {subscription_id}")
        if shipment_id not in self._db.shipments:
            raise ConflictError(f"FOREIGN KEY constraint failed: no shipment {shipment_id}")
        changes = {"updated_at": now, **values}
        for name in ("updated_at", "stale_since"):
            if name in changes:
                changes[name] = _utc(changes[name], f"notification_state.{name}")
        if "tags_seen" in changes:
            changes["tags_seen"] = _json(changes["tags_seen"])
        key = (subscription_id, shipment_id)
        row = self._db.notification_state.get(key)
        if row is None:
            row = {"subscription_id": subscription_id, "shipment_id": shipment_id, "tag": None,
                   "subtag": None, "tags_seen": [], "eta": None, "stale_since": None}
            self._db.notification_state[key] = row
        row.update(changes)

    # the outbox --------------------------------------------------------------------------------------
    def enqueue(self, *, event_id: str, subscription_id: int, shipment_id: int | None, kind: EventKind,
                payload: Mapping[str, Any], status: Status, now: datetime, not_before: datetime,
                expires_at: datetime) -> int:
        if self.event_exists(event_id):
            raise ConflictError(f"UNIQUE constraint failed: notifications.event_id = {event_id!r}")
        if subscription_id not in self._db.subscriptions:
            raise ConflictError(f"FOREIGN KEY constraint failed: no subscription {subscription_id}")
        if shipment_id is not None and shipment_id not in self._db.shipments:
            raise ConflictError(f"FOREIGN KEY constraint failed: no shipment {shipment_id}")
        notification = Notification(
            id=self._db.next_id("notifications"), event_id=event_id, subscription_id=subscription_id,
            stream=_stream_of(subscription_id, shipment_id), kind=EventKind(kind),
            payload=_json(dict(payload)), status=Status(status), attempts=0, created_at=now,
            next_attempt_at=not_before, expires_at=expires_at, shipment_id=shipment_id)
        for name in _NOTIFICATION_TIMES:
            setattr(notification, name, _utc(getattr(notification, name), f"notifications.{name}"))
        self._db.notifications[notification.id] = notification
        return notification.id

    def event_exists(self, event_id: str) -> bool:
        return any(n.event_id == event_id for n in self._db.notifications.values())

    def notification(self, notification_id: int) -> Notification | None:
        return copy.deepcopy(self._db.notifications.get(notification_id))

    def notifications(self, *, status: Status | None = None, subscription_id: int | None = None,
                      limit: int = 100) -> list[Notification]:
        found = [n for _, n in sorted(self._db.notifications.items())
                 if (status is None or n.status == status)
                 and (subscription_id is None or n.subscription_id == subscription_id)]
        return [copy.deepcopy(n) for n in found[:max(limit, 0)]]

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for notification in self._db.notifications.values():
            counts[notification.status.value] = counts.get(notification.status.value, 0) + 1
        return counts

    def _claimable(self, notification: Notification, now: datetime) -> bool:
        """Pending, due, not leased (or the lease ran out), and the oldest still pending of its stream."""
        if notification.status is not Status.PENDING or notification.next_attempt_at > now:
            return False
        if notification.lease_until is not None and not notification.lease_until < now:
            return False
        return not any(o.stream == notification.stream and o.id < notification.id
                       and o.status is Status.PENDING for o in self._db.notifications.values())

    def claim(self, owner: str, now: datetime, lease: timedelta, limit: int) -> list[Notification]:
        """Lease up to `limit` deliverable notifications (the oldest undelivered one of each stream)."""
        candidates = sorted((n for n in self._db.notifications.values() if self._claimable(n, now)),
                            key=lambda n: (n.next_attempt_at, n.id))[:max(limit, 0)]
        for notification in candidates:
            notification.lease_owner = owner
            notification.lease_until = _utc(now + lease, "notifications.lease_until")
            notification.attempts += 1
        return [copy.deepcopy(n) for n in sorted(candidates, key=lambda n: n.id)]

    def _mine(self, notification_id: int, owner: str) -> Notification | None:
        found = self._db.notifications.get(notification_id)
        if found is None or found.lease_owner != owner or found.status is not Status.PENDING:
            return None
        return found

    def mark_delivered(self, notification_id: int, owner: str, now: datetime) -> bool:
        found = self._mine(notification_id, owner)
        if found is None:
            return False
        found.status, found.delivered_at = Status.DELIVERED, _utc(now, "notifications.delivered_at")
        found.lease_owner = found.lease_until = found.last_error = None
        return True

    def mark_retry(self, notification_id: int, owner: str, next_attempt_at: datetime, error: str) -> bool:
        found = self._mine(notification_id, owner)
        if found is None:
            return False
        found.next_attempt_at = cast(datetime, _utc(next_attempt_at, "notifications.next_attempt_at"))
        found.lease_owner = found.lease_until = None
        found.last_error = error[:2000]
        return True

    def mark_dead(self, notification_id: int, owner: str, reason: str) -> bool:
        found = self._mine(notification_id, owner)
        if found is None:
            return False
        found.status = Status.DEAD
        found.lease_owner = found.lease_until = None
        found.last_error = reason[:2000]
        return True

    def replay(self, now: datetime, expires_at: datetime, notification_id: int | None = None) -> int:
        """Put dead (or, by id, delivered) notifications back in the queue; returns how many."""
        if notification_id is None:
            targets = [n for n in self._db.notifications.values() if n.status is Status.DEAD]
        else:
            one = self._db.notifications.get(notification_id)
            targets = [one] if one is not None and one.status in (Status.DEAD, Status.DELIVERED) else []
        for notification in targets:
            notification.status, notification.attempts = Status.PENDING, 0
            notification.next_attempt_at = cast(datetime, _utc(now, "notifications.next_attempt_at"))
            notification.expires_at = cast(datetime, _utc(expires_at, "notifications.expires_at"))
            notification.lease_owner = notification.lease_until = None
        return len(targets)

    def due_held(self, now: datetime) -> list[Notification]:
        found = [n for n in self._db.notifications.values()
                 if n.status is Status.HELD and n.next_attempt_at <= now]
        return [copy.deepcopy(n) for n in sorted(found, key=lambda n: (n.subscription_id, n.id))]

    def mark_digested(self, ids: Sequence[int]) -> None:
        for notification_id in ids:
            found = self._db.notifications.get(notification_id)
            if found is not None and found.status is Status.HELD:
                found.status = Status.DIGESTED


# models ----------------------------------------------------------------------------------------------

class MemoryModelRepository(_Repository):
    """`adapters/db/models.ModelRepository` over an in-memory table."""

    def load(self, name: str) -> StoredModel | None:
        return copy.deepcopy(self._db.models.get(name))

    def save(self, name: str, body: dict[str, Any], fitted_at: datetime, journeys: int) -> None:
        """Insert or replace the model `name`; the body goes through JSON as it does in the database."""
        self._db.models[name] = StoredModel(name, str(body.get("format", "")),
                                            cast(datetime, _utc(fitted_at, "models.fitted_at")), journeys,
                                            _json(body))


class MemoryEstimateRepository(_Repository):
    """`adapters/db/calendar.EstimateRepository` over in-memory tables."""

    def get(self, shipment_id: int) -> StoredEstimate | None:
        return self._db.estimates.get(shipment_id)

    def get_many(self, shipment_ids: Sequence[int]) -> dict[int, StoredEstimate]:
        return {i: self._db.estimates[i] for i in shipment_ids if i in self._db.estimates}

    def save(self, shipment_id: int, window: Window, now: datetime,
             previous: StoredEstimate | None) -> StoredEstimate:
        stored = self._db.estimates.get(shipment_id)
        if shipment_id not in self._db.shipments:
            raise ConflictError(f"no shipment {shipment_id} (foreign key)")
        changed_at = stored.changed_at if stored is not None and window.same_days(stored) else now
        first = (stored.first_estimated_at, stored.first_due_by, stored.first_last_day) if stored else \
            (now, window.due_by, window.last_day)
        saved = StoredEstimate(shipment_id, window.timezone, first[0], first[1], first[2], now,
                               window.expected, window.earliest, window.latest, window.first_day,
                               window.expected_day, window.last_day, changed_at)
        self._db.estimates[shipment_id] = saved
        return saved

    def record_handoff(self, shipment_id: int, handoff: Handoff, level: float, basis: str,
                       now: datetime) -> bool:
        if shipment_id not in self._db.shipments:
            raise ConflictError(f"no shipment {shipment_id} (foreign key)")
        if shipment_id in self._db.handoffs:
            return False
        self._db.handoffs[shipment_id] = handoff
        return True

    def with_handoff(self, shipment_ids: Sequence[int]) -> set[int]:
        return {i for i in shipment_ids if i in self._db.handoffs}

    def handoffs(self, since: datetime) -> list[Handoff]:
        out = []
        for shipment_id, h in sorted(self._db.handoffs.items(), key=lambda item: item[1].at):
            first = self._db.shipments.get(shipment_id)
            if h.at < since or first is None:
                continue
            if first.tag == "Expired" or (first.tag != "Delivered" and is_terminal(first.subtag)):
                continue
            last, seen = first, {shipment_id}
            while last.next_leg_id is not None and last.next_leg_id not in seen:
                seen.add(last.next_leg_id)
                following = self._db.shipments.get(last.next_leg_id)
                if following is None:
                    break
                last = following
            out.append(replace(h, delivered_at=last.last_event_at if first.tag == "Delivered" else None))
        return out


class MemoryCalendarRepository(_Repository):
    """Calendar feeds are served from the SQL store only; every method says so (see `_Repository`)."""


class MemoryPerformanceRepository(_Repository):
    """Performance is computed in SQL only; every method says so (see `_Repository`)."""


# unit of work and store ------------------------------------------------------------------------------

class MemoryUnitOfWork:
    """Repositories over one working copy of the tables, so everything done through them commits
    together (or not at all)."""

    def __init__(self, state: _State) -> None:
        self.shipments = MemoryShipmentRepository(state)
        self.accounts = MemoryAccountRepository(state)
        self.orders = MemoryOrderRepository(state)
        self.notifications = MemoryNotificationRepository(state)
        self.models = MemoryModelRepository(state)
        self.estimates = MemoryEstimateRepository(state)
        self.calendars = MemoryCalendarRepository(state)
        self.performance = MemoryPerformanceRepository(state)
        self.published: list[int] = []

    def settle_lease(self, shipment_id: int, owner: str) -> bool:
        """Release `owner`'s lease on a shipment with this transaction; False when the lease was lost."""
        return bool(self.shipments.settle_leases([shipment_id], owner))

    def publish_change(self, shipment_id: int) -> None:
        """Announced on the store only once this commits, as PostgreSQL's NOTIFY is."""
        self.published.append(shipment_id)

    def _close(self) -> None:
        for repo in (self.shipments, self.accounts, self.orders, self.notifications, self.models,
                     self.estimates, self.calendars, self.performance):
            repo._close()


class MemoryStore:
    """Committed tables in memory; hands out units of work over copies of them.

    `published` lists the shipment ids announced by committed transactions (in commit order);
    `wall_clock` is the time leases run on (the SQL store uses the database's clock), injectable so a
    test can let a lease expire."""

    def __init__(self, *, wall_clock: Callable[[], datetime] | None = None,
                 lease: timedelta = DEFAULT_LEASE) -> None:
        self._state = _State()
        self._lock = threading.Lock()
        self._local = threading.local()
        self.wall_clock = wall_clock or (lambda: datetime.now(UTC))
        self.lease = lease
        self.published: list[int] = []
        self.commits = 0

    @contextmanager
    def transaction(self) -> Iterator[MemoryUnitOfWork]:
        """A unit of work that commits when the block ends normally and leaves no trace when it raises."""
        if getattr(self._local, "open", False):
            # The SQL store would open a second connection and wait on the first one's locks; here the
            # two copies could not both be committed, so refuse rather than lose one silently.
            raise RuntimeError("MemoryStore: a transaction is already open in this thread")
        with self._lock:
            self._local.open = True
            working = copy.deepcopy(self._state)
            uow = MemoryUnitOfWork(working)
            try:
                yield uow
                working.check_unique()
                self._state = working
                self.commits += 1
                self.published.extend(uow.published)
            finally:
                uow._close()
                self._local.open = False

    @contextmanager
    def read(self) -> Iterator[MemoryUnitOfWork]:
        """A unit of work over a snapshot of what is committed; anything written through it is dropped
        (the SQL store's read connection is never committed either)."""
        uow = MemoryUnitOfWork(copy.deepcopy(self._state))
        try:
            yield uow
        finally:
            uow._close()

    def claim_due(self, now: datetime, limit: int, owner: str) -> list[Shipment]:
        """Claim up to `limit` due, unleased shipments (most overdue first) for `owner`, in a transaction
        of their own; a lease whose time ran out on the wall clock is free again."""
        if limit <= 0:
            return []
        with self.transaction() as uow:
            return uow.shipments._claim_due(now, self.wall_clock(), limit, owner, self.lease)

    def release_quietly(self, owner: str, shipment_ids: Iterable[int]) -> None:
        """Give back leases not settled by ingestion (after an error); never raises, since it runs while
        another error is being handled (the leases then simply expire)."""
        try:
            with self.transaction() as uow:
                uow.shipments._release(owner, shipment_ids)
        except Exception:  # noqa: BLE001 - never mask the error being handled
            log.warning("could not release leases of %s; they will expire", owner)

    # for tests: what the SQL store keeps in columns the domain objects do not carry -------------------
    def lease_of(self, shipment_id: int) -> tuple[str, datetime] | None:
        """(owner, until) of the lease on a shipment, or None."""
        held = self._state.leases.get(shipment_id)
        return (held.owner, held.until) if held is not None else None

    def payload_body(self, payload_id: int) -> str | None:
        """The stored JSON text of a raw carrier payload."""
        found = self._state.payloads.get(payload_id)
        return found.body if found is not None else None
