from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import extractor.components  # noqa: F401  (registers the factories)
from extractor import load, spans
from extractor.components.interventions import in_design_phrase


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("studysift_interventions")
    return nlp


def test_interventions_comparators(nlp: Language) -> None:
    doc = nlp(
        "Ketamine with fentanyl was compared with fentanyl alone and saline placebo; "
        "sham acupuncture versus usual care."
    )
    interventions = [s._.value for s in doc.spans[spans.INTERVENTION]]
    comparators = [s._.value for s in doc.spans[spans.COMPARATOR]]
    assert interventions == ["ketamine", "fentanyl"]
    assert comparators == ["fentanyl alone", "saline placebo", "sham acupuncture", "usual care"]
    for span in doc.spans[spans.COMPARATOR]:
        assert span._.value.split()[0] in span.text.lower()


def test_interventions_comparators_versus_side(nlp: Language) -> None:
    doc = nlp("Sitagliptin versus glimepiride in type 2 diabetes.")
    assert [s._.value for s in doc.spans[spans.INTERVENTION]] == ["sitagliptin"]
    assert [s._.value for s in doc.spans[spans.COMPARATOR]] == ["glimepiride"]


def test_interventions_comparators_therapies_and_blockers(nlp: Language) -> None:
    doc = nlp("Ketamine-assisted psychotherapy reduced morphine requirements; KAP and cognitive behavioural therapy.")
    names = [s._.value for s in doc.spans[spans.INTERVENTION]]
    assert names == [
        "ketamine-assisted psychotherapy",
        "ketamine-assisted psychotherapy",
        "cognitive behavioural therapy",
    ]


def test_interventions_comparators_serialization(nlp: Language, tmp_path: Path) -> None:
    text = "Patients received IV ketamine 0.5 mg/kg versus placebo."
    expected = nlp(text)
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "studysift_interventions" / "rules.jsonl").exists()
    loaded = spacy.load(tmp_path / "pipeline")
    doc = loaded(text)
    for key in (spans.INTERVENTION, spans.COMPARATOR, spans.DOSE, spans.ROUTE):
        assert [(s.start, s.end, s._.value) for s in doc.spans[key]] == [
            (s.start, s.end, s._.value) for s in expected.spans[key]
        ]


def test_interventions_comparators_no_treatment_effect_is_no_arm(nlp: Language) -> None:
    doc = nlp("Ketamine was compared with placebo; there was no treatment effect on sleep.")
    assert "no treatment" not in {s._.value for s in doc.spans[spans.COMPARATOR]}
    doc = nlp("Ketamine was compared with no treatment in 40 adults.")
    assert "no treatment" in {s._.value for s in doc.spans[spans.COMPARATOR]}


def test_interventions_comparators_design_adjective_names_the_control() -> None:
    # the pipeline's tokenizer keeps "placebo-controlled" one token, so no lexicon name matches inside it
    doc = load()(
        "A randomized, double-blind, placebo-controlled trial; a sham-controlled trial; an active-controlled one."
    )
    comparators = [(s._.value, s.text) for s in doc.spans[spans.COMPARATOR]]
    assert comparators == [("placebo", "placebo-controlled"), ("sham", "sham-controlled")]


def test_interventions_comparators_plural_lexicon_phrase_is_named_singular(nlp: Language) -> None:
    doc = nlp("Patients had Lokomat training while control subjects received no interventions.")
    assert [(s._.value, s.text) for s in doc.spans[spans.COMPARATOR]] == [("no intervention", "no interventions")]


def test_interventions_comparators_mechanism_words_block_a_substance(nlp: Language) -> None:
    doc = nlp("Empagliflozin, an SGLT2 (glucose cotransporter) blocker, cut glucose uptake; insulin sensitizers too.")
    assert [s._.value for s in doc.spans[spans.INTERVENTION]] == ["empagliflozin"]


def test_interventions_comparators_treatment_as_usual(nlp: Language) -> None:
    doc = nlp("Behavioural activation was compared with treatment as usual or a waiting-list.")
    assert [s._.value for s in doc.spans[spans.COMPARATOR]] == ["treatment as usual", "waiting list"]


def test_interventions_comparators_glued_title_word_names_the_drug_after_the_seam(nlp: Language) -> None:
    doc = nlp("A Gender Analysis of the SMILE ProgramZofenopril in Myocardial Infarction")
    assert [s._.value for s in doc.spans[spans.INTERVENTION]] == ["zofenopril"]


@pytest.mark.parametrize("control", ["placebo", "saline"])
def test_interventions_comparators_control_named_first(nlp: Language, control: str) -> None:
    # an arm list a control opens lists the arms: the drug after it is the treatment, with its dose
    doc = nlp(f"Patients were randomized to {control} or erlotinib (150 mg per day) for 12 weeks.")
    (drug,) = doc.spans[spans.INTERVENTION]
    assert drug._.value == "erlotinib"
    assert drug._.attrs["dose"]["value"] == 150.0
    assert [s._.value for s in doc.spans[spans.COMPARATOR]] == [control]


def test_interventions_comparators_list_after_treatment(nlp: Language) -> None:
    # after the treatment compared, a control heads a list of comparators
    doc = nlp("We compared zofenopril 60 mg/day with that of placebo, lisinopril 10 mg/day or ramipril.")
    assert [s._.value for s in doc.spans[spans.INTERVENTION]] == ["zofenopril"]
    assert [s._.value for s in doc.spans[spans.COMPARATOR]] == ["placebo", "lisinopril", "ramipril"]


def test_interventions_comparators_arms_beside_control() -> None:
    # two drugs compared in the title but allocated beside a control are both tested against it
    doc = load()(
        "TITLE: Granisetron versus ondansetron for nausea\n\nABSTRACT.METHODS: Patients were randomized to receive "
        "granisetron 1 mg, ondansetron 4 mg or normal saline."
    )
    methods = doc.text.index("METHODS")
    allocated = [s for s in doc.spans[spans.INTERVENTION] if s.start_char > methods]
    assert [(s._.value, s._.attrs["dose"]["value"]) for s in allocated] == [("granisetron", 1.0), ("ondansetron", 4.0)]
    assert [s._.value for s in doc.spans[spans.COMPARATOR] if s.start_char > methods] == ["normal saline"]


def test_interventions_comparators_versus_without_control() -> None:
    # with no control arm, the drug compared against stays the comparator where it is allocated
    doc = load()(
        "TITLE: Haloperidol versus olanzapine in delirium\n\nABSTRACT.METHODS: Patients were randomized to "
        "haloperidol or olanzapine."
    )
    assert {s._.value for s in doc.spans[spans.INTERVENTION]} == {"haloperidol"}
    assert {s._.value for s in doc.spans[spans.COMPARATOR]} == {"olanzapine"}


@pytest.mark.parametrize("opening", ["Compared with placebo,", "As compared to placebo,"])
def test_interventions_comparators_opening_phrase_ends_at_comma(nlp: Language, opening: str) -> None:
    # a comparison phrase that opens the sentence ends at its comma: the name after it is the treatment
    doc = nlp(f"{opening} prednisolone 30 mg/day reduced pain.")
    (drug,) = [s for s in doc.spans[spans.INTERVENTION] if s._.value == "prednisolone"]
    assert drug._.attrs["dose"]["value"] == 30.0
    assert [s._.value for s in doc.spans[spans.COMPARATOR]] == ["placebo"]


def test_interventions_comparators_opening_phrase_list(nlp: Language) -> None:
    # ... but "or" / "and" still continue its list
    doc = nlp("Compared with placebo or ramipril, zofenopril reduced deaths.")
    assert [s._.value for s in doc.spans[spans.INTERVENTION]] == ["zofenopril"]
    assert [s._.value for s in doc.spans[spans.COMPARATOR]] == ["placebo", "ramipril"]


def test_interventions_comparators_design_phrase(nlp: Language) -> None:
    # a design adjective names a control arm (hyphenated or not); the control word elsewhere names what it was
    doc = nlp("A sham-controlled trial and a placebo controlled one; placebo was given, and a vehicle-treated arm.")
    sham = next(s for s in doc.spans[spans.COMPARATOR] if s._.value == "sham")
    assert in_design_phrase(sham)
    placebos = [doc[t.i : t.i + 1] for t in doc if t.lower_ in ("placebo", "vehicle")]
    assert [in_design_phrase(s) for s in placebos] == [True, False, False]


def test_interventions_comparators_alone_after_its_dose(nlp: Language) -> None:
    # add-on design: the "only" arm's dose and bracket stand between the name and the word
    doc = nlp(
        "Alfuzosin 10 mg and loxoprofen 68 mg were given to group 1, and loxoprofen 68 mg (as needed) only to group 2."
    )
    assert [s._.value for s in doc.spans[spans.COMPARATOR]] == ["loxoprofen only"]


def test_interventions_comparators_alone_arm_said_two_ways(nlp: Language) -> None:
    # "alone" and "only" name one arm, as first said; its dose is the treatment's where no other mention states one
    doc = nlp("Patients received fimasartan plus rosuvastatin or fimasartan 120 mg alone; fimasartan only was safe.")
    assert {s._.value for s in doc.spans[spans.COMPARATOR]} == {"fimasartan alone"}
    treated = [s for s in doc.spans[spans.INTERVENTION] if s._.value == "fimasartan"]
    assert treated and all(s._.attrs["dose"]["value"] == 120.0 for s in treated)


def _comparator_names(nlp: Language, text: str) -> set[str]:
    doc = nlp(text)  # held: a SpanGroup keeps only a weak reference to its Doc
    return {str(s._.value) for s in doc.spans[spans.COMPARATOR]}


def test_interventions_comparators_control_named_by_what_it_received() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("studysift_interventions")
    lead = "Students were randomized to the yoga group or the control group. "
    found = _comparator_names(nlp, lead + "The control group completed the same case discussions without yoga.")
    assert found == {"case discussions without yoga"}
    found = _comparator_names(
        nlp, lead + "Physical exercises and management theories were taught to the control group."
    )
    assert found == {"physical exercises and management theories"}
    # a count before the group reports a result; a named control ("placebo") is the arm's name already
    assert _comparator_names(nlp, lead + "Then 97 (10%) patients in the control group received a test.") == {
        "control group"
    }
    assert _comparator_names(nlp, lead + "The control group received placebo tablets.") == {"control group", "placebo"}


def test_interventions_comparators_than_in_a_reported_result_names_no_control() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("studysift_interventions")
    doc = nlp("Patients received ketamine or midazolam. Pain was lower with midazolam than with ketamine (P < 0.05).")
    assert not doc.spans[spans.COMPARATOR]
    doc = nlp("Patients received ketamine or midazolam. Ketamine was better than midazolam.")
    assert [s._.value for s in doc.spans[spans.COMPARATOR]] == ["midazolam"]
