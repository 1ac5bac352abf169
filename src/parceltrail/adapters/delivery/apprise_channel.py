"""Any Apprise URL (ntfy, Telegram, Discord, Pushover, mailto, json:// ...): the message in the
recipient's language with the tracking link."""

from __future__ import annotations

from urllib.parse import urlsplit

import apprise

from parceltrail.domain.errors import InputError
from parceltrail.domain.notifications import Notification, Outcome, Subscription
from parceltrail.services.notifications.messages import render
from parceltrail.services.notifications.urls import UnsafeUrlError, check_host

# Schemes whose host is wherever the user says (not a fixed public service): checked like webhooks.
_SELF_HOSTED = {"json", "jsons", "xml", "xmls", "form", "forms", "ntfy", "ntfys", "gotify", "gotifys",
                "apprise", "apprises", "mmost", "mmosts", "rocket", "rockets", "matrix", "matrixs"}


class InvalidAppriseUrlError(InputError):
    code = "invalid_apprise_url"


def check_apprise_url(url: str, *, allow_private: bool) -> None:
    if len(url) > 2000 or not apprise.Apprise().add(url):
        raise InvalidAppriseUrlError("not an Apprise URL this server can send to (see Apprise's list of "
                                     "services, e.g. ntfy://topic, tgram://token/chat, json://host/path)")
    parts = urlsplit(url)
    if parts.scheme.lower() in _SELF_HOSTED and parts.hostname:
        try:
            port = parts.port or 80
        except ValueError:
            raise InvalidAppriseUrlError("the Apprise URL has an invalid port") from None
        check_host(parts.hostname, port, allow_private=allow_private)


def send_apprise(subscription: Subscription, notification: Notification, *, allow_private: bool) -> Outcome:
    try:
        check_apprise_url(subscription.target, allow_private=allow_private)
    except (InvalidAppriseUrlError, UnsafeUrlError) as error:
        return Outcome(False, str(error), permanent=True)
    text = render(notification.payload, subscription.language or notification.payload.get("language"))
    sender = apprise.Apprise()
    sender.add(subscription.target)
    try:
        ok = sender.notify(title=text.subject, body=text.body)
    except Exception as error:  # noqa: BLE001 - a plugin's failure is one failed attempt, not a crash
        return Outcome(False, f"Apprise failed: {type(error).__name__}: {error}"[:500])
    return Outcome.success() if ok else Outcome(False, "Apprise could not deliver (see the server log)")
