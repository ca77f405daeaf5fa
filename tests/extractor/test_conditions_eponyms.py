"""Possessive eponyms ("Hodgkin's Disease", "Alzheimer’s disease" with a curly apostrophe) name conditions."""

from __future__ import annotations

from tests.extractor.pipes import condition_spans


def test_conditions_eponyms_possessive_not_in_lexicon() -> None:
    found = condition_spans("Patients with stage IA Hodgkin's Disease were randomised to radiotherapy.")
    assert found == [("Hodgkin's Disease", "hodgkin's disease")]


def test_conditions_eponyms_curly_apostrophe() -> None:
    found = condition_spans("A trial in patients with prodromal Alzheimer\u2019s disease (AD). AD progressed slowly.")
    assert ("Alzheimer\u2019s disease", "alzheimer's disease") in found
    assert ("AD", "alzheimer's disease") in found
