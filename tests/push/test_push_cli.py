"""`parceltrail push keys`: the operator's VAPID key, made once, shown, replaced only on purpose."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from parceltrail.adapters.delivery.webpush import b64url, load_key
from parceltrail.entrypoints.cli.main import app
from parceltrail.settings import Settings


def test_push_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARCELTRAIL_DATA_DIR", str(tmp_path))
    runner = CliRunner()
    made = runner.invoke(app, ["push", "keys"])
    assert made.exit_code == 0, made.output
    key_file = tmp_path / "vapid.pem"
    assert key_file.stat().st_mode & 0o777 == 0o600
    key = load_key(Settings(data_dir=tmp_path).notify)
    assert key is not None and f"public key: {key.public_key}" in made.output

    again = runner.invoke(app, ["push", "keys"])
    assert again.exit_code == 2 and "already exists" in again.output and "Traceback" not in again.output
    shown = runner.invoke(app, ["push", "keys", "--show"])
    assert shown.exit_code == 0 and shown.output.strip() == key.public_key
    replaced = runner.invoke(app, ["push", "keys", "--force"])
    assert replaced.exit_code == 0
    new_key = load_key(Settings(data_dir=tmp_path).notify)
    assert new_key is not None and new_key.public_key != key.public_key

    key_file.write_text("not a key")
    broken = runner.invoke(app, ["push", "keys", "--show"])
    assert broken.exit_code == 2 and "cannot be read" in broken.output
    assert len(broken.output.splitlines()) == 1
    monkeypatch.setenv("PARCELTRAIL_VAPID_SUBJECT", "ops@example.org")
    bad = runner.invoke(app, ["push", "keys", "--show"])
    assert bad.exit_code == 2 and "PARCELTRAIL_VAPID_SUBJECT" in bad.output
    monkeypatch.delenv("PARCELTRAIL_VAPID_SUBJECT")
    # the key may also come from the environment, as base64url of the private number
    number = new_key.vapid.private_key.private_numbers().private_value.to_bytes(32, "big")
    monkeypatch.setenv("PARCELTRAIL_VAPID_PRIVATE_KEY", b64url(number))
    from_env = runner.invoke(app, ["push", "keys", "--show"])
    assert from_env.exit_code == 0 and from_env.output.strip() == new_key.public_key
    assert runner.invoke(app, ["push", "keys", "--force"]).exit_code == 2  # never overwrites that one
