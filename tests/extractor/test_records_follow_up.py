"""Follow-up in the record: the longest stated follow-up, else the last assessment time point."""

from __future__ import annotations

import pytest

from extractor import extract, load

TRIAL = (
    "Exercise for knee pain\n\n"
    "ABSTRACT.METHODS:\nSixty patients were randomly assigned to exercise or usual care. {assessment}\n\n"
    "ABSTRACT.RESULTS:\nPain was significantly reduced in the exercise group.\n"
)


@pytest.mark.parametrize(
    ("assessment", "follow_up"),
    [
        ("Pain was assessed at baseline, 3 and 6 months.", "6 months"),
        ("Outcomes were measured after 12 weeks and at 1 year.", "1 year"),
        ("Patients were followed up for 2 years; pain was assessed at 6 months.", "2 years"),
        ("Pain was assessed at 30 and 60 min.", None),  # time points within a session are not a follow-up
        ("Patients were treated for 6 months.", None),  # a treatment duration alone is not a follow-up
        ("Weight was measured at 6 and 12 months. At 1-year, weight loss was similar.", "12 months"),  # one time
        ("Pain changed from baseline to 12 weeks.", "12 weeks"),
        ("Pain was scored from the run-in to the end of the 8-week intervention period.", "8 weeks"),
        ("A 2-week run-in was followed by 12 weeks of treatment.", None),  # a sequence of periods, not a time point
        ("Capecitabine was given on days 1–14 every 3 weeks.", None),  # a dosing window, not a time point
        ("This was a randomised, double-blind, 8-week study.", "8 weeks"),
        ("Deaths were counted during 5 years of follow-up in men and 7 years of follow-up in women.", "7 years"),
        ("Patients were followed up for 9 to 18 months.", "18 months"),  # a range: its upper bound, the last time
        ("Patients were followed for 6–12 weeks.", "12 weeks"),
        ("The follow-up ranged from 9 to 18 months.", "18 months"),
        ("Follow-up lasted 6–12 months.", "12 months"),
        ("Patients were followed for a mean of 14 months.", "14 months"),
        ("Pain improved more with exercise at week16 for both scores.", "16 weeks"),  # a lost space
        ("Pain was lower by day63. The primary endpoint was pain.", None),  # a citation number glued to a word
        ("Abstinence was assessed 2.5 months after entry to the program.", "2.5 months"),
        ("CK-MB was determined 0, 24, 48 and 96 hours after admission.", "96 hours"),
        ("Outcomes were assessed at baseline, week 12 and week 24.", "24 weeks"),  # the unit word repeated
        ("Patients were followed up to 1 year.", "1 year"),
        ("The one-year survival rates were 93% and 47%.", "1 year"),  # an outcome counted at a time point
        ("Four doses were followed by a 12-week observation post-treatment.", "12 weeks"),
        ("Patients were reassessed 6 months later.", "6 months"),
    ],
)
def test_records_follow_up_from_assessment_time_points(assessment: str, follow_up: str | None) -> None:
    result = extract(TRIAL.format(assessment=assessment), nlp=load())
    assert [r.follow_up for r in result.records] == [follow_up]


def test_records_follow_up_not_from_crossover_periods() -> None:
    text = TRIAL.format(assessment="In this crossover trial, pain was assessed after 2 weeks of each period.")
    assert [r.follow_up for r in extract(text, nlp=load()).records] == [None]


def test_records_follow_up_last_time_point_of_a_crossover_trial() -> None:
    text = TRIAL.format(assessment="In this crossover trial, pain was assessed at baseline, 4 and 8 weeks.")
    assert [r.follow_up for r in extract(text, nlp=load()).records] == ["8 weeks"]
