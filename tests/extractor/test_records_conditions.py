"""A record's conditions leave out the names of its own interventions and comparators, said whole or shorter."""

from __future__ import annotations

from extractor import spans
from extractor.records import assemble
from tests.extractor.pipes import make, mark


def test_records_conditions_not_the_intervention() -> None:
    doc = make("We randomized 40 eyes with glaucoma to gonioscopy or no contact. Pressure after gonioscopy rose.")
    mark(doc, spans.STUDY, "We randomized", "self")
    mark(doc, spans.DESIGN, "randomized", "randomized_controlled_trial")
    mark(doc, spans.CONDITION, "glaucoma", "condition", "glaucoma")
    mark(doc, spans.CONDITION, "gonioscopy", "condition", "gonioscopy", nth=1)
    mark(doc, spans.INTERVENTION, "gonioscopy", "procedure", "gonioscopy")

    (record,) = assemble(doc)[0]

    assert [c.value for c in record.conditions] == ["glaucoma"]


def test_records_conditions_same_words_in_other_forms() -> None:
    doc = make(
        "We randomized 40 women undergoing gynecological laparoscopy. "
        "Devices worked in laparoscopic gynecologic surgery and in type 2 diabetes, not type 1 diabetes."
    )
    mark(doc, spans.STUDY, "We randomized", "self")
    mark(doc, spans.DESIGN, "randomized", "randomized_controlled_trial")
    mark(doc, spans.CONDITION, "gynecological laparoscopy", "condition", "gynecological laparoscopy")
    mark(doc, spans.CONDITION, "laparoscopic gynecologic surgery", "condition", "laparoscopic gynecologic surgery")
    mark(doc, spans.CONDITION, "type 2 diabetes", "condition", "type 2 diabetes")

    (record,) = assemble(doc)[0]

    assert [c.value for c in record.conditions] == ["gynecological laparoscopy", "type 2 diabetes"]


def _conditions_beside(intervention: str, condition: str) -> list[str]:
    doc = make(f"We randomized 40 adults with obesity to {intervention}. Weight after {condition} fell.")
    mark(doc, spans.STUDY, "We randomized", "self")
    mark(doc, spans.DESIGN, "randomized", "randomized_controlled_trial")
    mark(doc, spans.CONDITION, "obesity", "condition", "obesity")
    mark(doc, spans.CONDITION, condition, "condition", condition.lower(), nth=1)
    mark(doc, spans.INTERVENTION, intervention, "procedure", intervention.lower())
    (record,) = assemble(doc)[0]
    return [c.value for c in record.conditions]


def test_records_conditions_not_the_intervention_said_shorter() -> None:
    assert _conditions_beside("Roux-en-Y gastric bypass", "gastric bypass") == ["obesity"]


def test_records_conditions_one_word_ending_a_treatment_name_kept() -> None:
    assert _conditions_beside("Manchester lymphoma", "lymphoma") == ["obesity", "lymphoma"]
