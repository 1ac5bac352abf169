"""`parceltrail track` and `parceltrail carriers` on a fresh install with no keys: key-less connectors answer
(here through the replay server standing in for the carriers' pages), and a number nothing can follow
shows what would make it trackable instead of an ETA."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parceltrail.entrypoints.cli.main import app

from .replay import ReplayServer, cainiao_body


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ReplayServer]:
    for name in ("PARCELTRAIL_DEMO", "PARCELTRAIL_DATABASE_URL", "PARCELTRAIL_SANDBOX_URL",
                 "PARCELTRAIL_17TRACK_KEY", "PARCELTRAIL_DISABLE_CONNECTORS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PARCELTRAIL_DATA_DIR", str(tmp_path))
    with ReplayServer().running() as server:
        monkeypatch.setenv("PARCELTRAIL_CAINIAO_URL", server.url)
        yield server


def test_china_post_number_tracked_through_cainiao(fresh: ReplayServer) -> None:
    body = cainiao_body("RS0814398526Y.response-body.json").replace(b"RS0814398526Y", b"RB123456785CN")
    fresh.json("global/detail.json", "RB123456785CN", body)
    result = CliRunner().invoke(app, ["track", "RB123456785CN", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["carrier"] == "china-post" and data["connector"] == "cainiao"
    assert data["unfollowed_reason"] is None
    assert len([e for e in data["events"] if e["tracking_number"] == "RB123456785CN"]) == 14
    # the handover leg to Israel Post is listed; nothing follows it without a key, and it says so
    last = data["legs"][-1]
    assert (last["carrier"], last["connector"]) == ("israel-post", None)
    assert "PARCELTRAIL_17TRACK_KEY" in last["unfollowed_reason"]


def test_number_nothing_follows_gets_no_eta_but_what_to_set(fresh: ReplayServer) -> None:
    result = CliRunner().invoke(app, ["track", "LE424296059SE"])
    assert result.exit_code == 0, result.output
    assert "Not tracked:" in result.stdout and "PARCELTRAIL_17TRACK_KEY" in result.stdout
    assert "Expected" not in result.stdout and "Health" not in result.stdout
    as_json = json.loads(CliRunner().invoke(app, ["track", "LE424296059SE", "--json"]).stdout)
    assert as_json["eta"] is None and as_json["health"] is None
    assert fresh.seen == []


def test_carriers_lists_every_connector_keyless_enabled(fresh: ReplayServer) -> None:
    result = CliRunner().invoke(app, ["carriers", "--json"])
    statuses = {s["slug"]: s for s in json.loads(result.stdout)}
    assert {slug for slug, s in statuses.items() if s["enabled"]} == {"cainiao", "4px", "correios"}
    assert statuses["cainiao"]["reason"] == f"uses {fresh.url}"
    assert statuses["cainiao"]["keyless"] and "requests/min" in statuses["cainiao"]["politeness"]
    assert "PARCELTRAIL_17TRACK_KEY" in statuses["17track"]["reason"]
    assert "PARCELTRAIL_YUNEXPRESS_SIGNING_KEY" in statuses["yunexpress"]["reason"]
