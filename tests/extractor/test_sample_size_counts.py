"""The sample-size component: counts with their unit and kind, in digits and in words; not doses, years, times."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor import spans
from tests.extractor.pipes import blank_with


@pytest.fixture(scope="module")
def nlp() -> Language:
    return blank_with("studysift_sample_size")


def counts(nlp: Language, text: str) -> list[tuple[int, str]]:
    doc = nlp(text)
    return [(s._.value, s.label_) for s in doc.spans[spans.SAMPLE_SIZE]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The trial enrolled 185 individuals with cancer.", (185, "participants")),
        ("A total of 40 patients took part.", (40, "patients")),
        ("Eighty-four women were interviewed.", (84, "participants")),
        ("Forty-eight healthy volunteers received placebo.", (48, "participants")),
        ("We recruited one hundred and twenty children.", (120, "participants")),
        ("The Cochrane review included 3 RCTs.", (3, "trials")),
        ("Two small cross-over trials investigated IV ketamine.", (2, "trials")),
        ("The cohort (N=1,651) was followed.", (1651, "participants")),
        ("Forty-six age- and IQ-matched children were assigned.", (46, "participants")),
        ("We studied 12 adult rats.", (12, "animals")),
        ("Three-hundred-and-six patients were included.", (306, "patients")),
        ("The participants were 402 community-dwelling 85-y-old people.", (402, "participants")),
        ("A trial involving 534 6- to 10-year-old children.", (534, "participants")),
        ("A trial involving 534 urban and rural children.", (534, "participants")),
        ("We studied 16 COPD sufferers.", (16, "patients")),
        ("There were 184 cyclosporine\u2010treated patients.", (184, "patients")),  # a typographic hyphen
        ("We studied 50 knee osteoarthritis patients.", (50, "patients")),  # an organ's noun before the people's
        ("From May 2012, 40 patients were enrolled.", (40, "patients")),  # a year before the count
        ("In January 2015, sixty-nine patients were treated.", (69, "patients")),  # a number word is no adjective
        ("We enrolled 593 adult HIV+, nonpregnant patients.", (593, "patients")),
        ("We surveyed 212 households.", (212, "participants")),
        ("We assigned 83 naturopathic interns to two groups.", (83, "participants")),
        ("A pretest-posttest design was used.Sixty patients were enrolled.", (60, "patients")),  # a missing space
        ("The tolerability of rhIL-11 in 91 patients with RA was assessed.", (91, "patients")),  # no proportion
        ("Fifty\u2010three patients were randomized.", (53, "patients")),  # a typographic hyphen in a number word
        ("A report from the lymphoma group.\n\nOne hundred and fourteen patients were randomised.", (114, "patients")),
        ("Controls formed the second group. Forty patients were treated.", (40, "patients")),  # no "group Forty"
        ("Sixty-one consecutive BMT recipients were randomised.", (61, "participants")),  # the verb says who counts
        ("In this double-blind study a total of 140 patients took part.", (140, "patients")),  # no "study a" label
        ("54 subdistricts were randomised to two arms.", (54, "participants")),  # clusters, when no people are counted
        ("We aim to recruit 258 in total.", (258, "participants")),
    ],
)
def test_sample_size_counts(nlp: Language, text: str, expected: tuple[int, str]) -> None:
    assert counts(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Ketamine 500 mg was given subcutaneously.",
        "The drug was approved in 2019 for depression.",
        "Remission lasted 3 months after treatment.",
        "The patient underwent 18 sessions of therapy.",
        "In all, 40% of patients responded.",
        "A 34-year-old woman presented with pain.",
        "A third larger trial followed.",
        "Each site enrolled 8–10 participants.",
        "Cohorts of 50,000–70,000 smokers exist.",
        "Eligible: ≥18 adults of the household.",
        "We enrolled type 2 diabetes patients.",
        "A total of 24.2% of the participants were at risk.",
        "About 10 million smokers live in the region.",
        "No differences were found between the two regarding patients’ behaviour.",
        "Interviews were held with twelve to sixteen participants.",
        "Findings from the WALK 2.0 randomised controlled trial.",
        "For weeks 24 through 48, subjects took curcumin.",
        "Phase one enrolls women alone.",
        "Fig. 1 Participant study schedule",
        "During phase one, these women are enrolled alone.",
        "Two randomised, double blind, placebo-controlled, crossover studies were performed.",  # studies, not people
        "Approximately one in three women have reported such violence.",  # a proportion
        "About 1 in 5 adults smoke.",
        "In 2010 clinics were randomized.",
        "Cohorts living in New York between 2000 and 2007 were randomized.",  # years, not counts
        "Between April 2014 and January 2015 children were randomized.",
        "The 12 weeks were randomized.",
        "The algorithm recruits 10 participants per week.",  # a rate
        "Sites enrolled 3 patients a month.",
        "Out of every 100 patients with such factors, 1 had a heart attack.",  # a proportion
        "Of a total of 762 courses, 52 were accompanied by chills.",  # courses of treatment, not people
        "They completed four randomized exercise sessions.",
        "Vitamin D3 was given daily for a total of 90 days.",  # time, not people
        "Each scale has two items, for a total of sixty items.",
    ],
)
def test_sample_size_counts_not_counts(nlp: Language, text: str) -> None:
    assert counts(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("A total of 120 patients were randomized to two arms.", 120, "randomized"),
        ("Forty patients were enrolled.", 40, "enrolled"),
        ("We randomly assigned 120 patients to A or B.", 120, "randomized"),
        ("We included 45 patients with gout.", 45, "enrolled"),
        ("In all, 36 participants completed the study.", 36, "analysed"),
        ("A sample size of 120 was calculated for 80% power.", 120, "planned"),
        ("100 patients will be randomly allocated.", 100, "planned"),
        ("The recruitment goal is 42 participants.", 42, "planned"),
        ("From 2,137 screened subjects, 85 entered the study.", 85, "enrolled"),
        ("We plan to enroll 930 patients, allowing for 5% lost to follow-up.", 930, "planned"),
    ],
)
def test_sample_size_counts_kind(nlp: Language, text: str, value: int, kind: str) -> None:
    doc = nlp(text)
    kinds = {s._.value: (s._.attrs or {}).get("kind") for s in doc.spans[spans.SAMPLE_SIZE]}
    assert kinds[value] == kind


def test_sample_size_counts_roles(nlp: Language) -> None:
    doc = nlp(
        "From 2,137 screened subjects, 85 entered the study. There were 20 patients in each group (n = 20). "
        "The review pooled 48 randomized trials with 6674 participants."
    )
    roles = {s._.value: (s._.attrs or {}).get("role") for s in doc.spans[spans.SAMPLE_SIZE]}
    assert roles[2137] == "screened"
    assert roles[20] == "group"
    assert roles[6674] == "pooled"
    assert roles[85] is None and roles[48] is None
    doc = nlp("It includes three groups of approximately 50 subjects each.")
    assert [(s._.value, (s._.attrs or {}).get("role")) for s in doc.spans[spans.SAMPLE_SIZE]] == [(50, "group")]


def test_sample_size_counts_bracketed_totals_and_arms(nlp: Language) -> None:
    def roles(text: str) -> list[tuple[int, str | None]]:
        doc = nlp(text)
        return [(s._.value, (s._.attrs or {}).get("role")) for s in doc.spans[spans.SAMPLE_SIZE]]

    assert roles("Adults with psoriasis (N = 300) were enrolled.") == [(300, None)]
    assert roles("Etanercept (N = 197) or placebo (N = 103) was given.") == [(197, "group"), (103, "group")]
    assert roles("Patients were allocated to two groups (N = 381 for each group).") == [(381, "group")]


def _kinds_roles(nlp: Language, text: str) -> list[tuple[int, str | None, str | None]]:
    doc = nlp(text)
    return [
        (s._.value, (s._.attrs or {}).get("kind"), (s._.attrs or {}).get("role")) for s in doc.spans[spans.SAMPLE_SIZE]
    ]


def test_sample_size_parallel_counts_are_groups(nlp: Language) -> None:
    side_by_side = "Thirty patients who had surgery A and 30 matched patients who had surgery B were compared."
    assert [r for _, _, r in _kinds_roles(nlp, side_by_side)] == ["group", "group"]
    flow = "A total of 120 patients were randomized and 100 patients completed the study."
    assert [r for _, _, r in _kinds_roles(nlp, flow)] == [None, None]
    part = "We enrolled 120 patients (60 women) with asthma."  # a count in brackets describes part of the other
    assert [r for _, _, r in _kinds_roles(nlp, part)] == [None, None]
    subset = "Of the 150 patients, 120 patients had surgery."
    assert [r for _, _, r in _kinds_roles(nlp, subset)] == [None, None]


def test_sample_size_sum_of_groups_is_total(nlp: Language) -> None:
    found = _kinds_roles(
        nlp, "The participants were 402 people. 202 participants were allocated to A and 200 participants to B."
    )
    assert found[0] == (402, "randomized", None)
    assert [r for _, _, r in found[1:]] == ["group", "group"]
    # no total of the two: both stay groups, and nothing is promoted
    found = _kinds_roles(nlp, "We saw 90 people. 30 patients had A and 30 patients had B.")
    assert [(v, k) for v, k, r in found if r is None] == [(90, None)]


def test_sample_size_bracketed_total_of_its_arms(nlp: Language) -> None:
    found = _kinds_roles(nlp, "Participants (n = 138) were allocated to A (n = 69) or B (n = 69).")
    assert [(v, r) for v, _, r in found] == [(138, None), (69, "group"), (69, "group")]


def test_sample_size_randomized_after_enrolled_in_one_sentence(nlp: Language) -> None:
    found = _kinds_roles(nlp, "Of 300 patients enrolled, 250 were randomized.")
    assert found == [(300, "enrolled", "screened"), (250, "randomized", None)]
    # the other way round (more randomized than a later count) is not a flow from enrolment
    found = _kinds_roles(nlp, "A total of 120 patients were randomized and 100 patients entered the extension.")
    assert [r for _, _, r in found] == [None, None]


def test_sample_size_lone_n_of_a_sentence_without_groups(nlp: Language) -> None:
    assert _kinds_roles(nlp, "Participants were patients with hepatitis C (n = 120) with BMI over 25.") == [
        (120, None, None)
    ]
    assert _kinds_roles(nlp, "The placebo group (n = 40) improved.") == [(40, None, "group")]
    assert _kinds_roles(nlp, "Most were women: 63% (n = 373) of them.") == [(373, None, "group")]


def test_sample_size_counts_of_arms_listed_after_and(nlp: Language) -> None:
    # "and 90 to the control group": the second arm's count, so the first is an arm's too
    found = _kinds_roles(nlp, "87 patients were randomized to the intervention and 90 to the control group.")
    assert [(v, r) for v, _, r in found] == [(87, "group"), (90, "group")]
    # the arms sum to the recruited total, which stays the sample
    found = _kinds_roles(
        nlp, "We recruited 348 participants: 171 participants were allocated to A and 177 to receive B."
    )
    assert [(v, r) for v, _, r in found] == [(348, None), (171, "group"), (177, "group")]
    # numbers listed before a count share its noun, one per group; a year does not
    assert [r for _, _, r in _kinds_roles(nlp, "Device failure left 78 and 78 patients for analysis.")] == ["group"]
    assert [r for _, _, r in _kinds_roles(nlp, "Between 2016 and 416 patients were seen.")] == [None]


def test_sample_size_counts_of_specimens_are_counts(nlp: Language) -> None:
    # a diagnostic or tissue study's sample is its specimens (the gold: "1173 cervical samples", "288 tumors")
    assert counts(nlp, "A total of 1173 samples were tested.") == [(1173, "participants")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sixty ASA I or II, 18–50 year old patients were selected.", (60, "patients")),
        ("We enrolled 120 18-65 year old women.", (120, "participants")),
    ],
)
def test_sample_size_counts_age_range_before_noun(nlp: Language, text: str, expected: tuple[int, str]) -> None:
    assert counts(nlp, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An opportunity sample of 30 (six male, mean age = 23) young adults took part.", (30, "participants")),
        ("A total of 60 (30 men) adults were enrolled.", (60, "participants")),
    ],
)
def test_sample_size_counts_aside_before_noun(nlp: Language, text: str, expected: tuple[int, str]) -> None:
    assert counts(nlp, text) == [expected]
