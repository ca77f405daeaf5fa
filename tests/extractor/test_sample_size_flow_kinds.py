"""The sample-size component: a count "with complete data" is analysed, not a group beside the planned count; a
count that its parts after it add up to ("150 participants: 75 teachers and 75 nurses") is their total."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_sample_size")


def counts(nlp: Language, text: str) -> list[tuple[int, dict]]:
    doc = nlp(text)
    return [(s._.value, s._.attrs or {}) for s in doc.spans[spans.SAMPLE_SIZE]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We will enroll 930 patients, and we anticipate having complete data on 884 patients.",
            [(930, {"kind": "planned"}), (884, {"kind": "analysed"})],
        ),
        (
            "Of those randomized, data were available for 682 women at 6 months.",
            [(682, {"kind": "analysed"})],
        ),
    ],
)
def test_sample_size_analysed_data(nlp: Language, text: str, expected: list[tuple[int, dict]]) -> None:
    assert counts(nlp, text) == expected


def test_sample_size_occupational_parts_total(nlp: Language) -> None:
    text = "We will recruit up to 150 participants: up to 75 teachers in Milan and up to 75 nurses in Messina."
    found = counts(nlp, text)
    assert found[0] == (150, {"kind": "planned"})
    assert [attrs.get("role") for _, attrs in found[1:]] == ["group", "group"]
