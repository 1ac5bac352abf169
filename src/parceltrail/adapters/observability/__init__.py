"""What the operator watches: Prometheus metrics, readiness probes, structured logs and tracing."""
