"""A direction cue names the outcomes after it up to the next cue, whose subject the words before it are."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with, outcome_directions


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


def test_outcomes_attachment_cue_of_a_later_clause_is_not_the_outcome_s() -> None:
    found = outcome_directions(
        "Median time to treatment failure was 24 weeks for CMF and 7 weeks for epirubicin (P < 0.05) but survival "
        "was similar in both groups."
    )
    assert found == {"time to treatment failure": "reported", "survival": "no_difference"}
