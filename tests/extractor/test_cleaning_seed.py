"""The seed article (a real spun page): its gold spin repairs, removals and citation markers."""

from __future__ import annotations

import json
import re

import pytest

from extractor.cleaning import CleanedText, clean
from tests.conftest import SEED

GOLD = json.loads(SEED.with_suffix(".gold.json").read_text(encoding="utf-8"))
RAW = SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def cleaned() -> CleanedText:
    return clean(RAW)


def _words(text: str) -> list[str]:
    return re.findall(r"[\w-]+", text.lower())


def _present(phrase: str, text: str) -> bool:
    """The phrase in the text, or (for a coordination like "control groups" in "the control and experimental groups")
    its words in order inside one clause, at most three words apart."""
    if phrase.lower() in text.lower():
        return True
    words = _words(phrase)
    gap = r"(?:[\w-]+\W+){0,3}?"
    pattern = r"\W+".join(re.escape(w) for w in words[:1]) + "".join(rf"\W+{gap}{re.escape(w)}" for w in words[1:])
    return re.search(rf"\b{pattern}\b", text.lower()) is not None


def test_cleaning_seed_gold_repairs_present(cleaned: CleanedText) -> None:
    missing = [p for p in GOLD["spin_repairs"] if not _present(p, cleaned.text)]
    assert missing == []


def test_cleaning_seed_spun_phrases_gone(cleaned: CleanedText) -> None:
    for spun in ("managed demo", "Command group", "Amount 3", "CANMAT rules", "taking in disorders", "scenario report",
                 "comply with-up", "stick to-up", "quality of existence", "sizeable difference", "0.five",
                 "18 periods", "design and style", "important depression", "particular person", "maximum and enduring",
                 "distant, telephone-dependent", "comfortable endpoints", "psychosocial performing",
                 "locomotor exercise"):  # fmt: skip
        assert spun.lower() not in cleaned.text.lower(), spun


def test_cleaning_seed_removed(cleaned: CleanedText) -> None:
    text = cleaned.text
    assert "Report this page" not in text
    assert "Blog Article" not in text
    assert "https://" not in text and "is protected" not in text  # the (spun) government banner
    assert "Health Lab" not in text
    reasons = {r.reason for r in cleaned.cleaning.removed}
    assert {"boilerplate", "banner", "navigation", "duplicate_title"} <= reasons


def test_cleaning_seed_title_once(cleaned: CleanedText) -> None:
    assert cleaned.title == "The ketamine for therapy Diaries"
    assert cleaned.text.startswith(cleaned.title)
    assert cleaned.text.lower().count("the ketamine for therapy diaries") == 1


def test_cleaning_seed_citations(cleaned: CleanedText) -> None:
    found = {(c.marker, c.number) for c in cleaned.cleaning.citations}
    assert {("31", 31), ("58", 58), ("18", 18), ("93", 93), ("[86]", 86), ("[64]", 64)} <= found
    assert ("one hundred and one", 101) in found and ("sixty six", 66) in found
    for marker in ("doses31", "ketamine58", "opioids.18", "depression.one", "memories.sixty", "case93", "[86]"):
        assert marker not in cleaned.text
    for c in cleaned.cleaning.citations:
        assert cleaned.raw[c.raw_start : c.raw_end].strip() == c.marker
        assert 0 <= c.at <= len(cleaned.text)


def test_cleaning_seed_keeps_real_numbers(cleaned: CleanedText) -> None:
    for number in ("2019", "Level 3", "3 RCTs", "185 individuals", "500 mg", "three months", "3 courses", "0.5 mg/kg",
                   "40 min", "six months", "18 sessions", "(0."):  # fmt: skip
        assert number in cleaned.text, number


def test_cleaning_seed_repairs_map_to_spun_phrases(cleaned: CleanedText) -> None:
    repairs = cleaned.cleaning.spin.repairs
    assert len(repairs) >= len(GOLD["spin_repairs"])
    for r in repairs:
        assert cleaned.text[r.start : r.end] == r.restored
        assert cleaned.raw[r.raw_start : r.raw_end] == r.found
        assert cleaned.to_raw(r.start, r.end) == (r.raw_start, r.raw_end)


def test_cleaning_seed_is_spun(cleaned: CleanedText) -> None:
    assert cleaned.cleaning.spin.is_spun
    assert cleaned.cleaning.spin.score > 20


def test_cleaning_seed_idempotent(cleaned: CleanedText) -> None:
    again = clean(cleaned.text)
    assert again.text == cleaned.text
    assert again.cleaning.spin.repairs == []
