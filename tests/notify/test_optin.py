"""E-mail sign-ups without an account (double opt-in) and unsubscribe links, on SQLite and PostgreSQL:
nothing is subscribed before the link is followed, links expire, tokens are stored only as digests, an
address cannot be flooded, and every notification e-mail carries a working unsubscribe link."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.optin_tables import email_optins
from parceltrail.adapters.db.optins import OptinRepository
from parceltrail.adapters.db.uow import Store
from parceltrail.adapters.delivery.email import build_message
from parceltrail.domain.errors import InputError
from parceltrail.domain.notifications import EventKind, Notification, Status
from parceltrail.domain.shipment import Shipment
from parceltrail.services.notifications import optin, unsubscribe

NOW = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, sqlite_url: str) -> Iterator[Store]:
    url = sqlite_url if request.param == "sqlite" else request.getfixturevalue("migrated_postgres_url")
    migrate.upgrade(url)
    store = Store(make_engine(url))
    yield store
    store.engine.dispose()


def _parcel(store: Store, number: str = "PTS01000000016") -> int:
    with store.transaction() as repo:
        shipment = repo.shipments.add(Shipment(tracking_number=number, carrier="parceltrail-sandbox"), NOW)
    assert shipment.id is not None
    return shipment.id


def _ask(store: Store, email: str, shipment_id: int, when: datetime = NOW) -> optin.Asked:
    with store.transaction() as repo:
        return optin.ask(OptinRepository(repo.conn), repo, email, shipment_id, "es", "Europe/Madrid", when)


def _confirm(store: Store, token: str, when: datetime = NOW) -> int:
    with store.transaction() as repo:
        _, subscription = optin.confirm(OptinRepository(repo.conn), repo, token, when)
    return subscription.id


def _guests(store: Store) -> list[int]:
    with store.read() as repo:
        return [s.id for s in repo.notifications.subscriptions(None)]


def test_nothing_is_subscribed_until_the_link_is_followed(db: Store) -> None:
    parcel = _parcel(db)
    asked = _ask(db, " Shopper@Example.org ", parcel)
    assert asked.token is not None and asked.optin.email == "shopper@example.org"
    assert _guests(db) == []
    with db.read() as repo:
        stored = repo.conn.execute(select(email_optins.c.token_sha256)).scalars().all()
    assert stored == [optin.digest(asked.token)] and asked.token not in stored  # only the digest is kept

    subscription_id = _confirm(db, asked.token, NOW + timedelta(hours=1))
    with db.read() as repo:
        subscription = repo.notifications.subscription(subscription_id)
    assert subscription is not None and subscription.account_id is None
    assert subscription.target == "shopper@example.org" and subscription.shipment_id == parcel
    assert subscription.language == "es" and subscription.timezone == "Europe/Madrid"
    assert set(subscription.events) == {EventKind.STATUS_CHANGE, EventKind.DELIVERED, EventKind.EXCEPTION}
    assert _confirm(db, asked.token, NOW + timedelta(days=5)) == subscription_id  # again: the same one
    # Asking again for a subscribed address sends no second link.
    assert _ask(db, "shopper@example.org", parcel).token is None


def test_links_expire_and_forged_links_are_refused(db: Store) -> None:
    parcel = _parcel(db)
    asked = _ask(db, "late@example.org", parcel)
    assert asked.token is not None
    with pytest.raises(optin.InvalidLinkError):
        _confirm(db, asked.token, NOW + optin.LINK_VALID + timedelta(seconds=1))
    with pytest.raises(optin.InvalidLinkError):
        _confirm(db, asked.token[:-2] + "xx")
    with pytest.raises(optin.InvalidLinkError):
        _confirm(db, "")
    assert _guests(db) == []


def test_bad_addresses_and_floods_are_refused(db: Store) -> None:
    parcel = _parcel(db)
    for bad in ("", "not an address", "a@", "x" * 250 + "@example.org"):
        with pytest.raises(InputError) as caught:
            _ask(db, bad, parcel)
        assert caught.value.code == "invalid_email"
    for n in range(optin.MAX_PER_DAY):
        assert _ask(db, "flood@example.org", parcel, NOW + timedelta(minutes=n)).token
    with pytest.raises(optin.TooManyRequestsError):
        _ask(db, "flood@example.org", parcel, NOW + timedelta(hours=1))
    assert _ask(db, "flood@example.org", parcel, NOW + timedelta(days=1, hours=1)).token  # a day later


def test_every_email_carries_a_working_unsubscribe_link(db: Store) -> None:
    parcel = _parcel(db)
    asked = _ask(db, "reader@example.org", parcel)
    assert asked.token is not None
    subscription_id = _confirm(db, asked.token)
    with db.read() as repo:
        subscription = repo.notifications.subscription(subscription_id)
    assert subscription is not None
    note = Notification(id=1, event_id="e" * 32, subscription_id=subscription.id, stream="1:1",
                        kind=EventKind.DELIVERED, payload={"kind": "delivered", "tracking_number":
                                                           "PTS01000000016", "subtag": "Delivered_001",
                                                           "link": "https://parcels.example.org/track/x"},
                        status=Status.PENDING, attempts=0, created_at=NOW, next_attempt_at=NOW,
                        expires_at=NOW + timedelta(days=1))
    message = build_message(subscription, note, "parcels@example.org", "https://parcels.example.org")
    link = unsubscribe.link_for(subscription, "https://parcels.example.org")
    assert link in message.get_content()
    assert "Para dejar de recibir estos correos" in message.get_content()  # the subscription's language
    assert message["List-Unsubscribe"] == f"<{link}>"
    assert message["Content-Language"] == "es"
    token = link.rsplit("/", 1)[1]
    with db.transaction() as repo:
        assert unsubscribe.find(repo, token[:-1] + ("0" if token[-1] != "0" else "1")) is None  # forged
        assert unsubscribe.find(repo, f"{subscription.id + 1}.{token.split('.')[1]}") is None
        assert unsubscribe.unsubscribe(repo, token) is not None
    assert _guests(db) == []
    with db.transaction() as repo:
        assert unsubscribe.unsubscribe(repo, token) is None  # a second time: nothing left to end
