"""Any Apprise URL (ntfy, Telegram, Discord, Pushover, mailto, json:// ...): the message in the
recipient's language with the tracking link. Apprise plugins do their own networking (requests, smtplib,
raw sockets) and follow redirects, so the whole send runs inside the egress guard: whatever the scheme,
a connection to an address the operator has not allowed fails at connect time."""

from __future__ import annotations

import apprise

from parceltrail.adapters.delivery.egress import EgressPolicy, guarded
from parceltrail.domain.notifications import Notification, Outcome, Subscription
from parceltrail.services.notifications.messages import render
from parceltrail.services.notifications.urls import (
    InvalidAppriseUrlError,
    TargetPolicy,
    UnsafeUrlError,
    check_apprise_url,
)


def send_apprise(subscription: Subscription, notification: Notification, *, allow_private: bool = False,
                 targets: TargetPolicy | None = None) -> Outcome:
    targets = targets or TargetPolicy(allow_private=allow_private)
    try:
        check_apprise_url(subscription.target, targets=targets)
    except (InvalidAppriseUrlError, UnsafeUrlError) as error:
        return Outcome(False, str(error), permanent=True)
    text = render(notification.payload, subscription.language or notification.payload.get("language"))
    # Sequential mode: the plugin runs in this thread, where the guard is active.
    sender = apprise.Apprise(asset=apprise.AppriseAsset(async_mode=False))
    try:
        with guarded(EgressPolicy(allow_private=targets.allow_private, allowed=targets.egress_allow)):
            sender.add(subscription.target)
            ok = sender.notify(title=text.subject, body=text.body)
    except Exception as error:  # noqa: BLE001 - a plugin's failure is one failed attempt, not a crash
        return Outcome(False, f"Apprise failed: {type(error).__name__}: {error}"[:500])
    return Outcome.success() if ok else Outcome(False, "Apprise could not deliver (see the server log)")
