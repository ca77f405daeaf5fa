"""Interventions no lexicon names, found by their frame and followed through the text to their doses."""

from __future__ import annotations

from extractor import extract, load

ABSTRACT = (
    "TITLE:\nEfficacy of zelumanib after shock wave lithotripsy for ureteral calculi\n\n"
    "ABSTRACT.MATERIALS AND METHODS:\nA total of 84 patients were randomly divided into two groups. "
    "Zelumanib 10 mg (once daily) was given to group 1 and nothing to group 2.\n\n"
    "ABSTRACT.RESULTS:\nThe stone-free rate was significantly higher in group 1.\n"
)


def test_interventions_frames_unknown_name_from_the_title_takes_its_dose() -> None:
    result = extract(ABSTRACT, nlp=load())
    (record,) = result.records
    found = {i.name: i for i in record.interventions}
    assert "zelumanib" in found
    assert found["zelumanib"].dose is not None and found["zelumanib"].dose.text == "10 mg"
    assert [c.value for c in record.conditions] == ["ureteral calculi"]


def test_interventions_frames_section_heading_is_not_background() -> None:
    # "PATIENTS AND METHODS" is a methods heading: the doses stated under it are the study's own
    text = ABSTRACT.replace("MATERIALS AND METHODS", "PATIENTS AND METHODS")
    (record,) = extract(text, nlp=load()).records
    assert any(i.dose is not None for i in record.interventions)


DESCRIBED = (
    "TITLE:\nEffect of Zelumax (zelumanib) on stone clearance\n\n"
    "ABSTRACT.METHODS:\nA total of 84 patients were randomly assigned to Zelumax or placebo for 4 weeks.\n"
)


def test_interventions_frames_phrase_before_a_bracketed_name_takes_that_name() -> None:
    (record,) = extract(DESCRIBED, nlp=load()).records
    assert [i.name for i in record.interventions] == ["zelumanib"]


def test_interventions_frames_bracketed_control_role_does_not_rename_the_phrase() -> None:
    text = DESCRIBED.replace("Zelumax or placebo", "Zelumax (experimental group) or Kinetrol (control group)")
    (record,) = extract(text, nlp=load()).records
    assert [c.name for c in record.comparators] == ["kinetrol"]


COORDINATED = (
    "TITLE:\nEffect of Amlexor and Kinetrol on aphthous ulcers\n\n"
    "ABSTRACT.METHODS:\nIn this randomized trial 40 patients received Amlexor or Kinetrol for 7 days.\n"
)


def test_interventions_frames_coordinated_slot_named_apart_is_two_arms() -> None:
    (record,) = extract(COORDINATED, nlp=load()).records
    names = [i.name for i in record.interventions] + [c.name for c in record.comparators]
    assert names == ["amlexor", "kinetrol"]


def test_interventions_frames_coordinated_slot_named_only_together_is_one_arm() -> None:
    text = COORDINATED.replace("received Amlexor or Kinetrol", "received the combined regimen")
    (record,) = extract(text, nlp=load()).records
    assert [i.name for i in record.interventions] == ["amlexor and kinetrol"]
