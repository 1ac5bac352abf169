"""Expand an anchored format regex into the fixed-width alternatives it can match.

Every pattern in formats/*.toml is anchored (``^...$``) and, once expanded, a short list of
fixed-width alternatives: optional parts, ``{m,n}`` counts and ``a|b`` branches multiplied out in
the order the regex engine prefers them. Each alternative is a character set per position plus the
spans of the named groups; fastpath_codegen.py turns them into straight-line Python.

The expansion reads the parse tree from CPython's private ``re._parser`` (``re._constants`` for the
opcodes). It relies on exactly these parts of it, which ``re_internals_problem()`` checks once at
import (and tests/numbers/test_numbers_pattern_expansion.py checks loudly):

* ``_parser.parse(pattern)`` returning a sequence of ``(opcode, argument)`` items whose opcodes
  print as their names (``str(op) == "LITERAL"``);
* ``AT`` with ``AT_BEGINNING`` / ``AT_END``; ``LITERAL`` and ``NOT_LITERAL`` (a code point);
  ``ANY``; ``IN`` (a list of ``NEGATE``, ``LITERAL``, ``RANGE (lo, hi)`` and
  ``CATEGORY CATEGORY_DIGIT`` items); ``SUBPATTERN (group, add_flags, del_flags, items)``;
  ``BRANCH (None, [items, ...])``; ``MAX_REPEAT (min, max, items)`` with ``MAXREPEAT`` as the
  unbounded maximum.

When those do not hold (another Python version, another implementation) nothing is expanded:
every format keeps its regex, which is slower but gives the same answers. Anything the expander
does not model raises ``Unsupported`` and that one format keeps its regex.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from parceltrail.numbers.checksums import ALPHANUMERIC
from parceltrail.numbers.formats import OPERATOR, Format

try:
    import re._constants as _c  # type: ignore[import-not-found]
    import re._parser as _parser  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - other Python versions: every format keeps its regex
    _parser = _c = None  # type: ignore[assignment]

ALNUM = frozenset(ALPHANUMERIC)
DIGITS = frozenset("0123456789")
LETTERS = ALNUM - DIGITS
MAX_ALTERNATIVES = 64
MAX_WIDTH = 64


class Unsupported(Exception):
    """The pattern uses something the expander does not model; the format keeps its regex."""


@dataclass(frozen=True)
class Alternative:
    """One fixed-width way a pattern can match: a character set per position and group spans."""

    sets: tuple[frozenset[str], ...]
    groups: Mapping[int, tuple[int, int]]


Alt = tuple[tuple[frozenset[str], ...], dict[int, tuple[int, int]]]


def _charset(op: Any, av: Any) -> frozenset[str]:
    name = str(op)
    if name == "LITERAL":
        return frozenset({chr(av)}) & ALNUM
    if name == "NOT_LITERAL":
        return ALNUM - {chr(av)}
    if name == "ANY":
        return ALNUM
    if name == "IN":
        chars: set[str] = set()
        negate = False
        for sub_op, sub_av in av:
            sub = str(sub_op)
            if sub == "NEGATE":
                negate = True
            elif sub == "LITERAL":
                chars.add(chr(sub_av))
            elif sub == "RANGE":
                chars.update(chr(c) for c in range(sub_av[0], sub_av[1] + 1))
            elif sub == "CATEGORY" and str(sub_av) == "CATEGORY_DIGIT":
                chars.update(DIGITS)
            else:
                raise Unsupported(f"set item {sub}")
        found = frozenset(chars) & ALNUM
        return ALNUM - found if negate else found
    raise Unsupported(name)


def _concat(left: list[Alt], right: list[Alt]) -> list[Alt]:
    out: list[Alt] = []
    for lsets, lgroups in left:  # the engine varies the leftmost choice slowest
        for rsets, rgroups in right:
            sets = lsets + rsets
            if len(sets) > MAX_WIDTH:
                continue
            shift = len(lsets)
            groups = dict(lgroups)
            groups.update({g: (s + shift, e + shift) for g, (s, e) in rgroups.items()})
            out.append((sets, groups))
    if len(out) > MAX_ALTERNATIVES:
        raise Unsupported("too many alternatives")
    return out


def _expand(items: Iterable[tuple[Any, Any]]) -> list[Alt]:
    alts: list[Alt] = [((), {})]
    for op, av in items:
        alts = _concat(alts, _expand_item(op, av))
    return alts


def _expand_item(op: Any, av: Any) -> list[Alt]:
    name = str(op)
    if name in ("LITERAL", "NOT_LITERAL", "ANY", "IN"):
        chars = _charset(op, av)
        return [((chars,), {})] if chars else []
    if name == "SUBPATTERN":
        group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise Unsupported("inline flags")
        alts = _expand(sub)
        if group is not None:
            alts = [(sets, {**groups, group: (0, len(sets))}) for sets, groups in alts]
        return alts
    if name == "BRANCH":
        return [alt for branch in av[1] for alt in _expand(branch)]
    if name == "MAX_REPEAT":
        low, high, sub = av
        if high == _c.MAXREPEAT or high > MAX_WIDTH:
            raise Unsupported("unbounded repeat")
        body = _expand(sub)
        if any(not sets for sets, _ in body):
            raise Unsupported("empty repeat body")
        if high > 1 and any(groups for _, groups in body):
            raise Unsupported("group inside a repeat")

        def repeat(done: int) -> list[Alt]:
            # Greedy: one more iteration (each body choice in order) before stopping.
            more = _concat(body, repeat(done + 1)) if done < high else []
            return more + ([((), {})] if done >= low else [])

        return repeat(0)
    raise Unsupported(name)


def expand(fmt: Format) -> list[Alternative]:
    """The fixed-width alternatives of ``fmt``'s pattern, in the order the regex engine tries them."""
    if RE_INTERNALS_PROBLEM is not None:  # pragma: no cover - see re_internals_problem()
        raise Unsupported(f"re internals unusable: {RE_INTERNALS_PROBLEM}")
    if fmt.regex.flags & ~re.UNICODE:
        raise Unsupported("flags")
    items = list(_parser.parse(fmt.regex.pattern))
    if len(items) < 2 or items[0] != (_c.AT, _c.AT_BEGINNING) or items[-1] != (_c.AT, _c.AT_END):
        raise Unsupported("pattern not anchored with ^...$")
    if any(str(op) == "AT" for op, _ in items[1:-1]):
        raise Unsupported("anchor inside")
    alts = [Alternative(sets, groups) for sets, groups in _expand(items[1:-1]) if sets]
    names = fmt.regex.groupindex
    for alt in alts:
        if fmt.algorithm is not None:
            if not fmt.payload or any(names.get(g) not in alt.groups for g in fmt.payload):
                raise Unsupported("payload group missing")
            check = alt.groups.get(names.get("check", -1))
            if check is None or check[1] - check[0] != 1:
                raise Unsupported("check must be one character")
        if fmt.carrier == OPERATOR and names.get("country") not in alt.groups:
            raise Unsupported("country group missing")
    return alts



def narrow(alts: list[Alternative], all_digits: bool) -> list[Alternative]:
    """The alternatives an all-digit number (or one with a letter) can match, sets narrowed to digits."""
    if not all_digits:
        return [a for a in alts if not all(s <= DIGITS for s in a.sets)]
    out = []
    for a in alts:
        sets = tuple(s & DIGITS for s in a.sets)
        if all(sets):
            out.append(Alternative(sets, a.groups))
    return out



def second_characters(fmt: Format, first: str) -> frozenset[str] | None:
    """What can follow ``first`` in a number of ``fmt`` (None: anything, or not worked out).

    For formats that keep their regex: expands only the pattern's leading items, enough to see
    two characters, so their regex runs only on numbers that can match.
    """
    if RE_INTERNALS_PROBLEM is not None:  # pragma: no cover - see re_internals_problem()
        return None
    try:
        items = list(_parser.parse(fmt.regex.pattern))
        if not items or items[0] != (_c.AT, _c.AT_BEGINNING):
            return None
        alts: list[Alt] = [((), {})]
        for op, av in items[1:]:
            if all(len(sets) >= 2 for sets, _ in alts):
                break
            alts = _concat(alts, _expand_item(op, av))
        else:
            return None
    except Unsupported:
        return None
    return frozenset(c for sets, _ in alts if first in sets[0] for c in sets[1])


def cached_expand(fmt: Format, cache: dict[Format, list[Alternative] | None]) -> list[Alternative] | None:
    if fmt not in cache:
        try:
            cache[fmt] = expand(fmt)
        except Unsupported:
            cache[fmt] = None
    return cache[fmt]


def disjoint(a: list[Alternative], b: list[Alternative]) -> bool:
    """No number fits both: every pair of alternatives has a position whose sets are disjoint."""
    return all(any(not (x & y) for x, y in zip(p.sets, q.sets, strict=True)) for p in a for q in b)



# --- the re internals this module depends on ----------------------------------------------------

# A pattern using every construct the expander models, and what it must expand to: the
# alternatives' widths and group spans in the engine's order (greedy counts longest first, branches
# left to right, an optional part present before absent).
_PROBE = r"^(?P<a>[A-C]{2})[0-9]{1,2}(?:X|YZ)[^AB]?(?P<check>\d)Q.$"
_PROBE_EXPECTED = [
    (width, {1: (0, 2), 2: (width - 3, width - 2)})
    for digits in (2, 1) for branch in (1, 2) for width in (2 + digits + branch + 4, 2 + digits + branch + 3)
]


def re_internals_problem() -> str | None:
    """Why ``re._parser`` cannot be used to expand patterns here, or None when it can.

    Checks the attributes and opcodes listed in the module docstring, then expands a probe
    pattern and compares the result with what it must be.
    """
    if _parser is None or _c is None:
        return "re._parser / re._constants cannot be imported"
    for name in ("AT", "AT_BEGINNING", "AT_END", "MAXREPEAT"):
        if not hasattr(_c, name):
            return f"re._constants has no {name}"
    if not callable(getattr(_parser, "parse", None)):
        return "re._parser.parse is missing"
    try:
        items = list(_parser.parse(_PROBE))
        ops = [str(op) for op, _ in items]
        if ops[0] != "AT" or items[0] != (_c.AT, _c.AT_BEGINNING) or items[-1] != (_c.AT, _c.AT_END):
            return f"anchors parse as {items[0]!r} ... {items[-1]!r}"
        expected_ops = ["AT", "SUBPATTERN", "MAX_REPEAT", "BRANCH", "MAX_REPEAT", "SUBPATTERN", "LITERAL",
                        "ANY", "AT"]
        if ops != expected_ops:
            return f"the probe parses to opcodes {ops}, expected {expected_ops}"
        alts = _expand(items[1:-1])
    except (Unsupported, TypeError, ValueError, AttributeError, IndexError) as exc:
        return f"expanding the probe pattern failed: {exc!r}"
    got = [(len(sets), groups) for sets, groups in alts]
    if got != _PROBE_EXPECTED:
        return f"the probe pattern expands to {got}, expected {_PROBE_EXPECTED}"
    first = alts[0][0]
    wanted = (frozenset("ABC"), frozenset("ABC"), DIGITS, DIGITS, frozenset("X"), ALNUM - {"A", "B"}, DIGITS,
              frozenset("Q"), ALNUM)
    if first != wanted:
        return f"the probe's first alternative has sets {first}, expected {wanted}"
    return None


#: None when patterns can be expanded; otherwise why not (and every format keeps its regex).
RE_INTERNALS_PROBLEM = re_internals_problem()
if RE_INTERNALS_PROBLEM is not None:  # pragma: no cover - depends on the Python version
    warnings.warn("parceltrail.numbers: tracking-number formats keep their regexes "
                  f"({RE_INTERNALS_PROBLEM})", RuntimeWarning, stacklevel=1)
