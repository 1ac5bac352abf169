"""Migration 0002 on PostgreSQL and SQLite, the account repository, and the account/key CLI."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect
from typer.testing import CliRunner

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.domain.accounts import Scope, Tracking, TrackingExistsError, TrackingFilter, new_tracking_id
from parceltrail.domain.shipment import Shipment
from parceltrail.entrypoints.cli.main import app as cli

NOW = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


def _exercise(store: Store) -> None:
    with store.transaction() as repo:
        shipment = repo.shipments.add(Shipment(tracking_number="1Z999AA10123456784", carrier="ups"), NOW)
        accounts = repo.accounts
        account = accounts.create_account("shop", NOW)
        key, plain = accounts.create_key(account.id, Scope.WRITE, NOW)
        assert shipment.id is not None
        accounts.add_tracking(Tracking(id=new_tracking_id(), account_id=account.id, shipment_id=shipment.id,
                                       created_at=NOW, updated_at=NOW, custom_fields={"a": "1"},
                                       customer_emails=["x@example.com"]))
    with store.read() as repo:
        accounts = repo.accounts
        assert accounts.authenticate(plain) is not None and accounts.authenticate(plain + "x") is None
        page, cursor = accounts.list_trackings(account.id, TrackingFilter(tags=["Pending"]), limit=10)
        assert len(page) == 1 and cursor is None and page[0].custom_fields == {"a": "1"}
        assert accounts.count_trackings(account.id, TrackingFilter(carriers=["dhl"])) == 0
    with pytest.raises(TrackingExistsError), store.transaction() as repo:
        repo.accounts.add_tracking(Tracking(
            id=new_tracking_id(), account_id=account.id, shipment_id=shipment.id, created_at=NOW,
            updated_at=NOW))
    with store.transaction() as repo:
        assert repo.accounts.revoke_key(key.id, NOW) is not None
    with store.read() as repo:
        assert repo.accounts.authenticate(plain) is None


@pytest.mark.postgres
def test_migration_0002_on_postgres(postgres_url: str) -> None:
    migrate.upgrade(postgres_url)
    engine = make_engine(postgres_url)
    try:
        assert {"accounts", "api_keys", "trackings"} <= set(inspect(engine).get_table_names())
        _exercise(Store(engine))
    finally:
        engine.dispose()
    migrate.downgrade(postgres_url, "0001")
    migrate.upgrade(postgres_url)


def test_migration_0002_on_sqlite(store: Store, sqlite_url: str) -> None:
    _exercise(store)
    store.engine.dispose()
    migrate.downgrade(sqlite_url, "0001")
    assert "trackings" not in inspect(make_engine(sqlite_url)).get_table_names()


def test_cli_accounts_and_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARCELTRAIL_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("PARCELTRAIL_DATA_DIR", str(tmp_path))
    runner = CliRunner()
    assert runner.invoke(cli, ["accounts", "create", "shop"]).exit_code == 0
    again = runner.invoke(cli, ["accounts", "create", "shop"])
    assert again.exit_code != 0 and "already exists" in again.output
    created = runner.invoke(cli, ["keys", "create", "--account", "shop", "--scope", "write"])
    assert created.exit_code == 0, created.output
    key = created.stdout.strip().splitlines()[-1]
    assert key.startswith("pt_") and len(key) > 40
    listed = runner.invoke(cli, ["keys", "list"])
    assert listed.exit_code == 0 and "shop" in listed.output and key not in listed.output
    assert runner.invoke(cli, ["keys", "create", "--account", "nobody"]).exit_code != 0
    assert runner.invoke(cli, ["keys", "create", "--account", "shop", "--scope", "admin"]).exit_code != 0
    assert runner.invoke(cli, ["keys", "revoke", "1"]).exit_code == 0
    assert runner.invoke(cli, ["keys", "revoke", "999"]).exit_code != 0
    with Store(make_engine(f"sqlite:///{tmp_path / 'cli.db'}")).read() as repo:
        assert repo.accounts.authenticate(key) is None
