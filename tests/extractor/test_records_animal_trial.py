"""Record assembly: a trial whose subjects are animals is an animal study (the guideline's design for non-human
studies), randomized as stated."""

from __future__ import annotations

from extractor import spans
from extractor.records import assemble
from tests.extractor.pipes import make, mark


def test_records_animal_trial_is_animal_study() -> None:
    doc = make(
        "Effect of cross-match in anemic cats. Prospective, randomized, controlled study. 48 cats were enrolled."
    )
    mark(
        doc, spans.DESIGN, "randomized, controlled study", "randomized_controlled_trial", "randomized_controlled_trial"
    )
    mark(doc, spans.RANDOMIZED, "randomized", "randomized", True)
    mark(doc, spans.SPECIES, "cats", "cat", "cat")
    mark(doc, spans.SPECIES, "cats", "cat", "cat", nth=1)
    records, _ = assemble(doc)
    (record,) = records
    assert record.design is not None and record.design.value == "animal_study"
    assert record.species == "cat" and record.randomized is True


def test_records_human_trial_stays_a_trial() -> None:
    doc = make("A randomized controlled study in 40 patients. Porcine insulin was given.")
    mark(doc, spans.DESIGN, "randomized controlled study", "randomized_controlled_trial", "randomized_controlled_trial")
    mark(doc, spans.SPECIES, "patients", "human", "human")
    records, _ = assemble(doc)
    (record,) = records
    assert record.design is not None and record.design.value == "randomized_controlled_trial"
