"""Read new shipping mail from a connected IMAP mailbox.

Only messages newer than the last UID seen are fetched (BODY.PEEK, the folder opened read-only unless
the user asked for them to be marked read), so nothing on the server changes. A new UIDVALIDITY means
the folder was rebuilt: it is read again from the start, and the Message-ID check in the intake
keeps every message to one handling, also when mail is moved or copied between folders. Progress is
saved after every message, so a connection dropped mid-fetch resumes where it stopped.
"""

from __future__ import annotations

import contextlib
import imaplib
import ipaddress
import logging
import re
import socket
import ssl
from dataclasses import dataclass, field
from datetime import datetime

from parceltrail.adapters.mailin.cipher import Cipher
from parceltrail.clock import Clock
from parceltrail.domain.mailin import Mailbox, MailInError, Reason, check_senders
from parceltrail.domain.orders import User
from parceltrail.services.mailin import intake
from parceltrail.services.ports import Store

log = logging.getLogger(__name__)
TIMEOUT = 30.0
BATCH = 200  # messages per poll: a large backlog is read over several polls
_UIDVALIDITY = re.compile(rb"UIDVALIDITY (\d+)")
_FETCH_SIZE = re.compile(rb"UID (\d+) RFC822\.SIZE (\d+)|RFC822\.SIZE (\d+) UID (\d+)")


class MailboxAuthError(MailInError):
    code = "mailbox_auth_failed"


class MailboxUnavailableError(MailInError):
    code = "mailbox_unavailable"
    status = 502


@dataclass
class PollResult:
    mailbox_id: int
    fetched: int = 0
    added: list[str] = field(default_factory=list)
    outcomes: dict[str, int] = field(default_factory=dict)
    uidvalidity: int | None = None
    last_uid: int = 0
    error: str | None = None


def _connect(host: str, port: int, security: str) -> imaplib.IMAP4:
    try:
        if security == "tls":
            return imaplib.IMAP4_SSL(host, port, ssl_context=ssl.create_default_context(), timeout=TIMEOUT)
        conn = imaplib.IMAP4(host, port, timeout=TIMEOUT)
        if security == "starttls":
            conn.starttls(ssl.create_default_context())
        return conn
    except (OSError, imaplib.IMAP4.error, ssl.SSLError) as error:
        raise MailboxUnavailableError(f"cannot reach IMAP server {host}:{port}: {error}") from None


def _login(conn: imaplib.IMAP4, username: str, auth: str, secret: str) -> None:
    try:
        if auth == "oauth2":
            blob = f"user={username}\x01auth=Bearer {secret}\x01\x01".encode()
            conn.authenticate("XOAUTH2", lambda _challenge: blob)
        else:
            conn.login(username, secret)
    except imaplib.IMAP4.error as error:
        text = str(error).strip("b'\"")
        raise MailboxAuthError(f"the IMAP server refused the login for {username}: {text}") from None


def _check_public(host: str, port: int) -> None:
    """Mailboxes connected over the web may not point the server at its own network (loopback,
    private, link-local): the operator allows that with PARCELTRAIL_IMAP_ALLOW_PRIVATE."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise MailboxUnavailableError(f"cannot resolve IMAP server {host}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise MailInError(f"{host} is a private or local address", code="private_address")


def check_login(
    host: str, port: int, security: str, username: str, auth: str, secret: str, folder: str
) -> None:
    """Log in and open the folder once, before anything is stored."""
    conn = _connect(host, port, security)
    try:
        _login(conn, username, auth, secret)
        status, _ = conn.select(_quote(folder), readonly=True)
        if status != "OK":
            raise MailInError(f"no folder {folder!r} in that mailbox", code="no_such_folder")
    finally:
        _close(conn)


def _quote(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _close(conn: imaplib.IMAP4) -> None:
    with contextlib.suppress(OSError, imaplib.IMAP4.error, ssl.SSLError):
        conn.logout()


def connect_mailbox(
    store: Store,
    cipher: Cipher,
    user: User,
    now: datetime,
    *,
    host: str,
    port: int,
    security: str,
    username: str,
    secret: str,
    folder: str = "INBOX",
    auth: str = "password",
    allowed_senders: list[str] | None = None,
    mark_seen: bool = False,
    allow_private: bool = True,
) -> Mailbox:
    """Check the login, then store the mailbox with its secret encrypted; wrong credentials store nothing."""
    if security not in ("tls", "starttls", "plain"):
        raise MailInError("security must be tls, starttls or plain", code="invalid_mailbox")
    if auth not in ("password", "oauth2"):
        raise MailInError("auth must be password or oauth2", code="invalid_mailbox")
    if not host.strip() or not 0 < port < 65536 or not username.strip() or not secret:
        raise MailInError("host, port, user and password (or token) are all needed", code="invalid_mailbox")
    allowed = check_senders(allowed_senders or [])
    if not allow_private:
        _check_public(host.strip(), port)
    check_login(host, port, security, username, auth, secret, folder)
    mailbox = Mailbox(
        id=0,
        user_id=user.id,
        host=host.strip(),
        port=port,
        security=security,
        username=username.strip(),
        auth=auth,
        secret=cipher.encrypt(secret),
        folder=folder,
        allowed_senders=allowed,
        created_at=now,
        mark_seen=mark_seen,
    )
    with store.transaction() as repo:
        mailbox.id = repo.mailin.add_mailbox(mailbox)
    return mailbox


def poll_mailbox(
    store: Store, cipher: Cipher, clock: Clock, mailbox: Mailbox, *, max_bytes: int = 10 * 1024 * 1024
) -> PollResult:
    """Read the mailbox's new messages into its user's trackings; errors are kept on the mailbox."""
    result = PollResult(mailbox.id, uidvalidity=mailbox.uidvalidity, last_uid=mailbox.last_uid)
    with store.read() as repo:
        user = repo.orders.user(mailbox.user_id)
    if user is None:
        return result
    try:
        _poll(store, cipher, clock, mailbox, user, result, max_bytes)
    except (MailInError, OSError, imaplib.IMAP4.error, ssl.SSLError, EOFError) as error:
        result.error = str(error) or type(error).__name__
        log.info("mailbox %s: %s", mailbox.id, result.error)
    with store.transaction() as repo:
        repo.mailin.save_mailbox_state(
            mailbox.id,
            uidvalidity=result.uidvalidity,
            last_uid=result.last_uid,
            polled_at=clock.now(),
            error=result.error,
        )
    return result


def _poll(
    store: Store,
    cipher: Cipher,
    clock: Clock,
    mailbox: Mailbox,
    user: User,
    result: PollResult,
    max_bytes: int,
) -> None:
    conn = _connect(mailbox.host, mailbox.port, mailbox.security)
    try:
        _login(conn, mailbox.username, mailbox.auth, cipher.decrypt(mailbox.secret))
        status, _ = conn.select(_quote(mailbox.folder), readonly=not mailbox.mark_seen)
        if status != "OK":
            raise MailInError(f"no folder {mailbox.folder!r} in that mailbox", code="no_such_folder")
        validity = _uidvalidity(conn, mailbox.folder)
        if validity != result.uidvalidity:
            # A rebuilt folder numbers its messages anew: read it all again (Message-IDs stop repeats).
            result.uidvalidity, result.last_uid = validity, 0
        status, data = conn.uid("SEARCH", f"UID {result.last_uid + 1}:*")
        if status != "OK":
            raise MailboxUnavailableError(f"IMAP search failed: {data!r}")
        uids = sorted(int(u) for u in (data[0] or b"").split() if int(u) > result.last_uid)[:BATCH]
        sizes = _sizes(conn, uids)
        allowed = mailbox.allowed_senders or None
        for uid in uids:
            if sizes.get(uid, 0) > max_bytes:
                intake.refuse(
                    store,
                    user,
                    channel="imap",
                    sender="",
                    subject=f"UID {uid}",
                    reason=Reason.TOO_LARGE,
                    now=clock.now(),
                    mailbox_id=mailbox.id,
                )
                _count(result, Reason.TOO_LARGE.value)
                result.last_uid = uid
                continue
            status, parts = conn.uid("FETCH", str(uid), "(BODY.PEEK[])")
            raw = next((p[1] for p in parts or [] if isinstance(p, tuple) and len(p) > 1), None)
            if status != "OK" or not isinstance(raw, bytes):
                raise MailboxUnavailableError(f"IMAP fetch of UID {uid} failed")
            result.fetched += 1
            outcome = intake.accept(
                store, user, raw, clock.now(), channel="imap", allowed=allowed, mailbox_id=mailbox.id
            )
            result.added.extend(outcome.added)
            _count(result, outcome.reason or outcome.outcome.value)
            if mailbox.mark_seen:
                conn.uid("STORE", str(uid), "+FLAGS", "(\\Seen)")
            result.last_uid = uid
            with store.transaction() as repo:  # progress survives a connection dropped mid-fetch
                repo.mailin.save_mailbox_state(
                    mailbox.id,
                    uidvalidity=result.uidvalidity,
                    last_uid=result.last_uid,
                    polled_at=clock.now(),
                    error=None,
                )
    finally:
        _close(conn)


def _count(result: PollResult, key: str) -> None:
    result.outcomes[key] = result.outcomes.get(key, 0) + 1


def _uidvalidity(conn: imaplib.IMAP4, folder: str) -> int | None:
    _, data = conn.response("UIDVALIDITY")  # sent by the server with the SELECT answer
    for item in data or []:
        if isinstance(item, bytes) and item.strip().isdigit():
            return int(item)
    _, data = conn.status(_quote(folder), "(UIDVALIDITY)")
    for item in data or []:
        match = _UIDVALIDITY.search(item if isinstance(item, bytes) else b"")
        if match:
            return int(match.group(1))
    return None


def _sizes(conn: imaplib.IMAP4, uids: list[int]) -> dict[int, int]:
    if not uids:
        return {}
    status, data = conn.uid("FETCH", ",".join(str(u) for u in uids), "(RFC822.SIZE)")
    sizes: dict[int, int] = {}
    for item in data or []:
        line = item[0] if isinstance(item, tuple) else item
        if isinstance(line, bytes):
            match = _FETCH_SIZE.search(line)
            if match:
                uid = int(match.group(1) or match.group(4))
                sizes[uid] = int(match.group(2) or match.group(3))
    return sizes


def poll_all(store: Store, cipher: Cipher, clock: Clock, *, max_bytes: int) -> list[PollResult]:
    with store.read() as repo:
        mailboxes = repo.mailin.mailboxes()
    return [poll_mailbox(store, cipher, clock, mailbox, max_bytes=max_bytes) for mailbox in mailboxes]
