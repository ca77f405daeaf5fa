from __future__ import annotations

from collections.abc import Iterator

from fastapi.testclient import TestClient

from api.app import create_app
from studysift.settings import Settings
from tests.api.conftest import add_user, bearer


def _client(db_url: str, **limits: int) -> tuple[TestClient, str]:
    app = create_app(Settings(database_url=db_url, **limits), warm=False)  # type: ignore[arg-type]
    return TestClient(app), add_user(app.state.engine, "rev", "reviewer")


def test_limits_http_body_size_with_and_without_content_length(db_url: str) -> None:
    client, key = _client(db_url, max_body_bytes=1000)
    h = bearer(key)
    big = {"text": "word " * 400}
    response = client.post("/v1/extract", json=big, headers=h)
    assert response.status_code == 413 and "1000 bytes" in response.json()["detail"]

    def chunks() -> Iterator[bytes]:  # a chunked body: no Content-Length
        for _ in range(20):
            yield b"x" * 100

    for path in ("/v1/extract", "/v1/articles", "/v1/records/a1-r1"):
        response = client.request(
            "PATCH" if "records" in path else "POST",
            path,
            content=chunks(),
            headers={**h, "Content-Type": "application/json", "If-Match": "1"},
        )
        assert response.status_code == 413, (path, response.text)
    upload = client.post("/v1/extract", files={"file": ("a.txt", b"y" * 5000)}, headers=h)
    assert upload.status_code == 413
    assert client.post("/v1/extract", json={"text": "ketamine trial."}, headers=h).status_code == 200


def test_limits_http_text_beyond_extractor_limit(db_url: str) -> None:
    client, key = _client(db_url, max_text_chars=50)
    response = client.post("/v1/extract", json={"text": "ketamine " * 20}, headers=bearer(key))
    assert response.status_code == 413 and "STUDYSIFT_MAX_TEXT_CHARS" in response.json()["detail"]


def test_limits_http_headers_health_and_metrics(client: TestClient, keys: dict[str, str]) -> None:
    health = client.get("/healthz")
    assert health.status_code == 200 and health.json()["database"] is True
    for response in (health, client.get("/v1/records"), client.get("/nope")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["content-security-policy"].startswith("default-src 'self'")
        assert response.headers["referrer-policy"] == "no-referrer"
    assert client.get("/docs").status_code == 200
    assert (
        client.post("/v1/extract", json={"text": "ketamine trial."}, headers=bearer(keys["reader"])).status_code == 200
    )
    metrics = client.get("/metrics")
    assert metrics.status_code == 200
    assert 'studysift_http_requests_total{method="GET",route="/v1/records",status="401"}' in metrics.text
    assert "studysift_extraction_seconds_count" in metrics.text
    assert 'route="/v1/extract"' in metrics.text


def test_limits_http_nul_characters_are_refused_not_500(
    client: TestClient, keys: dict[str, str], article_id: str
) -> None:
    h = bearer(keys["admin"])
    assert client.get("/v1/articles?q=a%00b", headers=h).status_code == 422
    assert client.get("/v1/records?intervention=%00", headers=h).status_code == 422
    assert client.get("/v1/records/a1-r1%00", headers=h).status_code == 422
    patch = client.patch(
        "/v1/records/a1-r1", json={"accept": ["design"], "reason": "a\x00b"}, headers={**h, "If-Match": "1"}
    )
    assert patch.status_code == 422
    assert client.post("/v1/users", json={"name": "x\x00", "role": "reader"}, headers=h).status_code == 422
    # NUL inside a corrected value is JSON, which both databases keep.
    label = client.patch("/v1/records/a1-r1", json={"set": {"label": "a\x00b"}}, headers={**h, "If-Match": "1"})
    assert label.status_code == 200 and label.json()["label"] == "a\x00b"
    body = {"set": {"interventions/0/name": "keta\x00mine"}}  # also where a filter column indexes it
    name = client.patch("/v1/records/a1-r1", json=body, headers={**h, "If-Match": "2"})
    assert name.status_code == 200 and name.json()["interventions"][0]["name"] == "keta\x00mine"
    new = {"label": "a\x00b", "interventions": [{"name": "x\x00", "confidence": 1}]}
    added = client.post("/v1/articles/a1/records", json=new, headers=h)
    assert added.status_code == 201 and added.json()["interventions"][0]["name"] == "x\x00"
    upload = client.post(
        "/v1/articles",
        files={"file": ("a.txt", b"Ketamine was given to 10 patients.")},
        data={"source": "s\x00"},
        headers=h,
    )
    assert upload.status_code == 201 and upload.json()["result"]["article"]["source"] == "s"
