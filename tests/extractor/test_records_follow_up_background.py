"""Record assembly: a follow-up stated in a background section is an earlier study's, not the article's own."""

from __future__ import annotations

from extractor import spans
from extractor.records import assemble
from tests.extractor.pipes import make, mark


def test_records_follow_up_background_is_another_studys() -> None:
    doc = make(
        "Long-term follow-up of immunized patients\n\n"
        "BACKGROUND:\nOne year follow-up revealed improvements in the earlier trial.\n\n"
        "METHODS:\nA follow-up study assessed 159 patients 4.6 years after immunization."
    )
    mark(doc, spans.DESIGN, "follow-up study", "cohort_study", "cohort_study")
    mark(doc, spans.FOLLOW_UP, "One year follow-up", "follow_up", "1 year")
    mark(doc, spans.FOLLOW_UP, "4.6 years after immunization", "timepoint", "4.6 years")
    records, _ = assemble(doc)
    (record,) = records
    assert record.follow_up == "4.6 years"
