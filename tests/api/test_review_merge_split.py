"""Fixing the extractor's grouping in the browser: split items of one record into a new record, merge records
(through the API's POST /v1/records/{id}/split and /v1/records/merge, with the session's CSRF token; a merge of
versions another reviewer has changed is refused and says so), and mark a record reviewed as a whole."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from extractor.models import ArticleResult
from tests.api.browser import AppServer, app_server, chromium, new_page, sign_in  # noqa: F401
from tests.api.review_data import ev

TEXT = (
    "Two studies. In a trial, 30 patients with chronic pain received oral ketamine. "
    "In a rat study, 20 rats received intraperitoneal esketamine. Pain decreased in both."
)


def _result() -> ArticleResult:
    t = TEXT
    wrong = {  # the extractor put the rat study's drug into the trial's record
        "id": "r1",
        "label": "trial, 30 patients",
        "design": {"value": "randomized_controlled_trial", "evidence": ev(t, "a trial"), "confidence": 0.7},
        "sample_size": {"value": 30, "unit": "patients", "evidence": ev(t, "30 patients"), "confidence": 0.9},
        "interventions": [
            {"name": "ketamine", "route": "oral", "evidence": ev(t, "oral ketamine"), "confidence": 0.9},
            {"name": "esketamine", "evidence": ev(t, "esketamine"), "confidence": 0.4},
        ],
    }
    rats = {
        "id": "r2",
        "label": "rat study",
        "design": {"value": "animal_study", "evidence": ev(t, "rat study"), "confidence": 0.8},
        "species": "rat",
        "outcomes": [
            {"name": "pain", "direction": "decreased", "evidence": ev(t, "Pain decreased"), "confidence": 0.6}
        ],
    }
    return ArticleResult.model_validate(
        {
            "article": {"id": "two-studies", "sha256": "0" * 64, "title": "Two studies"},
            "text": t,
            "records": [wrong, rats],
        }
    )


def test_review_merge_split(app_server: AppServer, chromium: Any) -> None:  # noqa: F811
    article_id = app_server.save(TEXT, _result())
    page = new_page(chromium)
    sign_in(page, app_server, app_server.user("carol"), f"/review/articles/{article_id}")

    # Split: tick the wrongly grouped intervention and move it to a new record.
    trial = page.locator(f'.record[data-record-id="{article_id}-r1"]')
    trial.locator("[data-act=split]").first.click()
    trial.locator('.field[data-path="interventions/1"] .split-pick').check()
    trial.locator("[data-act=split-go]").click()
    created = page.locator(f'.record[data-record-id="{article_id}-s1"]')
    created.wait_for()
    assert created.locator('.field[data-path="interventions/0"] .field-value').inner_text() == "esketamine"
    assert page.locator(f'.record[data-record-id="{article_id}-r1"] .field[data-path="interventions/1"]').count() == 0

    # Merge the new record with the rat study: another reviewer corrects the rat study first, so the merge of the
    # versions on screen is refused (409) and says so; after a reload it goes through with their correction.
    def tick_and_merge() -> None:
        for rid in (f"{article_id}-r2", f"{article_id}-s1"):
            page.locator(f'.record[data-record-id="{rid}"] .merge-pick').check()
        page.locator("[data-act=merge]").click()

    other = {"Authorization": f"Bearer {app_server.user('dave')}", "If-Match": "1"}
    patched = page.request.patch(
        f"{app_server.url}/v1/records/{article_id}-r2", data={"set": {"follow_up": "2 weeks"}}, headers=other
    )
    assert patched.status == 200
    tick_and_merge()
    rats = page.locator(f'.record[data-record-id="{article_id}-r2"]')
    expect(rats.locator(".status-line")).to_contain_text("Not merged")
    assert f"{article_id}-r2 (now v2, you saw v1)" in rats.locator(".status-line").inner_text()
    assert page.locator(f'.record[data-record-id="{article_id}-m1"]').count() == 0
    rats.locator(".status-line button").click()
    page.wait_for_selector(f'.record[data-record-id="{article_id}-r2"][data-version="2"]')
    tick_and_merge()
    merged = page.locator(f'.record[data-record-id="{article_id}-m1"]')
    merged.wait_for()
    assert page.locator(f'.record[data-record-id="{article_id}-r2"]').count() == 0
    record = page.request.get(f"{app_server.url}/v1/records/{article_id}-m1").json()
    assert record["species"] == "rat" and [i["name"] for i in record["interventions"]] == ["esketamine"]
    assert record["outcomes"][0]["name"] == "pain"
    assert record["follow_up"] == "2 weeks"  # the other reviewer's correction is in the merged record

    # Mark the merged record reviewed as a whole: the queue counts it.
    merged.locator("[data-act=record-accept]").click()
    page.wait_for_selector(f'.record[data-record-id="{article_id}-m1"][data-version="2"]')
    assert "record accepted" in merged.locator(".record-head").inner_text()
    page.goto(app_server.url + "/review")
    assert page.inner_text("#count-reviewed") == "1"
    page.context.close()
