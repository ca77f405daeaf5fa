"""The logistic ranker: fitting, scoring, loading, and the outcome component keeping what it ranks."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from extractor.components.ranker import Ranker, fit, load_ranker


def test_ranker_fit_separates_a_telling_feature() -> None:
    rows = [(["w=pain", "src=cue"], 1)] * 20 + [(["w=annual", "src=cue"], 0)] * 20
    weights, bias = fit(rows)
    ranker = Ranker(weights, bias, 0.5)
    assert ranker.score(["w=pain", "src=cue"]) > 0.8 > 0.2 > ranker.score(["w=annual", "src=cue"])
    assert ranker.score(["never seen"]) == pytest.approx(1 / (1 + 2.718281828**-bias), abs=1e-6)


def test_ranker_load_round_trip_and_absent(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(Ranker({"w=pain": 1.5}, -0.5, 0.3).to_json(), encoding="utf-8")
    loaded = load_ranker(str(path))
    assert loaded == Ranker({"w=pain": 1.5}, -0.5, 0.3)
    assert load_ranker("") is None and load_ranker(str(tmp_path / "missing.json")) is None


def test_ranker_outcomes_keep_at_least_the_best_candidate() -> None:
    from extractor.components.outcomes import OutcomesComponent

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    component = OutcomesComponent(nlp, "outcomes", ranker="")
    text = "Title\n\nPain intensity was significantly reduced and anxiety scores were significantly reduced."
    assert len(component(nlp(text)).spans["outcome"]) == 2
    component.ranker = Ranker({"w=anxiety": 2.0}, -5.0, 0.9)  # nothing reaches the threshold
    doc = component(nlp(text))
    kept = doc.spans["outcome"]
    assert [s.text for s in kept] == ["anxiety scores"]
    assert 0 < kept[0]._.confidence < 0.9
