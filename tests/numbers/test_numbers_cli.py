"""The detect and extract commands."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.domain.shipment import Shipment
from parceltrail.entrypoints.cli.main import app
from tests.ups_labels import ambiguous_dropped_digit, ups_label

runner = CliRunner()


def test_detect_json_lines() -> None:
    result = runner.invoke(app, ["detect", "--json", "1Z5R89390357567127", "RB 123 456 785 GB"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["candidates"][0]["carrier"] for line in lines] == ["ups", "royal-mail"]


def test_detect_reads_stdin_and_prints_table() -> None:
    result = runner.invoke(app, ["detect"], input="1Z5R89390357567127\n\nLP00123456789012\n")
    assert result.exit_code == 0, result.output
    assert "UPS" in result.stdout and "Cainiao" in result.stdout  # carriers by name
    assert "1Z5R89390357567127" in result.stdout and "LP00123456789012" in result.stdout  # whole numbers


def test_detect_suggests_for_typo() -> None:
    result = runner.invoke(app, ["detect", "--json", "RB123456785G8"])
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["suggestions"][0]["number"] == "RB123456785GB"


def test_detect_shows_at_most_five_ranked_suggestions_and_none_for_a_valid_number() -> None:
    from parceltrail.numbers import suggest

    dropped = "1Z5R8939035756127"  # a digit left out: a dozen numbers pass the check
    result = runner.invoke(app, ["detect", "--json", dropped, "1Z5R89390357567127"])
    assert result.exit_code == 0, result.output
    typo, valid = (json.loads(line) for line in result.stdout.splitlines())
    shown = [s["number"] for s in typo["suggestions"]]
    assert 0 < len(shown) <= 5 and len(suggest(dropped, limit=None)) > 5
    assert shown == [s.number for s in suggest(dropped)]  # the ranked order, cut as suggest() cuts it
    assert valid["suggestions"] == []


def test_detect_bad_input_is_one_line_error() -> None:
    result = runner.invoke(app, ["detect", "12\x0034"])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1 and "error" in result.stderr


def test_extract_file_and_eml(tmp_path: Path) -> None:
    text_file = tmp_path / "page.txt"
    text_file.write_text("Order 986578788855\nTracking: 1Z5R89390357567127\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "--json", str(text_file)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["number"] for line in result.stdout.splitlines()] == ["1Z5R89390357567127"]

    eml = tmp_path / "mail.eml"
    eml.write_bytes(
        b"From: a@example.com\r\nSubject: shipped\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        b"<p>Tracking number: <b>RB123456785GB</b></p>\r\n"
    )
    result = runner.invoke(app, ["extract", str(eml)])
    assert result.exit_code == 0 and "RB123456785GB" in result.stdout


def test_extract_stdin_and_missing_file() -> None:
    result = runner.invoke(app, ["extract", "-"], input="tracking 9400 1112 0108 0805 4830 16")
    assert result.exit_code == 0 and "9400111201080805483016" in result.stdout
    result = runner.invoke(app, ["extract", "/no/such/file.txt"])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert result.stderr.startswith("error:")


def test_detect_known_ranks_the_installations_shipper_ranges_first(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from parceltrail.numbers import suggest

    number, typo, package = ambiguous_dropped_digit("5R8939", "03", range(5_756_700, 5_757_500, 13), 12)
    plain = [s.number for s in suggest(typo)]
    url = f"sqlite:///{tmp_path / 'parceltrail.db'}"
    migrate.upgrade(url)
    store = Store(make_engine(url))
    now = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)
    with store.transaction() as repo:  # the installation tracks a parcel of the same shipper
        label = ups_label("5R8939", "03", package + 9)
        repo.shipments.add(Shipment(tracking_number=label, carrier="ups"), now)
    store.engine.dispose()
    monkeypatch.setenv("PARCELTRAIL_DATA_DIR", str(tmp_path))
    known = runner.invoke(app, ["detect", "--json", "--known", typo])
    assert known.exit_code == 0, known.output
    hints = [s["number"] for s in json.loads(known.stdout)["suggestions"]]
    assert hints[0] == number and len(hints) <= 5
    alone = runner.invoke(app, ["detect", "--json", typo])  # without --known: the plain typo order
    assert [s["number"] for s in json.loads(alone.stdout)["suggestions"]] == plain
    table = runner.invoke(app, ["detect", "--known", typo])
    lines = table.stdout.splitlines()
    assert table.exit_code == 0 and number in lines[lines.index("Did you mean:") + 1]
