"""Citation markers leave the text and become Citation entries; real numbers, names with digits and ranges stay."""

from __future__ import annotations

import pytest

from extractor.cleaning import clean
from extractor.numbers import parse_int, spelled_number_re


@pytest.mark.parametrize(
    ("raw", "expected", "marker"),
    [
        ("IV ketamine in two doses31 or more.", "IV ketamine in two doses or more.", "31"),
        ("intrathecal ketamine58 being used.", "intrathecal ketamine being used.", "58"),
        ("who used different opioids.18 In this trial", "who used different opioids. In this trial", "18"),
        ("trials for depression.one hundred and one\n\nNext paragraph.", "trials for depression.\n\nNext paragraph.",
         "one hundred and one"),
        ("pain memories.sixty six Serial treatments", "pain memories. Serial treatments", "sixty six"),
        ("observed in the case93 of bulimia", "observed in the case of bulimia", "93"),
        ("into the treatment plan [86].", "into the treatment plan.", "[86]"),
        ("as reported [3, 4] before.", "as reported before.", "[3, 4]"),
    ],
)  # fmt: skip
def test_cleaning_citations_stripped(raw: str, expected: str, marker: str) -> None:
    result = clean(raw)
    assert result.text == expected
    (citation,) = result.cleaning.citations
    assert citation.marker == marker
    assert result.raw[citation.raw_start : citation.raw_end].strip() == marker


@pytest.mark.parametrize(
    "raw",
    [
        "Evidence was graded Level 3 by the panel.",
        "Patients received 500 mg twice daily.",
        "The dose (0.5 mg/kg) was given over 40 min.",
        "It was approved in 2019 for 185 individuals.",
        "COVID-19 and SARS-CoV-2 infection rates rose.",
        "IL6, CD4 and H2O were measured; BNT162b2 was given.",
        "The 5-HT2A receptor and HbA1c were measured at week12 and day7.",
        "Times were 60 [50–80] minutes vs. 110 [80–130] minutes; 6 days [3–11].",
        "Insulin was 104 [51, 123] vs 113 [54, 171] mIU/L.",
        "Stage 3 disease was seen in table2 and covid19 cases.",
        "The follow-up lasted 3 months, with 18 sessions.",
    ],
)
def test_cleaning_citations_real_numbers_kept(raw: str) -> None:
    result = clean(raw)
    assert result.text == raw
    assert result.cleaning.citations == []


def test_cleaning_citations_position() -> None:
    result = clean("Two doses31 were given. Results followed [4].")
    at = [c.at for c in result.cleaning.citations]
    assert result.text == "Two doses were given. Results followed."
    assert result.text[: at[0]].endswith("doses") and result.text[: at[1]].endswith("followed")


@pytest.mark.parametrize(
    ("words", "value"),
    [("one hundred and one", 101), ("sixty six", 66), ("twenty-five", 25), ("two thousand and nine", 2009)],
)
def test_cleaning_citations_spelled_numbers(words: str, value: int) -> None:
    assert spelled_number_re().fullmatch(words)
    assert parse_int(words) == value


def test_cleaning_citations_after_parenthesis() -> None:
    """A marker after a parenthesis closing a sentence ("(LVH).15 The"), digits or spelled out, leaves the text; a
    decimal before a capital ("was 12.18 The") is no marker."""
    result = clean("Mass fell (LVH).15 The drug was safe (p = 0.01).sixty six Pain rose [n = 4].7 It ended.")
    assert result.text == "Mass fell (LVH). The drug was safe (p = 0.01). Pain rose [n = 4]. It ended."
    assert [c.number for c in result.cleaning.citations] == [15, 66, 7]
    assert clean("The mean was 12.18 The end.").cleaning.citations == []


def test_cleaning_citations_glued_to_hyphenated_word() -> None:
    result = clean("It was placebo-controlled31. Skill-building28 helped; p-tau181 and SARS-CoV-2 rose.")
    assert result.text == "It was placebo-controlled. Skill-building helped; p-tau181 and SARS-CoV-2 rose."
    assert [c.number for c in result.cleaning.citations] == [31, 28]


def test_cleaning_citations_after_acronym() -> None:
    result = clean("It rose in CKD.16 Then eGFR.32 Serum fell in COPD.sixty six The end came at pH 7.4 Then.")
    assert result.text == "It rose in CKD. Then eGFR. Serum fell in COPD. The end came at pH 7.4 Then."
    assert [c.number for c in result.cleaning.citations] == [16, 32, 66]


def test_cleaning_citations_marker_left_alone_by_page_chrome() -> None:
    # the cookie notice held the line before "[86]"; once it is gone the marker stands alone and goes too, as it
    # would when the cleaned text is cleaned again (found by the offsets round-trip property test)
    raw = (
        "<html><head><title>A &amp; B</title></head><body>We use cookies.\ndoses31doses31<p> [86]</p>"
        "<p>We randomized 40 patients to ketamine.</p></body></html>"
    )
    result = clean(raw, html=True)
    assert result.text == "A & B\n\nWe randomized 40 patients to ketamine."
    assert [c.marker for c in result.cleaning.citations] == ["[86]"]
    assert clean(result.text, html=False).text == result.text


def test_cleaning_citations_spelled_after_comma() -> None:
    """A spinner spells a superscript marker that follows a clause's comma too ("route,fifty two Cholesterol"); digits
    after a comma stay, since they may be a dose ("fraction,8 Gy") or an affiliation ("Wang,2 Linda")."""
    result = clean("Weight fell by the oral route,fifty two Cholesterol fell by the nasal route.")
    assert result.text == "Weight fell by the oral route, Cholesterol fell by the nasal route."
    (citation,) = result.cleaning.citations
    assert citation.marker == "fifty two"
    for raw in ("Each fraction,8 Gy in all, was given.", "Authors: Wang,2 Linda Chen,3 and others."):
        assert clean(raw).text == raw
