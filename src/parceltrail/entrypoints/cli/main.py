"""The `parceltrail` command (Typer + Rich)."""

from __future__ import annotations

import json
import re
import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from parceltrail.domain.errors import InputError
from parceltrail.entrypoints.cli.common import (
    console,
    err_console,
    fail,
    load_settings,
    open_store,
)
from parceltrail.services.tracking.views import shipment_dict, timeline_dict

if TYPE_CHECKING:
    pass

app = typer.Typer(no_args_is_help=True, add_completion=False, help="Track label tracking numbers.")




def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


@app.command()
def track(
    number: Annotated[str, typer.Argument(help="The tracking number (spaces and dashes are fine).")],
    carrier: Annotated[str | None, typer.Option(help="Carrier slug, overriding detection.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Register NUMBER if new, fetch it now and print its timeline."""
    from parceltrail.bootstrap import standalone
    from parceltrail.entrypoints.cli.outlook import outlook
    from parceltrail.services.tracking.tracker import parse_number

    try:
        parse_number(number, carrier)  # validate before anything is written
    except (InputError, ValueError) as error:
        fail(_one_line(error))
    settings = load_settings()
    with standalone(settings) as runtime:
        shipment = runtime.tracker.register(number, carrier)
        runtime.tracker.refresh([shipment])
        # A handover discovered now is followed at once, so the whole chain prints.
        for _ in range(5):
            legs = runtime.tracker.timeline(shipment.id or 0).legs
            due = [leg for leg in legs if leg.last_checked_at is None]
            if not due:
                break
            runtime.tracker.refresh(due)
        timeline = runtime.tracker.timeline(shipment.id or 0)
        data = {**timeline_dict(timeline), **outlook(runtime, timeline)}  # + ETA and silence health
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    _print_timeline(data)


def _print_timeline(data: dict) -> None:
    """One parcel as a card: number, carrier and status in words, the outlook, then its scans newest
    first, each on its own lines (nothing squeezed into narrow columns)."""
    from rich.padding import Padding
    from rich.text import Text

    from parceltrail.entrypoints.cli.display import carrier_words, status_words
    from parceltrail.entrypoints.cli.outlook import outlook_lines

    simulated = " (simulated data from the sandbox network)" if data["simulated"] else ""
    via = f" via {data['connector']}" if data.get("connector") else ""
    console.print(Text(data["tracking_number"], style="bold"),
                  Text(f"{carrier_words(data['carrier'])}{via}{simulated}"))
    console.print(Text("Status: ") + Text(status_words(data["tag"], data["subtag"]), style="bold"))
    if data.get("unfollowed_reason"):
        # no connector asks the carrier: no ETA, no silence warning, only what would make it trackable
        console.print(f"Not tracked: {data['unfollowed_reason']} (see `parceltrail carriers`)", markup=False)
    else:
        for line in outlook_lines(data):
            console.print(line, markup=False)
    if data["last_error"] and data["last_error"] != data.get("unfollowed_reason"):
        console.print(f"Last check: {data['last_error']}", markup=False)
    if data["untrackable_reason"] and not data["events"]:
        console.print(f"Note: {data['untrackable_reason']}", markup=False)
    if len(data["legs"]) > 1:
        chain = " -> ".join(f"{leg['tracking_number']} ({carrier_words(leg['carrier'])})"
                            for leg in data["legs"])
        console.print(f"Legs: {chain}", markup=False)
    if not data["events"]:
        console.print("No events yet.")
        return
    several_legs = len(data["legs"]) > 1
    console.print()
    for event in data["events"]:
        stamp = event["occurred_at"]
        status = status_words(event["tag"], event["subtag"]) if event["subtag"] else "unclassified"
        head = Text(f"{stamp[:10]} {stamp[11:16]} {stamp[19:]}  ") + Text(status, style="bold")
        if several_legs and event["tracking_number"]:
            head += Text(f"  [{event['tracking_number']}]")
        console.print(head)
        detail = event["text"] + (f" · {event['location']}" if event["location"] else "")
        console.print(Padding(Text(detail), (0, 0, 0, 4)))


@app.command("list")
def list_shipments(
    status: Annotated[str | None, typer.Option(help="Only this tag, e.g. InTransit.")] = None,
    carrier: Annotated[str | None, typer.Option(help="Only this carrier slug.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=10000)] = 100,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """List tracked shipments."""
    from parceltrail.adapters.db import migrate
    from parceltrail.adapters.db.database import make_engine
    from parceltrail.adapters.db.uow import Store

    settings = load_settings()
    migrate.upgrade(settings.database_url)
    with Store(make_engine(settings.database_url)).read() as repo:
        shipments = repo.shipments.list(tag=status, carrier=carrier, limit=limit)
    if as_json:
        for shipment in shipments:
            sys.stdout.write(json.dumps(shipment_dict(shipment), ensure_ascii=False) + "\n")
        return
    from parceltrail.entrypoints.cli.display import carrier_words, status_words, table, when

    if not shipments:
        console.print("No shipments tracked yet.")
        return
    shown = table([("ID", "short"), ("Number", "number"), ("Carrier", "words"), ("Status", "words"),
                   ("Last scan (UTC)", "words"), ("Next check", "words")])
    for s in shipments:
        shown.add_row(str(s.id), s.tracking_number, carrier_words(s.carrier), status_words(s.tag, s.subtag),
                      when(s.last_event_at), when(s.next_check_at) if s.next_check_at else "stopped")
    console.print(shown)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    demo: Annotated[bool, typer.Option(help="Sandbox answers any valid number; seeds demo parcels.")] = False,
    speed: Annotated[float | None, typer.Option(min=0.001, help="Simulated time speed-up.")] = None,
) -> None:
    """Run the HTTP service with the sandbox carrier network and the tracking engine."""
    import uvicorn

    from parceltrail.adapters.observability import logs
    from parceltrail.adapters.sandbox.timeline import load_or_create
    from parceltrail.bootstrap import build, sandbox_app
    from parceltrail.entrypoints.http.app import create_app

    env = load_settings()
    logs.configure(env.log_format, env.log_level)  # JSON lines with the request id when asked for
    settings = env.model_copy(update={"demo": demo or env.demo,
                                      "sandbox_speed": speed if speed is not None else env.sandbox_speed})
    simulation = load_or_create(settings.data_dir, settings.sandbox_speed)
    local = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    sandbox_url = settings.sandbox_url or f"http://{local}:{port}/sandbox"
    runtime = build(settings, sandbox_url, simulation=simulation)
    sandbox = None if settings.sandbox_url else sandbox_app(settings, simulation)
    console.print(f"parceltrail on http://{local}:{port}  (database {settings.database_url}, "
                  f"sandbox {sandbox_url}, speed x{simulation.speed:g}{', demo' if settings.demo else ''})",
                  markup=False)
    if settings.mailin_enabled:
        console.print(f"mail-in SMTP on {settings.mailin_host}:{settings.mailin_port} for "
                      f"track+<token>@{settings.mailin_domain}, IMAP every {settings.imap_poll_seconds} s",
                      markup=False)
    from parceltrail.adapters.observability.tracing import TracingUnavailableError

    try:
        service = create_app(runtime, sandbox=sandbox)
    except TracingUnavailableError as error:
        fail(str(error))

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: object) -> None:
            # Open live pages end their streams at once, so shutting down never waits for them.
            hub = getattr(service.state, "live_hub", None)
            if hub is not None:
                hub.close_threadsafe()
            super().handle_exit(sig, frame)  # type: ignore[arg-type]

    Server(uvicorn.Config(service, host=host, port=port, log_level="warning",
                          timeout_graceful_shutdown=10)).run()


@app.command()
def sandbox(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8100,
    speed: Annotated[float, typer.Option(min=0.001, help="Simulated time speed-up.")] = 1.0,
    fault_rate: Annotated[float, typer.Option(min=0.0, max=1.0, help="Share of requests that fail.")] = 0.0,
    demo: Annotated[bool, typer.Option(help="Answer any valid number with a simulated journey.")] = False,
    seed: Annotated[int, typer.Option(help="Seed of the fault injector.")] = 0,
    epoch: Annotated[str | None, typer.Option(
        help="Journeys' epoch, ISO 8601 (default: now); sim time = epoch + wall time since epoch x speed.",
    )] = None,
) -> None:
    """Run the sandbox carrier network alone (a simulated carrier API for demos and tests)."""
    from datetime import UTC, datetime

    import uvicorn

    from parceltrail.adapters.sandbox import create_app as create_sandbox_app
    from parceltrail.clock import ScaledClock

    if epoch is None:
        start = datetime.now(UTC).replace(second=0, microsecond=0)
    else:
        try:
            start = datetime.fromisoformat(epoch)
        except ValueError:
            fail(f"--epoch {epoch!r} is not an ISO 8601 date-time")
        start = start if start.tzinfo else start.replace(tzinfo=UTC)
    clock = ScaledClock(start, speed)
    sandbox_app = create_sandbox_app(clock, epoch=start, demo=demo, fault_rate=fault_rate, seed=seed)
    console.print(f"parceltrail sandbox on http://{host}:{port}/v1  (epoch {start.isoformat()}, "
                  f"speed x{speed:g}, fault rate {fault_rate:g}{', demo' if demo else ''})", markup=False)
    uvicorn.run(sandbox_app, host=host, port=port, log_level="warning")


@app.command()
def migrate() -> None:
    """Apply the database migrations."""
    from parceltrail.adapters.db import migrate as migrations

    settings = load_settings()
    migrations.upgrade(settings.database_url)
    console.print(f"database at {settings.database_url} is up to date", markup=False)


@app.command("scan-gaps")
def scan_gaps(
    limit: Annotated[int, typer.Option(min=1, max=1_000_000,
                                       help="Most recent finished parcels to learn from.")] = 5000,
) -> None:
    """Learn how long carriers take between scans from the finished journeys in the database, and save it
    where the tracker and workers load it when they start (run it now and then, e.g. daily)."""
    from parceltrail.services.tracking.schedule import ScanGapModel

    settings = load_settings()
    store = open_store()
    with store.read() as uow:
        timelines = uow.shipments.finished_timelines(limit)
    model = ScanGapModel.fit(timelines)
    out = settings.scan_gaps_path
    assert out is not None
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    console.print(f"{len(timelines)} finished journeys, {len(model)} gaps in {len(model.stages)} stages: "
                  f"{out}", markup=False)


@app.command()
def worker(
    batch: Annotated[int, typer.Option(min=1, max=10000, help="Shipments claimed per batch.")] = 200,
    concurrency: Annotated[int, typer.Option(min=1, max=256, help="Polling threads.")] = 1,
    lease: Annotated[float, typer.Option(min=5, help="Lease seconds; a dead worker's claims expire.")] = 300,
    limit: Annotated[list[str] | None, typer.Option(
        help="Shared carrier limit SLUG=RATE/BURST:CONCURRENCY (requests/s; BURST and CONCURRENCY "
        "optional), e.g. ups=10/20:4.")] = None,
) -> None:
    """Poll due shipments; run any number of workers, on any machines, against one database."""
    import threading
    from datetime import timedelta

    from parceltrail.adapters.db.carrier_limits import CarrierLimiter, Limit
    from parceltrail.bootstrap import standalone
    from parceltrail.entrypoints.worker import Worker, install_signal_handlers

    limits: list[Limit] = []
    for spec in limit or []:
        try:
            slug, rest = spec.split("=", 1)
            rate_part, _, conc = rest.partition(":")
            rate, _, burst = rate_part.partition("/")
            limits.append(Limit(slug, float(rate), float(burst or rate), int(conc) if conc else None))
        except ValueError:
            fail(f"--limit {spec!r} is not SLUG=RATE/BURST:CONCURRENCY")
    settings = load_settings()
    with standalone(settings) as runtime:
        limiter = CarrierLimiter(runtime.store)
        for one in limits:
            limiter.configure(one)
        polling = Worker(runtime.store, runtime.tracker.connectors, runtime.clock, batch=batch,
                         concurrency=concurrency, lease=timedelta(seconds=lease), limiter=limiter,
                         sweeper=runtime.tracker.unwatched)
        stop = threading.Event()
        install_signal_handlers(stop)
        console.print(f"worker polling {settings.database_url} (batch {batch}, {concurrency} thread(s))",
                      markup=False)
        stats = polling.run(stop)
    console.print(f"stopped: {stats.polled} polled, {stats.requests} requests, {stats.new_events} new events",
                  markup=False)


@app.command()
def detect(
    numbers: Annotated[
        list[str] | None, typer.Argument(help="Tracking numbers (default: one a line on stdin).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")] = False,
    known: Annotated[bool, typer.Option(
        "--known", help="Rank corrections of a mistyped number with the numbers this installation "
                        "tracks (their senders' ranges come first).")] = False,
    carrier: Annotated[str | None, typer.Option(
        help="The carrier the parcel is known to travel with (ranks its numbers first).")] = None,
) -> None:
    """Tell which carrier and format each tracking number belongs to."""
    from parceltrail.numbers import InvalidNumberError, passes_check
    from parceltrail.numbers import detect as detect_number
    from parceltrail.numbers import suggest as suggest_numbers
    from parceltrail.services.tracking.corrections import known_numbers

    inputs = numbers if numbers else [line.strip() for line in sys.stdin if line.strip()]
    if not inputs:
        fail("no tracking number given (pass numbers as arguments or one a line on stdin)")
    carrier = carrier.strip().lower() if carrier else None
    seen: list[str] | None = None
    rows = []
    for raw in inputs:
        try:
            candidates = detect_number(raw)
            hints = []
            if not passes_check(raw, carrier):
                if known and seen is None:  # read once, and only when some number needs corrections
                    with open_store().read() as repo:
                        seen = known_numbers(repo, installation=True)
                hints = suggest_numbers(raw, limit=5, carrier=carrier, known=seen)
        except InvalidNumberError as error:
            fail(f"{raw!r}: {_one_line(error)}")
        rows.append((raw, candidates, hints))
    if as_json:
        for raw, candidates, hints in rows:
            suggestions = [{"number": h.number, "carrier": h.carrier, "edit": h.edit} for h in hints]
            readings = [c.to_dict() for c in candidates]
            record = {"input": raw, "candidates": readings, "suggestions": suggestions}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    from parceltrail.entrypoints.cli.display import card, carrier_words, table

    if len(rows) == 1 and len(rows[0][1]) == 1:  # one number, one reading: a card
        raw, (c,), hints = rows[0]
        card(console, c.number, [
            ("Carrier", f"{c.carrier_name or carrier_words(c.carrier)} ({c.carrier})"),
            ("Format", c.format_name or c.format), ("Check digit", c.checksum),
            ("Service", c.service or None), ("Country", c.country),
            ("Trackable", "yes" if c.trackable else f"no: {c.untrackable_reason or 'not followed online'}"),
            ("Tracking page", c.tracking_url), ("Confidence", f"{c.confidence:.2f}"),
            ("Typed", raw if raw != c.number else None)])
        _print_hints(hints)
        return
    shown = table([("Number", "number"), ("Carrier", "words"), ("Check", "short"), ("Service", "words")])
    all_hints = []
    for raw, candidates, hints in rows:
        if not candidates:
            shown.add_row(raw, "unknown carrier", "", "")
        for c in candidates:
            shown.add_row(c.number, c.carrier_name or carrier_words(c.carrier), c.checksum, c.service or "")
        all_hints += hints
    console.print(shown)
    _print_hints(all_hints)


def _print_hints(hints: list) -> None:
    """Likely corrections of a mistyped number, one a line (number, carrier, what was changed)."""
    from parceltrail.entrypoints.cli.display import carrier_words

    if not hints:
        return
    console.print("Did you mean:", markup=False)
    for h in hints:
        console.print(f"  {h.number}  {carrier_words(h.carrier)}  ({h.edit})", markup=False, highlight=False)


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="Text, HTML or .eml file to scan; - for stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")] = False,
) -> None:
    """Find every tracking number in a text file or e-mail (.eml)."""

    from parceltrail.entrypoints.cli.common import read_bounded
    from parceltrail.numbers import extract as extract_numbers
    from parceltrail.numbers import extract_from_email

    try:
        data = read_bounded(file)
    except OSError as error:
        fail(f"cannot read {file}: {error.strerror or error}")
    head = data[:4096].lower()
    is_email = file.lower().endswith(".eml") or (
        b"\nsubject:" in b"\n" + head and (b"\nfrom:" in b"\n" + head or b"mime-version:" in head))
    if is_email:
        found = extract_from_email(data)
    else:
        text = data.decode("utf-8", "replace")
        if file.lower().endswith((".html", ".htm")):
            from parceltrail.numbers.extract import html_to_text

            text = html_to_text(text)
        found = extract_numbers(text)
    if as_json:
        for item in found:
            record = {"number": item.number, "text": item.text, "start": item.start, "end": item.end,
                      "source": item.source, "candidates": [c.to_dict() for c in item.candidates]}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    if not found:
        console.print("No tracking numbers found.")
        return
    table = Table(show_header=True, header_style="bold")
    for column in ("Number", "Carrier", "Format", "Check", "Where"):
        table.add_column(column)
    for item in found:
        best = item.best
        where = f"{item.source + ' ' if item.source else ''}{item.start}-{item.end}"
        table.add_row(item.number, best.carrier, best.format, best.checksum, where)
    console.print(table)


carriers_app = typer.Typer(help="Carrier connectors: list them, or check one against recorded responses.")
app.add_typer(carriers_app, name="carriers")


@carriers_app.callback(invoke_without_command=True)
def carriers(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List every connector: enabled (key-less ones by default), or disabled with what to set, the carriers
    each serves and how politely key-less ones ask."""
    if ctx.invoked_subcommand is not None:
        return

    from parceltrail.adapters.carriers.catalog import build_catalog

    statuses = build_catalog(load_settings().carrier_env).statuses  # builds clients only; sends nothing
    if as_json:
        sys.stdout.write(json.dumps([s.to_dict() for s in statuses], indent=2) + "\n")
        return
    from parceltrail.entrypoints.cli.display import card, carrier_words

    # One card per connector: variable names and carrier lists stay whole at any terminal width.
    for index, s in enumerate(statuses):
        if index:
            console.print()
        details = s.reason + (f"; {s.politeness}" if s.enabled and s.politeness else "")
        card(console, f"{s.name} ({s.slug})", [
            ("Status", "enabled" if s.enabled else "disabled"), ("Key", "none" if s.keyless else "free key"),
            ("Details", details), ("Serves", ", ".join(carrier_words(slug) for slug in s.serves))])
    console.print()
    console.print("Turn a connector off with PARCELTRAIL_DISABLE_CONNECTORS=slug,slug; point one elsewhere "
                  "with PARCELTRAIL_<SLUG>_URL.", markup=False)


@carriers_app.command("check")
def carriers_check(
    slug: Annotated[str, typer.Argument(help="The connector's slug (see `parceltrail carriers`).")],
    replay: Annotated[str, typer.Option("--replay", help="Directory with replay.toml and recorded bodies.")],
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")] = False,
) -> None:
    """Run connector SLUG against recorded responses served on the loopback and check what the engine
    relies on (outcome kinds, time zones, order, re-poll stability, faults as retry-later)."""
    from pathlib import Path

    from parceltrail.adapters.carriers.catalog import build_catalog
    from parceltrail.adapters.carriers.conformance import ManifestError, load_cases, run_checks

    spec = build_catalog({}).specs.get(slug)
    if spec is None:
        fail(f"no connector {slug!r} (see `parceltrail carriers`)")
    try:
        cases = load_cases(Path(replay))
    except ManifestError as error:
        fail(_one_line(error))
    checks = run_checks(spec, cases, load_settings().carrier_env)
    if as_json:
        for check in checks:
            sys.stdout.write(json.dumps({"check": check.name, "ok": check.ok, "detail": check.detail}) + "\n")
    else:
        table = Table(show_header=True, header_style="bold")
        for column in ("Check", "Result", "Detail"):
            table.add_column(column, overflow="fold")
        for check in checks:
            table.add_row(check.name, "[green]pass[/green]" if check.ok else "[red]FAIL[/red]", check.detail)
        console.print(table)
    failed = sum(1 for c in checks if not c.ok)
    if failed:
        err_console.print(f"{failed} of {len(checks)} checks failed", markup=False)
        raise typer.Exit(1)


@app.command("classify")
def classify_event(
    text: Annotated[str, typer.Argument(help="The carrier's event text (quote it).")],
    carrier: Annotated[str | None, typer.Option(help="Carrier slug, e.g. russian-post, usps.")] = None,
    code: Annotated[str | None, typer.Option(help="The carrier's own event code, e.g. 8/2 or DI1.")] = None,
    lang: Annotated[str | None, typer.Option(
        help="Language the TEXT is written in, e.g. en zh pl ja (default: guessed from the text).")] = None,
    show_in: Annotated[str | None, typer.Option(
        "--show-in", metavar="LANG",
        help="Language to show the title, meaning and next step in, e.g. ja he pt-BR (default: "
             "PARCELTRAIL_LANG, else the language of LC_ALL / LC_MESSAGES / LANG, else en).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Place a carrier event on the status taxonomy (tag, subtag, what it means, what to do)."""
    from parceltrail.status import classify, message, subtag_info
    from parceltrail.status.classifier import MAX_TEXT_CHARS

    for name, value, limit in (("text", text, MAX_TEXT_CHARS), ("--carrier", carrier, 100),
                               ("--code", code, 100), ("--lang", lang, 20), ("--show-in", show_in, 20)):
        if value is not None and len(value) > limit:
            fail(f"{name} is too long ({len(value)} characters, at most {limit})")
        if value is not None and _looks_binary(value):
            fail(f"{name} contains binary or control characters")
    if not text.strip() and not (code or "").strip():
        fail("empty event text (give the carrier's text, or --carrier and --code)")
    reader = _reader_lang(show_in)
    result = classify(text, carrier=carrier, code=code, lang=lang)
    record: dict[str, object] = {
        "text": text, "text_lang": _text_lang(text, lang, result.rule), "classified": result.classified,
        "tag": result.tag, "subtag": result.subtag, "confidence": round(result.confidence, 3),
        "location": result.location, "rule": result.rule,
    }
    if result.subtag is not None:
        msg = message(result.subtag, reader)
        record |= {"name": subtag_info(result.subtag).name, "shown_in": reader, "title": msg.title,
                   "meaning": msg.meaning, "next_step": msg.next_step}
    if as_json:
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    table = Table(show_header=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    # The taxonomy's own name is English; beside a title in another language it would read as a second,
    # disagreeing answer, so the table shows it only to an English reader (JSON always carries it).
    keys = ("text_lang", "tag", "subtag", *(("name",) if reader == "en" else ()), "title", "meaning",
            "next_step", "location", "confidence", "rule")
    for key in keys:
        if record.get(key) is not None:
            table.add_row(_ROW_LABELS.get(key, key.replace("_", " ")), str(record[key]))
    if not result.classified:
        table.add_row("status", "unclassified: no rule or code table places this event")
    _print_bidi_safe(table)


_ROW_LABELS = {"text_lang": "text language"}
# Hebrew, Arabic (and their presentation forms), Syriac, Thaana, N'Ko: scripts written right to left.
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_LRM = "\u200e"


def _reader_lang(show_in: str | None) -> str:
    """The message language: --show-in, else PARCELTRAIL_LANG, else the locale's, else English.

    A language asked for by name (the option or the setting) that has no messages is an error; a
    locale without messages (C, or a language not translated) quietly reads English."""
    from parceltrail.settings import LANGUAGE_TAG
    from parceltrail.status import message_lang, message_langs

    settings = load_settings()
    asked = show_in if show_in is not None else settings.lang
    if asked is not None:
        found = message_lang(asked)
        if found is None or not LANGUAGE_TAG.match(asked.strip()):
            source = "--show-in" if show_in is not None else "PARCELTRAIL_LANG"
            fail(f"{source}: no messages in {asked.strip()!r}; available: {' '.join(message_langs())}")
        return found
    return message_lang(settings.locale_lang) or "en"


def _text_lang(text: str, lang: str | None, rule: str) -> str | None:
    """The language of the carrier's text: the one whose rules or model placed it (or the neighbour
    those rules also read, Slovak for Czech), else the caller's, else the one its script and words
    point to (None for a bare code)."""
    from parceltrail.status import base_lang
    from parceltrail.status.normalize import guess_lang, normalize, script_lang, written_lang

    kind, _, rest = rule.partition(":")
    if kind in ("text", "model") and rest:
        return written_lang(normalize(text), rest.split(":", 1)[0])
    if lang:
        return base_lang(lang)
    norm = normalize(text)
    return (script_lang(norm) or guess_lang(norm)) if norm.strip() else None


def _print_bidi_safe(table: Table) -> None:
    """Print a table; lines holding right-to-left text start with a left-to-right mark.

    A terminal that applies the bidi algorithm takes a line's direction from its first strong
    letter, so a wrapped line of Hebrew or Arabic alone would be laid out right to left, borders
    swapped. The zero-width mark makes every line left to right, so only the RTL words run right to
    left, inside their cell; the mark is added after Rich measured the table, so widths stay true."""
    if not any(_RTL.search(cell) for column in table.columns for cell in map(str, column.cells)):
        console.print(table)
        return
    with console.capture() as captured:
        console.print(table)
    lines = captured.get().split("\n")
    sys.stdout.write("\n".join(_LRM + line if _RTL.search(line) else line for line in lines))
    sys.stdout.flush()


def _looks_binary(value: str) -> bool:
    # NUL/control characters, lone surrogates (undecodable argv bytes) or U+FFFD mean binary input.
    import unicodedata

    return any(
        (unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\t\n\r") or ch == "\ufffd" for ch in value
    )


# accounts and API keys (HTTP API) ------------------------------------------------------------------
accounts_app = typer.Typer(no_args_is_help=True, help="Accounts of the HTTP API.")
keys_app = typer.Typer(no_args_is_help=True, help="API keys of the HTTP API (stored hashed, shown once).")
app.add_typer(accounts_app, name="accounts")
app.add_typer(keys_app, name="keys")


@accounts_app.command("create")
def accounts_create(name: Annotated[str, typer.Argument(help="A unique account name.")]) -> None:
    """Create an account."""
    from datetime import UTC, datetime

    from parceltrail.domain.accounts import AccountExistsError

    name = name.strip()
    if not name or len(name) > 100:
        fail("account name must be 1-100 characters")
    if not name.isprintable():  # one line in every listing and log, no terminal escape codes
        fail("account name may not contain line breaks or control characters")
    store = open_store()
    try:
        with store.transaction() as repo:
            account = repo.accounts.create_account(name, datetime.now(UTC))
    except AccountExistsError as error:
        fail(_one_line(error))
    console.print(f"account {account.id} {account.name!r} created", markup=False)


@accounts_app.command("list")
def accounts_list() -> None:
    """List accounts."""

    store = open_store()
    with store.read() as repo:
        for account in repo.accounts.accounts():
            console.print(f"{account.id}\t{account.name}\t{account.created_at.isoformat()}", markup=False)


@keys_app.command("create")
def keys_create(
    account: Annotated[str, typer.Option("--account", help="The account's name.")],
    scope: Annotated[str, typer.Option("--scope", help="read or write.")] = "read",
) -> None:
    """Create an API key for ACCOUNT and print it once (only its hash is stored)."""
    from datetime import UTC, datetime

    from parceltrail.domain.accounts import Scope

    if scope not in ("read", "write"):
        fail(f"--scope must be read or write, not {scope!r}")
    store = open_store()
    with store.transaction() as repo:
        accounts = repo.accounts
        found = accounts.account_by_name(account.strip())
        if found is None:
            fail(f"no account named {account!r} (create it with `parceltrail accounts create NAME`)")
        key, plain = accounts.create_key(found.id, Scope(scope), datetime.now(UTC))
    err_console.print(f"key {key.id} ({scope}) for account {found.name!r}; "
                      "store it now, it is not shown again:", markup=False)
    sys.stdout.write(plain + "\n")


@keys_app.command("list")
def keys_list(
    account: Annotated[str | None, typer.Option("--account", help="Only this account's keys.")] = None,
) -> None:
    """List API keys (id, account, scope, prefix, state); never the keys themselves."""

    store = open_store()
    with store.read() as repo:
        accounts = repo.accounts
        names = {a.id: a.name for a in accounts.accounts()}
        account_id = None
        if account is not None:
            found = accounts.account_by_name(account.strip())
            if found is None:
                fail(f"no account named {account!r}")
            account_id = found.id
        keys = accounts.keys(account_id)
    table = Table(show_header=True, header_style="bold")
    for column in ("ID", "Account", "Scope", "Prefix", "Created", "State"):
        table.add_column(column)
    for k in keys:
        table.add_row(str(k.id), names.get(k.account_id, "?"), k.scope.value, k.prefix + "…",
                      k.created_at.isoformat(timespec="seconds"),
                      "active" if k.active else f"revoked {k.revoked_at.isoformat(timespec='seconds')}"
                      if k.revoked_at else "revoked")
    console.print(table)


@keys_app.command("revoke")
def keys_revoke(key_id: Annotated[int, typer.Argument(help="The key's ID (see keys list).")]) -> None:
    """Revoke an API key: it stops working (within seconds on a running server)."""
    from datetime import UTC, datetime


    store = open_store()
    if not 0 < key_id < 2**31:
        fail(f"no API key with id {key_id}")
    with store.transaction() as repo:
        key = repo.accounts.revoke_key(key_id, datetime.now(UTC))
    if key is None:
        fail(f"no API key with id {key_id}")
    console.print(f"key {key_id} revoked", markup=False)


# notifications: `subscribe`, `unsubscribe` and `outbox list|replay|dispatch` -----------------------------
from parceltrail.entrypoints.cli.notifications import outbox_app, subscribe, unsubscribe  # noqa: E402 - cheap, lazy inside

app.command("subscribe")(subscribe)
app.command("unsubscribe")(unsubscribe)
app.add_typer(outbox_app, name="outbox")


# marketplace: users, orders, shipping, labels, ranges, import, add (see cli/orders.py) -----------------
from parceltrail.entrypoints.cli.orders import register as _register_orders  # noqa: E402

_register_orders(app)

# buyer protection: `evidence ORDER` and `evidence verify FILE` (see cli/outlook.py) ----------------------
from parceltrail.entrypoints.cli.outlook import register as _register_outlook  # noqa: E402

_register_outlook(app)

# web push: `parceltrail push keys` (see cli/push.py) ------------------------------------------------------
from parceltrail.entrypoints.cli.push import register as _register_push  # noqa: E402

_register_push(app)

# mail intake: `mailin` (server and poller), address, allow, add, log, parcels, undo, mailbox, share
from parceltrail.entrypoints.cli.mailin import register as _register_mailin  # noqa: E402

_register_mailin(app)

# sessions: revoke a user's sign-ins, set a password (see cli/security.py) ---------------------------------
from parceltrail.entrypoints.cli.security import register as _register_security  # noqa: E402

_register_security(app)

# calendar feeds: `calendar create|revoke --user EMAIL` (see cli/calendar.py) ------------------------------
from parceltrail.entrypoints.cli.calendar import register as _register_calendar  # noqa: E402

_register_calendar(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
