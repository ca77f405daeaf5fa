"""A head noun ("disease", "cancer") found by pattern needs a qualifier that names which one."""

from __future__ import annotations

import pytest

from tests.extractor.pipes import condition_values


@pytest.mark.parametrize("modifier", ["moderate", "active", "advanced", "stable"])
def test_conditions_head_noun_modifier_alone_is_no_name(modifier: str) -> None:
    assert condition_values(f"Etanercept in patients with {modifier} disease and gout.") == ["gout"]


def test_conditions_head_noun_with_qualifier_kept() -> None:
    assert condition_values("Etanercept in patients with moderate thyroid disease.") == ["thyroid disease"]


@pytest.mark.parametrize("sex", ["Female", "male"])
def test_conditions_head_noun_sex_is_no_qualifier(sex: str) -> None:
    assert condition_values(f"Work support for {sex} cancer patients.") == ["cancer"]


def test_conditions_head_noun_institution_is_no_condition() -> None:
    assert condition_values("Trial at the Sidney Kimmel Comprehensive Cancer Center in patients with gout.") == ["gout"]
