"""The two checks every list of our own carrier sentences gets: read from the text alone, and read by
the rules of the language when it is given."""

from __future__ import annotations

from parceltrail.status import classify


def assert_read_alone(lang: str, text: str, expected: str) -> None:
    """Placed on `expected` with no language and no carrier given."""
    result = classify(text)
    assert result.classified, (lang, text)
    assert str(result.subtag) == expected, (lang, text, result.rule)


def assert_read_by_rules(lang: str, text: str, expected: str) -> None:
    """Placed on `expected` by a rule of `lang` when the language is given (not by the model)."""
    result = classify(text, lang=lang)
    assert str(result.subtag) == expected, (lang, text, result.rule)
    assert result.rule.startswith(f"text:{lang}:"), (text, result.rule)
