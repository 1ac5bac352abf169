"""The `parceltrail classify` command."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from parceltrail.entrypoints.cli.main import app

runner = CliRunner()


def test_classify_json() -> None:
    result = runner.invoke(app, ["classify", "--json", "Arrived at facility in MEMPHIS, TN"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["classified"] is True
    assert (record["tag"], record["subtag"]) == ("InTransit", "InTransit_003")
    assert record["location"] == "MEMPHIS, TN" and record["rule"] == "text:en:arrived"
    assert record["title"] and record["next_step"]


def test_classify_code_and_language_options() -> None:
    args = ["classify", "--json", "--carrier", "russian-post", "--code", "2/2", "--lang", "ru", ""]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["subtag"] == "Exception_011" and record["rule"] == "code:russian-post:2/2"
    assert record["title"] == "Возвращено отправителю"


def test_classify_table_and_unclassified() -> None:
    result = runner.invoke(app, ["classify", "Votre colis est livré"])
    assert result.exit_code == 0 and "Delivered_001" in result.stdout
    result = runner.invoke(app, ["classify", "--json", "zzzz qqqq"])
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["classified"] is False and record["tag"] is None and record["rule"] == "unclassified"


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
