"""Routes: said of a list of treatments they are each item's; a dosage form is only the name's it follows."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_interventions")


def routes(nlp: Language, text: str) -> dict[str, str | None]:
    doc = nlp(text)
    found = [*doc.spans[spans.INTERVENTION], *doc.spans[spans.COMPARATOR]]
    return {str(s._.value): s._.attrs["route"] for s in found}


def test_interventions_routes_said_of_a_list(nlp: Language) -> None:
    found = routes(nlp, "Two doses of ketamine or placebo were administered intramuscularly, one month apart.")
    assert found == {"ketamine": "intramuscular", "placebo": "intramuscular"}
    found = routes(nlp, "Patients received either ondansetron 4 mg or dexamethasone 8 mg intravenously.")
    assert found == {"ondansetron": "intravenous", "dexamethasone": "intravenous"}


def test_interventions_routes_of_one_item_stay_its_own(nlp: Language) -> None:
    found = routes(nlp, "Patients received intravenous ketamine or oral morphine.")
    assert found == {"ketamine": "intravenous", "morphine": "oral"}
    found = routes(nlp, "Patients received ketamine or morphine, and intravenous paracetamol was given to all.")
    assert found == {"ketamine": None, "morphine": None, "paracetamol": "intravenous"}


def test_interventions_routes_dosage_form_is_of_the_name_it_follows(nlp: Language) -> None:
    found = routes(nlp, "At the end, sevoflurane and remifentanil infusion were stopped.")
    assert found == {"sevoflurane": None, "remifentanil": "intravenous"}


def test_interventions_routes_dosage_form_of_a_slashed_combination(nlp: Language) -> None:
    doc = nlp("Patients received budesonide/formoterol inhaler as maintenance.")
    assert {s._.attrs["route"] for s in doc.spans[spans.INTERVENTION]} == {"inhaled"}


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("Ketamine was given sub-cutaneously.", "subcutaneous"),
        ("Bupivacaine was given by the subarachnoid route.", "intrathecal"),
        ("Ketamine was given as a nasal drops preparation.", "intranasal"),
        ("Dexamethasone was given as intratympanic injections.", "other"),
        ("Salbutamol by nebulization was given.", "inhaled"),
    ],
)
def test_interventions_routes_vocabulary(nlp: Language, text: str, route: str) -> None:
    assert set(routes(nlp, text).values()) == {route}


def test_interventions_routes_pill_count_is_a_measure(nlp: Language) -> None:
    assert routes(nlp, "Adherence to lisinopril was measured by pill count.") == {"lisinopril": None}


def test_interventions_routes_matching_placebo_has_its_drug_form(nlp: Language) -> None:
    assert routes(nlp, "Patients were mailed morphine or placebo tablets.") == {"morphine": "oral", "placebo": "oral"}
    # not any other list item: the form word is of the one it follows
    assert routes(nlp, "Patients were given morphine or ketamine tablets.")["morphine"] is None


def test_interventions_routes_said_of_a_list_of_doses(nlp: Language) -> None:
    found = routes(nlp, "Patients were randomized to ketamine 10 mg or 20 mg or placebo by subcutaneous injection.")
    assert set(found.values()) == {"subcutaneous"}


def test_interventions_routes_said_of_a_list_with_bracketed_doses(nlp: Language) -> None:
    found = routes(nlp, "Patients were to receive intravenously lidocaine (20 mg), ketorolac (10 mg), or both.")
    assert found == {"lidocaine": "intravenous", "ketorolac": "intravenous"}


def test_interventions_routes_of_the_trial_drugs(nlp: Language) -> None:
    found = routes(nlp, "Patients received ketamine or morphine. The trial drugs were given orally.")
    assert found == {"ketamine": "oral", "morphine": "oral"}


def test_interventions_routes_route_led_name_restated_without_it(nlp: Language) -> None:
    # "zorbafen" is in no lexicon: the title's frame names "sublingual zorbafen", and the bare restatement is it
    doc = nlp("Effects of sublingual zorbafen on pain in adults. Zorbafen 25 mg was given daily.")
    found = {s.text: s._.value for s in doc.spans[spans.INTERVENTION]}
    assert found.get("Zorbafen") == "sublingual zorbafen"


@pytest.mark.parametrize(
    "text",
    [
        "Patients with stage IV lung cancer received docetaxel.",
        "Patients with grade III or IV glioma received temozolomide.",
        "Patients in NYHA class III-IV received carvedilol.",
    ],
)
def test_interventions_routes_grade_is_not_intravenous(nlp: Language, text: str) -> None:
    assert set(routes(nlp, text).values()) == {None}


def test_interventions_routes_iv_beside_a_dose_is_intravenous(nlp: Language) -> None:
    assert routes(nlp, "Ketamine 0.5 mg/kg IV was given.") == {"ketamine": "intravenous"}


def test_interventions_routes_list_ends_with_its_sentence(nlp: Language) -> None:
    found = routes(nlp, "Patients received ketamine intravenously. Morphine was given on request.")
    assert found == {"ketamine": "intravenous", "morphine": None}
    found = routes(nlp, "Patients received intravenous ketamine, whereas morphine was given on request.")
    assert found["morphine"] is None


def test_interventions_routes_dose_form_names_the_treatment(nlp: Language) -> None:
    # a word before its dose form is the treatment when a dose is stated for it; the form gives the route
    doc = nlp("Patients took cladribine tablets 3.5 mg/kg or placebo.")
    (treated,) = doc.spans[spans.INTERVENTION]
    assert treated._.value == "cladribine tablets" and treated._.attrs["route"] == "oral"
    assert treated._.attrs["dose"]["value"] == 3.5
    assert not nlp("Consequently, appropriate tablets should be chosen.").spans[spans.INTERVENTION]


def test_interventions_routes_said_of_the_arms_without_names(nlp: Language) -> None:
    text = "Patients received ketamine or morphine. The different regimens were administered intravenously."
    found = routes(nlp, text)
    assert found == {"ketamine": "intravenous", "morphine": "intravenous"}
    found = routes(nlp, "Patients received ketamine or morphine. Pain was assessed intravenously.")  # no arm is said
    assert found == {"ketamine": None, "morphine": None}
