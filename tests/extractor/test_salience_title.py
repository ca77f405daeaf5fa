"""The title: after a "TITLE:" or "TITLE." mark, the lines up to the blank line or heading that ends it."""

from __future__ import annotations

import pytest
import spacy

from extractor.components.salience import Salience

NLP = spacy.blank("en")


@pytest.mark.parametrize("mark", ["TITLE:", "TITLE.", "TITLE: "])
def test_salience_title_after_mark(mark: str) -> None:
    text = f"{mark}\nThiamine in septic shock\n\nABSTRACT.METHODS:\nWe randomized."
    start, end = Salience(NLP(text)).title
    assert text[start:end] == "Thiamine in septic shock"


def test_salience_title_wrapped_lines_after_mark() -> None:
    text = "TITLE: \nEffect of drug X \nfor the treatment of ulcers\n\n\nABSTRACT.BACKGROUND:\nUlcers hurt."
    start, end = Salience(NLP(text)).title
    assert text[start:end] == "Effect of drug X \nfor the treatment of ulcers"


def test_salience_title_ends_at_a_heading() -> None:
    text = "TITLE:\nEffect of drug X\nABSTRACT.BACKGROUND:\nUlcers hurt."
    start, end = Salience(NLP(text)).title
    assert text[start:end] == "Effect of drug X"


def test_salience_title_unmarked_is_the_first_line() -> None:
    text = "Effect of drug X\nJ. Smith, A. Jones\n\nBackground: Ulcers hurt."
    start, end = Salience(NLP(text)).title
    assert text[start:end] == "Effect of drug X"


def test_salience_title_keywords_line() -> None:
    doc = NLP("A trial of X\n\nKeywords: Seasonal affective disorder, light therapy\n\nBackground: Winter is dark.")
    salience = Salience(doc)
    seasonal, winter = doc.text.index("Seasonal"), doc.text.index("Winter")
    inside, outside = doc.char_span(seasonal, seasonal + 8), doc.char_span(winter, winter + 6)
    assert inside is not None and outside is not None
    assert salience.in_keywords(inside) and not salience.in_keywords(outside)


def test_salience_title_no_keywords_line() -> None:
    doc = NLP("A trial of X\n\nBackground: The key words of a debate.")
    assert not any(Salience(doc).in_keywords(doc[i : i + 1]) for i in range(len(doc)))


def test_salience_title_mark_without_an_end_is_its_line() -> None:
    text = "TITLE. Effect of zinc on\nhypotension in older adults\nZinc was given to 40 patients.\nPain fell.\nMore."
    start, end = Salience(NLP(text)).title
    assert text[start:end] == "Effect of zinc on"
