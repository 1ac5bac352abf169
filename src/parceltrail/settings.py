"""The installation's settings: the one place that reads the environment.

Every value comes from a `PARCELTRAIL_*` variable (or its default for the embedded single-machine
set-up) and is validated when read: `PARCELTRAIL_SMTP_PORT=abc` or a flag spelled `ture` is an error
naming the variable, never a silent default. Secrets are `SecretStr`, so they never show in a repr or
a log line. Connectors read their own keys from `carrier_env`, the `PARCELTRAIL_*` variables captured
here once, so that a connector added as a plugin needs no change to this class.
"""

from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AliasChoices, Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ENV_PREFIX = "PARCELTRAIL_"
DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"
DEFAULT_SENDER = "parceltrail <parceltrail@localhost>"
DEFAULT_VAPID_SUBJECT = "mailto:parceltrail@localhost"
VAPID_FILE = "vapid.pem"
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
_LOCALE = re.compile(r"^([A-Za-z]{1,8})(?:[_.@-]|$)")  # ll[_CC][.charset][@modifier]


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
    # Web push: the VAPID key (PEM or base64url), else the file `parceltrail push keys` writes
    vapid_private_key: str | None = None
    vapid_file: Path | None = None
    vapid_subject: str = DEFAULT_VAPID_SUBJECT
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
    # Rate limits count in the database, so every server process shares them; off: each process counts alone.
    shared_rate_limits: bool = True
    # Password reset by e-mail: how long a link stays valid, and requests per hour per address and account.
    password_reset_minutes: int = Field(default=60, ge=1, le=7 * 24 * 60)
    password_reset_address_limit: int = Field(default=10, ge=1)
    password_reset_account_limit: int = Field(default=3, ge=1)
    # Numbers nobody owns (no account, order, subscription) and nobody looked at for this many days stop
    # being followed and are removed; 0 keeps them.
    unwatched_days: int = Field(default=30, ge=0)
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
    # Operations: /metrics answers a bearer token, or else only clients in `metrics_allow` (addresses or
    # networks, comma-separated); /readyz reports the outbox stuck when a due notification waited longer.
    metrics_token: SecretStr | None = None
    metrics_allow: str = "127.0.0.1,::1"
    outbox_stuck_seconds: float = Field(default=900.0, gt=0)
    log_format: Literal["text", "json"] = "text"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "WARNING"  # INFO adds an access log line
    otel_endpoint: str | None = None  # an OTLP/HTTP collector, e.g. http://127.0.0.1:4318; None: no tracing
    # Web push: the operator's VAPID key (default: <data dir>/vapid.pem from `parceltrail push keys`) and
    # the contact push services may use (mailto: or https:)
    vapid_private_key: SecretStr | None = None
    vapid_subject: str = DEFAULT_VAPID_SUBJECT
    # Home Assistant over MQTT: mqtt://[user:password@]host[:port]; None publishes nothing.
    mqtt_url: SecretStr | None = None
    mqtt_topic: str = "parceltrail"
    mqtt_discovery_prefix: str = "homeassistant"
    mqtt_account: str = Field(default="home", min_length=1, max_length=100)  # whose trackings HA shows
    mqtt_timezone: str = "UTC"  # what "today" means for the summary sensor
    mqtt_interval: float = Field(default=5.0, gt=0, le=3600)  # seconds between syncs with the database
    # Mail intake: the mail-in SMTP server (track+<token>@<mailin_domain>) and IMAP polling.
    mailin_enabled: bool = False  # `serve` also starts the mail-in server
    mailin_domain: str = "localhost"
    mailin_host: str = "127.0.0.1"
    mailin_port: int = Field(default=2525, ge=1, le=65535)
    mailin_max_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    imap_poll_seconds: int = Field(default=300, ge=10)
    imap_allow_private: bool = False  # web/API mailboxes may name loopback or private hosts
    mail_key: SecretStr | None = None  # Fernet key of mailbox credentials; default: <data dir>/mail.key
    # The reader's language for texts the CLI prints (e.g. `classify`'s meaning), like "ja" or "pt-BR";
    # unset: the language of the locale (see `locale_lang`).
    lang: str | None = None
    carrier_env: dict[str, str] = Field(default_factory=lambda: _prefixed_env(), exclude=True)

    @field_validator("sandbox_url", "smtp_user", "user", "lang", mode="before")
    @classmethod
    def _empty_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("sandbox_speed", "scan_gaps", "secret_key", "smtp_password", "metrics_token",
                     "otel_endpoint", "mqtt_url", "vapid_private_key", "mail_key", "webhook_allow_http",
                     mode="before")
    @classmethod
    def _empty_is_unset(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("lang")
    @classmethod
    def _language_tag(cls, value: str | None) -> str | None:
        if value is not None and not LANGUAGE_TAG.match(value.strip()):
            raise ValueError(f"{value!r} is not a language code like en, ja or pt-BR")
        return value.strip() if value is not None else None

    @field_validator("metrics_allow")
    @classmethod
    def _networks(cls, value: str) -> str:
        for item in filter(None, (part.strip() for part in value.split(","))):
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise ValueError(f"{item!r} is not an IP address or network") from None
        return value

    @field_validator("log_format", "log_level", mode="before")
    @classmethod
    def _lower_or_upper(cls, value: Any, info: ValidationInfo) -> Any:
        if not isinstance(value, str):
            return value
        return value.strip().lower() if info.field_name == "log_format" else value.strip().upper()

    @field_validator("mqtt_url")
    @classmethod
    def _mqtt(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None:
            parts = urlsplit(value.get_secret_value())
            try:
                parts.port  # noqa: B018 - raises on a bad port
            except ValueError:
                raise ValueError("the port is not a number from 1 to 65535") from None
            if parts.scheme not in ("mqtt", "mqtts") or not parts.hostname:
                raise ValueError("expected mqtt://[user:password@]host[:port] or mqtts://...")
        return value

    @field_validator("vapid_subject")
    @classmethod
    def _subject(cls, value: str) -> str:
        if not value.startswith(("mailto:", "https://")):
            raise ValueError("the VAPID subject is a mailto: or https: URL")
        return value

    @field_validator("mqtt_timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not an IANA time zone") from None
        return value

    @field_validator("mqtt_topic", "mqtt_discovery_prefix")
    @classmethod
    def _topic(cls, value: str) -> str:
        value = value.strip().strip("/")
        if not value or any(ch in value for ch in "+#\0") or " " in value:
            raise ValueError("a topic prefix must be non-empty, without spaces, '+' or '#'")
        return value

    @property
    def metrics_networks(self) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
        return [ipaddress.ip_network(item.strip(), strict=False)
                for item in self.metrics_allow.split(",") if item.strip()]

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
        try:
            return cls(carrier_env=_prefixed_env(), **overrides)
        except ValidationError as error:
            raise SettingsError(_describe(error)) from None

    @property
    def locale_lang(self) -> str | None:
        """The language part of the locale (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders
        them): "de" for de_DE.UTF-8; None for the C/POSIX locale or none set."""
        for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
            value = os.environ.get(name, "").strip()
            if value:  # the first one set decides, even when it is C
                found = _LOCALE.match(value)
                return found.group(1).lower() if found and found.group(1).upper() not in ("C", "POSIX") \
                    else None
        return None

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
            vapid_private_key=self.vapid_private_key.get_secret_value() if self.vapid_private_key else None,
            vapid_file=self.data_dir / VAPID_FILE, vapid_subject=self.vapid_subject,
            allow_http=self.webhook_allow_http,
            apprise_extra_schemes=frozenset(
                part.strip().lower() for part in self.apprise_extra_schemes.split(",") if part.strip()),
            egress_allow=frozenset(part.strip() for part in self.egress_allow.split(",") if part.strip()))


def _prefixed_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k.startswith(ENV_PREFIX)}


def _describe(error: ValidationError) -> str:
    problems = []
    for item in error.errors():
        name = ENV_PREFIX + "_".join(str(part) for part in item["loc"]).upper()
        problems.append(f"{name}: {item['msg']}")
    return "invalid setting " + "; ".join(problems)
