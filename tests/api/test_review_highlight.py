"""The review UI's server-side rendering of the cleaned text: escaped segments split at evidence-span boundaries."""

from __future__ import annotations

import html
import re

from api.review import render


def _record(text: str) -> dict[str, object]:
    def ev(phrase: str) -> dict[str, object]:
        start = text.index(phrase)
        return {"start": start, "end": start + len(phrase), "text": phrase}

    return {
        "id": "a1-r1",
        "label": "trial",
        "evidence": ev("A trial of <b>ketamine</b> in 185 adults"),
        "design": {"value": "randomized_controlled_trial", "evidence": ev("A trial"), "confidence": 0.9},
        "sample_size": {"value": 185, "unit": "participants", "evidence": ev("185 adults"), "confidence": 0.8},
        "interventions": [{"name": "ketamine", "evidence": ev("<b>ketamine</b>"), "confidence": 0.7}],
        "outcomes": [{"name": "pain", "evidence": ev("pain"), "confidence": 0.5}],
        "review": {"status": "in_review", "fields": {"outcomes/0": "rejected"}},
    }


def test_review_highlight_segments_escape_and_keep_offsets() -> None:
    text = "A trial of <b>ketamine</b> in 185 adults reduced pain & distress."
    rec = _record(text)
    repairs = [render.Repair(text.index("reduced"), text.index("reduced") + 7, "lowered <i>", "reduced")]
    out = str(render.highlight(text, render.article_spans({"text": text}, [rec]), repairs))

    # Stripping the tags and unescaping gives back exactly the text: browser offsets equal server offsets.
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text
    assert "<b>" not in out and "&lt;b&gt;ketamine&lt;/b&gt;" in out and "&amp; distress" in out
    # The innermost span colours a segment; every covering span is listed.
    marks = re.findall(r'<mark class="([^"]+)" ([^>]*)>([^<]*)</mark>', out)
    by_text = {m[2]: (m[0], m[1]) for m in marks}
    assert "t-design" in by_text["A trial"][0]
    assert 'data-spans="a1-r1:design a1-r1:evidence"' in by_text["A trial"][1]
    assert "t-intervention" in by_text["&lt;b&gt;ketamine&lt;/b&gt;"][0]
    assert "t-sample_size" in by_text["185 adults"][0]
    # A rejected field's span is drawn struck through; a spin repair carries its original on hover, escaped.
    assert "rejected" in by_text["pain"][0]
    assert 'title="restored from: lowered &lt;i&gt;"' in by_text["reduced"][1]


def test_review_highlight_rows_cover_every_field_path() -> None:
    text = "A trial of <b>ketamine</b> in 185 adults reduced pain & distress."
    rec = _record(text)
    rec["interventions"][0]["dose"] = {"value": 0.5, "unit": "mg/kg", "max": None, "text": "0.5 mg/kg"}  # type: ignore[index]
    rows = {r.path: r for r in render.record_rows(rec)}
    assert {"design", "sample_size", "interventions/0", "interventions/0/dose", "outcomes/0", "follow_up"} <= set(rows)
    assert rows["interventions/0/dose"].display == "0.5 mg/kg" and rows["interventions/0/dose"].child
    assert not rows["interventions/0/dose"].can_evidence and rows["outcomes/0"].can_evidence
    assert rows["outcomes/0"].status == "rejected" and rows["outcomes/0"].span_id == "a1-r1:outcomes/0"
    assert rows["randomized"].shape == "scalar" and rows["sample_size"].shape == "object"
    assert render.record_confidence(rec) == 0.5


def test_review_highlight_ignores_spans_outside_the_text() -> None:
    text = "short text"
    rec = {"id": "r", "design": {"value": "other", "evidence": {"start": 5, "end": 99, "text": "x"}, "confidence": 1}}
    assert str(render.highlight(text, render.article_spans({"text": text}, [rec]), [])) == text


def test_review_highlight_summaries_read_like_the_article() -> None:
    assert render.summarize({"value": 230, "unit": "participants", "kind": "enrolled"}) == "230 participants · enrolled"
    assert render.summarize({"name": "pain", "direction": "no_difference", "timepoint": "6 months"}) == (
        "pain · no difference · 6 months"
    )
    assert render.summarize({"value": 0.5, "unit": "mg/kg", "max": 1.0, "text": "0.5-1 mg/kg"}) == "0.5-1 mg/kg"
    assert render.summarize({"name": "window.__xss"}) == "window.__xss"  # free text keeps its underscores
    assert render.summarize(None) == "—" and render.summarize(True) == "yes"
