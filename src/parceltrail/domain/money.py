"""Amounts in integer minor units, shown in their currency's major units."""

from __future__ import annotations

# ISO 4217 (List One, amendment 179) currencies whose minor unit is not 1/100: the one source of minor
# units for every place that shows an amount (pages, API, labels, evidence). CLDR's "currency digits"
# differ for about thirty (HUF, TWD, IDR, ...: cash rounding, not the minor unit), so they are not used.
_EXPONENTS = {"BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0,
              "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
              "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
              "CLF": 4, "UYW": 4,
              # funds, precious metals and testing codes have no minor unit
              "XAG": 0, "XAU": 0, "XBA": 0, "XBB": 0, "XBC": 0, "XBD": 0, "XDR": 0, "XPD": 0, "XPT": 0,
              "XSU": 0, "XTS": 0, "XUA": 0, "XXX": 0}


def exponent(currency: str) -> int:
    """Digits after the decimal point of `currency` (ISO 4217): 2 unless listed above."""
    return _EXPONENTS.get(currency.upper(), 2)


def format_minor(amount: int, currency: str, *, symbol: bool = True) -> str:
    """1234 EUR -> "12.34 EUR"; 1234 JPY -> "1234 JPY"."""
    places = exponent(currency)
    sign = "-" if amount < 0 else ""
    whole, part = divmod(abs(amount), 10 ** places)
    text = f"{sign}{whole}.{part:0{places}d}" if places else f"{sign}{whole}"
    return f"{text} {currency}" if symbol else text
