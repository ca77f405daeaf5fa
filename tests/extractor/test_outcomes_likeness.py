"""A likeness said before its noun ("associated with similar death and graft loss") states no difference in it; the
arm it is set against ("comparable efficacy to surgery") is no outcome."""

from __future__ import annotations

from tests.extractor.pipes import outcome_directions


def test_outcomes_likeness_before_its_noun() -> None:
    found = outcome_directions(
        "A trial.\nBelatacept was associated with similar death and graft loss and improved renal function at 7 years."
    )
    assert found.get("graft loss") == "no_difference"
    assert found.get("renal function") == "improved"


def test_outcomes_likeness_other_arm_is_no_outcome() -> None:
    found = outcome_directions(
        "A trial.\nThe combination showed comparable wound healing to surgery combined with MTX."
    )
    assert found.get("wound healing") == "no_difference"
    assert not any("surgery" in name for name in found)
