"""The issue-4 components as spaCy components: serialisation of their rules, and failures sent to the error handler."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import extractor.components.coi  # noqa: F401
import extractor.components.design  # noqa: F401
import extractor.components.sample_size  # noqa: F401
import extractor.components.studies  # noqa: F401
from extractor import spans

NAMES = ("studysift_design", "studysift_sample_size", "studysift_coi", "studysift_study_mentions")


def build() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for name in NAMES:
        nlp.add_pipe(name)
    return nlp


def test_design_pipeline_to_disk_round_trip(tmp_path: Path) -> None:
    nlp = build()
    nlp.get_pipe("studysift_design").set_rules(  # type: ignore[attr-defined]
        [{"group": "design", "label": "qualitative_study", "phrase": "photovoice", "confidence": 0.9}]
    )
    nlp.to_disk(tmp_path / "model")
    assert (tmp_path / "model" / "studysift_design" / "rules.jsonl").exists()
    loaded = spacy.load(tmp_path / "model")
    doc = loaded("A photovoice project with 12 women. The authors declare no competing interests.")
    assert [s.label_ for s in doc.spans[spans.DESIGN]] == ["qualitative_study"]
    assert [s._.value for s in doc.spans[spans.SAMPLE_SIZE]] == [12]
    assert [s.label_ for s in doc.spans[spans.COI]] == ["none_declared"]


def test_design_pipeline_bytes_round_trip() -> None:
    nlp = build()
    pipe = nlp.get_pipe("studysift_sample_size")
    data = pipe.to_bytes()  # type: ignore[attr-defined]
    other = build().get_pipe("studysift_sample_size")
    other.from_bytes(data)  # type: ignore[attr-defined]
    assert other.rules == pipe.rules  # type: ignore[attr-defined]


def test_design_pipeline_errors_go_to_the_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = build()
    pipe = nlp.get_pipe("studysift_design")

    def broken(doc: Doc) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(pipe, "annotate", broken)
    seen: list[str] = []

    def handler(name: str, component: object, docs: list[Doc], error: Exception) -> Doc:
        seen.append(f"{name}: {error}")
        return docs[0]

    nlp.set_error_handler(handler)  # type: ignore[arg-type]  # spaCy types handlers as NoReturn; ours records and goes on
    nlp("A randomized trial.")
    assert seen == ["studysift_design: boom"]
