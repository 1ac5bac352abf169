"""The mail-in SMTP server (aiosmtpd): accepts mail for `track+<token>@<domain>` only, never relays.

Every answer is final and nothing is stored from a refused message: an unknown address or another
domain is refused at RCPT (550), a message over the size cap with 552, a sender the user has not
allowed with 550 5.7.1, and a message that names no tracking number with 550 5.6.0. Refusals are
counted here and, when the user is known, written to the user's intake log.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from parceltrail.clock import Clock
from parceltrail.domain.mailin import Outcome, Reason, token_of
from parceltrail.services.mailin import intake
from parceltrail.services.mailin.understand import parse_message
from parceltrail.services.ports import Store

log = logging.getLogger(__name__)
# Above the cap, the connection itself is cut (552 before the body is read); between the cap and
# this, the message is read so that the refusal can be logged for its user.
HARD_LIMIT_FACTOR = 2


@dataclass
class MailInStats:
    counts: Counter[str] = field(default_factory=Counter)

    def count(self, what: str) -> None:
        self.counts[what] += 1


class MailInHandler:
    def __init__(self, store: Store, clock: Clock, domain: str, max_bytes: int) -> None:
        self.store = store
        self.clock = clock
        self.domain = domain.lower()
        self.max_bytes = max_bytes
        self.stats = MailInStats()

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]
    ) -> str:
        if address.rpartition("@")[2].lower() != self.domain:
            self.stats.count("relay_denied")
            return "550 5.7.1 relaying denied: this server only accepts mail for its mail-in addresses"
        token = token_of(address, self.domain)
        found = await asyncio.to_thread(intake.user_for_token, self.store, token) if token else None
        if found is None:
            self.stats.count("unknown_recipient")
            return "550 5.1.1 no such mail-in address"
        if envelope.rcpt_tos:
            self.stats.count("too_many_recipients")
            return "452 4.5.3 one mail-in address per message"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        data = envelope.original_content or envelope.content or b""
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogateescape")
        token = token_of(envelope.rcpt_tos[0], self.domain) if envelope.rcpt_tos else None
        found = await asyncio.to_thread(intake.user_for_token, self.store, token) if token else None
        if found is None:  # the token was rotated between RCPT and DATA
            self.stats.count("unknown_recipient")
            return "550 5.1.1 no such mail-in address"
        user, address = found
        mail_from = (envelope.mail_from or "").lower()
        if len(data) > self.max_bytes:
            self.stats.count(Reason.TOO_LARGE.value)
            subject = _subject(data)
            await asyncio.to_thread(
                intake.refuse,
                self.store,
                user,
                channel="smtp",
                sender=mail_from,
                subject=subject,
                reason=Reason.TOO_LARGE,
                now=self.clock.now(),
            )
            return f"552 5.3.4 message larger than {self.max_bytes} bytes"
        try:
            result = await asyncio.to_thread(
                intake.accept,
                self.store,
                user,
                data,
                self.clock.now(),
                channel="smtp",
                allowed=address.allowed_senders,
                envelope_sender=mail_from,
            )
        except Exception:  # never a half-answer: the sender may retry, nothing was committed
            log.exception("mail-in: message for user %s failed", user.id)
            self.stats.count("error")
            return "451 4.3.0 temporary failure, try again later"
        self.stats.count(result.reason or result.outcome.value)
        if result.reason == Reason.SENDER_NOT_ALLOWED.value:
            return "550 5.7.1 sender not allowed for this mail-in address"
        if result.reason == Reason.NO_TRACKING_NUMBER.value:
            return "550 5.6.0 no tracking number found in this message"
        if result.outcome in (Outcome.ADDED, Outcome.UPDATED):
            return f"250 OK: {len(result.added)} parcel(s) added"
        return "250 OK: nothing new"


def _subject(data: bytes) -> str:
    try:
        return " ".join(str(parse_message(data[:65536]).get("subject") or "").split())[:255]
    except Exception:  # a broken header block still gets a log line
        return ""


class MailInServer:
    """The server in a background thread (its own event loop); `start()` / `stop()`."""

    def __init__(
        self, store: Store, clock: Clock, *, host: str, port: int, domain: str, max_bytes: int
    ) -> None:
        self.handler = MailInHandler(store, clock, domain, max_bytes)
        limit = max_bytes * HARD_LIMIT_FACTOR
        self.controller = Controller(
            self.handler,
            hostname=host,
            port=port,
            server_hostname=domain,
            data_size_limit=limit,
            ident="parceltrail mail-in",
        )
        self.host, self.port = host, port

    @property
    def stats(self) -> dict[str, Any]:
        return dict(self.handler.stats.counts)

    def start(self) -> None:
        self.controller.start()
        self.port = self.controller.port

    def stop(self) -> None:
        self.controller.stop()
