"""A direction taken back by the text: "not significant" after the cue, a p-value written "P-value: .222", and one
result stated for a long list of measures."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_outcomes", {"ranker": "", "tagger": ""})  # the rules alone


def directions(nlp: Language, text: str) -> dict[str, str]:
    doc = nlp(text)
    return {str(s._.value): s.label_ for s in doc.spans[spans.OUTCOME]}


def test_outcomes_nonsignificant_after_the_cue_is_no_difference(nlp: Language) -> None:
    text = "Pain intensity decreased by 12%, but this was not statistically significant."
    assert directions(nlp, text) == {"Pain intensity": "no_difference"}
    assert directions(nlp, "Pain intensity decreased by 12% in the treated group.") == {"Pain intensity": "decreased"}


def test_outcomes_nonsignificant_stops_at_the_clause(nlp: Language) -> None:
    text = "Pain intensity decreased by 12% in the treated group; the change in the control group was not significant."
    assert directions(nlp, text)["Pain intensity"] == "decreased"


@pytest.mark.parametrize("p_value", ["P-value: .222", "p value 0.48", "P value > 0.05", "p = 0.31"])
def test_outcomes_nonsignificant_p_value_forms(nlp: Language, p_value: str) -> None:
    found = directions(nlp, f"Serum ferritin was significantly reduced ({p_value}) with iron sucrose.")
    assert found == {"Serum ferritin": "no_difference"}


def test_outcomes_nonsignificant_small_p_value_keeps_the_direction(nlp: Language) -> None:
    found = directions(nlp, "Serum ferritin was significantly reduced (P-value: .002) with iron sucrose.")
    assert found == {"Serum ferritin": "decreased"}


def test_outcomes_nonsignificant_of_a_later_cue_is_its_own(nlp: Language) -> None:
    text = "Mortality was significantly reduced, along with a non-significant increase in body weight."
    assert directions(nlp, text)["Mortality"] == "decreased"
    text = "Mortality was significantly reduced, whereas body weight did not significantly differ."
    assert directions(nlp, text)["Mortality"] == "decreased"


@pytest.mark.parametrize("said", ["a non-significant", "a nonsignificant", "an insignificant"])
def test_outcomes_nonsignificant_before_a_noun_cue_is_no_difference(nlp: Language, said: str) -> None:
    assert directions(nlp, f"There was {said} reduction in pain scores.") == {"pain scores": "no_difference"}
    assert directions(nlp, "There was a significant reduction in pain scores.") == {"pain scores": "decreased"}


def test_outcomes_nonsignificant_difference_names_its_outcome(nlp: Language) -> None:
    assert directions(nlp, "We saw a nonsignificant difference in mortality.") == {"mortality": "no_difference"}
    assert directions(nlp, "We saw a large, although non-significant, difference in mortality.") == {
        "mortality": "no_difference"
    }


def test_outcomes_nonsignificant_predicate_with_regard_to_a_list(nlp: Language) -> None:
    text = (
        "Differences between the two groups were nonsignificant with regard to number of grafts per patient, "
        "duration of surgery and operating room time."
    )
    found = directions(nlp, text)
    assert found == {
        "number of grafts per patient": "no_difference",
        "duration of surgery": "no_difference",
        "operating room time": "no_difference",
    }
    assert directions(nlp, "The differences were not significant for pain scores and nausea.") == {
        "pain scores": "no_difference",
        "nausea": "no_difference",
    }


def test_outcomes_nonsignificant_predicate_needs_the_negation(nlp: Language) -> None:
    assert directions(nlp, "The difference was significant for pain scores.").get("pain scores") != "no_difference"


@pytest.mark.parametrize("effect", ["group by time effect on", "significant group-by-time interaction for"])
def test_outcomes_nonsignificant_no_interaction_effect(nlp: Language, effect: str) -> None:
    assert directions(nlp, f"There was no {effect} body weight over the study.") == {"body weight": "no_difference"}


def test_outcomes_nonsignificant_difference_after_a_cue_is_its_own(nlp: Language) -> None:
    text = "Mortality was significantly reduced, along with a nonsignificant difference in body weight."
    assert directions(nlp, text) == {"Mortality": "decreased", "body weight": "no_difference"}
