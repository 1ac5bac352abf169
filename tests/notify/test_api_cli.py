"""Subscribing through the API (authenticated like the other native routes) and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from parceltrail.entrypoints.cli.main import app as cli_app
from tests.api.conftest import DELIVERED, Keys, auth


def _track(client: TestClient, key: str, **labels: object) -> dict:
    answer = client.post("/api/v1/trackings", json={"tracking_number": DELIVERED, **labels},
                         headers=auth(key))
    assert answer.status_code in (200, 201), answer.text
    return answer.json()["data"]


def test_subscribe_list_get_delete(client: TestClient, alice: Keys, bob: Keys) -> None:
    tracking = _track(client, alice.write)
    created = client.post("/api/v1/subscriptions", headers=auth(alice.write), json={
        "channel": "webhook", "target": "http://127.0.0.1:9/hooks", "tracking_id": tracking["id"],
        "events": ["delivered", "exception"], "format": "aftership", "timezone": "Europe/Paris",
        "quiet_hours": "22:00-07:00", "language": "fr"})
    assert created.status_code == 201, created.text
    body = created.json()
    sub = body["data"]
    assert body["secret"] and sub["secret_prefix"] == body["secret"][:6]
    assert sub["scope"] == "tracking" and sub["events"] == ["delivered", "exception"]
    assert sub["quiet_hours"] == "22:00-07:00" and sub["format"] == "aftership"
    by_number = client.post("/api/v1/subscriptions", headers=auth(alice.write), json={
        "channel": "email", "target": "a@example.com", "tracking_number": DELIVERED.lower()})
    assert by_number.status_code == 201 and by_number.json()["data"]["tracking_id"] == tracking["id"]
    whole = client.post("/api/v1/subscriptions", headers=auth(alice.write), json={
        "channel": "apprise", "target": "ntfy://parcels-topic", "events": ["all"], "digest": True})
    assert whole.status_code == 201 and whole.json()["data"]["scope"] == "account"

    listed = client.get("/api/v1/subscriptions", headers=auth(alice.read)).json()["data"]
    ids = [sub["id"], by_number.json()["data"]["id"], whole.json()["data"]["id"]]
    assert [s["id"] for s in listed] == ids
    assert all("secret" not in s for s in listed)
    assert client.get("/api/v1/subscriptions", headers=auth(bob.read)).json()["data"] == []
    assert client.get(f"/api/v1/subscriptions/{sub['id']}", headers=auth(bob.read)).status_code == 404
    assert client.delete(f"/api/v1/subscriptions/{sub['id']}", headers=auth(bob.write)).status_code == 404
    assert client.delete(f"/api/v1/subscriptions/{sub['id']}", headers=auth(alice.read)).status_code == 403
    assert client.delete(f"/api/v1/subscriptions/{sub['id']}", headers=auth(alice.write)).status_code == 204
    assert client.get(f"/api/v1/subscriptions/{sub['id']}", headers=auth(alice.read)).status_code == 404
    options = client.get("/api/v1/subscriptions/options", headers=auth(alice.read)).json()
    assert "delivered" in options["events"] and "fr" in options["languages"]


@pytest.mark.parametrize(("body", "status", "code"), [
    ({"channel": "webhook", "target": "ftp://example.org/x"}, 400, "invalid_url"),
    ({"channel": "webhook", "target": "http://example.org", "events": ["sometimes"]}, 400,
     "invalid_subscription"),
    ({"channel": "email", "target": "not an address"}, 400, "invalid_email"),
    ({"channel": "apprise", "target": "nosuchservice://x"}, 400, "invalid_apprise_url"),
    ({"channel": "webhook", "target": "http://example.org", "timezone": "Mars/Olympus"}, 400,
     "invalid_schedule"),
    ({"channel": "webhook", "target": "http://example.org", "quiet_hours": "25:00-07:00"}, 400,
     "invalid_schedule"),
    ({"channel": "webhook", "target": "http://example.org", "tracking_id": "f" * 32}, 404, "not_found"),
    ({"channel": "pigeon", "target": "x"}, 422, "validation_error"),
])
def test_bad_input_is_a_4xx_with_a_stable_code(client: TestClient, alice: Keys, body: dict, status: int,
                                               code: str) -> None:
    answer = client.post("/api/v1/subscriptions", json=body, headers=auth(alice.write))
    assert answer.status_code == status, answer.text
    assert answer.json()["error"]["code"] == code


def test_private_webhooks_are_refused_without_the_operators_allowance(
        client: TestClient, alice: Keys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PARCELTRAIL_WEBHOOK_ALLOW_PRIVATE")
    for target in ("http://127.0.0.1:8000/x", "http://localhost/x", "http://10.1.2.3/x",
                   "http://169.254.169.254/latest/meta-data", "http://[::1]/x", "http://192.168.0.10/x"):
        answer = client.post("/api/v1/subscriptions", headers=auth(alice.write),
                             json={"channel": "webhook", "target": target})
        assert answer.status_code == 400 and answer.json()["error"]["code"] == "unsafe_url", target
    assert client.get("/api/v1/subscriptions", headers=auth(alice.read)).json()["data"] == []


def test_cli_subscribe_list_and_replay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARCELTRAIL_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("PARCELTRAIL_DATABASE_URL", raising=False)
    runner = CliRunner()
    made = runner.invoke(cli_app, ["subscribe", "--number", DELIVERED, "--webhook", "http://127.0.0.1:9/h",
                                   "--events", "delivered,exception", "--quiet-hours", "22:00-07:00",
                                   "--timezone", "Europe/Berlin"])
    assert made.exit_code == 0, made.output
    assert "subscription 1: delivered, exception -> webhook" in made.output
    bad = runner.invoke(cli_app, ["subscribe", "--number", DELIVERED, "--email", "nope"])
    assert bad.exit_code == 2 and "error: " in bad.output and "Traceback" not in bad.output
    both = runner.invoke(cli_app, ["subscribe", "--number", DELIVERED])
    assert both.exit_code == 2 and "exactly one of --webhook" in both.output
    missing = runner.invoke(cli_app, ["subscribe", "--tracking", "nope", "--email", "a@example.com"])
    assert missing.exit_code == 2 and "no tracking" in missing.output
    listed = runner.invoke(cli_app, ["outbox", "list", "--status", "dead", "--json"])
    assert listed.exit_code == 0 and listed.output == ""
    wrong = runner.invoke(cli_app, ["outbox", "list", "--status", "lost"])
    assert wrong.exit_code == 2 and "--status must be one of" in wrong.output
    replay = runner.invoke(cli_app, ["outbox", "replay", "--all-dead"])
    assert replay.exit_code == 0 and "0 notification(s) queued again" in replay.output
    assert runner.invoke(cli_app, ["outbox", "replay", "7"]).exit_code == 2
    once = runner.invoke(cli_app, ["outbox", "dispatch", "--once"])
    assert once.exit_code == 0 and "0 notification(s) delivered" in once.output
    from parceltrail.adapters.db.database import make_engine
    from parceltrail.adapters.db.uow import Store

    with Store(make_engine(f"sqlite:///{tmp_path / 'parceltrail.db'}")).read() as repo:
        subs = repo.notifications.subscriptions(all_accounts=True)
    assert [(s.scope.value, s.quiet_start, s.timezone) for s in subs] == [
        ("shipment", "22:00", "Europe/Berlin")]
    gone = runner.invoke(cli_app, ["unsubscribe", str(subs[0].id)])
    assert gone.exit_code == 0
