from __future__ import annotations

import re

import pytest

from extractor.numbers import parse_int, parse_number, parse_range


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.5", 0.5),
        ("1,000", 1000.0),
        ("185", 185.0),
        ("six", 6.0),
        ("twenty-one", 21.0),
        ("one hundred and one", 101.0),
        ("three thousand two hundred", 3200.0),
        ("a dozen", 12.0),
        ("twice", 2.0),
        ("½", 0.5),
    ],
)
def test_numbers_parse(text: str, expected: float) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "a", "mg", "1.2.3", "0.five", "patients", "0.5–1"])
def test_numbers_parse_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_numbers_parse_ranges_and_counts() -> None:
    assert parse_range("0.5–1") == (0.5, 1.0)
    assert parse_range("10 to 20") == (10.0, 20.0)
    assert parse_range("40") == (40.0, None)
    assert parse_range("ten to x") is None
    assert parse_int("eighteen") == 18
    assert parse_int("0.5") is None


def test_numbers_parse_rejects_two_numbers_run_together() -> None:
    # a spelled number ends where its words stop composing: "one hundred and one" + "twenty five" is not 126
    assert parse_number("one hundred and one twenty five") is None
    assert parse_number("one twenty") is None
    assert parse_number("eleven five") is None
    assert parse_number("three hundred and six") == 306 and parse_number("ninety nine") == 99


@pytest.mark.parametrize("hyphen", ["-", "\u2010", "\u2011", "\u2013"])
def test_numbers_parse_typographic_hyphens(hyphen: str) -> None:
    """ "Fifty‐three" with a typographic hyphen (cleaning keeps it as written) is a number, in words and in rules."""
    from extractor.components.base import compile_rule

    assert parse_number(f"Fifty{hyphen}three") == 53.0
    rule = compile_rule({"regex": "(?P<n>{NUMW}) patients"})
    assert re.fullmatch(rule["regex"], f"fifty{hyphen}three patients", re.IGNORECASE) is not None
