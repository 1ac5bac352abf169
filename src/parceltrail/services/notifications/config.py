"""Notification settings from the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"


def _flag(env: Mapping[str, str], name: str) -> bool:
    return env.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str = "127.0.0.1"
    port: int = 25
    username: str | None = None
    password: str | None = None
    sender: str = "parceltrail <parceltrail@localhost>"
    starttls: bool = False
    ssl: bool = False
    timeout: float = 10.0


@dataclass(frozen=True, slots=True)
class NotifySettings:
    public_url: str = DEFAULT_PUBLIC_URL  # tracking links: <public_url>/track/<number>
    allow_private: bool = False  # webhooks to private, loopback and link-local addresses
    smtp: SmtpSettings = SmtpSettings()

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> NotifySettings:
        env = os.environ if env is None else env
        port = env.get("PARCELTRAIL_SMTP_PORT", "").strip()
        smtp = SmtpSettings(
            host=env.get("PARCELTRAIL_SMTP_HOST") or "127.0.0.1",
            port=int(port) if port.isdigit() else 25,
            username=env.get("PARCELTRAIL_SMTP_USER") or None,
            password=env.get("PARCELTRAIL_SMTP_PASSWORD") or None,
            sender=env.get("PARCELTRAIL_SMTP_FROM") or SmtpSettings.sender,
            starttls=_flag(env, "PARCELTRAIL_SMTP_STARTTLS"),
            ssl=_flag(env, "PARCELTRAIL_SMTP_SSL"),
        )
        return cls(
            public_url=(env.get("PARCELTRAIL_PUBLIC_URL") or DEFAULT_PUBLIC_URL).rstrip("/"),
            allow_private=_flag(env, "PARCELTRAIL_WEBHOOK_ALLOW_PRIVATE"),
            smtp=smtp,
        )
