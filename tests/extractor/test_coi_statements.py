"""The COI component: statements declared or none declared, the names they give; funding alone is no statement."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_coi")


def statements(nlp: Language, text: str) -> list[tuple[str, list[str]]]:
    doc = nlp(text)
    return [(s.label_, s._.value) for s in doc.spans[spans.COI]]


def test_coi_statements_declared_with_names(nlp: Language) -> None:
    text = (
        "The authors declared the following potential conflicts of interest with respect to the research: "
        "AR serves as the founding director of the Integrated Research Literacy Group."
    )
    assert statements(nlp, text) == [("declared", ["AR", "Integrated Research Literacy Group"])]


def test_coi_statements_company_and_person(nlp: Language) -> None:
    (found,) = statements(nlp, "Competing interests: Jane Smith has received consulting fees from Pfizer.")
    assert found[0] == "declared"
    assert set(found[1]) == {"Jane Smith", "Pfizer"}


@pytest.mark.parametrize(
    "text",
    [
        "The authors declare no competing interests.",
        "Conflicts of interest: none.",
        "The authors declare that they have no conflict of interest.",
        "Competing interests\n\nNone declared.",
        "Disclosures: the authors have nothing to disclose.",
    ],
)
def test_coi_statements_none_declared(nlp: Language, text: str) -> None:
    assert [label for label, _ in statements(nlp, text)] == ["none_declared"]


def test_coi_statements_heading_then_paragraph(nlp: Language) -> None:
    text = "## Conflicts of Interest\n\nE.C.P.L.-J. receives research support from Multi Radiance Medical.\n\nNext."
    ((label, names),) = statements(nlp, text)
    assert label == "declared"
    assert "Multi Radiance Medical" in names


@pytest.mark.parametrize(
    "text",
    [
        "Funding: This study was funded by the National Institutes of Health.",
        "The primary outcome of interest was pain at 6 months.",
        "Pain is of interest to many clinicians.",
    ],
)
def test_coi_statements_not_a_statement(nlp: Language, text: str) -> None:
    assert statements(nlp, text) == []
