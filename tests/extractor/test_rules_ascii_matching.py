"""Regexes run in ASCII mode on texts where that finds what Unicode matching finds, and only there."""

from __future__ import annotations

import re

import spacy
from hypothesis import given
from hypothesis import strategies as st

from extractor.components.rules import TextRegex, ascii_equivalent

NLP = spacy.blank("en")
# the shapes the rule files use: word boundaries, lookbehinds, classes, case-insensitive literals
PATTERNS = [
    r"\b(?<![\w,/-])\d+(?:\.\d+)?\s*(?:mg|µg|mcg)\b",
    r"(?<![\w-])[a-z][a-z-]{2,}(?:pril|olol|statin)(?![\w-])",
    r"\bskin\b|\bkelvin\b|\w+\s+\w+",
    r"[^\W\d_]+[\s\S]?",
]


def test_rules_ascii_matching_symbols_keep_ascii_mode() -> None:
    assert ascii_equivalent(NLP("A dose of 5 mg ± 2 – 3 (≥ 18 years) “quoted”, p < 0.05"))


def test_rules_ascii_matching_letters_spaces_and_separators_need_unicode_mode() -> None:
    for text in ("5 µg of drug", "the Ménière group", "two\u00a0trials", "a\x1cb", "Kelvin \u212a", "ﬁbrosis"):
        assert not ascii_equivalent(NLP(text)), text


def test_rules_ascii_matching_picks_the_form_per_doc() -> None:
    regex = TextRegex(r"\bdose\b", re.IGNORECASE)
    assert regex.on(NLP("a Dose of 5 mg")) is regex.ascii
    assert regex.on(NLP("a Dose of 5 µg")) is regex.unicode


@given(st.text(alphabet="ab sk_1-.,µé±–\u00a0\x1c\u212aſK", max_size=30))
def test_rules_ascii_matching_finds_the_same(text: str) -> None:
    if not ascii_equivalent(NLP(text)):
        return
    for pattern in PATTERNS:
        regex = TextRegex(pattern, re.IGNORECASE)
        assert [m.span() for m in regex.ascii.finditer(text)] == [m.span() for m in regex.unicode.finditer(text)]
