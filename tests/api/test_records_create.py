"""Adding a study record the extractor missed: ``POST /v1/articles/{id}/records`` and ``store.create_record`` (ids,
review marks, the ``create`` audit row and replay, evidence checks, roles and CSRF, export, re-extraction)."""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from api import auth, store
from api.auth import Principal, issue_session
from api.db import session_scope
from api.schemas import NewRecord
from tests.api.conftest import TEXT, bearer, sample_result


def span(fragment: str) -> dict[str, Any]:
    start = TEXT.index(fragment)
    return {"start": start, "end": start + len(fragment), "text": fragment}


MISSED = {
    "label": "cohort study, 40 patients, intranasal esketamine",
    "design": {"value": "cohort_study", "evidence": span("cohort study"), "confidence": 1.0},
    "sample_size": {"value": 40, "unit": "patients", "evidence": span("40 patients"), "confidence": 1.0},
    "interventions": [{"name": "esketamine", "route": "intranasal", "evidence": span("esketamine"), "confidence": 1}],
    "outcomes": [{"name": "pain", "direction": "decreased", "evidence": span("pain decreased"), "confidence": 1}],
    "evidence": span("A second cohort study of 40 patients"),
    "reason": "the extractor folded the second study into r2",
}


def test_records_create_roles_and_answer(client: TestClient, keys: dict[str, str], article_id: str) -> None:
    body = {"label": "a missed study"}
    assert client.post("/v1/articles/a1/records", json=body).status_code == 401
    assert client.post("/v1/articles/a1/records", json=body, headers=bearer(keys["reader"])).status_code == 403
    created = client.post("/v1/articles/a1/records", json=MISSED, headers=bearer(keys["reviewer"]))
    assert created.status_code == 201, created.text
    record = created.json()
    assert record["id"] == "a1-n1" and record["article_id"] == "a1" and record["version"] == 1
    assert record["active"] is True and record["confidence"] == 1.0
    assert created.headers["etag"] == '"1"' and created.headers["location"] == "/v1/records/a1-n1"
    assert record["review"] == {
        "status": "in_review",
        "fields": {
            "label": "corrected",
            "design": "corrected",
            "sample_size": "corrected",
            "interventions/0": "corrected",
            "outcomes/0": "corrected",
            "evidence": "corrected",
        },
    }
    assert record["evidence"] == MISSED["evidence"] and record["interventions"][0]["route"] == "intranasal"
    assert "reason" not in record
    # The next one gets the next id; an admin may add too.
    second = client.post("/v1/articles/a1/records", json={"label": "another"}, headers=bearer(keys["admin"]))
    assert second.status_code == 201 and second.json()["id"] == "a1-n2"
    assert second.json()["review"]["fields"] == {"label": "corrected"}
    assert second.json()["design"] is None and second.json()["outcomes"] == []


def test_records_create_history_replay_and_later_patches(
    client: TestClient, keys: dict[str, str], article_id: str, engine: Engine
) -> None:
    h = bearer(keys["reviewer"])
    assert client.post("/v1/articles/a1/records", json=MISSED, headers=h).status_code == 201
    history = client.get("/v1/records/a1-n1/history", headers=h).json()["items"]
    assert [(i["version"], i["action"], i["field"], i["reviewer"]) for i in history] == [
        (1, "create", None, "reviewer-user")
    ]
    assert history[0]["reason"] == MISSED["reason"] and history[0]["new"]["fields"]["label"] == "corrected"
    patch = {"set": {"follow_up": "6 months"}, "accept": ["design"], "reject": ["outcomes/0"]}
    patched = client.patch("/v1/records/a1-n1", json=patch, headers={**h, "If-Match": "1"})
    assert patched.status_code == 200 and patched.json()["version"] == 2
    with session_scope(engine) as session:
        current = store.get_record(session, "a1-n1")
        assert store.replay_history(session, "a1-n1") == current
        assert current.review.fields["design"] == "accepted" and current.review.fields["outcomes/0"] == "rejected"
        assert current.review.fields["label"] == "corrected"


def test_records_create_is_listed_exported_and_in_the_article(
    client: TestClient, keys: dict[str, str], article_id: str
) -> None:
    h = bearer(keys["reviewer"])
    assert client.post("/v1/articles/a1/records", json=MISSED, headers=h).status_code == 201
    listed = client.get("/v1/records?article_id=a1", headers=h).json()["items"]
    assert [r["id"] for r in listed] == ["a1-n1", "a1-r1", "a1-r2"]
    assert [
        r["id"] for r in client.get("/v1/records?design=cohort_study&min_sample_size=40", headers=h).json()["items"]
    ] == [
        "a1-n1",
        "a1-r2",
    ]
    assert [r["id"] for r in client.get("/v1/records?reviewed=false&route=intranasal", headers=h).json()["items"]] == [
        "a1-n1",
        "a1-r2",
    ]
    exported = [json.loads(line) for line in client.get("/v1/export?format=jsonl", headers=h).text.splitlines()]
    mine = next(r for r in exported if r["id"] == "a1-n1")
    assert mine["label"] == MISSED["label"] and mine["sample_size"]["value"] == 40
    rows = client.get("/v1/export?format=csv&article_id=a1&design=cohort_study", headers=h).text
    assert "a1-n1" in rows and "esketamine" in rows
    article = client.get("/v1/articles/a1", headers=h).json()
    assert "a1-n1" in [r["id"] for r in article["result"]["records"]]
    assert "a1-n1" in [r["id"] for r in article["records"]]


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"label": ""},
        {"label": "   "},
        {"label": "x", "id": "r9"},
        {"label": "x", "nonsense": 1},
        {"label": "x", "design": {"value": "not_a_design", "confidence": 1}},
        {"label": "x", "sample_size": {"value": -1, "unit": "patients", "confidence": 1}},
        {"label": "x", "evidence": {"start": 0, "end": 5, "text": "xxxxx"}},
        {"label": "x", "evidence": {"start": 5, "end": 2, "text": ""}},
        {
            "label": "x",
            "outcomes": [{"name": "pain", "evidence": {"start": 0, "end": 4, "text": "pain"}, "confidence": 1}],
        },
        {"label": "x", "reason": "why\u0000"},
        [],
    ],
)
def test_records_create_malformed_is_422(client: TestClient, keys: dict[str, str], article_id: str, body: Any) -> None:
    h = bearer(keys["reviewer"])
    response = client.post("/v1/articles/a1/records", json=body, headers=h)
    assert response.status_code == 422, response.text
    assert [r["id"] for r in client.get("/v1/records?article_id=a1", headers=h).json()["items"]] == ["a1-r1", "a1-r2"]


def test_records_create_unknown_article_is_404(client: TestClient, keys: dict[str, str], article_id: str) -> None:
    response = client.post("/v1/articles/nope/records", json={"label": "x"}, headers=bearer(keys["reviewer"]))
    assert response.status_code == 404


def test_records_create_session_cookie_needs_csrf(app: FastAPI, article_id: str) -> None:
    client = TestClient(app)
    cookie, csrf = issue_session(Principal("carol", "reviewer", 1))
    client.cookies.set(auth.SESSION_COOKIE, cookie)
    body = {"label": "a missed study"}
    assert client.post("/v1/articles/a1/records", json=body).status_code == 403
    assert client.post("/v1/articles/a1/records", json=body, headers={"X-CSRF-Token": "x" + csrf}).status_code == 403
    ok = client.post("/v1/articles/a1/records", json=body, headers={"X-CSRF-Token": csrf})
    assert ok.status_code == 201 and ok.json()["id"] == "a1-n1"
    reader, reader_csrf = issue_session(Principal("rita", "reader", 2))
    client.cookies.set(auth.SESSION_COOKIE, reader)
    assert client.post("/v1/articles/a1/records", json=body, headers={"X-CSRF-Token": reader_csrf}).status_code == 403


def test_records_create_store_defaults_and_reextraction(engine: Engine, article_id: str) -> None:
    with session_scope(engine) as session:
        # The store takes a plain dict too: left-out confidences are a person's (1.0), the id is its own.
        record = store.create_record(
            session,
            "a1",
            record={"id": "ignored", "label": "missed", "outcomes": [{"name": "anxiety"}], "design": None},
            reviewer="rev",
            reason=None,
        )
        assert record.id == "a1-n1" and record.outcomes[0].confidence == 1.0 and record.confidence == 1.0
        assert record.review.fields == {"label": "corrected", "outcomes/0": "corrected"}
        model = store.create_record(
            session, "a1", record=NewRecord(label="from a model", species="rat"), reviewer="rev", reason="x"
        )
        assert model.id == "a1-n2" and model.species == "rat"
        assert model.review.fields == {"label": "corrected", "species": "corrected"}
        with pytest.raises(store.NotFound):
            store.create_record(session, "nope", record={"label": "x"}, reviewer="rev")
        # A re-extraction keeps reviewers' records: they are neither retired nor overwritten.
        store.reextract(session, "a1", sample_result(), reviewer="lead")
        for record_id in ("a1-n1", "a1-n2"):
            kept = store.get_record(session, record_id)
            assert kept.active and kept.version == 1
            assert store.replay_history(session, record_id) == kept
        assert [r.id for r in store.article_records(session, "a1")] == ["a1-n1", "a1-n2", "a1-r1", "a1-r2"]


def test_records_create_concurrent_additions_get_distinct_ids(engine: Engine, article_id: str) -> None:
    errors: list[BaseException] = []

    def writer(w: int) -> None:
        try:
            for i in range(5):
                with session_scope(engine) as session:
                    store.create_record(session, "a1", record={"label": f"w{w}-{i}"}, reviewer=f"w{w}")
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with session_scope(engine) as session:
        added = [r for r in store.article_records(session, "a1") if r.id.startswith("a1-n")]
        assert sorted(r.id for r in added) == sorted(f"a1-n{k}" for k in range(1, 21))
        assert sorted(r.label for r in added) == sorted(f"w{w}-{i}" for w in range(4) for i in range(5))
        assert all(store.replay_history(session, r.id) == r for r in added)
