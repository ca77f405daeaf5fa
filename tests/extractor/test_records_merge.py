"""Record assembly merges mentions of one thing: an intervention's facts, comparators that name an intervention,
near-duplicate outcomes and conditions."""

from __future__ import annotations

from spacy.tokens import Doc

from extractor import spans
from extractor.records import assemble
from tests.extractor.pipes import make, mark


def dose(value: float, unit: str) -> dict[str, object]:
    return {"value": value, "unit": unit, "max": None, "text": f"{value:g} {unit}"}


def trial(text: str) -> Doc:
    doc = make(text)
    mark(doc, spans.STUDY, "We randomized", "self")
    mark(doc, spans.DESIGN, "randomized", "randomized_controlled_trial")
    return doc


def test_records_merge_intervention_facts_from_all_mentions() -> None:
    doc = trial(
        "We randomized 12 volunteers to 50 mg diclofenac or placebo. A single oral dose of diclofenac was safe."
    )
    mark(doc, spans.INTERVENTION, "diclofenac", "drug", "diclofenac", dose=dose(50, "mg"))
    mark(doc, spans.INTERVENTION, "diclofenac", "drug", "diclofenac", nth=1, route="oral")
    ((record,), _) = assemble(doc)
    (item,) = record.interventions
    assert item.dose is not None and (item.dose.value, item.dose.unit) == (50, "mg")
    assert item.route == "oral"
    assert item.evidence is not None and item.evidence.start == doc.text.index("diclofenac")  # the dose's mention


def test_records_merge_intervention_dose_restated_with_its_rate() -> None:
    doc = trial("We randomized 38 women to 10 mg of tamoxifen. Group B took tamoxifen 10 mg/day for 14 days.")
    mark(doc, spans.INTERVENTION, "tamoxifen", "drug", "tamoxifen", dose=dose(10, "mg"))
    mark(doc, spans.INTERVENTION, "tamoxifen", "drug", "tamoxifen", nth=1, dose=dose(10, "mg/day"))
    ((record,), _) = assemble(doc)
    (item,) = record.interventions
    assert item.dose is not None and item.dose.unit == "mg/day"


def test_records_merge_intervention_first_stated_dose_and_route() -> None:
    doc = trial("We randomized 64 patients to an infusion of amiodarone. Later amiodarone was given orally.")
    mark(doc, spans.INTERVENTION, "amiodarone", "drug", "amiodarone", dose=dose(1200, "mg"), route="intravenous")
    mark(doc, spans.INTERVENTION, "amiodarone", "drug", "amiodarone", nth=1, dose=dose(600, "mg/day"), route="oral")
    ((record,), _) = assemble(doc)
    (item,) = record.interventions
    assert item.route == "intravenous" and item.dose is not None and item.dose.value == 1200


def test_records_merge_intervention_two_routes_in_one_sentence_are_two_arms() -> None:
    doc = trial("We randomized 30 patients to IV ketamine or intrathecal ketamine.")
    mark(doc, spans.INTERVENTION, "ketamine", "drug", "ketamine", route="intravenous")
    mark(doc, spans.INTERVENTION, "ketamine", "drug", "ketamine", nth=1, route="intrathecal")
    ((record,), _) = assemble(doc)
    assert [i.route for i in record.interventions] == ["intravenous", "intrathecal"]


def test_records_merge_comparator_that_names_an_intervention() -> None:
    doc = trial("We randomized 90 patients to magnesium, fentanyl or placebo; magnesium versus fentanyl alone.")
    mark(doc, spans.INTERVENTION, "magnesium", "drug", "magnesium")
    mark(doc, spans.INTERVENTION, "fentanyl", "drug", "fentanyl")
    mark(doc, spans.COMPARATOR, "placebo", "comparator", "placebo")
    mark(doc, spans.COMPARATOR, "magnesium", "drug", "magnesium", nth=1)
    mark(doc, spans.COMPARATOR, "fentanyl alone", "drug", "fentanyl alone")
    ((record,), _) = assemble(doc)
    assert [i.name for i in record.interventions] == ["magnesium", "fentanyl"]
    assert [c.name for c in record.comparators] == ["placebo", "fentanyl alone"]


def test_records_merge_outcomes_near_duplicates_and_incidental() -> None:
    doc = trial(
        "We randomized 60 residents. The primary outcome was falls. Sleep was recorded. "
        "Antipsychotic prescription rates did not differ at first. Prescription of antipsychotics decreased. "
        "Agitation increased."
    )
    mark(doc, spans.OUTCOME, "falls", "reported", "falls", declared=True)
    mark(doc, spans.OUTCOME, "Sleep", "reported", "sleep")
    mark(doc, spans.OUTCOME, "Antipsychotic prescription rates", "no_difference", "antipsychotic prescription rates")
    mark(doc, spans.OUTCOME, "Prescription of antipsychotics", "decreased", "prescription of antipsychotics")
    mark(doc, spans.OUTCOME, "Agitation", "increased", "agitation")
    ((record,), _) = assemble(doc)
    # one measure named twice: the last directed mention; sleep, only named, is incidental; falls is declared
    assert [(o.name, o.direction) for o in record.outcomes] == [
        ("falls", "reported"),
        ("prescription of antipsychotics", "decreased"),
        ("agitation", "increased"),
    ]


def test_records_merge_outcomes_kept_without_directed_results() -> None:
    doc = trial("We randomized 50 adults. Pain and disability will be measured.")
    mark(doc, spans.OUTCOME, "Pain", "reported", "pain")
    mark(doc, spans.OUTCOME, "disability", "reported", "disability")
    ((record,), _) = assemble(doc)
    assert [o.name for o in record.outcomes] == ["pain", "disability"]


def test_records_merge_conditions_qualified_differently() -> None:
    doc = trial(
        "We randomized 102 patients with advanced prostate cancer. Pomegranate slowed early prostate cancer. "
        "Some had bipolar depression or treatment-resistant depression."
    )
    mark(doc, spans.CONDITION, "advanced prostate cancer", "condition", "advanced prostate cancer")
    mark(doc, spans.CONDITION, "early prostate cancer", "condition", "early prostate cancer")
    mark(doc, spans.CONDITION, "bipolar depression", "condition", "bipolar depression")
    mark(doc, spans.CONDITION, "treatment-resistant depression", "condition", "treatment-resistant depression")
    ((record,), _) = assemble(doc)
    assert [c.value for c in record.conditions] == [
        "advanced prostate cancer",
        "bipolar depression",
        "treatment-resistant depression",
    ]


def test_records_merge_outcomes_declared_make_named_ones_incidental() -> None:
    doc = trial("We randomized 50 adults. The primary outcome will be pain. Compliance will be recorded.")
    mark(doc, spans.OUTCOME, "pain", "reported", "pain", declared=True)
    mark(doc, spans.OUTCOME, "Compliance", "reported", "compliance")
    ((record,), _) = assemble(doc)
    assert [o.name for o in record.outcomes] == ["pain"]


def test_records_merge_outcomes_in_an_unheaded_lead_are_background() -> None:
    doc = make(
        "Tamoxifen and breast cancer\n\nLower doses reduced healthcare costs. "
        "We randomized 38 patients to tamoxifen. Tamoxifen reduced Ki-67."
    )
    mark(doc, spans.STUDY, "We randomized", "self")
    mark(doc, spans.DESIGN, "randomized", "randomized_controlled_trial")
    mark(doc, spans.SAMPLE_SIZE, "38 patients", "patients", 38)
    mark(doc, spans.OUTCOME, "healthcare costs", "decreased", "healthcare costs")
    mark(doc, spans.OUTCOME, "Ki-67", "decreased", "Ki-67")
    ((record,), _) = assemble(doc)
    assert [o.name for o in record.outcomes] == ["Ki-67"]


def test_records_merge_control_group_beside_a_placebo() -> None:
    doc = trial("We randomized 192 patients; the control group had saline as placebo.")
    mark(doc, spans.COMPARATOR, "control group", "comparator", "control group")
    mark(doc, spans.COMPARATOR, "placebo", "comparator", "placebo")
    ((record,), _) = assemble(doc)
    assert [c.name for c in record.comparators] == ["placebo"]


def test_records_merge_control_group_beside_usual_care() -> None:
    doc = trial("We randomized 37 clusters; the control group received usual care.")
    mark(doc, spans.COMPARATOR, "control group", "comparator", "control group")
    mark(doc, spans.COMPARATOR, "usual care", "comparator", "usual care")
    ((record,), _) = assemble(doc)
    assert [c.name for c in record.comparators] == ["usual care"]  # what the control arm got names it


def test_records_merge_control_group_alone_stays() -> None:
    doc = trial("We randomized 37 clusters to the intervention or the control group.")
    mark(doc, spans.COMPARATOR, "control group", "comparator", "control group")
    ((record,), _) = assemble(doc)
    assert [c.name for c in record.comparators] == ["control group"]


def test_records_merge_two_doses_side_by_side_are_two_arms() -> None:
    doc = trial("We randomized 389 patients to ramipril 5 mg/day, ramipril 1.25 mg/day or placebo. Ramipril was safe.")
    mark(doc, spans.INTERVENTION, "ramipril", "drug", "ramipril", dose=dose(5, "mg/day"), route="oral")
    mark(doc, spans.INTERVENTION, "ramipril", "drug", "ramipril", nth=1, dose=dose(1.25, "mg/day"))
    mark(doc, spans.INTERVENTION, "Ramipril", "drug", "ramipril")
    ((record,), _) = assemble(doc)
    assert sorted((i.dose.value if i.dose else None, i.route) for i in record.interventions) == [
        (1.25, "oral"),
        (5, "oral"),
    ]


def test_records_merge_listed_arm_doses_are_arms() -> None:
    doc = trial("We randomized 702 patients to IPE (4 g/day or 2 g/day) or placebo.")
    mark(doc, spans.INTERVENTION, "IPE", "drug", "ipe", dose=dose(4, "g/day"), arm_doses=[dose(2, "g/day")])
    ((record,), _) = assemble(doc)
    assert sorted(i.dose.value for i in record.interventions if i.dose) == [2, 4]


def test_records_merge_tapered_dose_far_apart_is_one_arm() -> None:
    doc = trial(
        "We randomized 92 patients who had received budesonide (9 mg/day initially, tapered over eight weeks in an "
        "open-label phase) to budesonide 4.5 mg/day or placebo."
    )
    mark(doc, spans.INTERVENTION, "budesonide", "drug", "budesonide", dose=dose(9, "mg/day"))
    mark(doc, spans.INTERVENTION, "budesonide", "drug", "budesonide", nth=1, dose=dose(4.5, "mg/day"))
    ((record,), _) = assemble(doc)
    assert len(record.interventions) == 1


def test_records_merge_comparator_restating_an_intervention() -> None:
    doc = trial("We randomized 60 women to laser therapy, low-level laser therapy or laser therapy alone.")
    mark(doc, spans.INTERVENTION, "laser therapy", "therapy", "laser therapy")
    mark(doc, spans.COMPARATOR, "low-level laser therapy", "therapy", "low-level laser therapy")
    mark(doc, spans.COMPARATOR, "laser therapy alone", "therapy", "laser therapy alone")
    ((record,), _) = assemble(doc)
    assert [c.name for c in record.comparators] == ["laser therapy alone"]


def test_records_merge_nested_intervention_names() -> None:
    doc = trial("We randomized 80 adults to conversational hypnosis or usual care. Hypnosis lowered anxiety.")
    mark(doc, spans.INTERVENTION, "conversational hypnosis", "therapy", "conversational hypnosis")
    mark(doc, spans.INTERVENTION, "Hypnosis", "therapy", "hypnosis")
    ((record,), _) = assemble(doc)
    assert [i.name for i in record.interventions] == ["hypnosis"]


def test_records_merge_combination_beside_its_parts() -> None:
    doc = trial("We randomized 120 adults to fimasartan/rosuvastatin; fimasartan and rosuvastatin were well tolerated.")
    mark(doc, spans.INTERVENTION, "fimasartan/rosuvastatin", "drug", "fimasartan/rosuvastatin")
    mark(doc, spans.INTERVENTION, "fimasartan", "drug", "fimasartan", nth=1)
    mark(doc, spans.INTERVENTION, "rosuvastatin", "drug", "rosuvastatin", nth=1)
    ((record,), _) = assemble(doc)
    assert sorted(i.name for i in record.interventions) == ["fimasartan", "rosuvastatin"]
