"""Conditions listed under an exclusion criterion ("The exclusion criteria were:" then items, or an "Exclusion
criteria" heading) are what the study excludes, not its population."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import span_values


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("studysift_sentences")  # the pipeline's sentences: a heading or a list item is one
    nlp.add_pipe("studysift_conditions")
    return nlp


def values(nlp: Language, text: str) -> list[str]:
    return span_values(nlp, text, spans.CONDITION)


def test_conditions_exclusion_lists_items_after_colon(nlp: Language) -> None:
    text = (
        "A trial in nursing homes\n\nMETHODS: We randomised patients with dementia.\n\nThe exclusion criteria were:\n\n"
        "  1. Temporary stay in respite care; and/or\n\n  2. primary diagnosis of schizophrenia.\n\nWe randomised."
    )
    assert values(nlp, text) == ["dementia"]


def test_conditions_exclusion_lists_section_under_heading(nlp: Language) -> None:
    text = (
        "A trial in nursing homes\n\n## Methods\n\nPatients with dementia were randomised.\n\n"
        "### Exclusion criteria\n\nPatients with a primary diagnosis of schizophrenia.\n\n### Outcomes\n\nGout."
    )
    assert values(nlp, text) == ["dementia"]


def test_conditions_exclusion_lists_inclusion_heading_not_excluded(nlp: Language) -> None:
    text = (
        "A trial in nursing homes\n\n## Methods\n\n### Inclusion and exclusion criteria\n\n"
        "Patients with dementia were randomised."
    )
    assert values(nlp, text) == ["dementia"]


def test_conditions_exclusion_lists_paragraph_after_list_kept(nlp: Language) -> None:
    text = (
        "A trial in nursing homes\n\nMETHODS: The exclusion criteria were:\n\n  1. schizophrenia.\n\n"
        "Patients with dementia were randomised."
    )
    assert values(nlp, text) == ["dementia"]
