"""Which conditions a doc keeps: the title, the population, the aim of the study, or a name said twice."""

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


def test_conditions_salience_aim_in_background(nlp: Language) -> None:
    text = (
        "A trial of drug X\n\nBACKGROUND: Gout is common. The aim of this study was to compare X and Y in "
        "tendinitis.\n\nMETHODS: 40 adults were randomised."
    )
    assert values(nlp, text) == ["tendinitis"]


def test_conditions_salience_background_alone_dropped(nlp: Language) -> None:
    text = "A trial of drug X\n\nBACKGROUND: Gout is common.\n\nMETHODS: 40 adults were randomised."
    assert values(nlp, text) == []


def test_conditions_salience_verbs_trimmed(nlp: Language) -> None:
    found = values(nlp, "Tools to help cancer survivors and detect colorectal cancer early.")
    assert found == ["cancer", "colorectal cancer"]


def test_conditions_salience_failure_needs_an_organ(nlp: Language) -> None:
    found = values(nlp, "Extubation failure and treatment failure in acute respiratory failure.")
    assert found == ["acute respiratory failure"]


def test_conditions_salience_head_noun_alone_dropped(nlp: Language) -> None:
    assert values(nlp, "Trial of the new disease model in gout.") == ["gout"]


def test_conditions_salience_therapies_are_not_conditions(nlp: Language) -> None:
    assert values(nlp, "Homeopathy and a gait orthosis for tendinitis.") == ["tendinitis"]


def test_conditions_salience_anchored_names_win(nlp: Language) -> None:
    text = (
        "Vaccination of patients with asthma\n\nMETHODS: Pneumonia was an outcome. Pneumonia was rare in both groups."
    )
    assert values(nlp, text) == ["asthma"]


def test_conditions_salience_repeated_when_nothing_anchors(nlp: Language) -> None:
    text = "A trial of vaccination\n\nMETHODS: Pneumonia was an outcome. Pneumonia was rare in both groups."
    assert values(nlp, text) == ["pneumonia", "pneumonia"]


def test_conditions_salience_population_late_in_a_full_text(nlp: Language) -> None:
    filler = "The groups were similar at baseline. " * 250
    text = f"A trial of exercise in adults with gout\n\nMETHODS: {filler}Others studied patients with psoriasis."
    assert values(nlp, text) == ["gout"]


def test_conditions_salience_exclusions_are_not_the_population(nlp: Language) -> None:
    text = (
        "A trial of exercise in adults with gout.\n\nMETHODS: Patients with psoriasis were excluded. "
        "Psoriasis was rare."
    )
    assert values(nlp, text) == ["gout"]


def test_conditions_salience_plural_head_nouns(nlp: Language) -> None:
    text = "A trial of eptifibatide.\n\nPatients with acute coronary syndromes and gout were randomised."
    assert values(nlp, text) == ["acute coronary syndromes", "gout"]


def test_conditions_salience_keywords_anchor(nlp: Language) -> None:
    text = (
        "Light therapy or talking therapy: a protocol\n\nKeywords: Seasonal affective disorder, light therapy\n\n"
        "BACKGROUND: Seasonal affective disorder is common. Gout is too.\n\nMETHODS: Adults are randomised."
    )
    assert values(nlp, text) == ["seasonal affective disorder"]


def test_conditions_salience_title_outcome_is_no_anchor(nlp: Language) -> None:
    text = "Effects of zinc on hypotension in older adults\n\nMETHODS: Older adults with gout were randomised."
    assert values(nlp, text) == ["gout"]
