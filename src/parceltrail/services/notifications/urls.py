"""Where notifications may go: webhook URLs that do not point into the operator's own network, and the
public tracking link put into every message."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import quote, urlsplit

from parceltrail.domain.errors import InputError

MAX_URL_LENGTH = 2000


class UnsafeUrlError(InputError):
    code = "unsafe_url"


class InvalidUrlError(InputError):
    code = "invalid_url"


def tracking_link(public_url: str, number: str) -> str:
    return f"{public_url.rstrip('/')}/track/{quote(number, safe='')}"


def _forbidden(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved
            or ip.is_unspecified or not ip.is_global)


def parse_http_url(url: str) -> tuple[str, int]:
    """(host, port) of an http(s) URL; InvalidUrlError otherwise."""
    if len(url) > MAX_URL_LENGTH or any(ch.isspace() for ch in url):
        raise InvalidUrlError("the URL is too long or contains spaces")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise InvalidUrlError(f"not a valid URL: {error}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidUrlError("a webhook URL must be http:// or https:// with a host")
    return parts.hostname, port or (443 if parts.scheme == "https" else 80)


def check_host(host: str, port: int, *, allow_private: bool) -> None:
    """Resolve `host` and refuse it when any of its addresses is private, loopback, link-local or otherwise
    not public (unless the operator allows that). UnsafeUrlError when refused or unresolvable."""
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise UnsafeUrlError(f"the host {host!r} does not resolve") from None
    addresses = {str(info[4][0]) for info in infos}
    if not addresses:
        raise UnsafeUrlError(f"the host {host!r} does not resolve")
    for address in sorted(addresses):
        if _forbidden(address):
            raise UnsafeUrlError(
                f"the host {host!r} resolves to {address}, a private, loopback or link-local address; "
                "set PARCELTRAIL_WEBHOOK_ALLOW_PRIVATE=1 to allow such webhooks")


def check_webhook_url(url: str, *, allow_private: bool) -> None:
    host, port = parse_http_url(url)
    check_host(host, port, allow_private=allow_private)
