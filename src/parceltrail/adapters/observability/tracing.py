"""Optional OpenTelemetry tracing: with PARCELTRAIL_OTEL_ENDPOINT set, every HTTP request and every
carrier lookup becomes a span, sent over OTLP/HTTP to that collector (e.g. http://127.0.0.1:4318).
The SDK and exporter are an optional install (`pip install parceltrail[tracing]`); without an endpoint
nothing is imported and nothing is traced."""

from __future__ import annotations

from typing import Any

from parceltrail import __version__


class TracingUnavailableError(RuntimeError):
    """Tracing was asked for but cannot run; the message says what to install or fix."""


class Tracing:
    """A tracer provider of one app, with its tracer; `shutdown` flushes what is still buffered."""

    def __init__(self, provider: Any) -> None:
        self.provider = provider
        self.tracer = provider.get_tracer("parceltrail", __version__)

    def shutdown(self) -> None:
        self.provider.shutdown()


def build(endpoint: str | None, *, exporter: Any = None, batch: bool = True) -> Tracing | None:
    """Tracing to `endpoint` (or to `exporter`, e.g. an in-memory one); None when neither is given."""
    if endpoint is None and exporter is None:
        return None
    try:
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor
    except ImportError:
        raise TracingUnavailableError("PARCELTRAIL_OTEL_ENDPOINT is set but the OpenTelemetry SDK is not "
                                      "installed (pip install 'parceltrail[tracing]')") from None
    if exporter is None:
        try:
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        except ImportError:
            raise TracingUnavailableError("PARCELTRAIL_OTEL_ENDPOINT is set but the OTLP exporter is not "
                                          "installed (pip install 'parceltrail[tracing]')") from None
        exporter = OTLPSpanExporter(endpoint=f"{str(endpoint).rstrip('/')}/v1/traces", timeout=5)
    provider = TracerProvider(resource=Resource.create({"service.name": "parceltrail",
                                                        "service.version": __version__}))
    provider.add_span_processor(BatchSpanProcessor(exporter) if batch else SimpleSpanProcessor(exporter))
    return Tracing(provider)


def extract_parent(headers: list[tuple[bytes, bytes]]) -> Any:
    """The caller's trace context from a W3C `traceparent` header, so our spans join its trace."""
    from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

    carrier = {key.decode("latin-1"): value.decode("latin-1") for key, value in headers
               if key in (b"traceparent", b"tracestate")}
    return TraceContextTextMapPropagator().extract(carrier=carrier) if carrier else None
