"""Webhook signatures: HMAC-SHA256 over the raw body.

* AfterShip-compatible subscribers get `aftership-hmac-sha256: base64(HMAC-SHA256(secret, body))`.
* Native subscribers get `Parceltrail-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "t.body")>`:
  the timestamp is signed too, so `verify_signature` can refuse a replayed old delivery.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import datetime

SIGNATURE_HEADER = "Parceltrail-Signature"
AFTERSHIP_HEADER = "aftership-hmac-sha256"
DEFAULT_TOLERANCE = 300  # seconds


def _mac(secret: str, message: bytes) -> bytes:
    return hmac.new(secret.encode(), message, hashlib.sha256).digest()


def aftership_signature(body: bytes, secret: str) -> str:
    return base64.b64encode(_mac(secret, body)).decode()


def verify_aftership(body: bytes, header: str, secret: str) -> bool:
    return hmac.compare_digest(aftership_signature(body, secret), header.strip())


def sign(body: bytes, secret: str, timestamp: int) -> str:
    """The `Parceltrail-Signature` header value for `body` sent at `timestamp` (unix seconds)."""
    digest = _mac(secret, str(timestamp).encode() + b"." + body).hex()
    return f"t={timestamp},v1={digest}"


def _unix(now: datetime | float | int) -> float:
    return now.timestamp() if isinstance(now, datetime) else float(now)


def verify_signature(body: bytes, header: str, secret: str, now: datetime | float | int,
                     tolerance: int = DEFAULT_TOLERANCE) -> bool:
    """True when `header` signs exactly `body` with `secret` and its timestamp is within `tolerance`
    seconds of `now` (older or far-future deliveries are refused: a captured request cannot be replayed)."""
    timestamp: int | None = None
    candidates: list[str] = []
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t" and value.isdigit():
            timestamp = int(value)
        elif key == "v1" and value:
            candidates.append(value)
    if timestamp is None or not candidates or abs(_unix(now) - timestamp) > tolerance:
        return False
    expected = sign(body, secret, timestamp).split("v1=", 1)[1]
    return any(hmac.compare_digest(expected, candidate) for candidate in candidates)
