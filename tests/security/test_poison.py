"""One account's poison notification (CR/LF in a header value, a sender that raises) never stalls the
others: it is retried and dead-lettered alone while the rest of its batch is delivered."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import update

from parceltrail.adapters.db.tables import subscriptions
from parceltrail.adapters.delivery.dispatcher import Deliverer
from parceltrail.adapters.delivery.email import build_message
from parceltrail.adapters.sandbox import TEST_NUMBERS
from parceltrail.domain.notifications import Notification, Outcome, Status, Subscription
from parceltrail.services.notifications.subscriptions import (
    InvalidSubscriptionError,
    SubscriptionRequest,
    validate,
)
from parceltrail.settings import SmtpSettings
from tests.notify.conftest import dispatcher, outbox, settings, subscribe
from tests.smtp_inbox import local_smtp


@pytest.fixture
def smtp() -> Any:
    with local_smtp() as running:
        yield running


def _three_subscribers(rig: Any) -> list[Subscription]:
    made = []
    for index, key in enumerate(("delivered", "pickup_point", "returned")):
        shipment = rig.tracker.register(TEST_NUMBERS[key])
        made.append(subscribe(rig.store, rig.clock.now(), shipment_id=shipment.id, channel="email",
                              target=f"user{index}@example.org", events=["status_change"], language="en"))
    return made


def test_a_crlf_header_value_among_other_accounts_mail(make_rig: Any, smtp: Any) -> None:
    inbox, port = smtp
    rig = make_rig()
    subs = _three_subscribers(rig)
    # Data stored before input validation existed: a language that smuggles a header.
    with rig.store.transaction() as repo:
        repo.conn.execute(update(subscriptions).where(subscriptions.c.id == subs[1].id)
                          .values(language="en\r\nBcc: x@evil.example"))
    rig.run_until_quiet()
    worker = dispatcher(rig.store, rig.clock, settings=settings(SmtpSettings(port=port, sender="pt@ex.org")))
    while worker.run_once().claimed:
        pass
    written = outbox(rig.store)
    assert written and all(n.status is Status.DELIVERED for n in written)
    recipients = {r for rcpts, _ in inbox.messages for r in rcpts}
    assert recipients == {"user0@example.org", "user1@example.org", "user2@example.org"}
    assert all(msg["Bcc"] is None for _, msg in inbox.messages)


def test_a_title_with_crlf_cannot_add_a_header() -> None:
    from datetime import UTC, datetime

    from parceltrail.domain.notifications import ChannelKind, EventKind, Scope

    now = datetime(2026, 11, 1, tzinfo=UTC)
    sub = Subscription(id=1, scope=Scope.SHIPMENT, events=[EventKind.STATUS_CHANGE],
                       channel=ChannelKind.EMAIL,
                       target="a@example.org", created_at=now, secret="s")
    note = Notification(id=1, event_id="e" * 32, subscription_id=1, stream="1", kind=EventKind.STATUS_CHANGE,
                        payload={"kind": "status_change", "title": "Hi\r\nBcc: x@evil.example",
                                 "tracking_number": "1Z1", "tag": "InTransit", "subtag": "InTransit_001"},
                        status=Status.PENDING, attempts=1, created_at=now, next_attempt_at=now,
                        expires_at=now)
    message = build_message(sub, note, "pt@example.org")
    raw = message.as_string()
    assert message["Bcc"] is None and "\nBcc:" not in raw
    assert "Hi Bcc: x@evil.example" in message["Subject"]


def test_header_smuggling_languages_are_refused_at_input() -> None:
    for language in ("en\r\nBcc: x@evil.example", "fr-\nX: y", "de\x00"):
        with pytest.raises(InvalidSubscriptionError):
            validate(SubscriptionRequest(channel="email", target="a@example.org", language=language))
    validate(SubscriptionRequest(channel="email", target="a@example.org", language="pt-BR"))


class Poisoned:
    """The real deliverer, except that one subscription's messages make it raise."""

    def __init__(self, inner: Deliverer, poisoned: int) -> None:
        self.inner = inner
        self.poisoned = poisoned

    def deliver(self, subscription: Subscription, notification: Notification) -> Outcome:
        if subscription.id == self.poisoned:
            raise RuntimeError("cannot encode this message")
        return self.inner.deliver(subscription, notification)


def test_a_raising_sender_retries_then_dead_letters_that_message_alone(make_rig: Any, smtp: Any) -> None:
    inbox, port = smtp
    rig = make_rig()
    subs = _three_subscribers(rig)
    rig.run_until_quiet()
    notify_settings = settings(SmtpSettings(port=port, sender="pt@ex.org"))
    worker = dispatcher(rig.store, rig.clock, settings=notify_settings,
                        sender=Poisoned(Deliverer(notify_settings), subs[0].id))
    while worker.run_once().claimed:
        pass
    by_sub: dict[int, list[Notification]] = {}
    for note in outbox(rig.store):
        by_sub.setdefault(note.subscription_id, []).append(note)
    assert all(n.status is Status.DELIVERED for s in subs[1:] for n in by_sub[s.id])
    assert {r for rcpts, _ in inbox.messages for r in rcpts} == {"user1@example.org", "user2@example.org"}
    poisoned = by_sub[subs[0].id]
    assert poisoned and all(n.status is not Status.DELIVERED for n in poisoned)
    assert all("RuntimeError" in (n.last_error or "") for n in poisoned)
    for _ in range(30):  # retried with backoff until the retry window closes
        rig.clock.advance(timedelta(hours=1))
        worker.run_once()
    poisoned = [n for n in outbox(rig.store) if n.subscription_id == subs[0].id]
    assert all(n.status is Status.DEAD and "RuntimeError" in (n.last_error or "") for n in poisoned)
