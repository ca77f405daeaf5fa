"""Study mentions: what opens a study, what refers back to one, and what does neither."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import extractor.components.design  # noqa: F401
import extractor.components.studies  # noqa: F401
from extractor import spans


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("studysift_design")
    nlp.add_pipe("studysift_study_mentions")
    return nlp


def mentions(nlp: Language, text: str) -> list[tuple[str, str, object]]:
    doc = nlp(text)
    return [(s.text, s.label_, s._.value) for s in doc.spans[spans.STUDY]]


@pytest.mark.parametrize(
    ("text", "mention", "label", "hint"),
    [
        ("This is the first randomized, controlled trial of ketamine.", "the first randomized, controlled trial",
         "design", "randomized_controlled_trial"),
        ("There is a case report of remission.", "a case report", "design", "case_report"),
        ("A third larger trial with a parallel-group design followed.", "A third larger trial", "design", None),
        ("Two small cross-over trials investigated it.", "Two small cross-over trials", "design", "crossover_trial"),
        ("The recently updated Cochrane review included 3 RCTs.", "The recently updated Cochrane review", "design",
         "systematic_review"),
        ("Zhang and colleagues ruled out an effect.", "Zhang and colleagues", "author", None),
        ("Smith et al. (2019) found no effect.", "Smith et al. (2019)", "author", None),
        ("This was observed in the case of bulimia.", "the case of", "case", "case_report"),
        ("In study 2, a sample of 120 men took part.", "study 2", "numbered", None),
        ("Study B was conducted in 75 adults.", "Study B", "numbered", None),
        ("In part A, 65 patients were treated.", "part A", "numbered", None),
    ],
)  # fmt: skip
def test_studies_mentions(nlp: Language, text: str, mention: str, label: str, hint: str | None) -> None:
    assert (mention, label, hint) in mentions(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Cochrane review included 3 RCTs.",  # the count a review includes is no new study
        "Further randomized controlled trials are needed.",
        "A few case studies and case series explored this.",
        "There was an increase in the study group.",
        "In this trial A total of 40 patients took part.",  # a capital article, not a study letter
        "Data of the five placebo-controlled studies were pooled.",  # "the five ...": studies already named
        "Two randomised, double-blind crossover studies were performed.",
    ],
)
def test_studies_mentions_not_openers(nlp: Language, text: str) -> None:
    opened = [m for m in mentions(nlp, text) if m[1] in ("design", "author", "case", "numbered")]
    assert all(not m[0][0].isdigit() and m[0] != "3 RCTs" for m in opened)
    if "needed" in text or "few" in text or "increase" in text or "the five" in text or "trial A" in text:
        assert opened == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("In this trial, there was no difference.", "anaphora_singular"),
        ("Both trials observed less pain.", "anaphora_plural"),
        ("The patient underwent 18 sessions.", "anaphora_case"),
        ("We randomized 40 adults to ketamine.", "self"),
        ("The present study aimed to compare two drugs.", "self"),
    ],
)
def test_studies_mentions_anaphora_and_self(nlp: Language, text: str, label: str) -> None:
    assert label in [m[1] for m in mentions(nlp, text)]
