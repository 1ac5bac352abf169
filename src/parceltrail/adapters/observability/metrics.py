"""Prometheus metrics of one installation: the engine's lookups, the outbox, deliveries and HTTP traffic.

Counters move as things happen (the tracker reports through `PollObserver`, deliveries through
`MeteredSender`); the outbox figures are read from the database when Prometheus scrapes, so they are
right however many dispatchers run. Each app has its own registry, so two apps in one process (tests,
the embedded sandbox) never share counts.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Mapping
from datetime import datetime

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import Engine

from parceltrail.adapters.observability.probes import outbox_snapshot
from parceltrail.adapters.observability.tracing import Tracing
from parceltrail.clock import Clock
from parceltrail.domain.connectors import Failure, FetchOutcome
from parceltrail.domain.notifications import Notification, Outcome, Subscription
from parceltrail.services.notifications.outbox import Sender
from parceltrail.services.tracking.tracker import PollReport

log = logging.getLogger(__name__)
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class _OutboxCollector(Collector):
    """The outbox as it stands: notifications by status, the due backlog and how long its oldest waited."""

    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock

    def collect(self) -> Iterator[GaugeMetricFamily]:
        try:
            snapshot = outbox_snapshot(self.engine, self.clock.now())
        except Exception:  # a scrape must still answer while the database is away; /readyz says why
            log.warning("outbox metrics unavailable", exc_info=True)
            return
        by_status = GaugeMetricFamily("parceltrail_outbox_notifications",
                                      "Notifications in the outbox by status.", labels=["status"])
        for status, count in sorted(snapshot.by_status.items()):
            by_status.add_metric([status], count)
        yield by_status
        yield GaugeMetricFamily("parceltrail_outbox_backlog",
                                "Pending notifications whose delivery time has come.", value=snapshot.due)
        yield GaugeMetricFamily("parceltrail_outbox_oldest_due_age_seconds",
                                "How long the oldest due notification has been waiting (0 when none).",
                                value=snapshot.oldest_due_age)


class Metrics:
    """The installation's metrics; also the tracker's `PollObserver`."""

    def __init__(self, engine: Engine | None = None, clock: Clock | None = None, *,
                 tracing: Tracing | None = None) -> None:
        self.tracing = tracing
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.polls = Counter("parceltrail_polls", "Tracking numbers looked up, by carrier and outcome "
                             "(ok, not_found, retry_later, permanent, auth).", ["carrier", "outcome"],
                             registry=r)
        self.lookup_seconds = Histogram("parceltrail_lookup_seconds", "Time of one carrier lookup request.",
                                        ["connector"], buckets=LATENCY_BUCKETS, registry=r)
        self.events = Counter("parceltrail_events_ingested", "New tracking events stored.", registry=r)
        self.unclassified = Counter("parceltrail_unclassified_events",
                                    "New tracking events no rule could classify.", registry=r)
        self.deliveries = Counter("parceltrail_notification_deliveries",
                                  "Notification delivery attempts, by channel and result.",
                                  ["channel", "result"], registry=r)
        self.notification_failures = Counter("parceltrail_notification_failures",
                                             "Failed notification delivery attempts, by channel.",
                                             ["channel"], registry=r)
        self.http_requests = Counter("parceltrail_http_requests",
                                     "HTTP requests, by method, route and status.",
                                     ["method", "route", "status"], registry=r)
        self.http_seconds = Histogram("parceltrail_http_request_seconds", "Time to answer an HTTP request.",
                                      ["route"], buckets=LATENCY_BUCKETS, registry=r)
        self.mqtt_messages = Counter("parceltrail_mqtt_messages", "MQTT messages, by direction and kind.",
                                     ["direction", "kind"], registry=r)
        if engine is not None and clock is not None:
            r.register(_OutboxCollector(engine, clock))

    # PollObserver --------------------------------------------------------------------------------
    def fetched(self, carrier: str, connector: str, seconds: float | None,
                outcomes: Mapping[str, FetchOutcome]) -> None:
        for outcome in outcomes.values():
            kind = outcome.kind.value if isinstance(outcome, Failure) else "ok"
            self.polls.labels(carrier, kind).inc()
        if seconds is not None:
            self.lookup_seconds.labels(connector).observe(seconds)
            if self.tracing is not None:  # the lookup as a span, timed as it happened
                end = time.time_ns()
                failures = sum(isinstance(o, Failure) for o in outcomes.values())
                span = self.tracing.tracer.start_span(
                    "carrier lookup", start_time=end - int(seconds * 1e9),
                    attributes={"parceltrail.carrier": carrier, "parceltrail.connector": connector,
                                "parceltrail.numbers": len(outcomes), "parceltrail.failures": failures})
                span.end(end_time=end)

    def ingested(self, report: PollReport) -> None:
        self.events.inc(report.new_events)
        self.unclassified.inc(report.unclassified)

    # HTTP ----------------------------------------------------------------------------------------
    def request(self, method: str, route: str, status: int, seconds: float) -> None:
        self.http_requests.labels(method, route, str(status)).inc()
        self.http_seconds.labels(route).observe(seconds)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)


class MeteredSender:
    """A notification sender that counts every attempt by channel and result."""

    def __init__(self, sender: Sender, metrics: Metrics) -> None:
        self.sender = sender
        self.metrics = metrics

    def deliver(self, subscription: Subscription, notification: Notification) -> Outcome:
        channel = subscription.channel.value
        try:
            outcome = self.sender.deliver(subscription, notification)
        except Exception:
            self._count(channel, False)
            raise
        self._count(channel, outcome.ok)
        return outcome

    def _count(self, channel: str, ok: bool) -> None:
        self.metrics.deliveries.labels(channel, "ok" if ok else "failed").inc()
        if not ok:
            self.metrics.notification_failures.labels(channel).inc()

    def close(self) -> None:
        close = getattr(self.sender, "close", None)
        if callable(close):
            close()


def seconds_between(later: datetime, earlier: datetime | None) -> float:
    return max(0.0, (later - earlier).total_seconds()) if earlier is not None else 0.0
