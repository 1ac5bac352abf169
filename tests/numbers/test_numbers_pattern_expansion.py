"""The CPython-private ``re`` internals that pattern expansion reads must still be what it expects.

If one of these fails after a Python upgrade, detection still gives the right answers (every format
falls back to its regex) but is several times slower; pattern_expansion.py's docstring lists what
it relies on.
"""

from __future__ import annotations

import sys

import pytest

from parceltrail.numbers import pattern_expansion as pe
from parceltrail.numbers.formats import registry


def test_private_re_modules_import() -> None:
    try:
        import re._constants as constants  # type: ignore[import-not-found]  # noqa: F401
        import re._parser as parser  # type: ignore[import-not-found]
    except ImportError as exc:  # pragma: no cover - depends on the Python version
        pytest.fail(f"Python {sys.version.split()[0]} has no re._parser/re._constants ({exc}): "
                    "pattern_expansion.py cannot expand formats and detection falls back to regexes")
    assert callable(getattr(parser, "parse", None)), "re._parser.parse is gone"


@pytest.mark.parametrize("name", ["AT", "AT_BEGINNING", "AT_END", "MAXREPEAT"])
def test_constants_it_compares_against_exist(name: str) -> None:
    import re._constants as constants  # type: ignore[import-not-found]

    assert hasattr(constants, name), f"re._constants.{name} is gone: update pattern_expansion.py"


@pytest.mark.parametrize(("pattern", "expected"), [
    ("A", "[(LITERAL, 65)]"),
    ("[^A]", "[(NOT_LITERAL, 65)]"),
    (".", "[(ANY, None)]"),
    ("[A-C7]", "[(IN, [(RANGE, (65, 67)), (LITERAL, 55)])]"),
    ("[^AB]", "[(IN, [(NEGATE, None), (LITERAL, 65), (LITERAL, 66)])]"),
    (r"\d", "[(IN, [(CATEGORY, CATEGORY_DIGIT)])]"),
    ("(?P<x>A)", "[(SUBPATTERN, (1, 0, 0, [(LITERAL, 65)]))]"),
    ("(?:A|BC)", "[(BRANCH, (None, [[(LITERAL, 65)], [(LITERAL, 66), (LITERAL, 67)]]))]"),
    ("A{2,3}", "[(MAX_REPEAT, (2, 3, [(LITERAL, 65)]))]"),
    ("A*", "[(MAX_REPEAT, (0, MAXREPEAT, [(LITERAL, 65)]))]"),
    ("^A$", "[(AT, AT_BEGINNING), (LITERAL, 65), (AT, AT_END)]"),
])
def test_parse_tree_shapes(pattern: str, expected: str) -> None:
    import re._parser as parser  # type: ignore[import-not-found]

    got = str(list(parser.parse(pattern)))
    assert got == expected, (
        f"re._parser.parse({pattern!r}) now gives {got}, pattern_expansion.py expects {expected}: "
        "update _charset/_expand_item and the docstring, or formats fall back to their regexes")


def test_self_check_passes() -> None:
    assert pe.re_internals_problem() is None
    assert pe.RE_INTERNALS_PROBLEM is None, (
        f"pattern expansion is switched off ({pe.RE_INTERNALS_PROBLEM}): every tracking-number format "
        "runs its regex, several times slower")


def test_expansion_matches_the_regex_on_its_own_alternatives() -> None:
    """Each expanded alternative accepts exactly the strings the regex accepts at that width."""
    for fmt in registry().formats:
        try:
            alts = pe.expand(fmt)
        except pe.Unsupported:
            continue
        for alt in alts:
            sample = "".join(min(s) for s in alt.sets)
            m = fmt.regex.fullmatch(sample)
            assert m is not None, (fmt.id, sample)
            for name, index in fmt.regex.groupindex.items():
                if index in alt.groups and m.span(name) != alt.groups[index]:
                    # another alternative earlier in the engine's order matched first
                    assert any(a is not alt and len(a.sets) == len(alt.sets)
                               and all(c in s for c, s in zip(sample, a.sets, strict=True))
                               for a in alts[: alts.index(alt)]), (fmt.id, sample, name)


@pytest.mark.parametrize("pattern", [r"^A+$", r"^(?i:A)$", r"^A\b$", r"^(A)\1$"])
def test_unmodelled_constructs_are_refused(pattern: str) -> None:
    import re._parser as parser  # type: ignore[import-not-found]

    with pytest.raises(pe.Unsupported):
        pe._expand(list(parser.parse(pattern))[1:-1])


def test_self_check_notices_a_changed_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    import re._parser as parser  # type: ignore[import-not-found]

    real = parser.parse

    def greedy_counts_last(pattern: str, *args: object) -> object:  # a parser that orders repeats differently
        tree = real(pattern, *args)
        for index, (op, av) in enumerate(tree):
            if str(op) == "MAX_REPEAT":
                tree[index] = (op, (av[1], av[0], av[2]))
        return tree

    monkeypatch.setattr(parser, "parse", greedy_counts_last)
    problem = pe.re_internals_problem()
    assert problem is not None and "probe" in problem
    monkeypatch.setattr(parser, "parse", lambda pattern, *args: [])
    assert pe.re_internals_problem() is not None
