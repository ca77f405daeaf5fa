"""A measure compared at baseline and at later timepoints ("between CRP at baseline, after control and after ozone")
is a result, not a check that the groups were alike at baseline."""

from __future__ import annotations

from tests.extractor.pipes import outcome_directions


def test_outcomes_baseline_times_later_timepoint_is_a_result() -> None:
    found = outcome_directions(
        "A trial.\nThere was no significant difference between C-reactive protein levels at baseline (1.53 mg/l), "
        "after nine sessions of control (1.48 mg/l) and after ozone (1.55 mg/l)."
    )
    assert found.get("c-reactive protein levels") == "no_difference"


def test_outcomes_baseline_times_baseline_alone_is_no_result() -> None:
    found = outcome_directions(
        "A trial.\nThere was no significant difference between the groups in C-reactive protein levels at baseline."
    )
    assert "c-reactive protein levels" not in found
