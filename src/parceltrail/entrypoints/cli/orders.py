"""Marketplace commands of `parceltrail`: users, My Orders, View Detail, shipping, labels, number ranges,
bulk import and adding numbers from an e-mail or a label photo. They act as the user named by --user or
PARCELTRAIL_USER; bad input is one line on stderr and a non-zero exit."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from parceltrail.adapters.db.uow import Store
from parceltrail.domain.errors import InputError
from parceltrail.domain.orders import User
from parceltrail.entrypoints.cli.common import (
    console,
    fail,
    load_settings,
    open_store,
    read_bounded,
)

UserOption = Annotated[str | None, typer.Option("--user", help="Act as this user (e-mail); default "
                                                "$PARCELTRAIL_USER.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]
ADDRESS_HELP = 'Sender address as JSON: {"name", "lines": [...], "city", "postcode", "country"}.'
CSV_HELP = "CSV rows: order reference, tracking number[, carrier[, service]]."




def _now() -> datetime:
    """The installation's clock (simulated in the demo), the same one the engine and the server use."""
    from parceltrail.adapters.sandbox.timeline import load_or_create

    return load_or_create(load_settings().data_dir).clock().now()


@contextmanager
def _acting(user_email: str | None) -> Iterator[tuple[Store, User]]:
    """The store and the acting user; input errors become one line and exit 2 (not found: 4)."""
    from parceltrail.domain.orders import OrderError

    email = (user_email or load_settings().user or "").strip().lower()
    if not email:
        fail("say who you are: --user EMAIL or PARCELTRAIL_USER")
    store = open_store()
    with store.read() as repo:
        user = repo.orders.user_by_email(email)
    if user is None:
        fail(f"no user {email} (create one with `parceltrail users create`)")
    try:
        yield store, user
    except OrderError as error:
        fail(str(error), 4 if error.status in (403, 404) else 2)
    except InputError as error:
        fail(str(error))


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def register(app: typer.Typer) -> None:  # noqa: C901 - one place that declares every command
    users_app = typer.Typer(no_args_is_help=True, help="Marketplace users (buyers, sellers, admins).")
    ranges_app = typer.Typer(no_args_is_help=True, help="A seller's S10 number ranges for issuing labels.")
    app.add_typer(users_app, name="users")
    app.add_typer(ranges_app, name="ranges")

    @users_app.command("create")
    def users_create(
        email: Annotated[str, typer.Option("--email", help="The user's e-mail (their login).")],
        role: Annotated[str, typer.Option("--role", help="buyer, seller or admin.")],
        password_stdin: Annotated[bool, typer.Option("--password-stdin",
                                                     help="Read the password from stdin.")] = False,
        name: Annotated[str | None, typer.Option("--name", help="Display name.")] = None,
        address_json: Annotated[str | None, typer.Option(
            "--address-json", help=ADDRESS_HELP)] = None,
    ) -> None:
        """Create a user (password hashed with argon2) with an account of its own for API keys."""
        from parceltrail.domain.orders import Address
        from parceltrail.services.marketplace.users import create_user

        if not password_stdin:
            fail("give the password on stdin with --password-stdin (never on the command line)")
        password = sys.stdin.readline().rstrip("\r\n")
        address = None
        if address_json is not None:
            try:
                address = Address.from_dict(json.loads(address_json))
            except (ValueError, KeyError, TypeError, AttributeError):
                fail("--address-json must be a JSON object with name, lines, city and country")
        try:
            user = create_user(open_store(), email, password, role, _now(), display_name=name,
                               address=address)
        except InputError as error:
            fail(str(error))
        console.print(f"user {user.id} {user.email} ({user.role.value}) created", markup=False)

    @users_app.command("list")
    def users_list() -> None:
        """List users."""

        with open_store().read() as repo:
            for user in repo.orders.users():
                line = f"{user.id}\t{user.email}\t{user.role.value}\t{user.display_name}"
                console.print(line, markup=False)

    @app.command("orders")
    def orders_list(user: UserOption = None, as_json: JsonOption = False,
                    limit: Annotated[int, typer.Option(min=1, max=1000)] = 50) -> None:
        """My Orders: your purchases (buyer) or sales (seller), newest first."""
        from parceltrail.services.marketplace.order_views import order_summary
        from parceltrail.services.marketplace.orders import list_orders

        with _acting(user) as (store, actor):
            found = [order_summary(o) for o in list_orders(store, actor, limit=limit)]
        if as_json:
            _print_json(found)
            return
        table = Table(show_header=True, header_style="bold")
        for column in ("ID", "Reference", "Status", "Total", "Placed", "Shipped"):
            table.add_column(column)
        for o in found:
            table.add_row(str(o["id"]), o["reference"], o["status"], o["total"], o["placed_at"][:16],
                          (o["shipped_at"] or "")[:16])
        console.print(table)

    @app.command("order")
    def order_show(order_id: Annotated[int, typer.Argument(help="The order's ID.")], user: UserOption = None,
                   as_json: JsonOption = False) -> None:
        """View Detail: the order and each package with carrier, service, tracking page, status, timeline."""
        from parceltrail.entrypoints.cli.outlook import outlook_lines
        from parceltrail.services.marketplace.order_views import order_detail
        from parceltrail.services.marketplace.orders import order_view
        from parceltrail.services.outlook.eta import models_for
        with _acting(user) as (store, actor):
            now = _now()
            detail = order_detail(order_view(store, actor, order_id), actor, now=now,
                                  models=models_for(store, now))
        if as_json:
            _print_json(detail)
            return
        console.print(f"[bold]Order {detail['reference']}[/bold] (#{detail['id']})  {detail['status']}  "
                      f"{detail['total']}", highlight=False)
        console.print(f"Seller {detail['seller']['display_name']}, buyer {detail['buyer']['display_name']}; "
                      f"protection until {detail['protection_deadline'] or '(not shipped)'}", markup=False)
        if detail.get("advice"):
            console.print(f"Next step: {detail['advice']['message']}", markup=False)
        for p in detail["packages"]:
            console.print(f"\nPackage {p['id']}: {p['tracking_number']}  {p['carrier_name'] or p['carrier']}"
                          f"  {p['service'] or ''}  [{p['tag']}]", markup=False)
            if p["tracking_url"]:
                console.print(f"  carrier page: {p['tracking_url']}", markup=False)
            for line in outlook_lines(p):
                console.print("  " + line, markup=False)
            for event in p.get("events", [])[:20]:
                console.print(f"  {event['occurred_at'][:16]}  {event['location'] or ''}  {event['text']}",
                              markup=False)

    @app.command("ship")
    def ship(
        order_id: Annotated[int, typer.Argument(help="The order's ID.")],
        number: Annotated[str | None, typer.Option("--number", help="The carrier's tracking number.")] = None,
        issue: Annotated[bool, typer.Option("--issue", help="Issue one from your S10 range.")] = False,
        carrier: Annotated[str | None, typer.Option(help="Carrier slug.")] = None,
        service: Annotated[str | None, typer.Option(help="Service, e.g. 'Tracked 48'.")] = None,
        weight: Annotated[int | None, typer.Option("--weight-grams", min=1, max=1_000_000)] = None,
        label: Annotated[Path | None, typer.Option("--label", help="Write the label PDF here.")] = None,
        user: UserOption = None,
    ) -> None:
        """Ship a package of ORDER (seller): check or issue its number, track it, print its label."""
        from parceltrail.adapters.documents.label import label_pdf
        from parceltrail.services.marketplace.orders import ShipRequest, ship_order

        with _acting(user) as (store, actor):
            package = ship_order(store, actor, order_id, ShipRequest(
                carrier=carrier, service=service, tracking_number=number, issue=issue, weight_grams=weight),
                _now())
            if label is not None:
                label.write_bytes(label_pdf(store, actor, order_id, package.id, _now()))
        console.print(f"package {package.id}: {package.tracking_number} ({package.carrier})", markup=False)

    @app.command("label")
    def label_cmd(
        order_id: Annotated[int, typer.Argument(help="The order's ID.")],
        package_id: Annotated[int, typer.Argument(help="The package's ID.")],
        output: Annotated[Path, typer.Option("--output", "-o", help="The PDF file to write.")],
        user: UserOption = None,
    ) -> None:
        """Write a package's 100 x 150 mm label PDF (seller)."""
        from parceltrail.adapters.documents.label import label_pdf

        with _acting(user) as (store, actor):
            pdf = label_pdf(store, actor, order_id, package_id, _now())
        output.write_bytes(pdf)
        console.print(f"label written to {output}", markup=False)

    @app.command("confirm-receipt")
    def confirm(order_id: Annotated[int, typer.Argument(help="The order's ID.")],
                user: UserOption = None) -> None:
        """Confirm you received ORDER (buyer): it completes."""
        from parceltrail.services.marketplace.orders import confirm_receipt

        with _acting(user) as (store, actor):
            order = confirm_receipt(store, actor, order_id, _now())
        console.print(f"order {order.reference} {order.status.value}", markup=False)

    @ranges_app.command("add")
    def ranges_add(
        country: Annotated[str, typer.Option(help="The postal operator's country, e.g. DE.")],
        service_indicator: Annotated[str, typer.Option("--service", help="S10 service indicator, e.g. R.")],
        first: Annotated[int, typer.Option(help="First serial.")],
        last: Annotated[int, typer.Option(help="Last serial.")],
        user: UserOption = None,
    ) -> None:
        """Add an S10 serial range your postal operator assigned you (seller)."""
        from parceltrail.services.marketplace.orders import add_range

        with _acting(user) as (store, actor):
            added = add_range(store, actor, country, service_indicator, first, last, _now())
        console.print(f"range {added.id}: {added.service_indicator}{added.first_serial:08d}?{added.country} "
                      f"- {added.last_serial:08d} ({added.remaining} numbers)", markup=False)

    @ranges_app.command("list")
    def ranges_list(user: UserOption = None, as_json: JsonOption = False) -> None:
        """Your S10 number ranges and how many numbers are left."""
        from parceltrail.services.marketplace.orders import ranges

        with _acting(user) as (store, actor):
            found = [r.to_dict() for r in ranges(store, actor)]
        if as_json:
            _print_json(found)
            return
        for r in found:
            console.print(f"{r['id']}\t{r['service_indicator']}..{r['country']}\t{r['first_serial']}-"
                          f"{r['last_serial']}\tnext {r['next_serial']}\t{r['remaining']} left", markup=False)

    @app.command("import")
    def import_file(
        file: Annotated[Path, typer.Argument(help=CSV_HELP)],
        partial: Annotated[bool, typer.Option("--partial", help="Import the good rows anyway.")] = False,
        user: UserOption = None, as_json: JsonOption = False,
    ) -> None:
        """Add packages to many orders from CSV; rejected rows stop the import unless --partial."""
        from parceltrail.services.marketplace.order_import import import_csv

        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            fail(f"cannot read {file}: {getattr(error, 'strerror', None) or error}")
        with _acting(user) as (store, actor):
            report = import_csv(store, actor, text, _now(), partial=partial)
        if as_json:
            _print_json(report.to_dict())
        else:
            for row in report.rows:
                what = row.reason or ""
                hints = f" (did you mean {', '.join(row.suggestions)}?)" if row.suggestions else ""
                shown = row.number or row.input
                console.print(f"line {row.line}: {row.status}  {row.order_reference}  {shown}  {what}{hints}",
                              markup=False)
            counts = report.counts
            console.print(f"{counts['accepted']} accepted, {counts['corrected']} corrected, "
                          f"{counts['rejected']} rejected; "
                          f"{'imported' if report.imported else 'nothing imported'}",
                          markup=False)
        if not report.imported:
            raise typer.Exit(1)

    @app.command("add")
    def add(
        from_email: Annotated[Path | None, typer.Option("--from-email", help="An e-mail (.eml, HTML, text).")]
        = None,
        from_image: Annotated[Path | None, typer.Option("--from-image", help="A label photo.")] = None,
        order_id: Annotated[int | None, typer.Option("--order", help="Add as packages of this order.")]
        = None,
        user: UserOption = None, as_json: JsonOption = False,
    ) -> None:
        """Track the numbers in a shipping e-mail or in the barcodes of a label photo."""
        from parceltrail.adapters.documents.barcodes import numbers_in_image
        from parceltrail.services.marketplace.intake import add_found, numbers_in_email

        if (from_email is None) == (from_image is None):
            fail("give one of --from-email FILE or --from-image FILE")
        path = from_email or from_image
        assert path is not None
        try:
            data = read_bounded(str(path))
        except OSError as error:
            fail(f"cannot read {path}: {error.strerror or error}")
        with _acting(user) as (store, actor):
            found = numbers_in_email(data) if from_email else numbers_in_image(data)
            added = add_found(store, actor, found, _now(), order_id=order_id,
                              source="an e-mail" if from_email else "an image")
        if as_json:
            _print_json([a.to_dict() for a in added])
            return
        for a in added:
            state = "added" if a.created else "already there"
            console.print(f"{a.number} ({a.carrier}) {state}", markup=False)
