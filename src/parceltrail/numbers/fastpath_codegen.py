"""Generate one straight-line Python detect function per shape (length, first character).

How it works. detect() could try each candidate format's regex in turn, then build the payload from
the match's groups and call the check function; that is the reference path
(``detect._detect_reference``) and it stays the specification. pattern_expansion.py turns each
format's regex into fixed-width alternatives. On canonical input (``[0-9A-Z]+``, which normalize()
guarantees) each alternative reduces to a few position tests: literal prefixes, ``n[i:j].isdigit()``
runs, one character in a set. Group positions are then constants, so the check digit is computed
inline on slices of ``n.encode()`` with the weights folded in here, at generation time (tables in
checkdigit_tables.py). The function for a shape tests its formats in registry order (or best-first
when every rank is known) and returns the same ``Candidate`` objects, ranked the same way, as the
reference path. Formats the expander cannot handle keep their regex: their block calls
``regex.match`` and the reference step.

Adding or changing a format. Edit the TOML in formats/ only; nothing here names a carrier. Then run
tests/numbers: test_numbers_fastpath.py compares this generated path with the reference path on
numbers generated from every format's regex, their mutations and random strings, and lists which
formats are allowed to keep their regex; test_numbers_conformance.py checks the published test
numbers. If a new format uses a regex construct or check algorithm not modelled here it silently
keeps the regex or the checksums.py function (correct, slower); to model it, extend
pattern_expansion.py (constructs) or ``_Gen._inline`` (algorithms), which must agree with
``Format.compute`` on canonical input. ``shape.source`` holds each generated function's text.

What guards it. The generated source only ever comes from the packaged format data (never from
input), is compiled with ``compile``/``exec`` once per shape, and the fast-path tests require
exact agreement with the reference path (candidates, order, confidences). If CPython's private
parser changes, pattern_expansion.re_internals_problem() turns expansion off (every format keeps
its regex) and its test fails with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from parceltrail.numbers.checkdigit_tables import (
    LUHN_TABLE,
    S10_SPLIT,
    UPS_TABLE,
    UPS_VALUE,
    mod37_tables,
    s10_tables,
)
from parceltrail.numbers.checksums import _expanded
from parceltrail.numbers.formats import OPERATOR, Format
from parceltrail.numbers.pattern_expansion import (
    ALNUM,
    DIGITS,
    LETTERS,
    Alternative,
    cached_expand,
    disjoint,
    narrow,
    second_characters,
)


def _runs(positions: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for p in positions:
        if runs and runs[-1][1] == p:
            runs[-1] = (runs[-1][0], p + 1)
        else:
            runs.append((p, p + 1))
    return runs


def _set_test(i: int, chars: frozenset[str]) -> str:
    ordered = sorted(chars)
    lo, hi = ordered[0], ordered[-1]
    if len(ordered) == ord(hi) - ord(lo) + 1:  # a contiguous range
        return f"{lo!r} <= n[{i}] <= {hi!r}"
    return f"n[{i}] in {''.join(ordered)!r}"


def condition(sets: tuple[frozenset[str], ...], start: int = 1) -> str:
    """A Python expression true exactly when canonical ``n`` (of this length) fits ``sets``.

    Position 0 is skipped (the shape's first character). When every set is within the digits
    the shape is one for all-digit numbers (see ``narrow``): digit positions need no test.
    """
    tests: list[str] = []
    literal = [i for i in range(start, len(sets)) if len(sets[i]) == 1]
    for a, b in _runs(literal):
        text = "".join(next(iter(sets[i])) for i in range(a, b))
        tests.append(f"n[{a}] == {text!r}" if b - a == 1 else f"n[{a}:{b}] == {text!r}")
    # Narrower sets get their own test (which implies digit or letter); the rest are classes.
    for i in range(start, len(sets)):
        if len(sets[i]) > 1 and sets[i] not in (ALNUM, DIGITS, LETTERS):
            tests.append(_set_test(i, sets[i]))
    if not all(s <= DIGITS for s in sets):
        classes = ((DIGITS, "isdigit", "n[{}] <= '9'"), (LETTERS, "isalpha", "n[{}] >= 'A'"))
        for kind, method, single in classes:
            for a, b in _runs([i for i in range(start, len(sets)) if sets[i] == kind]):
                tests.append(single.format(a) if b - a == 1 else f"n[{a}:{b}].{method}()")
    return " and ".join(tests) or "True"



class _Namespace:
    """Constants the generated code refers to by name."""

    def __init__(self, base: dict[str, Any]) -> None:
        self.names: dict[str, Any] = dict(base)
        self._ids: dict[int, str] = {}

    def ref(self, value: Any, hint: str) -> str:
        key = id(value)
        name = self._ids.get(key)
        if name is None:
            name = f"{hint}{len(self.names)}"
            self.names[name] = value
            self._ids[key] = name
        return name


def _progressions(positions: list[int]) -> list[tuple[int, int, int]]:
    """Split sorted positions into (start, stop, step) runs, as few as a greedy pass finds."""
    runs: list[list[int]] = []
    for p in sorted(positions):
        last = runs[-1] if runs else None
        if last is not None and (len(last) == 1 or p - last[-1] == last[1] - last[0]):
            last.append(p)
        else:
            runs.append([p])
    return [(r[0], r[-1] + 1, r[1] - r[0] if len(r) > 1 else 1) for r in runs]


def _sum_terms(source: str, weighted: list[tuple[int, int]], wrap: str = "") -> tuple[list[str], int]:
    """Python terms adding up weight * source[position]; also returns the sum of the weights.

    ``wrap`` names a bytes.translate table applied to each value first.
    """
    by_weight: dict[int, list[int]] = {}
    for pos, w in weighted:
        if w:
            by_weight.setdefault(w, []).append(pos)
    terms: list[str] = []
    for w, positions in by_weight.items():
        for a, stop, step in _progressions(positions):
            if stop - a == 1:
                expr = f"{wrap}[{source}[{a}]]" if wrap else f"{source}[{a}]"
            else:
                sl = f"{source}[{a}:{stop}{'' if step == 1 else f':{step}'}]"
                expr = f"sum({sl}.translate({wrap}))" if wrap else f"sum({sl})"
            terms.append(expr if w == 1 else f"{w} * {expr}")
    return terms, sum(w for _, w in weighted)



class _Gen:
    def __init__(self, ns: _Namespace) -> None:
        self.ns = ns
        self.lines: list[str] = []
        self.can_fail = False
        self.branchy = False
        self.exclusive = False
        self.static_order = False
        self.block = 0
        self.flag = ""
        self.check_is_digit = False

    def emit(self, indent: int, text: str) -> None:
        self.lines.append("    " * indent + text)

    def candidate(self, indent: int, checksum: str, reading: str, confidence: str) -> None:
        made = f'_tnew(Candidate, (n, "{checksum}", {confidence}, {reading}))'
        if self.exclusive:  # at most one format can match: its candidate is the answer
            self.emit(indent, f"return [{made}]")
            return
        if self.static_order:  # failed readings wait in f<k> for the end; see _emit
            if checksum == "failed":
                self.emit(indent, f"f{self.block} = {made}")
                return
            if self.flag:
                self.emit(indent, f"{self.flag} = True")
        self.emit(indent, f"found.append({made})")
        if checksum == "failed":
            self.emit(indent, "failed = True")
            self.can_fail = True

    def reading(self, indent: int, fmt: Format, alt: Alternative, static: Any) -> tuple[str, str]:
        """Emit code binding ``rd``; returns (reading expression, confidence expression prefix)."""
        if static is not None:
            return self.ns.ref(static, "R"), "static"
        names = fmt.regex.groupindex
        svc_span = alt.groups.get(names.get(fmt.service_group, -1)) if fmt.service_group else None
        svc = f"n[{svc_span[0]}:{svc_span[1]}]" if svc_span else "None"
        table = self.ns.ref(self.tables[fmt], "RT")
        if fmt.carrier == OPERATOR:
            cs, ce = alt.groups[names["country"]]
            self.emit(indent, f"t = {table}[n[{cs}:{ce}]]")
            self.emit(indent, "if t is not None:")
            self.emit(indent + 1, f"rd, cp, cf, cn = t[{svc}]")
            return "rd", "dynamic-guarded"
        self.emit(indent, f"rd, cp, cf, cn = {table}[{svc}]")
        return "rd", "dynamic"

    tables: dict[Format, Any]
    length: int

    def check_expr(self, indent: int, fmt: Format, alt: Alternative) -> str:
        """Emit set-up lines and return an expression true when the check character is right."""
        names = fmt.regex.groupindex
        start = alt.groups[names[fmt.payload[0]]][0]
        end = alt.groups[names[fmt.payload[-1]]][1]
        ck = alt.groups[names["check"]][0]
        digits = all(alt.sets[i] <= DIGITS for i in range(start, end))
        self.check_is_digit = alt.sets[ck] <= DIGITS
        plain = self._inline(indent, fmt, "", start, end, ck, digits)
        if not fmt.prefix:
            if plain is None:
                return f"{self.ns.ref(fmt.compute, 'CK')}(n[{start}:{end}]) == n[{ck}]"
            return _fill(*plain)
        if fmt.prefix_unless is None:
            applies = "True"
        else:
            literal = re.fullmatch(r"\^([0-9A-Z]+)", fmt.prefix_unless.pattern)
            if literal:  # "^91" on the payload: a startswith test on n
                applies = f"not n.startswith({literal.group(1)!r}, {start}, {end})"
            else:
                applies = f"{self.ns.ref(fmt.prefix_unless.search, 'UN')}(n[{start}:{end}]) is None"
        prefixed = self._inline(indent, fmt, fmt.prefix, start, end, ck, digits)
        self.branchy = True  # sums inside a branch: not shared with other formats
        if plain is None or prefixed is None:
            self.emit(indent, f"p = n[{start}:{end}]")
            self.emit(indent, f"if {applies}:")
            self.emit(indent + 1, f"p = {fmt.prefix!r} + p")
            return f"{self.ns.ref(fmt.compute, 'CK')}(p) == n[{ck}]"
        if plain[0] == prefixed[0] and plain[1] is not None and prefixed[1] is not None:
            # Same terms (weights counted from the right): only the constant depends on the prefix.
            self.branchy = False
            return plain[0].replace("@K", f"({prefixed[1]} if {applies} else {plain[1]})")
        return f"(({_fill(*prefixed)}) if {applies} else ({_fill(*plain)}))"

    def _lanes(self, start: int, end: int, weights: list[int], period: int, ups: bool,
               check: int | None = None) -> str | None:
        """A weighted digit sum as integer arithmetic on the whole payload at once.

        ``int.from_bytes`` reads the number base 256 (one digit per byte); taken modulo
        256**period - 1, byte j lands in lane j % period, so each lane holds the sum of the digits
        of one weight class (at most 28 digits of 9 per lane, so lanes cannot overflow).
        """
        length = self.length
        lane_weight: dict[int, int] = {}
        counts: dict[int, int] = {}
        for offset, w in enumerate(weights):
            # ups: j counts from the end of the translated slice (which then ends at the check).
            j = (end - start - 1 - offset + (check is not None)) if ups else (length - 1 - (start + offset))
            lane = j % period
            if lane_weight.setdefault(lane, w) != w:
                return None
            counts[lane] = counts.get(lane, 0) + 1
        positions = list(range(start, end))
        if check is not None:  # the check digit joins the sum with weight 1 (caller tests % 10 == 0)
            if ups and check != end:
                return None
            j = 0 if ups else length - 1 - check
            if lane_weight.setdefault(j % period, 1) != 1:
                return None
            counts[j % period] = counts.get(j % period, 0) + 1
            positions.append(check)
            if ups:
                end += 1
        if not counts or max(counts.values()) > 28:
            return None
        modulus = 256**period - 1
        if ups:  # bytes hold the digit values already
            value = f'int.from_bytes(b[{start}:{end}].translate(UPS_TABLE), "big") % {modulus}'
        else:  # subtract 48 from every byte (no borrows: every byte is >= 48), keep the payload's
            digits = f'(int.from_bytes(b, "big") - {sum(48 << 8 * j for j in range(length))})'
            mask = sum(0xFF << 8 * (length - 1 - i) for i in positions)
            value = f"({digits} & {mask}) % {modulus}" if len(positions) < length else f"{digits} % {modulus}"
        terms = []
        for lane in range(period):
            w = lane_weight.get(lane, 0)
            if not w:
                continue
            ref = "r" if terms else f"(r := {value})"
            part = ref if period == 1 else (
                f"({ref} & 255)" if lane == 0 else
                f"({ref} >> {8 * lane})" if lane == period - 1 else f"({ref} >> {8 * lane} & 255)")
            terms.append(part if w == 1 else f"{w} * {part}")
        return " + ".join(terms) if terms else None

    def _inline(self, indent: int, fmt: Format, prefix: str, start: int, end: int, ck: int,
                digits: bool) -> tuple[str, int | None] | None:
        """The check test written out for payload ``prefix + n[start:end]``, or None if not modelled.

        Returns the expression and the integer its ``@K`` stands for (None: no ``@K``).

        Matches ``fmt.compute`` (checksums.compile_check) on canonical input; ``b`` is ``n.encode()``.
        """
        algorithm, params = fmt.algorithm, fmt.params
        width = len(prefix) + end - start
        ups = algorithm in ("mod10", "weighted") and params.get("letters") == "ups"
        if ups:
            if not all(ch in UPS_VALUE for ch in prefix):
                return None
        elif not digits or not (prefix == "" or (prefix.isascii() and prefix.isdigit())):
            return None  # a letter in the payload: compute() returns None, keep the call
        if algorithm in ("mod10", "weighted"):
            weights = _expanded(tuple(params.get("weights", (3, 1))), width, bool(params.get("from_right")))
            const = sum(weights[i] * (UPS_VALUE[ch] if ups else int(ch)) for i, ch in enumerate(prefix))
            lane_weights = [weights[len(prefix) + j] for j in range(end - start)]
            period = len(params.get("weights", (3, 1)))
            if algorithm == "mod10" and self.check_is_digit:
                with_check = self._lanes(start, end, lane_weights, period, ups, check=ck)
                if with_check is not None:  # -(T + K) % 10 == d  <=>  (T + K + d) % 10 == 0
                    const += int(params.get("offset", 0))
                    return f"({with_check} + @K) % 10 == 0", const
            lanes = self._lanes(start, end, lane_weights, period, ups)
            if lanes is not None:
                terms = [lanes]
            elif ups:  # letters count as (code - 3) % 10: sum a translated copy of the payload
                self.emit(indent, f"x = b[{start}:{end}].translate(UPS_TABLE)")
                terms, _ = _sum_terms("x", [(j, weights[len(prefix) + j]) for j in range(end - start)])
            else:
                terms, weight_sum = _sum_terms("b", [(start + j, weights[len(prefix) + j])
                                                     for j in range(end - start)])
                const -= 48 * weight_sum  # bytes hold 48 + digit
            if algorithm == "mod10":
                const += int(params.get("offset", 0))
                return f"-({' + '.join(terms)} + @K) % 10 == b[{ck}] - 48", const
            modulo, modulo2 = int(params.get("modulo", 11)), int(params.get("modulo2", 10))
            if not (1 <= modulo2 <= 10 and modulo >= 1):
                return None
            return f"({' + '.join(terms)} + @K) % {modulo} % {modulo2} == b[{ck}] - 48", const
        if algorithm == "mod7":
            number = f"{prefix!r} + n[{start}:{end}]" if prefix else f"n[{start}:{end}]"
            return f"int({number}) % 7 == b[{ck}] - 48", None
        if algorithm == "luhn":
            const, plain, doubled = 0, [], []
            for v in range(width):  # every second digit doubled, counting leftwards from the check
                double = (width - 1 - v) % 2 == 0
                if v < len(prefix):
                    d = int(prefix[v])
                    const += (d * 2 - 9 if d > 4 else d * 2) if double else d
                else:
                    (doubled if double else plain).append((start + v - len(prefix), 1))
            plain_terms, weight_sum = _sum_terms("b", plain)
            doubled_terms, _ = _sum_terms("b", doubled, wrap="LUHN_TABLE")
            return f"-({' + '.join([*plain_terms, *doubled_terms])} + @K) % 10 == b[{ck}] - 48", \
                const - 48 * weight_sum
        if algorithm == "s10" and not prefix:
            if end - start != 8:
                return None
            # Weighted sums of the serial's three chunks come from tables keyed by the digits.
            terms = " + ".join(f"S10_CHUNK{k}[n[{start + a}:{start + b}]]"
                               for k, (a, b) in enumerate(S10_SPLIT))
            return f"S10_TABLE[({terms}) % 11] == b[{ck}]", None
        if algorithm == "mod37_36" and not prefix:
            expr, i = "36000", start  # the initial state, p = 36
            while i < end:
                k = min(3, end - i)
                expr = f"MOD37_STEP{k}[{expr} + MOD37_CHUNK[n[{i}:{i + k}]]]"
                i += k
            return f"MOD37_FINAL[{expr}] == b[{ck}]", None
        return None


def _fill(expr: str, const: int | None) -> str:
    if const is None:
        return expr
    return expr.replace(" + @K", "") if const == 0 else expr.replace("@K", str(const))



_TERM = re.compile(  # sub-expressions worth sharing between formats
    r"sum\(b\[[0-9:]+\](?:\.translate\(LUHN_TABLE\))?\)|\(int\.from_bytes\(b, \"big\"\) - [0-9]+\)")


def generate(
    length: int,
    first: str,
    formats: Iterable[Format],
    statics: Mapping[Format, Any],
    tables: Mapping[Format, Any],
    slow_steps: Mapping[Format, Callable[..., Any]],
    alternatives: dict[Format, list[Alternative] | None],
    base: dict[str, Any],
    all_digits: bool,
) -> Callable[[str], list[Any]] | None:
    """The detect function for numbers of ``length`` characters starting with ``first``.

    ``all_digits``: for numbers made of digits only, or else for numbers with a letter.

    None when no format can match such a number. The function returns the candidates ranked
    exactly as detect._finish ranks the regex path's list.
    """
    blocks: list[tuple[int, Format, list[Alternative] | None]] = []
    seconds: dict[Format, frozenset[str] | None] = {}
    for index, fmt in enumerate(formats):
        alts = cached_expand(fmt, alternatives)
        mine = None if alts is None else narrow(
            [a for a in alts if len(a.sets) == length and first in a.sets[0]], all_digits)
        if mine is None:
            seconds[fmt] = second_characters(fmt, first) if length > 1 else None
            if seconds[fmt] is not None and not seconds[fmt]:
                continue  # its regex cannot match a number starting with ``first``
        if mine is None or mine:
            blocks.append((index, fmt, mine))
    if not blocks:
        return None
    ctx = _Context(length, first, statics, tables, slow_steps, base, seconds)
    return _emit(blocks, ctx, all_digits, start=1)


@dataclass
class _Context:
    length: int
    first: str
    statics: Mapping[Format, Any]
    tables: Mapping[Format, Any]
    slow_steps: Mapping[Format, Callable[..., Any]]
    base: dict[str, Any]
    seconds: Mapping[Format, frozenset[str] | None]  # for regex fallbacks: possible n[1]


def _none(number: str) -> list[Any]:
    return []


def _split(blocks: list[tuple[int, Format, list[Alternative] | None]], ctx: _Context,
           all_digits: bool) -> Callable[[str], list[Any]] | None:
    """Dispatch on the second character when that leaves each branch fewer formats to test.

    Characters are grouped by the alternatives that accept them; each group gets its own function
    in which position 1 needs no test. None when the split would not help.
    """
    groups: dict[tuple[tuple[int, int], ...], list[str]] = {}
    for c in sorted(DIGITS if all_digits else ALNUM):
        signature = tuple(
            (b, a) for b, (_, _, alts) in enumerate(blocks) if alts is not None
            for a, alt in enumerate(alts) if c in alt.sets[1]
        )
        groups.setdefault(signature, []).append(c)
    fallback = [b for b, (_, fmt, alts) in enumerate(blocks) if alts is None]

    def keeps(b: int, chars: list[str]) -> bool:  # a regex fallback, in a branch for these chars
        allowed = ctx.seconds.get(blocks[b][1])
        return allowed is None or not allowed.isdisjoint(chars)

    sizes = [len({b for b, _ in sig} | {b for b in fallback if keeps(b, chars)})
             for sig, chars in groups.items()]
    if len(groups) < 2 or max(sizes) >= len(blocks):
        return None
    table: dict[str, Callable[[str], list[Any]]] = {}
    for signature, chars in groups.items():
        chosen: dict[int, list[Alternative]] = {}
        for b, a in signature:
            alt = blocks[b][2][a]  # type: ignore[index]
            chosen.setdefault(b, []).append(
                Alternative(alt.sets[:1] + (alt.sets[1] & frozenset(chars),) + alt.sets[2:], alt.groups))
        sub = [(index, fmt, chosen[b] if alts is not None else None)
               for b, (index, fmt, alts) in enumerate(blocks)
               if (alts is None and keeps(b, chars)) or b in chosen]
        fn = _emit(sub, ctx, all_digits, start=2) if sub else _none
        table.update(dict.fromkeys(chars, fn))
    ns = _Namespace(ctx.base)
    source = f"def shape(n):\n    return {ns.ref(table, 'SECOND')}[n[1]](n)\n"
    return _compile(source, ns, ctx.length, ctx.first)


def _emit(blocks: list[tuple[int, Format, list[Alternative] | None]], ctx: _Context, all_digits: bool,
          start: int) -> Callable[[str], list[Any]]:
    length, statics, tables, slow_steps, base = ctx.length, ctx.statics, ctx.tables, ctx.slow_steps, ctx.base

    # With only static readings the rank of every candidate is known here: evaluate the formats
    # best first, passing (or unchecked) readings into ``found`` and failed ones into ``bad``,
    # and no sort is needed. Otherwise keep registry order and let _finish rank at run time.
    def good(block: tuple[int, Format, Any]) -> tuple[float, int]:
        fmt = block[1]
        return -statics[fmt].confidences["passed" if fmt.algorithm else "none"], block[0]

    def bad(block: tuple[int, Format, Any]) -> tuple[float, int]:
        return -statics[block[1]].confidences["failed"], block[0]

    static_order = all(alts is not None and fmt in statics for _, fmt, alts in blocks)
    if static_order:
        ordered = sorted(blocks, key=good)
        checked = [b for b in ordered if b[1].algorithm]
        static_order = checked == sorted(checked, key=bad)
        if static_order:
            blocks = ordered
    exclusive = all(
        a is not None and b is not None and disjoint(a, b)
        for i, (_, _, a) in enumerate(blocks) for (_, _, b) in blocks[i + 1 :]
    )

    exclusive = exclusive and len(blocks) > 1 or (len(blocks) == 1 and blocks[0][2] is not None)
    if not exclusive and start == 1 and length > 1:
        split = _split(blocks, ctx, all_digits)
        if split is not None:
            return split
    ns = _Namespace(base)
    gen = _Gen(ns)
    gen.tables = dict(tables)
    gen.length = length
    gen.exclusive, gen.static_order = exclusive, static_order and not exclusive
    first_conds = [condition(alts[0].sets, start) for _, _, alts in blocks if alts is not None]
    shared_conds = {c: f"m{k}" for k, c in enumerate(sorted({c for c in first_conds
                                                               if first_conds.count(c) > 1 and c != "True"}))}
    seen_conds: set[str] = set()
    uses_b = False
    # (first condition, lines, term-CSE eligible, one alternative) per block, for the second pass.
    emitted: list[tuple[str, list[str], bool, bool]] = []
    # Static order: a failed reading is dropped only when its carrier also has a passing (or
    # unchecked) one, so carriers with a checked format and another one get a flag g<k>.
    carriers = [statics[fmt].carrier if fmt in statics else None for _, fmt, _ in blocks]
    flagged = sorted({c for c, (_, fmt, _) in zip(carriers, blocks, strict=True)
                      if fmt.algorithm and carriers.count(c) > 1}) if gen.static_order else []
    flags = {c: f"g{k}" for k, c in enumerate(flagged)}
    for number, (_, fmt, alts) in enumerate(blocks):
        gen.lines = []
        gen.block, gen.flag = number, flags.get(carriers[number], "")
        if alts is None:  # regex fallback: the reference step appends (or not) and says if it failed
            allowed = ctx.seconds.get(fmt)
            test = "" if not allowed else f"n[1] == {next(iter(allowed))!r} and " if len(allowed) == 1 \
                else f"n[1] in {''.join(sorted(allowed))!r} and "
            gen.emit(1, f"if {test}{ns.ref(fmt.regex.match, 'MATCH')}(n) is not None "
                        f"and {ns.ref(slow_steps[fmt], 'SLOW')}(n, found):")
            gen.emit(2, "failed = True")
            gen.can_fail = True
            emitted.append(("", gen.lines, False, False))
            continue
        eligible = len(alts) == 1
        group = ""
        for k, alt in enumerate(alts):
            cond = condition(alt.sets, start)
            if k == 0:
                group = cond
                if cond in shared_conds:
                    var = shared_conds[cond]
                    cond = var if cond in seen_conds else f"({var} := {cond})"
                    seen_conds.add(group)
            gen.emit(1, f"{'if' if k == 0 else 'elif'} {cond}:")
            rd, kind = gen.reading(2, fmt, alt, statics.get(fmt))
            indent = 3 if kind == "dynamic-guarded" else 2
            eligible &= kind != "dynamic-guarded"
            if kind == "static":
                conf = {r: ns.ref(statics[fmt].confidences[r], "CF") for r in ("passed", "failed", "none")}
            else:
                conf = {"passed": "cp", "failed": "cf", "none": "cn"}  # bound with rd
            if fmt.algorithm is None:
                gen.candidate(indent, "none", rd, conf["none"])
                continue
            uses_b = True
            gen.branchy = False
            before = len(gen.lines)  # check_expr may emit set-up lines; b must precede them
            test = gen.check_expr(indent, fmt, alt)
            eligible &= not gen.branchy
            if exclusive:
                gen.lines.insert(before, "    " * indent + "b = n.encode()")
            gen.emit(indent, f"if {test}:")
            gen.candidate(indent + 1, "passed", rd, conf["passed"])
            gen.emit(indent, "else:")
            gen.candidate(indent + 1, "failed", rd, conf["failed"])
        emitted.append((group, gen.lines, eligible, len(alts) == 1))

    # Check-digit sums shared by formats under the same condition are computed once: the first
    # format to need one (always evaluated when the condition holds) binds it with ":=".
    counts: dict[tuple[str, str], int] = {}
    for group, lines, eligible, _ in emitted:
        if eligible:
            for term in set(_TERM.findall("\n".join(lines))):
                counts[group, term] = counts.get((group, term), 0) + 1
    names: dict[tuple[str, str], str] = {}
    body: list[str] = []
    previous: tuple[str, bool] = ("", False)
    for group, lines, eligible, single in emitted:
        if eligible:
            text = "\n".join(lines)
            for term in dict.fromkeys(_TERM.findall(text)):
                key = (group, term)
                if counts[key] < 2:
                    continue
                if key in names:
                    text = text.replace(term, names[key])
                else:
                    names[key] = f"s{len(names)}"
                    text = text.replace(term, "\0", 1).replace(term, names[key])
                    text = text.replace("\0", f"({names[key]} := {term})")
            lines = text.split("\n")
        if single and previous == (group, True):
            lines = lines[1:]  # same condition as the block before: share its "if"
        previous = (group, single)
        body.extend(lines)

    head = ["def shape(n):"]
    if exclusive:
        source = "\n".join([*head, *body, "    return []"]) + "\n"
        return _compile(source, ns, length, ctx.first)
    head.append("    found = []")
    if uses_b:
        head.append("    b = n.encode()")
    tail = []
    if static_order:
        checked = [k for k, (_, fmt, _) in enumerate(blocks) if fmt.algorithm]
        if checked:
            head.append("    " + " = ".join(f"f{k}" for k in checked) + " = None")
        if flags:
            head.append("    " + " = ".join(flags.values()) + " = False")
        for k in checked:  # failed readings rank last, in this (already ranked) order
            flag = flags.get(carriers[k])
            tail += [f"    if f{k} is not None{f' and not {flag}' if flag else ''}:",
                     f"        found.append(f{k})"]
    else:
        if gen.can_fail:
            head.append("    failed = False")
        if len(blocks) > 1 and not exclusive:
            tail += ["    if len(found) > 1:",
                     f"        return _finish(found, {'failed' if gen.can_fail else 'False'})"]
    tail.append("    return found")
    source = "\n".join(head + body + tail) + "\n"
    return _compile(source, ns, length, ctx.first)


_CODE: dict[str, Any] = {}


def _compile(source: str, ns: _Namespace, length: int, first: str) -> Callable[[str], list[Any]]:
    namespace = dict(ns.names)
    namespace.update(UPS_TABLE=UPS_TABLE, LUHN_TABLE=LUHN_TABLE)
    if "S10_" in source:
        namespace.update(s10_tables())
    if "MOD37_" in source:
        namespace.update(mod37_tables())
    code = _CODE.get(source)
    if code is None:  # many shapes generate the same text (with their own constants bound)
        code = _CODE[source] = compile(source, f"<parceltrail.numbers shape {first}/{length}>", "exec")
    exec(code, namespace)  # noqa: S102 - source generated above from the packaged formats
    fn = namespace["shape"]
    fn.source = source  # type: ignore[attr-defined]  # for debugging and the tests
    return fn
