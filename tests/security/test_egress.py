"""Server-side request forgery through notifications: every Apprise scheme, redirects, DNS rebinding and
IPv6 encodings of private addresses, each against a real loopback listener that must see no connection."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from parceltrail.adapters.delivery import apprise_channel, egress
from parceltrail.adapters.delivery.egress import EgressPolicy, EgressRefused, guarded, guarded_client
from parceltrail.adapters.delivery.webhooks import send_webhook
from parceltrail.domain.notifications import ChannelKind, EventKind, Notification, Scope, Status, Subscription
from parceltrail.services.notifications.urls import (
    KNOWN_APPRISE_SCHEMES,
    InvalidAppriseUrlError,
    TargetPolicy,
    UnsafeUrlError,
    check_apprise_url,
    check_webhook_url,
)

NOW = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
PUBLIC_IP = "93.184.216.34"


class Listener:
    """A loopback TCP listener that counts the connections it accepts (and answers HTTP 200)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.sock.settimeout(0.1)
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted += 1
            try:
                conn.settimeout(0.5)
                conn.recv(65536)
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
            except OSError:
                pass
            finally:
                conn.close()

    def close(self) -> None:
        self._stop.set()
        self.thread.join(timeout=2)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    item = Listener()
    yield item
    item.close()


@pytest.fixture
def connects(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every address a socket really connected to while guarded code ran (after the guard's check)."""
    egress._install()
    seen: list[Any] = []
    real = egress._original["connect"]

    def spy(sock: socket.socket, address: Any) -> None:
        seen.append(address)
        return real(sock, address)

    monkeypatch.setitem(egress._original, "connect", spy)
    return seen


def _subscription(channel: ChannelKind, target: str) -> Subscription:
    return Subscription(id=1, scope=Scope.SHIPMENT, events=[EventKind.STATUS_CHANGE], channel=channel,
                        target=target, created_at=NOW, secret="s" * 32, shipment_id=1)


def _notification() -> Notification:
    payload = {"kind": "status_change", "tracking_number": "1Z999AA10123456784", "tag": "InTransit",
               "subtag": "InTransit_001", "link": "https://parcels.example.org/track/1Z999AA10123456784"}
    return Notification(id=1, event_id="e" * 32, subscription_id=1, stream="1", kind=EventKind.STATUS_CHANGE,
                        payload=payload, status=Status.PENDING, attempts=1, created_at=NOW,
                        next_attempt_at=NOW, expires_at=NOW)


def _loopback(address: Any) -> bool:
    return ipaddress.ip_address(str(address[0]).split("%")[0]).is_loopback


def test_private_addresses_refused_in_every_encoding() -> None:
    for url in ("https://[2002:7f00:1::]/x", "https://[fec0::1]/x", "https://[::127.0.0.1]/x",
                "https://[64:ff9b::7f00:1]/x", "https://[::ffff:169.254.169.254]/x", "https://100.64.0.1/x"):
        with pytest.raises(UnsafeUrlError):
            check_webhook_url(url)
    check_webhook_url(f"https://{PUBLIC_IP}/hook")


def test_webhooks_are_https_only_unless_the_operator_allows_http() -> None:
    with pytest.raises(UnsafeUrlError, match="https"):
        check_webhook_url(f"http://{PUBLIC_IP}/hook")
    check_webhook_url(f"http://{PUBLIC_IP}/hook", targets=TargetPolicy(allow_http=True))


def test_unknown_and_local_apprise_schemes_are_refused_unless_allowed() -> None:
    with pytest.raises(InvalidAppriseUrlError):
        check_apprise_url("syslog://")
    check_apprise_url("syslog://", targets=TargetPolicy(extra_schemes=frozenset({"syslog"})))
    for url in ("hassio://127.0.0.1:8792/token", "kodi://169.254.169.254", "json://[::1]:8080/x",
                "signal://localhost:8080/+12345678901"):
        with pytest.raises(UnsafeUrlError):
            check_apprise_url(url)


def _bypass_input_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend the target passed the input checks (they ran when the name still looked public)."""
    monkeypatch.setattr(apprise_channel, "check_apprise_url", lambda *args, **kwargs: None)


def test_every_apprise_scheme_pointed_at_loopback_never_connects(
        monkeypatch: pytest.MonkeyPatch, listener: Listener, connects: list[Any]) -> None:
    _bypass_input_checks(monkeypatch)
    real_getaddrinfo = socket.getaddrinfo

    def everything_is_loopback(host: Any, *args: Any, **kwargs: Any) -> Any:
        # Fixed public services (Telegram, Slack ...) resolve to loopback too: no scheme reaches it.
        return real_getaddrinfo("127.0.0.1", *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", everything_is_loopback)
    monkeypatch.setattr(time, "sleep", lambda seconds: None)  # plugins' own retry pauses
    tried = 0
    for scheme in sorted(KNOWN_APPRISE_SCHEMES):
        for target in (f"{scheme}://127.0.0.1:{listener.port}/abcdefghijklmnop/qrstuvwxyz0123456789",
                       f"{scheme}://user:password@127.0.0.1:{listener.port}/+12345678901/abcdef"):
            # Some plugins succeed without sending anything (nothing to map): only the sockets count.
            apprise_channel.send_apprise(_subscription(ChannelKind.APPRISE, target), _notification())
            tried += 1
    assert tried == 2 * len(KNOWN_APPRISE_SCHEMES)
    assert listener.accepted == 0
    assert not [address for address in connects if _loopback(address)]


def test_an_apprise_redirect_to_loopback_is_not_followed(
        monkeypatch: pytest.MonkeyPatch, listener: Listener) -> None:
    _bypass_input_checks(monkeypatch)

    class Redirect(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("content-length", 0)))
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:{listener.port}/internal")
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    try:
        # The redirecting server stands for a public one: the operator allows exactly its address.
        outcome = apprise_channel.send_apprise(
            _subscription(ChannelKind.APPRISE, f"json://127.0.0.1:{port}/notify"), _notification(),
            targets=TargetPolicy(egress_allow=frozenset({f"127.0.0.1:{port}"})))
    finally:
        server.shutdown()
    assert not outcome.ok
    assert listener.accepted == 0


def test_dns_rebinding_between_check_and_connect_is_refused(
        monkeypatch: pytest.MonkeyPatch, listener: Listener) -> None:
    real_getaddrinfo = socket.getaddrinfo
    lookups: list[str] = []

    def rebinding(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "hooks.rebind.example":
            lookups.append(host)
            # public for the check, loopback for every later lookup
            return real_getaddrinfo(PUBLIC_IP if len(lookups) == 1 else "127.0.0.1", port, *args, **kwargs)
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    target = f"http://hooks.rebind.example:{listener.port}/hook"
    with httpx.Client(timeout=2.0) as client:
        outcome = send_webhook(client, _subscription(ChannelKind.WEBHOOK, target), _notification(),
                               targets=TargetPolicy(allow_http=True))
    assert len(lookups) >= 2
    assert not outcome.ok and outcome.permanent
    assert listener.accepted == 0

    lookups.clear()
    target = f"json://hooks.rebind.example:{listener.port}/notify"
    outcome = apprise_channel.send_apprise(_subscription(ChannelKind.APPRISE, target), _notification())
    assert not outcome.ok
    assert listener.accepted == 0


def test_the_guard_checks_raw_sockets_and_leaves_other_code_alone(listener: Listener) -> None:
    with guarded(EgressPolicy()), pytest.raises(EgressRefused):
        socket.create_connection(("127.0.0.1", listener.port), timeout=1)
    with guarded(EgressPolicy()), pytest.raises(EgressRefused), \
            socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.sendto(b"x", ("127.0.0.1", listener.port))
    with guarded(EgressPolicy(allowed=frozenset({f"127.0.0.1:{listener.port}"}))):
        socket.create_connection(("127.0.0.1", listener.port), timeout=1).close()
    # outside the guard (the database, the carriers) nothing changes
    socket.create_connection(("127.0.0.1", listener.port), timeout=1).close()
    with guarded_client(EgressPolicy(), timeout=2.0) as client, pytest.raises(httpx.ConnectError):
        client.get(f"http://127.0.0.1:{listener.port}/")


def test_the_cli_refuses_ssrf_targets(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from parceltrail.entrypoints.cli.main import app as cli

    monkeypatch.setenv("PARCELTRAIL_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("PARCELTRAIL_DATABASE_URL", f"sqlite:///{tmp_path / 'parceltrail.db'}")
    runner = CliRunner()
    for option, target in (("--apprise", "hassio://127.0.0.1:8792/token"), ("--apprise", "kodi://169.254.169.254"),
                           ("--webhook", "https://[2002:7f00:1::]/x"), ("--webhook", "https://[fec0::1]/x")):
        result = runner.invoke(cli, ["subscribe", "--number", "1Z999AA10123456784", option, target])
        assert result.exit_code == 2 and "error:" in result.output, (target, result.output)


def test_the_api_refuses_ssrf_targets(client: Any, buyer: Any) -> None:
    for body in ({"channel": "apprise", "target": "hassio://127.0.0.1:8792/token"},
                 {"channel": "apprise", "target": "syslog://"},
                 {"channel": "webhook", "target": "http://93.184.216.34/hook"}):
        answer = client.post("/api/v1/subscriptions", headers=buyer.headers, json=body)
        assert answer.status_code == 400, (body, answer.text)
        assert answer.json()["error"]["code"] in ("unsafe_url", "invalid_apprise_url"), answer.text
