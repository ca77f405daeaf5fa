"""Which sentences the outcome-name tagger reads: those stating a result, with a cue or with values and a p-value,
not the background."""

from __future__ import annotations

from collections.abc import Sequence

from extractor.components.outcomes import OutcomesComponent
from tests.extractor.pipes import blank_with


class Recorder:
    """A stand-in tagger that tags nothing and keeps the sentences it is given."""

    def __init__(self) -> None:
        self.read: list[str] = []

    def tag_all(self, sentences: Sequence[Sequence[str]]) -> list[list[int]]:
        self.read += [" ".join(words) for words in sentences]
        return [[0] * len(words) for words in sentences]


def test_outcomes_tagged_sentences_include_values_with_a_p_value() -> None:
    nlp = blank_with("studysift_outcomes", {"ranker": ""})
    recorder = Recorder()
    component = nlp.get_pipe("studysift_outcomes")
    assert isinstance(component, OutcomesComponent)
    component.tagger = recorder  # type: ignore[assignment]
    nlp("Among the 40 patients, the time to first flatus was 26 hours with ketamine and 31 with placebo (P = 0.02).")
    assert any("first flatus" in sentence for sentence in recorder.read)
    recorder.read.clear()
    nlp("Among the 40 patients, the time to first flatus was 26 hours with ketamine and 31 with placebo.")
    assert recorder.read == []
