"""What a newcomer sees after `make run`: the seed, extracted by the real pipeline and stored, is in the queue, and
its article page highlights every evidence span of every record, lists the removed boilerplate and the raw input."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient
from markupsafe import escape
from sqlalchemy import Engine

from api.db import session_scope
from api.review import render
from api.store import save_article
from extractor import extract
from tests.conftest import SEED

LOGIN_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def sign_in(client: TestClient, key: str) -> None:
    match = LOGIN_CSRF.search(client.get("/review/login").text)
    assert match is not None
    response = client.post("/review/login", data={"api_key": key, "csrf_token": match.group(1)})
    assert response.status_code == 200 and "Review queue" in response.text


def test_review_seed(client: TestClient, engine: Engine, keys: dict[str, str]) -> None:
    raw = SEED.read_bytes()
    result = extract(raw, source="seeds/ketamine-for-therapy-diaries.txt")
    with session_scope(engine) as session:
        article_id = save_article(session, raw=raw, result=result)
    sign_in(client, keys["reader"])

    queue = client.get("/review").text
    for record in result.records:
        assert str(escape(record.label)) in queue
    assert f"/review/articles/{article_id}" in queue

    page = client.get(f"/review/articles/{article_id}")
    assert page.status_code == 200
    body = page.text
    text_html = body[body.index('<div id="article-text"') : body.index("</section>", body.index('id="article-text"'))]
    # The cleaned text comes back whole (tags stripped, entities decoded) ...
    inner = text_html[text_html.index(">") + 1 : text_html.rindex("</div>")]
    assert html.unescape(re.sub(r"<[^>]+>", "", inner)) == result.text
    # ... with a mark for every evidence span of every record (each span id listed on some mark) ...
    listed = {sid for group in re.findall(r'data-spans="([^"]+)"', text_html) for sid in group.split()}
    dumped = [dict(r.model_dump(mode="json"), id=f"{article_id}-{r.id}") for r in result.records]
    expected = {s.id for s in render.article_spans(result.model_dump(mode="json"), dumped)}
    assert expected <= listed
    # A reader sees the records read-only (the API would refuse their changes anyway).
    assert 'class="article-page read-only"' in body
    # ... a form per record, the spin repairs, the removed boilerplate and a link to the raw input.
    for record in result.records:
        assert f'data-record-id="{article_id}-{record.id}"' in body
    assert body.count('class="hl') >= len(expected)
    assert len(re.findall(r'title="restored from: ', text_html)) >= min(1, len(result.cleaning.spin.repairs))
    assert f"Removed boilerplate ({len(result.cleaning.removed)})" in body
    raw_page = client.get(f"/review/articles/{article_id}/raw")
    assert raw_page.status_code == 200 and str(escape(raw.decode()[:500])) in raw_page.text


def test_review_seed_next_and_missing_pages(client: TestClient, engine: Engine, keys: dict[str, str]) -> None:
    raw = SEED.read_bytes()
    with session_scope(engine) as session:
        article_id = save_article(session, raw=raw, result=extract(raw))
    sign_in(client, keys["reviewer"])
    # `n` on the queue opens the first article; on the only article it wraps back to the queue.
    first = client.get("/review/next", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == f"/review/articles/{article_id}"
    last = client.get(f"/review/next?after={article_id}", follow_redirects=False)
    assert last.headers["location"] == "/review"
    for path in ("/review/articles/nope", "/review/articles/nope/raw", "/review/records/nope/history"):
        missing = client.get(path)
        assert missing.status_code == 404 and "Not found" in missing.text, path
