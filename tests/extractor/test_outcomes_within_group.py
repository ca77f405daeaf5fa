"""A change stated within each group while the clause says the groups did not differ in it ("increased, but to a
similar extent in both groups") is no_difference against the comparator; a trend is no_difference too."""

from __future__ import annotations

import pytest

from tests.extractor.pipes import outcome_directions


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Postprandial RQ increased significantly but to a similar extent in both groups.", "postprandial rq"),
        ("HbA1c was reduced significantly in both groups at 12 weeks, with no difference between groups.", "hba1c"),
        (
            "PTEF increased after albuterol and saline but the difference between the two treatments was not "
            "significant.",
            "ptef",
        ),
        ("The increase in temperature and IL-6 levels were similar between both groups.", "temperature"),
        (  # a ";" inside the groups' figures ends no clause
            "A significant increase in defecation frequency (NF: 3.5 pre versus 5.6/week; SF 3.6 pre versus 4.9/week)"
            " was found in both groups, but was not significantly different between the two formulas.",
            "defecation frequency",
        ),
        (  # the groups' names and figures stand between "difference between" and its predicate
            "For the primary outcome of improvement in sleep quality, the difference between the valerian group (29%)"
            " and the placebo group (21%) was not statistically significant.",
            "sleep quality",
        ),
    ],
)
def test_outcomes_within_group_change_with_groups_alike_is_no_difference(text: str, name: str) -> None:
    assert outcome_directions(text).get(name) == "no_difference"


def test_outcomes_within_group_likeness_of_another_subject_keeps_the_change() -> None:
    names = outcome_directions("Pain decreased significantly in the drug group, and nausea was similar in both groups.")
    assert names.get("pain") == "decreased"
    assert names.get("nausea") == "no_difference"


@pytest.mark.parametrize(
    "text",
    [
        "Pain scores tended to decrease in the treatment group.",
        "There was a trend towards lower pain scores in the treatment group.",
    ],
)
def test_outcomes_within_group_trend_is_no_difference(text: str) -> None:
    assert outcome_directions(text).get("pain scores") == "no_difference"
    assert outcome_directions("Pain scores decreased in the treatment group.").get("pain scores") == "decreased"


def test_outcomes_within_group_change_gives_way_to_a_later_between_group_result() -> None:
    """In one structured abstract, "No difference in X between the groups" is the result over an earlier change
    stated with no comparison; a change stated against the other group stays."""
    results = "Results: Weight loss increased significantly in both groups. No difference in weight loss was seen"
    text = f"Background: We compared two schedules.\n\n{results} between the two schedules (p = 0.84)."
    assert outcome_directions(text).get("weight loss") == "no_difference"
    compared = "Results: Weight loss was greater with schedule A than with schedule B (p = 0.01). Weight loss was"
    text = f"Background: We compared two schedules.\n\n{compared} similar between the groups at 6 months."
    assert outcome_directions(text).get("weight loss") == "increased"
