"""Outcomes a sentence declares ("The primary outcome measure was X", "End points included A, B and C") are found,
with the direction of the result that names them."""

from __future__ import annotations

from tests.extractor.pipes import outcome_directions


def test_outcomes_declared_measure_was() -> None:
    assert outcome_directions("The primary outcome measure was the change in HbA1c from baseline.") == {
        "hba1c": "reported"
    }


def test_outcomes_declared_list_with_single_words() -> None:
    names = outcome_directions("End points included operating time, reoperation rate, morbidity, and costs.")
    assert set(names) == {"operating time", "reoperation rate", "morbidity", "costs"}


def test_outcomes_declared_takes_result_direction() -> None:
    text = "A trial of a drug\nThe primary endpoint was wound infection. The drug reduced infection in the first week."
    assert outcome_directions(text)["wound infection"] == "decreased"


def test_outcomes_declared_measured_takes_result_direction() -> None:
    text = "A trial of a drug\nSerum ferritin was measured monthly. Ferritin rose significantly with the drug."
    assert outcome_directions(text)["serum ferritin"] == "increased"


def test_outcomes_declared_lexicon_measure_takes_result_direction() -> None:
    text = "A trial of a drug\nWe followed grip strength over a year. Strength did not improve with the drug."
    assert outcome_directions(text)["grip strength"] == "no_difference"


def test_outcomes_declared_result_window_leaves_out_bracketed_asides() -> None:
    text = (
        "A trial of a drug\nThe primary endpoint was facial swelling. The drug was superior to placebo for the relief "
        "of pain (P < 0.05, 95% CI 1.2 to 3.4), and of swelling."
    )
    assert outcome_directions(text)["facial swelling"] == "improved"


def test_outcomes_declared_measured_in_other_words() -> None:
    """ "X was surveyed/appraised by two dermatologists" says how X was measured, as "was assessed" does: no result."""
    for verb in ("assessed", "surveyed", "appraised"):
        text = f"A trial of a cream\nClinical enhancement of facial acne scarring was {verb} by two dermatologists."
        assert outcome_directions(text).get("facial acne scarring") in (None, "reported")
