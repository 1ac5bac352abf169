"""The installation's settings: the one place that reads the environment.

Every value comes from a `PARCELTRAIL_*` variable (or its default for the embedded single-machine
set-up) and is validated when read: `PARCELTRAIL_SMTP_PORT=abc` or a flag spelled `ture` is an error
naming the variable, never a silent default. Secrets are `SecretStr`, so they never show in a repr or
a log line. Connectors read their own keys from `carrier_env`, the `PARCELTRAIL_*` variables captured
here once, so that a connector added as a plugin needs no change to this class.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ENV_PREFIX = "PARCELTRAIL_"
DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"
DEFAULT_SENDER = "parceltrail <parceltrail@localhost>"


class SettingsError(ValueError):
    """A setting from the environment is invalid; the message names the variable."""


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str = "127.0.0.1"
    port: int = 25
    username: str | None = None
    password: str | None = None
    sender: str = DEFAULT_SENDER
    starttls: bool = False
    ssl: bool = False
    timeout: float = 10.0


@dataclass(frozen=True, slots=True)
class NotifySettings:
    """What the notification side needs: where links point, which targets are allowed, and the relay."""

    public_url: str = DEFAULT_PUBLIC_URL  # tracking links: <public_url>/track/<number>
    allow_private: bool = False  # webhooks to private, loopback and link-local addresses
    smtp: SmtpSettings = field(default_factory=SmtpSettings)
    allow_http: bool | None = None  # plain http:// webhooks; None follows allow_private
    apprise_extra_schemes: frozenset[str] = frozenset()  # Apprise schemes beyond the vetted list
    egress_allow: frozenset[str] = frozenset()  # exact "ip:port" destinations allowed though private

    @classmethod
    def from_env(cls) -> NotifySettings:
        return Settings.from_env().notify


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, frozen=True, extra="ignore",
                                      populate_by_name=True)

    data_dir: Path = Path("var")
    database_url: str = ""  # empty: SQLite in the data directory
    sandbox_url: str | None = None  # an external sandbox; None runs it embedded
    demo: bool = False  # the sandbox answers for any valid number (simulated data)
    sandbox_speed: float | None = Field(default=None, gt=0)  # None keeps the stored simulation speed
    scan_gaps: Path | None = None  # learned scan gaps; default <data dir>/scan_gaps.json
    public_url: str = DEFAULT_PUBLIC_URL
    webhook_allow_private: bool = False
    webhook_allow_http: bool | None = None  # unset: allowed exactly when private targets are
    apprise_extra_schemes: str = ""  # comma-separated Apprise schemes to allow beyond the vetted list
    egress_allow: str = ""  # comma-separated "ip:port" notification destinations allowed though private
    smtp_host: str = "127.0.0.1"
    smtp_port: int = Field(default=25, ge=1, le=65535)
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_from: str = DEFAULT_SENDER
    smtp_starttls: bool = False
    smtp_ssl: bool = False
    secret_key: SecretStr | None = None  # sessions are server-side now; accepted so old set-ups still start
    api_rate_limit: int = Field(default=100, ge=0)  # requests per second per account; 0 turns it off
    anonymous_rate_limit: int = Field(default=120, ge=0)  # a minute, per address on public paths; 0: off
    login_max_failures: int = Field(default=5, ge=1)  # per account in 15 min, then growing blocks
    login_address_max_failures: int = Field(default=20, ge=1)  # per client address (shared by NAT)
    login_max_block_seconds: int = Field(default=900, ge=1)
    password_hash_slots: int = Field(default=2, ge=1)  # argon2 checks at once (64 MiB each)
    max_keys_per_account: int = Field(default=20, ge=1)  # live API keys
    max_subscriptions_per_account: int = Field(default=200, ge=1)
    max_trackings_per_account: int = Field(default=50_000, ge=1)
    user: str | None = None  # the acting user of CLI commands (like --user)
    seventeentrack_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("PARCELTRAIL_17TRACK_KEY", "seventeentrack_key"))
    carrier_env: dict[str, str] = Field(default_factory=dict, exclude=True)

    @field_validator("sandbox_url", "smtp_user", "user", mode="before")
    @classmethod
    def _empty_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("sandbox_speed", "scan_gaps", "secret_key", "smtp_password", "webhook_allow_http",
                     mode="before")
    @classmethod
    def _empty_is_unset(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    def model_post_init(self, _context: Any) -> None:
        data_dir = self.data_dir.resolve()
        object.__setattr__(self, "data_dir", data_dir)
        if not self.database_url:
            object.__setattr__(self, "database_url", f"sqlite:///{data_dir / 'parceltrail.db'}")
        if self.scan_gaps is None:
            object.__setattr__(self, "scan_gaps", data_dir / "scan_gaps.json")
        object.__setattr__(self, "public_url", self.public_url.rstrip("/") or DEFAULT_PUBLIC_URL)

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """The settings in force: the environment, then `overrides` (e.g. command-line options)."""
        env = {k: v for k, v in os.environ.items() if k.startswith(ENV_PREFIX)}
        try:
            return cls(carrier_env=env, **overrides)
        except ValidationError as error:
            raise SettingsError(_describe(error)) from None

    @property
    def scan_gaps_path(self) -> Path | None:
        return self.scan_gaps

    @property
    def notify(self) -> NotifySettings:
        password = self.smtp_password.get_secret_value() if self.smtp_password else None
        return NotifySettings(
            public_url=self.public_url, allow_private=self.webhook_allow_private,
            smtp=SmtpSettings(host=self.smtp_host, port=self.smtp_port, username=self.smtp_user,
                              password=password, sender=self.smtp_from, starttls=self.smtp_starttls,
                              ssl=self.smtp_ssl),
            allow_http=self.webhook_allow_http,
            apprise_extra_schemes=frozenset(
                part.strip().lower() for part in self.apprise_extra_schemes.split(",") if part.strip()),
            egress_allow=frozenset(part.strip() for part in self.egress_allow.split(",") if part.strip()))


def _describe(error: ValidationError) -> str:
    problems = []
    for item in error.errors():
        name = ENV_PREFIX + "_".join(str(part) for part in item["loc"]).upper()
        problems.append(f"{name}: {item['msg']}")
    return "invalid setting " + "; ".join(problems)
