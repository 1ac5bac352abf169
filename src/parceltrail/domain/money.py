"""Amounts in integer minor units, shown in their currency's major units."""

from __future__ import annotations

# ISO 4217 currencies whose minor unit is not 1/100.
_EXPONENTS = {"BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0,
              "RWF": 0, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
              "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3}


def exponent(currency: str) -> int:
    return _EXPONENTS.get(currency, 2)


def format_minor(amount: int, currency: str, *, symbol: bool = True) -> str:
    """1234 EUR -> "12.34 EUR"; 1234 JPY -> "1234 JPY"."""
    places = exponent(currency)
    sign = "-" if amount < 0 else ""
    whole, part = divmod(abs(amount), 10 ** places)
    text = f"{sign}{whole}.{part:0{places}d}" if places else f"{sign}{whole}"
    return f"{text} {currency}" if symbol else text
