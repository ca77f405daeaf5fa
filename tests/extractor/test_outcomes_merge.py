from __future__ import annotations

import pytest
import spacy
from scispacy.abbreviation import AbbreviationDetector  # noqa: F401  (registers "abbreviation_detector")
from spacy.language import Language

import extractor.components  # noqa: F401  (registers the factories)
from extractor import spans


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("abbreviation_detector")
    nlp.add_pipe("studysift_conditions")
    nlp.add_pipe("studysift_outcomes", config={"ranker": ""})  # the rules alone
    return nlp


def test_outcomes_merge(nlp: Language) -> None:
    doc = nlp(
        "METHODS:\nHealth-related quality of life (HRQOL) was measured in patients with asthma.\n\n"
        "RESULTS:\nYoga improved HRQOL. Systolic blood pressure and diastolic blood pressure were recorded."
    )
    found = [(s._.value, s.label_) for s in doc.spans[spans.OUTCOME]]
    assert found == [
        ("Health-related quality of life", "improved"),  # the short form spelled out
        ("Systolic blood pressure", "reported"),
        ("diastolic blood pressure", "reported"),
    ]
    assert doc.spans[spans.OUTCOME][0].text == "HRQOL"


def test_outcomes_merge_only_within_a_sentence_without_sections(nlp: Language) -> None:
    doc = nlp("In one trial ketamine reduced pain intensity. In another, pain intensity did not differ.")
    assert [(s._.value, s.label_) for s in doc.spans[spans.OUTCOME]] == [
        ("pain intensity", "decreased"),
        ("pain intensity", "no_difference"),
    ]


def test_outcomes_merge_keeps_declared_measures_when_results_state_values_only(nlp: Language) -> None:
    doc = nlp(
        "METHODS:\nThe primary outcome measure was fever clearance time.\n\n"
        "RESULTS:\nAll 40 patients completed the trial. "
        "The number of ESWL sessions was 1.34 and 1.41, respectively (p = 0.33)."
    )
    assert [(s._.value, s.label_) for s in doc.spans[spans.OUTCOME]] == [
        ("fever clearance time", "reported"),
        ("number of ESWL sessions", "no_difference"),
    ]
