"""Deliver one notification through its subscription's channel (webhook, e-mail, Apprise or web push)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx

from parceltrail.adapters.delivery.apprise_channel import send_apprise
from parceltrail.adapters.delivery.egress import guarded, policy_for
from parceltrail.adapters.delivery.email import send_email
from parceltrail.adapters.delivery.webhooks import send_webhook
from parceltrail.adapters.delivery.webpush import PushUnavailableError, VapidKey, load_key, send_webpush
from parceltrail.clock import Clock
from parceltrail.domain.notifications import ChannelKind, Notification, Outcome, Subscription
from parceltrail.services.notifications.outbox import OutboxDispatcher
from parceltrail.services.notifications.urls import policy_of
from parceltrail.services.ports import Store
from parceltrail.settings import NotifySettings

CONNECT_TIMEOUT = 3.0


class Deliverer:
    """Sends notifications; one HTTP client (connection pool) per dispatcher."""

    def __init__(self, settings: NotifySettings, timeout: float = 10.0,
                 client: httpx.Client | None = None) -> None:
        self.settings = settings
        self.client = client or httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(CONNECT_TIMEOUT, timeout)), follow_redirects=False)
        self._vapid: VapidKey | None = None

    def close(self) -> None:
        self.client.close()

    def deliver(self, subscription: Subscription, notification: Notification) -> Outcome:
        if subscription.channel is ChannelKind.WEBHOOK:
            return send_webhook(self.client, subscription, notification, targets=policy_of(self.settings))
        if subscription.channel is ChannelKind.EMAIL:
            return send_email(self.settings.smtp, subscription, notification, self.settings.public_url)
        if subscription.channel is ChannelKind.WEBPUSH:
            if self._vapid is None:  # read once, when the first push goes out
                try:
                    self._vapid = load_key(self.settings)
                except PushUnavailableError as error:
                    return Outcome(False, str(error))
            # Push endpoints are the browser's choice: checked at connect time like any webhook.
            with guarded(policy_for(self.settings)):
                return send_webpush(self.client, subscription, notification, self.settings, self._vapid)
        return send_apprise(subscription, notification, targets=policy_of(self.settings))


def outbox_dispatcher(store: Store, clock: Clock, settings: NotifySettings | None = None,
                      **options: Any) -> OutboxDispatcher:
    """An outbox dispatcher that delivers through webhooks, e-mail and Apprise with these settings."""
    settings = settings or NotifySettings.from_env()
    lease: timedelta = options.get("lease", timedelta(seconds=60))
    # The HTTP timeout stays well inside the lease: a slow receiver never outlives our claim.
    sender = options.pop("sender", None) or Deliverer(
        settings, timeout=max(1.0, min(10.0, lease.total_seconds() / 3)))
    return OutboxDispatcher(store, clock, settings, sender=sender, **options)
