"""A result stated of all the measures together ("There were no significant differences between the groups") given
to the measures named without a result; and names of the design that are no measure."""

from __future__ import annotations

from tests.extractor.pipes import outcome_directions


def test_outcomes_collective_result_carries_to_measured_names() -> None:
    found = outcome_directions(
        "A trial of lidocaine.\n"  # the first line is the title
        "Blood pressure and heart rate were measured after intubation. "
        "There were no significant differences between the two groups (P > 0.05)."
    )
    assert found.get("blood pressure") == "no_difference"
    assert found.get("heart rate") == "no_difference"


def test_outcomes_collective_measures_head() -> None:
    found = outcome_directions(
        "A trial of massage.\n"
        "Sleep onset and sleep duration were recorded every night. "
        "Analysis revealed no differences in any of the sleep measures between the nights."
    )
    assert found.get("sleep duration") == "no_difference"


def test_outcomes_collective_not_beside_other_results() -> None:
    found = outcome_directions(
        "A trial of lidocaine.\n"
        "Blood pressure and heart rate were measured after intubation. Pain was reduced in the lidocaine group. "
        "There were no significant differences between the two groups in the other measures."
    )
    assert found.get("heart rate") == "reported"


def test_outcomes_collective_design_names_are_no_outcomes() -> None:
    assert "sample size" not in outcome_directions("The sample size was calculated using the SRK-II formula.")
