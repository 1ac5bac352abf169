"""Settings from the environment, with defaults for the embedded single-machine set-up."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True, slots=True)
class Settings:
    data_dir: Path
    database_url: str
    sandbox_url: str | None  # an external sandbox; None runs it embedded
    demo: bool  # the sandbox answers for any valid number (simulated data)
    sandbox_speed: float | None  # None keeps the stored simulation speed

    @classmethod
    def from_env(cls) -> Settings:
        data_dir = Path(os.environ.get("PARCELTRAIL_DATA_DIR", "var")).resolve()
        speed = os.environ.get("PARCELTRAIL_SANDBOX_SPEED")
        return cls(
            data_dir=data_dir,
            database_url=os.environ.get("PARCELTRAIL_DATABASE_URL")
            or f"sqlite:///{data_dir / 'parceltrail.db'}",
            sandbox_url=os.environ.get("PARCELTRAIL_SANDBOX_URL") or None,
            demo=_flag("PARCELTRAIL_DEMO"),
            sandbox_speed=float(speed) if speed else None,
        )
