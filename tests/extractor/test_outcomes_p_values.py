"""The p-value pattern: the sign and the value, however the p is written."""

from __future__ import annotations

import pytest

from extractor.components.outcomes import P_VALUE
from tests.extractor.pipes import outcome_directions


@pytest.mark.parametrize(
    ("text", "sign", "value"),
    [
        ("(p = 0.3)", "=", "0.3"),
        ("(P>.05)", ">", ".05"),
        ("(p-value: .222)", None, ".222"),
        ("(P value 0.48)", None, "0.48"),
        ("the p value was < 0.05", "<", "0.05"),
        ("with a p value of >0.05", ">", "0.05"),
    ],
)
def test_outcomes_p_values_sign_and_value(text: str, sign: str | None, value: str) -> None:
    match = P_VALUE.search(text)
    assert match is not None and (match.group(1) or match.group(2)) == sign and match.group(3) == value


@pytest.mark.parametrize("text", ["p53 expression", "the p 21 pathway", "a value of 0.3"])
def test_outcomes_p_values_not_a_p_value(text: str) -> None:
    assert P_VALUE.search(text) is None


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Weight gain was greater with the juice (+50.7 g) than with the water (+18.3 g) (p = 0.08).", "no_difference"),
        ("Weight gain was greater with the juice (+50.7 g) than with the water (+18.3 g) (p = 0.008).", "increased"),
        ("Incidence of dysentery was reduced by 21% (95% CI: 0 to 38%; p = 0.05).", "no_difference"),  # ";" inside
        (  # each group's figures take no room of the window
            "Weight gain was greater among infants receiving the juice (+ 50.7 gm) as compared with the infants in the "
            "apple group (+ 18.3 gm) or the infants fed the solution (- 0.7 gm) (p = 0.08).",
            "no_difference",
        ),
    ],
)
def test_outcomes_p_values_first_of_the_cue_clause(text: str, direction: str) -> None:
    names = outcome_directions(text)
    assert next(iter(names.values()), None) == direction
