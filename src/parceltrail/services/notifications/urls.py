"""Where notifications may go: webhook URLs that do not point into the operator's own network, and the
public tracking link put into every message."""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import quote, urlsplit

import apprise

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


# Schemes whose host is wherever the user says (not a fixed public service): checked like webhooks.
_SELF_HOSTED = {"json", "jsons", "xml", "xmls", "form", "forms", "ntfy", "ntfys", "gotify", "gotifys",
                "apprise", "apprises", "mmost", "mmosts", "rocket", "rockets", "matrix", "matrixs"}


class InvalidAppriseUrlError(InputError):
    code = "invalid_apprise_url"


def check_apprise_url(url: str, *, allow_private: bool) -> None:
    if len(url) > 2000 or not apprise.Apprise().add(url):
        raise InvalidAppriseUrlError("not an Apprise URL this server can send to (see Apprise's list of "
                                     "services, e.g. ntfy://topic, tgram://token/chat, json://host/path)")
    parts = urlsplit(url)
    if parts.scheme.lower() in _SELF_HOSTED and parts.hostname:
        try:
            port = parts.port or 80
        except ValueError:
            raise InvalidAppriseUrlError("the Apprise URL has an invalid port") from None
        check_host(parts.hostname, port, allow_private=allow_private)


_ADDRESS = re.compile(r"^[^@\s<>(),;:\"\[\]]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
                      r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*$")


class InvalidEmailError(InputError):
    code = "invalid_email"


def check_address(address: str) -> None:
    if len(address) > 254 or not _ADDRESS.match(address):
        raise InvalidEmailError(f"{address[:80]!r} is not an e-mail address")
