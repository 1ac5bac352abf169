"""Number ranges the system already knows: how plausible a candidate number is next to known labels.

Tracking numbers are not random. The labels of one shipper share its fixed fields (a UPS 1Z shipper
account and service, a USPS IMpb mailer ID, an S10 service indicator and issuing operator, the leading
digits of a FedEx, DHL or Canada Post range) and run in near-consecutive serials. So when the numbers a
person, a household or a shop already tracks or ships are known, a correction that falls in the same
block as one of them, with a serial near one of theirs, is far likelier than any other number one
typing mistake away.

A number's place (``place()``): its reading's format, its length, and everything but the
``SERIAL_POSITIONS`` characters just before the check character and the check character itself (the
*block*); those characters,
read as one number in the format's own alphabet at each position, are the *serial*. Fewer positions
than that are the serial when the number starts sooner.

Prior (``KnownRanges.factor``), up to a constant: ``1 + KNOWN_ODDS * R``, where R is how much likelier
the candidate is under "one of the known senders issued it" than under the format's ordinary prior.
Under that hypothesis a sender is one of the n known numbers picked evenly, and the distance from its
serial has no preferred scale (each decade of distance, 1-9, 10-99, ..., equally likely, either side):
P(serial at distance d) = 1 / (2 (d + 1) ln(S + 1)) for a serial space of S values, against 1 / S for
a serial drawn at random. So R = (1/n) * sum over known numbers of the same block of
S / (2 (d + 1) ln(S + 1)). A candidate outside every known block gets R = 0 and keeps its ordinary
prior, so an unknown sender is ranked as before. Pure: no I/O, no clock; the caller gives the numbers.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass

from parceltrail.numbers.detect import Candidate, detect_normalized
from parceltrail.numbers.formats import registry
from parceltrail.numbers.normalize import InvalidNumberError, normalize
from parceltrail.numbers.pattern_expansion import Alternative, expand

# How many characters before the check character are a running serial: an S10 serial, a UPS package
# number with one service character, the low digits of a USPS, FedEx, DHL or Canada Post serial.
SERIAL_POSITIONS = 8
# Prior odds that a mistyped number comes from one of the senders of the known numbers rather than
# from anyone else: even (not tuned; the known-sender benchmark would push it to certainty).
KNOWN_ODDS = 1.0
# Known numbers read at most: the most recent ones, which is what a caller should pass first.
MAX_KNOWN = 1000


@dataclass(frozen=True, slots=True)
class Place:
    block: tuple[str, int, str]  # (format, length, the number without its serial positions)
    serial: int
    size: int  # how many serial values the positions allow


@functools.cache
def _alternatives(format_id: str) -> tuple[Alternative, ...]:
    return tuple(expand(registry().format(format_id)))


def place(candidate: Candidate) -> Place | None:
    """Where a number whose check passed sits: its block and serial (None for formats without a check)."""
    number = candidate.number
    fmt = registry().format(candidate.reading.format)
    if "check" not in fmt.regex.groupindex:
        return None
    match = fmt.regex.fullmatch(number)
    if match is None or match.start("check") < 0:
        return None
    lo, hi = match.span("check")
    start = max(lo - SERIAL_POSITIONS, 0)
    sets = next((alt.sets for alt in _alternatives(fmt.id) if len(alt.sets) == len(number)
                 and all(ch in chars for ch, chars in zip(number, alt.sets, strict=True))), None)
    serial, size = 0, 1
    for i in range(start, lo):
        alphabet = sorted(sets[i]) if sets is not None else sorted("0123456789")
        if number[i] not in alphabet:
            return None
        serial = serial * len(alphabet) + alphabet.index(number[i])
        size *= len(alphabet)
    return Place((fmt.id, len(number), number[:start] + "|" + number[hi:]), serial, size)


class KnownRanges:
    """An index of known valid numbers by block, each block's serials sorted."""

    def __init__(self, numbers: Iterable[str]) -> None:
        self._serials: dict[tuple[str, int, str], list[int]] = {}
        self._size: dict[tuple[str, int, str], int] = {}
        seen: set[str] = set()
        for raw in numbers:
            if len(seen) >= MAX_KNOWN:
                break
            try:
                number = normalize(raw)
            except InvalidNumberError:
                continue
            if number in seen:
                continue
            seen.add(number)
            for c in detect_normalized(number):
                if c.checksum != "passed":
                    continue
                where = place(c)
                if where is not None:
                    bisect.insort(self._serials.setdefault(where.block, []), where.serial)
                    self._size[where.block] = where.size
        self.count = len(seen)

    def __bool__(self) -> bool:
        return bool(self._serials)

    def factor(self, candidate: Candidate) -> float:
        """How much likelier ``candidate`` is, given the known numbers, than under its ordinary prior."""
        if not self._serials:
            return 1.0
        where = place(candidate)
        if where is None:
            return 1.0
        serials = self._serials.get(where.block)
        if not serials:
            return 1.0
        norm = where.size / (2 * math.log(where.size + 1))
        ratio = sum(norm / (abs(where.serial - s) + 1) for s in serials) / self.count
        return 1.0 + KNOWN_ODDS * ratio

    def blocks(self) -> int:
        return len(self._serials)
