"""UPS 1Z labels of one shipper, and mistypings whose right fix a typo ranker cannot single out alone."""

from __future__ import annotations

from parceltrail.numbers import detect, suggest
from parceltrail.numbers.formats import registry


def ups_label(shipper: str, service: str, package: int) -> str:
    """A UPS 1Z number with its check digit: ``shipper`` (6 characters), ``service`` (2), package."""
    fmt = registry().format("ups-1z")
    body = f"1Z{shipper}{service}{package:07d}"
    match = fmt.regex.fullmatch(body + "0")
    assert match is not None
    check = fmt.expected_check(match)
    assert check is not None
    return body + check


def ambiguous_dropped_digit(shipper: str, service: str, packages: range,
                            position: int) -> tuple[str, str, int]:
    """(intended, typo, package): the digit at ``position`` dropped from a label of ``packages`` such that
    the typo fails every check and its right fix is not the first suggestion without further knowledge."""
    for package in packages:
        number = ups_label(shipper, service, package)
        typo = number[:position] + number[position + 1 :]
        hints = [s.number for s in suggest(typo)]
        if hints and hints[0] != number and not any(c.checksum == "passed" for c in detect(typo)):
            return number, typo, package
    raise AssertionError("no ambiguous dropped digit found")
