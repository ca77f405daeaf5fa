"""The measures a result sentence opens with, before a cue that follows its subject, are its outcomes."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with, span_labels


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_outcomes", {"ranker": "", "tagger": ""})  # the rules alone


def found(nlp: Language, text: str) -> list[tuple[str, str]]:
    return span_labels(nlp, text, spans.OUTCOME)


def test_outcomes_subject_list_with_asides(nlp: Language) -> None:
    text = "Walking speed, gait time (median [IQR]) and balance scores significantly improved after training."
    assert found(nlp, text) == [
        ("Walking speed", "improved"),
        ("gait time", "improved"),
        ("balance scores", "improved"),
    ]


def test_outcomes_subject_stops_at_group_qualifier(nlp: Language) -> None:
    text = "Morbidity and reoperation rates in the laparoscopic, hand-assisted, and open groups were comparable."
    assert found(nlp, text) == [("Morbidity", "no_difference"), ("reoperation rates", "no_difference")]


def test_outcomes_subject_after_connective(nlp: Language) -> None:
    assert found(nlp, "However, clinical cure at the end of therapy was comparable between groups.") == [
        ("clinical cure", "no_difference")
    ]


def test_outcomes_subject_after_longer_connective(nlp: Language) -> None:
    """Connectives of more than three words open a result sentence too ("Be that as it may, ...")."""
    for lead in ("Be that as it may", "Nevertheless", "On the other hand"):
        assert found(nlp, f"{lead}, incidence of nausea and retching were comparable among all groups.") == [
            ("incidence of nausea", "no_difference"),
            ("retching", "no_difference"),
        ]


def test_outcomes_subject_not_a_clause(nlp: Language) -> None:
    names = [name for name, _ in found(nlp, "We found that patients who walked were similar in age.")]
    assert "patients who walked" not in names and "We found" not in names


def test_outcomes_subject_single_words_in_a_list(nlp: Language) -> None:
    assert found(nlp, "Coughing, sputum and wheeze improved under treatment.") == [
        ("Coughing", "improved"),
        ("sputum", "improved"),
        ("wheeze", "improved"),
    ]


def test_outcomes_subject_modifier_alone_is_no_outcome(nlp: Language) -> None:
    assert found(nlp, "Cardiovascular, renal and hepatic function improved.") == [("hepatic function", "improved")]


def test_outcomes_subject_generic_words_alone_are_no_outcome(nlp: Language) -> None:
    assert found(nlp, "Treatment, chance and pain decreased.") == [("pain", "decreased")]


def test_outcomes_subject_empty_leads_dropped(nlp: Language) -> None:
    assert found(nlp, "The mean change in HbA1c and levels of ACTH were similar.") == [
        ("HbA1c", "no_difference"),
        ("ACTH", "no_difference"),
    ]


def test_outcomes_subject_before_did_not_show(nlp: Language) -> None:
    assert found(nlp, "The average time of support did not show any significant difference in the two groups.") == [
        ("time of support", "no_difference")
    ]


def test_outcomes_subject_one_word_head_takes_its_complement(nlp: Language) -> None:
    text = "There was no significant difference between the groups in the need for surgery, apnea, and nasal trauma."
    assert found(nlp, text) == [
        ("need for surgery", "no_difference"),
        ("apnea", "no_difference"),
        ("nasal trauma", "no_difference"),
    ]


def test_outcomes_subject_keeps_to_complement(nlp: Language) -> None:
    assert found(nlp, "Time to first rescue analgesia was similar in both groups.") == [
        ("Time to first rescue analgesia", "no_difference")
    ]


def test_outcomes_subject_of_a_measurement_verb(nlp: Language) -> None:
    assert found(nlp, "Episodes of nausea, retching and vomiting were noted for 48 h.") == [
        ("Episodes of nausea", "reported"),
        ("retching", "reported"),
        ("vomiting", "reported"),
    ]


@pytest.mark.parametrize(
    ("text", "name", "direction"),
    [
        (
            "The time to stone expulsion in groups 1 and 2 was 9.5 and 14.7 days (p=0.005).",
            "time to stone expulsion",
            "reported",
        ),
        (
            "The number of ESWL sessions was 1.34±0.65 and 1.41±0.85, respectively (p=0.33).",
            "number of ESWL sessions",
            "no_difference",
        ),
    ],
)
def test_outcomes_subject_stated_by_its_values(nlp: Language, text: str, name: str, direction: str) -> None:
    assert found(nlp, text) == [(name, direction)]


def test_outcomes_subject_values_need_a_number_after_the_copula(nlp: Language) -> None:
    assert found(nlp, "The number of ESWL sessions was given in Table 2 (p=0.33).") == []


def test_outcomes_subject_statistic_word_alone_is_no_name(nlp: Language) -> None:
    text = "Median (95% confidence interval) fever clearance times were 92 hours and 138 hours (p<0.0001)."
    assert ("Median", "reported") not in found(nlp, text)


def test_outcomes_subject_stated_by_its_values_with_a_comparative(nlp: Language) -> None:
    text = "Median weight loss at follow-up was 1.5-fold higher following BPDS relative to RYGB (p = 0.015)."
    assert found(nlp, text) == [("weight loss", "increased")]


def test_outcomes_subject_after_a_colon(nlp: Language) -> None:
    text = "In the older group: heart rate (-8 bpm), systolic pressure (-9 mmHg) and stroke volume (-3%) decreased."
    assert [name for name, _ in found(nlp, text)] == ["heart rate", "systolic pressure", "stroke volume"]


def test_outcomes_subject_participle_of_measuring_is_no_name(nlp: Language) -> None:
    """ "the assessed variables" names no measure, and neither do its other wordings ("evaluated", "measured")."""
    for verb in ("assessed", "evaluated", "measured", "examined"):
        text = f"In both groups, reduction in the {verb} variables was significant between days 1 and 3 (p < 0.001)."
        assert found(nlp, text) == []
