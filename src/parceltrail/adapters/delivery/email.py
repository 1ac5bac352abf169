"""E-mail over SMTP: the message in the recipient's language with the tracking link."""

from __future__ import annotations

import re
import smtplib
import ssl
import unicodedata
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from parceltrail.domain.notifications import Notification, Outcome, Subscription
from parceltrail.services.notifications import unsubscribe
from parceltrail.services.notifications.messages import render
from parceltrail.services.notifications.urls import InvalidEmailError, check_address
from parceltrail.settings import DEFAULT_PUBLIC_URL, SmtpSettings

_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$")
MAX_SUBJECT = 200


def header_text(value: str, limit: int = MAX_SUBJECT) -> str:
    """`value` fit for a header: control characters (CR, LF, NUL ...) become spaces, so text a user or a
    carrier wrote can never start a header of its own; the encoder then quotes what is not ASCII."""
    cleaned = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in value)
    return " ".join(cleaned.split())[:limit]


def build_message(subscription: Subscription, notification: Notification, sender: str,
                  public_url: str = DEFAULT_PUBLIC_URL) -> EmailMessage:
    """The e-mail of one notification; it ends with the subscription's unsubscribe link, which is also
    given to mail programs (List-Unsubscribe, one-click per RFC 8058)."""
    lang = subscription.language or notification.payload.get("language")
    text = render(notification.payload, lang)
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = subscription.target
    msg["Subject"] = header_text(text.subject)
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(idstring=header_text(notification.event_id[:16]) or None,
                                   domain="parceltrail.local")
    msg["Parceltrail-Event-Id"] = header_text(notification.event_id, 100)
    msg["List-Unsubscribe"] = f"<{unsubscribe.link_for(subscription, public_url)}>"
    msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg.set_content(f"{text.body}\n-- \n{unsubscribe.footer(subscription, public_url, lang)}\n")
    if isinstance(lang, str) and _LANGUAGE_TAG.match(lang):  # after set_content, which replaces Content-*
        msg["Content-Language"] = lang
    return msg


def plain_message(sender: str, to: str, subject: str, body: str, lang: str | None = None) -> EmailMessage:
    """A one-off e-mail that belongs to no subscription (such as a confirmation link)."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain="parceltrail.local")
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(body)
    if lang:
        msg["Content-Language"] = lang
    return msg


def send_email(settings: SmtpSettings, subscription: Subscription, notification: Notification,
               public_url: str = DEFAULT_PUBLIC_URL) -> Outcome:
    try:
        check_address(subscription.target)
    except InvalidEmailError as error:
        return Outcome(False, str(error), permanent=True)
    try:
        message = build_message(subscription, notification, settings.sender, public_url)
    except (ValueError, TypeError, LookupError) as error:
        # This notification's data cannot make an e-mail; it must not hold up the others.
        return Outcome(False, f"could not build the e-mail: {type(error).__name__}: {error}"[:500])
    return transmit(settings, message)


def transmit(settings: SmtpSettings, message: EmailMessage) -> Outcome:
    """Hand one message to the SMTP relay."""
    try:
        smtp: smtplib.SMTP
        if settings.ssl:
            smtp = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout,
                                    context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        with smtp:
            if settings.starttls and not settings.ssl:
                smtp.starttls(context=ssl.create_default_context())
            if settings.username:
                smtp.login(settings.username, settings.password or "")
            smtp.send_message(message)
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _ in error.recipients.values()]
        permanent = bool(codes) and all(500 <= code < 600 for code in codes)
        return Outcome(False, f"the mail server refused the recipient: {codes}", permanent=permanent)
    except (smtplib.SMTPException, OSError) as error:
        return Outcome(False, f"SMTP delivery failed: {type(error).__name__}: {error}"[:500])
    return Outcome.success()
