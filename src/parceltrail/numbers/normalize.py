"""Turn whatever a shopper pasted into the canonical form formats are matched against."""

from __future__ import annotations

import re
import unicodedata

MAX_LENGTH = 64

# Separators people (and web pages) put inside numbers; removed before matching.
_SEPARATORS = dict.fromkeys(
    map(ord, " \t\r\n-._/\u00a0\u2007\u2009\u202f\u3000"  # spaces
        "\u200b\u200c\u200d\u2060\ufeff"  # zero-width
        "\u2010\u2011\u2012\u2013\u2014\u2212"),  # dashes
    None,
)
_CANONICAL = re.compile(r"[0-9A-Z]+")


class InvalidNumberError(ValueError):
    """The input cannot be a tracking number (empty, too long, binary or odd characters)."""


def normalize(text: str) -> str:
    """Return ``text`` as an upper-case run of ASCII letters and digits.

    Strips spaces, dashes, dots, no-break and zero-width spaces; folds full-width forms (NFKC).
    Raises InvalidNumberError with a one-line message when nothing usable is left.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidNumberError("input is binary, not text") from None
    if not isinstance(text, str):
        raise InvalidNumberError(f"expected text, got {type(text).__name__}")
    # Fast path: already canonical ASCII (the common case for API and benchmark input).
    if len(text) <= MAX_LENGTH and text.isalnum() and text.isascii() and (text.isdigit() or text.isupper()):
        return text
    if len(text) > MAX_LENGTH * 8:
        raise InvalidNumberError(f"input is too long ({len(text)} characters) to be a tracking number")
    folded = unicodedata.normalize("NFKC", text).translate(_SEPARATORS).upper()
    if not folded:
        raise InvalidNumberError("tracking number is empty")
    if len(folded) > MAX_LENGTH:
        raise InvalidNumberError(
            f"tracking number is too long ({len(folded)} characters, at most {MAX_LENGTH})"
        )
    if _CANONICAL.fullmatch(folded) is None:
        bad = next(c for c in folded if not ("0" <= c <= "9" or "A" <= c <= "Z"))
        if not bad.isprintable():
            raise InvalidNumberError(f"tracking number contains a non-printable character (U+{ord(bad):04X})")
        raise InvalidNumberError(f"tracking number contains an unexpected character {bad!r}")
    return folded
