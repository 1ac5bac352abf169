"""The two checks every list of our own carrier sentences gets: read from the text alone, and read by
the rules of the language when it is given."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from parceltrail.status import classify
from parceltrail.status.normalize import reader_of


def assert_read_alone(lang: str, text: str, expected: str) -> None:
    """Placed on `expected` with no language and no carrier given."""
    result = classify(text)
    assert result.classified, (lang, text)
    assert str(result.subtag) == expected, (lang, text, result.rule)


def assert_read_by_rules(lang: str, text: str, expected: str) -> None:
    """Placed on `expected` by a rule of `lang` when the language is given (not by the model); a language
    without rules of its own by the rules that read it (Slovak by the Czech ones, `reader_of`)."""
    result = classify(text, lang=lang)
    assert str(result.subtag) == expected, (lang, text, result.rule)
    assert result.rule.startswith(f"text:{reader_of(lang)}:"), (text, result.rule)


Cases = Sequence[tuple[str, str, str]]


def read_alone_check(cases: Cases) -> Callable[[str, str, str], None]:
    """A test, one case per (lang, text, expected), that `assert_read_alone` holds; bind it to a `test_`
    name in the module so pytest collects it."""

    @pytest.mark.parametrize(("lang", "text", "expected"), list(cases))
    def check(lang: str, text: str, expected: str) -> None:
        assert_read_alone(lang, text, expected)

    return check


def read_by_rules_check(cases: Cases) -> Callable[[str, str, str], None]:
    """A test, one case per (lang, text, expected), that `assert_read_by_rules` holds (see above)."""

    @pytest.mark.parametrize(("lang", "text", "expected"), list(cases))
    def check(lang: str, text: str, expected: str) -> None:
        assert_read_by_rules(lang, text, expected)

    return check
