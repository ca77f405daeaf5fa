"""A frame slot is a condition only when a word of it looks like one: a lexicon name or disease pattern, a head of
condition names ("pain", "ulcers"), a disease-word ending ("colitis") or an abnormal state ("elevated")."""

from __future__ import annotations

import pytest

from tests.extractor.pipes import condition_values


@pytest.mark.parametrize(
    "slot",
    ["recurrent aphthous ulcers", "collagenous colitis", "elevated triglycerides", "sudden deafness"],
)
def test_conditions_slot_heads_condition_words_kept(slot: str) -> None:
    assert condition_values(f"Drug X in patients with {slot}\n\nWe randomised them.") == [slot]


@pytest.mark.parametrize("slot", ["a physical status class", "cedar exposure", "decision aids"])
def test_conditions_slot_heads_no_condition_word_dropped(slot: str) -> None:
    assert condition_values(f"Drug X in patients with {slot}\n\nWe randomised them.") == []


def test_conditions_slot_heads_aids_is_a_name_only_in_capitals() -> None:
    assert condition_values("Decision aids for patients with gout\n\nWe randomised them.") == ["gout"]
    assert len(condition_values("Decision aids for patients with AIDS\n\nWe randomised them.")) == 1


@pytest.mark.parametrize(
    ("title", "found"),
    [
        ("Nerve block in chronic shoulder pain: a randomised trial", ["chronic shoulder pain"]),
        ("Screws for displaced femoral neck fractures", ["displaced femoral neck fractures"]),
        ("Nerve block and pain after surgery", []),  # no "in", "for" or "with" before it
        ("Nerve block in chronic shoulder pain in patients with gout", ["gout"]),  # the title names one already
    ],
)
def test_conditions_slot_heads_title_phrase(title: str, found: list[str]) -> None:
    assert condition_values(f"{title}\n\nWe randomised them.") == found


def test_conditions_slot_heads_leading_verb_trimmed() -> None:
    found = condition_values(
        "Mindfulness programs for managing sleep disturbance: a pilot trial\n\nWe randomised them."
    )
    assert found == ["sleep disturbance"]
