"""Leftovers of the attack run: e-mails nested thousands of MIME levels deep, endless inputs to the CLI,
control characters in account names."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from parceltrail.entrypoints.cli.main import app as cli
from parceltrail.numbers import extract_from_email
from tests.orders.conftest import Person

UPS = "1Z999AA10123456784"


def nested_email(depth: int) -> bytes:
    head = "From: shop@example.org\nSubject: Your parcel\nMIME-Version: 1.0\n"
    body = "".join(f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(depth))
    body += f"Content-Type: text/plain\n\nTracking number {UPS}\n"
    body += "".join(f"--b{i}--\n" for i in reversed(range(depth)))
    return (head + body).encode()


def test_a_deeply_nested_email_is_read_as_text() -> None:
    assert [found.number for found in extract_from_email(nested_email(2000))] == [UPS]
    assert [found.number for found in extract_from_email(nested_email(3))] == [UPS]


def test_the_api_answers_a_nested_email_without_a_server_error(client: TestClient, buyer: Person) -> None:
    answer = client.post("/api/v1/intake/email", headers={**buyer.headers, "Content-Type": "message/rfc822"},
                         content=nested_email(2000))
    assert answer.status_code < 500, answer.text


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("PARCELTRAIL_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("PARCELTRAIL_DATABASE_URL", f"sqlite:///{tmp_path / 'parceltrail.db'}")
    return CliRunner()


def test_the_cli_reads_bounded_input_and_nested_mail(cli_env: CliRunner, tmp_path: Path) -> None:
    result = cli_env.invoke(cli, ["extract", "/dev/zero"])
    assert result.exit_code == 2 and "larger than" in result.output
    mail = tmp_path / "nested.eml"
    mail.write_bytes(nested_email(2000))
    result = cli_env.invoke(cli, ["extract", str(mail), "--json"])
    assert result.exit_code == 0 and UPS in result.output


def test_account_names_are_one_printable_line(cli_env: CliRunner) -> None:
    for name in ("shop\nadmin", "shop\x1b[31m", "a\x00b"):
        result = cli_env.invoke(cli, ["accounts", "create", name])
        assert result.exit_code == 2 and "control characters" in result.output, name
    assert cli_env.invoke(cli, ["accounts", "create", "shop"]).exit_code == 0
