"""A result stated as what a treatment was effective in doing ("effective in reducing X") names X and its change;
the gerund of another change ends the list ("reducing X and increasing Y": Y is not reduced)."""

from __future__ import annotations

import pytest

from tests.extractor.pipes import outcome_directions


@pytest.mark.parametrize(
    ("text", "name", "direction"),
    [
        ("The intervention was effective in increasing physical activity.", "physical activity", "increased"),
        ("Melatonin was effective in reducing sleep latency (p = 0.01).", "sleep latency", "decreased"),
        ("Yoga was not effective in improving quality of life.", "quality of life", "no_difference"),
    ],
)
def test_outcomes_effective_in_names_the_change(text: str, name: str, direction: str) -> None:
    found = outcome_directions(text)
    assert any(name in key and label == direction for key, label in found.items()), found


def test_outcomes_effective_in_another_gerund_ends_the_list() -> None:
    found = outcome_directions("BATD was efficacious in reducing depressive symptoms and increasing activity.")
    assert found.get("depressive symptoms") == "decreased"
    assert all(label != "decreased" for name, label in found.items() if "activity" in name), found
