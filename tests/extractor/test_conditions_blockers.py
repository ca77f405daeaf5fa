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


def test_conditions_blockers_measured_growth_is_no_condition() -> None:
    text = "We aimed to assess whether tranexamic acid reduces haematoma expansion in adults with stroke."
    assert "haematoma" not in condition_values(text)


def test_conditions_blockers_study_group_is_no_condition() -> None:
    text = "Chemotherapy in Hodgkin's disease: a report from the Manchester lymphoma group."
    assert condition_values(text) == ["hodgkin's disease"]
