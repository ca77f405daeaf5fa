"""The design component's other facts: species, follow-up and evidence level, normalised."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_design")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Remission at three months follow-up.", "3 months"),
        ("At 6-month follow-up pain was lower.", "6 months"),
        ("Participants were followed up for 12 weeks.", "12 weeks"),
        ("After a follow-up of one year, 3 relapsed.", "1 year"),
        ("The follow-up period of 48 h was uneventful.", "48 h"),
        ("Rankin scores at follow-up controls after 3 and 6 months.", "6 months"),
        ("Pain was assessed at 1, 4, 12, 24 and 48 hours postoperatively.", "48 hours"),
        ("303 adult patients with severe asthma, followed over 24 weeks.", "24 weeks"),
        ("This was a randomised controlled trial with 2-y follow-up.", "2 years"),
        ("Patients were followed for their first 2 months of treatment.", "2 months"),
        ("Six weeks later, lipid profiles were checked.", "6 weeks"),
        ("Symptom scores were reduced at the 18th week.", "18 weeks"),
        ("Fourteen days after treatment, cortisol levels fell.", "14 days"),
        ("Patients were evaluated at one day, three days and seven days.", "7 days"),  # units repeated in a list
        ("Follow-up is performed after three months, 1, 2, 4 and 10 years.", "10 years"),
        ("Pain fell by month 6.", "6 months"),
        ("Tremor correlated with dose at 1 month (P < 0.001) and 6 months (P = 0.016).", "6 months"),
        ("Diaries were checked at week 17.", "17 weeks"),
    ],
)
def test_design_facts_follow_up(nlp: Language, text: str, value: str) -> None:
    doc = nlp(text)
    assert [s._.value for s in doc.spans[spans.FOLLOW_UP]] == [value]


def test_design_facts_no_follow_up_without_the_word(nlp: Language) -> None:
    doc = nlp("Patients were treated for 6 months.")
    assert list(doc.spans[spans.FOLLOW_UP]) == []


@pytest.mark.parametrize(
    "text",
    [
        "The drug was continued up to a maximum of 42 days after the procedure.",  # a limit, not a time point
        "Subjects received placebo, followed 1 week later by a nasal vaccine.",  # the timing of a step
    ],
)
def test_design_facts_no_time_point_from_limits_or_steps(nlp: Language, text: str) -> None:
    assert list(nlp(text).spans[spans.FOLLOW_UP]) == []


@pytest.mark.parametrize(
    ("text", "species"),
    [
        ("Forty healthy volunteers took part.", ["human"]),
        ("Locomotor activity in the mice and rats.", ["mouse", "rat"]),
        ("Seminal plasma was infused in female alpacas.", ["alpaca"]),
        ("The dose of 500 mg was given.", []),
    ],
)
def test_design_facts_species(nlp: Language, text: str, species: list[str]) -> None:
    doc = nlp(text)
    assert [s.label_ for s in doc.spans[spans.SPECIES]] == species


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("It was characterised as Level 3 in the guidelines.", "Level 3"),
        ("Level of evidence II.", "Level II"),
        ("A grade B recommendation.", "Grade B"),
    ],
)
def test_design_facts_evidence_level(nlp: Language, text: str, level: str) -> None:
    doc = nlp(text)
    assert [s._.value for s in doc.spans[spans.EVIDENCE_LEVEL]] == [level]


def test_design_facts_no_level_from_a_measurement(nlp: Language) -> None:
    doc = nlp("Lactate level 3 months after baseline.")
    assert list(doc.spans[spans.EVIDENCE_LEVEL]) == []


def test_design_facts_assessment_time_points_are_labelled_timepoint(nlp: Language) -> None:
    doc = nlp(
        "Pain was assessed at baseline, 3 and 6 months. PSA was measured on day 14, 28 and 56. "
        "ANCHOR was a 12-week, phase 3 study."
    )
    assert [(s.label_, s._.value) for s in doc.spans[spans.FOLLOW_UP]] == [
        ("timepoint", "6 months"),
        ("timepoint", "56 days"),
        ("timepoint", "12 weeks"),
    ]
