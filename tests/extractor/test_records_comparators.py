"""Record assembly of comparators: two active treatments and no control arm compare the second against the
first."""

from __future__ import annotations

from spacy.tokens import Doc

from extractor import spans
from extractor.records import assemble
from tests.extractor.pipes import make, mark


def trial(text: str) -> Doc:
    doc = make(text)
    mark(doc, spans.STUDY, "We randomized", "self")
    mark(doc, spans.DESIGN, "randomized", "randomized_controlled_trial")
    return doc


def names(doc: Doc) -> tuple[list[str], list[str]]:
    ((record,), _) = assemble(doc)
    return [i.name for i in record.interventions], [c.name for c in record.comparators]


def test_records_comparators_head_to_head_second_is_the_reference() -> None:
    doc = trial("We randomized 40 volunteers to lansoprazole or pantoprazole twice daily.")
    mark(doc, spans.INTERVENTION, "lansoprazole", "drug", "lansoprazole")
    mark(doc, spans.INTERVENTION, "pantoprazole", "drug", "pantoprazole")
    assert names(doc) == (["lansoprazole"], ["pantoprazole"])


def test_records_comparators_head_to_head_control_named_first() -> None:
    doc = trial("We randomized 60 adults to control milk or probiotic milk.")
    mark(doc, spans.INTERVENTION, "control milk", "therapy", "control milk")
    mark(doc, spans.INTERVENTION, "probiotic milk", "therapy", "probiotic milk")
    assert names(doc) == (["probiotic milk"], ["control milk"])


def test_records_comparators_head_to_head_not_beside_a_control_arm() -> None:
    doc = trial("We randomized 75 patients to granisetron, ondansetron or placebo.")
    for drug in ("granisetron", "ondansetron"):
        mark(doc, spans.INTERVENTION, drug, "drug", drug)
    mark(doc, spans.COMPARATOR, "placebo", "comparator", "placebo")
    assert names(doc) == (["granisetron", "ondansetron"], ["placebo"])


def test_records_comparators_dose_arms_of_one_drug_stay_interventions() -> None:
    doc = trial("We randomized 90 patients to ramipril 5 mg/day or ramipril 1.25 mg/day.")
    for nth, value in enumerate((5, 1.25)):
        dose = {"value": value, "unit": "mg/day", "max": None, "text": f"{value:g} mg/day"}
        mark(doc, spans.INTERVENTION, "ramipril", "drug", "ramipril", nth=nth, dose=dose)
    interventions, comparators = names(doc)
    assert interventions == ["ramipril", "ramipril"] and comparators == []


def test_records_comparators_british_spelling_is_the_same_treatment() -> None:
    doc = trial("We randomized 50 workers to cognitive behavioral therapy. Cognitive behavioural therapy was online.")
    mark(doc, spans.INTERVENTION, "cognitive behavioral therapy", "therapy", "cognitive behavioral therapy")
    mark(doc, spans.INTERVENTION, "Cognitive behavioural therapy", "therapy", "cognitive behavioural therapy")
    assert names(doc) == (["cognitive behavioral therapy"], [])


def test_records_comparators_placebo_and_sham_are_one_arm() -> None:
    doc = trial("We randomized 60 adults to laser or placebo. The placebo laser was alike; a sham probe was used")
    mark(doc, spans.INTERVENTION, "laser", "therapy", "laser")
    for nth in (0, 1):
        mark(doc, spans.COMPARATOR, "placebo", "comparator", "placebo", nth=nth)
    mark(doc, spans.COMPARATOR, "sham", "comparator", "sham")
    assert names(doc)[1] == ["placebo"]


def test_records_comparators_design_adjective_does_not_name_the_arm() -> None:
    doc = trial("We randomized 10 adults in a placebo-controlled study to ketamine. Saline was the control.")
    mark(doc, spans.INTERVENTION, "ketamine", "drug", "ketamine")
    mark(doc, spans.COMPARATOR, "placebo", "comparator", "placebo")
    mark(doc, spans.COMPARATOR, "Saline", "comparator", "saline")
    assert names(doc)[1] == ["saline"]


def test_records_comparators_placebo_joined_to_a_drug_is_its_own_arm() -> None:
    doc = trial("We randomized 90 children to ivermectin plus albendazole, albendazole plus placebo, or sham.")
    mark(doc, spans.INTERVENTION, "ivermectin", "drug", "ivermectin")
    mark(doc, spans.COMPARATOR, "albendazole plus placebo", "comparator", "albendazole plus placebo")
    mark(doc, spans.COMPARATOR, "sham", "comparator", "sham")
    assert names(doc)[1] == ["albendazole plus placebo", "sham"]


def test_records_comparators_treatment_named_control_is_the_control_arm() -> None:
    doc = trial("We randomized 100 adults to probiotic milk, control milk or placebo capsules.")
    mark(doc, spans.INTERVENTION, "probiotic milk", "therapy", "probiotic milk")
    mark(doc, spans.INTERVENTION, "control milk", "therapy", "control milk")
    mark(doc, spans.COMPARATOR, "placebo", "comparator", "placebo")
    assert names(doc) == (["probiotic milk"], ["placebo", "control milk"])


def test_records_comparators_design_adjective_is_not_counted_as_a_naming() -> None:
    doc = trial("We randomized 10 adults in a placebo-controlled study to ketamine or saline.")
    mark(doc, spans.INTERVENTION, "ketamine", "drug", "ketamine")
    mark(doc, spans.COMPARATOR, "placebo-controlled", "comparator", "placebo")
    mark(doc, spans.COMPARATOR, "saline", "comparator", "saline")
    assert names(doc)[1] == ["saline"]


def test_records_comparators_usual_and_standard_care_are_one_arm() -> None:
    doc = trial("We randomized 300 adults to etanercept or usual care. Usual care followed the standard of care.")
    mark(doc, spans.INTERVENTION, "etanercept", "drug", "etanercept")
    mark(doc, spans.COMPARATOR, "usual care", "comparator", "usual care")
    mark(doc, spans.COMPARATOR, "Usual care", "comparator", "usual care")
    mark(doc, spans.COMPARATOR, "standard of care", "comparator", "standard of care")
    assert names(doc)[1] == ["usual care"]
