"""Long result subjects: names qualified by a timepoint with its number and a bracketed value, lists whose asides
outgrow the subject's length, and the examples of a head that names no measure ("Other parameters, such as")."""

from __future__ import annotations

from tests.extractor.pipes import outcome_directions


def test_outcomes_subject_qualified_names_with_numbers() -> None:
    found = outcome_directions(
        "Analgesic use, VAS scores on Day 1 (2.3 vs. 2.2; p = 0.84), and superficial SSI did not significantly "
        "differ between the groups."
    )
    assert found.get("analgesic use") == "no_difference"
    assert found.get("vas scores") == "no_difference"


def test_outcomes_subject_asides_take_no_room() -> None:
    found = outcome_directions(
        "Operating time (67.3 vs. 64.3 mins; p = 0.30), blood loss (120 vs. 110 ml; p = 0.41), wound pain (4.55 vs. "
        "4.65; p = 0.59), wound infection (15% vs. 10%; p = 0.63), and hospital stay (3.1 vs. 3.0 days; p = 0.71) "
        "did not significantly differ between the groups."
    )
    assert found.get("operating time") == "no_difference"
    assert found.get("wound infection") == "no_difference"


def test_outcomes_subject_examples_of_a_generic_head() -> None:
    found = outcome_directions(
        "Other parameters, such as wound pain (3.2 vs. 3; p = 0.67) and hospital stay (2.3 vs. 2.2; p = 0.84) did "
        "not significantly differ between the groups."
    )
    assert found.get("wound pain") == "no_difference"
    assert found.get("hospital stay") == "no_difference"
