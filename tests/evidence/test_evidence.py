"""Evidence files of a stuck order (the sandbox's lost journey): complete, sealed with a SHA-256 digest,
verifiable as JSON and as PDF, and any change to the content fails verification."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parceltrail.adapters.documents.evidence import render_evidence, verify_bytes
from parceltrail.domain.orders import OrderNotFoundError
from parceltrail.entrypoints.cli.main import app as cli
from parceltrail.services.outlook.evidence import build_evidence, digest_of, to_json_bytes
from tests.evidence.conftest import LOST, Stuck


def _document(stuck: Stuck) -> dict:
    return build_evidence(stuck.rig.store, stuck.buyer, stuck.order.id, stuck.rig.clock.now())


def test_evidence_of_a_stuck_order_is_complete(stuck: Stuck) -> None:
    document = _document(stuck)
    assert document["order"]["reference"] == "PT-STUCK-1"
    package = document["packages"][0]
    assert package["tracking_number"] == LOST and package["tag"] == "Expired"
    events = package["events"]
    assert len(events) >= 5
    for event in events:
        assert event["retrieved_at"] and event["source"] == "parceltrail-sandbox"
        assert len(event["raw_payload"]["sha256"]) == 64
    kinds = {a["kind"] for a in document["anomalies"]}
    assert "expired" in kinds
    assert package["health"]["state"] == "expired"
    assert document["advice"]["step"] in ("open_dispute", "contact_seller")
    assert document["digest"]["value"] == digest_of(document)
    # the seller may have it too; anyone else may not
    assert build_evidence(stuck.rig.store, stuck.seller, stuck.order.id, stuck.rig.clock.now())
    with pytest.raises(OrderNotFoundError):
        build_evidence(stuck.rig.store, stuck.other_buyer, stuck.order.id, stuck.rig.clock.now())


def test_json_verifies_and_a_changed_byte_fails(stuck: Stuck) -> None:
    data = to_json_bytes(_document(stuck))
    assert verify_bytes(data).ok
    text = json.loads(data)["packages"][0]["events"][0]["text"].encode()
    at = data.index(text)
    tampered = data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]
    result = verify_bytes(tampered)
    assert not result.ok and "digest" in result.message


def test_pdf_verifies_and_a_changed_byte_fails(stuck: Stuck) -> None:
    document = _document(stuck)
    pdf = render_evidence(document)
    assert pdf.startswith(b"%PDF")
    result = verify_bytes(pdf)
    assert result.ok and result.digest == document["digest"]["value"]
    start = pdf.index(b"/Keywords (") + len(b"/Keywords (") + 200  # inside the embedded canonical JSON
    swapped = b"A" if pdf[start:start + 1] != b"A" else b"B"
    assert not verify_bytes(pdf[:start] + swapped + pdf[start + 1:]).ok
    assert not verify_bytes(b"%PDF-1.4 nothing here").ok


def test_cli_writes_and_verifies(stuck: Stuck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARCELTRAIL_DATABASE_URL", str(stuck.rig.store.engine.url))
    monkeypatch.setenv("PARCELTRAIL_DATA_DIR", str(tmp_path))
    runner = CliRunner()
    written = runner.invoke(cli, ["evidence", str(stuck.order.id), "-o", str(tmp_path), "--user",
                                 "buyer@example.com"])
    assert written.exit_code == 0, written.output
    json_file, pdf_file = tmp_path / "evidence-PT-STUCK-1.json", tmp_path / "evidence-PT-STUCK-1.pdf"
    for path in (json_file, pdf_file):
        ok = runner.invoke(cli, ["evidence", "verify", str(path)])
        assert ok.exit_code == 0 and ok.output.startswith("OK"), ok.output
    data = json_file.read_bytes()
    at = data.index(b'"text": "') + len(b'"text": "')
    json_file.write_bytes(data[:at] + b"X" + data[at + 1:])
    failed = runner.invoke(cli, ["evidence", "verify", str(json_file)])
    assert failed.exit_code == 1 and failed.output.startswith("FAILED")
    other = runner.invoke(cli, ["evidence", str(stuck.order.id), "-o", str(tmp_path), "--user",
                                "other@example.com"])
    assert other.exit_code != 0
