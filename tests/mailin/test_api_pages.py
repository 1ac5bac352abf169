"""Mail intake through the API and the pages: a forwarded mail shows on My Orders with its order, the
household member it is shared with sees it too, undo takes it away; bad input is a 4xx with a code."""

from __future__ import annotations

import re
import smtplib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from parceltrail.adapters.mailin.smtp import MailInServer
from parceltrail.bootstrap import Runtime
from parceltrail.domain.orders import Role
from parceltrail.entrypoints.http.app import create_app
from parceltrail.services.marketplace.users import create_user
from tests.mailin.conftest import USER, Case, free_port
from tests.mailin.dovecot import dovecot

PASSWORD = "correct horse battery"


def signed_in(runtime: Runtime, email: str) -> TestClient:
    client = TestClient(create_app(runtime, poll=False))
    assert client.post("/api/v1/session", json={"email": email, "password": PASSWORD}).status_code == 200
    return client


@pytest.fixture
def people(runtime: Runtime) -> tuple[TestClient, TestClient]:
    now = runtime.clock.now()
    create_user(runtime.store, USER, PASSWORD, Role.BUYER, now)
    create_user(runtime.store, "ben@example.org", PASSWORD, Role.BUYER, now)
    return signed_in(runtime, USER), signed_in(runtime, "ben@example.org")


def test_forwarded_mail_shows_on_my_orders_and_for_the_household(
    runtime: Runtime, people: tuple[TestClient, TestClient], corpus: dict[str, Case]
) -> None:
    ana, ben = people
    address = ana.get("/api/v1/mailin").json()["data"]["address"]
    assert re.fullmatch(r"track\+[a-z0-9]{12}@localhost", address)
    server = MailInServer(
        runtime.store,
        runtime.clock,
        host="127.0.0.1",
        port=free_port(),
        domain="localhost",
        max_bytes=1024 * 1024,
    )
    server.start()
    try:
        raw = corpus["ebay-es-forward-attached"].raw.replace(b"\n", b"\r\n")
        with smtplib.SMTP("127.0.0.1", server.port, timeout=30) as smtp:
            smtp.sendmail(USER, [address], raw)
    finally:
        server.stop()

    page = ana.get("/orders")
    assert page.status_code == 200 and f"<code>{address}</code>" in page.text
    assert "781234567890" in page.text and "23-45678-90123" in page.text
    assert page.text.count("/track/781234567890") == 1
    groups = ana.get("/api/v1/mailin/parcels").json()["data"]
    assert [g["order"]["order_number"] for g in groups] == ["23-45678-90123"]
    order_id, parcel_id = groups[0]["order"]["id"], groups[0]["parcels"][0]["id"]

    assert "781234567890" not in ben.get("/orders").text
    shared = ana.post("/api/v1/mailin/shares", json={"email": "ben@example.org", "order_id": order_id})
    assert shared.status_code == 201
    assert "781234567890" in ben.get("/orders").text
    assert ben.get("/api/v1/mailin/parcels").json()["data"][0]["shared_by"] == USER
    assert ben.delete(f"/api/v1/mailin/parcels/{parcel_id}").json()["error"]["code"] == "not_found"
    with runtime.store.read() as repo:  # one shipment, polled once for both
        assert len(repo.shipments.find_all("781234567890")) == 1

    log = ana.get("/api/v1/mailin/log").json()["data"]
    assert [(e["channel"], e["outcome"]) for e in log] == [("smtp", "added")]
    assert ana.delete(f"/api/v1/mailin/parcels/{parcel_id}").status_code == 200
    assert "781234567890" not in ana.get("/orders").text
    assert "781234567890" not in ben.get("/orders").text


def test_bad_input_is_a_4xx_with_a_stable_code(
    people: tuple[TestClient, TestClient], corpus: dict[str, Case]
) -> None:
    ana, _ = people
    assert ana.put("/api/v1/mailin/senders", json={"senders": ["not valid"]}).json()["error"]["code"] == (
        "invalid_sender"
    )
    assert ana.delete("/api/v1/mailin/parcels/999").status_code == 404
    assert (
        ana.post("/api/v1/mailin/shares", json={"email": "nobody@example.org", "order_id": 1}).status_code
        == 404
    )
    posted = ana.post(
        "/api/v1/mailin/messages",
        content=corpus["newsletter"].raw,
        headers={"content-type": "message/rfc822"},
    )
    assert posted.status_code == 200 and posted.json()["data"]["reason"] == "no_tracking_number"
    added = ana.post(
        "/api/v1/mailin/messages", content=corpus["temu-en"].raw, headers={"content-type": "message/rfc822"}
    )
    assert added.status_code == 201 and added.json()["data"]["added"] == ["YT2405512345678"]
    wrong = ana.post(
        "/api/v1/mailin/mailboxes",
        json={"host": "127.0.0.1", "port": free_port(), "security": "plain", "username": "x", "secret": "y"},
    )
    assert wrong.status_code == 400 and wrong.json()["error"]["code"] == "private_address"
    assert ana.get("/api/v1/mailin/mailboxes").json()["data"] == []


@pytest.mark.parametrize("lang", ["en", "es", "pt", "ru", "zh"])
def test_mail_page_in_every_language(
    people: tuple[TestClient, TestClient], corpus: dict[str, Case], lang: str
) -> None:
    ana, _ = people
    for name in ("temu-en", "newsletter"):
        ana.post(
            "/api/v1/mailin/messages", content=corpus[name].raw, headers={"content-type": "message/rfc822"}
        )
    page = ana.get(f"/mail?lang={lang}")
    assert page.status_code == 200 and "track+" in page.text
    assert "YT2405512345678" in page.text and "PO-211-12345678901234" in page.text
    # A text missing from a locale would show as its key ("mail.title").
    assert not re.search(r"\b(?:mail|tag)\.[a-z_]{3,}", page.text.split("<main", 1)[1])
    refused = ana.post("/mail/senders", data={"senders": "x y z", "csrf": "forged"})
    assert refused.status_code == 403 and "<html" in refused.text


def test_pages_share_and_undo_with_the_session_token(
    people: tuple[TestClient, TestClient], corpus: dict[str, Case]
) -> None:
    ana, ben = people
    ana.post(
        "/api/v1/mailin/messages", content=corpus["temu-en"].raw, headers={"content-type": "message/rfc822"}
    )
    page = ana.get("/mail").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    order = re.search(r'<option value="(\d+)">Temu PO-211-12345678901234</option>', page)
    assert csrf and order
    refused = ana.post(
        "/mail/shares?lang=ru",
        data={"csrf": csrf[1], "order": order[1], "email": "nobody@x.org"},
        follow_redirects=False,
    )
    assert refused.status_code == 400 and "Выберите свой заказ" in refused.text
    shared = ana.post(
        "/mail/shares",
        data={"csrf": csrf[1], "order": order[1], "email": "ben@example.org"},
        follow_redirects=False,
    )
    assert shared.status_code == 303
    assert "YT2405512345678" in ben.get("/orders").text
    parcel = re.search(r'action="/mail/parcels/(\d+)/undo"', page)
    assert parcel
    undone = ana.post(
        f"/mail/parcels/{parcel[1]}/undo", data={"csrf": csrf[1], "next": "/orders"}, follow_redirects=False
    )
    assert undone.status_code == 303 and undone.headers["location"] == "/orders"
    assert "YT2405512345678" not in ana.get("/orders").text
    assert ana.post("/mail/parcels/abc/undo", data={"csrf": csrf[1]}).status_code == 404


def test_connect_a_mailbox_from_the_page(
    runtime: Runtime, people: tuple[TestClient, TestClient], tmp_path: Path
) -> None:
    ana, _ = people
    csrf = re.search(r'name="csrf" value="([^"]+)"', ana.get("/mail").text)
    assert csrf
    with dovecot(tmp_path, {"ana": "pw"}) as imap:
        form = {
            "csrf": csrf[1],
            "host": imap.host,
            "port": str(imap.port),
            "security": "plain",
            "login": "ana",
            "secret": "pw",
            "folder": "INBOX",
        }
        private = ana.post("/mail/mailboxes?lang=es", data=form)
        assert private.status_code == 400 and "red privada o local" in private.text
        runtime.settings = runtime.settings.model_copy(update={"imap_allow_private": True})
        wrong = ana.post("/mail/mailboxes?lang=en", data={**form, "secret": "nope"})
        assert wrong.status_code == 400 and "refused this login" in wrong.text
        assert ana.get("/api/v1/mailin/mailboxes").json()["data"] == []
        done = ana.post("/mail/mailboxes", data=form, follow_redirects=False)
        assert done.status_code == 303
    boxes = ana.get("/api/v1/mailin/mailboxes").json()["data"]
    assert [(b["host"], b["port"], b["username"]) for b in boxes] == [(imap.host, imap.port, "ana")]
    assert "secret" not in boxes[0]
    assert (
        ana.post(
            f"/mail/mailboxes/{boxes[0]['id']}/remove", data={"csrf": csrf[1]}, follow_redirects=False
        ).status_code
        == 303
    )
    assert ana.get("/api/v1/mailin/mailboxes").json()["data"] == []
