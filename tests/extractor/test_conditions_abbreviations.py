from __future__ import annotations

import pytest
import spacy
from scispacy.abbreviation import AbbreviationDetector  # noqa: F401  (registers "abbreviation_detector")
from spacy.language import Language

import extractor.components  # noqa: F401  (registers the factories)
from extractor import spans


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("abbreviation_detector")
    nlp.add_pipe("studysift_conditions")
    return nlp


def conditions(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.text, s._.value) for s in doc.spans[spans.CONDITION]]


def test_conditions_abbreviations(nlp: Language) -> None:
    found = conditions(
        nlp, "Veterans with post-traumatic stress disorder (PTSD) were enrolled. Chronic PTSD persisted."
    )
    assert found == [
        ("post-traumatic stress disorder", "post-traumatic stress disorder"),
        ("PTSD", "post-traumatic stress disorder"),
        ("Chronic PTSD", "chronic post-traumatic stress disorder"),
    ]


def test_conditions_abbreviations_not_defined_stay_as_written(nlp: Language) -> None:
    assert conditions(nlp, "A promising treatment for chronic PTSD.") == [("chronic PTSD", "chronic PTSD")]


def test_conditions_abbreviations_of_pattern_conditions(nlp: Language) -> None:
    found = conditions(nlp, "Patients with diabetic gastroparesis (DGP) were randomised; DGP progressed slowly.")
    assert found == [
        ("gastroparesis", "gastroparesis"),
        ("DGP", "diabetic gastroparesis"),
        ("DGP", "diabetic gastroparesis"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ketamine for bulimia nervosa.", "bulimia nervosa"),
        ("A case of chronic and severe bulimia nervosa.", "chronic bulimia nervosa"),
        ("Adults admitted with severe sepsis.", "severe sepsis"),
        ("Children with chronic kidney disease.", "chronic kidney disease"),
        ("Patients suffering from pancreatitis.", "pancreatitis"),
        ("Adults undergoing coronary artery bypass grafting were randomised.", "coronary artery bypass grafting"),
    ],
)
def test_conditions_abbreviations_lexicon_and_patterns(nlp: Language, text: str, expected: str) -> None:
    assert [value for _, value in conditions(nlp, text)] == [expected]


def test_conditions_abbreviations_no_false_hits(nlp: Language) -> None:
    assert conditions(nlp, "The diagnosis and prognosis were discussed with 40 healthy volunteers.") == []


def test_conditions_abbreviations_treatment_named_for_a_condition(nlp: Language) -> None:
    found = conditions(nlp, "Behavioral Activation Treatment for Depression (BATD) was tested. BATD helped.")
    assert ("BATD", "behavioral activation treatment for depression") not in found
    assert ("Depression", "depression") in found


def test_conditions_abbreviations_long_form_qualifying_a_condition(nlp: Language) -> None:
    found = conditions(
        nlp, "Patients with heart failure with reduced ejection fraction (HFrEF) were enrolled. HFrEF worsened."
    )
    assert ("HFrEF", "heart failure with reduced ejection fraction") in found


def test_conditions_abbreviations_spelled_out_elsewhere_take_the_name(nlp: Language) -> None:
    text = "We treat patients suffering from GAD. Subjects with generalized anxiety disorder were recruited."
    assert {value for _, value in conditions(nlp, text)} == {"generalized anxiety disorder"}


def test_conditions_abbreviations_never_spelled_out_stay_as_written(nlp: Language) -> None:
    assert [value for _, value in conditions(nlp, "Veterans with PTSD and patients with depression.")][0] == "PTSD"


def test_conditions_abbreviations_redefined_in_brackets(nlp: Language) -> None:
    text = "Recipients were randomized to belatacept more intense [MI] or less intense [LI]. MI was tolerated."
    assert conditions(nlp, text) == []


def test_conditions_abbreviations_lexicon_sense_kept(nlp: Language) -> None:
    text = "Patients with acute myocardial infarction [MI] were enrolled. MI recurred in 3."
    assert ("MI", "MI") in conditions(nlp, text)
