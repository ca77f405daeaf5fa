"""Review UI sign-in: API key → HttpOnly, SameSite=Strict session cookie; CSRF on the sign-in and sign-out forms and
on the API calls the pages make; no open redirect; static files only from the package; CSP on every page."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from api import auth

LOGIN_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
META_CSRF = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


def _login_token(client: TestClient) -> str:
    page = client.get("/review/login")
    assert page.status_code == 200
    match = LOGIN_CSRF.search(page.text)
    assert match is not None
    return match.group(1)


def test_review_auth_sign_in_and_out(client: TestClient, keys: dict[str, str], article_id: str) -> None:
    # Not signed in: pages send you to the sign-in form, remembering where you were going.
    first = client.get("/review/articles/a1", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/review/login?next=%2Freview%2Farticles%2Fa1"

    # A forged sign-in form (no login CSRF cookie/token pair) and a wrong key are refused.
    token = _login_token(client)
    forged = client.post("/review/login", data={"api_key": keys["reviewer"], "csrf_token": "forged"})
    assert forged.status_code == 401 and auth.SESSION_COOKIE not in client.cookies
    wrong = client.post("/review/login", data={"api_key": "ss_nope_nope", "csrf_token": _login_token(client)})
    assert wrong.status_code == 401 and "Unknown API key" in wrong.text

    # Sign in; `next` may only point inside the review UI.
    token = _login_token(client)
    signed = client.post(
        "/review/login",
        data={"api_key": keys["reviewer"], "csrf_token": token, "next": "//evil.example/review"},
        follow_redirects=False,
    )
    assert signed.status_code == 303 and signed.headers["location"] == "/review"
    cookie_header = next(v for k, v in signed.headers.multi_items() if k == "set-cookie" and "studysift_session" in v)
    assert "HttpOnly" in cookie_header and "SameSite=strict" in cookie_header.replace("Strict", "strict")
    assert "Path=/" in cookie_header
    cookie = client.cookies[auth.SESSION_COOKIE]
    principal = auth.principal_from_session(cookie)
    assert principal is not None and (principal.name, principal.role) == ("reviewer-user", "reviewer")

    # Pages carry the session's CSRF token for their scripts, and the CSP.
    queue = client.get("/review")
    assert queue.status_code == 200 and "reviewer-user" in queue.text and "read-only" not in queue.text
    assert "default-src 'self'" in queue.headers["content-security-policy"]
    match = META_CSRF.search(queue.text)
    assert match is not None and match.group(1) == auth.csrf_token_for(cookie)

    # The API accepts the cookie for writes only with the CSRF header.
    body = {"accept": ["design"]}
    no_csrf = client.patch("/v1/records/a1-r1", json=body, headers={"If-Match": "1"})
    assert no_csrf.status_code == 403
    ok = client.patch("/v1/records/a1-r1", json=body, headers={"If-Match": "1", "X-CSRF-Token": match.group(1)})
    assert ok.status_code == 200 and ok.json()["review"]["fields"]["design"] == "accepted"

    # Signing out needs the form's CSRF token too.
    assert client.post("/review/logout", data={"csrf_token": "forged"}).status_code == 403
    out = client.post("/review/logout", data={"csrf_token": match.group(1)}, follow_redirects=False)
    assert out.status_code == 303 and auth.SESSION_COOKIE not in client.cookies


def test_review_auth_static_files(client: TestClient) -> None:
    js = client.get("/review/static/review.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    assert "innerHTML" not in js.text  # untrusted text only through textContent / DOM methods
    assert client.get("/review/static/review.css").headers["content-type"].startswith("text/css")
    for bad in ("routes.py", "..%2Froutes.py", "templates", "nope.js"):
        assert client.get(f"/review/static/{bad}").status_code == 404, bad
