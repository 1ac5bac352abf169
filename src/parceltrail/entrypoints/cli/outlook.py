"""Predictions and buyer protection in the `parceltrail` command: the ETA and silence health under
`track`, and evidence files (`evidence ORDER [-o DIR] --user EMAIL`, `evidence verify FILE`)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from parceltrail.entrypoints.cli.common import (
    console,
    fail,
)

if TYPE_CHECKING:
    from parceltrail.bootstrap import Runtime
    from parceltrail.domain.shipment import Timeline



def outlook(runtime: Runtime, timeline: Timeline) -> dict[str, Any]:
    """`eta` and `health` of a timeline, as plain data (models refitted lazily from the store)."""
    from parceltrail.services.outlook.eta import models_for
    from parceltrail.services.outlook.health import health_for
    from parceltrail.services.outlook.shown import shown_eta_view
    from parceltrail.services.tracking.views import health_view

    now = runtime.clock.now()
    models = models_for(runtime.models, now)
    return {"eta": shown_eta_view(timeline, models, now),
            "health": health_view(health_for(timeline, models, now))}


def outlook_lines(data: dict[str, Any]) -> list[str]:
    """'Expected: DATE (between A and B)' and, when something is wrong, the health in one line."""
    lines = []
    eta = data.get("eta")
    if eta and eta.get("late"):
        lines.append(f"Late: expected by {eta['latest']}")
    elif eta:
        lines.append(f"Expected: {eta['date']} (between {eta['earliest']} and {eta['latest']})")
    health = data.get("health")
    if health and health["state"] != "ok":
        state = health["state"].replace("_", " ")
        why = f": {health['likely_reason_text']}" if health.get("likely_reason_text") else ""
        lines.append(f"Health: {state}, no update for {health['silence_days']:g} days{why}")
    return lines


def register(app: typer.Typer) -> None:
    """Adds `evidence ORDER [-o DIR] --user EMAIL` and `evidence verify FILE`."""

    @app.command("evidence")
    def evidence(
        target: Annotated[str, typer.Argument(help="The order's ID, or `verify`.", metavar="ORDER|verify")],
        file: Annotated[Path | None, typer.Argument(help="With `verify`: the evidence JSON or PDF.")] = None,
        output: Annotated[Path, typer.Option("--output", "-o", help="Directory to write the files to.")]
        = Path("."),
        user: Annotated[str | None, typer.Option("--user", help="Act as this user (e-mail); default "
                                                 "$PARCELTRAIL_USER.")] = None,
    ) -> None:
        """Write an order's evidence file (PDF and JSON: every tracking event with when and from where it
        was retrieved, the anomalies, a SHA-256 digest), or `evidence verify FILE` to check one."""
        if target == "verify":
            _verify(file)
            return
        if file is not None:
            fail("give one ORDER id (or: evidence verify FILE)")
        try:
            order_id = int(target)
        except ValueError:
            fail(f"{target[:40]!r} is not an order ID (or: evidence verify FILE)")
        _write(order_id, output, user)




def _verify(file: Path | None) -> None:
    from parceltrail.adapters.documents.evidence import verify_bytes

    if file is None:
        fail("give the evidence file: evidence verify FILE")
    try:
        data = file.read_bytes()
    except OSError as error:
        fail(f"cannot read {file}: {error.strerror or error}")
    result = verify_bytes(data)
    if result.ok:
        console.print(f"OK {file}: {result.message}", markup=False, highlight=False)
        return
    console.print(f"FAILED {file}: {result.message}", markup=False, highlight=False)
    raise typer.Exit(1)


def _write(order_id: int, output: Path, user: str | None) -> None:
    from parceltrail.adapters.documents.evidence import render_evidence
    from parceltrail.entrypoints.cli.orders import _acting
    from parceltrail.services.outlook.eta import models_for
    from parceltrail.services.outlook.evidence import build_evidence, to_json_bytes

    if not output.is_dir():
        fail(f"{output} is not a directory")
    with _acting(user) as (store, actor):
        now = datetime.now(UTC)
        document = build_evidence(store, actor, order_id, now, models_for(store, now))
    stem = output / f"evidence-{_safe(document['order']['reference'])}"
    json_path, pdf_path = stem.with_suffix(".json"), stem.with_suffix(".pdf")
    try:
        json_path.write_bytes(to_json_bytes(document))
        pdf_path.write_bytes(render_evidence(document))
    except OSError as error:
        fail(f"cannot write to {output}: {error.strerror or error}")
    console.print(f"{json_path}\n{pdf_path}\nsha256 {document['digest']['value']}", markup=False,
                  highlight=False)


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:100]
