"""Country names and last-mile carrier names as key-less endpoints write them -> our codes and slugs."""

from __future__ import annotations

import re
from functools import cache

from babel import Locale

# Names the consolidators use that are not CLDR's English territory names.
_EXTRA_COUNTRIES = {
    "mainland china": "CN", "china mainland": "CN", "hong kong": "HK", "hong kong sar": "HK",
    "taiwan": "TW", "korea": "KR", "republic of korea": "KR", "south korea": "KR", "russia": "RU",
    "russian federation": "RU", "usa": "US", "united states of america": "US", "uk": "GB",
    "great britain": "GB", "england": "GB", "czech republic": "CZ", "the netherlands": "NL",
    "holland": "NL", "turkey": "TR",
}

# Last-mile carrier names (Cainiao's `destCpInfo.cpName` and similar), squeezed to lower-case letters and
# digits -> our carrier slugs (numbers/formats). Names as they appear on the consolidators' pages.
_CARRIER_NAMES = {
    "israelpost": "israel-post", "correios": "brazil-correios", "correiosbrazil": "brazil-correios",
    "correiosdobrasil": "brazil-correios", "usps": "usps", "uspostalservice": "usps",
    "correos": "spain-correos-es", "correosspain": "spain-correos-es", "colissimo": "la-poste-colissimo",
    "laposte": "la-poste-colissimo", "lapostecolissimo": "la-poste-colissimo",
    "pocztapolska": "poczta-polska", "postnl": "postnl", "deutschepost": "deutsch-post",
    "dhlpaket": "dhl-germany", "dhlde": "dhl-germany", "dhl": "dhl", "royalmail": "royal-mail",
    "koreapost": "korea-post", "japanpost": "japan-post", "australiapost": "australia-post",
    "auspost": "australia-post", "canadapost": "canada-post", "russianpost": "russian-post",
    "pochtarossii": "russian-post", "ups": "ups", "fedex": "fedex", "postnord": "sweden-posten",
    "chinapost": "china-post", "chinaems": "china-ems", "ems": "china-ems",
}


def _squeeze(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


@cache
def _english_names() -> dict[str, str]:
    names = {name.lower(): code for code, name in Locale("en").territories.items()
             if len(code) == 2 and code.isalpha()}
    names.update(_EXTRA_COUNTRIES)
    return names


def country_code(name: str | None) -> str | None:
    """"Mainland China" -> "CN", "Israel" -> "IL", "AT" -> "AT"; None when unknown."""
    if not name or not name.strip():
        return None
    text = " ".join(name.split())
    if len(text) == 2 and text.isalpha():
        return text.upper()
    return _english_names().get(text.lower())


def carrier_slug(name: str | None) -> str | None:
    """A last-mile carrier's display name -> our carrier slug; None when we do not know it."""
    if not name:
        return None
    return _CARRIER_NAMES.get(_squeeze(name))
