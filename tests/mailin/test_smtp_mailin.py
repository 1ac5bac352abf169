"""The mail-in server over real SMTP on loopback: messages built by the standard library become the
user's trackings, once, linked to their order; everything else is refused with nothing stored."""

from __future__ import annotations

import smtplib
from collections.abc import Iterator

import pytest

from parceltrail.adapters.db.uow import Store
from parceltrail.adapters.mailin.smtp import MailInServer
from parceltrail.clock import ManualClock
from parceltrail.domain.accounts import TrackingFilter
from parceltrail.domain.mailin import mailin_address
from parceltrail.domain.orders import User
from parceltrail.services.mailin import intake
from tests.mailin.conftest import USER, Case, free_port

DOMAIN = "mail.parceltrail.test"
CAP = 64 * 1024


@pytest.fixture
def server(store: Store, clock: ManualClock) -> Iterator[MailInServer]:
    running = MailInServer(store, clock, host="127.0.0.1", port=free_port(), domain=DOMAIN, max_bytes=CAP)
    running.start()
    yield running
    running.stop()


def send(server: MailInServer, raw: bytes, to: str, sender: str = USER) -> tuple[int, bytes]:
    with smtplib.SMTP("127.0.0.1", server.port, timeout=30) as smtp:
        smtp.ehlo()
        code, text = smtp.mail(sender)
        assert code == 250
        code, text = smtp.rcpt(to)
        if code != 250:
            return code, text
        # On the wire every line ends in CRLF (smtplib sends bytes as given).
        return smtp.data(raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))


def numbers_of(store: Store, user: User) -> set[str]:
    with store.read() as repo:
        found, _ = repo.accounts.list_trackings(user.account_id, TrackingFilter(), limit=100)
        shipments = repo.shipments.get_many([t.shipment_id for t in found])
    return {s.tracking_number for s in shipments.values()}


@pytest.mark.parametrize(
    "name",
    [
        "aliexpress-en-html",
        "aliexpress-es-qp",
        "aliexpress-ru-koi8",
        "aliexpress-zh-gb2312",
        "amazon-en-multipart",
        "amazon-pt-forward-inline",
        "ebay-es-forward-attached",
        "shein-pt-html-base64",
        "shein-zh-html-gb2312",
        "shopify-ru-forward-attached",
        "jp-shift-jis",
        "temu-en",
    ],
)
def test_forwarded_shipping_mail_becomes_a_tracking_with_its_order(
    server: MailInServer, store: Store, clock: ManualClock, ana: User, corpus: dict[str, Case], name: str
) -> None:
    case = corpus[name]
    address = intake.address_of(store, ana, clock.now())
    code, text = send(server, case.raw, mailin_address(address.token, DOMAIN))
    assert code == 250, text
    assert numbers_of(store, ana) == case.numbers
    with store.read() as repo:
        orders = repo.mailin.orders(ana.id)
        parcels = repo.mailin.parcels(ana.id)
    assert [o.order_number for o in orders] == [case.order]
    assert {p.tracking_number for p in parcels} == case.numbers
    assert all(p.mail_order_id == orders[0].id for p in parcels)

    # The same mail again (forwarded twice, or a retry) adds nothing.
    code, _ = send(server, case.raw, mailin_address(address.token, DOMAIN))
    assert code == 250
    with store.read() as repo:
        assert len(repo.mailin.parcels(ana.id)) == len(case.numbers)
        outcomes = [e.outcome.value for e in repo.mailin.entries(ana.id)]
    assert outcomes == ["duplicate", "added"]


def test_refusals_store_nothing_and_are_logged(
    server: MailInServer, store: Store, clock: ManualClock, ana: User, corpus: dict[str, Case]
) -> None:
    address = intake.address_of(store, ana, clock.now())
    to = mailin_address(address.token, DOMAIN)
    shipping = corpus["temu-en"].raw

    code, _ = send(server, shipping, to, sender="stranger@spam.example")
    assert code == 550
    code, _ = send(
        server,
        corpus["newsletter"].raw.replace(b"From: SHEIN <promo@shein.com>", f"From: {USER}".encode()),
        to,
    )
    assert code == 550  # no tracking number
    big = shipping + b"\n" + (b"x" * 70 + b"\n") * (CAP // 70 + 10)
    code, _ = send(server, big, to)
    assert code == 552
    code, _ = send(server, shipping, "track+zzzzzzzzzzzz@" + DOMAIN)
    assert code == 550  # unknown address
    code, _ = send(server, shipping, "someone@elsewhere.example")
    assert code == 550  # never relays
    assert numbers_of(store, ana) == set()
    with store.read() as repo:
        assert repo.mailin.parcels(ana.id) == []
        reasons = [e.reason for e in repo.mailin.entries(ana.id)]
    assert reasons == ["too_large", "no_tracking_number", "sender_not_allowed"]
    assert server.stats["unknown_recipient"] == 1 and server.stats["relay_denied"] == 1


def test_rotated_token_refuses_the_old_address(
    server: MailInServer, store: Store, clock: ManualClock, ana: User, corpus: dict[str, Case]
) -> None:
    old = intake.address_of(store, ana, clock.now())
    new = intake.rotate_token(store, ana, clock.now())
    assert new.token != old.token
    code, _ = send(server, corpus["temu-en"].raw, mailin_address(old.token, DOMAIN))
    assert code == 550
    code, _ = send(server, corpus["temu-en"].raw, mailin_address(new.token, DOMAIN))
    assert code == 250
    assert numbers_of(store, ana) == corpus["temu-en"].numbers


def test_update_replaces_the_old_number_on_the_same_order(
    server: MailInServer, store: Store, clock: ManualClock, ana: User, corpus: dict[str, Case]
) -> None:
    to = mailin_address(intake.address_of(store, ana, clock.now()).token, DOMAIN)
    assert send(server, corpus["aliexpress-en-html"].raw, to)[0] == 250
    assert numbers_of(store, ana) == {"LP00512345678901"}
    assert send(server, corpus["aliexpress-update-en"].raw, to)[0] == 250
    assert numbers_of(store, ana) == {"RB765432106CN"}
    with store.read() as repo:
        orders = repo.mailin.orders(ana.id)
        active = repo.mailin.parcels(ana.id)
        every = repo.mailin.parcels(ana.id, active_only=False)
    assert len(orders) == 1 and [p.mail_order_id for p in active] == [orders[0].id]
    assert {(p.tracking_number, p.removed_reason) for p in every} == {
        ("LP00512345678901", "replaced"),
        ("RB765432106CN", None),
    }


def test_undo_takes_the_parcel_back(
    server: MailInServer, store: Store, clock: ManualClock, ana: User, ben: User, corpus: dict[str, Case]
) -> None:
    to = mailin_address(intake.address_of(store, ana, clock.now()).token, DOMAIN)
    assert send(server, corpus["ebay-en-html"].raw, to)[0] == 250
    with store.read() as repo:
        parcel = repo.mailin.parcels(ana.id)[0]
    with pytest.raises(intake.MailInError):
        intake.undo(store, ben, parcel.id, clock.now())  # not Ben's
    intake.undo(store, ana, parcel.id, clock.now())
    assert numbers_of(store, ana) == set()
    with pytest.raises(intake.MailInError):
        intake.undo(store, ana, parcel.id, clock.now())


def test_household_member_with_manage_may_remove_a_shared_parcel(
    store: Store, clock: ManualClock, ana: User, ben: User, corpus: dict[str, Case]
) -> None:
    from parceltrail.services.mailin import views

    result = intake.accept(store, ana, corpus["temu-en"].raw, clock.now(), channel="api", allowed=None)
    with store.read() as repo:
        parcel = repo.mailin.parcels(ana.id)[0]
    assert result.order_id is not None
    views.share(store, ana, ben.email, "manage", clock.now(), order_id=result.order_id)
    shared = views.mail_orders(store, ben)
    assert [g.shared_by for g in shared] == [ana.email]
    assert [p.parcel.tracking_number for p in shared[0].parcels] == ["YT2405512345678"]
    intake.undo(store, ben, parcel.id, clock.now())
    assert numbers_of(store, ana) == set()
    assert views.mail_orders(store, ben) == []


def test_update_naming_only_the_new_number_replaces_the_orders_only_parcel(
    store: Store, clock: ManualClock, ana: User
) -> None:
    def mail(text: str, mid: str) -> bytes:
        return (
            f"From: eBay <ebay@ebay.com>\nTo: {USER}\nSubject: Shipping update\nMessage-ID: <{mid}@x>\n\n"
            f"{text}\n"
        ).encode()

    first = intake.accept(
        store,
        ana,
        mail("Order number: 17-11223-34455\nTracking number: LZ111111115US", "a"),
        clock.now(),
        channel="imap",
        allowed=None,
    )
    assert first.added == ["LZ111111115US"]
    update = intake.accept(
        store,
        ana,
        mail(
            "The seller updated the tracking number for order 17-11223-34455.\n"
            "New tracking number: 9405509899638101234567",
            "b",
        ),
        clock.now(),
        channel="imap",
        allowed=None,
    )
    assert (update.outcome.value, update.added, update.replaced) == (
        "updated",
        ["9405509899638101234567"],
        ["LZ111111115US"],
    )
    assert numbers_of(store, ana) == {"9405509899638101234567"}
