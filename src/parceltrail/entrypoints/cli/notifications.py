"""The `parceltrail subscribe` and `parceltrail outbox ...` commands (registered in
`parceltrail.entrypoints.cli.main`).

Heavy imports happen inside the commands so that `parceltrail --help` stays fast.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from parceltrail.entrypoints.cli.common import (
    console,
    err_console,
    fail,
    open_store_and_clock,
)

outbox_app = typer.Typer(no_args_is_help=True, help="The notification outbox: list, replay, dispatch.")




def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def subscribe(
    tracking: Annotated[str | None, typer.Option("--tracking", help="A tracking's ID (API trackings).")
                        ] = None,
    number: Annotated[str | None, typer.Option("--number", help="A tracking number (registered if new).")
                      ] = None,
    webhook: Annotated[str | None, typer.Option("--webhook", help="Webhook URL to POST to.")] = None,
    email: Annotated[str | None, typer.Option("--email", help="E-mail address to write to.")] = None,
    apprise_url: Annotated[str | None, typer.Option("--apprise", help="Apprise URL (ntfy://, tgram://, ...).")
                           ] = None,
    events: Annotated[list[str] | None, typer.Option(
        "--events", help="status_change, checkpoint, delivered, exception, not_updated, eta_changed, all "
                         "(repeat or comma-separate; default status_change).")] = None,
    webhook_format: Annotated[str, typer.Option("--format", help="Webhooks: native or aftership.")
                              ] = "native",
    language: Annotated[str | None, typer.Option(help="Language of messages: en de fr es pt ru zh.")] = None,
    timezone: Annotated[str, typer.Option(help="The subscriber's IANA time zone.")] = "UTC",
    quiet_hours: Annotated[str | None, typer.Option(help="Hold notifications, e.g. 22:00-07:00.")] = None,
    digest: Annotated[bool, typer.Option(help="One daily digest instead of each notification.")] = False,
    digest_hour: Annotated[int, typer.Option(min=0, max=23, help="Local hour of the digest.")] = 8,
    eta_days: Annotated[float | None, typer.Option(
                            help="eta_changed: notify when the expected day moved by at least this many "
                                 "days (default 1).")
                        ] = None,
    stale_days: Annotated[float | None, typer.Option(help="not_updated: days without news.")] = None,
) -> None:
    """Subscribe to changes of a tracking (by ID) or a tracking number: webhook, e-mail or Apprise."""
    from parceltrail.adapters.db.tables import trackings
    from parceltrail.domain.errors import InputError
    from parceltrail.numbers import InvalidNumberError
    from parceltrail.services.notifications import subscriptions as service
    from parceltrail.services.notifications.urls import policy_of
    from parceltrail.services.tracking.tracker import Tracker, parse_number
    from parceltrail.settings import NotifySettings

    if (tracking is None) == (number is None):
        fail("give exactly one of --tracking ID and --number N")
    channels = [(kind, value) for kind, value in (("webhook", webhook), ("email", email),
                                                  ("apprise", apprise_url)) if value is not None]
    if len(channels) != 1:
        fail("give exactly one of --webhook URL, --email ADDRESS and --apprise URL")
    channel, target = channels[0]
    request = service.SubscriptionRequest(
        channel=channel, target=target, events=events or ["status_change"], format=webhook_format,
        language=language, timezone=timezone, quiet_hours=quiet_hours, digest=digest,
        digest_hour=digest_hour, eta_days=eta_days, stale_days=stale_days)
    settings = NotifySettings.from_env()
    try:
        service.validate(request, targets=policy_of(settings))
        if number is not None:
            parse_number(number)
    except (InputError, InvalidNumberError) as error:
        fail(_one_line(error))
    store, clock = open_store_and_clock()
    account_id: int | None = None
    if number is not None:
        from parceltrail.services.tracking.registry import ConnectorRegistry

        shipment = Tracker(store, ConnectorRegistry({}), clock).register(number)  # stored only, no fetch
        request.shipment_id = shipment.id
    try:
        with store.transaction() as repo:
            if tracking is not None:
                row = repo.conn.execute(trackings.select().where(trackings.c.id == tracking.strip()[:64])
                                        ).mappings().first()
                if row is None:
                    fail(f"no tracking {tracking!r} (see the API's GET /api/v1/trackings)")
                account_id = row["account_id"]
                request.tracking_id = row["id"]
            subscription = service.create(repo, account_id, request, clock.now(),
                                          targets=policy_of(settings))
    except InputError as error:
        fail(_one_line(error))
    console.print(f"subscription {subscription.id}: {', '.join(e.value for e in subscription.events)} "
                  f"-> {subscription.channel.value} {subscription.target}", markup=False)
    if subscription.channel.value == "webhook":
        err_console.print("webhook signing secret (store it now, it is not shown again):", markup=False)
        sys.stdout.write(subscription.secret + "\n")


def unsubscribe(subscription_id: Annotated[int, typer.Argument(help="The subscription's ID.")]) -> None:
    """Delete a subscription (its undelivered notifications go with it)."""

    if not 0 < subscription_id < 2**31:
        fail(f"no subscription {subscription_id}")
    store, _ = open_store_and_clock()
    with store.transaction() as repo:
        deleted = repo.notifications.delete_subscription(subscription_id)
    if not deleted:
        fail(f"no subscription {subscription_id}")
    console.print(f"subscription {subscription_id} deleted", markup=False)


@outbox_app.command("list")
def outbox_list(
    status: Annotated[str | None, typer.Option(help="pending, dead, delivered, held or digested.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=10000)] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")] = False,
) -> None:
    """List notifications in the outbox, oldest first."""
    from parceltrail.domain.notifications import Status

    try:
        wanted = Status(status) if status is not None else None
    except ValueError:
        fail(f"--status must be one of {', '.join(s.value for s in Status)}, not {status!r}")
    store, _ = open_store_and_clock()
    with store.read() as repo:
        items = repo.notifications.notifications(status=wanted, limit=limit)
    if as_json:
        for n in items:
            sys.stdout.write(json.dumps({
                "id": n.id, "event_id": n.event_id, "subscription_id": n.subscription_id, "stream": n.stream,
                "kind": n.kind.value, "status": n.status.value, "attempts": n.attempts,
                "created_at": n.created_at.isoformat(), "next_attempt_at": n.next_attempt_at.isoformat(),
                "delivered_at": n.delivered_at.isoformat() if n.delivered_at else None,
                "last_error": n.last_error, "tracking_number": n.payload.get("tracking_number"),
                "subtag": n.payload.get("subtag")}, ensure_ascii=False) + "\n")
        return
    table = Table(show_header=True, header_style="bold")
    for column in ("ID", "Sub", "Kind", "Number", "Status", "Tries", "Created", "Next / delivered", "Error"):
        table.add_column(column, overflow="fold")
    for n in items:
        when = n.delivered_at if n.delivered_at else n.next_attempt_at
        number = str(n.payload.get("tracking_number", ""))
        table.add_row(str(n.id), str(n.subscription_id), n.kind.value, number,
                      n.status.value, str(n.attempts), n.created_at.isoformat(timespec="seconds"),
                      when.isoformat(timespec="seconds"), (n.last_error or "")[:200])
    console.print(table)


@outbox_app.command("replay")
def outbox_replay(
    notification_id: Annotated[int | None, typer.Argument(help="A dead (or delivered) notification's ID.")
                               ] = None,
    all_dead: Annotated[bool, typer.Option("--all-dead", help="Every dead-lettered notification.")] = False,
) -> None:
    """Queue dead-lettered notifications again (same event id: receivers dedupe)."""
    from parceltrail.services.notifications.outbox import replay

    if (notification_id is None) == (not all_dead):
        fail("give a notification ID or --all-dead")
    if notification_id is not None and not 0 < notification_id < 2**31:
        fail(f"no notification {notification_id}")
    store, clock = open_store_and_clock()
    count = replay(store, clock, notification_id)
    if notification_id is not None and count == 0:
        fail(f"no dead or delivered notification {notification_id}")
    console.print(f"{count} notification(s) queued again", markup=False)


@outbox_app.command("dispatch")
def outbox_dispatch(
    once: Annotated[bool, typer.Option("--once", help="Deliver what is due now, then exit.")] = False,
    lease_seconds: Annotated[float, typer.Option(min=1, max=3600, help="Claim lease (a dispatcher that "
                                                 "dies is replaced after it).")] = 60.0,
    batch: Annotated[int, typer.Option(min=1, max=1000)] = 20,
    idle: Annotated[float, typer.Option(min=0.01, max=60, help="Seconds between polls when idle.")] = 1.0,
) -> None:
    """Run the dispatcher: deliver due notifications until interrupted (several may run at once)."""
    import signal
    import threading
    from datetime import timedelta

    from parceltrail.adapters.delivery.dispatcher import outbox_dispatcher

    store, clock = open_store_and_clock()
    dispatcher = outbox_dispatcher(store, clock, lease=timedelta(seconds=lease_seconds), batch=batch)
    if once:
        total = 0
        try:
            while (report := dispatcher.run_once()).claimed:
                total += report.delivered
        finally:
            dispatcher.close()
        console.print(f"{total} notification(s) delivered", markup=False)
        return
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    err_console.print(f"dispatcher {dispatcher.owner} running (Ctrl-C to stop)", markup=False)
    try:
        dispatcher.run(stop, idle_seconds=idle)
    except KeyboardInterrupt:
        stop.set()
