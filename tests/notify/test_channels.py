"""E-mail against a real local SMTP server (aiosmtpd) and Apprise against a local HTTP endpoint
(json://), with messages in the recipient's language and the tracking link."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest

from parceltrail.adapters.sandbox import TEST_NUMBERS
from parceltrail.domain.notifications import Status
from parceltrail.settings import SmtpSettings
from parceltrail.status import message
from tests.notify.conftest import PUBLIC_URL, dispatcher, outbox, serve, settings, subscribe
from tests.smtp_inbox import local_smtp


@pytest.fixture
def smtp() -> Any:
    with local_smtp() as running:
        yield running


def test_email_in_the_recipients_language_with_the_tracking_link(make_rig, smtp) -> None:
    inbox, port = smtp
    rig = make_rig()
    number = TEST_NUMBERS["delivered"]
    shipment = rig.tracker.register(number)
    subscribe(rig.store, rig.clock.now(), shipment_id=shipment.id, channel="email",
              target="marie@example.fr", events=["delivered"], language="fr")
    rig.run_until_quiet()
    smtp_settings = SmtpSettings(port=port, sender="pt@example.org")
    worker = dispatcher(rig.store, rig.clock, settings=settings(smtp_settings))
    while worker.run_once().claimed:
        pass
    assert [n.status for n in outbox(rig.store)] == [Status.DELIVERED]
    assert len(inbox.messages) == 1
    recipients, msg = inbox.messages[0]
    assert recipients == ["marie@example.fr"] and msg["To"] == "marie@example.fr"
    final = rig.tracker.timeline(shipment.id).shipment
    text = message(final.subtag, "fr")
    assert msg["Subject"] == f"{number}: {text.title}"
    body = msg.get_content()
    assert text.meaning in body and text.next_step in body
    assert f"{PUBLIC_URL}/track/{number}" in body
    assert "Suivre votre colis" in body
    assert msg["Parceltrail-Event-Id"] == outbox(rig.store)[0].event_id


def test_apprise_json_url_to_a_local_endpoint(make_rig) -> None:
    got: list[dict[str, Any]] = []

    def handler() -> type[BaseHTTPRequestHandler]:
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                got.append({"path": self.path,
                            "body": json.loads(self.rfile.read(int(self.headers["content-length"])))})
                self.send_response(200)
                self.end_headers()

        return Handler

    server, url = serve(handler)
    try:
        rig = make_rig()
        number = TEST_NUMBERS["pickup_point"]
        shipment = rig.tracker.register(number)
        host_port = url.removeprefix("http://")
        subscribe(rig.store, rig.clock.now(), shipment_id=shipment.id, channel="apprise",
                  target=f"json://{host_port}/notify", events=["status_change"], language="de")
        rig.run_until_quiet()
        worker = dispatcher(rig.store, rig.clock)
        while worker.run_once().claimed:
            pass
    finally:
        server.shutdown()
    written = outbox(rig.store)
    assert written and all(n.status is Status.DELIVERED for n in written)
    assert len(got) == len(written) and all(g["path"] == "/notify" for g in got)
    last = got[-1]["body"]
    final = rig.tracker.timeline(shipment.id).shipment
    assert message(final.subtag, "de").title in last["title"]
    assert f"{PUBLIC_URL}/track/{number}" in last["message"] and "Sendung verfolgen" in last["message"]
