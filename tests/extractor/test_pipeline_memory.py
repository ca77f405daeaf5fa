"""Extraction keeps nothing of an article once its result is returned: a batch of millions runs in flat memory."""

from __future__ import annotations

import gc

from spacy.tokens import Doc

from extractor import extract

TEXT = (
    "Effects of ketamine on pain in adults with depression: a randomized trial\n\n"
    "Adults (n = 40) were randomized to ketamine 0.5 mg/kg or placebo. Pain was reduced with ketamine (p < 0.01)."
)


def _docs_alive() -> int:
    gc.collect()
    return sum(isinstance(o, Doc) for o in gc.get_objects())


def test_pipeline_memory_keeps_no_doc_alive() -> None:
    extract(TEXT)  # the pipeline loaded, its caches warm
    before = _docs_alive()
    for _ in range(3):
        extract(TEXT)
    assert _docs_alive() == before
