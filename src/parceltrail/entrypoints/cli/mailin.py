"""`parceltrail mailin`: the mail-in server and IMAP poller, and a user's mail intake: the address,
allowed senders, connected mailboxes, the intake log, parcels added from mail and their undo."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from parceltrail.entrypoints.cli.common import console, fail, load_settings
from parceltrail.entrypoints.cli.orders import UserOption, _acting, _now

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def register(app: typer.Typer) -> None:  # noqa: C901 - one place that declares every command
    mailin_app = typer.Typer(
        help="Parcels that add themselves from shipping e-mails. Without a command: run the mail-in SMTP "
        "server (PARCELTRAIL_MAILIN_*) and the IMAP poller until interrupted."
    )
    mailbox_app = typer.Typer(no_args_is_help=True, help="IMAP mailboxes parceltrail reads.")
    app.add_typer(mailin_app, name="mailin")
    mailin_app.add_typer(mailbox_app, name="mailbox")

    @mailin_app.callback(invoke_without_command=True)
    def run(
        ctx: typer.Context,
        no_imap: Annotated[bool, typer.Option("--no-imap", help="Only the SMTP server.")] = False,
    ) -> None:
        """Without a sub-command: run the mail-in SMTP server (PARCELTRAIL_MAILIN_*) and the IMAP poller."""
        if ctx.invoked_subcommand is not None:
            return
        from parceltrail.adapters.mailin.runner import MailIntake
        from parceltrail.adapters.sandbox.timeline import load_or_create
        from parceltrail.entrypoints.cli.common import open_store

        settings = load_settings()
        intake = MailIntake(
            settings, open_store(), load_or_create(settings.data_dir).clock(), imap=not no_imap
        )
        try:
            intake.start()
        except OSError as error:
            fail(f"cannot listen on {settings.mailin_host}:{settings.mailin_port}: {error}")
        console.print(
            f"mail-in SMTP on {settings.mailin_host}:{settings.mailin_port} for "
            f"track+<token>@{settings.mailin_domain}"
            f"{'' if no_imap else f', IMAP every {settings.imap_poll_seconds} s'}",
            markup=False,
        )
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
        finally:
            intake.stop()
            if intake.server is not None and intake.server.stats:
                counts = ", ".join(f"{k} {v}" for k, v in sorted(intake.server.stats.items()))
                console.print(f"mail-in answers: {counts}", markup=False)

    @mailin_app.command("address")
    def address(
        user: UserOption = None,
        rotate: Annotated[
            bool, typer.Option("--rotate", help="A new address; mail to the old one is refused.")
        ] = False,
        json_out: JsonOption = False,
    ) -> None:
        """Your mail-in address: forward shipping e-mails to it."""
        from parceltrail.domain.mailin import mailin_address
        from parceltrail.services.mailin import intake

        domain = load_settings().mailin_domain
        with _acting(user) as (store, actor):
            found = (intake.rotate_token if rotate else intake.address_of)(store, actor, _now())
        shown = mailin_address(found.token, domain)
        if json_out:
            _print_json({"address": shown, "allowed_senders": found.allowed_senders})
            return
        console.print(shown, markup=False)
        console.print(f"allowed senders: {', '.join(found.allowed_senders)}", markup=False)

    @mailin_app.command("allow")
    def allow(
        senders: Annotated[list[str], typer.Argument(help="Addresses or domains you forward from.")],
        user: UserOption = None,
    ) -> None:
        """Replace the senders whose mail to your address is read."""
        from parceltrail.services.mailin import intake

        with _acting(user) as (store, actor):
            found = intake.set_allowed_senders(store, actor, senders, _now())
        console.print(f"allowed senders: {', '.join(found.allowed_senders)}", markup=False)

    @mailin_app.command("add")
    def add_file(
        path: Annotated[Path, typer.Argument(help="An .eml file, read as if mailed to your address.")],
        user: UserOption = None,
        json_out: JsonOption = False,
    ) -> None:
        """Read one saved shipping e-mail into your parcels (same rules as mail to your address)."""
        from parceltrail.services.mailin import intake

        try:
            data = path.read_bytes()
        except OSError as error:
            fail(f"cannot read {path}: {error.strerror or error}")
        limit = load_settings().mailin_max_bytes
        if len(data) > limit:
            fail(f"{path} is larger than {limit} bytes")
        with _acting(user) as (store, actor):
            result = intake.accept(store, actor, data, _now(), channel="file", allowed=None)
        if json_out:
            _print_json(result.to_dict())
            return
        if result.added or result.replaced:
            console.print(
                f"added {', '.join(result.added) or 'nothing'}"
                f"{'; replaced ' + ', '.join(result.replaced) if result.replaced else ''}",
                markup=False,
            )
        else:
            console.print(f"nothing added ({result.reason})", markup=False)

    @mailin_app.command("log")
    def show_log(
        user: UserOption = None,
        limit: Annotated[int, typer.Option(min=1, max=1000)] = 50,
        json_out: JsonOption = False,
    ) -> None:
        """What came in, what was added, what was ignored and why."""
        from parceltrail.services.mailin import intake

        with _acting(user) as (store, actor):
            entries = intake.intake_log(store, actor, limit)
        if json_out:
            _print_json([e.to_dict() for e in entries])
            return
        table = Table("id", "received", "via", "from", "subject", "outcome", "numbers")
        for e in entries:
            numbers = ", ".join(e.detail.get("added") or []) or "-"
            table.add_row(
                str(e.id),
                e.received_at.strftime("%Y-%m-%d %H:%M"),
                e.channel,
                e.sender,
                e.subject[:40],
                e.outcome.value + (f" ({e.reason})" if e.reason else ""),
                numbers,
            )
        console.print(table)

    @mailin_app.command("parcels")
    def parcels(user: UserOption = None, json_out: JsonOption = False) -> None:
        """Parcels added from your mail, with their orders."""
        from parceltrail.services.mailin import views

        with _acting(user) as (store, actor):
            found = views.mail_orders(store, actor)
        if json_out:
            _print_json([o.to_dict() for o in found])
            return
        table = Table("parcel", "number", "carrier", "status", "shop", "order", "items", "shared by")
        for group in found:
            for p in group.parcels:
                table.add_row(
                    str(p.parcel.id),
                    p.parcel.tracking_number,
                    p.parcel.carrier,
                    p.tag,
                    group.shop or "-",
                    group.order_number or "-",
                    "; ".join(group.items)[:50],
                    group.shared_by or "",
                )
        console.print(table)

    @mailin_app.command("undo")
    def undo(
        parcel: Annotated[int, typer.Argument(help="The parcel id (see `mailin parcels`).")],
        user: UserOption = None,
    ) -> None:
        """Take back a parcel that was added from mail."""
        from parceltrail.domain.mailin import MailInError
        from parceltrail.services.mailin import intake

        with _acting(user) as (store, actor):
            try:
                removed = intake.undo(store, actor, parcel, _now())
            except MailInError as error:
                fail(str(error), 4 if error.status == 404 else 2)
        console.print(f"removed {removed.tracking_number}", markup=False)

    @mailin_app.command("share")
    def share(
        member: Annotated[str, typer.Argument(help="The household member's e-mail (a user here).")],
        order: Annotated[
            int | None, typer.Option(help="Share this order (see `mailin parcels --json`).")
        ] = None,
        parcel: Annotated[int | None, typer.Option(help="Or share this one parcel.")] = None,
        manage: Annotated[
            bool, typer.Option(help="Let them remove parcels too (default: read-only).")
        ] = False,
        user: UserOption = None,
    ) -> None:
        """Share an order read from mail, or one parcel, with another user: one tracking for both."""
        from parceltrail.domain.mailin import MailInError
        from parceltrail.services.mailin import views

        with _acting(user) as (store, actor):
            try:
                made = views.share(
                    store,
                    actor,
                    member,
                    "manage" if manage else "read",
                    _now(),
                    order_id=order,
                    parcel_id=parcel,
                )
            except MailInError as error:
                fail(str(error), 4 if error.status == 404 else 2)
        console.print(f"shared with {member} ({made.permission.value})", markup=False)

    @mailbox_app.command("add")
    def mailbox_add(
        host: Annotated[str, typer.Option(help="IMAP server.")],
        username: Annotated[str, typer.Option("--login", help="IMAP login.")],
        port: Annotated[int, typer.Option(min=1, max=65535)] = 993,
        security: Annotated[str, typer.Option(help="tls, starttls or plain.")] = "tls",
        auth: Annotated[str, typer.Option(help="password or oauth2.")] = "password",
        folder: Annotated[str, typer.Option(help="Folder to read.")] = "INBOX",
        allow: Annotated[
            list[str] | None, typer.Option(help="Only mail from these senders (repeat).")
        ] = None,
        mark_seen: Annotated[bool, typer.Option(help="Mark read messages as seen.")] = False,
        user: UserOption = None,
    ) -> None:
        """Connect a mailbox: the app password (or OAuth2 access token) is read from stdin (or asked for),
        the login is checked, and it is stored encrypted."""
        from parceltrail.adapters.mailin.cipher import cipher_for
        from parceltrail.adapters.mailin.imap import connect_mailbox

        secret = (
            sys.stdin.readline().rstrip("\n")
            if not sys.stdin.isatty()
            else typer.prompt("app password or token", hide_input=True)
        )
        if not secret:
            fail("no password or token given (pipe it on stdin)")
        with _acting(user) as (store, actor):
            mailbox = connect_mailbox(
                store,
                cipher_for(load_settings()),
                actor,
                _now(),
                host=host,
                port=port,
                security=security,
                username=username,
                secret=secret,
                folder=folder,
                auth=auth,
                allowed_senders=allow or [],
                mark_seen=mark_seen,
            )
        console.print(f"mailbox {mailbox.id}: {username}@{host}:{port}/{folder} connected", markup=False)

    @mailbox_app.command("list")
    def mailbox_list(user: UserOption = None, json_out: JsonOption = False) -> None:
        """Your connected mailboxes and how their last poll went."""
        with _acting(user) as (store, actor), store.read() as repo:
            boxes = repo.mailin.mailboxes(actor.id)
        if json_out:
            _print_json([b.to_dict() for b in boxes])
            return
        table = Table("id", "mailbox", "folder", "last poll", "last UID", "error")
        for b in boxes:
            table.add_row(
                str(b.id),
                f"{b.username}@{b.host}:{b.port}",
                b.folder,
                b.last_polled_at.strftime("%Y-%m-%d %H:%M") if b.last_polled_at else "-",
                str(b.last_uid),
                b.last_error or "",
            )
        console.print(table)

    @mailbox_app.command("poll")
    def mailbox_poll(user: UserOption = None) -> None:
        """Read your mailboxes' new mail now."""
        from parceltrail.adapters.mailin.cipher import cipher_for
        from parceltrail.adapters.mailin.imap import poll_mailbox
        from parceltrail.adapters.sandbox.timeline import load_or_create

        settings = load_settings()
        clock = load_or_create(settings.data_dir).clock()
        with _acting(user) as (store, actor):
            with store.read() as repo:
                boxes = repo.mailin.mailboxes(actor.id)
            if not boxes:
                fail("no mailbox connected (parceltrail mailin mailbox add)")
            failed = False
            for box in boxes:
                result = poll_mailbox(
                    store, cipher_for(settings), clock, box, max_bytes=settings.mailin_max_bytes
                )
                failed = failed or result.error is not None
                console.print(
                    f"mailbox {box.id}: {result.fetched} new message(s), added "
                    f"{', '.join(result.added) or 'nothing'}"
                    f"{'; error: ' + result.error if result.error else ''}",
                    markup=False,
                )
        if failed:
            raise typer.Exit(1)

    @mailbox_app.command("remove")
    def mailbox_remove(mailbox: Annotated[int, typer.Argument()], user: UserOption = None) -> None:
        """Disconnect a mailbox (its stored credentials are deleted)."""
        with _acting(user) as (store, actor), store.transaction() as repo:
            removed = repo.mailin.delete_mailbox(mailbox, actor.id)
        if not removed:
            fail(f"no mailbox {mailbox} of yours", 4)
        console.print(f"mailbox {mailbox} removed", markup=False)
