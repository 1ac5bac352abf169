"""The egress guard: every connection a notification makes (webhooks, Apprise, web push, anything a
subscriber chose the address of) is checked at connect time, against the IP address the socket is about to
use, so a name that resolves to a public address when checked and to 127.0.0.1 when used (DNS rebinding),
a redirect to a private address, or an Apprise plugin that does its own networking cannot reach the
operator's own network.

API:

* `refusal(ip)` - why an address is not a public destination (None when it is). Loopback, private,
  link-local, site-local (`fec0::/10`), multicast, reserved and unspecified addresses are refused, also
  when wrapped in IPv6: IPv4-mapped (`::ffff:a.b.c.d`), IPv4-compatible (`::a.b.c.d`), 6to4
  (`2002:AABB:CCDD::`), Teredo and NAT64 (`64:ff9b::/96`).
* `EgressPolicy(allow_private=False, allowed=frozenset())` - what the operator allows: the whole private
  network (`PARCELTRAIL_WEBHOOK_ALLOW_PRIVATE`) or exact "ip:port" destinations (`PARCELTRAIL_EGRESS_ALLOW`).
  `policy_for(notify_settings)` builds it from the settings.
* `with guarded(policy): ...` - while the block runs, every TCP connect and UDP send made by *this
  thread* (httpx, requests/urllib3, smtplib, paho, raw sockets), and by work it hands to an executor
  with its context, is checked; a refused destination raises
  `EgressRefused` (an `OSError`, so libraries report it as a failed connection). Unix sockets and other
  address families are refused inside the block.
* `guarded_client(policy, **httpx_options)` - an `httpx.Client` whose every request runs guarded, with
  redirects off; for senders that speak HTTP themselves (web push, webhooks).
* `check_destination(host, port, policy)` - resolve a name now and refuse it when any address is refused;
  for early, friendly errors at input time (the connect-time check is the one that holds).

The guard is scoped to the caller's context on purpose: the database driver and the carrier connectors
of the same process legitimately talk to loopback and private addresses and never run inside `guarded`.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import httpx

from parceltrail.domain.network import refusal
from parceltrail.settings import NotifySettings


class EgressRefused(ConnectionRefusedError):
    """A notification tried to connect to an address the operator has not allowed."""


@dataclass(frozen=True, slots=True)
class EgressPolicy:
    allow_private: bool = False  # the operator's own network is a valid destination (development, LAN)
    # Exact "ip:port" destinations allowed even when private (an internal ntfy or SMTP server), without
    # opening the whole network: PARCELTRAIL_EGRESS_ALLOW.
    allowed: frozenset[str] = frozenset()

    def permits(self, ip: str, port: Any) -> str | None:
        """None when the policy allows connecting to `ip`:`port`, else why not."""
        if self.allow_private or _endpoint(ip, port) in self.allowed:
            return None
        return refusal(ip)


def _endpoint(ip: str, port: Any) -> str:
    return f"[{ip}]:{port}" if ":" in ip else f"{ip}:{port}"


# A context variable rather than a thread-local: work handed to an executor with the caller's context
# (Apprise runs services with a deadline that way) stays guarded, even after the caller gave up on it.
_policy: ContextVar[EgressPolicy | None] = ContextVar("parceltrail_egress_policy", default=None)


def _active() -> EgressPolicy | None:
    return _policy.get()


@contextmanager
def guarded(policy: EgressPolicy) -> Iterator[None]:
    """Check every connection this thread makes inside the block (see the module docstring)."""
    _install()
    token = _policy.set(policy)
    try:
        yield
    finally:
        _policy.reset(token)


def _resolve_checked(host: str, port: Any, family: int, policy: EgressPolicy) -> tuple[Any, ...]:
    """The socket address to use for (host, port): the first resolved address the policy allows."""
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
        literal = True
    except ValueError:
        literal = False
    if literal:
        candidates = [host]
    else:
        try:
            infos = socket.getaddrinfo(host, port, family, socket.SOCK_STREAM)
        except (OSError, UnicodeError) as error:
            raise EgressRefused(f"{host!r} does not resolve: {error}") from None
        candidates = [str(info[4][0]) for info in infos]
    reasons = []
    for candidate in candidates:
        reason = policy.permits(candidate, port)
        if reason is None:
            return (candidate, port)
        reasons.append(reason)
    raise EgressRefused(f"refused to connect to {host}: {'; '.join(reasons) or 'no address'} "
                        "(set PARCELTRAIL_WEBHOOK_ALLOW_PRIVATE=1 to allow the operator's own network)")


def _checked_address(sock: socket.socket, address: Any) -> Any:
    policy = _active()
    if policy is None:
        return address
    if sock.family not in (socket.AF_INET, socket.AF_INET6):
        raise EgressRefused(f"notifications may only use internet sockets, not {sock.family!r}")
    if not isinstance(address, tuple) or len(address) < 2:
        raise EgressRefused(f"unexpected socket address {address!r:.80}")
    host, port, *rest = address
    checked = _resolve_checked(str(host), port, sock.family, policy)
    return (checked[0], checked[1], *rest)


_original: dict[str, Any] = {}
_install_lock = threading.Lock()


def _install() -> None:
    """Wrap the socket methods once per process; outside `guarded` they behave exactly as before."""
    if _original:
        return
    with _install_lock:
        if _original:
            return
        connect, connect_ex, sendto = socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto

        def guarded_connect(self: socket.socket, address: Any) -> None:
            return _original["connect"](self, _checked_address(self, address))

        def guarded_connect_ex(self: socket.socket, address: Any) -> int:
            return _original["connect_ex"](self, _checked_address(self, address))

        def guarded_sendto(self: socket.socket, data: Any, *args: Any) -> int:
            if _active() is not None and args:
                args = (*args[:-1], _checked_address(self, args[-1]))
            return _original["sendto"](self, data, *args)

        socket.socket.connect = guarded_connect  # type: ignore[method-assign]
        socket.socket.connect_ex = guarded_connect_ex  # type: ignore[method-assign]
        socket.socket.sendto = guarded_sendto  # type: ignore[method-assign,assignment]
        _original.update(connect=connect, connect_ex=connect_ex, sendto=sendto)


def check_destination(host: str, port: int, policy: EgressPolicy) -> None:
    """Refuse `host` now when any address it resolves to is refused (EgressRefused)."""
    if policy.allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise EgressRefused(f"the host {host!r} does not resolve") from None
    for address in sorted({str(info[4][0]) for info in infos}):
        reason = policy.permits(address, port)
        if reason is not None:
            raise EgressRefused(f"the host {host!r} resolves to {address}: {reason}")


class GuardedTransport(httpx.BaseTransport):
    """An httpx transport that opens every connection under `guarded(policy)`."""

    def __init__(self, policy: EgressPolicy, **options: Any) -> None:
        self.policy = policy
        self.inner = httpx.HTTPTransport(**options)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with guarded(self.policy):
            return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def guarded_client(policy: EgressPolicy, **options: Any) -> httpx.Client:
    """An httpx client for notification traffic: every connection guarded, redirects never followed."""
    options.setdefault("follow_redirects", False)
    transport_options = {k: options.pop(k) for k in ("verify", "cert", "http2", "retries") if k in options}
    return httpx.Client(transport=GuardedTransport(policy, **transport_options), **options)


def policy_for(settings: NotifySettings) -> EgressPolicy:
    """The egress policy of the operator's notification settings."""
    return EgressPolicy(allow_private=settings.allow_private, allowed=settings.egress_allow)
