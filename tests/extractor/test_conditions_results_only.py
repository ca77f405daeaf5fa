"""A condition that only a results section names ("18 cases of mild hypotension") is an outcome, not the population."""

from __future__ import annotations

from tests.extractor.pipes import condition_values


def test_conditions_results_only_cases_dropped() -> None:
    text = (
        "Sedation with propofol: a randomised trial\n\nMETHODS:\nAdults were randomised.\n\n"
        "RESULTS:\nThere were 18 cases of hypotension in the propofol group."
    )
    assert condition_values(text) == []


def test_conditions_results_population_kept_when_methods_name_it() -> None:
    text = (
        "Exercise during chemotherapy\n\nMETHODS:\nWe randomised patients with gastric cancer.\n\n"
        "RESULTS:\nAdherence was high in patients with gastric cancer."
    )
    assert condition_values(text) == ["gastric cancer", "gastric cancer"]


def test_conditions_results_frame_slot_dropped() -> None:
    text = (
        "Radiotherapy schedules compared\n\nMETHODS:\nAdults were randomised.\n\n"
        "RESULTS:\nPain fell in patients with complete response."
    )
    assert condition_values(text) == []


def test_conditions_results_frame_slot_kept_in_methods() -> None:
    text = "Radiotherapy schedules compared\n\nMETHODS:\nWe randomised patients with painful bone lesions."
    assert condition_values(text) == ["painful bone lesions"]


def test_conditions_results_slot_naming_teaching_rejected() -> None:
    assert condition_values("A serious game for medical education: a randomised trial") == []
