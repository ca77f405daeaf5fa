"""A record's conditions leave out the names of its own interventions."""

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
