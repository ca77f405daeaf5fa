"""A head noun ("disease", "cancer") found by pattern needs a qualifier that names which one."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with, span_values


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_conditions")


def values(nlp: Language, text: str) -> list[str]:
    return span_values(nlp, text, spans.CONDITION)


@pytest.mark.parametrize("modifier", ["moderate", "active", "advanced", "stable"])
def test_conditions_head_noun_modifier_alone_is_no_name(nlp: Language, modifier: str) -> None:
    assert values(nlp, f"Etanercept in patients with {modifier} disease and gout.") == ["gout"]


def test_conditions_head_noun_with_qualifier_kept(nlp: Language) -> None:
    assert values(nlp, "Etanercept in patients with moderate thyroid disease.") == ["moderate thyroid disease"]


@pytest.mark.parametrize("sex", ["Female", "male"])
def test_conditions_head_noun_sex_is_no_qualifier(nlp: Language, sex: str) -> None:
    assert values(nlp, f"Work support for {sex} cancer patients.") == ["cancer"]
