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
