"""A drug named as what is measured ("serum levels of cyclosporine", "cyclosporine serum levels", "onset time of
rocuronium") or as the source of a harm or an effect on the body ("cyclosporine nephrotoxicity", "insulin
sensitizing") is not a treatment the study gives."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_interventions")


def names(doc: object) -> list[str]:
    return [s._.value for s in doc.spans[spans.INTERVENTION]]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    [
        "Serum levels of cyclosporine did not change.",
        "HDL and cyclosporine serum levels had no significant differences.",
        "Garlic lowered levels of serum lipids, cyclosporine and creatinine.",
        "The decrease may be due to cyclosporine nephrotoxicity.",
        "Insulin sensitizing treatments have proved effective.",
    ],
)
def test_interventions_blockers_measured_drug_is_no_treatment(nlp: Language, text: str) -> None:
    assert names(nlp(text)) == []


def test_interventions_blockers_degree_of_drug_is_measured(nlp: Language) -> None:
    """ "degree(s) of" names a measure as "level(s) of" does."""
    assert names(nlp("Tacrolimus raised the degree of cyclosporine in the blood.")) == ["tacrolimus"]
    assert names(nlp("Aspirin changed plasma degrees of serum heparin.")) == ["aspirin"]


def test_interventions_blockers_onset_time_of_drug_is_measured(nlp: Language) -> None:
    assert names(nlp("Lidocaine did not affect the onset time of rocuronium.")) == ["lidocaine"]


def test_interventions_blockers_drug_given_beside_a_measurement_kept(nlp: Language) -> None:
    assert "propofol" in names(nlp("Levels of interleukin-6 were measured in patients receiving propofol 2 mg/kg."))
