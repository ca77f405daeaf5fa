"""The sample size in the record: which of the counts found describes the study."""

from __future__ import annotations

from extractor import spans
from extractor.records import LEAD_CHARS, assemble
from tests.extractor.pipes import make, mark

ABSTRACT = "Lithium for depression: a protocol\n\n## Abstract\n\nWe describe the design of a randomized trial.\n\n"
FILLER = "Depression is common. " * (LEAD_CHARS // 20)


def test_records_sample_size_not_from_a_full_texts_background_section() -> None:
    doc = make(
        f"{ABSTRACT}## Background\n\n{FILLER}\nAn estimated 350,000 women die each year.\n\n"
        "## Methods\n\nWe randomized 120 women."
    )
    mark(doc, spans.STUDY, "a randomized trial", "design", "randomized_controlled_trial")
    mark(doc, spans.SAMPLE_SIZE, "350,000 women", "participants", 350000)
    mark(doc, spans.SAMPLE_SIZE, "120 women", "participants", 120)
    (record,) = assemble(doc)[0]
    assert record.sample_size is not None and record.sample_size.value == 120


def test_records_sample_size_of_a_protocol_is_the_planned_one() -> None:
    doc = make(
        f"{ABSTRACT}Out of 100 patients, one improves. We will enroll 930 patients. We expect data on 884 patients."
    )
    mark(doc, spans.STUDY, "a randomized trial", "design", "randomized_controlled_trial")
    mark(doc, spans.SAMPLE_SIZE, "100 patients", "patients", 100)  # a count of no kind before the planned one
    mark(doc, spans.SAMPLE_SIZE, "930 patients", "patients", 930, kind="planned")
    mark(doc, spans.SAMPLE_SIZE, "884 patients", "patients", 884)
    (record,) = assemble(doc)[0]
    assert record.sample_size is not None and (record.sample_size.value, record.sample_size.kind) == (930, "planned")
