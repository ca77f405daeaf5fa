"""Which outcomes a record keeps: results stated without a direction word while there is room, the best ranked when
there is not, a full text's abstract over its body, one outcome counted two ways once."""

from __future__ import annotations

from spacy.tokens import Doc

from extractor import spans
from extractor.records import FULL_TEXT_CHARS, MAX_OUTCOMES, assemble
from tests.extractor.pipes import make, mark

NAMES = ["pain", "sleep", "anxiety", "fatigue", "mood", "weight", "appetite", "nausea", "cough", "thirst"]


def trial(text: str) -> Doc:
    doc = make(text)
    mark(doc, spans.STUDY, "We randomized", "self")
    mark(doc, spans.DESIGN, "randomized", "randomized_controlled_trial")
    return doc


def test_records_outcome_choice_named_result_kept_with_room() -> None:
    doc = trial("We randomized 40 adults. Pain fell. Sleep improved. Fatigue was 3.1 vs 3.4.")
    mark(doc, spans.OUTCOME, "Pain", "decreased", "pain")
    mark(doc, spans.OUTCOME, "Sleep", "improved", "sleep")
    mark(doc, spans.OUTCOME, "Fatigue", "reported", "fatigue")
    ((record,), _) = assemble(doc)
    assert [(o.name, o.direction) for o in record.outcomes] == [
        ("pain", "decreased"),
        ("sleep", "improved"),
        ("fatigue", "reported"),
    ]


def test_records_outcome_choice_named_result_goes_first_when_crowded() -> None:
    directed = NAMES[:MAX_OUTCOMES]
    doc = trial("We randomized 40 adults. " + " ".join(f"{n.capitalize()} fell." for n in directed) + " Thirst was 3.")
    for name in directed:
        mark(doc, spans.OUTCOME, name.capitalize(), "decreased", name)._.confidence = 0.4
    mark(doc, spans.OUTCOME, "Thirst", "reported", "thirst")._.confidence = 0.9
    ((record,), _) = assemble(doc)
    assert [o.name for o in record.outcomes] == directed


def full_text(abstract: str, body: str) -> Doc:
    methods = "Methods text. " * (FULL_TEXT_CHARS // 14 + 1)  # past the abstract: a full text's body
    return trial(f"{abstract} {methods}{body}")


def test_records_outcome_choice_full_text_abstract_stands_for_the_body() -> None:
    doc = full_text("We randomized 40 adults. Pain fell.", "Sleep improved. Sample size was 40.")
    mark(doc, spans.OUTCOME, "Pain", "decreased", "pain")._.confidence = 0.3
    mark(doc, spans.OUTCOME, "Sleep", "improved", "sleep")._.confidence = 0.9
    mark(doc, spans.OUTCOME, "Sample size", "increased", "sample size")._.confidence = 0.9
    ((record,), _) = assemble(doc)
    assert [o.name for o in record.outcomes] == ["pain"]


def test_records_outcome_choice_full_text_body_alone_keeps_its_outcomes() -> None:
    doc = full_text("We randomized 40 adults.", "Sleep improved. Pain fell.")
    mark(doc, spans.OUTCOME, "Sleep", "improved", "sleep")
    mark(doc, spans.OUTCOME, "Pain", "decreased", "pain")
    ((record,), _) = assemble(doc)
    assert [o.name for o in record.outcomes] == ["sleep", "pain"]


def test_records_outcome_choice_one_thing_counted_two_ways() -> None:
    doc = trial(
        "We randomized 40 adults. The number of inconclusive tests fell. The rate of inconclusive tests fell. "
        "Systolic blood pressure fell. Diastolic blood pressure fell."
    )
    mark(doc, spans.OUTCOME, "number of inconclusive tests", "decreased", "number of inconclusive tests")
    mark(doc, spans.OUTCOME, "rate of inconclusive tests", "decreased", "rate of inconclusive tests")
    mark(doc, spans.OUTCOME, "Systolic blood pressure", "decreased", "systolic blood pressure")
    mark(doc, spans.OUTCOME, "Diastolic blood pressure", "decreased", "diastolic blood pressure")
    ((record,), _) = assemble(doc)
    # counted two ways, one outcome; two pressures differ in what is measured, not in how it is counted
    assert [o.name for o in record.outcomes] == [
        "rate of inconclusive tests",
        "systolic blood pressure",
        "diastolic blood pressure",
    ]
