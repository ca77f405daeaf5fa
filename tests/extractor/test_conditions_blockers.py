"""A word right after a condition name that makes it part of another name ("stroke volume") or classifies adverse
events ("arthropathy adverse events") leaves that mention no condition."""

from __future__ import annotations

import pytest

from tests.extractor.pipes import condition_values


@pytest.mark.parametrize("events", ["adverse events", "AEs"])
def test_conditions_blockers_adverse_event_category_is_no_condition(events: str) -> None:
    text = f"Arthropathy {events} in efalizumab-treated patients with psoriasis. Few had arthropathy {events}."
    assert "arthropathy" not in condition_values(text)


def test_conditions_blockers_name_without_blocker_kept() -> None:
    assert "arthropathy" in condition_values("Efalizumab in patients with arthropathy. Arthropathy improved.")
