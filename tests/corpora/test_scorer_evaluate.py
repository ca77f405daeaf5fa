"""``evaluate`` end to end with a stand-in extractor: sources, spun variants, crashes, the spun/clean comparison."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from corpora.scorer import evaluate, format_report
from corpora.spinner import spin

TEXT = "In a randomized controlled trial, 30 patients received 0.5 mg/kg ketamine. Follow-up was 6 months.\n"
GOLD = {
    "source": "trial.txt",
    "records": [{"design": "randomized_controlled_trial", "sample_size": 30, "follow_up": "6 months"}],
    "conflicts_of_interest": "not_reported",
    "spin_repairs": [],
}


def perfect(raw: str | bytes, **_: Any) -> dict[str, Any]:
    """Predicts the gold record; on spun text also 'repairs' what the spinner changed."""
    text = raw.decode() if isinstance(raw, bytes) else raw
    repairs = [] if text == TEXT else [{"restored": r} for r in spin(TEXT, 7).repairs]
    record = {
        "design": {"value": "randomized_controlled_trial"},
        "sample_size": {"value": 30},
        "follow_up": "six months",
    }
    return {"records": [record], "cleaning": {"spin": {"repairs": repairs}}}


def make_gold(root: Path) -> None:
    (root / "test" / "spun").mkdir(parents=True)
    (root / "test" / "trial.txt").write_text(TEXT, encoding="utf-8")
    (root / "test" / "trial.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    spun = {"source": "../trial.txt", "spin": {"seed": 7}, "gold_of": "trial"}
    (root / "test" / "spun" / "trial.spun7.gold.json").write_text(json.dumps(spun), encoding="utf-8")


def test_scorer_evaluate_spun_variants_and_comparison(tmp_path: Path) -> None:
    make_gold(tmp_path)
    evaluation = evaluate(tmp_path, extract=perfect)
    assert len(evaluation.docs) == 2 and {d.doc.split for d in evaluation.docs} == {"test"}
    for name in ("records", "design", "sample_size", "follow_up", "conflicts_of_interest"):
        assert evaluation.total.counts[name].f1 == 1.0, name
    repairs = evaluation.total.counts["spin_repairs"]
    assert repairs.tp == len(spin(TEXT, 7).repairs) > 0 and repairs.fp == repairs.fn == 0
    comparison = evaluation.spin_comparison()
    assert comparison["design"]["ratio"] == 1.0
    assert "spun variants vs their clean originals" in format_report(evaluation)


def test_scorer_evaluate_counts_a_crash_as_missed(tmp_path: Path) -> None:
    make_gold(tmp_path)
    warnings: list[str] = []

    def crash(raw: str | bytes, **kwargs: Any) -> dict[str, Any]:
        if isinstance(raw, str) and raw != TEXT:
            raise ValueError("boom")
        return perfect(raw, **kwargs)

    evaluation = evaluate(tmp_path, extract=crash, warn=warnings.append)
    assert [name for name, _ in evaluation.failed] == ["trial.spun7"]
    assert any("extraction failed on trial.spun7" in w for w in warnings)
    assert evaluation.total.counts["records"].fn == 1 and evaluation.total.counts["records"].tp == 1


def test_scorer_evaluate_split_filter(tmp_path: Path) -> None:
    make_gold(tmp_path)
    assert evaluate(tmp_path, split="dev", extract=perfect).docs == []
    assert len(evaluate(tmp_path / "test", split="test", extract=perfect).docs) == 2
