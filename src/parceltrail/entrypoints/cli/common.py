"""What every command group shares: the consoles, the one-line failure, settings and the store."""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

import typer
from rich.console import Console

from parceltrail.settings import Settings, SettingsError

if TYPE_CHECKING:
    from parceltrail.adapters.db.uow import Store
    from parceltrail.clock import Clock

console = Console()
err_console = Console(stderr=True)


def fail(message: str, code: int = 2) -> NoReturn:
    """One line on stderr and a non-zero exit: the CLI's answer to bad input."""
    err_console.print(f"error: {' '.join(message.split())}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


MAX_INPUT_BYTES = 20 * 1024 * 1024  # an e-mail or a page to scan; /dev/zero must not fill the memory


def read_bounded(file: str, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of `file` (- for stdin), at most `limit`: more is a one-line error, exit 2."""
    import sys

    if file == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        with open(file, "rb") as handle:
            data = handle.read(limit + 1)
    if len(data) > limit:
        fail(f"{file} is larger than {limit // (1024 * 1024)} MiB")
    return data


def load_settings() -> Settings:
    """The settings in force; an invalid environment variable is one line naming it, exit 2."""
    try:
        return Settings.from_env()
    except SettingsError as error:
        fail(str(error))


def open_store() -> Store:
    """The configured database, migrated."""
    from parceltrail import bootstrap

    return bootstrap.open_store(load_settings())


def open_store_and_clock() -> tuple[Store, Clock]:
    """The configured database (migrated) and the installation's clock (the simulated timeline)."""
    from parceltrail.adapters.sandbox.timeline import load_or_create

    configured = load_settings()
    return open_store(), load_or_create(configured.data_dir, configured.sandbox_speed).clock()
