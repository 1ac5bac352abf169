"""Number ranges the system already knows: how plausible a candidate number is next to known labels.

Tracking numbers are not random. The labels of one shipper share its fixed fields (a UPS 1Z shipper
account and service, a USPS IMpb mailer ID, an S10 service indicator and issuing operator, the leading
digits of a FedEx, DHL or Canada Post range) and run in near-consecutive serials. So when the numbers a
person, a household or a shop already tracks or ships are known, a correction that falls in the same
block as one of them, with a serial near one of theirs, is far likelier than any other number one
typing mistake away.

A number's place (``place()``): the ``SERIAL_POSITIONS`` characters just before the check character are
its *serial* (fewer when the number starts sooner); its reading's format, its length and the characters
other than the serial and the check character are its *block*.

Prior (``KnownRanges.factor``), up to a constant: ``1 + KNOWN_ODDS * R``, where R is how much likelier
the candidate is under "one of the known senders issued it" than under the format's ordinary prior.
Under that hypothesis a sender is one of the n known numbers picked evenly, and the distance from its
serial has no preferred scale (each decade of distance, 1-9, 10-99, ..., equally likely, either side):
P(serial at distance d) = 1 / (2 (d + 1) ln(S + 1)) for a serial space of S values, against 1 / S for
a serial drawn at random. So R = (1/n) * sum over known numbers of the same block of
S / (2 (d + 1) ln(S + 1)); a known number equal to the candidate counts for nothing (it is another
parcel, already known). Serials of digits only, as shippers print them, are compared as decimal numbers
(S = 10^positions) and a candidate with a letter there is not near them; otherwise each position is read
in the format's alphabet. A candidate outside every known block gets R = 0 and keeps its ordinary prior,
so an unknown sender is ranked as before. Pure: no I/O, no clock; the caller gives the numbers.
"""

from __future__ import annotations

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
    serial: int  # the serial positions read in the format's alphabet at each position
    size: int  # how many serial values those alphabets allow
    digits: str  # the serial positions as typed


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
    return Place((fmt.id, len(number), number[:start] + "|" + number[hi:]), serial, size, number[start:lo])


def _distance(a: Place, b: Place) -> tuple[int, int] | None:
    """(distance, serial space) between two serials of one block, or None when ``a`` cannot be in ``b``'s
    run. Digit-only serials (what shippers print, even where a format allows letters) are compared as
    decimal numbers; a serial with a letter is not near a digit-only run at all."""
    if b.digits.isdigit():
        if not a.digits.isdigit():
            return None
        return abs(int(a.digits) - int(b.digits)), 10 ** len(b.digits)
    return abs(a.serial - b.serial), b.size


class KnownRanges:
    """An index of known valid numbers by block."""

    def __init__(self, numbers: Iterable[str]) -> None:
        self._blocks: dict[tuple[str, int, str], list[Place]] = {}
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
                    self._blocks.setdefault(where.block, []).append(where)
        self.count = len(seen)

    def __bool__(self) -> bool:
        return bool(self._blocks)

    def blocks(self) -> int:
        return len(self._blocks)

    def factor(self, candidate: Candidate) -> float:
        """How much likelier ``candidate`` is, given the known numbers, than under its ordinary prior."""
        if not self._blocks:
            return 1.0
        where = place(candidate)
        if where is None:
            return 1.0
        ratio = 0.0
        for known in self._blocks.get(where.block, ()):
            found = _distance(where, known)
            if found is None or found[0] == 0:
                continue  # the known label itself is another parcel already known, not a neighbour of one
            distance, size = found
            ratio += size / (2 * math.log(size + 1) * (distance + 1))
        return 1.0 + KNOWN_ODDS * ratio / self.count
