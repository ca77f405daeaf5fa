"""Outcomes a sentence declares ("The primary outcome measure was X", "End points included A, B and C") are found,
with the direction of the result that names them."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_outcomes", {"ranker": ""})  # the rules alone


def found(nlp: Language, text: str) -> dict[str, str]:
    doc = nlp(text)
    return {str(s._.value).lower(): s.label_ for s in doc.spans[spans.OUTCOME]}


def test_outcomes_declared_measure_was(nlp: Language) -> None:
    assert found(nlp, "The primary outcome measure was the change in HbA1c from baseline.") == {"hba1c": "reported"}


def test_outcomes_declared_list_with_single_words(nlp: Language) -> None:
    names = found(nlp, "End points included operating time, reoperation rate, morbidity, and costs.")
    assert set(names) == {"operating time", "reoperation rate", "morbidity", "costs"}


def test_outcomes_declared_takes_result_direction(nlp: Language) -> None:
    text = "A trial of a drug\nThe primary endpoint was wound infection. The drug reduced infection in the first week."
    assert found(nlp, text)["wound infection"] == "decreased"


def test_outcomes_declared_measured_takes_result_direction(nlp: Language) -> None:
    text = "A trial of a drug\nSerum ferritin was measured monthly. Ferritin rose significantly with the drug."
    assert found(nlp, text)["serum ferritin"] == "increased"


def test_outcomes_declared_lexicon_measure_takes_result_direction(nlp: Language) -> None:
    text = "A trial of a drug\nWe followed grip strength over a year. Strength did not improve with the drug."
    assert found(nlp, text)["grip strength"] == "no_difference"
