"""Composition root: settings -> database -> connectors -> tracker. Adapters (CLI, HTTP) start here."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from fastapi import FastAPI

from parceltrail.adapters.carriers.catalog import build_registry
from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.adapters.sandbox.app import create_app as create_sandbox_app
from parceltrail.adapters.sandbox.connector import SandboxConnector
from parceltrail.adapters.sandbox.server import serve_in_thread
from parceltrail.adapters.sandbox.timeline import Simulation, load_or_create
from parceltrail.clock import Clock, SystemClock
from parceltrail.services.outlook.eta import ModelCache
from parceltrail.services.outlook.predictor import ModelPredictor, Predictor
from parceltrail.services.tracking.registry import ConnectorRegistry
from parceltrail.services.tracking.schedule import load_scan_gaps
from parceltrail.services.tracking.tracker import Tracker
from parceltrail.services.tracking.unwatched import Sweeper
from parceltrail.settings import Settings

SANDBOX_SLUG = "parceltrail-sandbox"
log = logging.getLogger(__name__)


@dataclass(slots=True)
class Runtime:
    settings: Settings
    simulation: Simulation
    clock: Clock
    store: Store
    tracker: Tracker
    predictor: Predictor

    @property
    def models(self) -> ModelCache:
        """This process's ETA models for the store, shared by the tracker and the read paths."""
        return self.tracker.models


def sandbox_app(settings: Settings, simulation: Simulation) -> FastAPI:
    return create_sandbox_app(simulation.clock(), epoch=simulation.journey_epoch, demo=settings.demo)


def build(settings: Settings, sandbox_url: str, *, simulation: Simulation | None = None,
          apply_migrations: bool = True) -> Runtime:
    if apply_migrations:
        migrate.upgrade(settings.database_url)
    simulation = simulation or load_or_create(settings.data_dir, settings.sandbox_speed)
    clock = simulation.clock()
    store = Store(make_engine(settings.database_url))
    sandbox = SandboxConnector(sandbox_url)
    # In demo mode the sandbox answers for every carrier; otherwise the enabled connectors (key-less ones
    # and those whose keys are configured) follow numbers by routing (token expiry runs on wall time,
    # never on the simulated clock).
    if settings.demo:
        registry = ConnectorRegistry({SANDBOX_SLUG: sandbox}, fallback=sandbox)
    else:
        registry, catalog = build_registry(settings.carrier_env, clock=SystemClock(),
                                           connectors={SANDBOX_SLUG: sandbox})
        for status in catalog.statuses:
            if not status.enabled:
                log.info("connector %s disabled: %s", status.slug, status.reason)
    models = ModelCache(store)
    tracker = Tracker(store, registry, clock, scan_gaps=load_scan_gaps(settings.scan_gaps_path),
                      models=models)
    if settings.unwatched_days > 0:
        tracker.unwatched = Sweeper(store, settings.unwatched_days)
    return Runtime(settings, simulation, clock, store, tracker, ModelPredictor(store, clock, models))


@contextmanager
def standalone(settings: Settings) -> Iterator[Runtime]:
    """A runtime for one CLI command: uses the configured sandbox, or starts one in a thread."""
    if settings.sandbox_url:
        yield build(settings, settings.sandbox_url)
        return
    simulation = load_or_create(settings.data_dir, settings.sandbox_speed)
    base_url, stop = serve_in_thread(sandbox_app(settings, simulation))
    try:
        yield build(settings, base_url, simulation=simulation)
    finally:
        stop()


def open_store(settings: Settings) -> Store:
    """The configured database, migrated to the current schema."""
    migrate.upgrade(settings.database_url)
    return Store(make_engine(settings.database_url))
