"""`parceltrail push keys`: the operator's VAPID key for web push, made once and kept in the data dir."""

from __future__ import annotations

from typing import Annotated

import typer

from parceltrail.entrypoints.cli.common import console, fail, load_settings


def register(app: typer.Typer) -> None:
    push_app = typer.Typer(no_args_is_help=True, help="Web push notifications (phones and desktops).")

    @push_app.command("keys")
    def keys(
        force: Annotated[bool, typer.Option(
            "--force", help="Replace the existing key: every browser must turn push on again.")] = False,
        show: Annotated[bool, typer.Option("--show", help="Only print the current public key.")] = False,
    ) -> None:
        """Make the VAPID key pair web push needs (kept in <data dir>/vapid.pem, readable by you only)
        and print its public key. The pages offer push notifications once a key exists."""
        from parceltrail.adapters.delivery.webpush import PushUnavailableError, generate_key, load_key

        settings = load_settings()
        notify = settings.notify
        try:
            current = load_key(notify)
        except PushUnavailableError as error:
            if show or not force:
                fail(f"{error} (use --force to replace it)")
            current = None
        if show:
            if current is None:
                fail("no VAPID key yet: run `parceltrail push keys`")
            console.print(current.public_key, markup=False, soft_wrap=True)
            return
        if settings.vapid_private_key is not None:
            fail("the key comes from PARCELTRAIL_VAPID_PRIVATE_KEY; unset it to use a key file")
        if current is not None and not force:
            fail(f"a VAPID key already exists in {notify.vapid_file}; --force replaces it (browsers must "
                 "turn push notifications on again)")
        assert notify.vapid_file is not None
        public = generate_key(notify.vapid_file)
        console.print(f"VAPID key written to {notify.vapid_file}", markup=False)
        console.print(f"public key: {public}", markup=False, soft_wrap=True)
        console.print(f"subject: {settings.vapid_subject} (set PARCELTRAIL_VAPID_SUBJECT to your contact)",
                      markup=False)

    app.add_typer(push_app, name="push")
