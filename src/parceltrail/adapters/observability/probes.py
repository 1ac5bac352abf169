"""Readiness probes: is the database reachable, is its schema the one this code expects, is the outbox
moving. Each answers on its own, so /readyz can say which one failed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, func, select, text

from parceltrail.adapters.db.migrate import alembic_config
from parceltrail.adapters.db.tables import notifications
from parceltrail.domain.notifications import Status


@dataclass(frozen=True, slots=True)
class OutboxSnapshot:
    by_status: dict[str, int] = field(default_factory=dict)
    due: int = 0  # pending notifications whose delivery time has come
    oldest_due_age: float = 0.0  # seconds the oldest of them has waited


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    detail: str


def outbox_snapshot(engine: Engine, now: datetime) -> OutboxSnapshot:
    due = (notifications.c.status == Status.PENDING.value) & (notifications.c.next_attempt_at <= now)
    with engine.connect() as conn:
        by_status = {status: count for status, count in conn.execute(
            select(notifications.c.status, func.count()).group_by(notifications.c.status))}
        count, oldest = conn.execute(select(func.count(), func.min(notifications.c.next_attempt_at))
                                     .where(due)).one()
    age = max(0.0, (now - oldest).total_seconds()) if oldest is not None else 0.0
    return OutboxSnapshot(by_status=by_status, due=int(count), oldest_due_age=age)


@cache
def expected_heads() -> frozenset[str]:
    """The migration heads shipped with this code (read once: they cannot change while it runs)."""
    return frozenset(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())


def check_database(engine: Engine) -> Check:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as error:  # any driver error means "not reachable"; the reason is reported
        return Check("database", False, f"unreachable: {type(error).__name__}: {str(error)[:200]}")
    return Check("database", True, engine.dialect.name)


def check_migrations(engine: Engine) -> Check:
    try:
        with engine.connect() as conn:
            current = frozenset(MigrationContext.configure(conn).get_current_heads())
    except Exception as error:  # reported, like an unreachable database
        return Check("migrations", False, f"cannot read the schema version: {type(error).__name__}")
    expected = expected_heads()
    if current != expected:
        return Check("migrations", False, f"schema at {', '.join(sorted(current)) or 'nothing'}, "
                     f"code expects {', '.join(sorted(expected))}: run `parceltrail migrate`")
    return Check("migrations", True, ", ".join(sorted(current)))


def check_outbox(engine: Engine, now: datetime, stuck_after: float) -> Check:
    try:
        snapshot = outbox_snapshot(engine, now)
    except Exception as error:  # reported, like an unreachable database
        return Check("outbox", False, f"cannot read the outbox: {type(error).__name__}")
    if snapshot.due and snapshot.oldest_due_age > stuck_after:
        return Check("outbox", False, f"{snapshot.due} notifications due, the oldest for "
                     f"{snapshot.oldest_due_age:.0f} s (limit {stuck_after:.0f} s): is a dispatcher running?")
    return Check("outbox", True, f"{snapshot.due} due")
