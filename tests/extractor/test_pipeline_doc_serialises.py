"""The pipeline's Docs stay serialisable (spaCy's multiprocessing and DocBin pickle or msgpack them)."""

from __future__ import annotations

from spacy.tokens import Doc

from extractor import load


def test_pipeline_doc_serialises_with_its_spans() -> None:
    nlp = load()
    doc = nlp(
        "TITLE:\nEffects of ketamine on pain in adults with depression: a randomized trial\n\nWe randomized 40 adults."
    )
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert restored.text == doc.text
    assert [s.text for s in restored.spans["design"]] == [s.text for s in doc.spans["design"]]
