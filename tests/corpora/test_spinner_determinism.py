"""The spinner: deterministic for a seed, rewrites terms and decimals, reports what a de-spinner should restore."""

from __future__ import annotations

from pathlib import Path

from corpora.spinner import load_table, number_words, spin

TEXT = (
    "In a randomized controlled trial, 40 patients received 0.5 mg/kg ketamine orally. "
    "There was no significant difference in pain at follow-up. Adverse events were rare."
)


def test_spinner_determinism_same_seed_same_text() -> None:
    assert spin(TEXT, 3) == spin(TEXT, 3)
    assert any(spin(TEXT, s).text != spin(TEXT, 3).text for s in range(4, 10))


def test_spinner_determinism_rewrites_terms_and_reports_them() -> None:
    spun = spin(TEXT, 1, rate=1.0)
    lowered = spun.text.lower()
    for phrase in ("randomized controlled trial", "patients", "follow-up", "no significant difference"):
        assert phrase not in lowered
        assert phrase in spun.repairs
    assert "orally" not in lowered  # -> "verbally" (to repair) or "by mouth" (a legitimate synonym)
    assert ("orally" in spun.repairs) == ("verbally" in lowered)
    assert "ketamine" in spun.text and "40" in spun.text  # names and counts are left alone


def test_spinner_determinism_rate_zero_leaves_words() -> None:
    spun = spin(TEXT, 1, rate=0.0)
    assert "randomized controlled trial" in spun.text and "patients" in spun.text
    assert all(not r.isalpha() for r in spun.repairs)  # only spelled decimals can remain


def test_spinner_determinism_spells_decimals() -> None:
    spelled = [spin("The dose was 0.5 mg/kg and 4.25 ml.", seed) for seed in range(30)]
    assert any("0.five" in s.text for s in spelled)
    assert any("4.twenty five" in s.text for s in spelled)
    assert all(("0.five" in s.text) == ("0.5" in s.repairs) for s in spelled)
    assert number_words(101) == "one hundred and one" and number_words(66) == "sixty six"


def test_spinner_determinism_table_is_its_own() -> None:
    table = load_table()
    assert len(table) >= 100 and "randomized controlled trial" in table
    source = Path(__file__).resolve().parents[2] / "corpora" / "spinner.py"
    assert "extractor" not in source.read_text(encoding="utf-8").replace("extractor's", "")
