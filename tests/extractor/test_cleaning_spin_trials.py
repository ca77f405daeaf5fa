"""De-spinning of trial-report wording: designs, populations, results, routes, groups and spelled decimals.

Each tier is checked both ways: an "any" phrase is repaired wherever it occurs, a "spun" word is repaired only in an
article already evidenced as spun (and where its cue holds), and the same words in ordinary text stay as they are."""

from __future__ import annotations

from extractor.cleaning import clean

# Three unambiguous repairs: enough evidence that the article is spun.
SPUN = "This randomized, managed demo measured quality of existence in the Command group. "


def repairs(text: str) -> dict[str, str]:
    return {r.found: r.restored for r in clean(text).cleaning.spin.repairs}


def test_cleaning_trial_phrases_repaired_anywhere() -> None:
    found = repairs(
        "A randomised managed preliminary, fake treatment-managed and twofold dazzle, in 24 sound unpaid workers. "
        "A single spoken measurement was nicely endured; aspect outcomes and destructive occasions were rare, and "
        "the difference was measurably huge."
    )
    assert found == {
        "randomised managed preliminary": "randomised controlled trial",
        "fake treatment-managed": "placebo-controlled",
        "twofold dazzle": "double-blind",
        "sound unpaid workers": "healthy volunteers",
        "spoken measurement": "oral dose",
        "nicely endured": "well tolerated",
        "aspect outcomes": "side effects",
        "destructive occasions": "adverse events",
        "measurably huge": "statistically significant",
    }


def test_cleaning_trial_words_need_spun_article() -> None:
    text = (
        "In this randomized, hybrid study, the double-blind preliminary gave 40 sufferers with asthma the drug by "
        "mouth twice daily. "
        "Members were randomized to the Intercession gathering or to placebo. FEV1 was extensively "
        "higher with the drug (p = 0.01)."
    )
    spun = repairs(SPUN + text)
    assert spun["hybrid"] == "crossover"
    assert spun["preliminary"] == "trial"
    assert spun["sufferers with"] == "patients with"
    assert spun["by mouth"] == "orally"
    assert spun["Members"] == "Participants"
    assert spun["Intercession gathering"] == "Intervention group"
    assert spun["extensively"] == "significantly"
    # without SPUN's unambiguous phrases, the many distinct cued words are the evidence themselves
    assert repairs(text) == {k: v for k, v in spun.items() if k in text}
    # but one sentence of them is not: only the phrase no writer produces is repaired
    assert repairs(text.split(". ")[1]) == {"Intercession gathering": "Intervention group"}


def test_cleaning_trial_words_need_their_cue() -> None:
    """In a spun article the same words keep their ordinary sense where the cue does not hold."""
    text = (
        "Preliminary results of a hybrid approach were presented at a social gathering. Members of the research team "
        "scored verbal fluency and spoken English. Cell viability and the mediation analysis were reported, and "
        "costs rose considerably over the years."
    )
    assert set(repairs(SPUN + text)) == {"randomized, managed demo", "quality of existence", "Command group"}


def test_cleaning_trial_routes_and_doses() -> None:
    found = repairs(SPUN + "Ketamine was regulated verbally at a measurement of 0.five mg/kg, versus verbal placebo.")
    assert found["regulated verbally"] == "administered orally"
    assert found["measurement"] == "dose"
    assert found["0.five"] == "0.5"
    assert "verbal" not in found  # "verbal placebo" has no route cue


def test_cleaning_trial_unspun_abstract_untouched() -> None:
    text = (
        "Healthy volunteers (n = 24) received 2 mg by mouth twice daily in a randomized, double-blind, "
        "placebo-controlled crossover trial. Members of staff recorded adverse events. Verbal memory improved "
        "considerably more than with placebo (p < 0.01); the hybrid design and preliminary data are discussed."
    )
    result = clean(text)
    assert result.text == text and result.cleaning.spin.repairs == [] and not result.cleaning.spin.is_spun


def test_cleaning_despin_two_digit_decimals() -> None:
    found = repairs("Ketamine 0.twenty five mg/kg; p = 0.thirty four; mean 12.ten (95% CI 1.twenty-one to 3.forty).")
    assert found == {
        "0.twenty five": "0.25",
        "0.thirty four": "0.34",
        "12.ten": "12.10",
        "1.twenty-one": "1.21",
        "3.forty": "3.40",
    }
    assert repairs("Version 1.one-off and section 2.five-fold were kept.") == {}


def test_cleaning_trial_arms_named_by_treatment() -> None:
    found = repairs(
        SPUN + "Patients turned into randomized to the Infusion institution or the Bolus gathering; the HAART "
        "organization received a randomized placebo-controlled attempt of sunitinib towards capecitabine."
    )
    assert found["institution"] == "group" and found["gathering"] == "group" and found["organization"] == "group"
    assert found["turned into"] == "was" and found["attempt"] == "trial" and found["towards"] == "versus"
    # names and ordinary words keep their sense
    kept = repairs(SPUN + "The World Health Organization and the European Organization for Research; it turned into a "
                   "habit, and several institutions took part in a randomized trial.")  # fmt: skip
    assert not {"Organization", "institutions", "turned into"} & set(kept)


def test_cleaning_despin_spelled_decimal_ranges() -> None:
    found = repairs("Units were 31.2 [22.one-40.three] vs. 46.four [42.zero-50.eight] in this randomized trial.")
    assert found == {"22.one": "22.1", "40.three": "40.3", "46.four": "46.4", "42.zero": "42.0", "50.eight": "50.8"}
    assert repairs("Version 1.one-off and 2.five-fold were kept.") == {}


def test_cleaning_despin_headings_markdown() -> None:
    found = repairs(SPUN + "\n\n## Techniques\n\nWe used new techniques.\n\n### Effects and change\n\nNone.")
    assert found["Techniques"] == "Methods"
    assert "techniques" not in found and "Effects" not in found  # a sentence, and a heading of other words


def test_cleaning_trial_people_counted() -> None:
    found = repairs(
        SPUN + "Sixteen contributors (8 male) and 132 victims with arthritis, 389 guys, Forty SCI themes with "
        "spasticity and 17 uncooperative kids were given diclofenac (50 mg Verbal b.i.d.)."
    )
    assert found["contributors"] == "participants" and found["victims with"] == "patients with"
    assert found["guys"] == "men"
    assert found["themes"] == "subjects" and found["kids"] == "children" and found["Verbal"] == "Oral"
    # a number before an ordinary use of the word
    kept = repairs(SPUN + "Two themes emerged; 3,799 Members and Fellows and 12 members of staff replied.")
    assert not {"themes", "Members", "members"} & set(kept)


def test_cleaning_trial_allocation_verbs() -> None:
    found = repairs(
        SPUN + "Sixty patients became randomized; one was once treated. Adults were arbitrarily assigned to receive "
        "drug. It became a habit and was once common."
    )
    assert found["became"] == "was" and found["was once"] == "was"
    assert found["arbitrarily"] == "randomly"  # before an allocation verb
    text = clean(SPUN + "Sixty patients became randomized. It became a habit and was once common.").text
    assert text.endswith("Sixty patients was randomized. It became a habit and was once common.")
    assert repairs("Weights were arbitrarily assigned to receive the highest score.") == {}  # an unspun article


def test_cleaning_trial_result_words() -> None:
    found = repairs(SPUN + "A had a significantly inferior product (p = 0.008) and a 4.2-fold boom in mortality.")
    assert found["inferior"] == "lower" and found["boom in"] == "increase in"
    assert "inferior" not in repairs(SPUN + "The drug was not inferior to placebo in the trial.")  # non-inferiority


def test_cleaning_trial_control_arms() -> None:
    found = repairs(
        SPUN + "Patients were randomized to the intervention or the management organization; controls received remedy "
        "as usual. The health management organization paid."
    )
    assert found == found | {"management organization": "control group", "remedy as usual": "treatment as usual"}
    assert "health control group" not in clean(SPUN + "The health management organization paid.").text


def test_cleaning_trial_result_nouns() -> None:
    found = repairs(
        SPUN + "A small growth in oxygenation (p = 0.07), a giant discount in duration, a mean annual boom, and a "
        "small lower in admixture; scores were analogous for both arms, and carriage extensively faded."
    )
    assert found["growth in"] == "increase in" and found["discount in"] == "reduction in"
    assert found["boom"] == "increase" and found["lower in"] == "decrease in"
    assert found["analogous"] == "similar" and found["faded"] == "decreased"
    kept = repairs(SPUN + "Tumour growth in mice was significant lower in the control arm; analogous results came.")
    assert not {"growth in", "lower in", "analogous"} & set(kept)


def test_cleaning_trial_study_nouns() -> None:
    text = clean(
        SPUN + "In this randomized, double-blind take a look at and in our observe, patients improved. We observe "
        "the effect; clinical observe that."
    ).text
    assert text.endswith(
        "In this randomized, double-blind study and in our study, patients improved. We observe the effect; clinical "
        "observe that."
    )
