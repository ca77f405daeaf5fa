"""The linear-time sentence splitter keeps scispaCy's pysbd_sentencizer boundaries."""

from __future__ import annotations

import pytest
import spacy
from scispacy.custom_sentence_segmenter import pysbd_sentencizer
from scispacy.custom_tokenizer import combined_rule_tokenizer

from extractor.components.sentences import SentenceSplitter

TEXTS = [
    "Patients received 0.5 mg/kg i.v. over 40 min. Pain fell (p < 0.01).\n\nSecond paragraph without a stop",
    "Smith et al. reported no difference vs. placebo. Fig. 2 shows it. e.g. the dose was 8 mg every 12 h.",
    "\n\nA title\n\nA body. With two sentences.",
    "",
]


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.tokenizer = combined_rule_tokenizer(nlp)
    return nlp


@pytest.mark.parametrize("text", TEXTS)
def test_sentences_match_scispacy(nlp: spacy.language.Language, text: str) -> None:
    expected = pysbd_sentencizer(nlp.make_doc(text))
    got = SentenceSplitter("sentences")(nlp.make_doc(text))
    assert [t.is_sent_start for t in got] == [t.is_sent_start for t in expected]


def test_sentences_paragraph_break_starts_sentence(nlp: spacy.language.Language) -> None:
    doc = SentenceSplitter("sentences")(nlp.make_doc("First line without a stop\n\nnext paragraph here"))
    assert [s.text.strip() for s in doc.sents][-1] == "next paragraph here"
