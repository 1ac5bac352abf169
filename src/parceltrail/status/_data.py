"""Access to the package's own TOML data files (the only I/O this package does)."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any


def load_toml(folder: str, name: str) -> dict[str, Any]:
    """Parse `<package>/<folder>/<name>.toml`."""
    path = resources.files(__package__).joinpath(folder, f"{name}.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))


def list_toml(folder: str) -> list[str]:
    """Stems of the TOML files in a data folder, sorted."""
    root = resources.files(__package__).joinpath(folder)
    return sorted(p.name[:-5] for p in root.iterdir() if p.name.endswith(".toml"))
