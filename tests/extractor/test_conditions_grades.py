"""A grade before a condition ("severe", "mild and moderate") stays on the span but not in the value: the condition
is the disease, whatever its severity ("moderate dementia" is dementia)."""

from __future__ import annotations

import pytest

from extractor import spans
from tests.extractor.pipes import blank_with, condition_values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Patients with moderate dementia were randomised.", "dementia"),
        ("A case of severe and enduring bulimia nervosa.", "bulimia nervosa"),
        ("Men with mild and moderate gout.", "gout"),
        ("Adults with severe chronic kidney disease.", "chronic kidney disease"),
    ],
)
def test_conditions_grades_left_out_of_the_value(text: str, value: str) -> None:
    assert condition_values(text) == [value]


def test_conditions_grades_stay_on_the_span() -> None:
    doc = blank_with("studysift_conditions")("Patients with moderate dementia were randomised.")
    assert [s.text for s in doc.spans[spans.CONDITION]] == ["moderate dementia"]


def test_conditions_grades_a_lexicon_name_keeps_its_grade() -> None:
    assert condition_values("Adults admitted with severe sepsis.") == ["severe sepsis"]
