"""Short forms an article defines for a named intervention stand for it, also when the long form carries its dose."""

from __future__ import annotations

import pytest
import spacy
from scispacy.abbreviation import AbbreviationDetector  # noqa: F401  (registers "abbreviation_detector")
from spacy.language import Language

import extractor.components  # noqa: F401  (registers the factories)
from extractor import spans


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("abbreviation_detector")
    nlp.add_pipe("studysift_interventions")
    return nlp


def test_interventions_abbreviations_long_form_with_its_dose(nlp: Language) -> None:
    doc = nlp("Patients got fimasartan 120 mg (FMS) or placebo. FMS lowered blood pressure more than placebo did.")
    names = {s.text: s._.value for s in doc.spans[spans.INTERVENTION]}
    assert names.get("FMS") == "fimasartan"


def test_interventions_abbreviations_long_form_with_other_words(nlp: Language) -> None:
    doc = nlp("Patients got racemic ketamine (RK) or placebo. RK lowered depression scores.")
    names = {s.text: s._.value for s in doc.spans[spans.INTERVENTION]}
    assert names.get("RK") == "racemic ketamine"


def test_interventions_abbreviations_group_slot_named_by_its_long_form(nlp: Language) -> None:
    doc = nlp(
        "Weight loss after biliopancreatic diversion (BPD) was large. Energy expenditure rose in the BPD group. "
        "The BPD group lost more weight."
    )
    assert "biliopancreatic diversion" in {s._.value for s in doc.spans[spans.INTERVENTION]}


def test_interventions_abbreviations_slot_with_a_head_word(nlp: Language) -> None:
    doc = nlp(
        "Effects of atrial natriuretic peptide (ANP) on oxygenation. "
        "Patients were randomized to ANP infusion or nitric oxide inhalation."
    )
    names = {s._.value for s in doc.spans[spans.INTERVENTION]}
    assert "atrial natriuretic peptide infusion" in names or "atrial natriuretic peptide" in names
    assert "anp infusion" not in names


def test_interventions_abbreviations_of_a_name_found_by_its_frame(nlp: Language) -> None:
    # "zorbafen ethyl" is in no lexicon: the title's frame names it, its restatement defines "ZE", and the dose
    # stated with the short form reaches it
    doc = nlp(
        "Effects of zorbafen ethyl on lipid levels. Zorbafen ethyl (ZE) is a purified ester. "
        "Patients were randomized to ZE (4 g/day) or placebo."
    )
    short = [s for s in doc.spans[spans.INTERVENTION] if s.text == "ZE"]
    assert short and {s._.value for s in short} == {"zorbafen ethyl"}
    assert [s._.attrs["dose"]["value"] for s in short if s._.attrs["dose"]] == [4.0]


def test_interventions_abbreviations_of_a_measured_quantity_mark_amounts_as_measurements(nlp: Language) -> None:
    doc = nlp(
        "Ketamine was given to improve the tidal volume (TV). "
        "Patients given ketamine had a greater TV (0.8 l, 0.3 l) than before."
    )
    assert [s._.attrs["dose"] for s in doc.spans[spans.INTERVENTION]] == [None, None]
