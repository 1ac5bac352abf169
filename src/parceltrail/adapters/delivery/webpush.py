"""Web Push (RFC 8030) with VAPID (RFC 8292) and message encryption (RFC 8291, aes128gcm): a parcel's
status, in the subscriber's language, to a browser that turned on push notifications for it.

The endpoint is checked like a webhook URL (no private, loopback or link-local addresses unless the
operator allows them), redirects are never followed, and a push service's 404/410 means the browser
dropped the subscription: the outcome says `gone`, and the dispatcher removes it.
"""

from __future__ import annotations

import base64
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid02
from pywebpush import WebPusher

from parceltrail.domain.errors import InputError
from parceltrail.domain.notifications import Notification, Outcome, Subscription
from parceltrail.services.notifications.messages import render
from parceltrail.services.notifications.urls import UnsafeUrlError, check_webhook_url
from parceltrail.settings import NotifySettings

TTL_SECONDS = 24 * 3600  # a status a day old is still worth showing; older ones the next will replace
URGENT = ("delivered", "exception")
# Push services take about 4 KB of payload: title and body are cut well below that.
MAX_TITLE, MAX_TEXT = 200, 600


class PushUnavailableError(InputError):
    code = "push_unavailable"


class InvalidPushSubscriptionError(InputError):
    code = "invalid_push_subscription"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True, slots=True)
class VapidKey:
    """The operator's application server key: signs every push request; its public half is what a
    browser subscribes with."""

    vapid: Vapid02
    subject: str

    @property
    def public_key(self) -> str:
        point = self.vapid.public_key.public_bytes(serialization.Encoding.X962,
                                                   serialization.PublicFormat.UncompressedPoint)
        return b64url(point)

    def headers(self, endpoint: str) -> dict[str, str]:
        parts = urlsplit(endpoint)
        claims = {"sub": self.subject, "aud": f"{parts.scheme}://{parts.netloc}",
                  "exp": int(time.time()) + 12 * 3600}
        return {key: str(value) for key, value in self.vapid.sign(claims).items()}


def generate_key(path: Path) -> str:
    """Write a new P-256 key to `path` (readable by the owner only); returns its public key."""
    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(pem)
    return b64url(key.public_key().public_bytes(serialization.Encoding.X962,
                                                serialization.PublicFormat.UncompressedPoint))


def load_key(settings: NotifySettings) -> VapidKey | None:
    """The configured key (PARCELTRAIL_VAPID_PRIVATE_KEY, PEM or base64url), else the key file; None when
    the operator has made none. A key that cannot be read is an error naming where it came from."""
    text = settings.vapid_private_key
    where = "PARCELTRAIL_VAPID_PRIVATE_KEY"
    if text is None and settings.vapid_file is not None and settings.vapid_file.exists():
        text, where = settings.vapid_file.read_text(), str(settings.vapid_file)
    if text is None:
        return None
    try:
        raw = text.strip().encode()
        if b"BEGIN" in raw:
            vapid = Vapid02.from_pem(raw)
        else:  # base64url of the 32-byte private number, as other web push tools print it
            number = unb64url(raw.decode("ascii"))
            if len(number) != 32:
                raise ValueError("a raw P-256 private key is 32 bytes")
            vapid = Vapid02(ec.derive_private_key(int.from_bytes(number, "big"), ec.SECP256R1()))
    except Exception as error:  # the library raises several types for a bad key
        raise PushUnavailableError(f"the VAPID key in {where} cannot be read: "
                                   f"{type(error).__name__}") from None
    return VapidKey(vapid, settings.vapid_subject)


def check_subscription(endpoint: str, p256dh: str, auth: str, *, allow_private: bool) -> None:
    """A browser's PushSubscription as the page posts it: a safe endpoint and well-formed keys."""
    check_webhook_url(endpoint, allow_private=allow_private)
    try:
        point, secret = unb64url(p256dh), unb64url(auth)
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
    except (ValueError, TypeError):
        raise InvalidPushSubscriptionError("the subscription's p256dh key is not a P-256 public "
                                           "key") from None
    if len(secret) != 16:
        raise InvalidPushSubscriptionError("the subscription's auth secret is not 16 bytes")


def pack_keys(p256dh: str, auth: str) -> str:
    return json.dumps({"p256dh": p256dh, "auth": auth}, separators=(",", ":"))


def message(notification: Notification, language: str | None) -> dict[str, Any]:
    """What the service worker shows: title, body and the card to open, in the subscriber's language."""
    payload = notification.payload
    text = render(payload, language or payload.get("language"))
    lines = [line for line in text.body.splitlines() if line.strip()]
    body = "\n".join(lines[1:3]) if len(lines) > 1 else text.subject
    return {"title": text.subject[:MAX_TITLE], "body": body[:MAX_TEXT], "url": payload.get("link"),
            "tag": payload.get("tracking_number") or notification.event_id, "kind": payload.get("kind"),
            "lang": language, "event_id": notification.event_id}


def send_webpush(client: httpx.Client, subscription: Subscription, notification: Notification,
                 settings: NotifySettings, key: VapidKey | None) -> Outcome:
    if key is None:
        return Outcome(False, "no VAPID key: run `parceltrail push keys`")
    try:
        check_webhook_url(subscription.target, allow_private=settings.allow_private)
        keys = json.loads(subscription.secret)
        data = json.dumps(message(notification, subscription.language), ensure_ascii=False).encode()
        encoded = WebPusher({"endpoint": subscription.target, "keys": keys}).encode(data, "aes128gcm")
    except UnsafeUrlError as error:
        return Outcome(False, str(error), permanent=True)
    except (ValueError, KeyError, TypeError) as error:
        return Outcome(False, f"unusable push subscription: {error}"[:300], permanent=True, gone=True)
    headers = {**key.headers(subscription.target), "TTL": str(TTL_SECONDS), "Content-Encoding": "aes128gcm",
               "Content-Type": "application/octet-stream",
               "Urgency": "high" if notification.payload.get("kind") in URGENT else "normal",
               "Topic": b64url(notification.payload.get("tracking_number", "").encode())[:32] or "parcel"}
    try:
        response = client.post(subscription.target, content=encoded["body"], headers=headers)
    except httpx.HTTPError as error:
        return Outcome(False, f"push service unreachable: {type(error).__name__}")
    if response.status_code in (200, 201, 202):
        return Outcome.success()
    reason = f"push service answered {response.status_code}"
    if response.status_code in (404, 410):
        return Outcome(False, f"{reason}: the subscription has expired", permanent=True, gone=True)
    if response.status_code == 429 or response.status_code >= 500:
        retry = response.headers.get("retry-after", "")
        return Outcome(False, reason, retry_after_seconds=float(retry) if retry.isdigit() else None)
    return Outcome(False, reason, permanent=True)
