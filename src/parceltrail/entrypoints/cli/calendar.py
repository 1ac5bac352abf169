"""`parceltrail calendar create|revoke --user EMAIL`: a user's secret calendar feed of expected deliveries."""

from __future__ import annotations

from typing import Annotated

import typer

from parceltrail.entrypoints.cli.common import console, fail, load_settings

UserOption = Annotated[str | None, typer.Option("--user",
                                                help="The user (e-mail); default $PARCELTRAIL_USER.")]


def register(app: typer.Typer) -> None:
    calendar_app = typer.Typer(no_args_is_help=True,
                               help="A user's calendar feed (.ics) of expected deliveries.")
    app.add_typer(calendar_app, name="calendar")

    @calendar_app.command("create")
    def create(
        user: UserOption = None,
        timezone: Annotated[str | None, typer.Option(help="The user's IANA time zone, used where the "
                                                     "destination country spans several.")] = None,
        lang: Annotated[str | None, typer.Option("--lang", help="Language of the events' texts.")] = None,
    ) -> None:
        """Make a new secret feed URL (shown once; an earlier one stops working) and print it."""
        from parceltrail.entrypoints.cli.orders import _acting, _now
        from parceltrail.services.outlook.calendar import create_feed

        with _acting(user) as (store, actor):
            _, token = create_feed(store, actor, _now(), timezone=timezone, language=lang)
        console.print(f"{load_settings().public_url}/calendar/{token}.ics", markup=False, highlight=False,
                      soft_wrap=True)

    @calendar_app.command("revoke")
    def revoke(user: UserOption = None) -> None:
        """Revoke the user's feed: its URL answers 404 from now on."""
        from parceltrail.entrypoints.cli.orders import _acting, _now
        from parceltrail.services.outlook.calendar import revoke_feed

        with _acting(user) as (store, actor):
            revoked = revoke_feed(store, actor, _now())
        if not revoked:
            fail("this user has no calendar feed", 4)
        console.print("revoked", markup=False, highlight=False)
