"""Mail-in throughput: shipping e-mails sent over SMTP on loopback to one user's mail-in address, each
read, checked and stored as a tracking with its order (SQLite in a temporary directory, one client).

    PYTHONPATH=src python benchmarks/bench_mailin.py [N]
"""

from __future__ import annotations

import smtplib
import socket
import sys
import tempfile
import time
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.adapters.mailin.smtp import MailInServer
from parceltrail.clock import ManualClock
from parceltrail.domain.mailin import mailin_address
from parceltrail.numbers import issue_s10
from parceltrail.services.mailin import intake
from parceltrail.services.mailin.understand import understand
from parceltrail.services.marketplace.users import create_user

USER = "ana@example.org"


def shipping_mail(i: int) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = (
        USER,
        "x@y",
        f"Fwd: Your order {8180000000000000 + i} has shipped",
    )
    msg["Message-ID"] = f"<bench-{i}@example.org>"
    msg.set_content(
        f"---------- Forwarded message ---------\nFrom: AliExpress <transaction@notice.aliexpress.com>"
        f"\n\nOrder ID: {8180000000000000 + i}\nItem: Cable {i}\nTracking number: "
        f"{issue_s10('CN', 'LP', 10000000 + i)}\nOrder total: US $1{i % 100}.99\n"
    )
    return msg.as_bytes().replace(b"\n", b"\r\n")


def main(n: int = 300) -> None:
    mails = [shipping_mail(i) for i in range(n)]
    started = time.perf_counter()
    for raw in mails:
        understand(raw)
    read_rate = n / (time.perf_counter() - started)

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        migrate.upgrade(url)
        store = Store(make_engine(url))
        clock = ManualClock(datetime(2026, 12, 6, tzinfo=UTC))
        user = create_user(store, USER, "correct horse battery", "buyer", clock.now())
        to = mailin_address(intake.address_of(store, user, clock.now()).token, "localhost")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = MailInServer(
            store, clock, host="127.0.0.1", port=port, domain="localhost", max_bytes=1 << 20
        )
        server.start()
        try:
            started = time.perf_counter()
            with smtplib.SMTP("127.0.0.1", port, timeout=60) as smtp:
                for raw in mails:
                    smtp.sendmail(USER, [to], raw)
            smtp_rate = n / (time.perf_counter() - started)
        finally:
            server.stop()
        with store.read() as repo:
            stored = len(repo.mailin.parcels(user.id))
    print(
        f"{n} messages: read {read_rate:,.0f} msg/s; over SMTP into SQLite {smtp_rate:,.1f} msg/s; "
        f"{stored} parcels stored"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
