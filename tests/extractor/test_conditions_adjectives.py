"""An adjective naming a condition counts only before the population it describes."""

from __future__ import annotations

import pytest

from tests.extractor.pipes import condition_values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Inhaled steroids in asthmatic adults.", ["asthma"]),
        ("Zinc for HIV-positive patients.", ["HIV infection"]),
        ("Weaning of critically ill adult patients.", ["critical illness"]),
        ("Exercise in obese pregnant women.", ["obesity"]),
        ("Coaching of physically inactive patients.", ["physical inactivity"]),
    ],
)
def test_conditions_adjectives_before_population(text: str, expected: list[str]) -> None:
    assert condition_values(text) == expected


def test_conditions_adjectives_elsewhere_ignored() -> None:
    assert condition_values("A diabetic diet and a septic tank.") == []
