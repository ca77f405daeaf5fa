"""Whole lines of page chrome go, with their reason; article sentences that mention the same words stay; the title
is found, kept once, at the top."""

from __future__ import annotations

import pytest

from extractor.cleaning import clean
from extractor.cleaning.boilerplate import boilerplate_reason, find_title, lines


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Report this page", "boilerplate"),
        ("Blog Article", "boilerplate"),
        ("Read more »", "boilerplate"),
        ("Skip to main content", "navigation"),
        ("Browse our home page for more articles.", "navigation"),
        ("Investigate a variety of health care news & stories by browsing the Health Lab home webpage for more "
         "articles.", "navigation"),
        ("The site is secure. The https:// ensures that you are connecting to the official website.", "banner"),
        ("An official website of the United States government", "banner"),
        ("Share on Facebook", "share"),
        ("Facebook Twitter LinkedIn Email", "share"),
        ("We use cookies to improve your experience. By continuing you agree.", "cookie"),
        ("Subscribe to our newsletter for the latest research.", "subscribe"),
        ("Advertisement", "advertisement"),
    ],
)  # fmt: skip
def test_cleaning_boilerplate_lines(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Patients were asked to share their experiences in focus groups.",
        "Cookies and sweets were excluded from the diet of the intervention group.",
        "The home page of the trial registry lists 40 more articles on ketamine and related compounds.",
        "Results",
        "Methods: we searched Medline, Embase and the Cochrane Library for trials published before 2019.",
    ],
)
def test_cleaning_boilerplate_article_lines_stay(line: str) -> None:
    assert boilerplate_reason(line) is None


def test_cleaning_boilerplate_title_repeated() -> None:
    text = "KETAMINE DIARIES\n\nKetamine Diaries\n\nKetamine Diaries\n\nBody text about ketamine.\n\nKetamine Diaries"
    result = clean(text)
    assert result.text == "Ketamine Diaries\n\nBody text about ketamine."
    assert result.title == "Ketamine Diaries"
    assert [r.reason for r in result.cleaning.removed] == ["duplicate_title"] * 3


def test_cleaning_boilerplate_title_label() -> None:
    text = "TITLE: \nEffect of diclofenac on codeine\n\n\n\nABSTRACT.BACKGROUND:\nWe studied it."
    decision = find_title(lines(text))
    assert decision.title == "Effect of diclofenac on codeine" and decision.duplicates == []
    assert clean(text).text == "TITLE:\nEffect of diclofenac on codeine\n\nABSTRACT.BACKGROUND:\nWe studied it."


def test_cleaning_boilerplate_section_headings_repeat() -> None:
    """A heading repeated further down ("Methods") is not a title: nothing is removed."""
    text = "A trial of ketamine for pain in adults\n\nMethods\n\nWe did it.\n\nMethods\n\nAgain."
    result = clean(text)
    assert result.text == text and result.cleaning.removed == []
