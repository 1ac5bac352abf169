"""IMAP polling against a real Dovecot on loopback: new mail, moved and copied mail, a rebuilt folder
(new UIDVALIDITY), a connection dropped mid-fetch and wrong credentials."""

from __future__ import annotations

import contextlib
import imaplib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from parceltrail.adapters.db.uow import Store
from parceltrail.adapters.mailin.cipher import Cipher
from parceltrail.adapters.mailin.imap import MailboxAuthError, connect_mailbox, poll_mailbox
from parceltrail.clock import ManualClock
from parceltrail.domain.accounts import TrackingFilter
from parceltrail.domain.mailin import Mailbox
from parceltrail.domain.orders import User
from tests.mailin.conftest import Case
from tests.mailin.dovecot import Dovecot, dovecot

PASSWORD = "app-password-1"


@pytest.fixture
def imap(tmp_path: Path) -> Iterator[Dovecot]:
    with dovecot(tmp_path, {"ana": PASSWORD}) as server:
        yield server


@pytest.fixture
def cipher() -> Cipher:
    return Cipher(Fernet.generate_key())


def deliver(server: Dovecot, raw: bytes, folder: str = "INBOX") -> None:
    conn = imaplib.IMAP4(server.host, server.port)
    conn.login("ana", PASSWORD)
    conn.create(folder)  # "already exists" is fine
    assert conn.append(folder, None, None, raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))[0] == "OK"
    conn.logout()


def numbers_of(store: Store, user: User) -> set[str]:
    with store.read() as repo:
        found, _ = repo.accounts.list_trackings(user.account_id, TrackingFilter(), limit=100)
        shipments = repo.shipments.get_many([t.shipment_id for t in found])
    return {s.tracking_number for s in shipments.values()}


def connect(
    store: Store,
    cipher: Cipher,
    clock: ManualClock,
    ana: User,
    server: Dovecot,
    folder: str = "INBOX",
    port: int | None = None,
) -> Mailbox:
    return connect_mailbox(
        store,
        cipher,
        ana,
        clock.now(),
        host=server.host,
        port=port or server.port,
        security="plain",
        username="ana",
        secret=PASSWORD,
        folder=folder,
    )


def reload(store: Store, mailbox: Mailbox) -> Mailbox:
    with store.read() as repo:
        found = repo.mailin.mailbox(mailbox.id)
    assert found is not None
    return found


def test_new_mail_is_read_once_and_credentials_are_encrypted(
    imap: Dovecot, store: Store, cipher: Cipher, clock: ManualClock, ana: User, corpus: dict[str, Case]
) -> None:
    for name in ("amazon-en-multipart", "temu-en", "newsletter"):
        deliver(imap, corpus[name].raw)
    mailbox = connect(store, cipher, clock, ana, imap)
    assert PASSWORD not in mailbox.secret and cipher.decrypt(mailbox.secret) == PASSWORD
    result = poll_mailbox(store, cipher, clock, mailbox)
    assert result.error is None and result.fetched == 3
    assert numbers_of(store, ana) == corpus["amazon-en-multipart"].numbers | corpus["temu-en"].numbers
    assert result.outcomes == {"added": 2, "no_tracking_number": 1}

    again = poll_mailbox(store, cipher, clock, reload(store, mailbox))
    assert again.fetched == 0 and again.added == []
    deliver(imap, corpus["ebay-en-html"].raw)
    later = poll_mailbox(store, cipher, clock, reload(store, mailbox))
    assert later.fetched == 1 and later.added == sorted(corpus["ebay-en-html"].numbers)

    # Read-only: nothing was marked read or deleted on the server.
    conn = imaplib.IMAP4(imap.host, imap.port)
    conn.login("ana", PASSWORD)
    conn.select("INBOX", readonly=True)
    assert len(conn.search(None, "UNSEEN")[1][0].split()) == 4
    conn.logout()


def test_moved_and_copied_mail_is_handled_once(
    imap: Dovecot, store: Store, cipher: Cipher, clock: ManualClock, ana: User, corpus: dict[str, Case]
) -> None:
    deliver(imap, corpus["shein-pt-html-base64"].raw)
    inbox = connect(store, cipher, clock, ana, imap)
    assert poll_mailbox(store, cipher, clock, inbox).added == sorted(corpus["shein-pt-html-base64"].numbers)
    conn = imaplib.IMAP4(imap.host, imap.port)
    conn.login("ana", PASSWORD)
    conn.create("Archive")
    conn.select("INBOX")
    assert conn.uid("COPY", "1", "INBOX")[0] == "OK"  # a copy in the same folder: a new UID
    assert conn.uid("MOVE", "1", "Archive")[0] == "OK"
    conn.logout()
    archive = connect(store, cipher, clock, ana, imap, folder="Archive")
    copied = poll_mailbox(store, cipher, clock, reload(store, inbox))
    moved = poll_mailbox(store, cipher, clock, archive)
    assert copied.fetched == 1 and copied.added == [] and copied.outcomes == {"already_handled": 1}
    assert moved.fetched == 1 and moved.added == [] and moved.outcomes == {"already_handled": 1}
    with store.read() as repo:
        assert len(repo.mailin.parcels(ana.id)) == 1


def test_new_uidvalidity_rereads_the_folder_without_repeats(
    imap: Dovecot, store: Store, cipher: Cipher, clock: ManualClock, ana: User, corpus: dict[str, Case]
) -> None:
    deliver(imap, corpus["aliexpress-es-qp"].raw, "Shop")
    mailbox = connect(store, cipher, clock, ana, imap, folder="Shop")
    first = poll_mailbox(store, cipher, clock, mailbox)
    assert first.added == sorted(corpus["aliexpress-es-qp"].numbers)
    conn = imaplib.IMAP4(imap.host, imap.port)
    conn.login("ana", PASSWORD)
    assert conn.delete("Shop")[0] == "OK"
    conn.logout()
    deliver(imap, corpus["aliexpress-es-qp"].raw, "Shop")
    deliver(imap, corpus["aliexpress-zh-gb2312"].raw, "Shop")
    second = poll_mailbox(store, cipher, clock, reload(store, mailbox))
    assert second.uidvalidity != first.uidvalidity
    assert second.fetched == 2 and second.added == sorted(corpus["aliexpress-zh-gb2312"].numbers)
    assert (
        numbers_of(store, ana) == corpus["aliexpress-es-qp"].numbers | corpus["aliexpress-zh-gb2312"].numbers
    )


class DroppingProxy:
    """A TCP relay to the IMAP server that cuts the connection once a message body starts to flow."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.drop = True
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen()
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            threading.Thread(target=self._pipe, args=(client, upstream, False), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, True), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket, from_server: bool) -> None:
        try:
            while data := source.recv(65536):
                if from_server and self.drop and b"BODY[] {" in data:
                    sink.sendall(data[: data.index(b"BODY[] {") + 40])
                    break
                sink.sendall(data)
        except OSError:
            pass
        for s in (source, sink):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def close(self) -> None:
        self.listener.close()


def test_connection_dropped_mid_fetch_resumes_without_loss_or_repeat(
    imap: Dovecot, store: Store, cipher: Cipher, clock: ManualClock, ana: User, corpus: dict[str, Case]
) -> None:
    deliver(imap, corpus["amazon-es"].raw)
    deliver(imap, corpus["temu-ru"].raw)
    proxy = DroppingProxy((imap.host, imap.port))
    try:
        mailbox = connect(store, cipher, clock, ana, imap, port=proxy.port)
        dropped = poll_mailbox(store, cipher, clock, mailbox)
        assert dropped.error is not None and dropped.added == []
        state = reload(store, mailbox)
        assert state.last_error and state.last_uid == 0
        assert numbers_of(store, ana) == set()
        proxy.drop = False
        resumed = poll_mailbox(store, cipher, clock, state)
    finally:
        proxy.close()
    assert resumed.error is None and resumed.fetched == 2
    assert numbers_of(store, ana) == corpus["amazon-es"].numbers | corpus["temu-ru"].numbers
    assert reload(store, mailbox).last_error is None


def test_wrong_credentials_are_a_clear_error_and_store_nothing(
    imap: Dovecot, store: Store, cipher: Cipher, clock: ManualClock, ana: User
) -> None:
    with pytest.raises(MailboxAuthError, match="refused the login for ana"):
        connect_mailbox(
            store,
            cipher,
            ana,
            clock.now(),
            host=imap.host,
            port=imap.port,
            security="plain",
            username="ana",
            secret="wrong",
            folder="INBOX",
        )
    with store.read() as repo:
        assert repo.mailin.mailboxes(ana.id) == []


def test_oauth2_access_token(
    tmp_path: Path, store: Store, cipher: Cipher, clock: ManualClock, ana: User, corpus: dict[str, Case]
) -> None:
    import json
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class TokenInfo(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            good = self.path.endswith("access_token=token-of-ana")
            body = json.dumps({"username": "ana"} if good else {"error": "invalid_token"}).encode()
            self.send_response(200 if good else 401)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    tokens = ThreadingHTTPServer(("127.0.0.1", 0), TokenInfo)
    threading.Thread(target=tokens.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{tokens.server_address[1]}/tokeninfo"
        with dovecot(tmp_path, {"ana": PASSWORD}, oauth2_tokeninfo=url) as server:
            deliver(server, corpus["temu-en"].raw)
            with pytest.raises(MailboxAuthError):
                connect_mailbox(
                    store,
                    cipher,
                    ana,
                    clock.now(),
                    host=server.host,
                    port=server.port,
                    security="plain",
                    username="ana",
                    secret="stolen",
                    auth="oauth2",
                )
            mailbox = connect_mailbox(
                store,
                cipher,
                ana,
                clock.now(),
                host=server.host,
                port=server.port,
                security="plain",
                username="ana",
                secret="token-of-ana",
                auth="oauth2",
            )
            result = poll_mailbox(store, cipher, clock, mailbox)
    finally:
        tokens.shutdown()
    assert result.error is None and result.added == sorted(corpus["temu-en"].numbers)
