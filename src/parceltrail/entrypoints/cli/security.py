"""`parceltrail sessions`: the operator ends a user's sessions or sets a new password (which ends them
too), e.g. after a lost laptop or a leaked password."""

from __future__ import annotations

from typing import Annotated

import typer

from parceltrail.entrypoints.cli.common import console, fail, open_store


def _user_id(email: str) -> int:
    store = open_store()
    with store.read() as repo:
        user = repo.orders.user_by_email(email.strip().lower())
    if user is None:
        fail(f"no user {email.strip()[:254]!r}", 4)
    return user.id


def register(app: typer.Typer) -> None:
    sessions_app = typer.Typer(no_args_is_help=True, help="Sign-in sessions of marketplace users.")
    app.add_typer(sessions_app, name="sessions")

    @sessions_app.command("revoke")
    def revoke(email: Annotated[str, typer.Argument(help="the user's e-mail")]) -> None:
        """End every session of a user: their browsers must sign in again."""
        from parceltrail.adapters.db.sessions import revoke_user_sessions

        ended = revoke_user_sessions(open_store(), _user_id(email))
        console.print(f"ended {ended} session(s) of {email.strip()}", markup=False, highlight=False)

    @sessions_app.command("count")
    def count(email: Annotated[str, typer.Argument(help="the user's e-mail")]) -> None:
        """How many live sessions a user has."""
        from parceltrail.adapters.db.sessions import live_sessions

        console.print(str(live_sessions(open_store(), _user_id(email))))

    @sessions_app.command("set-password")
    def set_password_command(
        email: Annotated[str, typer.Argument(help="the user's e-mail")],
        password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True,
                                              help="the new password (asked when not given)")],
    ) -> None:
        """Set a user's password (a reset by the operator) and end every session they had."""
        from parceltrail.adapters.db.sessions import revoke_user_sessions
        from parceltrail.domain.errors import InputError
        from parceltrail.services.marketplace.users import set_password

        user_id = _user_id(email)
        store = open_store()
        try:
            set_password(store, user_id, password)
        except InputError as error:
            fail(str(error))
        ended = revoke_user_sessions(store, user_id)
        console.print(f"password set; ended {ended} session(s)", markup=False, highlight=False)
