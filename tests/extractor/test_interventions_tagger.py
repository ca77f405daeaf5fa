"""The arm-name tagger in the interventions component: read in the sentences that name arms only when the rules
name no treatment, its names kept as treatments or, after "versus" or from the control lexicon, comparators; and
the shipped model."""

from __future__ import annotations

from collections.abc import Sequence

from extractor import spans
from extractor.components.interventions import InterventionsComponent
from extractor.components.tagger import BEGIN, DEFAULT_ARM_TAGGER, OUTSIDE, load_tagger
from extractor.training.train_tagger import arm_names, word_runs
from tests.extractor.pipes import blank_with


class Marker:
    """A stand-in tagger that tags the words it is told as one-word names and keeps the sentences it is given."""

    def __init__(self, *words: str) -> None:
        self.words = set(words)
        self.read: list[str] = []

    def tag_all(self, sentences: Sequence[Sequence[str]]) -> list[list[int]]:
        self.read += [" ".join(words) for words in sentences]
        return [[BEGIN if w in self.words else OUTSIDE for w in words] for words in sentences]


def _run(text: str, marker: Marker) -> tuple[list[str], list[str]]:
    nlp = blank_with("studysift_interventions", {"tagger": ""})
    component = nlp.get_pipe("studysift_interventions")
    assert isinstance(component, InterventionsComponent) and component.tagger is None
    component.tagger = marker  # type: ignore[assignment]
    doc = nlp(text)
    return [str(s._.value) for s in doc.spans[spans.INTERVENTION]], [
        str(s._.value) for s in doc.spans[spans.COMPARATOR]
    ]


def test_interventions_tagger_names_arms_the_rules_miss() -> None:
    marker = Marker("zelbatide", "foravine")
    text = "Patients were randomised to zelbatide versus foravine. Pain fell with zelbatide."
    interventions, comparators = _run(text, marker)
    assert interventions == ["zelbatide", "zelbatide"]
    assert comparators == ["foravine"]  # after "versus": the comparison cue decides, not the tagger


def test_interventions_tagger_unread_when_the_rules_name_a_treatment() -> None:
    marker = Marker("zelbatide")
    interventions, _ = _run("Patients were randomised to zelbatide or ketamine. Pain fell with ketamine.", marker)
    assert marker.read == [] and "ketamine" in interventions


def test_interventions_tagger_reads_only_arm_sentences() -> None:
    marker = Marker()
    _run("A trial in pain\n\nPatients were randomised to two groups. Pain was lower at 6 hours.", marker)
    assert any("randomised to two groups" in sentence for sentence in marker.read)
    assert not any("lower at 6 hours" in sentence for sentence in marker.read)


def test_interventions_tagger_shipped_model_tags_a_drug_in_an_allocation_sentence() -> None:
    tagger = load_tagger(DEFAULT_ARM_TAGGER)
    assert tagger is not None
    words = ["Patients", "were", "randomly", "assigned", "to", "receive", "etoricoxib", "or", "placebo", "."]
    assert (6, 7) in tagger.names(words)


def test_train_tagger_arm_names_drop_group_words_and_doses() -> None:
    import spacy

    nlp = spacy.blank("en")
    abstract = "Women given etoricoxib 90 mg had less pain than those given naproxen ( NPX ) or usual care ."
    runs = word_runs(abstract.split())
    assert arm_names(nlp, "Patients who received etoricoxib 90 mg once daily", runs) == {("etoricoxib",)}
    assert arm_names(nlp, "naproxen (NPX) or usual care group", runs) == {("naproxen",), ("npx",), ("usual", "care")}
    assert arm_names(nlp, "Patients who received a question prompt sheet", runs) == set()
