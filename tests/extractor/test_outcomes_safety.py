"""Safety outcomes ("adverse events", "tolerability") are kept whatever the ranker scores them."""

from __future__ import annotations

from extractor import spans
from extractor.components.outcomes import OutcomesComponent
from extractor.components.ranker import Ranker
from tests.extractor.pipes import blank_with

TEXT = (
    "Pain intensity decreased significantly more with ketamine than with placebo (p < 0.01). "
    "Adverse events were similar in both groups."
)


def test_outcomes_safety_kept_whatever_the_ranker_scores() -> None:
    nlp = blank_with("studysift_outcomes")
    component = nlp.get_pipe("studysift_outcomes")
    assert isinstance(component, OutcomesComponent)
    # a stand-in ranker that keeps only pain (a learned one's scores move with every retraining)
    component.ranker = Ranker({"w=pain": 10.0}, bias=-5.0, threshold=0.5)
    doc = nlp(TEXT)
    found = {str(s._.value).lower(): s for s in doc.spans[spans.OUTCOME]}
    assert "pain intensity" in found and "adverse events" in found
    assert found["adverse events"]._.confidence < component.ranker.threshold  # the ranker alone would drop it


def test_outcomes_safety_names_hold_a_safety_phrase() -> None:
    component = blank_with("studysift_outcomes").get_pipe("studysift_outcomes")
    assert isinstance(component, OutcomesComponent)
    assert component._safety("serious adverse events")
    assert component._safety("Local tolerability")
    assert not component._safety("adverse childhood experiences")
