"""The linear-time sentence splitter keeps scispaCy's pysbd_sentencizer boundaries, and its fast pySBD
(``sentence_rules.FastSegmenter``) gives stock pySBD's spans."""

from __future__ import annotations

import re
import sys

import pysbd
import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scispacy.custom_sentence_segmenter import pysbd_sentencizer
from scispacy.custom_tokenizer import combined_rule_tokenizer

from extractor.components.sentences import SentenceSplitter
from tests.conftest import SEED, shared_path

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


# --- the fast pySBD (sentence_rules) against pySBD itself --------------------------------------------------------

TRICKY = [
    "Dr. Smith et al. (2010) gave 5 mg i.v. q.d. vs. placebo. Fig. 3 shows p. 12. No. 5 was best. "
    "The U.S. trial ended.",
    "The aims were: 1. to test; 2. to compare. 1) first 2) second 3) third. a. one b. two c. three.\n"
    "(i) alpha (ii) beta",
    'He said "Stop. Now!" and left. Then (see Table 2.) she wrote \u201cOk? Fine.\u201d \u2018Yes.\u2019 '
    "Done!! Really?!",
    "Wait... What? Hmm . . . Go. It costs $5.50 at 3 p.m. Today. Email a.b@c.com or visit x.pdf now.",
    "aa. aa. aa. aa aa. A A. A. The the. the The. x. x.  x.\n\n x.",
    "Results\n\nMean age was 45.2 years (SD 3.1).\nThe e.g. case vs. the i.e. one; Ph.D. holders; ca. 10.",
    "- 1. first\n- 2. second\n\u2043 3. third\n s-4.) x -5.) y",
    "  Leading spaces. Trailing spaces.   \n\n\n",
    "NO PUNCTUATION AT ALL",
    "\u00a0Non-breaking\u00a0space. Next\u2028line. \u0663. Arabic digit. \u212aelvin. Yahoo! is a site.",
    "Repeated sentence. Repeated sentence. Repeated sentence.",
    "[1. ref] {fig} Fig. 2 {p} x. --dash. here-- (a) b) c) d. e. f.",
]

SYMBOLS = list(" \t\n\r.,;:!?'\"()[]-\u2043\u201c\u201d\u2018\u2019\u00ab\u00bb{}&/%$\u2026") + list("0123456789")
WORDS = [
    "a",
    "b",
    "c",
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "x",
    "e.g",
    "i.e",
    "fig",
    "Fig",
    "no",
    "No",
    "p",
    "pp",
    "vs",
    "Dr",
    "U.S",
    "al",
    "et",
    "The",
    "It",
    "We",
    "A",
    "I",
    "mg",
    "st",
]


def _spans(segments: list) -> list[tuple[str, int, int]]:
    return [(s.sent, s.start, s.end) for s in segments]


@pytest.fixture(scope="module")
def segmenters() -> tuple:
    from extractor.components.sentence_rules import FastSegmenter

    return pysbd.Segmenter(language="en", clean=False, char_span=True), FastSegmenter()


@pytest.mark.parametrize("text", TEXTS + TRICKY)
def test_fast_segmenter_matches_pysbd(segmenters: tuple, text: str) -> None:
    stock, fast = segmenters
    assert _spans(fast.segment(text)) == _spans(stock.segment(text))


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_sentences_match_scispacy(nlp: spacy.language.Language, text: str) -> None:
    expected = pysbd_sentencizer(nlp.make_doc(text))
    got = SentenceSplitter("sentences")(nlp.make_doc(text))
    assert [t.is_sent_start for t in got] == [t.is_sent_start for t in expected]


_texts = st.lists(st.one_of(st.sampled_from(SYMBOLS), st.sampled_from(WORDS), st.text(max_size=3)), max_size=60).map(
    lambda parts: "".join(p if i % 3 else p + " " for i, p in enumerate(parts))
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_texts)
def test_fast_segmenter_matches_pysbd_generated(segmenters: tuple, nlp: spacy.language.Language, text: str) -> None:
    stock, fast = segmenters
    assert _spans(fast.segment(text)) == _spans(stock.segment(text))
    expected = pysbd_sentencizer(nlp.make_doc(text))
    got = SentenceSplitter("sentences")(nlp.make_doc(text))
    assert [t.is_sent_start for t in got] == [t.is_sent_start for t in expected]


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=" \t\r\n-\u2043s.)(0123456789aib\u0663x", max_size=40))
def test_list_item_shortcuts_match_pysbd_patterns(text: str) -> None:
    from pysbd.lists_item_replacer import ListItemReplacer

    from extractor.components.sentence_rules import _FAST_ALPHABETICAL, _numbered_list_items

    numbered = [int(item) for item in re.findall(ListItemReplacer.NUMBERED_LIST_REGEX_1, text)]
    assert _numbered_list_items(text) == numbered
    for pattern, fast in _FAST_ALPHABETICAL.items():
        assert fast.findall(text) == re.findall(pattern, text)


def test_space_and_digit_classes_match_str_methods() -> None:
    """The shortcuts test str.isspace() where pySBD's patterns say \\s (and \\d for int())."""
    space = re.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert (space.match(char) is not None) == char.isspace(), hex(code)


def test_shared_corpora_match_pysbd(nlp: spacy.language.Language) -> None:
    """Abstracts and trial reports from ../shared, raw and cleaned: pySBD's spans and scispaCy's boundaries.

    (A sample: stock pySBD is quadratic on long texts; bench/sentences.py and the full corpus runs cover the rest.)
    """
    from extractor.cleaning import clean

    abstracts = sorted(shared_path("corpora", "evidence-inference", "abstracts").glob("*.txt"))[::20]
    reports = sorted(shared_path("corpora", "spirit-consort-tm", "docs").glob("*.txt"))[:2]
    stock = pysbd.Segmenter(language="en", clean=False, char_span=True)
    splitter = SentenceSplitter("sentences")
    for path in [*abstracts, *reports, SEED]:
        raw = path.read_text(encoding="utf-8")
        for text in (raw, clean(raw).text):
            expected = stock.segment(text)
            assert _spans(splitter.segmenter.segment(text)) == _spans(expected), path.name
            doc = splitter(nlp.make_doc(text))
            assert [t.is_sent_start for t in doc] == [t.is_sent_start for t in pysbd_sentencizer(nlp.make_doc(text))]
