"""A condition named in the title is named as the article names its population: of two forms of one condition
("locally advanced breast cancer", "primary breast cancer"), the record keeps the title's."""

from __future__ import annotations

from extractor.pipeline import build
from extractor.records import assemble


def test_conditions_title_names_title_form_kept() -> None:
    doc = build()(
        "Chemotherapy in locally advanced breast cancer: a randomised controlled trial\n\n"
        "METHODS: We randomised 40 patients with primary breast cancer to chemotherapy or placebo."
    )
    (record,) = assemble(doc)[0]
    assert [c.value for c in record.conditions] == ["locally advanced breast cancer"]
