"""A factor "associated with a poor X" states the direction of X."""

from __future__ import annotations

from tests.extractor.pipes import outcome_directions


def test_outcomes_associated_with_poor_outcome() -> None:
    found = outcome_directions(
        "A study.\nHigh AIB1 expression was associated with a poor disease-free survival (hazard ratio 1.58) and "
        "overall survival (hazard ratio 1.70)."
    )
    assert found.get("disease-free survival") == "worsened"
    assert found.get("overall survival") == "worsened"
