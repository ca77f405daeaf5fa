"""Doses written as strengths ("0.5% bupivacaine"), with negative exponents ("µg·kg-1·min-1") or in ppm."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_interventions")


def dose_of(nlp: Language, text: str, name: str) -> str | None:
    doc = nlp(text)
    found = [s for s in doc.spans[spans.INTERVENTION] if s._.value == name]
    assert found, f"no intervention {name!r}"
    dose = found[0]._.attrs["dose"]
    return f"{dose['value']:g} {dose['unit']}" if dose else None


@pytest.mark.parametrize(
    ("text", "dose"),
    [
        ("Remifentanil 0.1 μg·kg-1·min-1 was infused.", "0.1 mcg/kg/min"),
        ("Ketamine 0.5 mg kg−1 h−1 was given.", "0.5 mg/kg/h"),
        ("Ketamine 2 mg.kg-1 was given.", "2 mg/kg"),
        ("Nitric oxide 20 ppm was inhaled.", "20 ppm"),
    ],
)
def test_interventions_strengths_units(nlp: Language, text: str, dose: str) -> None:
    doc = nlp(text)  # held: a span group needs its Doc alive
    (found,) = doc.spans[spans.DOSE]
    assert f"{found._.value['value']:g} {found._.value['unit']}" == dose


def test_interventions_strengths_beside_the_name(nlp: Language) -> None:
    assert dose_of(nlp, "Wounds were cleaned with 0.5% bupivacaine before closure.", "bupivacaine") == "0.5 %"
    assert dose_of(nlp, "Patients received bupivacaine 0.25% before closure.", "bupivacaine") == "0.25 %"


def test_interventions_strengths_not_a_share_of_patients(nlp: Language) -> None:
    # a percentage a few words from the name is a share of patients, and one in a sentence with a p-value a result
    assert dose_of(nlp, "Pain relief was reported by 45% of patients given ketamine.", "ketamine") is None
    assert dose_of(nlp, "Sedation was adequate with midazolam 64.7% (P = 0.21).", "midazolam") is None
    doc = nlp("Pain relief was reported by 45% of the patients.")
    assert list(doc.spans[spans.DOSE]) == []


def test_interventions_strengths_give_way_to_an_amount(nlp: Language) -> None:
    assert dose_of(nlp, "Group L received 2% lidocaine 40 mg before induction.", "lidocaine") == "40 mg"


def test_interventions_strengths_middle_dot_decimal_is_not_a_new_number(nlp: Language) -> None:
    doc = nlp("Deaths were 2·5% with retinol.")
    assert [s._.value["value"] for s in doc.spans[spans.DOSE]] != [5.0]
