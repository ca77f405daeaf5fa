"""Section headings written in Markdown ("## Introduction") or numbered ("## 1. Background") are headings."""

from __future__ import annotations

import spacy

from extractor.components.salience import Salience

NLP = spacy.blank("en")


def test_salience_headers_markdown_and_numbered() -> None:
    doc = NLP(
        "A trial of X\n\n## 1. Background\nDrugs help.\n\n## 2. Methods and Design\nWe randomized.\n\n"
        "### Results\nPain fell.\n\n## Introduction\nOld news."
    )
    salience = Salience(doc)
    kinds = [kind for _, _, kind in salience.sections]
    assert kinds == ["background", "methods", "results", "background"]
    drugs, pain = (doc.char_span(doc.text.index(w), doc.text.index(w) + len(w)) for w in ("Drugs", "Pain"))
    assert drugs is not None and pain is not None
    assert salience.in_background(drugs) and salience.section(pain) == "results"


def test_salience_headers_spaced_abstract_prefix() -> None:
    doc = NLP("A trial of X\n\nABSTRACT.BACKGROUND:\nDrugs help.\n\nABSTRACT. RESULTS :\nPain fell.\n")
    kinds = [kind for _, _, kind in Salience(doc).sections]
    assert kinds == ["background", "results"]


def test_salience_headers_inline_in_capitals() -> None:
    # headings run into one paragraph after a sentence ("... of IL-6. METHODS: ..."), in capitals with a colon
    doc = NLP(
        "Ozone and IL-6\n\nBACKGROUND: Ozone may help. METHODS: Twelve patients. RESULTS: Pain fell. The methods: none."
    )
    salience = Salience(doc)
    assert [kind for _, _, kind in salience.sections] == ["background", "methods", "results"]
    twelve = doc.char_span(doc.text.index("Twelve"), doc.text.index("Twelve") + 6)
    assert twelve is not None and not salience.in_background(twelve) and salience.section(twelve) == "methods"
