"""A procedure the participants undergo names the population; "after surgery" or a trial arm does not."""

from __future__ import annotations

import pytest

from tests.extractor.pipes import condition_values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Early recanalization after vasectomy.", ["vasectomy"]),
        ("Fifty patients who underwent a scheduled cardiac surgery were included.", ["cardiac surgery"]),
        ("Diclofenac following third molar surgery.", ["third molar surgery"]),
        ("Patients undergoing minor oral surgical procedures.", ["minor oral surgical procedures"]),
    ],
)
def test_conditions_procedures_population(text: str, expected: list[str]) -> None:
    assert condition_values(text) == expected


def test_conditions_procedures_alone_or_arm_ignored() -> None:
    assert condition_values("Pain after surgery.\n\nPressure rose during the trabeculectomy arm.") == []


def test_conditions_procedures_in_a_title_only() -> None:
    assert condition_values("Preemptive analgesia in third molar impaction surgery") == [
        "third molar impaction surgery"
    ]
    assert condition_values("A trial\n\nSurgeons with an interest in hip arthroscopy operated.") == []
