"""De-spinning: the two-pass decision (unambiguous entries anywhere, context-dependent ones only in spun articles with
their cue), case, numbers, the spin score, and the external tortured-phrases lexicon."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.cleaning import clean
from extractor.cleaning.despin import (
    Gate,
    _parse_cues,
    builtin_entries,
    despin,
    external_entries,
    lexicon,
    phrase_key,
)
from extractor.errors import InputError
from extractor.numbers import HYPHEN_CHARS
from studysift.settings import Settings

# Two unambiguous repairs: enough evidence that the article is spun.
SPUN_CONTEXT = "This randomized, managed demo measured quality of existence in the Command group. "
FITNESS = "Participants did aerobic exercise three times a week for 12 weeks, in periods of 30 minutes."
RODENTS = "Locomotor exercise was tested in mice by counting crossing and rearing in the open field."


def repairs(text: str, **settings: object) -> dict[str, str]:
    result = clean(text, settings=Settings(**settings))  # type: ignore[arg-type]
    return {r.found: r.restored for r in result.cleaning.spin.repairs}


def test_cleaning_despin_unambiguous_anywhere() -> None:
    assert repairs("We ran a randomized managed trial of quality of existence.") == {
        "randomized managed trial": "randomized controlled trial",
        "quality of existence": "quality of life",
    }


def test_cleaning_despin_ambiguous_needs_spun_article() -> None:
    # unspun: the same phrases stay (no unambiguous evidence in the article)
    assert repairs(RODENTS) == {}
    assert repairs("There was no sizeable difference in cost. The patient had 18 periods of therapy.") == {}
    # spun: they are repaired, each with its own cue
    spun = repairs(SPUN_CONTEXT + RODENTS + " There was no sizeable difference. The patient had 18 periods of therapy.")
    assert spun["Locomotor exercise"] == "Locomotor activity"
    assert spun["sizeable difference"] == "significant difference"
    assert spun["periods"] == "sessions"


def test_cleaning_despin_ambiguous_needs_its_cue() -> None:
    # a spun article, but "exercise" in a fitness sentence and "periods" of minutes lack their cues
    found = repairs(SPUN_CONTEXT + FITNESS)
    assert "exercise" not in found and "periods" not in found
    assert "managed demo" in " ".join(found) or "randomized, managed demo" in found


def test_cleaning_despin_fitness_paper_untouched() -> None:
    text = "Exercise improved fitness. " + FITNESS + " Locomotor exercise such as running was compared with rest."
    result = clean(text)
    assert result.text == text and result.cleaning.spin.repairs == []


def test_cleaning_despin_gate_counts_evidence() -> None:
    lex = lexicon()
    text = "There was no sizeable difference between arms in this randomized, managed demo."
    few, spun = despin(text, lex, Gate(min_evidence=2, per_1000=1.0))
    assert not spun and [r.restored for r in few] == ["randomized controlled trial"]
    more, spun = despin(text, lex, Gate(min_evidence=1, per_1000=1.0))
    assert spun and {r.restored for r in more} == {"significant difference", "randomized controlled trial"}


def test_cleaning_despin_case() -> None:
    found = repairs("Scenario report: a case. QUALITY OF EXISTENCE was poor. Amount 3 in the scenario report.")
    assert found["Scenario report"] == "Case report"
    assert found["QUALITY OF EXISTENCE"] == "QUALITY OF LIFE"
    assert found["scenario report"] == "case report"


def test_cleaning_despin_numbers() -> None:
    found = repairs("Ketamine 0.five mg/kg was given, then twenty five mg and one hundred and fifty mg daily.")
    assert found == {"0.five": "0.5", "twenty five": "25", "one hundred and fifty": "150"}
    # spelled-out numbers outside a dose stay
    assert repairs("Twenty five patients were followed for three months.") == {}


def test_cleaning_despin_restored_never_rematches() -> None:
    """No restored phrase contains a phrase that repairs unconditionally, or cleaning would not be idempotent."""
    lex = lexicon()
    for entry in builtin_entries():
        for m in lex.pattern.finditer(f" {entry.restored.lower()} "):
            unconditional = [e for e in lex.entries[phrase_key(m.group())] if not e.gated and not e.cues]
            assert not unconditional, (entry.found, entry.restored, m.group())


def test_cleaning_despin_lexicon_is_general() -> None:
    entries = builtin_entries()
    assert len(entries) >= 300
    single = [e for e in entries if " " not in e.found and "-" not in e.found]
    assert all(e.cues for e in single), "single words must be cued"
    # an unconditional single word's cue pins a phrase no writer produces: the word alone in a sentence stays
    lex = lexicon()
    for entry in (e for e in single if not e.gated):
        found, spun = despin(f"The {entry.found} values were recorded in the clinic.", lex, Gate(2, 1.0))
        assert found == [] and not spun, entry.found


def test_cleaning_despin_score_and_threshold() -> None:
    spun = clean(SPUN_CONTEXT * 3 + "The rest of the text is ordinary.")
    assert spun.cleaning.spin.is_spun and spun.cleaning.spin.score > 2.0
    plain = clean("A randomized controlled trial of quality of life in 40 patients.")
    assert plain.cleaning.spin.score == 0.0 and not plain.cleaning.spin.is_spun


def test_cleaning_despin_external_lexicon(tmp_path: Path) -> None:
    path = tmp_path / "tortured.json"
    path.write_text(
        json.dumps(
            {
                "phrases": [
                    {"tortured": "profound learning", "correct": "deep learning"},
                    {"tortured": "bunch examination", "correct": "cluster analysis (ca)"},
                    {"tortured": "organization", "correct": "network"},
                    {"tortured": "cadence design", "correct": "rhythm pattern (?)"},
                    {"tortured": "neural network", "correct": "[neural network] layer outputs"},
                    {"tortured": "neural organization", "correct": "neural network"},
                ]
            }  # fmt: skip
        ),
        encoding="utf-8",
    )
    loaded = {e.found: e.restored for e in external_entries(path)}
    # single words, uncertain corrections and phrases that are someone's correction are left out
    assert loaded == {"bunch examination": "cluster analysis", "neural organization": "neural network",
                      "profound learning": "deep learning"}  # fmt: skip
    text = "A bunch examination of the organization used a neural network."
    assert repairs(text) == {}
    assert repairs(text, spin_lexicon=path) == {"bunch examination": "cluster analysis"}


def test_cleaning_despin_external_lexicon_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("not json", encoding="utf-8")
    with pytest.raises(InputError, match="spin lexicon"):
        clean("Some text here.", settings=Settings(spin_lexicon=bad))
    with pytest.raises(InputError, match="spin lexicon"):
        clean("Some text here.", settings=Settings(spin_lexicon=tmp_path / "missing.json"))


# Spun trial-report wording (second-pass lexicon): restored in spun text, untouched in clean text with the same words.
SPUN_TRIAL = (
    "In this learn about, 120 more established grown-ups were haphazardly appointed to ketamine or a sugar pill in a "
    "randomized regulated preliminary. Ketamine 0.five mg/kg was given as soon as day by day; chest torment and "
    "unfriendly occasions were recorded, and all-reason mortality was the optional endpoint."
)


def test_cleaning_despin_trial_wording_restored() -> None:
    found = repairs(SPUN_TRIAL)
    assert found["this learn about"] == "this study"
    assert found["more established grown-ups"] == "older adults"
    # restored a word at a time ("haphazardly" -> "randomly", then "randomly appointed" -> "randomly assigned")
    assert "were randomly assigned to ketamine" in clean(SPUN_TRIAL).text
    assert found["randomized regulated preliminary"] == "randomized controlled trial"
    assert found["as soon as day by day"] == "once daily"
    assert found["chest torment"] == "chest pain"
    assert found["unfriendly occasions"] == "adverse events"
    assert found["all-reason mortality"] == "all-cause mortality"
    assert found["optional endpoint"] == "secondary endpoint"
    assert found["sugar pill"] == "placebo"  # context-dependent: fires because the article is evidenced spun


def test_cleaning_despin_trial_wording_clean_untouched() -> None:
    clean_text = (
        "Patients learn about their disease from nurses. Older adults were randomly assigned to exercise or usual "
        "care in a randomized controlled trial; the drug was taken as soon as symptoms began, and day by day the pain "
        "eased. "
        "Secondary endpoints were optional for sites. Early supported discharge was offered, and youngsters with "
        "asthma were seen by ladies in the clinic."
    )
    assert repairs(clean_text) == {}


def test_cleaning_despin_dosing_and_results_need_spun_article() -> None:
    text = "Ketamine was given verbally day by day; pain scores were lower (p = 0.01) in the fake drug arm."
    # no unambiguous evidence and only two distinct cued words: "verbally", "fake drug" stay
    assert repairs(text.replace("day by day", "daily")) == {}
    assert repairs("Ketamine 20 mg day by day was given.") == {"mg day by day": "mg daily"}  # no writer says this
    found = repairs(SPUN_TRIAL + " " + text)
    assert found["day by day"] == "daily"
    assert found["verbally"] == "orally"
    assert found["fake drug"] == "placebo"


def test_cleaning_despin_blinding_and_groups() -> None:
    found = repairs(
        "A twofold sightless, equal-gathering, aviator examine: the manipulate gatherings and the fake treatment bunch "
        "were assessed by dazzled assessors at 6-month development."
    )
    assert found["twofold sightless"] == "double-blind"
    assert found["equal-gathering"] == "parallel-group"
    assert found["aviator examine"] == "pilot study"
    assert found["manipulate gatherings"] == "control groups"
    assert found["fake treatment bunch"] == "placebo group"
    assert found["dazzled assessors"] == "blinded assessors"
    # "development" is ordinary English: repaired only in a spun article, after "6-month", near trial words
    assert "development" not in repairs("Motor development at 6-month development checks was normal in the children.")


# Only single-word spins, each with its cue: no unambiguous phrase at all, as a thesaurus spinner leaves it.
WORD_SPUN = (
    "Sixty sufferers with asthma received the drug or a sugar pill in a randomized trial. "
    "FEV1 was considerably higher with the drug (p = 0.01); no distinction in cough was found."
)


def test_cleaning_despin_gate_distinct_cued_words() -> None:
    found = repairs(WORD_SPUN)
    assert found["sufferers with"] == "patients with"
    assert found["sugar pill"] == "placebo"
    assert found["considerably"] == "significantly"
    assert found["no distinction"] == "no difference"
    # three distinct cued words are not enough evidence: an unspun abstract may have a few such coincidences
    assert repairs(WORD_SPUN.replace("considerably", "much")) == {}


def test_cleaning_despin_gate_fewer_cued_words_with_one_unambiguous() -> None:
    """One unambiguous phrase (which no unspun text has) and two distinct cued words are evidence enough; the two
    cued words alone are not."""
    text = "Sixty sufferers with asthma received the drug or a sugar pill in a randomized {} trial."
    found = repairs(text.format("managed"))
    assert found["sufferers with"] == "patients with"
    assert found["sugar pill"] == "placebo"
    assert repairs(text.format("controlled")) == {}


def test_cleaning_despin_significance_adverbs_share_their_cues() -> None:
    """Every adverb a spinner makes of "significantly" is restored before any change word, spun ones included
    ("altogether poorer", "essentially more prominent"), and after a negation before a verb of change."""
    results = "FEV1 was altogether poorer with the drug (p = 0.01). Cough did not remarkably change."
    found = repairs(SPUN_CONTEXT + results)
    assert found["altogether"] == "significantly"
    assert found["remarkably"] == "significantly"
    assert repairs(results) == {}


def test_cleaning_despin_gate_distinct_counts_phrases_once() -> None:
    lex = lexicon()
    text = "Sufferers with asthma and sufferers with COPD and sufferers with cough were seen in the clinic."
    assert despin(text, lex, Gate(min_evidence=2, per_1000=1.0, min_distinct=2)) == ([], False)
    _, spun = despin(text, lex, Gate(min_evidence=2, per_1000=1.0, min_distinct=1))
    assert spun


def test_cleaning_despin_headings() -> None:
    text = (
        "ABSTRACT.HISTORICAL PAST:\nAsthma is common.\n\nABSTRACT.STRATEGIES:\nWe used new strategies.\n\n"
        "Effects: none."
    )
    found = repairs(SPUN_CONTEXT + "\n\n" + text)
    assert found["HISTORICAL PAST"] == "BACKGROUND"
    assert found["STRATEGIES"] == "METHODS"
    assert found["Effects"] == "Results"
    assert "strategies" not in found  # in a sentence, not a heading
    assert repairs(text.replace("HISTORICAL PAST", "BACKGROUND")) == {}  # not evidenced as spun


def test_cleaning_despin_versus() -> None:
    found = repairs(SPUN_CONTEXT + "Sunitinib towards capecitabine in breast cancer; ketamine towards placebo.")
    assert found == found | {"towards": "versus"}
    spun = SPUN_CONTEXT + "Scores trended towards baseline and attitudes towards therapy improved."
    assert "towards" not in repairs(spun)


def test_cleaning_despin_design_words_one_at_a_time() -> None:
    """A thesaurus spinner swaps single design words; each is restored where the rest of a design phrase stands."""
    spun = repairs(
        SPUN_CONTEXT
        + "This was a pragmatic, arbitrary trial. Patients were irregular to receive drug or a fake treatment, "
        "then arbitrarily allocated to two doses. A cluster haphazard restrained test followed, in a hybrid design."
    )
    assert spun["arbitrary"] == "randomized"
    assert spun["irregular"] == "randomized"
    assert spun["arbitrarily"] == "randomly"
    assert spun["haphazard"] == "randomized"
    assert spun["restrained"] == "controlled"
    assert spun["hybrid design"] == "crossover design"


def test_cleaning_despin_design_words_need_a_spun_article_and_a_design_phrase() -> None:
    plain = "Values were in arbitrary units. The irregular heartbeat was managed with drugs in a hybrid Phase II trial."
    assert repairs(plain) == {}
    # spun, but no design phrase around the words: they stay
    assert not {"arbitrary", "irregular", "managed"} & set(repairs(SPUN_CONTEXT + plain))


def test_cleaning_despin_cue_names_are_filled() -> None:
    """``{name}`` in a cue is the named pattern of spin/cue_patterns.tsv; an unknown name is an error."""
    (cue,) = _parse_cues("after=^{design_head}")
    assert cue.rx.match("preliminaries") and not cue.rx.match("results")
    with pytest.raises(ValueError, match="no cue pattern"):
        _parse_cues("after=^{no_such_pattern}")


def test_cleaning_despin_numbers_digit_by_digit_and_compound_units() -> None:
    found = repairs("Drug 0.zero five mg/kg, then 0.two five mg, forty mg/m2 and twelve IU/kg.")
    assert found == {"0.zero five": "0.05", "0.two five": "0.25", "forty": "40", "twelve": "12"}
    # a spelled-out number before a word that only starts like a unit stays
    assert repairs("Forty mgkg patients and twelve mlx were seen.") == {}


def test_cleaning_despin_shorter_phrase_when_the_longer_cue_fails() -> None:
    """The longest phrase at a place is tried first; when none of its entries applies, a shorter one may."""
    lex = lexicon()
    text = SPUN_CONTEXT + "Patients were haphazardly appointed to genotype- or phenotype-directed care."
    longest = lex.pattern.search(text.lower(), text.index("haphazardly"))
    assert longest is not None and longest.group() == "haphazardly appointed"
    found = {r.found: r.restored for r in despin(text, lex, Gate(2, 1.0))[0]}
    assert found.get("haphazardly") == "randomly"


def test_cleaning_despin_design_verbs_and_unconditional_design_phrases() -> None:
    # no other evidence: "a arbitrary trial" and "we haphazard" are phrases no writer produces
    assert repairs("Men took part in a arbitrary trial of surgery.") == {"arbitrary": "randomized"}
    assert repairs("We haphazard 389 patients to treatment.") == {"haphazard": "randomized"}
    # the verb in a spun article: "haphazard to either", "The trial arbitrary 10,948 patients"
    spun = repairs(SPUN_CONTEXT + "Subjects were seen, haphazard to either drug. The trial arbitrary 10,948 adults.")
    assert spun["haphazard"] == "randomized" and spun["arbitrary"] == "randomized"


def test_cleaning_despin_group_nouns_share_their_cues() -> None:
    """Every spinner form of "group" is restored in the same places: an arm with its count, arms compared."""
    for noun, nouns in (("institution", "institutions"), ("bunch", "bunches"), ("organization", "organizations")):
        text = f"{SPUN_CONTEXT}In the bromfenac {noun} (n = 69) pain fell. No difference between the {nouns} was seen."
        found = repairs(text)
        assert found.get(noun) == "group" and found.get(nouns) == "groups", noun
    # the same words outside an arm stay, even in a spun article
    assert not {"institution", "institutions"} & set(repairs(SPUN_CONTEXT + "Our institution funded the trial."))


def test_cleaning_despin_blinded_alone() -> None:
    text = clean(SPUN_CONTEXT + "Patients are visually impaired to their cure, with visually impaired assessment.").text
    assert "are blinded to their cure, with blinded assessment" in text
    assert repairs(SPUN_CONTEXT + "The data analyst was dazed to allocation.").get("dazed") == "blinded"
    # "visually impaired" people in a spun article stay
    assert "visually impaired" not in repairs(SPUN_CONTEXT + "Adults who are visually impaired were enrolled.")


def test_cleaning_despin_hyphen_or_space_is_one_phrase() -> None:
    """A spinner writes "double-daze" and "double daze" alike: one entry matches both (and a Unicode hyphen)."""
    assert phrase_key("Double-daze") == phrase_key("double  daze") == phrase_key("double‐daze")
    for text in ("a randomized double daze trial", "a randomized double-daze trial", "a randomized double‐daze trial"):
        assert clean(text).text == "a randomized double-blind trial"


def test_cleaning_despin_hyphens_are_the_numbers_set() -> None:
    """Every hyphen form that joins a spelled number (numbers.HYPHEN_CHARS) joins a spun phrase too, in the key and
    in the scan, so that the two can never disagree about a non-breaking hyphen or a figure dash."""
    for hyphen in HYPHEN_CHARS:
        assert phrase_key(f"double{hyphen}daze") == "double daze"
        assert repairs(f"a randomized double{hyphen}daze trial") == {f"double{hyphen}daze": "double-blind"}
    rows = [(phrase_key(e.found), e.restored, e.gated, e.cues) for e in builtin_entries()]
    assert len(rows) == len(set(rows)), "an entry that differs from another only by a hyphen is a duplicate"


def test_cleaning_despin_people_in_headings() -> None:
    text = SPUN_CONTEXT + "\n\nABSTRACT.VICTIMS AND METHODS:\nA false treatment was given in the trial.\n"
    cleaned = clean(text).text
    assert "ABSTRACT.PATIENTS AND METHODS:" in cleaned and "a placebo was given" in cleaned.lower()
    # "victims" in a sentence stays, even in a spun article
    assert "victims" not in repairs(SPUN_CONTEXT + "Victims and methods of abuse were described.")


def test_cleaning_despin_mean_verbs_in_the_frame_of_a_mean() -> None:
    text = SPUN_CONTEXT + "Discomfort (as suggest [standard deviation]) was 3; they had denote weight of 70 kg."
    found = repairs(text)
    assert found["suggest"] == "mean" and found["denote"] == "mean"
    # the verb before a clause or a count of things stays, even in a spun article
    assert not {"suggest", "imply"} & set(repairs(SPUN_CONTEXT + "These data suggest 3 mechanisms; they imply that X."))


def test_cleaning_despin_remedy_takes_the_articles_own_word() -> None:
    text = SPUN_CONTEXT + "Enzyme replacement remedy was given; the herbal remedy was not. Remedy failure was rare. "
    found = repairs(text + "Enzyme replacement therapy works.")
    assert found["remedy"] == "therapy" and found["Remedy"] == "Treatment"
    assert "herbal remedy" in clean(text).text
    assert repairs(text)["remedy"] == "treatment"  # no "replacement therapy" elsewhere: the commoner original


def test_cleaning_despin_contrast_in_a_null_result() -> None:
    found = repairs(SPUN_CONTEXT + "There was no treatment contrast for pravastatin vs placebo in LDL-C (p = 0.4).")
    assert found["contrast"] == "difference"
    assert "contrast" not in repairs(SPUN_CONTEXT + "Patients with no iodinated contrast were fewer (p = 0.4).")


def test_cleaning_despin_group_noun_before_an_arm_label() -> None:
    found = repairs(SPUN_CONTEXT + "Patients were randomly allocated to gathering I and gathering II (p = 0.2).")
    assert set(found.values()) >= {"group"}
    assert "institution" not in repairs(SPUN_CONTEXT + "The trial ran at one institution in 2004.")


def test_cleaning_despin_rate_after_what_it_is_a_rate_of() -> None:
    text = clean(SPUN_CONTEXT + "Heart fee fell, and the PEMF group showed a higher fee of union (p = 0.03).").text
    assert "Heart rate fell" in text and "a higher rate of union" in text
    # a price stays a price
    assert "fee" not in repairs(SPUN_CONTEXT + "Each patient paid a fee of $50 (p = 0.03).")


def test_cleaning_despin_sham_remedy_of_a_comparison() -> None:
    # far from any design word: the comparison itself ("patients receiving", "versus") is the cue
    text = SPUN_CONTEXT + "x " * 250 + "Walking aids were used less than by patients receiving the sham remedy."
    assert repairs(text)["sham remedy"] == "placebo"


def test_cleaning_despin_oral_before_a_drug_name() -> None:
    text = clean(SPUN_CONTEXT + "Patients were randomized to verbal etoposide phosphate or spoken oestradiol.").text
    assert "to oral etoposide phosphate or oral oestradiol" in text
    kept = clean(SPUN_CONTEXT + "Verbal fluency, verbal tone and spoken language were rated in the trial.").text
    assert "Verbal fluency, verbal tone and spoken language" in kept


def test_cleaning_despin_headings_ending_in_a_full_stop() -> None:
    """ "ABSTRACT.RESULTS." as a spinner rewrites it; a sentence on a line of its own is no heading."""
    text = "ABSTRACT.CONSEQUENCES.\nAsthma improved.\n\nEffects and adverse events were rare in both arms.\n"
    found = repairs(SPUN_CONTEXT + "\n\n" + text)
    assert found["CONSEQUENCES"] == "RESULTS"
    assert "Effects" not in found
    assert repairs(text) == {}  # not evidenced as spun


def test_cleaning_despin_rate_after_its_abbreviation() -> None:
    """ "complete response (CR) fee": the rate's abbreviation may stand between its word and the spun noun."""
    text = "The complete response (CR) fee and the heart fee were higher with the drug (p = 0.01)."
    found = repairs(SPUN_CONTEXT + text)
    assert found["fee"] == "rate"
    assert [r.found for r in clean(SPUN_CONTEXT + text).cleaning.spin.repairs].count("fee") == 2
    assert "fee" not in repairs(SPUN_CONTEXT + "A fee (USD) of 50 was paid for each visit.")
