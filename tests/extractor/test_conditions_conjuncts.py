"""Two conditions sharing a head said once: "colon or breast cancer" is colon cancer and breast cancer."""

from __future__ import annotations

from tests.extractor.pipes import condition_values


def values(text: str) -> list[str]:
    return sorted(condition_values(text))


def test_conditions_conjuncts_organ() -> None:
    assert values("Exercise in patients with colon or breast cancer.") == ["breast cancer", "colon cancer"]


def test_conditions_conjuncts_adjective() -> None:
    found = values("Care plans for patients with endometrial and ovarian cancer.")
    assert found == ["endometrial cancer", "ovarian cancer"]


def test_conditions_conjuncts_plain_noun_is_no_qualifier() -> None:
    assert values("Stress and periodontal disease in patients with periodontal disease.") == [
        "periodontal disease",
        "periodontal disease",
    ]


def test_conditions_conjuncts_condition_of_its_own() -> None:
    assert values("Patients with hypertension and breast cancer.") == ["breast cancer", "hypertension"]
