"""Two reviewers in two browser sessions edit the same record: the second save gets the API's 409, the UI shows
the other reviewer's change, and "Redo my change on top" saves it on the new version. Takes the conflict.png
screenshot (docs/screenshots/ with STUDYSIFT_UPDATE_SCREENSHOTS=1)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.api.browser import AppServer, app_server, chromium, new_page, screenshot, sign_in  # noqa: F401
from tests.api.review_data import abstract_result


def test_review_conflict(app_server: AppServer, chromium: Any, tmp_path: Path) -> None:  # noqa: F811
    text, result = abstract_result()
    article_id = app_server.save(text, result)
    rid = f"{article_id}-r1"
    path = f"/review/articles/{article_id}"
    alice, bob = new_page(chromium), new_page(chromium)
    sign_in(alice, app_server, app_server.user("alice"), path)
    sign_in(bob, app_server, app_server.user("bob"), path)

    def edit_size(page: Any, value: str, reason: str) -> None:
        row = page.locator('.field[data-path="sample_size"]')
        row.locator(".field-head").click()
        page.keyboard.press("e")
        row.locator("[data-key=value]").fill(value)
        page.locator(".reason textarea").fill(reason)
        row.locator("button[type=submit]").click()

    # Both read version 1; Alice saves first.
    edit_size(alice, "230", "three more were randomised")
    alice.wait_for_selector('.record[data-version="2"]')

    # Bob's save on version 1 conflicts: he sees Alice's change and who made it.
    edit_size(bob, "226", "one dropped out")
    conflict = bob.locator(".record .conflict")
    conflict.wait_for(state="visible")
    shown = conflict.inner_text()
    assert "v2" in shown and "alice" in shown and "230" in shown and "226" in shown
    assert bob.locator(".record").get_attribute("data-version") == "1"  # nothing was saved
    screenshot(bob, "conflict.png", tmp_path)

    # Redo on top of Alice's version.
    conflict.locator("[data-act=redo]").click()
    bob.wait_for_selector('.record[data-version="3"]')
    assert bob.locator('.field[data-path="sample_size"] .field-value').inner_text().startswith("226")

    record = bob.request.get(f"{app_server.url}/v1/records/{rid}").json()
    assert record["version"] == 3 and record["sample_size"]["value"] == 226
    history = bob.request.get(f"{app_server.url}/v1/records/{rid}/history").json()["items"]
    assert [(h["reviewer"], h["new"]["value"]) for h in history if h["field"] == "sample_size"] == [
        ("alice", 230),
        ("bob", 226),
    ]
    alice.context.close()
    bob.context.close()
