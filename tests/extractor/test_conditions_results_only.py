"""A condition that only a results section names ("18 cases of mild hypotension") is an outcome, not the population."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with, span_values


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_conditions")


def values(nlp: Language, text: str) -> list[str]:
    return span_values(nlp, text, spans.CONDITION)


def test_conditions_results_only_cases_dropped(nlp: Language) -> None:
    text = (
        "Sedation with propofol: a randomised trial\n\nMETHODS:\nAdults were randomised.\n\n"
        "RESULTS:\nThere were 18 cases of hypotension in the propofol group."
    )
    assert values(nlp, text) == []


def test_conditions_results_population_kept_when_methods_name_it(nlp: Language) -> None:
    text = (
        "Exercise during chemotherapy\n\nMETHODS:\nWe randomised patients with gastric cancer.\n\n"
        "RESULTS:\nAdherence was high in patients with gastric cancer."
    )
    assert values(nlp, text) == ["gastric cancer", "gastric cancer"]


def test_conditions_results_frame_slot_dropped(nlp: Language) -> None:
    text = (
        "Radiotherapy schedules compared\n\nMETHODS:\nAdults were randomised.\n\n"
        "RESULTS:\nPain fell in patients with complete response."
    )
    assert values(nlp, text) == []


def test_conditions_results_frame_slot_kept_in_methods(nlp: Language) -> None:
    text = "Radiotherapy schedules compared\n\nMETHODS:\nWe randomised patients with painful bone lesions."
    assert values(nlp, text) == ["painful bone lesions"]


def test_conditions_results_slot_naming_teaching_rejected(nlp: Language) -> None:
    assert values(nlp, "A serious game for medical education: a randomised trial") == []
