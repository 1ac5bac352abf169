""""Get notified" on the tracking cards: a signed-in user subscribes to one parcel (a shipment-scoped
subscription of the user's account) by e-mail, Apprise URL or webhook, sees their subscriptions for that
parcel and can unsubscribe.

The forms are CSRF-safe twice over: the session cookie is SameSite=Lax (no cross-site POST carries it),
and every form carries a token derived from that session cookie, which another site can neither read nor
compute. Validation is `services.notifications.subscriptions.create`'s (the API's): bad input comes back
as its stable code (invalid_email, unsafe_url, ...) with a message in the page's language.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote

from babel import Locale as BabelLocale
from fastapi import Request, Response
from starlette.datastructures import FormData

from parceltrail.bootstrap import Runtime
from parceltrail.domain.errors import InputError
from parceltrail.domain.notifications import ChannelKind, Scope, Subscription
from parceltrail.domain.orders import User
from parceltrail.domain.shipment import Shipment
from parceltrail.entrypoints.http import sessions
from parceltrail.entrypoints.web.cards import Card
from parceltrail.entrypoints.web.i18n import Locale
from parceltrail.numbers import InvalidNumberError
from parceltrail.services.notifications import subscriptions as service
from parceltrail.services.notifications.timing import InvalidScheduleError
from parceltrail.services.notifications.urls import policy_of
from parceltrail.services.tracking.tracker import parse_number
from parceltrail.settings import NotifySettings

FLASH_COOKIE = "parceltrail_flash"
FLASH_KINDS = ("subscribed", "unsubscribed")
# Confirmations of the order actions and of e-mail sign-ups ("flash.<kind>"; a number where it names one).
OTHER_FLASHES = ("received", "disputed", "shipped", "optin_sent", "optin_confirmed", "mail_unsubscribed")
CHANNELS = (ChannelKind.EMAIL.value, ChannelKind.APPRISE.value, ChannelKind.WEBHOOK.value)  # as shown
MAX_TARGET = 2000
# Stable error codes with a text of their own in the locales ("notify.error.<code>"); others: generic.
KNOWN_ERRORS = ("invalid_email", "unsafe_url", "invalid_url", "invalid_apprise_url", "invalid_subscription",
                "invalid_schedule", "not_found", "csrf")
_FLASH = re.compile(rf"^({'|'.join(FLASH_KINDS + OTHER_FLASHES)}):([A-Z0-9]{{0,40}})$")
_HHMM = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?$")


# CSRF --------------------------------------------------------------------------------------------------
def csrf_token(request: Request) -> str | None:
    """The form token of this browser session (None when signed out): an HMAC keyed by the signed session
    cookie, which is HTTP-only, so only a page of this site served to this session can know it."""
    session = request.cookies.get(sessions.COOKIE)
    if not session:
        return None
    digest = hmac.new(session.encode(), b"parceltrail-web-forms", hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def csrf_ok(request: Request, form: FormData) -> bool:
    expected, given = csrf_token(request), form.get("csrf")
    return bool(expected) and isinstance(given, str) and hmac.compare_digest(expected or "", given)


# confirmation messages across the redirect ----------------------------------------------------------------
def set_flash(response: Response, kind: str, number: str) -> None:
    response.set_cookie(FLASH_COOKIE, f"{kind}:{number}", max_age=120, httponly=True, samesite="lax",
                        path="/")


def read_flash(request: Request, loc: Locale) -> str | None:
    """The confirmation to show once (only known messages: nothing from the cookie is echoed but a
    tracking number)."""
    found = _FLASH.match(request.cookies.get(FLASH_COOKIE, "")[:60])
    if not found:
        return None
    kind, number = found.group(1), found.group(2)
    if kind in FLASH_KINDS:
        return loc.t(f"notify.{kind}", number=number) if number else None
    return loc.t(f"flash.{kind}", number=number)


# the form ------------------------------------------------------------------------------------------------
@dataclass(slots=True)
class FormValues:
    channel: str = ChannelKind.EMAIL.value
    target: str = ""
    events: list[str] = field(default_factory=lambda: _default_events())
    language: str = "en"
    quiet_from: str = ""
    quiet_to: str = ""


@dataclass(frozen=True, slots=True)
class FormError:
    number: str  # the card the error belongs to
    code: str
    message: str


@dataclass(slots=True)
class NotifyView:
    """What the "Get notified" parts of a page need."""

    csrf: str | None
    next_url: str
    login_url: str
    zone: str
    channels: list[tuple[str, str]]
    events: list[tuple[str, str]]
    languages: list[tuple[str, str]]
    rows: dict[int, list[Subscription]] = field(default_factory=dict)
    form: FormValues = field(default_factory=FormValues)
    error: FormError | None = None
    open: bool = False  # the form shown unfolded (its own page)


def _language_name(code: str) -> str:
    try:
        name = BabelLocale.parse(code).get_display_name(code) or code
    except (ValueError, TypeError):
        return code
    return name[:1].upper() + name[1:]


def _options_languages() -> list[str]:
    languages = service.options()["languages"]
    return [str(code) for code in languages] if isinstance(languages, list) else []


def default_form(loc: Locale) -> FormValues:
    languages = _options_languages()
    return FormValues(language=loc.lang if loc.lang in languages else "en")


def read_form(form: FormData, loc: Locale) -> FormValues:
    """The submitted values, bounded; checked for real by `services.notifications.subscriptions` when
    subscribing."""
    def text(name: str, limit: int) -> str:
        value = form.get(name)
        return value.strip()[:limit] if isinstance(value, str) else ""

    events = [e[:40] for e in form.getlist("events") if isinstance(e, str)][:10]
    return FormValues(channel=text("channel", 20) or ChannelKind.EMAIL.value,
                      target=text("target", MAX_TARGET), events=events,
                      language=text("language", 16) or loc.lang,
                      quiet_from=text("quiet_from", 8), quiet_to=text("quiet_to", 8))


def to_request(values: FormValues, shipment_id: int, zone: str) -> service.SubscriptionRequest:
    quiet = None
    if values.quiet_from or values.quiet_to:
        if not (values.quiet_from and values.quiet_to):
            raise InvalidScheduleError("give both the start and the end of the quiet hours")
        if not (_HHMM.match(values.quiet_from) and _HHMM.match(values.quiet_to)):
            raise InvalidScheduleError("quiet hours must be times like 22:00")
        quiet = f"{values.quiet_from[:5]}-{values.quiet_to[:5]}"
    if not values.events:
        raise service.InvalidSubscriptionError("choose at least one change to be notified about")
    return service.SubscriptionRequest(
        channel=values.channel, target=values.target, events=values.events, shipment_id=shipment_id,
        language=values.language or None, timezone=zone, quiet_hours=quiet)


def error_of(error: InputError, number: str, loc: Locale) -> FormError:
    code = getattr(error, "code", "invalid_input")
    key = f"notify.error.{code}"
    return FormError(number, code, loc.t(key) if code in KNOWN_ERRORS else loc.t("notify.error.other"))


# reading and writing -------------------------------------------------------------------------------------
def find_shipment(runtime: Runtime, number: str) -> Shipment | None:
    """The tracked shipment of a number (nothing is registered or fetched here)."""
    try:
        normalized, candidate = parse_number(number[:200])
    except (InputError, InvalidNumberError):
        return None
    carrier = candidate.carrier if candidate else None
    with runtime.store.read() as repo:
        return repo.shipments.find(normalized, carrier) or repo.shipments.find(normalized)


def subscribe(runtime: Runtime, user: User, shipment_id: int, values: FormValues, zone: str) -> Subscription:
    """A shipment-scoped subscription of the user's account, validated and stored in one transaction."""
    request = to_request(values, shipment_id, zone)
    settings = NotifySettings.from_env()
    with runtime.store.transaction() as repo:
        return service.create(repo, user.account_id, request, runtime.clock.now(),
                              targets=policy_of(settings),
                              limit=runtime.settings.max_subscriptions_per_account)


def unsubscribe(runtime: Runtime, user: User, subscription_id: int) -> bool:
    """Delete one of the user's own subscriptions (undelivered notifications go with it)."""
    with runtime.store.transaction() as repo:
        return repo.notifications.delete_subscription(subscription_id, user.account_id)


def rows_for(runtime: Runtime, user: User, shipment_ids: Iterable[int]) -> dict[int, list[Subscription]]:
    """The user's shipment-scoped subscriptions for these parcels."""
    wanted = set(shipment_ids)
    if not wanted:
        return {}
    with runtime.store.read() as repo:
        found = repo.notifications.subscriptions(user.account_id)
    rows: dict[int, list[Subscription]] = {}
    for subscription in found:
        if subscription.scope is Scope.SHIPMENT and subscription.shipment_id in wanted:
            rows.setdefault(subscription.shipment_id, []).append(subscription)
    return rows


def login_url(next_url: str) -> str:
    return f"/login?next={quote(next_url, safe='/')}"


def view(request: Request, runtime: Runtime, loc: Locale, user: User | None, cards: Iterable[Card | None], *,
         next_url: str | None = None, form: FormValues | None = None, error: FormError | None = None,
         open_form: bool = False) -> NotifyView:
    here = next_url or (f"{request.url.path}?{request.url.query}" if request.url.query else request.url.path)
    shipment_ids = [c.shipment_id for c in cards if c is not None and c.shipment_id is not None]
    return NotifyView(
        csrf=csrf_token(request) if user else None, next_url=here, login_url=login_url(here),
        zone=loc.zone_name, channels=[(c, loc.t(f"notify.channel_{c}")) for c in CHANNELS],
        events=[(str(e), loc.t(f"notify.event.{e}")) for e in _events()],
        languages=[(code, _language_name(code)) for code in _options_languages()],
        rows=rows_for(runtime, user, shipment_ids) if user else {}, form=form or default_form(loc),
        error=error, open=open_form)


def _default_events() -> list[str]:
    defaults = service.options()["defaults"]
    events = defaults.get("events") if isinstance(defaults, dict) else None
    return [str(e) for e in events] if isinstance(events, list) else ["status_change"]


def _events() -> list[str]:
    events = service.options()["events"]
    return [str(e) for e in events] if isinstance(events, list) else []
