"""PMC JATS XML: title, abstract, body, competing-interests and funding sections go into the text; references
do not."""

from __future__ import annotations

import pytest

from pipelines.readers import ReadError, jats_to_text
from tests.pipelines.dumps import JATS


def test_readers_jats() -> None:
    text = jats_to_text(JATS)
    for expected in (
        "Ketamine for chronic pain",
        "We randomized 40 patients",
        "METHODS",
        "0.5 mg/kg intravenously",
        "COMPETING INTERESTS\nThe authors declare no competing interests.",
        "FUNDING\nNational Institutes of Health",
        "We thank the ward nurses.",
    ):
        assert expected in text
    assert "Someone et al." not in text
    assert text.index("Ketamine") < text.index("randomized") < text.index("intravenously") < text.index("COMPETING")
    sec_coi = JATS.replace(b'<fn fn-type="COI-statement"><p>', b"<fn><p>").replace(
        b"</body>", b"<sec><title>Conflict of interest</title><p>Dr X consults for Pharma Y.</p></sec></body>"
    )
    assert "Dr X consults for Pharma Y." in jats_to_text(sec_coi)
    notes = JATS.replace(
        b"<ref-list>", b'<notes notes-type="conflict-interest"><p>Z holds a patent.</p></notes><ref-list>'
    )
    assert "COMPETING INTERESTS\nZ holds a patent." in jats_to_text(notes)
    with pytest.raises(ReadError):
        jats_to_text(b"<html><body>not jats</body></html>")
