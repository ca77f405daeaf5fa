"""Articles with known records for the review UI tests: the seed's cleaned text with hand-written records (so the
tests do not depend on how good extraction is today), a short second abstract, and an XSS article."""

from __future__ import annotations

from typing import Any

from extractor import extract
from extractor.models import ArticleResult, Cleaning, Removed, SpinRepair, SpinReport, StudyRecord
from tests.conftest import SEED


def ev(text: str, phrase: str | tuple[str, ...], after: str = "") -> dict[str, Any]:
    """Evidence for the first ``phrase`` in ``text`` after the first ``after`` (the first of several spellings
    that the text has: the seed's spun wording, or the cleaner's repair of it)."""
    offset = text.index(after) if after else 0
    for candidate in (phrase,) if isinstance(phrase, str) else phrase:
        start = text.find(candidate, offset)
        if start >= 0:
            return {"start": start, "end": start + len(candidate), "text": candidate}
    raise ValueError(f"none of {phrase!r} in the text")


def seed_result() -> tuple[bytes, ArticleResult]:
    """The seed, cleaned by the real extractor, plus two records the tests know (kept with any it extracted)."""
    raw = SEED.read_bytes()
    result = extract(raw, source="seeds/ketamine-for-therapy-diaries.txt")
    text = result.text
    trial = {
        "id": "t185",
        "label": "parallel-group trial, 185 participants",
        "evidence": ev(text, ("A 3rd greater trial", "A third larger trial", "parallel-group")),
        "design": {"value": "randomized_controlled_trial", "evidence": ev(text, "parallel-group"), "confidence": 0.62},
        "randomized": None,
        "species": "human",
        "sample_size": {"value": 185, "unit": "participants", "evidence": ev(text, "185"), "confidence": 0.9},
        "interventions": [
            {
                "name": "ketamine",
                "dose": {"value": 50, "unit": "mg", "max": None, "text": "50 mg"},
                "route": "subcutaneous",
                "evidence": ev(text, "subcutaneous ketamine"),
                "confidence": 0.55,
            }
        ],
        "outcomes": [
            {
                "name": "patient-reported pain intensity",
                "direction": "no_difference",
                "evidence": ev(text, "patient-reported pain"),
                "confidence": 0.7,
            },
            {
                "name": "morphine requirements",
                "direction": "decreased",
                "evidence": ev(text, ("morphine requirements", "morphine needs")),
                "confidence": 0.35,
            },
        ],  # fmt: skip
        "confidence": 0.35,
    }
    case = {
        "id": "bulimia",
        "label": "case report, bulimia nervosa, IV ketamine-assisted psychotherapy",
        "evidence": ev(text, ("case report of complete cessation", "scenario report of complete cessation")),
        "design": {
            "value": "case_report",
            "evidence": ev(text, ("case report of complete", "scenario report")),
            "confidence": 0.8,
        },
        "species": "human",
        "conditions": [{"value": "bulimia nervosa", "evidence": ev(text, "bulimia nervosa"), "confidence": 0.9}],
        "interventions": [
            {
                "name": "ketamine",
                "route": "intravenous",
                "evidence": ev(text, "IV ketamine", "bulimia nervosa"),
                "confidence": 0.8,
            }
        ],  # fmt: skip
        "outcomes": [
            {
                "name": "behavioral symptoms",
                "direction": "improved",
                "evidence": ev(text, ("behavioral symptoms", "behavioral indications")),
                "confidence": 0.75,
            }
        ],  # fmt: skip
        "follow_up": "3 months",
        "confidence": 0.8,
    }
    mine = [StudyRecord.model_validate(r) for r in (trial, case)]
    result.records = [r for r in result.records if r.id not in {"t185", "bulimia"}] + mine
    return raw, result


ABSTRACT = (
    "Intranasal esketamine for treatment-resistant depression: a randomised, double-blind trial.\n\n"
    "Methods: 227 adults with treatment-resistant depression were randomised to intranasal esketamine 56 mg "
    "or placebo twice weekly for 4 weeks.\n\nResults: depression scores improved more with esketamine than "
    "with placebo at day 28. Dissociation was the most common adverse event.\n"
)


def abstract_result() -> tuple[str, ArticleResult]:
    text = ABSTRACT
    record = {
        "id": "r1",
        "label": "double-blind RCT, 227 adults, intranasal esketamine",
        "evidence": ev(text, "a randomised, double-blind trial"),
        "design": {"value": "randomized_controlled_trial", "evidence": ev(text, "randomised, double-blind trial"),
                   "confidence": 0.95},  # fmt: skip
        "randomized": True,
        "blinding": "double_blind",
        "species": "human",
        "sample_size": {"value": 227, "unit": "participants", "evidence": ev(text, "227 adults"), "confidence": 0.93},
        "conditions": [{"value": "treatment-resistant depression",
                        "evidence": ev(text, "treatment-resistant depression", "Methods"), "confidence": 0.9}],
        "interventions": [{"name": "esketamine", "dose": {"value": 56, "unit": "mg", "max": None, "text": "56 mg"},
                           "route": "intranasal", "frequency": "twice weekly", "duration": "4 weeks",
                           "evidence": ev(text, "intranasal esketamine 56 mg"), "confidence": 0.9}],
        "comparators": [{"name": "placebo", "evidence": ev(text, "placebo"), "confidence": 0.9}],
        "outcomes": [{"name": "depression scores", "direction": "improved", "timepoint": "day 28",
                      "evidence": ev(text, "depression scores improved"), "confidence": 0.85}],
        "adverse_events": [{"name": "dissociation", "evidence": ev(text, "Dissociation"), "confidence": 0.8}],
        "confidence": 0.9,
    }  # fmt: skip
    result = ArticleResult.model_validate(
        {
            "article": {
                "id": "esketamine-trd",
                "sha256": "0" * 64,
                "source": "pubmed:demo",
                "title": text.split("\n")[0],
            },
            "text": text,
            "records": [record],
        }
    )
    return text, result


# Payloads that must stay text: script elements, event handlers, javascript: URLs, SVG onload.
PAYLOADS = [
    "<script>window.__xss='script'</script>",
    "<img src=x onerror=\"window.__xss='img'\">",
    "<a href=\"javascript:window.__xss='href'\">click me</a>",
    "<svg onload=\"window.__xss='svg'\"></svg>",
    "\"><script>window.__xss='attr'</script>",
]


def xss_result() -> tuple[str, ArticleResult]:
    """An HTML article that carries every payload both as markup and as (escaped) text, cleaned by the real
    extractor, with records, a spin repair, removed boilerplate and a title that carry them too."""
    escaped = [p.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for p in PAYLOADS]
    raw = (
        "<html><head><title>Trial &lt;script&gt;window.__xss='title'&lt;/script&gt;</title></head><body>"
        + "".join(PAYLOADS)
        + "<p>A randomized trial of ketamine in 40 patients. Payloads as text: "
        + " ".join(escaped)
        + "</p><p>Pain improved. <img src=x onerror=\"window.__xss='raw-img'\"></p></body></html>"
    )
    result = extract(raw, html=True, source="https://evil.example/<script>x</script>")
    text = result.text
    # The page's own escaped payloads are text after cleaning; if the cleaner dropped any, put them in the text.
    missing = [p for p in PAYLOADS if p not in text]
    if missing:
        text = text + "\n\n" + " ".join(missing)
    spans = [ev(text, p) for p in PAYLOADS]
    record = {
        "id": "x1",
        "label": PAYLOADS[0] + " trial",
        "evidence": spans[0],
        "design": {"value": "randomized_controlled_trial", "evidence": spans[1], "confidence": 0.5},
        "species": PAYLOADS[3],
        "interventions": [{"name": PAYLOADS[1], "evidence": spans[2], "confidence": 0.5,
                           "dose": {"value": 1, "unit": PAYLOADS[4], "max": None, "text": PAYLOADS[2]}}],
        "outcomes": [{"name": PAYLOADS[3], "evidence": spans[3], "confidence": 0.4}],
        "follow_up": PAYLOADS[4],
        "confidence": 0.2,
    }  # fmt: skip
    cleaning = Cleaning(
        removed=[Removed(text=p, reason="boilerplate <b>") for p in PAYLOADS],
        spin=SpinReport(
            score=5.0,
            is_spun=True,
            repairs=[SpinRepair(found=PAYLOADS[1], restored=PAYLOADS[4], start=spans[4]["start"], end=spans[4]["end"])],
        ),
    )
    result = result.model_copy(
        update={
            "text": text,
            "cleaning": cleaning,
            "records": [StudyRecord.model_validate(record)],
            "article": result.article.model_copy(update={"title": "Trial " + PAYLOADS[0]}),
        }
    )
    return raw, result
