"""A comparative right before an outcome ("a greater range of hip flexion than", "more fatigue") states its
direction, over that of a cue further away in the sentence; and the "no ... difference" cue takes the group words
between its ends ("no group differences", "no between-group differences")."""

from __future__ import annotations

import pytest

from tests.extractor.pipes import outcome_directions


@pytest.mark.parametrize(
    ("text", "name", "direction"),
    [
        (
            "The patients had higher heart rate with ketamine; however, no significant difference was found "
            "regarding respiratory rate.",
            "heart rate",
            "increased",
        ),
        ("Patients given the drug had lower blood pressure than those given placebo.", "blood pressure", "decreased"),
    ],
)
def test_outcomes_comparatives_before_outcome(text: str, name: str, direction: str) -> None:
    assert outcome_directions(text).get(name) == direction


def test_outcomes_comparatives_open_a_list() -> None:
    text = "Patients reported worse social functioning and more fatigue, insomnia, pain, and anxiety after surgery."
    names = outcome_directions(text)
    assert [names.get(n) for n in ("insomnia", "pain", "anxiety")] == ["increased"] * 3


def test_outcomes_comparatives_yield_to_a_nearer_cue() -> None:
    text = "Patients given the drug had lower heart rate, and blood pressure was similar in both groups."
    names = outcome_directions(text)
    assert names.get("heart rate") == "decreased"
    assert names.get("blood pressure") == "no_difference"


def test_outcomes_comparatives_not_after_negation() -> None:
    text = "The drug caused no greater heart rate than placebo, and it significantly reduced blood pressure."
    names = outcome_directions(text)
    assert "heart rate" in names and names["heart rate"] != "increased"


@pytest.mark.parametrize("words", ["group", "between-group", "statistically significant between-group", "treatment"])
def test_outcomes_comparatives_no_group_difference(words: str) -> None:
    text = f"There were no {words} differences in urinary melatonin levels at any time point."
    assert outcome_directions(text).get("urinary melatonin levels") == "no_difference"


def test_outcomes_comparatives_lesser_is_lower() -> None:
    text = "Postoperative pain was significantly lesser with the laser than with the scalpel."
    assert outcome_directions(text).get("postoperative pain") == "decreased"


@pytest.mark.parametrize(("degree", "direction"), [("much higher", "increased"), ("far lower", "decreased")])
def test_outcomes_comparatives_with_a_degree_word(degree: str, direction: str) -> None:
    text = f"Cuff pressure and cuff volume were {degree} in the air group than in the lidocaine group."
    assert outcome_directions(text) == {"cuff pressure": direction, "cuff volume": direction}
