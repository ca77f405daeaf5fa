"""The sample-size component on phrasings that recur outside the dev split: counts of each of several things, shares
of a subgroup, a year run into a count, groups a count forms, people screened or eligible before the sample."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_sample_size")


def roles(nlp: Language, text: str) -> list[tuple[int, str | None]]:
    doc = nlp(text)
    return [(s._.value, (s._.attrs or {}).get("role")) for s in doc.spans[spans.SAMPLE_SIZE]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Three birth cohorts are ongoing in the city, each with more than 4,000 subjects enrolled at birth.",
            [(4000, "group")],
        ),
        ("Patients were allocated to group I and group II comprising 30 patients each.", [(30, "group")]),
        ("Each of 10 services was invited to recruit 10 patients with schizophrenia.", [(10, "group")]),
        ("Each of the 40 patients received both treatments.", [(40, None)]),  # all of them
        ("Thirty patients each received 10 mg.", [(30, None)]),
    ],
)
def test_sample_size_phrasings_per_item(nlp: Language, text: str, expected: list[tuple[int, str | None]]) -> None:
    assert roles(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("However, 17% of pregnant women (n = 5919) chose to deliver at home.", [(5919, "group")]),
        ("Overall, 63% (n = 373) were female.", [(373, "group")]),
        ("Participants were patients with hepatitis C (n = 120).", [(120, None)]),  # the sample itself
    ],
)
def test_sample_size_phrasings_share_of_subgroup(
    nlp: Language, text: str, expected: list[tuple[int, str | None]]
) -> None:
    assert roles(nlp, text) == expected


def test_sample_size_phrasings_year_run_into_count(nlp: Language) -> None:
    text = "From October 2016 to April 2019 137 patients were randomized."
    assert roles(nlp, text) == [(137, None)]


def test_sample_size_phrasings_number_run_into_count_is_not_one(nlp: Language) -> None:
    assert roles(nlp, "The scores were 2019 137 patients.") == []  # no month or "in" makes 2019 a year


def test_sample_size_phrasings_who_were_screened(nlp: Language) -> None:
    text = "In all, 137 patients were randomized from a total of 166 patients who were screened."
    assert roles(nlp, text) == [(137, None), (166, "screened")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seventy-five patients failing first-line therapy comprised the TDF group.", [(75, "group")]),
        ("Seventy-five patients matched for age made up the control.", [(75, "group")]),
        ("Sixty patients comprised the study group.", [(60, None)]),  # the whole sample
    ],
)
def test_sample_size_phrasings_count_forms_a_group(
    nlp: Language, text: str, expected: list[tuple[int, str | None]]
) -> None:
    assert roles(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Out of 178 eligible patients from one practice, 55 participated in the study.",
            [(178, "screened"), (55, None)],
        ),
        ("We randomized 150 eligible patients.", [(150, None)]),  # no smaller count after them
    ],
)
def test_sample_size_phrasings_eligible_before_sample(
    nlp: Language, text: str, expected: list[tuple[int, str | None]]
) -> None:
    assert roles(nlp, text) == expected


def test_sample_size_phrasings_bare_count_randomly_assigned(nlp: Language) -> None:
    doc = nlp("Of these, 98 were randomly allocated to the two arms.")
    assert [(s._.value, (s._.attrs or {}).get("kind")) for s in doc.spans[spans.SAMPLE_SIZE]] == [(98, "randomized")]


def test_sample_size_phrasings_in_each_of_the_arms(nlp: Language) -> None:
    text = "SAEs occurred in two patients in each of the AmBisome containing arms."
    assert roles(nlp, text) == [(2, "group")]


@pytest.mark.parametrize(
    "text",
    [
        "After a mean follow-up of 25 months, 43 (55.1%) patients achieving remission were randomized to two arms.",
        "Of 78 patients recruited, 43 (55%) were randomly assigned.",
    ],
)
def test_sample_size_phrasings_randomized_share(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert (43, "randomized") in [(s._.value, (s._.attrs or {}).get("kind")) for s in doc.spans[spans.SAMPLE_SIZE]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Outcomes were assessed by two blinded physicians.", [(2, "staff")]),
        ("Three surgeons performed all operations.", [(3, "staff")]),
        ("We randomized 40 physicians to feedback or none.", [(40, None)]),  # the participants of the trial
    ],
)
def test_sample_size_phrasings_staff(nlp: Language, text: str, expected: list[tuple[int, str | None]]) -> None:
    assert roles(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two rabbits from each group were killed on day 28.", [(2, "group")]),
        (
            "Fathers were randomised to the intervention (n = 575 couples) or control group (n = 624 couples).",
            [(575, "group"), (624, "group")],
        ),
        (
            "Twenty-one subjects were allocated to massage first, while 27 were initially allocated to the control.",
            [(21, "group"), (27, "group")],
        ),
        ("In all, 120 were assigned to the intervention.", [(120, "group")]),  # one arm's
        ("Of these, 120 were allocated to A or B.", [(120, None)]),
        ("Adults with a MELD score ≤ 35 were randomized.", []),  # a bound, not a count
        (
            "Forty patients were randomized; 18 to HIP and 22 to IV iron sucrose.",
            [(40, None), (18, "group"), (22, "group")],
        ),
        ("Patients were randomized 3 : 3 : 1 to receive liarozole.", []),  # a ratio
    ],
)
def test_sample_size_phrasings_arms_and_bounds(
    nlp: Language, text: str, expected: list[tuple[int, str | None]]
) -> None:
    assert roles(nlp, text) == expected
