"""Persisted prediction models (migration 0006): one JSON body per model name, replaced on refit."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Column, Connection, Integer, String, Table, Text, insert, select, update

from parceltrail.adapters.db.tables import UTCDateTime, metadata
from parceltrail.services.ports import StoredModel

models = Table(
    "models",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("format", String(64), nullable=False),
    Column("fitted_at", UTCDateTime(), nullable=False),
    Column("journeys", Integer, nullable=False),  # delivered journeys the model learned from
    Column("body", Text, nullable=False),
)


class ModelRepository:
    """Learned models (ETA, silence, scan gaps) persisted as JSON bodies, one row per name."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def load(self, name: str) -> StoredModel | None:
        return load_model(self.conn, name)

    def save(self, name: str, body: dict[str, Any], fitted_at: datetime, journeys: int) -> None:
        save_model(self.conn, name, body, fitted_at, journeys)


def load_model(conn: Connection, name: str) -> StoredModel | None:
    row = conn.execute(select(models).where(models.c.name == name)).mappings().first()
    if row is None:
        return None
    return StoredModel(row["name"], row["format"], row["fitted_at"], row["journeys"], json.loads(row["body"]))


def save_model(conn: Connection, name: str, body: dict[str, Any], fitted_at: datetime, journeys: int) -> None:
    """Insert or replace the model `name` (the caller's transaction)."""
    values = {"format": str(body.get("format", "")), "fitted_at": fitted_at, "journeys": journeys,
              "body": json.dumps(body, separators=(",", ":"), sort_keys=True)}
    changed = conn.execute(update(models).where(models.c.name == name).values(**values)).rowcount
    if not changed:
        conn.execute(insert(models).values(name=name, **values))
