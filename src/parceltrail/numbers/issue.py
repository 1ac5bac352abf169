"""Issue valid numbers: UPU S10 numbers from an operator's range, and sandbox-network numbers."""

from __future__ import annotations

from collections.abc import Iterator

from parceltrail.numbers.checksums import luhn, s10
from parceltrail.numbers.formats import registry


class IssueError(ValueError):
    """The requested number cannot be issued (unknown operator, bad indicator, out of range)."""


def _check_operator(country: str) -> str:
    if not isinstance(country, str):
        raise IssueError("country must be an ISO 3166-1 alpha-2 code such as 'CN'")
    code = country.strip().upper()
    if code not in registry().operators:
        raise IssueError(f"no UPU postal operator for country code {country!r}")
    return code


def _check_indicator(service_indicator: str) -> str:
    if not isinstance(service_indicator, str):
        raise IssueError("service indicator must be one or two letters such as 'R' or 'RA'")
    indicator = service_indicator.strip().upper()
    if len(indicator) == 1:
        indicator += "A"  # first variant of the service
    if len(indicator) != 2 or not indicator.isascii() or not indicator.isalpha():
        raise IssueError(f"service indicator must be one or two letters, got {service_indicator!r}")
    if indicator[0] not in registry().tables["s10-service"]:
        raise IssueError(f"service indicator {indicator!r}: {indicator[0]!r} is not assigned in UPU S10")
    return indicator


def _check_serial(serial: int, name: str = "serial") -> int:
    if isinstance(serial, bool) or not isinstance(serial, int):
        raise IssueError(f"{name} must be an integer")
    if not 0 <= serial <= 99_999_999:
        raise IssueError(f"{name} {serial} is outside the S10 range 0..99999999")
    return serial


def issue_s10(country: str, service_indicator: str, serial: int) -> str:
    """A valid S10 number, e.g. issue_s10("CN", "R", 12345678) == "RA123456785CN"."""
    code = _check_operator(country)
    indicator = _check_indicator(service_indicator)
    digits = f"{_check_serial(serial):08d}"
    return f"{indicator}{digits}{s10(digits, {})}{code}"


def issue_range(country: str, prefix2: str, start: int, stop: int) -> Iterator[str]:
    """S10 numbers for serials start..stop-1 (like range()), validated before the first one."""
    code = _check_operator(country)
    indicator = _check_indicator(prefix2)
    _check_serial(start, "start")
    if isinstance(stop, bool) or not isinstance(stop, int) or not 0 <= stop <= 100_000_000:
        raise IssueError(f"stop {stop!r} is outside 0..100000000")
    if stop < start:
        raise IssueError(f"empty range: stop {stop} is below start {start}")

    def generate() -> Iterator[str]:
        for serial in range(start, stop):
            digits = f"{serial:08d}"
            yield f"{indicator}{digits}{s10(digits, {})}{code}"

    return generate()


def sandbox_number(scenario: int, serial: int) -> str:
    """A valid parceltrail sandbox number: PTS + 2-digit scenario + 8-digit serial + Luhn digit."""
    if isinstance(scenario, bool) or not isinstance(scenario, int) or not 0 <= scenario <= 99:
        raise IssueError(f"scenario must be an integer 0..99, got {scenario!r}")
    if isinstance(serial, bool) or not isinstance(serial, int) or not 0 <= serial <= 99_999_999:
        raise IssueError(f"serial must be an integer 0..99999999, got {serial!r}")
    body = f"{scenario:02d}{serial:08d}"
    return f"PTS{body}{luhn(body, {})}"
