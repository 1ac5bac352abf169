"""E-mail over SMTP: the message in the recipient's language with the tracking link."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from parceltrail.domain.notifications import Notification, Outcome, Subscription
from parceltrail.services.notifications import unsubscribe
from parceltrail.services.notifications.messages import render
from parceltrail.services.notifications.urls import InvalidEmailError, check_address
from parceltrail.settings import DEFAULT_PUBLIC_URL, SmtpSettings


def build_message(subscription: Subscription, notification: Notification, sender: str,
                  public_url: str = DEFAULT_PUBLIC_URL) -> EmailMessage:
    """The e-mail of one notification; it ends with the subscription's unsubscribe link, which is also
    given to mail programs (List-Unsubscribe, one-click per RFC 8058)."""
    lang = subscription.language or notification.payload.get("language")
    text = render(notification.payload, lang)
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = subscription.target
    msg["Subject"] = text.subject
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(idstring=notification.event_id[:16], domain="parceltrail.local")
    msg["Parceltrail-Event-Id"] = notification.event_id
    msg["List-Unsubscribe"] = f"<{unsubscribe.link_for(subscription, public_url)}>"
    msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg.set_content(f"{text.body}\n-- \n{unsubscribe.footer(subscription, public_url, lang)}\n")
    if lang:  # after set_content, which replaces every Content-* header
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
    return transmit(settings, build_message(subscription, notification, settings.sender, public_url))


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
