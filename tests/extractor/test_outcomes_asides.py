"""Bracketed asides after a listed name, nested ones included, end the name and leave the list going."""

from __future__ import annotations

import pytest
from spacy.language import Language

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
