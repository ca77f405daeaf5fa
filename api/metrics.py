"""Prometheus metrics (the process-wide default registry, so apps built by tests share them)."""

from __future__ import annotations

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Counter, Histogram, generate_latest

REQUESTS = Counter("studysift_http_requests", "HTTP requests", ["method", "route", "status"])
LATENCY = Histogram("studysift_http_request_duration_seconds", "HTTP request latency", ["method", "route"])
EXTRACTION = Histogram(
    "studysift_extraction_seconds",
    "time to extract one article",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    REQUESTS.labels(method, route, str(status)).inc()
    LATENCY.labels(method, route).observe(seconds)


def exposition() -> tuple[bytes, str]:
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
