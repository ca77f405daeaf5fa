"""Which conditions a doc keeps: the title, the population, the aim of the study, or a name said twice."""

from __future__ import annotations

import spacy

import extractor.components  # noqa: F401  (registers the factories)
from extractor import spans
from tests.extractor.pipes import condition_values, span_values


def test_conditions_salience_aim_in_background() -> None:
    text = (
        "A trial of drug X\n\nBACKGROUND: Gout is common. The aim of this study was to compare X and Y in "
        "tendinitis.\n\nMETHODS: 40 adults were randomised."
    )
    assert condition_values(text) == ["tendinitis"]


def test_conditions_salience_background_alone_dropped() -> None:
    text = "A trial of drug X\n\nBACKGROUND: Gout is common.\n\nMETHODS: 40 adults were randomised."
    assert condition_values(text) == []


def test_conditions_salience_verbs_trimmed() -> None:
    found = condition_values("Tools to help cancer survivors and detect colorectal cancer early.")
    assert found == ["cancer", "colorectal cancer"]


def test_conditions_salience_failure_needs_an_organ() -> None:
    found = condition_values("Extubation failure and treatment failure in acute respiratory failure.")
    assert found == ["acute respiratory failure"]


def test_conditions_salience_head_noun_alone_dropped() -> None:
    assert condition_values("Trial of the new disease model in gout.") == ["gout"]


def test_conditions_salience_therapies_are_not_conditions() -> None:
    assert condition_values("Homeopathy and a gait orthosis for tendinitis.") == ["tendinitis"]


def test_conditions_salience_anchored_names_win() -> None:
    text = (
        "Vaccination of patients with asthma\n\nMETHODS: Pneumonia was an outcome. Pneumonia was rare in both groups."
    )
    assert condition_values(text) == ["asthma"]


def test_conditions_salience_repeated_when_nothing_anchors() -> None:
    text = "A trial of vaccination\n\nMETHODS: Pneumonia was an outcome. Pneumonia was rare in both groups."
    assert condition_values(text) == ["pneumonia", "pneumonia"]


def test_conditions_salience_population_late_in_a_full_text() -> None:
    filler = "The groups were similar at baseline. " * 250
    text = f"A trial of exercise in adults with gout\n\nMETHODS: {filler}Others studied patients with psoriasis."
    assert condition_values(text) == ["gout"]


def test_conditions_salience_exclusions_are_not_the_population() -> None:
    text = (
        "A trial of exercise in adults with gout.\n\nMETHODS: Patients with psoriasis were excluded. "
        "Psoriasis was rare."
    )
    assert condition_values(text) == ["gout"]


def test_conditions_salience_plural_head_nouns() -> None:
    text = "A trial of eptifibatide.\n\nPatients with acute coronary syndromes and gout were randomised."
    assert condition_values(text) == ["acute coronary syndromes", "gout"]


def test_conditions_salience_keywords_anchor() -> None:
    text = (
        "Light therapy or talking therapy: a protocol\n\nKeywords: Seasonal affective disorder, light therapy\n\n"
        "BACKGROUND: Seasonal affective disorder is common. Gout is too.\n\nMETHODS: Adults are randomised."
    )
    assert condition_values(text) == ["seasonal affective disorder"]


def test_conditions_salience_title_outcome_is_no_anchor() -> None:
    text = "Effects of zinc on hypotension in older adults\n\nMETHODS: Older adults with gout were randomised."
    assert condition_values(text) == ["gout"]


def test_conditions_salience_inline_heading_ends_background() -> None:
    text = (
        "Ozone and inflammation\n\nBACKGROUND: Ozone may induce inflammation. METHODS: In a crossover study, 12 "
        "patients with peripheral arterial disease were exposed to ozone.\n"
    )
    assert condition_values(text) == ["peripheral arterial disease"]


def test_conditions_salience_prior_studies_sentence_anchors_nothing() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("studysift_conditions")
    text = (
        "Massage and sleep in children with autism.\n\nPrevious studies have found benefits of massage in people with "
        "dementia. Twelve children with autism took part."
    )
    assert span_values(nlp, text, spans.CONDITION) == ["autism", "autism"]
