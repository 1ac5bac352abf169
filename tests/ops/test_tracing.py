"""Optional OpenTelemetry tracing: a span per request (joining the caller's trace) and per carrier lookup,
exported over OTLP/HTTP to the configured collector."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from fastapi.testclient import TestClient
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from parceltrail.adapters.sandbox.scenarios import TEST_NUMBERS
from parceltrail.bootstrap import Runtime
from parceltrail.entrypoints.http.app import create_app

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"


def test_requests_and_lookups_become_spans(runtime: Runtime) -> None:
    exporter = InMemorySpanExporter()
    client = TestClient(create_app(runtime, poll=False, span_exporter=exporter))
    answer = client.get("/api/v1/trackings/abc",
                        headers={"traceparent": f"00-{TRACE_ID}-00f067aa0ba902b7-01", "X-Request-ID": "r-1"})
    assert answer.status_code == 401
    runtime.tracker.register(TEST_NUMBERS["delivered"])
    runtime.tracker.poll_due()
    spans = exporter.get_finished_spans()
    request = next(s for s in spans if s.kind is SpanKind.SERVER)
    assert request.name == "GET /api/v1/trackings/{tracking_id}"
    assert f"{request.context.trace_id:032x}" == TRACE_ID  # joined the caller's trace
    assert request.attributes["http.response.status_code"] == 401
    assert request.attributes["parceltrail.request_id"] == "r-1"
    lookup = next(s for s in spans if s.name == "carrier lookup")
    assert lookup.attributes["parceltrail.numbers"] == 1
    assert lookup.end_time > lookup.start_time


@pytest.fixture
def collector() -> Iterator[tuple[str, list[tuple[str, str, bytes]]]]:
    received: list[tuple[str, str, bytes]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            received.append((self.path, self.headers.get("content-type", ""), body))
            self.send_response(200)
            self.send_header("content-type", "application/x-protobuf")
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", received
    server.shutdown()
    server.server_close()


def test_spans_reach_the_otlp_collector(runtime: Runtime, collector: tuple[str, list]) -> None:
    url, received = collector
    runtime.settings = runtime.settings.model_copy(update={"otel_endpoint": url})
    with TestClient(create_app(runtime, poll=False)) as client:
        assert client.get("/healthz").status_code == 200
    # leaving the app flushed the batch
    assert received, "nothing was exported"
    path, content_type, body = received[0]
    assert path == "/v1/traces" and content_type == "application/x-protobuf"
    export = ExportTraceServiceRequest.FromString(body)
    names = [span.name for rs in export.resource_spans for ss in rs.scope_spans for span in ss.spans]
    assert "GET /healthz" in names
    service = {a.key: a.value.string_value for rs in export.resource_spans for a in rs.resource.attributes}
    assert service["service.name"] == "parceltrail"
