"""Third-party connectors: the example package loads through the `parceltrail.carriers` entry-point group
(installed here as a distribution on sys.path), and the conformance kit checks connectors against
recorded responses."""

from __future__ import annotations

import shutil
import sys
import tomllib
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parceltrail.adapters.carriers.catalog import ENTRY_POINT_GROUP, build_catalog
from parceltrail.adapters.carriers.conformance import load_cases, run_checks
from parceltrail.entrypoints.cli.main import app

from .replay import RESPONSES

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "parceltrail-carrier-example"


@pytest.fixture
def installed_example(tmp_path: Path) -> Iterator[Path]:
    """The example package as an installed distribution: its code plus a .dist-info whose
    entry_points.txt is written from the package's own pyproject.toml."""
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    site = tmp_path / "site"
    shutil.copytree(EXAMPLE / "src" / "parceltrail_carrier_example", site / "parceltrail_carrier_example")
    info = site / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {project['name']}\n"
                                   f"Version: {project['version']}\n", encoding="utf-8")
    points = project["entry-points"][ENTRY_POINT_GROUP]
    (info / "entry_points.txt").write_text(
        f"[{ENTRY_POINT_GROUP}]\n" + "".join(f"{k} = {v}\n" for k, v in points.items()), encoding="utf-8")
    sys.path.insert(0, str(site))
    try:
        yield site
    finally:
        sys.path.remove(str(site))
        for name in [m for m in sys.modules if m.startswith("parceltrail_carrier_example")]:
            del sys.modules[name]


def test_example_plugin_loads_through_the_entry_point(installed_example: Path) -> None:
    assert [p.name for p in entry_points(group=ENTRY_POINT_GROUP)] == ["yanwen"]
    disabled = {s.slug: s for s in build_catalog({}).statuses}["yanwen"]
    assert not disabled.enabled and "PARCELTRAIL_YANWEN_CUSTOMER_NUMBER" in disabled.reason
    assert disabled.source == "plugin parceltrail-carrier-example"
    catalog = build_catalog({"PARCELTRAIL_YANWEN_CUSTOMER_NUMBER": "C123"})
    assert {s.slug: s for s in catalog.statuses}["yanwen"].enabled
    assert [e.slug for e in catalog.entries if "yanwen" in e.carriers] == ["yanwen"]


def _manifest(tmp_path: Path, cases: str) -> Path:
    folder = tmp_path / "replay"
    folder.mkdir()
    (folder / "replay.toml").write_text(cases, encoding="utf-8")
    return folder


def test_conformance_kit_passes_the_example_on_its_recording(installed_example: Path, tmp_path: Path) -> None:
    folder = _manifest(tmp_path, f'''
[[case]]
number = "00340434281410767138"
body = "{RESPONSES / 'yanwen' / 'response-1.json'}"
expect = "found"
events = 1
''')
    spec = build_catalog({}).specs["yanwen"]
    checks = run_checks(spec, load_cases(folder))
    assert all(c.ok for c in checks), [c for c in checks if not c.ok]
    assert len(checks) >= 10


def test_carriers_check_command_on_cainiao_recordings(tmp_path: Path) -> None:
    folder = _manifest(tmp_path, f'''
[[case]]
number = "RS0814398526Y"
body = "{RESPONSES / 'cainiao' / 'RS0814398526Y.response-body.json'}"
expect = "found"
events = 14

[[case]]
number = "UZ0556033196Y"
body = "{RESPONSES / 'cainiao' / 'UZ0556033196Y.response-body.json'}"
expect = "not_found"
''')
    result = CliRunner().invoke(app, ["carriers", "check", "cainiao", "--replay", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    assert all('"ok": true' in line for line in result.stdout.splitlines())


def test_carriers_check_fails_when_the_recording_disagrees(tmp_path: Path) -> None:
    folder = _manifest(tmp_path, f'''
[[case]]
number = "UZ0556033196Y"
body = "{RESPONSES / 'cainiao' / 'UZ0556033196Y.response-body.json'}"
expect = "found"
''')
    result = CliRunner().invoke(app, ["carriers", "check", "cainiao", "--replay", str(folder)])
    assert result.exit_code == 1 and "FAIL" in result.stdout


def test_carriers_check_bad_input_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["carriers", "check", "nope", "--replay", str(tmp_path)])
    assert result.exit_code == 2 and "no connector 'nope'" in result.output
    result = CliRunner().invoke(app, ["carriers", "check", "cainiao", "--replay", str(tmp_path)])
    assert result.exit_code == 2 and "has no replay.toml" in result.output
