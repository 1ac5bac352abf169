"""Mail intake as `serve` and `parceltrail mailin` run it (SMTP server and IMAP poller together), and
the mailin CLI: one-line errors and non-zero exits for bad input."""

from __future__ import annotations

import imaplib
import os
import smtplib
import subprocess
import sys
import time
from pathlib import Path

from parceltrail.adapters.db.uow import Store
from parceltrail.adapters.mailin.cipher import cipher_for
from parceltrail.adapters.mailin.imap import connect_mailbox
from parceltrail.adapters.mailin.runner import MailIntake
from parceltrail.clock import ManualClock
from parceltrail.domain.mailin import mailin_address
from parceltrail.domain.orders import User
from parceltrail.services.mailin import intake
from parceltrail.settings import Settings
from tests.mailin.conftest import USER, Case, free_port
from tests.mailin.dovecot import dovecot

REPO = Path(__file__).resolve().parents[2]


def test_runner_reads_smtp_and_polls_imap(
    tmp_path: Path, sqlite_url: str, store: Store, clock: ManualClock, ana: User, corpus: dict[str, Case]
) -> None:
    settings = Settings(
        data_dir=tmp_path,
        database_url=sqlite_url,
        mailin_port=free_port(),
        mailin_domain="mail.test",
        imap_poll_seconds=10,
    )
    with dovecot(tmp_path, {"ana": "pw"}) as imap:
        conn = imaplib.IMAP4(imap.host, imap.port)
        conn.login("ana", "pw")
        conn.append("INBOX", None, None, corpus["shein-zh-html-gb2312"].raw.replace(b"\n", b"\r\n"))
        conn.logout()
        connect_mailbox(
            store,
            cipher_for(settings),
            ana,
            clock.now(),
            host=imap.host,
            port=imap.port,
            security="plain",
            username="ana",
            secret="pw",
        )
        assert (tmp_path / "mail.key").stat().st_mode & 0o077 == 0  # the key file is the owner's only
        runner = MailIntake(settings, store, clock)
        runner.start()
        try:
            to = mailin_address(intake.address_of(store, ana, clock.now()).token, "mail.test")
            with smtplib.SMTP("127.0.0.1", settings.mailin_port, timeout=30) as smtp:
                smtp.sendmail(USER, [to], corpus["temu-en"].raw.replace(b"\n", b"\r\n"))
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:  # the first IMAP round starts with the runner
                with store.read() as repo:
                    if repo.mailin.mailboxes(ana.id)[0].last_polled_at is not None:
                        break
                time.sleep(0.2)
        finally:
            runner.stop()
    with store.read() as repo:
        numbers = {p.tracking_number for p in repo.mailin.parcels(ana.id)}
        channels = sorted(e.channel for e in repo.mailin.entries(ana.id))
    assert numbers == corpus["temu-en"].numbers | corpus["shein-zh-html-gb2312"].numbers
    assert channels == ["imap", "smtp"]


def cli(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "PARCELTRAIL_DATA_DIR": str(tmp_path)}
    env.pop("PARCELTRAIL_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "parceltrail.entrypoints.cli.main", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_cli(tmp_path: Path, corpus: dict[str, Case]) -> None:
    assert (
        cli(
            tmp_path,
            "users",
            "create",
            "--email",
            USER,
            "--role",
            "buyer",
            "--password-stdin",
            stdin="correct horse battery\n",
        ).returncode
        == 0
    )
    shown = cli(tmp_path, "mailin", "address", "--user", USER, "--json")
    assert shown.returncode == 0 and '"track+' in shown.stdout
    eml = tmp_path / "ship.eml"
    eml.write_bytes(corpus["amazon-es"].raw)
    added = cli(tmp_path, "mailin", "add", str(eml), "--user", USER)
    assert added.returncode == 0 and "TBA304958672013" in added.stdout
    again = cli(tmp_path, "mailin", "add", str(eml), "--user", USER)
    assert "nothing added (already_handled)" in again.stdout
    for args, code in (
        (("mailin", "undo", "999"), 4),
        (("mailin", "allow", "not an address"), 2),
        (("mailin", "add", str(tmp_path / "missing.eml")), 2),
        (("mailin", "share", "nobody@example.org", "--order", "1"), 4),
    ):
        failed = cli(tmp_path, *args, "--user", USER)
        assert failed.returncode == code, failed.stderr
        assert failed.stderr.startswith("error: ") and failed.stderr.count("\n") == 1
    assert cli(tmp_path, "mailin", "undo", "1", "--user", USER).returncode == 0
    assert "TBA304958672013" not in cli(tmp_path, "mailin", "parcels", "--user", USER).stdout
