"""A measure's head word keeps its complement past a boundary preposition ("percentage of time in target range",
"face scale for mood"), unless the complement names a group, population or time."""

from __future__ import annotations

from tests.extractor.pipes import outcome_directions


def test_outcomes_complements_after_a_cue() -> None:
    found = outcome_directions(
        "A trial.\nThe intervention significantly improved the symptom scale for anxiety and odds of intention "
        "to exercise."
    )
    assert found.get("symptom scale for anxiety") == "improved"
    assert found.get("odds of intention to exercise") == "improved"


def test_outcomes_complements_in_a_subject() -> None:
    found = outcome_directions(
        "A trial.\nFasting insulin, percentage of time in euglycaemia and body weight did not differ between groups."
    )
    assert found.get("percentage of time in euglycaemia") == "no_difference"


def test_outcomes_complements_stop_at_people_and_times() -> None:
    found = outcome_directions("A trial.\nThe drug significantly reduced the pain score in children at 4 weeks.")
    assert "pain score" in found
    assert not any(name.startswith("pain score in") for name in found)
