"""In an 80-column terminal the CLI keeps numbers whole, names carriers and statuses in words, and shows
one result as a vertical card; `--json` is unchanged for scripts."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.domain.shipment import Shipment
from parceltrail.entrypoints.cli.main import app

runner = CliRunner(env={"COLUMNS": "80", "TERM": "dumb"})
LONG = "1Z999AA10123456784"
RAW = re.compile(r"\b[A-Z][A-Za-z]+_\d{3}\b")


def _lines(text: str) -> list[str]:
    return text.splitlines()


def test_one_number_prints_as_a_card() -> None:
    result = runner.invoke(app, ["detect", "LP005123456CN"])
    assert result.exit_code == 0, result.output
    assert all(len(line.rstrip()) <= 80 for line in _lines(result.stdout))
    assert "LP005123456CN" in result.stdout and "China Post" in result.stdout
    assert "…" not in result.stdout
    assert "Did you mean:" in result.stdout and "LP005123465CN" in result.stdout  # the transposition


def test_several_numbers_keep_whole_numbers_and_carrier_names() -> None:
    result = runner.invoke(app, ["detect", "RB123456785CN", LONG, "LP00123456789012"])
    assert result.exit_code == 0, result.output
    assert all(len(line.rstrip()) <= 80 for line in _lines(result.stdout))
    for number in ("RB123456785CN", LONG, "LP00123456789012"):
        assert number in result.stdout
    assert "China Post" in result.stdout and "Cainiao" in result.stdout and "…" not in result.stdout


def test_carriers_keep_variable_names_whole() -> None:
    result = runner.invoke(app, ["carriers"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "PARCELTRAIL_USPS_CLIENT_ID" in result.stdout
    assert "PARCELTRAIL_17TRACK_KEY" in result.stdout


def test_list_shows_status_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'parceltrail.db'}"
    migrate.upgrade(url)
    store = Store(make_engine(url))
    now = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)
    with store.transaction() as repo:
        for number, tag, subtag in ((LONG, "Delivered", "Delivered_001"),
                                    ("RB123456785CN", "Exception", "Exception_004")):
            shipment = Shipment(tracking_number=number, carrier="ups" if number == LONG else "china-post",
                                tag=tag, subtag=subtag, last_event_at=now)
            repo.shipments.add(shipment, now)
    store.engine.dispose()
    monkeypatch.setenv("PARCELTRAIL_DATA_DIR", str(tmp_path))
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 0, result.output
    assert all(len(line.rstrip()) <= 80 for line in _lines(result.stdout))
    assert LONG in result.stdout and "RB123456785CN" in result.stdout
    assert "Delivered" in result.stdout and "Delayed" in result.stdout and "(Customs" in result.stdout
    assert "Exception_004" not in result.stdout and "Delivered_0" not in result.stdout


def test_track_prints_one_parcel_as_a_card(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARCELTRAIL_DATA_DIR", str(tmp_path))
    result = runner.invoke(app, ["track", "PTS01000000016"])
    assert result.exit_code == 0, result.output
    lines = _lines(result.stdout)
    assert all(len(line.rstrip()) <= 80 for line in lines)
    assert lines[0].startswith("PTS01000000016") and "parceltrail sandbox network" in lines[0]
    assert not RAW.search(result.stdout)  # statuses in words
    assert any(line.startswith("Status: ") for line in lines)
