from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import extractor.components  # noqa: F401  (registers the factories)
from extractor import spans


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("studysift_interventions")
    return nlp


def attrs_of(doc: Doc, name: str) -> dict[str, Any]:
    found = [s for s in doc.spans[spans.INTERVENTION] if s._.value == name]
    assert found, f"no intervention {name!r} in {[s.text for s in doc.spans[spans.INTERVENTION]]}"
    return found[0]._.attrs


@pytest.mark.parametrize(
    ("text", "value", "unit", "high"),
    [
        ("Patients received 500 mg of lornoxicam.", 500.0, "mg", None),
        ("Ketamine 0.5 mg/kg was given.", 0.5, "mg/kg", None),
        ("Ketamine 0.5–1 mg/kg was given.", 0.5, "mg/kg", 1.0),
        ("Ketamine 0.5 to 1 mg/kg was given.", 0.5, "mg/kg", 1.0),
        ("Ketamine 10 µg/kg/h was infused.", 10.0, "mcg/kg/h", None),
        ("Ketamine 10 ug/kg/hr was infused.", 10.0, "mcg/kg/h", None),
        ("Metformin 1,000 milligrams per day.", 1000.0, "mg/day", None),
        ("Heparin 5000 IU twice daily.", 5000.0, "iu", None),
        ("Ketamine 0.5mg/kg/day orally.", 0.5, "mg/kg/day", None),
    ],
)
def test_interventions_dose(nlp: Language, text: str, value: float, unit: str, high: float | None) -> None:
    doc = nlp(text)
    (dose,) = doc.spans[spans.DOSE]
    assert dose._.value["value"] == value
    assert dose._.value["unit"] == unit
    assert dose._.value["max"] == high
    assert dose._.value["text"] in doc.text


def test_interventions_dose_skips_measurements(nlp: Language) -> None:
    doc = nlp("The serum level of 5 mg was normal and glucose was 90 mg/dl after ketamine.")
    assert list(doc.spans[spans.DOSE]) == []


def test_interventions_dose_links_route_duration_frequency(nlp: Language) -> None:
    doc = nlp("She had 3 courses of IV ketamine (0.5 mg/kg over 40 min) and ondansetron 8 mg every 12 hours.")
    ketamine = attrs_of(doc, "ketamine")
    assert ketamine["route"] == "intravenous"
    assert ketamine["dose"]["value"] == 0.5 and ketamine["dose"]["unit"] == "mg/kg"
    assert ketamine["duration"] == "40 min"
    assert ketamine["frequency"] == "3 courses"
    start, end = ketamine["dose_span"]
    assert doc.text[start:end] == "0.5 mg/kg"
    ondansetron = attrs_of(doc, "ondansetron")
    assert ondansetron["dose"]["value"] == 8.0
    assert ondansetron["frequency"] == "every 12 hours"
    assert ondansetron["route"] is None


@pytest.mark.parametrize(
    ("text", "name", "route"),
    [
        ("Two trials used intrathecal ketamine.", "ketamine", "intrathecal"),
        ("Esketamine nasal spray was approved.", "esketamine", "intranasal"),
        ("Diclofenac tablets were taken.", "diclofenac", "oral"),
        ("A ketamine infusion was started.", "ketamine", "intravenous"),
        ("Morphine i.v. was given.", "morphine", "intravenous"),
        ("They titrated subcutaneous ketamine to high dose (500 mg).", "ketamine", "subcutaneous"),
    ],
)
def test_interventions_dose_routes(nlp: Language, text: str, name: str, route: str) -> None:
    doc = nlp(text)
    assert attrs_of(doc, name)["route"] == route
    assert [s.label_ for s in doc.spans[spans.ROUTE]] == [route]


def test_interventions_dose_weak_route_needs_a_drug(nlp: Language) -> None:
    doc = nlp("The infusion pump alarmed twice.")
    assert list(doc.spans[spans.ROUTE]) == []


def test_interventions_dose_titrated_and_suffix_names(nlp: Language) -> None:
    doc = nlp("Subcutaneous zorbatinib was titrated to 500 mg.")
    attrs = attrs_of(doc, "zorbatinib")
    assert attrs["dose"]["value"] == 500.0
    assert attrs["route"] == "subcutaneous"


@pytest.mark.parametrize(
    ("text", "arms"),
    [
        ("Patients were randomized to IPE (4 g/day or 2 g/day) or placebo.", [4.0, 2.0]),
        ("Patients got artesunate 2 or 4 mg/kg/day for 7 days.", [2.0, 4.0]),
        ("Patients got 30 mg, 60 mg or 90 mg lisinopril daily.", [30.0, 60.0, 90.0]),
        ("Patients got lisinopril 30 mg and metformin 500 mg daily.", [30.0]),
    ],
)
def test_interventions_dose_arm_lists(nlp: Language, text: str, arms: list[float]) -> None:
    doc = nlp(text)
    (item,) = [s for s in doc.spans[spans.INTERVENTION] if s._.value in ("ipe", "artesunate", "lisinopril")]
    doses = [item._.attrs["dose"], *(item._.attrs["arm_doses"] or [])]
    assert [d["value"] for d in doses] == arms  # the mention's own dose is the first in the text


def test_interventions_dose_code_named_drugs(nlp: Language) -> None:
    doc = nlp("Oral BAY 94-8862 (10 mg) was given. BAY 94-8862 was safe; EPs 7630 was not studied in April 2008.")
    names = {s._.value for s in doc.spans[spans.INTERVENTION]}
    assert "bay 94-8862" in names and "eps 7630" in names
    assert not any("2008" in n for n in names)
    doc = nlp("The trial (NCT00639873; ISRCTN61661881) used SF-36.")
    assert list(doc.spans[spans.INTERVENTION]) == []


def test_interventions_dose_recombinant_proteins(nlp: Language) -> None:
    doc = nlp("Patients got recombinant human growth hormone or recombinant erythropoietin in a trial.")
    names = {s._.value for s in doc.spans[spans.INTERVENTION]}
    assert {"recombinant human growth hormone", "recombinant erythropoietin"} <= names
