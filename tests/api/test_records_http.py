from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient

from tests.api.conftest import TEXT, bearer


def test_records_http_filters_and_cursor_pages(client: TestClient, keys: dict[str, str], article_id: str) -> None:
    h = bearer(keys["reader"])

    def ids(query: str) -> list[str]:
        response = client.get(f"/v1/records?{query}", headers=h)
        assert response.status_code == 200, response.text
        return [r["id"] for r in response.json()["items"]]

    assert ids("") == ["a1-r1", "a1-r2"]
    assert ids("design=cohort_study") == ["a1-r2"]
    assert ids("intervention=KETAMINE") == ["a1-r1", "a1-r2"]  # esketamine contains ketamine
    assert ids("intervention=placebo") == ["a1-r1"]
    assert ids("route=intranasal") == ["a1-r2"]
    assert ids("min_sample_size=100") == ["a1-r1"]
    assert ids("reviewed=true") == []
    assert ids("article_id=a1&reviewed=false") == ["a1-r1", "a1-r2"]
    first = client.get("/v1/records?limit=1", headers=h).json()
    assert [r["id"] for r in first["items"]] == ["a1-r1"] and first["next"]
    second = client.get(f"/v1/records?limit=1&cursor={first['next']}", headers=h).json()
    assert [r["id"] for r in second["items"]] == ["a1-r2"] and second["next"] is None
    assert client.get("/v1/records?design=banana", headers=h).status_code == 422
    assert client.get("/v1/records?cursor=%%%", headers=h).status_code == 422
    assert client.get("/v1/records?min_sample_size=-1", headers=h).status_code == 422


def test_records_http_patch_conflict_and_history(client: TestClient, keys: dict[str, str], article_id: str) -> None:
    alice, bob = bearer(keys["reviewer"]), bearer(keys["admin"])
    got = client.get("/v1/records/a1-r1", headers=alice)
    assert got.headers["etag"] == '"1"' and got.json()["version"] == 1 and got.json()["article_id"] == "a1"
    body = {"set": {"sample_size": {"value": 200, "unit": "participants"}}, "reason": "table 1"}
    assert client.patch("/v1/records/a1-r1", json=body, headers=alice).status_code == 428
    assert client.patch("/v1/records/a1-r1", json=body, headers={**alice, "If-Match": "one"}).status_code == 422
    assert client.patch("/v1/records/nope", json=body, headers={**alice, "If-Match": "1"}).status_code == 404
    first = client.patch("/v1/records/a1-r1", json=body, headers={**alice, "If-Match": got.headers["etag"]})
    assert first.status_code == 200 and first.json()["version"] == 2 and first.headers["etag"] == '"2"'
    assert first.json()["review"] == {"status": "in_review", "fields": {"sample_size": "corrected"}}
    stale = client.patch("/v1/records/a1-r1", json={"reject": ["outcomes/0"]}, headers={**bob, "If-Match": "1"})
    assert stale.status_code == 409
    assert stale.json()["current"]["version"] == 2 and stale.json()["current"]["sample_size"]["value"] == 200
    bad = client.patch(
        "/v1/records/a1-r1", json={"set": {"outcomes/9": {"name": "x"}}}, headers={**bob, "If-Match": "2"}
    )
    assert bad.status_code == 422
    ok = client.patch("/v1/records/a1-r1", json={"reject": ["outcomes/0"]}, headers={**bob, "If-Match": "2"})
    assert ok.status_code == 200 and ok.json()["version"] == 3
    history = client.get("/v1/records/a1-r1/history", headers=alice).json()["items"]
    assert [(h["version"], h["action"], h["field"], h["reviewer"]) for h in history] == [
        (1, "extract", None, None),
        (2, "set", "sample_size", "reviewer-user"),
        (3, "reject", "outcomes/0", "admin-user"),
    ]
    assert history[1]["old"]["value"] == 120 and history[1]["new"]["value"] == 200 and history[1]["reason"] == "table 1"
    assert client.get("/v1/records/nope/history", headers=alice).status_code == 404
    # The article shows the corrected records: the rejected outcome is gone from its ArticleResult.
    article = client.get("/v1/articles/a1", headers=alice).json()
    assert article["raw"] == TEXT
    assert article["result"]["records"][0]["outcomes"] == [] and article["result"]["records"][0]["id"] == "a1-r1"
    assert article["records"][0]["outcomes"][0]["name"] == "depression scores"


def test_records_http_export_applies_corrections(client: TestClient, keys: dict[str, str], article_id: str) -> None:
    h = bearer(keys["reviewer"])
    patch = {"set": {"interventions/0/dose": {"value": 0.5, "unit": "mg/kg", "text": "0.5 mg/kg"}}}
    assert client.patch("/v1/records/a1-r1", json=patch, headers={**h, "If-Match": "1"}).status_code == 200
    assert client.patch("/v1/records/a1-r2", json={"reject": ["*"]}, headers={**h, "If-Match": "1"}).status_code == 200
    lines = client.get("/v1/export?format=jsonl", headers=h)
    assert lines.headers["content-type"].startswith("application/x-ndjson")
    records = [json.loads(line) for line in lines.text.splitlines()]
    assert [r["id"] for r in records] == ["a1-r1"]  # the rejected record is not exported
    assert records[0]["interventions"][0]["dose"]["unit"] == "mg/kg" and records[0]["version"] == 2
    table = client.get("/v1/export?format=csv&design=randomized_controlled_trial", headers=h)
    assert table.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert [(r["record_id"], r["intervention"], r["dose_value"], r["route"]) for r in rows] == [
        ("a1-r1", "ketamine", "0.5", "intravenous"),
        ("a1-r1", "placebo", "", ""),
    ]
    assert rows[0]["corrected_fields"] == "interventions/0/dose" and rows[0]["sample_size"] == "120"
    empty = client.get("/v1/export?format=csv&design=guideline", headers=h)
    assert empty.text.splitlines()[0].startswith("article_id,record_id")
    assert client.get("/v1/export?format=xml", headers=h).status_code == 422


def test_records_http_merge_and_split(client: TestClient, keys: dict[str, str], article_id: str) -> None:
    h = bearer(keys["reviewer"])
    body = {"ids": ["a1-r1", "a1-r2"], "versions": {"a1-r1": 1, "a1-r2": 1}, "reason": "same trial"}
    merged = client.post("/v1/records/merge", json=body, headers=h)
    assert merged.status_code == 201 and merged.json()["id"] == "a1-m1"
    assert client.get("/v1/records/a1-r1", headers=h).json()["active"] is False
    assert [r["id"] for r in client.get("/v1/records", headers=h).json()["items"]] == ["a1-m1"]
    split = client.post("/v1/records/a1-m1/split", json={"moves": ["interventions/2"]}, headers=h)
    assert split.status_code == 201
    assert (
        split.json()["source"]["version"] == 2 and split.json()["created"]["interventions"][0]["name"] == "esketamine"
    )
    assert client.post("/v1/records/a1-m1/split", json={"moves": ["design"]}, headers=h).status_code == 422
    body = {"ids": ["a1-m1", "nope"], "versions": {"a1-m1": 2, "nope": 1}}
    assert client.post("/v1/records/merge", json=body, headers=h).status_code == 404
    history = client.get("/v1/records/a1-r2/history", headers=h).json()["items"]
    assert history[-1]["action"] == "merged" and history[-1]["old"] == "a1-m1" and history[-1]["reason"] == "same trial"


def test_records_http_merge_needs_the_versions_read(client: TestClient, keys: dict[str, str], article_id: str) -> None:
    alice, bob = bearer(keys["reviewer"]), bearer(keys["admin"])
    ids = ["a1-r1", "a1-r2"]
    # Without versions, or without one per record, the merge is malformed.
    assert client.post("/v1/records/merge", json={"ids": ids}, headers=alice).status_code == 422
    for versions in ({"a1-r1": 1}, {"a1-r1": 1, "a1-r2": 1, "a1-x": 1}, {"a1-r1": 0, "a1-r2": 1}):
        response = client.post("/v1/records/merge", json={"ids": ids, "versions": versions}, headers=alice)
        assert response.status_code == 422, versions
    # Bob corrects r2 while Alice decides to merge the versions she read: her merge is refused with both records.
    fixed = client.patch("/v1/records/a1-r2", json={"set": {"follow_up": "8 weeks"}}, headers={**bob, "If-Match": "1"})
    assert fixed.status_code == 200 and fixed.json()["version"] == 2
    stale = client.post("/v1/records/merge", json={"ids": ids, "versions": {"a1-r1": 1, "a1-r2": 1}}, headers=alice)
    assert stale.status_code == 409, stale.text
    assert stale.json()["stale"] == ["a1-r2"]
    current = {r["id"]: r for r in stale.json()["current"]}
    assert current["a1-r1"]["version"] == 1 and current["a1-r2"]["version"] == 2
    assert current["a1-r2"]["follow_up"] == "8 weeks"
    # Nothing changed: both records active, no merged record, no new history.
    assert [r["id"] for r in client.get("/v1/records?article_id=a1", headers=alice).json()["items"]] == ids
    assert len(client.get("/v1/records/a1-r1/history", headers=alice).json()["items"]) == 1
    # With the versions she now has, the merge goes through and keeps Bob's correction.
    ok = client.post("/v1/records/merge", json={"ids": ids, "versions": {"a1-r1": 1, "a1-r2": 2}}, headers=alice)
    assert ok.status_code == 201 and ok.json()["id"] == "a1-m1" and ok.json()["follow_up"] == "8 weeks"
    # A record already merged is stale for anyone still holding its old version.
    again = client.post("/v1/records/merge", json={"ids": ids, "versions": {"a1-r1": 1, "a1-r2": 2}}, headers=bob)
    assert again.status_code == 409 and sorted(again.json()["stale"]) == ids
    assert all(r["active"] is False for r in again.json()["current"])
