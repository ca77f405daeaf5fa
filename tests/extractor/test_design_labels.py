"""The design component: design vocabulary, randomization, blinding and allocation from clean English."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_design")


@pytest.mark.parametrize(
    ("text", "design"),
    [
        ("This was a randomized controlled trial of ketamine.", "randomized_controlled_trial"),
        ("A randomised, double-blind, placebo-controlled study in 40 adults.", "randomized_controlled_trial"),
        ("We report a case of refractory migraine.", "case_report"),
        ("Two small cross-over trials investigated IV ketamine.", "crossover_trial"),
        ("The recently updated Cochrane review included 3 RCTs.", "systematic_review"),
        ("A meta-analysis of 12 trials was performed.", "meta_analysis"),
        ("A retrospective cohort study of 2,000 veterans.", "cohort_study"),
        ("A nested case-control study was done.", "case_control_study"),
        ("A cross-sectional survey of nurses.", "cross_sectional_study"),
        ("The effect was tested in mice.", "animal_study"),
        ("An open-label non-randomized trial of lithium.", "non_randomized_trial"),
        ("Semi-structured interviews were analysed.", "qualitative_study"),
        ("A narrative review of the evidence.", "narrative_review"),
        ("The CANMAT guidelines rate this as Level 3.", "guideline"),
        ("We randomized 389 patients with stable coronary artery disease.", "randomized_controlled_trial"),
        ("Patients were randomly assigned to two arms.", "randomized_controlled_trial"),
        ("Symptoms were similar in the treatment and placebo groups.", "non_randomized_trial"),
        ("This is a left-right split-face comparison study.", "non_randomized_trial"),
        ("ANCHOR was a 12-week, phase 3 study of icosapent ethyl.", "non_randomized_trial"),
        ("They were divided into three equal groups randomly.", "randomized_controlled_trial"),
        ("Each paramedic used all six devices in a randomised order.", "crossover_trial"),
    ],
)
def test_design_labels(nlp: Language, text: str, design: str) -> None:
    doc = nlp(text)
    labels = {s.label_ for s in doc.spans[spans.DESIGN]}
    assert design in labels


@pytest.mark.parametrize(
    ("text", "blinding"),
    [
        ("A double-blind trial.", "double_blind"),
        ("A double-masked study.", "double_blind"),
        ("A triple-blind placebo-controlled trial.", "triple_blind"),
        ("A single-blind trial.", "single_blind"),
        ("An open-label extension.", "open_label"),
        ("An observer-blinded trial.", "assessor_blind"),
        ("Pain was rated by blinded outcome assessors.", "assessor_blind"),
        ("The study features the blinding of participants, assessors and therapists.", "triple_blind"),
        ("It ensured blinding of patients and investigators.", "double_blind"),
        ("A randomized, double\u2010blind trial.", "double_blind"),  # a typographic hyphen
        ("The participants, therapists, assessors, and statistician were blinded.", "triple_blind"),
        ("CPAP therapists were not blinded to the group.", "open_label"),
        ("The study data analyst is blinded to the assignments.", "assessor_blind"),
        ("It features blinding of individuals, assessors and therapists.", "triple_blind"),  # any people noun
        ("It ensured blinding of volunteers and investigators.", "double_blind"),
    ],
)
def test_design_labels_blinding(nlp: Language, text: str, blinding: str) -> None:
    doc = nlp(text)
    assert [s.label_ for s in doc.spans[spans.BLINDING]] == [blinding]


def test_design_labels_assessor_blind_in_other_words(nlp: Language) -> None:
    """ "surveyed"/"appraised by two dermatologists blinded to ..." is a blinded assessment as "assessed by" is."""
    for verb in ("assessed", "surveyed", "appraised"):
        doc = nlp(f"Acne scarring was {verb} by two dermatologists blinded to treatment conditions.")
        assert [s.label_ for s in doc.spans[spans.BLINDING]] == ["assessor_blind"]


def test_design_labels_absent_blinding_is_not_blinding(nlp: Language) -> None:
    doc = nlp("Blinding of outcome assessors was absent and/or unreported in trials.")
    assert list(doc.spans[spans.BLINDING]) == []


def test_design_labels_randomized_and_not(nlp: Language) -> None:
    doc = nlp("Patients were randomly assigned to two arms. A non-randomized comparison followed.")
    values = [(s.text, s._.value) for s in doc.spans[spans.RANDOMIZED]]
    assert ("randomly assigned", True) in values
    assert ("non-randomized", False) in values
    assert all(v is not True for t, v in values if "non" in t)


def test_design_labels_allocation(nlp: Language) -> None:
    doc = nlp("A parallel-group trial. A 2x2 factorial design. A cluster-randomized trial. A crossover study.")
    assert [s.label_ for s in doc.spans[spans.ALLOCATION]] == ["parallel", "factorial", "cluster", "crossover"]


def test_design_labels_same_text_in_two_groups_keeps_both_values(nlp: Language) -> None:
    doc = nlp("A crossover study.")
    (design,) = [s for s in doc.spans[spans.DESIGN] if s.text == "crossover"]
    (allocation,) = doc.spans[spans.ALLOCATION]
    assert (design._.value, allocation._.value) == ("crossover_trial", "crossover")


def test_design_labels_switching_arms_is_not_a_crossover(nlp: Language) -> None:
    doc = nlp("There was a 70% crossover from physiotherapy to surgery. Patients crossover from A to B.")
    assert [s for s in doc.spans[spans.DESIGN] if s.label_ == "crossover_trial"] == []
    design = nlp("A randomised crossover study.")
    assert [s.label_ for s in design.spans[spans.DESIGN]].count("crossover_trial") == 1


def test_design_labels_randomly_after_the_verb(nlp: Language) -> None:
    doc = nlp("They were divided into three equal groups randomly.")
    assert [s._.value for s in doc.spans[spans.RANDOMIZED]] == [True]


@pytest.mark.parametrize(
    "text",
    [
        "International Standard Randomized Controlled Trial Number (ISRCTN): 35739639",  # a registry's name
        "They were compared to 60 patients from a previously conducted randomized, controlled trial.",
        "Events were identified by systematic review of clinical records.",  # a method, not the design
    ],
)
def test_design_labels_not_the_study_design(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert {s.label_ for s in doc.spans[spans.DESIGN]} <= {"non_randomized_trial"}
    assert all(s._.confidence < 0.5 for s in doc.spans[spans.DESIGN])
