"""Word classes of conditions: animals as the population nouns of a condition, pregnancy complications."""

from __future__ import annotations

from tests.extractor.pipes import condition_spans


def condition_values_of(text: str) -> list[str]:
    return [value for _, value in condition_spans(text)]


def test_conditions_population_nouns_animals() -> None:
    assert condition_values_of("Forty-eight transfusion-naive anemic cats were enrolled.") == ["anemia"]


def test_conditions_lexicon_pregnancy_complications() -> None:
    assert condition_values_of("One hundred women with ectopic pregnancy were randomly allocated.") == [
        "ectopic pregnancy"
    ]
