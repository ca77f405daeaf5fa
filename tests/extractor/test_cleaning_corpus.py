"""On real unspun abstracts the cleaner changes no word; on the tortured-phrases catalogue it restores what it knows.

Uses ../shared (skips without it): the 852 Evidence Inference abstracts and the Problematic Paper Screener's catalogue
of tortured phrases (CC BY 4.0, Cabanac, Labbé & Magazinov), which the project reads but never ships.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from extractor.cleaning import clean
from studysift.settings import Settings
from tests.conftest import shared_path

# False repairs that the external catalogue makes on the unspun abstracts, each with why it is accepted there:
JUSTIFIED_EXTERNAL = {
    ("PMC3680633", "test technique"): "the catalogue lists 'test technique' (-> 'analysis method') as a tortured "
    "phrase; here it is the genuine 'pull test technique' of hair studies. External catalogues are the user's "
    "choice and are applied as unambiguous phrases; the built-in lexicon leaves this abstract alone.",
}


def _abstracts() -> list[Path]:
    return sorted(shared_path("corpora", "evidence-inference", "abstracts").glob("*.txt"))


def _repairs(settings: Settings) -> dict[tuple[str, str], str]:
    found = {}
    for path in _abstracts():
        result = clean(path.read_text(encoding="utf-8"), settings=settings)
        for r in result.cleaning.spin.repairs:
            found[(path.stem, r.found)] = r.restored
    return found


def test_cleaning_corpus_no_false_repairs() -> None:
    paths = _abstracts()
    assert len(paths) >= 50
    changed = []
    for path in paths:
        raw = path.read_text(encoding="utf-8")
        result = clean(raw)
        assert result.cleaning.spin.repairs == [], path.stem
        assert result.cleaning.removed == [], path.stem
        assert not result.cleaning.spin.is_spun
        # every word survives (Unicode made NFC), except citation markers taken out on purpose ("reported in [13]")
        before = re.findall(r"\w+", unicodedata.normalize("NFC", raw))
        for c in result.cleaning.citations:
            before.remove(str(c.number))
        if before != re.findall(r"\w+", result.text):
            changed.append(path.stem)
    assert changed == []


def test_cleaning_corpus_external_lexicon_false_repairs() -> None:
    catalogue = shared_path("data", "tortured-phrases.json")
    found = _repairs(Settings(spin_lexicon=catalogue))
    unexplained = {k: v for k, v in found.items() if k not in JUSTIFIED_EXTERNAL}
    assert unexplained == {}


def _recall(phrases: list[dict[str, str]], settings: Settings) -> float:
    restored = 0
    for p in phrases:
        text = clean(f"In this work the {p['tortured']} was examined in detail.", settings=settings).text.lower()
        correct = re.sub(r"\s*\([^)]*\)\s*$", "", p["correct"]).strip().lower()
        restored += correct in text and p["tortured"].lower() not in text
    return restored / len(phrases)


@pytest.mark.timeout(300)
def test_cleaning_corpus_catalogue_recall() -> None:
    catalogue = shared_path("data", "tortured-phrases.json")
    phrases = json.loads(catalogue.read_text(encoding="utf-8"))["phrases"][::4]  # every 4th: a fixed quarter
    built_in = _recall(phrases, Settings())
    external = _recall(phrases, Settings(spin_lexicon=catalogue))
    print(f"catalogue recall on {len(phrases)} phrases: built-in {built_in:.3f}, with the catalogue {external:.3f}")
    assert 0.005 < built_in < external
    assert external >= 0.9
