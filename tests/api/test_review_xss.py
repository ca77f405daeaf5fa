"""Untrusted article text and HTML carrying <script>, onerror=, javascript: and <svg onload> payloads render as text
on every review page, and no script runs (checked in headless Chromium, with the CSP in place)."""

from __future__ import annotations

from typing import Any

from api import store
from api.db import session_scope
from api.schemas import RecordPatch
from tests.api.browser import AppServer, app_server, chromium, new_page, sign_in  # noqa: F401
from tests.api.review_data import PAYLOADS, xss_result

NO_FOREIGN_MARKUP_JS = """() => ({
  xss: window.__xss === undefined ? null : String(window.__xss),
  scripts: Array.from(document.scripts).map((s) => s.src),
  foreign: document.querySelectorAll(
    "main img, main svg, main iframe, main object, main embed, main a[href^='javascript']").length,
  handlers: Array.from(document.querySelectorAll("*")).filter((el) =>
      Array.from(el.attributes).some((a) => a.name.startsWith("on"))).length,
})"""


def test_review_xss(app_server: AppServer, chromium: Any) -> None:  # noqa: F811
    raw, result = xss_result()
    article_id = app_server.save(raw, result)
    rid = f"{article_id}-x1"
    with session_scope(app_server.engine) as session:  # a reviewer's value carrying a payload, for the history page
        patch = RecordPatch.model_validate({"set": {"evidence_level": PAYLOADS[1]}, "reason": PAYLOADS[3]})
        store.apply_patch(session, rid, expected_version=1, patch=patch, reviewer="mallory<script>")

    errors: list[str] = []
    dialogs: list[str] = []
    page = new_page(chromium, errors)

    def dismiss(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    sign_in(page, app_server, app_server.user("alice"))

    pages = {
        "queue": "/review",
        "article": f"/review/articles/{article_id}",
        "raw": f"/review/articles/{article_id}/raw",
        "history": f"/review/records/{rid}/history",
    }
    for name, path in pages.items():
        response = page.goto(app_server.url + path)
        assert response is not None and response.status == 200, name
        assert "default-src 'self'" in (response.headers.get("content-security-policy") or ""), name
        page.wait_for_selector("body[data-ready='1']")
        state = page.evaluate(NO_FOREIGN_MARKUP_JS)
        assert state["xss"] is None, (name, state)
        assert len(state["scripts"]) == 1 and state["scripts"][0].startswith(app_server.url + "/review/static/"), name
        assert state["foreign"] == 0 and state["handlers"] == 0, (name, state)
        body = page.inner_text("main")
        if name == "article":
            shown = page.locator("#article-text").text_content()
            assert all(p in shown for p in PAYLOADS)  # the payloads are there, as text
            assert PAYLOADS[0] + " trial" in page.inner_text(".record h2")
            form = page.inner_text(".record .fields")
            assert PAYLOADS[1] in form and PAYLOADS[3] in form and PAYLOADS[4] in form  # values shown verbatim
            spin = page.locator("#article-text mark.spin").first
            assert spin.get_attribute("title") == "restored from: " + PAYLOADS[1]
            page.click("#removed summary")
            assert PAYLOADS[3] in page.inner_text("#removed")
            # Hover the spin repair and click every highlight: still nothing runs.
            spin.hover()
            for mark in page.locator("#article-text mark").all()[:12]:
                mark.click()
            assert page.evaluate("() => window.__xss === undefined")
        elif name == "raw":
            assert page.locator("#raw").text_content() == raw
        elif name == "history":
            assert PAYLOADS[1] in body and "mallory<script>" in body
        elif name == "queue":
            assert PAYLOADS[0] in body
    assert dialogs == []
    assert errors == []
    page.context.close()
