"""A name cut by the length limit ends at its last name word rather than at a preposition, which would drop it."""

from __future__ import annotations

from tests.extractor.pipes import outcome_directions


def test_outcomes_length_limit_cut_name_kept() -> None:
    found = outcome_directions(
        "A trial.\nThe drug did not improve serial transthoracic echocardiography strain indices of the left ventricle."
    )
    assert found.get("serial transthoracic echocardiography strain indices") == "no_difference"
