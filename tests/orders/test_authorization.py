"""A buyer sees only their orders, a seller only theirs: cross-account reads and writes through the API and
the CLI answer 404 (not visible) or 403 (visible, not allowed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from parceltrail.bootstrap import Runtime
from parceltrail.entrypoints.cli.main import app as cli_app

from .conftest import Person, place

runner = CliRunner()


def test_api_cross_account_reads_and_writes(client: TestClient, seller: Person, seller2: Person,
                                            buyer: Person, buyer2: Person) -> None:
    order = place(client, seller, buyer)
    ship = client.post(f"/api/v1/orders/{order['id']}/shipments", headers=seller.headers,
                       json={"tracking_number": "RB123456785GB"})
    package = ship.json()["data"]
    base = f"/api/v1/orders/{order['id']}"
    label = f"{base}/shipments/{package['id']}/label.pdf"
    for outsider in (seller2, buyer2):
        assert client.get("/api/v1/orders", headers=outsider.headers).json()["data"] == []
        assert client.get(base, headers=outsider.headers).status_code == 404
        assert client.get(label, headers=outsider.headers).status_code == 404
        assert client.post(f"{base}/confirm-receipt", headers=outsider.headers).status_code == 404
        assert client.post(f"{base}/shipments", headers=outsider.headers,
                           json={"tracking_number": "1Z999AA10123456784"}).status_code == 404
        assert client.post(f"/api/v1/intake/email?order_id={order['id']}", headers=outsider.headers,
                           content=b"Subject: x\n\ntracking RB123456785GB").status_code == 404
    # visible, but not theirs to do
    assert client.post(f"{base}/shipments", headers=buyer.headers,
                       json={"tracking_number": "1Z999AA10123456784"}).status_code == 403
    assert client.get(label, headers=buyer.headers).status_code == 403
    assert client.post(f"{base}/confirm-receipt", headers=seller.headers).status_code == 403
    # another seller cannot import onto it either
    response = client.post("/api/v1/shipments/import", headers=seller2.headers,
                           content=f"{order['reference']},1Z999AA10123456784\n".encode())
    assert response.status_code == 422 and "no order" in response.json()["data"]["rows"][0]["reason"]
    detail = client.get(base, headers=buyer.headers).json()["data"]
    assert [p["tracking_number"] for p in detail["packages"]] == ["RB123456785GB"]
    assert detail["status"] == "shipped"


@pytest.fixture
def cli_env(runtime: Runtime, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Runtime:
    monkeypatch.setenv("PARCELTRAIL_DATABASE_URL", runtime.settings.database_url)
    monkeypatch.setenv("PARCELTRAIL_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("PARCELTRAIL_USER", raising=False)
    return runtime


def _cli(*args: str, user: str | None = None, stdin: str | None = None):
    env = {"PARCELTRAIL_USER": user} if user else {}
    return runner.invoke(cli_app, list(args), input=stdin, env=env)


def test_cli_flow_and_cross_account_access(cli_env: Runtime, client: TestClient, seller: Person,
                                           seller2: Person, buyer: Person, buyer2: Person,
                                           tmp_path: Path) -> None:
    order = place(client, seller, buyer, reference="CLI-1")
    oid = str(order["id"])
    shipped = _cli("ship", oid, "--number", "RB 123 456 785 GB", "--label", str(tmp_path / "l.pdf"),
                   user=seller.email)
    assert shipped.exit_code == 0, shipped.output
    assert (tmp_path / "l.pdf").read_bytes().startswith(b"%PDF")

    mine = _cli("orders", "--json", user=buyer.email)
    assert mine.exit_code == 0 and '"CLI-1"' in mine.stdout
    detail = _cli("order", oid, user=buyer.email)
    assert detail.exit_code == 0 and "RB123456785GB" in detail.stdout and "carrier page" in detail.stdout

    for outsider in (seller2.email, buyer2.email):
        assert '"CLI-1"' not in _cli("orders", "--json", user=outsider).stdout
        for args in (("order", oid), ("confirm-receipt", oid),
                     ("ship", oid, "--number", "1Z999AA10123456784"),
                     ("label", oid, "1", "-o", str(tmp_path / "x.pdf"))):
            result = _cli(*args, user=outsider)
            assert result.exit_code == 4, (args, result.output)
            assert "Traceback" not in result.output and "no order" in result.stderr
    forbidden = _cli("ship", oid, "--number", "1Z999AA10123456784", user=buyer.email)
    assert forbidden.exit_code == 4 and "only the seller" in forbidden.stderr
    bad = _cli("ship", oid, "--number", "RB123456785G8", user=seller.email)
    assert bad.exit_code == 2 and "RB123456785GB" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    assert _cli("orders").exit_code == 2  # nobody named

    done = _cli("confirm-receipt", oid, user=buyer.email)
    assert done.exit_code == 0 and "completed" in done.stdout


def test_cli_users_import_and_add(cli_env: Runtime, client: TestClient, seller: Person, buyer: Person,
                                  tmp_path: Path) -> None:
    created = _cli("users", "create", "--role", "buyer", "--email", "New@Example.com", "--password-stdin",
                   stdin="a long password\n")
    assert created.exit_code == 0, created.output
    login = client.post("/api/v1/session", json={"email": "new@example.com", "password": "a long password"})
    assert login.status_code == 200
    dup = _cli("users", "create", "--role", "buyer", "--email", "new@example.com", "--password-stdin",
               stdin="a long password\n")
    assert dup.exit_code == 2 and "already exists" in dup.stderr
    assert _cli("users", "create", "--role", "king", "--email", "k@example.com", "--password-stdin",
                stdin="a long password\n").exit_code == 2

    place(client, seller, buyer, reference="IMP-1")
    csv_file = tmp_path / "s.csv"
    csv_file.write_text("IMP-1,1Z999AA10123456784,ups\nNOPE,RB123456785GB\n")
    failed = _cli("import", str(csv_file), user=seller.email)
    assert failed.exit_code == 1 and "nothing imported" in failed.stdout
    ok = _cli("import", str(csv_file), "--partial", user=seller.email)
    assert ok.exit_code == 0 and "1 accepted" in ok.stdout

    mail = tmp_path / "m.eml"
    mail.write_text("Subject: Votre colis\n\nNuméro de suivi : RB123456785GB\n", encoding="utf-8")
    added = _cli("add", "--from-email", str(mail), user=buyer.email)
    assert added.exit_code == 0 and "RB123456785GB (royal-mail) added" in added.stdout
    assert _cli("add", "--from-image", str(mail), user=buyer.email).exit_code == 2
