"""The sample size in the record: which of the counts found describes the study."""

from __future__ import annotations

from extractor import spans
from extractor.records import assemble
from tests.extractor.pipes import make, mark

ABSTRACT = "Lithium for depression: a protocol\n\n## Abstract\n\n### Methods\n\nWe describe a randomized trial.\n\n"


def test_records_sample_size_not_from_a_full_texts_background_section() -> None:
    doc = make(  # the body's background, after the abstract's methods
        f"{ABSTRACT}## Background\n\nAn estimated 350,000 women die each year.\n\n"
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


def test_records_sample_size_from_an_abstracts_background_section() -> None:
    doc = make("Lithium for depression\n\n### Background\n\nWe randomised 56 patients only.\n\n### Methods\n\nA trial.")
    mark(doc, spans.STUDY, "A trial", "design", "randomized_controlled_trial")
    mark(doc, spans.SAMPLE_SIZE, "56 patients", "patients", 56, kind="randomized")
    (record,) = assemble(doc)[0]
    assert record.sample_size is not None and record.sample_size.value == 56


def test_records_sample_size_randomized_over_enrolled() -> None:
    doc = make(
        f"{ABSTRACT}A total of 249 women were recruited online. A total of 83 women meeting the criteria were "
        "randomized to A or B."
    )
    mark(doc, spans.STUDY, "a randomized trial", "design", "randomized_controlled_trial")
    mark(doc, spans.SAMPLE_SIZE, "A total of 249 women", "participants", 249, kind="enrolled")
    mark(doc, spans.SAMPLE_SIZE, "A total of 83 women", "participants", 83, kind="randomized")
    (record,) = assemble(doc)[0]
    assert record.sample_size is not None and record.sample_size.value == 83
