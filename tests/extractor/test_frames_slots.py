"""Frame slots: treatments, controls, conditions and outcomes named by their place in a sentence."""

from __future__ import annotations

import gc
import weakref

import spacy
from spacy.tokens import Doc

from extractor.components.frames import slots

NLP = spacy.blank("en")


def found(text: str) -> list[tuple[str, str]]:
    return [(s.role, s.name) for s in slots(NLP(text))]


def test_frames_slots_title_effect_of_x_on_outcomes() -> None:
    got = found("Effects of earplugs and eye masks on sleep, melatonin and cortisol levels in ICU patients: a trial\n")
    assert ("intervention", "earplugs and eye masks") in got
    assert {name for role, name in got if role == "outcome"} == {"sleep", "melatonin", "cortisol levels"}


def test_frames_slots_allocation_sentence_gives_treatment_and_control() -> None:
    got = found("Title\n\nPatients were randomised to individual cognitive stimulation therapy or treatment as usual.")
    assert ("intervention", "individual cognitive stimulation therapy") in got
    assert ("comparator", "treatment as usual") in got


def test_frames_slots_drop_fragments_numbers_and_study_nouns() -> None:
    got = found("Title\n\nThey were randomized to sleep with or without earplugs during the night.")
    assert not [name for role, name in got if role == "intervention"]  # "sleep with" is cut mid-phrase
    got = found("Title\n\nSubjects were randomly assigned to 20–44 mg or placebo.")
    assert ("intervention", "20–44 mg") not in got
    assert not found("A randomised trial of the effects of this study on trial outcomes\n")


def test_frames_slots_title_treatment_for_condition() -> None:
    got = found("Individual cognitive stimulation therapy for dementia: a randomised controlled trial\n")
    assert ("intervention", "individual cognitive stimulation therapy") in got
    assert ("condition", "dementia") in got


def test_frames_slots_population_with_condition() -> None:
    got = found("Title\n\nWe enrolled 40 patients with chronic tension-type headache who had failed treatment.")
    assert ("condition", "chronic tension-type headache") in got


def test_frames_slots_title_versus_starts_at_the_last_of() -> None:
    got = found(
        "Alterations of follicular fluid reveal the relevance of improving clinical outcomes in women using "
        "progestin-primed ovarian stimulation compared to short-term stimulation\n"
    )
    assert ("intervention", "progestin-primed ovarian stimulation") in got


def test_frames_slots_arm_named_by_its_group() -> None:
    got = found("Title\n\nPressure rose more in the tube group than in the trabeculectomy group.")
    assert ("intervention", "tube") in got and ("intervention", "trabeculectomy") in got
    got = found("Title\n\nScores fell in each group and in the severe group; the following groups were formed.")
    assert not [name for role, name in got if role == "intervention"]


def test_frames_slots_effect_word_is_no_treatment() -> None:
    # a slot that opens with what the study measures of the treatment ("Effectiveness of X") names X
    got = found("Effectiveness of amlexanox and adcortyl for the treatment of recurrent aphthous ulcers\n")
    assert ("intervention", "amlexanox and adcortyl") in got


def test_frames_slots_x_was_compared_with_y_after_amounts() -> None:
    got = found("Title\n\nIn a phase II trial in 151 participants 0.1 µg C-Tb was compared to 2 TU PPD.")
    assert ("comparator", "ppd") in got
    assert any(role == "intervention" and name.endswith("tb") for role, name in got)


def test_frames_slots_x_was_compared_with_y_not_cut_at_a_bracketed_amount() -> None:
    got = found("Title\n\nThe efficacy of mannitol were compared to hypertonic (4.5%) saline.")
    assert ("comparator", "hypertonic") not in got


def test_frames_slots_compare_between_x_and_y() -> None:
    got = found("Title\n\nTo compare visual acuity improvement between continuous and split part-time occlusion.")
    assert ("intervention", "continuous") in got
    assert ("comparator", "split part-time occlusion") in got


def test_frames_slots_hyphenated_code_name_is_a_name() -> None:
    words = ["Title", "\n\n", "Here", "0.1", "µg", "C-Tb", "was", "compared", "to", "2", "TU", "PPD", "."]
    spaces = [False, False, True, True, True, True, True, True, True, True, True, False, False]
    got = [(s.role, s.name) for s in slots(Doc(NLP.vocab, words=words, spaces=spaces))]
    assert ("intervention", "c-tb") in got


def test_frames_slots_title_versus_after_measured_change_in() -> None:
    got = found("Visual Acuity Improvement in Continuous vs Divided Occlusion in Anisometropic Amblyopia\n\nText.")
    assert ("intervention", "continuous") in got
    assert ("comparator", "divided occlusion") in got


def test_frames_slots_dose_level_alone_is_no_name() -> None:
    got = found("Effects of Low Dose versus High Dose Statin Therapy on Endothelial Function\n\nText.")
    assert ("intervention", "low dose") not in got


def test_frames_slots_let_the_doc_go() -> None:
    doc = NLP("Effects of ketamine on pain in adults: a trial\n\nAdults were randomised to ketamine or placebo.")
    assert slots(doc) and slots(doc)[0].span.doc is doc  # found, then read from the cache
    gone = weakref.ref(doc)
    del doc
    gc.collect()
    assert gone() is None  # the cache kept beside the doc does not keep it alive
