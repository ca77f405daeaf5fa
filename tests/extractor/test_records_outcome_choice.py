"""Which outcomes a record keeps: results stated without a direction word while there is room, the best ranked when
there is not, a full text's abstract before its body."""

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


def test_records_outcome_choice_full_text_abstract_before_body() -> None:
    body = "Methods text. " * (FULL_TEXT_CHARS // 14 + 1)  # past the abstract: a full text's body
    late = NAMES[1 : MAX_OUTCOMES + 1]
    doc = trial(f"We randomized 40 adults. Pain fell. {body}" + " ".join(f"{n.capitalize()} fell." for n in late))
    mark(doc, spans.OUTCOME, "Pain", "decreased", "pain")._.confidence = 0.3
    for name in late:
        mark(doc, spans.OUTCOME, name.capitalize(), "decreased", name)._.confidence = 0.4
    ((record,), _) = assemble(doc)
    names = [o.name for o in record.outcomes]
    assert names[0] == "pain" and len(names) == MAX_OUTCOMES
