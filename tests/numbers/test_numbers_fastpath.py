"""The compiled per-shape detect (fastpath_codegen.py) must agree exactly with the regex reference path."""

from __future__ import annotations

import copy
import pickle
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parceltrail.numbers import Candidate, InvalidNumberError, detect, issue_s10, precompile, sandbox_number
from parceltrail.numbers.detect import _detect_reference, detect_normalized
from parceltrail.numbers.formats import OPERATOR, Format, registry
from parceltrail.numbers.pattern_expansion import Unsupported, expand

ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
FORMATS = list(registry().formats)


def _same(number: str) -> None:
    fast = detect(number)
    reference = _detect_reference(number)
    assert [tuple(c) for c in fast] == [tuple(c) for c in reference], number
    assert all(type(c) is Candidate for c in fast)


def _valid(fmt: Format, number: str) -> str:
    """``number`` with its check character made right (or unchanged when that is not possible)."""
    m = fmt.regex.fullmatch(number)
    if m is None or fmt.algorithm is None:
        return number
    if fmt.carrier == OPERATOR and m.group("country") not in registry().operators:
        return number
    expected = fmt.expected_check(m)
    if expected is None:
        return number
    lo, hi = m.span("check")
    return number[:lo] + expected + number[hi:]


def _variants(number: str, rng: random.Random) -> list[str]:
    out = [number]
    for _ in range(3):
        i = rng.randrange(len(number))
        out.append(number[:i] + rng.choice(ALNUM) + number[i + 1 :])  # substitution
        out.append(number[:i] + number[i + 1 :])  # deletion
        out.append(number[:i] + rng.choice(ALNUM) + number[i:])  # insertion
        if i + 1 < len(number):
            out.append(number[:i] + number[i + 1] + number[i] + number[i + 2 :])  # transposition
    return [v for v in out if 0 < len(v) <= 64]


@pytest.mark.parametrize("fmt", FORMATS, ids=[f.id for f in FORMATS])
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(data=st.data())
def test_agrees_with_reference_per_format(fmt: Format, data: st.DataObject) -> None:
    number = data.draw(st.from_regex(fmt.regex, fullmatch=True).filter(lambda s: s.isascii() and s.isalnum()))
    number = number.upper()
    if not 0 < len(number) <= 64:
        return
    rng = random.Random(data.draw(st.integers(0, 2**32)))
    for n in {*_variants(number, rng), *_variants(_valid(fmt, number), rng)}:
        _same(n)


def test_agrees_with_reference_on_mixed_numbers() -> None:
    rng = random.Random(11)
    countries = sorted(registry().operators)
    numbers = [issue_s10(rng.choice(countries), rng.choice("ECHRLUVMQ") + rng.choice(ALNUM[10:]),
                         rng.randrange(10**8)) for _ in range(400)]
    numbers += [sandbox_number(rng.randrange(100), rng.randrange(10**8)) for _ in range(100)]
    numbers += ["".join(rng.choices(ALNUM[:10], k=rng.randint(1, 40))) for _ in range(3000)]
    numbers += ["".join(rng.choices(ALNUM, k=rng.randint(1, 30))) for _ in range(2000)]
    numbers += [p + "".join(rng.choices(ALNUM[:10], k=rng.randint(6, 24)))
                for p in ("1Z", "9400", "9205", "9612", "92612", "420", "96", "JJD", "JD", "TBA", "LP", "CN",
                          "YT", "SF", "JT", "4PX", "AEWH", "GM", "LX", "GFUS", "CR", "DT", "SP", "1LS7", "3S",
                          "LTN", "C", "D", "L", "003404", "77", "80", "PTS") for _ in range(60)]
    for number in numbers:
        for n in _variants(number, rng):
            _same(n)


def test_precompile_and_agree() -> None:
    assert precompile() >= 0
    assert precompile() < 1.0  # second call: nothing left to compile
    rng = random.Random(5)
    for _ in range(3000):
        _same("".join(rng.choices(ALNUM if rng.random() < 0.5 else ALNUM[:10], k=rng.randint(1, 64))))


def test_every_format_but_the_open_ended_one_is_compiled() -> None:
    kept = []
    for fmt in FORMATS:
        try:
            expand(fmt)
        except Unsupported:
            kept.append(fmt.id)
    assert kept == ["dhl-ecommerce"]  # "[0-9A-Z]*[0-9][0-9A-Z]*" keeps its regex


@pytest.mark.parametrize("raw", ["1z 5r8-939.0357 567127", "ＹＴ２２２９５２１２７２１６４４４６",
                                 b"RB123456785GB", "rb123456785gb", "9400 1112 0108 0805 4830 16"])
def test_detect_normalizes_what_is_not_canonical(raw: str | bytes) -> None:
    from parceltrail.numbers import normalize

    assert detect(raw) == _detect_reference(normalize(raw))  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", ["", "A" * 65, "abc$def", b"\xff", None, 12345])
def test_detect_rejects_like_normalize(raw: object) -> None:
    with pytest.raises(InvalidNumberError):
        detect(raw)  # type: ignore[arg-type]


def test_detect_normalized_handles_any_string() -> None:
    for n in ["", "a1Z5R89390357567127", "1Z5R89390357567127", "X" * 80, "é123"]:
        assert list(detect_normalized(n)) == _detect_reference(n)


def test_candidate_behaves_like_the_frozen_dataclass() -> None:
    c = detect("1Z5R89390357567127")[0]
    same = Candidate(number=c.number, checksum=c.checksum, confidence=c.confidence, reading=c.reading)
    assert c == same and hash(c) == hash(same)
    assert not c != same  # noqa: SIM202 - __ne__ is defined separately
    assert c != tuple(c) and tuple(c) != c  # only equal to another Candidate
    assert repr(c).startswith("Candidate(number='1Z5R89390357567127', checksum='passed', confidence=")
    with pytest.raises(AttributeError):
        c.number = "X"  # type: ignore[misc]
    with pytest.raises(TypeError):
        _ = c < same  # type: ignore[operator]
    assert pickle.loads(pickle.dumps(c)) == c and copy.deepcopy(c) == c
    assert c.to_dict()["tracking_url"] == "https://www.ups.com/track?tracknum=1Z5R89390357567127"
