"""Frame slots ("patients with X", "X for C") that name no condition are not conditions."""

from __future__ import annotations

import pytest
import spacy
from scispacy.abbreviation import AbbreviationDetector  # noqa: F401  (registers "abbreviation_detector")
from spacy.language import Language

import extractor.components  # noqa: F401  (registers the factories)
from extractor import spans
from tests.extractor.pipes import span_values


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("abbreviation_detector")
    nlp.add_pipe("studysift_conditions")
    return nlp


def values(nlp: Language, text: str) -> list[str]:
    return span_values(nlp, text, spans.CONDITION)


def test_conditions_frames_population_slot(nlp: Language) -> None:
    assert values(nlp, "Sunitinib in patients with rare hamartomas\n\nWe randomised them.") == ["rare hamartomas"]


@pytest.mark.parametrize(
    "text",
    [
        "Budesonide for maintenance of clinical remission\n\nWe randomised them.",
        "Compression for evidence-informed leg care\n\nWe randomised them.",
        "Sunitinib in patients with previously treated tumours\n\nWe randomised them.",
        "Two devices for HFNC in preterm infants\n\nHeated high flow nasal cannula (HFNC) was compared.",
    ],
)
def test_conditions_frames_slots_naming_no_condition(nlp: Language, text: str) -> None:
    assert values(nlp, text) == []


AIM = (
    "Clonidine in nerve blocks\n\n"
    "To compare the effect of clonidine with midazolam on sedation and postoperative pain scores. "
)


def test_conditions_frames_what_the_aim_measures_leaves_the_population_slot(nlp: Language) -> None:
    text = AIM + "Patients with orthopedic fractures of an upper extremity were randomised. Postoperative pain was low."
    assert "orthopedic fractures of an upper extremity" in values(nlp, text)


def test_conditions_frames_a_population_name_still_rules_out_body_slots(nlp: Language) -> None:
    text = AIM + "Patients with hypertension were randomised. Patients with orthopedic fractures were excluded."
    assert "orthopedic fractures" not in values(nlp, text)
