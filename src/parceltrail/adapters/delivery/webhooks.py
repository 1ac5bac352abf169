"""Webhook delivery: POST the signed JSON body with httpx; short timeouts, redirects never followed, and
the connection made under the egress guard, which checks the address the socket actually connects to (a
name may resolve elsewhere than when the subscription was made, or between two lookups)."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from parceltrail.adapters.delivery.egress import EgressPolicy, EgressRefused, guarded
from parceltrail.adapters.delivery.signing import (
    AFTERSHIP_HEADER,
    SIGNATURE_HEADER,
    aftership_signature,
    sign,
)
from parceltrail.domain.notifications import Notification, Outcome, Subscription, WebhookFormat
from parceltrail.services.notifications.payloads import webhook_body
from parceltrail.services.notifications.urls import (
    InvalidUrlError,
    TargetPolicy,
    UnsafeUrlError,
    check_webhook_url,
)

USER_AGENT = "parceltrail-webhooks/0.1"


def headers_for(body: bytes, subscription: Subscription, notification: Notification,
                now: float | None = None) -> dict[str, str]:
    headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT,
               "Parceltrail-Event-Id": notification.event_id}
    if subscription.format is WebhookFormat.AFTERSHIP:
        headers[AFTERSHIP_HEADER] = aftership_signature(body, subscription.secret)
    else:
        stamp = int(now if now is not None else time.time())
        headers[SIGNATURE_HEADER] = sign(body, subscription.secret, stamp)
    return headers


def retry_after_seconds(value: str, now: datetime | None = None) -> float | None:
    """Seconds a `Retry-After` header asks for: delta-seconds or an HTTP date (RFC 9110 10.2.3)."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _retry_after(response: httpx.Response) -> float | None:
    return retry_after_seconds(response.headers.get("retry-after", ""))


def send_webhook(client: httpx.Client, subscription: Subscription, notification: Notification, *,
                 allow_private: bool = False, targets: TargetPolicy | None = None) -> Outcome:
    targets = targets or TargetPolicy(allow_private=allow_private)
    try:
        check_webhook_url(subscription.target, targets=targets)
    except (UnsafeUrlError, InvalidUrlError) as error:
        return Outcome(False, str(error), permanent=True)
    body = webhook_body(notification, subscription.format)
    try:
        with guarded(EgressPolicy(allow_private=targets.allow_private, allowed=targets.egress_allow)):
            response = client.post(subscription.target, content=body,
                                   headers=headers_for(body, subscription, notification),
                                   follow_redirects=False)
    except httpx.ConnectError as error:
        if isinstance(error.__cause__, EgressRefused) or "refused to connect to" in str(error):
            return Outcome(False, f"the receiver's address is not allowed: {error}"[:500], permanent=True)
        return Outcome(False, f"could not reach the receiver: {type(error).__name__}: {error}"[:500])
    except httpx.TimeoutException:
        return Outcome(False, "the receiver did not answer in time")
    except httpx.HTTPError as error:
        return Outcome(False, f"could not reach the receiver: {type(error).__name__}: {error}"[:500])
    if 200 <= response.status_code < 300:
        return Outcome.success()
    if 300 <= response.status_code < 400:
        return Outcome(False, f"the receiver answered a redirect ({response.status_code}); "
                              "redirects are not followed, update the URL")
    if response.status_code == 410:
        return Outcome(False, "the receiver answered 410 Gone", permanent=True)
    return Outcome(False, f"the receiver answered HTTP {response.status_code}",
                   retry_after_seconds=_retry_after(response))
