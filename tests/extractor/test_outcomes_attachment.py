"""A direction cue names the outcomes after it up to the next cue, whose subject the words before it are."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_outcomes", {"ranker": ""})  # the rules alone


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
