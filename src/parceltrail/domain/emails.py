"""E-mail addresses: one rule for every place that takes one (users, subscriptions), checked once at input
with email-validator (syntax only, no DNS), so an address accepted here is one the SMTP relay can take:
ASCII local part (no SMTPUTF8 needed), internationalized domains in their ASCII (IDNA) form."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

MAX_ADDRESS = 254


class AddressError(ValueError):
    """Not an e-mail address this server can send to; the message says why."""


def normalize_address(value: str) -> str:
    """The address in the form to store and send to (domain lower-cased and IDNA-encoded)."""
    text = value.strip()
    if not text or len(text) > MAX_ADDRESS or not text.isprintable():
        raise AddressError(f"{text[:80]!r} is not an e-mail address")
    try:
        checked = validate_email(text, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError as error:
        raise AddressError(f"{text[:80]!r} is not an e-mail address: {error}") from None
    return checked.ascii_email or checked.normalized
