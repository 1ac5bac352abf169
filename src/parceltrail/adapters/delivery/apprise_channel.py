"""Any Apprise URL (ntfy, Telegram, Discord, Pushover, mailto, json:// ...): the message in the
recipient's language with the tracking link."""

from __future__ import annotations

import apprise

from parceltrail.domain.notifications import Notification, Outcome, Subscription
from parceltrail.services.notifications.messages import render
from parceltrail.services.notifications.urls import InvalidAppriseUrlError, UnsafeUrlError, check_apprise_url


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
