"""Bracketed asides after a listed name, nested ones included, end the name and leave the list going."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractor import spans
from tests.extractor.pipes import blank_with, span_labels


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_outcomes", {"ranker": ""})  # the rules alone


def found(nlp: Language, text: str) -> list[tuple[str, str]]:
    return span_labels(nlp, text, spans.OUTCOME)


def test_outcomes_asides_nested_in_a_list(nlp: Language) -> None:
    text = (
        "There was no significant difference in neck pain intensity (-7.0 mm, 95% CI (CI) [-20.7 to 6.7]), "
        "number of pain days (-1%; 95% CI [-15% to 13%]) and range of motion."
    )
    assert [name for name, _ in found(nlp, text)] == ["neck pain intensity", "number of pain days", "range of motion"]


def test_outcomes_asides_holding_cues_leave_the_subject(nlp: Language) -> None:
    text = "Heart rate (reduced by 8 bpm), systolic pressure (-9 mmHg) and stroke volume (-3%) decreased after it."
    assert [name for name, _ in found(nlp, text)] == ["Heart rate", "systolic pressure", "stroke volume"]


def test_outcomes_asides_hyphenated_lexicon_name(nlp: Language) -> None:
    words = ["HDL-cholesterol", "(", "increased", "by", "10", "mg/dl", ")", "increased", "."]
    doc = nlp(Doc(nlp.vocab, words=words, spaces=[True, False, True, True, True, False, True, False, False]))
    assert [(str(s._.value), s.label_) for s in doc.spans[spans.OUTCOME]] == [("HDL-cholesterol", "increased")]


def test_outcomes_asides_list_goes_on_past_a_qualified_value(nlp: Language) -> None:
    text = "Neither group improved pain intensity on VAS (-7.0 mm), number of pain days (-1%) or mobility."
    assert {name for name, _ in found(nlp, text)} == {"pain intensity", "number of pain days", "mobility"}


def test_outcomes_asides_next_cue_ends_the_valued_list(nlp: Language) -> None:
    text = "It gave smaller increases in serum potassium than placebo (0.04 mmol/L) and lower rates of nausea."
    assert found(nlp, text) == [("serum potassium", "increased"), ("rates of nausea", "decreased")]


def test_outcomes_asides_next_cue_after_an_aside_opens_its_own_list(nlp: Language) -> None:
    text = "It gave elevated serum lactate (0.27 mmol/L, p = 0.04) and impaired walking distance (-30 m)."
    assert found(nlp, text) == [("serum lactate", "increased"), ("walking distance", "worsened")]
