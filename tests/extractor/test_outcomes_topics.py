"""A comparison's topic phrase ("with respect to", "with regard to") introduces its outcomes, after the cue or
fronted before it; a change "from baseline" is no check of the groups at baseline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with, span_labels


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_outcomes", {"ranker": ""})  # the rules alone


def found(nlp: Language, text: str) -> list[tuple[str, str]]:
    return span_labels(nlp, text, spans.OUTCOME)


def test_outcomes_topics_after_the_compared_arms(nlp: Language) -> None:
    text = "There were no significant benefits for surgery A compared with surgery B with respect to operating time."
    assert found(nlp, text) == [("operating time", "no_difference")]


def test_outcomes_topics_fronted_with_change_from_baseline(nlp: Language) -> None:
    text = "With regard to changes in the severity of anxiety from baseline, no significant differences were seen."
    assert found(nlp, text) == [("severity of anxiety", "no_difference")]


def test_outcomes_topics_baseline_check_still_skipped(nlp: Language) -> None:
    assert found(nlp, "There were no significant differences in baseline characteristics.") == []


@pytest.mark.parametrize("said", ["age, gender and body mass index", "age, body mass index and comorbidity"])
def test_outcomes_topics_demographic_comparison_is_a_baseline_check(nlp: Language, said: str) -> None:
    found_ = found(nlp, f"Both groups were comparable with respect to {said}.")
    assert all(direction == "reported" for _, direction in found_)  # a lexicon measure is named, no result


def test_outcomes_topics_effect_upon_names_what_follows(nlp: Language) -> None:
    text = "Histology and number of sites involved had no significant effect upon relapse-free survival."
    assert found(nlp, text) == [("relapse-free survival", "no_difference")]
