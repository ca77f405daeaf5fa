from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from api import auth
from api.app import create_app
from api.auth import Principal, issue_session
from studysift.settings import Settings
from tests.api.conftest import TEXT, bearer

# (method, path, json body, extra headers, the least role that may call it)
CALLS: list[tuple[str, str, Any, dict[str, str], str]] = [
    ("GET", "/v1/me", None, {}, "reader"),
    ("GET", "/v1/articles", None, {}, "reader"),
    ("GET", "/v1/articles/a1", None, {}, "reader"),
    ("GET", "/v1/records?design=cohort_study", None, {}, "reader"),
    ("GET", "/v1/records/a1-r1", None, {}, "reader"),
    ("GET", "/v1/records/a1-r1/history", None, {}, "reader"),
    ("GET", "/v1/export?format=csv", None, {}, "reader"),
    ("POST", "/v1/extract", {"text": TEXT}, {}, "reader"),
    ("POST", "/v1/extract?store=true", {"text": TEXT}, {}, "reviewer"),
    ("POST", "/v1/articles", {"text": TEXT}, {}, "reviewer"),
    ("PATCH", "/v1/records/a1-r1", {"accept": ["design"]}, {"If-Match": '"1"'}, "reviewer"),
    ("POST", "/v1/records/a1-r1/split", {"moves": ["interventions/1"]}, {}, "reviewer"),
    ("POST", "/v1/articles/a1/records", {"label": "a missed study"}, {}, "reviewer"),
    ("POST", "/v1/records/merge", {"ids": ["a1-r1", "a1-r2"], "versions": {"a1-r1": 3, "a1-r2": 1}}, {}, "reviewer"),
    ("POST", "/v1/articles/a1/reextract", None, {}, "reviewer"),
    ("GET", "/v1/users", None, {}, "admin"),
    ("POST", "/v1/users", {"name": "new-one", "role": "reader"}, {}, "admin"),
]


@pytest.mark.parametrize("role", ["anonymous", "reader", "reviewer", "admin"])
def test_auth_roles_every_endpoint(
    client: TestClient, keys: dict[str, str], article_id: str, engine: Engine, role: str
) -> None:
    headers = bearer(keys[role]) if role in keys else {}
    for method, path, body, extra, needed in CALLS:
        response = client.request(method, path, json=body, headers={**headers, **extra})
        if role == "anonymous":
            assert response.status_code == 401, (method, path, response.text)
            assert response.headers["www-authenticate"] == "Bearer"
        elif auth.RANK[role] < auth.RANK[needed]:
            assert response.status_code == 403, (method, path, response.text)
        else:
            assert response.status_code < 300, (method, path, response.status_code, response.text)
    history = client.get("/v1/records/a1-r1/history", headers=bearer(keys["admin"])).json()["items"]
    reviewers = {item["reviewer"] for item in history[1:]}
    assert reviewers == ({f"{role}-user"} if auth.RANK.get(role, 0) >= 2 else set())


def test_auth_roles_unknown_or_malformed_keys(client: TestClient, keys: dict[str, str]) -> None:
    for header in ("Bearer nope", "Bearer ss_0000_x", "Basic abc", "Bearer ", keys["admin"]):
        response = client.get("/v1/records", headers={"Authorization": header})
        assert response.status_code == 401, header
    assert client.get("/v1/records", headers=bearer(keys["admin"] + "x")).status_code == 401


def test_auth_roles_anonymous_reading_is_a_setting(db_url: str, article_id: str) -> None:
    app = create_app(Settings(database_url=db_url, anonymous_read=True), warm=False)
    client = TestClient(app)
    assert client.get("/v1/records").status_code == 200
    assert client.get("/v1/records/a1-r1").status_code == 200
    assert client.post("/v1/extract", json={"text": TEXT}).status_code == 200
    assert client.post("/v1/extract?store=true", json={"text": TEXT}).status_code == 401
    assert client.post("/v1/articles", json={"text": TEXT}).status_code == 401
    assert client.patch("/v1/records/a1-r1", json={"accept": ["*"]}, headers={"If-Match": "1"}).status_code == 401
    app.state.engine.dispose()


def test_auth_roles_session_cookie_needs_csrf_for_writes(app: FastAPI, keys: dict[str, str], article_id: str) -> None:
    client = TestClient(app)
    cookie, csrf = issue_session(Principal("carol", "reviewer", 1))
    client.cookies.set(auth.SESSION_COOKIE, cookie)
    assert client.get("/v1/me").json() == {"name": "carol", "role": "reviewer"}
    body, headers = {"accept": ["design"]}, {"If-Match": "1"}
    assert client.patch("/v1/records/a1-r1", json=body, headers=headers).status_code == 403
    assert (
        client.patch("/v1/records/a1-r1", json=body, headers={**headers, "X-CSRF-Token": "x" + csrf}).status_code == 403
    )
    response = client.patch("/v1/records/a1-r1", json=body, headers={**headers, "X-CSRF-Token": csrf})
    assert response.status_code == 200 and response.json()["version"] == 2
    assert auth.csrf_token_for(cookie) == csrf
    # A forged or expired cookie is no session.
    client.cookies.set(auth.SESSION_COOKIE, cookie[:-2] + "xx")
    assert client.get("/v1/me").status_code == 401
    expired, _ = issue_session(Principal("carol", "reviewer", 1), seconds=-1)
    client.cookies.set(auth.SESSION_COOKIE, expired)
    assert client.get("/v1/me").status_code == 401
    assert auth.principal_from_session(expired) is None
    # A Bearer key needs no CSRF token, even with a cookie present.
    response = client.patch(
        "/v1/records/a1-r1", json={"accept": ["*"]}, headers={"If-Match": "2", **bearer(keys["reviewer"])}
    )
    assert response.status_code == 200


def test_auth_roles_keys_are_stored_hashed(engine: Engine, keys: dict[str, str]) -> None:
    from sqlalchemy import select

    from api.db import session_scope
    from api.tables import User

    with session_scope(engine) as session:
        stored = {u.name: u.key_hash for u in session.scalars(select(User))}
    assert stored["admin-user"] == auth.hash_key(keys["admin"])
    assert all(key not in stored.values() for key in keys.values())
