"""A direction cue names the outcomes after it up to the next cue, whose subject the words before it are."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import extractor.components  # noqa: F401  (registers the factories)
from extractor import spans


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("studysift_outcomes", config={"ranker": ""})  # the rules alone
    return nlp


def test_outcomes_attachment_next_cue_takes_its_subject(nlp: Language) -> None:
    doc = nlp("Pain decreased and physical functioning improved in both groups.")
    assert [(s._.value, s.label_) for s in doc.spans[spans.OUTCOME]] == [
        ("Pain", "decreased"),
        ("physical functioning", "improved"),
    ]


def test_outcomes_attachment_list_after_one_cue_unchanged(nlp: Language) -> None:
    doc = nlp("Ketamine reduced pain intensity and morphine requirements.")
    assert [(s._.value, s.label_) for s in doc.spans[spans.OUTCOME]] == [
        ("pain intensity", "decreased"),
        ("morphine requirements", "decreased"),
    ]
