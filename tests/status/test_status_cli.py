"""The `parceltrail classify` command."""

from __future__ import annotations

import json
from collections.abc import Mapping

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from parceltrail.entrypoints.cli import common
from parceltrail.entrypoints.cli.main import app
from parceltrail.status import message, message_langs

runner = CliRunner()
# The reader's language comes from these; each test states them (None unsets a variable).
NO_LOCALE: dict[str, str | None] = {"PARCELTRAIL_LANG": None, "LC_ALL": None, "LC_MESSAGES": None,
                                    "LANG": None}


def _classify(args: list[str], env: Mapping[str, str | None] | None = None) -> dict:
    result = runner.invoke(app, ["classify", "--json", *args], env={**NO_LOCALE, **(env or {})})
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_classify_json() -> None:
    record = _classify(["Arrived at facility in MEMPHIS, TN"])
    assert record["classified"] is True
    assert (record["tag"], record["subtag"]) == ("InTransit", "InTransit_003")
    assert record["location"] == "MEMPHIS, TN" and record["rule"] == "text:en:arrived"
    assert record["title"] and record["next_step"]


def test_classify_code_and_language_options() -> None:
    record = _classify(["--carrier", "russian-post", "--code", "2/2", "--lang", "ru", "--show-in", "ru", ""])
    assert record["subtag"] == "Exception_011" and record["rule"] == "code:russian-post:2/2"
    assert record["title"] == "Возвращено отправителю"
    assert record["text_lang"] == "ru" and record["shown_in"] == "ru"


def test_lang_is_the_texts_language_not_the_readers() -> None:
    # --lang says what the carrier wrote in; without a reader language the meaning is English.
    record = _classify(["--lang", "pl", "Przesyłka doręczona do adresata"])
    assert record["subtag"] == "Delivered_001" and record["text_lang"] == "pl"
    assert record["shown_in"] == "en" and record["title"] == message("Delivered_001", "en").title


@pytest.mark.parametrize("lang", message_langs())
def test_show_in_every_message_language(lang: str) -> None:
    record = _classify(["--show-in", lang, "Przesyłka doręczona do adresata"])
    wanted = message("Delivered_001", lang)
    assert record["shown_in"] == lang and record["text_lang"] == "pl"
    assert (record["title"], record["meaning"], record["next_step"]) == (
        wanted.title, wanted.meaning, wanted.next_step)


@pytest.mark.parametrize(
    ("text", "text_lang"),
    [("Przesyłka doręczona do adresata", "pl"), ("お荷物をお届けしました", "ja"),
     ("Zásilka byla doručena", "cs"), ("Zásielka bola doručená adresátovi", "sk"),
     ("Zásielka bola vrátená odosielateľovi", "sk"), ("Zásilka byla vrácena odesílateli", "cs")],
)
def test_original_language_is_kept_whatever_the_reader_reads(text: str, text_lang: str) -> None:
    record = _classify(["--show-in", "he", text])
    assert record["classified"] and record["text"] == text and record["text_lang"] == text_lang
    assert record["title"] == message(record["subtag"], "he").title


@pytest.mark.parametrize(
    ("env", "shown_in"),
    [
        ({"PARCELTRAIL_LANG": "ja"}, "ja"),
        ({"PARCELTRAIL_LANG": "pt-BR", "LANG": "de_DE.UTF-8"}, "pt"),  # the setting beats the locale
        ({"LANG": "cs_CZ.UTF-8"}, "cs"),
        ({"LANG": "nb_NO.UTF-8"}, "no"),
        ({"LC_ALL": "tr_TR.UTF-8", "LANG": "fr_FR.UTF-8"}, "tr"),  # POSIX order: LC_ALL first
        ({"LC_MESSAGES": "el_GR.UTF-8", "LANG": "fr_FR.UTF-8"}, "el"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "vi_VN.UTF-8"}, "en"),  # a locale without messages reads English, no error
        ({}, "en"),
    ],
)
def test_reader_language_defaults_to_the_environment(env: dict[str, str], shown_in: str) -> None:
    record = _classify(["Votre colis est livré"], env)
    assert record["shown_in"] == shown_in and record["text_lang"] == "fr"
    assert record["meaning"] == message("Delivered_001", shown_in).meaning


def test_show_in_beats_the_environment() -> None:
    env = {"PARCELTRAIL_LANG": "ja", "LANG": "de_DE"}
    record = _classify(["--show-in", "ko", "Votre colis est livré"], env)
    assert record["shown_in"] == "ko" and record["title"] == message("Delivered_001", "ko").title


@pytest.mark.parametrize(
    ("args", "env", "names"),
    [
        (["--show-in", "xx"], {}, "--show-in"),
        (["--show-in", "klingon"], {}, "--show-in"),
        (["--show-in", "ja/../x"], {}, "--show-in"),
        ([], {"PARCELTRAIL_LANG": "xx"}, "PARCELTRAIL_LANG"),
        ([], {"PARCELTRAIL_LANG": "not a language"}, "PARCELTRAIL_LANG"),
    ],
)
def test_unknown_reader_language_is_a_one_line_error(args: list[str], env: dict[str, str],
                                                     names: str) -> None:
    result = runner.invoke(app, ["classify", *args, "Votre colis est livré"], env={**NO_LOCALE, **env})
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and names in lines[0]


@pytest.mark.parametrize("lang", ["he", "ar"])
def test_right_to_left_messages_keep_the_80_column_table(lang: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common.console, "_width", 80)
    args = ["classify", "--show-in", lang, "Przesyłka doręczona do adresata"]
    result = runner.invoke(app, args, env=NO_LOCALE)
    assert result.exit_code == 0, result.output
    lines = result.stdout.rstrip("\n").split("\n")
    rtl = [line for line in lines if any("\u0590" <= ch <= "\u06ff" for ch in line)]
    assert len(rtl) >= 3  # title, meaning and next step, at least
    # Every line that holds right-to-left letters starts left to right, so a bidi terminal keeps
    # the borders in place; the mark takes no column.
    assert all(line.startswith("\u200e") for line in rtl)
    shown = [line.removeprefix("\u200e") for line in lines]
    widths = {cell_len(line) for line in shown}
    assert len(widths) == 1 and widths.pop() <= 80
    body = shown[1:-1]
    assert all(line[0] == "│" and line[-1] == "│" for line in body)
    # The column rule sits at the same column on every line, wrapped lines included.
    assert len({cell_len(line[: line.index("│", 1)]) for line in body}) == 1
    wanted = message("Delivered_001", lang)
    joined = "".join(line[line.index("│", 1) + 1: -1].strip() for line in body)
    assert wanted.next_step.replace(" ", "") in joined.replace(" ", "")


def test_classify_table_and_unclassified() -> None:
    result = runner.invoke(app, ["classify", "Votre colis est livré"], env=NO_LOCALE)
    assert result.exit_code == 0 and "Delivered_001" in result.stdout and "text language" in result.stdout
    record = _classify(["zzzz qqqq"])
    assert record["classified"] is False and record["tag"] is None and record["rule"] == "unclassified"


def test_table_names_the_subtag_only_in_the_readers_language() -> None:
    # The taxonomy name is English: an English reader sees it beside the title, others see only the
    # title in their own language, so the table never gives two answers in two languages.
    text = "Nu s-a livrat \u2014 recep\u021bie \u00eenchis\u0103"
    spanish = runner.invoke(app, ["classify", "--show-in", "es", text], env={**NO_LOCALE, "COLUMNS": "80"})
    english = runner.invoke(app, ["classify", "--show-in", "en", text], env={**NO_LOCALE, "COLUMNS": "80"})
    assert spanish.exit_code == 0 and english.exit_code == 0
    subtag = _classify(["--show-in", "es", text])["subtag"]
    assert message(subtag, "es").title in spanish.stdout
    assert "\u2502 name " not in spanish.stdout and "\u2502 name " in english.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["classify", ""],
        ["classify", "   "],
        ["classify", "x" * 2001],
        ["classify", "abc\x00def"],
        ["classify", "abc\x07def"],
        ["classify", "ok", "--code", "y" * 101],
    ],
)
def test_bad_input_is_a_one_line_error(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:")


def test_help_documents_the_reader_language() -> None:
    result = runner.invoke(app, ["classify", "--help"], env={**NO_LOCALE, "COLUMNS": "200"})
    assert result.exit_code == 0
    words = " ".join(result.stdout.replace("│", " ").split())
    assert "--show-in" in words and "PARCELTRAIL_LANG" in words and "LC_ALL" in words
    assert "Language the TEXT is written in" in words
