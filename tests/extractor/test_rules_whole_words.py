"""``rules.whole_words`` finds what the whole-word regex it replaces finds, case-insensitively."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from extractor.components.rules import whole_words


def _by_regex(text: str, phrase: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text, re.IGNORECASE)]


def test_rules_whole_words_skips_parts_of_words() -> None:
    text = "Iloprost, aerosolized iloprost and pre-iloprost; ILOPROST_2 or iloprostol. Iloprost."
    assert [text[a:b] for a, b in whole_words(text, "iloprost")] == ["Iloprost", "iloprost", "Iloprost"]


def test_rules_whole_words_where_lower_casing_moves_offsets() -> None:
    text = "İ dose, then the dose"  # "İ".lower() is two characters: the regex's offsets are kept
    assert list(whole_words(text, "dose")) == _by_regex(text, "dose") == [(2, 6), (17, 21)]


@given(
    st.text(alphabet="ab -_.Aé1", max_size=40),
    st.text(alphabet="ab -A", min_size=1, max_size=4),
)
def test_rules_whole_words_as_the_regex(text: str, phrase: str) -> None:
    assert list(whole_words(text, phrase)) == _by_regex(text, phrase)
