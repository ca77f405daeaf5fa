"""Two conditions sharing a head said once: "colon or breast cancer" is colon cancer and breast cancer."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with, span_values


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_conditions")


def values(nlp: Language, text: str) -> list[str]:
    return sorted(span_values(nlp, text, spans.CONDITION))


def test_conditions_conjuncts_organ(nlp: Language) -> None:
    assert values(nlp, "Exercise in patients with colon or breast cancer.") == ["breast cancer", "colon cancer"]


def test_conditions_conjuncts_adjective(nlp: Language) -> None:
    found = values(nlp, "Care plans for patients with endometrial and ovarian cancer.")
    assert found == ["endometrial cancer", "ovarian cancer"]


def test_conditions_conjuncts_plain_noun_is_no_qualifier(nlp: Language) -> None:
    assert values(nlp, "Stress and periodontal disease in patients with periodontal disease.") == [
        "periodontal disease",
        "periodontal disease",
    ]


def test_conditions_conjuncts_condition_of_its_own(nlp: Language) -> None:
    assert values(nlp, "Patients with hypertension and breast cancer.") == ["breast cancer", "hypertension"]
