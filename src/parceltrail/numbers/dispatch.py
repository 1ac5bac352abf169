"""Compile the format regexes into one straight-line Python function per shape (length, first character).

detect() used to try each candidate format's regex in turn, then build the payload from the match's
groups and call the check function. Every pattern in formats/*.toml is anchored and, once expanded,
a short list of fixed-width alternatives (optional parts, ``{m,n}`` counts and ``a|b`` branches
multiplied out in the order the regex engine prefers them). On canonical input (``[0-9A-Z]+``,
which normalize() guarantees) each alternative reduces to a few position tests: literal prefixes,
``n[i:j].isdigit()`` runs, one character in a set. Group positions are then constants, so the check
digit is computed inline on slices of ``n.encode()`` with the weights folded in at generation time.

The generated function for a shape tests its formats in registry order and appends the same
``Candidate`` objects the regex path would. Formats the expander cannot handle (unbounded repeats,
for instance) keep the regex: their block calls ``regex.match`` and the reference step. The
reference implementation (``detect._detect_reference``) stays the specification; the tests
compare both on generated, mutated and random numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from parceltrail.numbers.checksums import ALPHANUMERIC, _expanded
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
    if _parser is None:  # pragma: no cover
        raise Unsupported("no re._parser")
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


# --- code generation ---------------------------------------------------------------------------

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

    ``d`` must hold ``n.isdigit()``. Position 0 is skipped (the shape's first character).
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
    if all(s <= DIGITS for s in sets):
        return " and ".join(["d", *tests])
    for kind, method, single in ((DIGITS, "isdigit", "n[{}] <= '9'"), (LETTERS, "isalpha", "n[{}] >= 'A'")):
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


_UPS_VALUE = {c: (i if i < 10 else (ord(c) - 3) % 10) for i, c in enumerate(ALPHANUMERIC)}
UPS_TABLE = bytes(
    c - 48 if 48 <= c <= 57 else (c - 3) % 10 if 65 <= c <= 90 else 0 for c in range(256)
)
LUHN_TABLE = bytes(
    (2 * (c - 48) if c < 53 else 2 * (c - 48) - 9) if 48 <= c <= 57 else 0 for c in range(256)
)


def _s10_table() -> tuple[int, ...]:
    # Index: (sum of weight * byte) % 11 over the 8 serial bytes; 48 * 44 = 2112 = 11 * 192.
    out = []
    for r in range(11):
        check = 11 - r % 11
        out.append(ord("0" if check == 10 else "5" if check == 11 else str(check)))
    return tuple(out)


S10_TABLE = _s10_table()
S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def _mod37_tables() -> tuple[tuple[int, ...], tuple[int, ...]]:
    """MOD 37,36 as a flat transition table: state p is stored as 128 * p, indexed by p + byte."""
    step = [0] * (128 * 37)
    for p in range(37):
        for c in range(128):
            ch = chr(c)
            if ch in ALPHANUMERIC:
                v = ALPHANUMERIC.index(ch)
                s = (p + v) % 36 or 36
                step[128 * p + c] = 128 * (s * 2 % 37)
    final = tuple(ord(ALPHANUMERIC[(37 - p) % 36]) for p in range(37) for _ in range(128))
    return tuple(step), final


MOD37_STEP, MOD37_FINAL = _mod37_tables()


class _Gen:
    def __init__(self, ns: _Namespace) -> None:
        self.ns = ns
        self.lines: list[str] = []
        self.uses_d = False
        self.can_fail = False

    def emit(self, indent: int, text: str) -> None:
        self.lines.append("    " * indent + text)

    def candidate(self, indent: int, checksum: str, reading: str, confidence: str) -> None:
        self.emit(indent, "c = _new(Candidate)")
        self.emit(indent, f'_set(c, "__dict__", {{"number": n, "checksum": "{checksum}", '
                          f'"confidence": {confidence}, "reading": {reading}}})')
        self.emit(indent, "found.append(c)")
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
            self.emit(indent + 1, f"rd = t[{svc}]")
            return "rd", "dynamic-guarded"
        self.emit(indent, f"rd = {table}[{svc}]")
        return "rd", "dynamic"

    tables: dict[Format, Any]

    def check_expr(self, indent: int, fmt: Format, alt: Alternative) -> str:
        """Emit set-up lines and return an expression true when the check character is right."""
        names = fmt.regex.groupindex
        start = alt.groups[names[fmt.payload[0]]][0]
        end = alt.groups[names[fmt.payload[-1]]][1]
        ck = alt.groups[names["check"]][0]
        digits = all(alt.sets[i] <= DIGITS for i in range(start, end))
        plain = self._inline(indent, fmt, "", start, end, ck, digits)
        if not fmt.prefix:
            if plain is None:
                return f"{self.ns.ref(fmt.compute, 'CK')}(n[{start}:{end}]) == n[{ck}]"
            return plain
        if fmt.prefix_unless is None:
            applies = "True"
        else:
            literal = re.fullmatch(r"\^([0-9A-Z]+)", fmt.prefix_unless.pattern)
            if literal:  # "^91" on the payload: a startswith test on n
                applies = f"not n.startswith({literal.group(1)!r}, {start}, {end})"
            else:
                applies = f"{self.ns.ref(fmt.prefix_unless.search, 'UN')}(n[{start}:{end}]) is None"
        prefixed = self._inline(indent, fmt, fmt.prefix, start, end, ck, digits)
        if plain is None or prefixed is None:
            self.emit(indent, f"p = n[{start}:{end}]")
            self.emit(indent, f"if {applies}:")
            self.emit(indent + 1, f"p = {fmt.prefix!r} + p")
            return f"{self.ns.ref(fmt.compute, 'CK')}(p) == n[{ck}]"
        return f"(({prefixed}) if {applies} else ({plain}))"

    def _inline(self, indent: int, fmt: Format, prefix: str, start: int, end: int, ck: int,
                digits: bool) -> str | None:
        """The check test written out for payload ``prefix + n[start:end]``, or None if not modelled.

        Matches ``fmt.compute`` (checksums.compile_check) on canonical input; ``b`` is ``n.encode()``.
        """
        algorithm, params = fmt.algorithm, fmt.params
        width = len(prefix) + end - start
        ups = algorithm in ("mod10", "weighted") and params.get("letters") == "ups"
        if ups:
            if not all(ch in _UPS_VALUE for ch in prefix):
                return None
        elif not digits or not (prefix == "" or (prefix.isascii() and prefix.isdigit())):
            return None  # a letter in the payload: compute() returns None, keep the call
        if algorithm in ("mod10", "weighted"):
            weights = _expanded(tuple(params.get("weights", (3, 1))), width, bool(params.get("from_right")))
            const = sum(weights[i] * (_UPS_VALUE[ch] if ups else int(ch)) for i, ch in enumerate(prefix))
            if ups:  # letters count as (code - 3) % 10: sum a translated copy of the payload
                self.emit(indent, f"x = b[{start}:{end}].translate(UPS_TABLE)")
                terms, _ = _sum_terms("x", [(j, weights[len(prefix) + j]) for j in range(end - start)])
            else:
                terms, weight_sum = _sum_terms("b", [(start + j, weights[len(prefix) + j])
                                                     for j in range(end - start)])
                const -= 48 * weight_sum  # bytes hold 48 + digit
            total = " + ".join([*terms, str(const)])
            if algorithm == "mod10":
                return f"-({total} + {int(params.get('offset', 0))}) % 10 == b[{ck}] - 48"
            modulo, modulo2 = int(params.get("modulo", 11)), int(params.get("modulo2", 10))
            if not (1 <= modulo2 <= 10 and modulo >= 1):
                return None
            return f"({total}) % {modulo} % {modulo2} == b[{ck}] - 48"
        if algorithm == "mod7":
            number = f"{prefix!r} + n[{start}:{end}]" if prefix else f"n[{start}:{end}]"
            return f"int({number}) % 7 == b[{ck}] - 48"
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
            total = " + ".join([*plain_terms, *doubled_terms, str(const - 48 * weight_sum)])
            return f"-({total}) % 10 == b[{ck}] - 48"
        if algorithm == "s10" and not prefix:
            if end - start != 8:
                return None
            terms = " + ".join(f"{w} * b[{start + i}]" for i, w in enumerate(S10_WEIGHTS))
            return f"S10_TABLE[({terms}) % 11] == b[{ck}]"
        if algorithm == "mod37_36" and not prefix:
            expr = str(128 * 36)  # the initial state
            for i in range(start, end):
                expr = f"MOD37_STEP[{expr} + b[{i}]]"
            return f"MOD37_FINAL[{expr}] == b[{ck}]"
        return None


def _alternatives(fmt: Format, cache: dict[Format, list[Alternative] | None]) -> list[Alternative] | None:
    if fmt not in cache:
        try:
            cache[fmt] = expand(fmt)
        except Unsupported:
            cache[fmt] = None
    return cache[fmt]


def generate(
    length: int,
    first: str,
    formats: Iterable[Format],
    statics: Mapping[Format, Any],
    tables: Mapping[Format, Any],
    slow_steps: Mapping[Format, Callable[..., Any]],
    alternatives: dict[Format, list[Alternative] | None],
    base: dict[str, Any],
) -> Callable[[str], list[Any]]:
    """The detect function for numbers of ``length`` characters starting with ``first``."""
    ns = _Namespace(base)
    gen = _Gen(ns)
    gen.tables = dict(tables)
    body_start = len(gen.lines)
    blocks = 0
    for fmt in formats:
        alts = _alternatives(fmt, alternatives)
        if alts is None:  # regex fallback: the reference step appends (or not) and says if it failed
            step = ns.ref(slow_steps[fmt], "SLOW")
            gen.emit(1, f"if {step}(n, found):")
            gen.emit(2, "failed = True")
            gen.can_fail = True
            blocks += 1
            continue
        mine = [a for a in alts if len(a.sets) == length and first in a.sets[0]]
        if not mine:
            continue
        blocks += 1
        for k, alt in enumerate(mine):
            cond = condition(alt.sets)
            gen.uses_d |= cond.startswith("d")
            gen.emit(1, f"{'if' if k == 0 else 'elif'} {cond}:")
            rd, kind = gen.reading(2, fmt, alt, statics.get(fmt))
            indent = 3 if kind == "dynamic-guarded" else 2
            if kind == "static":
                conf = {r: ns.ref(statics[fmt].confidences[r], "CF") for r in ("passed", "failed", "none")}
            else:
                conf = {r: f'{rd}.confidences["{r}"]' for r in ("passed", "failed", "none")}
            if fmt.algorithm is None:
                gen.candidate(indent, "none", rd, conf["none"])
            else:
                gen.emit(indent, "b = n.encode()")
                test = gen.check_expr(indent, fmt, alt)
                gen.emit(indent, f"if {test}:")
                gen.candidate(indent + 1, "passed", rd, conf["passed"])
                gen.emit(indent, "else:")
                gen.candidate(indent + 1, "failed", rd, conf["failed"])
    head = ["def shape(n):", "    found = []"]
    if gen.uses_d:
        head.append("    d = n.isdigit()")
    if gen.can_fail:
        head.append("    failed = False")
    tail = []
    if blocks > 1:
        tail.append("    if len(found) > 1:")
        tail.append(f"        return _finish(found, {'failed' if gen.can_fail else 'False'})")
    tail.append("    return found")
    source = "\n".join(head + gen.lines[body_start:] + tail) + "\n"
    namespace = dict(ns.names)
    namespace.update(UPS_TABLE=UPS_TABLE, LUHN_TABLE=LUHN_TABLE, S10_TABLE=S10_TABLE,
                     MOD37_STEP=MOD37_STEP, MOD37_FINAL=MOD37_FINAL)
    code = compile(source, f"<parceltrail.numbers shape {length}/{first}>", "exec")
    exec(code, namespace)  # noqa: S102 - source generated above from the packaged formats
    fn = namespace["shape"]
    fn.source = source  # type: ignore[attr-defined]  # for debugging and the tests
    return fn
