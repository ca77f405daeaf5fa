"""A frame slot is a condition only when a word of it looks like one: a lexicon name or disease pattern, a head of
condition names ("pain", "ulcers"), a disease-word ending ("colitis") or an abnormal state ("elevated")."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with, span_values


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_conditions")


def values(nlp: Language, text: str) -> list[str]:
    return span_values(nlp, text, spans.CONDITION)


@pytest.mark.parametrize(
    "slot",
    ["recurrent aphthous ulcers", "collagenous colitis", "elevated triglycerides", "sudden deafness"],
)
def test_conditions_slot_heads_condition_words_kept(nlp: Language, slot: str) -> None:
    assert values(nlp, f"Drug X in patients with {slot}\n\nWe randomised them.") == [slot]


@pytest.mark.parametrize("slot", ["a physical status class", "cedar exposure", "decision aids"])
def test_conditions_slot_heads_no_condition_word_dropped(nlp: Language, slot: str) -> None:
    assert values(nlp, f"Drug X in patients with {slot}\n\nWe randomised them.") == []


def test_conditions_slot_heads_aids_is_a_name_only_in_capitals(nlp: Language) -> None:
    assert values(nlp, "Decision aids for patients with gout\n\nWe randomised them.") == ["gout"]
    assert len(values(nlp, "Decision aids for patients with AIDS\n\nWe randomised them.")) == 1


@pytest.mark.parametrize(
    ("title", "found"),
    [
        ("Nerve block in chronic shoulder pain: a randomised trial", ["chronic shoulder pain"]),
        ("Screws for displaced femoral neck fractures", ["displaced femoral neck fractures"]),
        ("Nerve block and pain after surgery", []),  # no "in", "for" or "with" before it
        ("Nerve block in chronic shoulder pain in patients with gout", ["gout"]),  # the title names one already
    ],
)
def test_conditions_slot_heads_title_phrase(nlp: Language, title: str, found: list[str]) -> None:
    assert values(nlp, f"{title}\n\nWe randomised them.") == found


def test_conditions_slot_heads_leading_verb_trimmed(nlp: Language) -> None:
    found = values(nlp, "Mindfulness programs for managing sleep disturbance: a pilot trial\n\nWe randomised them.")
    assert found == ["sleep disturbance"]
