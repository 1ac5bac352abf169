"""Which IP addresses are public destinations: the rule shared by the input checks of notification targets
and the egress guard that enforces it at connect time (`adapters/delivery/egress.py`)."""

from __future__ import annotations

import ipaddress

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")


def _embedded(ip: IPAddress) -> list[IPAddress]:
    """The address itself and every IPv4 address an IPv6 address carries (each must be public)."""
    found: list[IPAddress] = [ip]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            found.append(ip.ipv4_mapped)
        if ip.sixtofour is not None:
            found.append(ip.sixtofour)
        if ip.teredo is not None:
            found.extend(ip.teredo)
        if ip in _NAT64 or (ip in _IPV4_COMPATIBLE and int(ip) > 1):
            found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return found


def refusal(address: str | IPAddress) -> str | None:
    """Why `address` is not a public destination, or None when it is."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0] if isinstance(address, str) else address)
    except ValueError:
        return f"{address!s:.60} is not an IP address"
    for candidate in _embedded(ip):
        if candidate.is_loopback:
            return f"{ip} is a loopback address"
        if candidate.is_link_local:
            return f"{ip} is a link-local address"
        if isinstance(candidate, ipaddress.IPv6Address) and candidate.is_site_local:
            return f"{ip} is a site-local address"
        if candidate.is_multicast:
            return f"{ip} is a multicast address"
        if candidate.is_unspecified or candidate.is_reserved:
            return f"{ip} is a reserved address"
        if candidate.is_private or not candidate.is_global:
            return f"{ip} is a private address"
    return None
