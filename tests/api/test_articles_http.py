from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import bearer
from tests.conftest import SEED

HTML = "<html><head><title>Ketamine trial</title></head><body><p>{}</p></body></html>"


def test_articles_http_store_get_list_reextract(client: TestClient, keys: dict[str, str]) -> None:
    h = bearer(keys["reviewer"])
    raw = SEED.read_bytes()
    created = client.post("/v1/articles", files={"file": (SEED.name, raw, "text/plain")}, headers=h)
    assert created.status_code == 201, created.text
    article_id = created.json()["id"]
    assert created.json()["result"]["text"] and created.json()["result"]["article"]["source"] == SEED.name
    again = client.post("/v1/articles", files={"file": ("copy.txt", raw, "text/plain")}, headers=h)
    assert again.status_code == 200 and again.json()["id"] == article_id and again.json()["created"] is False
    got = client.get(f"/v1/articles/{article_id}", headers=h)
    assert got.status_code == 200 and got.json()["raw"] == raw.decode()
    assert client.get("/v1/articles/nope", headers=h).status_code == 404
    sentence = "Patients with depression received ketamine in a Quillfeather randomized controlled trial."
    html = client.post(
        "/v1/articles", json={"html": HTML.format(sentence), "source": "https://example.org/k"}, headers=h
    )
    assert html.status_code == 201 and "ketamine" in html.json()["result"]["text"]
    listed = client.get("/v1/articles", headers=h).json()
    assert sorted(a["id"] for a in listed["items"]) == sorted([article_id, html.json()["id"]])
    assert client.get("/v1/articles?q=QUILLFEATHER+RANDOMIZED", headers=h).json()["items"][0]["id"] == html.json()["id"]
    assert client.get("/v1/articles?q=zzzznothing", headers=h).json()["items"] == []
    spun = {a["id"] for a in client.get("/v1/articles?spun=true", headers=h).json()["items"]}
    not_spun = {a["id"] for a in client.get("/v1/articles?spun=false", headers=h).json()["items"]}
    assert spun | not_spun == {article_id, html.json()["id"]} and not spun & not_spun
    page = client.get("/v1/articles?limit=1", headers=h).json()
    assert (
        len(page["items"]) == 1 and client.get(f"/v1/articles?limit=1&cursor={page['next']}", headers=h).json()["items"]
    )
    redone = client.post(f"/v1/articles/{article_id}/reextract", headers=h)
    assert redone.status_code == 200 and redone.json()["id"] == article_id
    assert client.post("/v1/articles/nope/reextract", headers=h).status_code == 404


def test_articles_http_extract_is_stateless_unless_asked(client: TestClient, keys: dict[str, str]) -> None:
    h = bearer(keys["reviewer"])
    text = "In a randomized controlled trial, 40 patients received ketamine 0.5 mg/kg intravenously."
    result = client.post("/v1/extract", json={"text": text, "source": "s", "id": "mine"}, headers=h)
    assert result.status_code == 200 and result.json()["article"]["id"] == "mine"
    assert result.json()["text"] == text
    assert client.get("/v1/articles", headers=h).json()["items"] == []
    stored = client.post(
        "/v1/extract?store=true", files={"file": ("a.html", HTML.format(text), "text/html")}, headers=h
    )
    assert stored.status_code == 200
    assert [a["source"] for a in client.get("/v1/articles", headers=h).json()["items"]] == ["a.html"]


def test_articles_http_malformed_input_is_422(client: TestClient, keys: dict[str, str]) -> None:
    h = bearer(keys["reader"])
    bodies: list[object] = [{}, {"text": "a", "html": "b"}, {"text": 3}, {"txt": "x"}, [], {"text": ""}]
    bodies.append({"text": "\x00\x01"})
    for body in bodies:
        response = client.post("/v1/extract", json=body, headers=h)
        assert response.status_code == 422, (body, response.text)
    assert (
        client.post("/v1/extract", content=b"{not json", headers={**h, "Content-Type": "application/json"}).status_code
        == 422
    )
    assert client.post("/v1/extract", data={"source": "x"}, files={"other": ("a", b"b")}, headers=h).status_code == 422
    assert client.post("/v1/extract", content=b"x", headers={**h, "Content-Type": "text/plain"}).status_code == 415
