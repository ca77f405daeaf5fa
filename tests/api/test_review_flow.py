"""The review UI end to end in headless Chromium: sign in, queue, the seed's highlights, correct a dose, reject an
outcome, add a missing outcome and a missing record by selecting their text, the history, and the API seeing every
change.

Takes the queue.png, article.png and history.png screenshots (docs/screenshots/ with STUDYSIFT_UPDATE_SCREENSHOTS=1)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.api.browser import AppServer, app_server, chromium, new_page, screenshot, sign_in  # noqa: F401
from tests.api.review_data import abstract_result, ev, seed_result

CARETS_JS = """([start, end]) => {
  // scroll text[start:end] into the middle of the article pane; return the viewport coordinates of the caret
  // positions before text[start] and after text[end - 1]
  const box = document.getElementById("article-text");
  const caret = (offset) => {
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (offset <= seen + t.data.length) {
        const range = document.createRange();
        range.setStart(t, offset - seen);
        return range.getBoundingClientRect();
      }
      seen += t.data.length;
    }
  };
  box.scrollTop += caret(start).top - box.getBoundingClientRect().top - box.clientHeight / 2;
  return [start, end].map((o) => { const r = caret(o); return [r.left, r.top + r.height / 2]; });
}"""


@pytest.fixture(scope="module")
def seeded(app_server: AppServer) -> dict[str, Any]:  # noqa: F811
    raw, result = seed_result()
    seed_id = app_server.save(raw.decode(), result, source="seeds/ketamine-for-therapy-diaries.txt")
    text, abstract = abstract_result()
    other_id = app_server.save(text, abstract)
    return {
        "seed": seed_id,
        "other": other_id,
        "text": result.text,
        "repairs": result.cleaning.spin.repairs,
        "key": app_server.user("alice"),
    }


def field(page: Any, record_id: str, path: str) -> Any:
    return page.locator(f'.record[data-record-id="{record_id}"] .field[data-path="{path}"]')


def test_review_flow(app_server: AppServer, chromium: Any, seeded: dict[str, Any], tmp_path: Path) -> None:  # noqa: F811
    errors: list[str] = []
    page = new_page(chromium, errors)
    page.goto(app_server.url + "/review")
    assert "/review/login" in page.url  # not signed in: the queue sends us to the sign-in form
    sign_in(page, app_server, seeded["key"])

    # The session cookie is HttpOnly and SameSite=Strict.
    cookie = next(c for c in page.context.cookies() if c["name"] == "studysift_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"

    # Queue: lowest confidence first, counts, both articles.
    labels = page.locator("#queue .queue-row").all_inner_texts()
    confidences = [float(t.split()[0]) for t in labels]
    assert confidences == sorted(confidences) and len(labels) >= 3
    assert any("parallel-group trial, 185 participants" in t for t in labels)
    assert any("intranasal esketamine" in t for t in labels)
    assert page.inner_text("#count-reviewed") == "0"
    assert int(page.inner_text("#count-remaining")) == len(labels)
    screenshot(page, "queue.png", tmp_path)
    page.select_option("select[name=design]", "case_report")
    page.click(".filters button[type=submit]")
    case_reports = page.locator("#queue .queue-row").all_inner_texts()
    assert case_reports and all("case report" in t for t in case_reports)
    page.goto(app_server.url + "/review")

    # Open the seed from the queue with the keyboard: j moves down the rows, Enter opens one.
    for _ in labels:
        page.keyboard.press("j")
        if "185 participants" in page.locator("#queue .queue-row.current").inner_text():
            break
    page.keyboard.press("Enter")
    page.wait_for_selector("#article-text")
    assert f"/review/articles/{seeded['seed']}" in page.url
    trial = "t185"
    rid = f"{seeded['seed']}-{trial}"
    text = seeded["text"]
    assert page.locator("#article-text").text_content() == text  # offsets in the page are offsets in the text

    # Highlights: one colour per field type, with a legend; clicking a field flashes its evidence.
    for kind in ("design", "sample_size", "intervention", "outcome", "condition"):
        assert page.locator(f"#article-text mark.t-{kind}").count() >= 1, kind
        assert page.locator(f".legend .swatch.t-{kind}").count() == 1
    size_mark = page.locator(f'#article-text mark[data-spans~="{rid}:sample_size"]')
    assert size_mark.inner_text() == "185"
    field(page, rid, "sample_size").locator(".field-head").click()
    assert "flash" in (size_mark.get_attribute("class") or "")
    assert "current" in (field(page, rid, "sample_size").get_attribute("class") or "")
    # Spin repairs say what they restored on hover.
    for repair in seeded["repairs"][:5]:
        spun = page.locator(f'#article-text mark.spin[data-restored-from="{repair.found}"]').first
        assert spun.get_attribute("title") == f"restored from: {repair.found}"
        assert repair.restored.startswith(spun.inner_text())
    # Removed boilerplate behind a toggle, raw input one click away.
    assert page.locator("#removed").get_attribute("open") is None
    assert page.get_attribute("#raw-link", "href") == f"/review/articles/{seeded['seed']}/raw"

    # Correct the dose: j/k to the field, e to edit, type, Enter to save.
    field(page, rid, "interventions/0").locator(".field-head").click()
    page.keyboard.press("j")
    dose = field(page, rid, "interventions/0/dose")
    assert "current" in (dose.get_attribute("class") or "")
    page.keyboard.press("e")
    dose.locator("[data-key=value]").fill("500")
    dose.locator("[data-key=unit]").fill("mg")
    record = page.locator(f'.record[data-record-id="{rid}"]')
    record.locator(".reason textarea").fill("the text says 500 mg")
    dose.locator("[data-key=unit]").press("Enter")
    page.wait_for_selector(f'.record[data-record-id="{rid}"][data-version="2"]')
    dose = field(page, rid, "interventions/0/dose")
    assert dose.locator(".field-value").inner_text() == "500 mg"
    assert dose.locator(".badge").inner_text() == "corrected"

    # Reject an outcome with r.
    field(page, rid, "outcomes/1").locator(".field-head").click()
    page.keyboard.press("r")
    page.wait_for_selector(f'.record[data-record-id="{rid}"][data-version="3"]')
    assert "s-rejected" in (field(page, rid, "outcomes/1").get_attribute("class") or "")

    # Add the missing outcome by selecting its text in the article.
    start = text.index("adverse effects")
    # Drag the mouse over the words, as a reviewer does.
    end = start + len("adverse effects")
    (x1, y1), (x2, y2) = page.evaluate(CARETS_JS, [start, end])
    page.mouse.move(x1 + 0.5, y1)
    page.mouse.down()
    page.mouse.move(x2 - 0.5, y2, steps=8)
    page.mouse.up()
    assert page.evaluate("() => window.getSelection().toString()") == "adverse effects"
    assert "adverse effects" in page.inner_text("#sel-hint")
    page.locator(f'.record[data-record-id="{rid}"] [data-act=add][data-list=outcomes]').click()
    new = page.locator(f'.record[data-record-id="{rid}"] .new-item[data-list=outcomes]')
    assert new.locator("[data-key=name]").input_value() == "adverse effects"
    new.locator("[data-key=direction]").select_option("increased")
    new.locator("button[type=submit]").click()
    page.wait_for_selector(f'.record[data-record-id="{rid}"][data-version="4"]')
    added = field(page, rid, "outcomes/2")
    assert added.locator(".field-value").inner_text().startswith("adverse effects")
    mark = page.locator(f'#article-text mark[data-spans~="{rid}:outcomes/2"]')
    assert mark.inner_text() == "adverse effects" and "t-outcome" in (mark.get_attribute("class") or "")

    # Set an existing field's evidence from a selection: the whole outcome name, not just its first words.
    whole = ev(text, ("patient-reported pain intensity", "patient-reported pain depth"))
    (x1, y1), (x2, y2) = page.evaluate(CARETS_JS, [whole["start"], whole["end"]])
    page.mouse.move(x1 + 0.5, y1)
    page.mouse.down()
    page.mouse.move(x2 - 0.5, y2, steps=8)
    page.mouse.up()
    outcome0 = field(page, rid, "outcomes/0")
    outcome0.locator(".field-head").click()
    page.keyboard.press("e")
    outcome0.locator("[data-act=use-selection]").click()
    assert whole["text"] in outcome0.locator(".ev-text").inner_text()
    outcome0.locator("button[type=submit]").click()
    page.wait_for_selector(f'.record[data-record-id="{rid}"][data-version="5"]')
    mark0 = page.locator(f'#article-text mark[data-spans~="{rid}:outcomes/0"]')
    assert "".join(mark0.all_inner_texts()) == whole["text"]

    # The help overlay.
    page.keyboard.press("?")
    assert page.locator("#help").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator("#help").is_visible()

    field(page, rid, "outcomes/2").locator(".field-head").click()
    expect(mark).to_be_in_viewport()
    screenshot(page, "article.png", tmp_path)

    # The API sees every change.
    api = page.request.get(f"{app_server.url}/v1/records/{rid}").json()
    assert api["version"] == 5
    assert api["outcomes"][0]["evidence"] == whole
    assert api["interventions"][0]["dose"]["value"] == 500 and api["interventions"][0]["dose"]["unit"] == "mg"
    assert api["review"]["fields"]["outcomes/1"] == "rejected"
    assert api["review"]["fields"]["interventions/0/dose"] == "corrected"
    assert api["outcomes"][2]["name"] == "adverse effects" and api["outcomes"][2]["direction"] == "increased"
    assert api["outcomes"][2]["evidence"] == {"start": start, "end": start + 15, "text": "adverse effects"}

    # Add a study the extractor missed: select its mention, "+ Record", a label and a design.
    mention = "ketamine’s effect on locomotor activity from the mice and rats"
    start = text.index(mention)
    (x1, y1), (x2, y2) = page.evaluate(CARETS_JS, [start, start + len(mention)])
    page.mouse.move(x1 + 0.5, y1)
    page.mouse.down()
    page.mouse.move(x2 - 0.5, y2, steps=8)
    page.mouse.up()
    assert page.evaluate("() => window.getSelection().toString()") == mention
    page.click("[data-act=new-record]")
    form = page.locator("#new-record")
    expect(form).to_be_visible()
    assert form.locator("input[name=label]").input_value() == mention  # the selection is the label's draft
    assert mention in form.locator(".ev-text").inner_text()
    form.locator("input[name=label]").fill("animal study, mice and rats")
    form.locator("select[name=design]").select_option("animal_study")
    form.locator("textarea[name=reason]").fill("the extractor missed the animal study")
    form.locator("button[type=submit]").click()
    nid = f"{seeded['seed']}-n1"
    added_record = page.locator(f'.record[data-record-id="{nid}"]')
    added_record.wait_for()
    assert added_record.locator("h2").inner_text() == "animal study, mice and rats"
    assert "in review" in added_record.locator(".record-head").inner_text()
    assert field(page, nid, "design").locator(".field-value").inner_text() == "animal study"
    assert field(page, nid, "design").locator(".badge").inner_text() == "corrected"
    study = page.locator(f'#article-text mark[data-spans~="{nid}:evidence"]')
    assert "".join(study.all_inner_texts()) == mention
    listed = page.request.get(f"{app_server.url}/v1/records?article_id={seeded['seed']}").json()["items"]
    mine = next(r for r in listed if r["id"] == nid)
    assert mine["version"] == 1 and mine["design"]["value"] == "animal_study"
    assert mine["evidence"] == {"start": start, "end": start + len(mention), "text": mention}
    assert mine["review"] == {
        "status": "in_review",
        "fields": {"label": "corrected", "design": "corrected", "evidence": "corrected"},
    }
    created = page.request.get(f"{app_server.url}/v1/records/{nid}/history").json()["items"]
    assert [(h["action"], h["reviewer"], h["reason"]) for h in created] == [
        ("create", "alice", "the extractor missed the animal study")
    ]

    # History: who changed what and when.
    record.locator("a", has_text="History").click()
    page.wait_for_selector("#history")
    hist = page.locator("#history tbody tr").all_inner_texts()
    assert any("interventions/0/dose" in h and "alice" in h and "the text says 500 mg" in h for h in hist)
    assert any("reject" in h and "outcomes/1" in h for h in hist)
    assert any("outcomes/2" in h and "adverse effects" in h for h in hist)
    screenshot(page, "history.png", tmp_path)

    # n goes to the next article in the queue.
    page.go_back()
    page.wait_for_selector("body[data-ready='1'] #article-text")
    page.keyboard.press("n")
    page.wait_for_url(lambda url: seeded["seed"] not in url)
    assert "/review/articles/" in page.url
    assert errors == []
    page.context.close()
