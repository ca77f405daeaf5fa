"""The sample-size component on the words between a count and its noun, the nouns it knows and the counts it reads
as one group's: phrasings of the gold dev v3 documents that the rules were not written for."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_sample_size")


def counts(nlp: Language, text: str) -> list[tuple[int, str, str | None]]:
    doc = nlp(text)
    return [(s._.value, s.label_, (s._.attrs or {}).get("role")) for s in doc.spans[spans.SAMPLE_SIZE]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In a mock scenario, 236 first year medical students were evaluated.", [(236, "participants", None)]),
        ("We enrolled 120 second-year nursing students.", [(120, "participants", None)]),
        ("It was tested in eight type 1 diabetic patients treated by implanted pumps.", [(8, "patients", None)]),
        ("A total of 40 stage III patients were randomized.", [(40, "patients", None)]),
    ],
)
def test_sample_size_modifiers_ordinal_year_and_type(
    nlp: Language, text: str, expected: list[tuple[int, str, str | None]]
) -> None:
    assert counts(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Forty-eight client owned transfusion-naive anemic cats.", 48),
        ("Twelve guinea pigs were used.", 12),
        ("We studied 30 goats and 30 lambs.", 30),
    ],
)
def test_sample_size_modifiers_animals_of_the_clinic_and_farm(nlp: Language, text: str, value: int) -> None:
    found = counts(nlp, text)
    assert found and all(v == value and unit == "animals" for v, unit, _ in found)


def test_sample_size_modifiers_randomized_block_analysis_is_no_randomization(nlp: Language) -> None:
    doc = nlp("The changes did not differ between the two products (randomized block ANOVA, N = 37).")
    assert [(s._.value, (s._.attrs or {}).get("kind")) for s in doc.spans[spans.SAMPLE_SIZE]] == [(37, None)]


@pytest.mark.parametrize(
    "text",
    [
        "Among 2589 versus 2576 children surveyed, egg prevalence was 16% versus 36%.",
        "Overall, 128 of 184 A-treated, 138 of 175 B-treated and 108 of 184 placebo-treated patients contributed data.",
    ],
)
def test_sample_size_modifiers_listed_counts_are_groups(nlp: Language, text: str) -> None:
    found = counts(nlp, text)
    assert found and all(role == "group" for _, _, role in found)


def test_sample_size_modifiers_one_fraction_is_no_list(nlp: Language) -> None:
    assert counts(nlp, "In all, 120 of 150 patients completed the study.") == [(150, "patients", None)]
