"""Record assembly from hand-made span groups: contexts, anaphora, field rules, de-duplication, COI."""

from __future__ import annotations

from spacy.tokens import Doc

from extractor import spans
from extractor.records import assemble
from tests.extractor.pipes import make, mark


def test_records_assembly_single_study_abstract() -> None:
    doc = make(
        "We randomized 40 adults with migraine to ketamine or placebo. Ketamine 0.5 mg/kg was given intravenously. "
        "Pain decreased with ketamine. The authors declare no competing interests."
    )
    mark(doc, spans.STUDY, "We randomized", "self")
    mark(doc, spans.DESIGN, "randomized", "randomized_controlled_trial")
    mark(doc, spans.RANDOMIZED, "randomized", "randomized", True)
    mark(doc, spans.SAMPLE_SIZE, "40 adults", "participants", 40, kind="enrolled")
    mark(doc, spans.SPECIES, "adults", "human", "human")
    mark(doc, spans.CONDITION, "migraine", "condition", "migraine")
    mark(doc, spans.INTERVENTION, "ketamine", "drug", "ketamine")
    dose = {"value": 0.5, "unit": "mg/kg", "max": None, "text": "0.5 mg/kg"}
    mark(doc, spans.INTERVENTION, "Ketamine", "drug", "ketamine", dose=dose, route="intravenous")
    mark(doc, spans.INTERVENTION, "ketamine", "drug", "ketamine", nth=1)
    mark(doc, spans.COMPARATOR, "placebo", "placebo", "placebo")
    mark(doc, spans.OUTCOME, "Pain", "decreased", "pain")
    mark(doc, spans.COI, "The authors declare no competing interests.", "none_declared", [])

    records, coi = assemble(doc)

    assert coi.status == "none_declared"
    (record,) = records
    assert record.id == "r1"
    assert record.design is not None and record.design.value == "randomized_controlled_trial"
    assert record.randomized is True and record.species == "human"
    assert record.sample_size is not None and (record.sample_size.value, record.sample_size.kind) == (40, "enrolled")
    (intervention,) = record.interventions  # three mentions of one drug: the informative one kept
    assert intervention.route == "intravenous" and intervention.dose is not None and intervention.dose.value == 0.5
    assert [o.direction for o in record.outcomes] == ["decreased"]
    assert record.conflicts_of_interest is not None and record.conflicts_of_interest.status == "none_declared"
    for ev in [record.design.evidence, record.sample_size.evidence, intervention.evidence]:
        assert ev is not None and doc.text[ev.start : ev.end] == ev.text


def review_doc() -> Doc:
    doc = make(
        "Ketamine is widely used.\n\n"
        "Two small crossover trials investigated IV ketamine. Both trials observed less pain. "
        "A third larger trial with a parallel-group design and 185 individuals used subcutaneous ketamine. "
        "In this trial, adverse effects doubled.\n\n"
        "Blinding was absent in trials.\n\n"
        "There is a case report of remission of anorexia nervosa at six months follow-up."
    )
    mark(doc, spans.STUDY, "Two small crossover trials", "design", "crossover_trial", plural=True)
    mark(doc, spans.STUDY, "Both trials", "anaphora_plural")
    mark(doc, spans.STUDY, "A third larger trial", "design", None, plural=False)
    mark(doc, spans.STUDY, "this trial", "anaphora_singular")
    mark(doc, spans.STUDY, "a case report", "design", "case_report", plural=False)
    mark(doc, spans.DESIGN, "crossover", "crossover_trial")
    mark(doc, spans.DESIGN, "parallel-group design", "randomized_controlled_trial")
    mark(doc, spans.DESIGN, "case report", "case_report")
    mark(doc, spans.SAMPLE_SIZE, "Two small crossover trials", "trials", 2)
    mark(doc, spans.SAMPLE_SIZE, "185 individuals", "participants", 185)
    mark(doc, spans.SPECIES, "individuals", "human", "human")
    mark(doc, spans.INTERVENTION, "Ketamine", "drug", "ketamine")  # background: no record
    mark(doc, spans.INTERVENTION, "ketamine", "drug", "ketamine", nth=0, route="intravenous")
    mark(doc, spans.INTERVENTION, "ketamine", "drug", "ketamine", nth=1, route="subcutaneous")
    mark(doc, spans.OUTCOME, "pain", "decreased", "pain")
    mark(doc, spans.OUTCOME, "adverse effects", "increased", "adverse effects")
    mark(doc, spans.CONDITION, "anorexia nervosa", "condition", "anorexia nervosa")
    mark(doc, spans.FOLLOW_UP, "six months follow-up", "follow_up", "6 months")
    mark(doc, spans.BLINDING, "Blinding", "open_label")  # in a paragraph no study holds
    return doc


def test_records_assembly_review_contexts() -> None:
    records, _ = assemble(review_doc())
    assert [r.design.value for r in records if r.design] == [
        "crossover_trial",
        "randomized_controlled_trial",
        "case_report",
    ]
    crossover, parallel, case = records
    assert crossover.sample_size is not None and (crossover.sample_size.value, crossover.sample_size.unit) == (
        2,
        "trials",
    )
    assert [i.route for i in crossover.interventions] == ["intravenous"]
    assert [o.name for o in crossover.outcomes] == ["pain"]
    assert [o.name for o in parallel.outcomes] == ["adverse effects"]  # "In this trial" → the third trial
    assert parallel.sample_size is not None and parallel.sample_size.value == 185 and parallel.species == "human"
    assert parallel.blinding is None
    assert [c.value for c in case.conditions] == ["anorexia nervosa"] and case.follow_up == "6 months"
    assert all(r.conflicts_of_interest is None for r in records)  # several studies: COI is the article's


def test_records_assembly_case_report_is_one_human() -> None:
    records, _ = assemble(review_doc())
    case = records[-1]
    assert case.sample_size is not None and (case.sample_size.value, case.sample_size.unit) == (1, "patients")
    assert case.species == "human"
    assert case.sample_size.evidence is not None and case.sample_size.evidence.text == "a case report"


def test_records_assembly_plural_case_mentions_are_not_one_patient() -> None:
    doc = make("Ketamine helps.\n\nTwo case reports described remission. Three trials found less pain.")
    mark(doc, spans.STUDY, "Two case reports", "design", "case_report", plural=True)
    mark(doc, spans.STUDY, "Three trials", "design", None, plural=True)
    mark(doc, spans.DESIGN, "case reports", "case_report")
    records, _ = assemble(doc)
    assert [r.design.value for r in records if r.design] == ["case_report"]  # "Three trials": no design stated
    assert records[0].sample_size is None


def test_records_assembly_animal_study_from_species() -> None:
    doc = make("Ketamine is used.\n\nZhang and colleagues tested rats. Rats moved less. A second trial in patients.")
    mark(doc, spans.STUDY, "Zhang and colleagues", "author")
    mark(doc, spans.STUDY, "A second trial", "design")
    mark(doc, spans.SPECIES, "rats", "rat", "rat")
    mark(doc, spans.SPECIES, "Rats", "rat", "rat")
    mark(doc, spans.SPECIES, "patients", "human", "human")
    records, _ = assemble(doc)
    (animal,) = records  # the second trial states no design: no record
    assert animal.design is not None and animal.design.value == "animal_study" and animal.species == "rat"
    assert animal.label.startswith("Zhang and colleagues")


def test_records_assembly_coi_status() -> None:
    doc = make("X has received fees from Pfizer. The other authors declare no conflict of interest.")
    mark(doc, spans.COI, "X has received fees from Pfizer.", "declared", ["X", "Pfizer"])
    mark(doc, spans.COI, "The other authors declare no conflict of interest.", "none_declared", [])
    _, coi = assemble(doc)
    assert coi.status == "declared" and coi.names == ["X", "Pfizer"] and len(coi.statements) == 2
    _, nothing = assemble(make("No statement here."))
    assert nothing.status == "not_reported" and nothing.statements == []


def test_records_assembly_no_evidence_no_record() -> None:
    records, _ = assemble(make("Ketamine is an anaesthetic. It is cheap."))
    assert records == []


def test_records_assembly_own_study_without_a_design_is_a_record() -> None:
    text = "METHODS: Twelve adults with stroke completed two blocks of step training. RESULTS: Speed improved."
    doc = make(text)
    mark(doc, spans.STUDY, "METHODS:", "self")
    mark(doc, spans.SAMPLE_SIZE, "Twelve adults", "participants", 12, kind="analysed")
    (record,) = assemble(doc)[0]  # the article reports it as its own study: a record, its design not guessed
    assert record.design is None and record.sample_size is not None and record.sample_size.value == 12
    other = make(text)  # the same facts in a text that reports no study of its own: no record
    mark(other, spans.SAMPLE_SIZE, "Twelve adults", "participants", 12, kind="analysed")
    assert assemble(other)[0] == []


def test_records_assembly_lettered_studies_are_one_record_each() -> None:
    doc = make(
        "Two randomised crossover studies were performed. Study A was conducted in 33 adults. "
        "Study B was conducted in 75 adults. In study A, FEV1 rose."
    )
    mark(doc, spans.STUDY, "Two randomised crossover studies", "design", "crossover_trial", plural=True)
    mark(doc, spans.STUDY, "Study A", "numbered", number="A")
    mark(doc, spans.STUDY, "Study B", "numbered", number="B")
    mark(doc, spans.STUDY, "study A", "numbered", number="A")
    mark(doc, spans.DESIGN, "crossover", "crossover_trial")
    mark(doc, spans.SAMPLE_SIZE, "33 adults", "participants", 33)
    mark(doc, spans.SAMPLE_SIZE, "75 adults", "participants", 75)
    records, _ = assemble(doc)
    assert [r.sample_size.value if r.sample_size else None for r in records] == [33, 75]
    assert all(r.design is not None and r.design.value == "crossover_trial" for r in records)


def test_records_assembly_parts_share_a_stated_route() -> None:
    # the route stated in one part is the treatment's in the part that states none
    doc = make(
        "A randomised trial in two parts. In part A, oral finerenone was given to 65 adults. "
        "In part B, finerenone was compared with placebo in 392 adults."
    )
    mark(doc, spans.STUDY, "A randomised trial", "design", "randomized_controlled_trial")
    mark(doc, spans.STUDY, "part A", "numbered", number="A")
    mark(doc, spans.STUDY, "part B", "numbered", number="B")
    mark(doc, spans.DESIGN, "randomised", "randomized_controlled_trial")
    mark(doc, spans.INTERVENTION, "finerenone", "drug", "finerenone", route="oral")
    mark(doc, spans.INTERVENTION, "finerenone", "drug", "finerenone", nth=1)
    records, _ = assemble(doc)
    assert [[i.route for i in r.interventions] for r in records] == [["oral"], ["oral"]]


def test_records_assembly_title_names_the_study() -> None:
    doc = make(
        "Lithium for depression: a randomized controlled trial\n\n"
        "Background. Lithium reduces suicide. Methods. In a double-blind, placebo-controlled study, 56 adults "
        "with chronic depression received lithium. Depression improved."
    )
    mark(doc, spans.STUDY, "a randomized controlled trial", "design", "randomized_controlled_trial")
    mark(doc, spans.STUDY, "a double-blind, placebo-controlled study", "design", "non_randomized_trial")
    mark(doc, spans.DESIGN, "randomized controlled trial", "randomized_controlled_trial")
    mark(doc, spans.DESIGN, "placebo-controlled", "non_randomized_trial")
    mark(doc, spans.SAMPLE_SIZE, "56 adults", "participants", 56)
    mark(doc, spans.CONDITION, "depression", "condition", "depression")
    mark(doc, spans.CONDITION, "chronic depression", "condition", "chronic depression")
    records, _ = assemble(doc)
    (record,) = records  # the methods' mention is the title's study, not a second one
    assert record.design is not None and record.design.value == "randomized_controlled_trial"
    assert record.sample_size is not None and record.sample_size.value == 56
    assert [c.value for c in record.conditions] == ["chronic depression"]


def test_records_assembly_controlled_and_randomized_is_an_rct() -> None:
    doc = make("Ketamine helps.\n\nA placebo-controlled study was done. Patients were randomized. Another one too.")
    mention = mark(doc, spans.STUDY, "A placebo-controlled study", "design", "non_randomized_trial")
    mark(doc, spans.DESIGN, "placebo-controlled", "non_randomized_trial")
    doc.spans[spans.DESIGN][0]._.confidence = 0.4  # "placebo-controlled" alone: a weak design phrase
    mark(doc, spans.RANDOMIZED, "randomized", "randomized", True)
    records, _ = assemble(doc)
    (record,) = records
    assert record.evidence is not None and record.evidence.text == mention.text
    assert record.design is not None and record.design.value == "randomized_controlled_trial"
    assert record.randomized is True


def test_records_assembly_design_of_a_full_text_body_is_weaker() -> None:
    background = "Background text. " * 200  # past the abstract: the body of a full text
    doc = make(
        f"Ketamine helps.\n\nWe randomized 40 adults. {background}It was tested in a crossover trial of 13 adults."
    )
    mark(doc, spans.STUDY, "We randomized", "self", None)
    mark(doc, spans.STUDY, "a crossover trial of 13 adults", "design", "crossover_trial")
    mark(doc, spans.DESIGN, "We randomized", "randomized_controlled_trial")
    mark(doc, spans.DESIGN, "crossover", "crossover_trial")
    doc.spans[spans.DESIGN][0]._.confidence = 0.7
    doc.spans[spans.DESIGN][1]._.confidence = 0.9
    records, _ = assemble(doc)
    assert [r.design.value for r in records if r.design] == ["randomized_controlled_trial"]


def test_records_assembly_blinding_is_the_most_blinded_statement() -> None:
    doc = make("Budesonide helps.\n\nA randomized trial: an open-label run-in, then a double-blind phase.")
    mark(doc, spans.DESIGN, "randomized trial", "randomized_controlled_trial")
    mark(doc, spans.BLINDING, "open-label", "open_label")
    mark(doc, spans.BLINDING, "double-blind", "double_blind")
    (record,) = assemble(doc)[0]
    assert record.blinding == "double_blind"


def test_records_assembly_a_count_of_studies_does_not_size_one_trial() -> None:
    doc = make("Milk for diarrhoea.\n\nA randomized trial in children, running two studies simultaneously.")
    mark(doc, spans.STUDY, "A randomized trial", "design", "randomized_controlled_trial")
    mark(doc, spans.DESIGN, "randomized trial", "randomized_controlled_trial")
    mark(doc, spans.SAMPLE_SIZE, "two studies", "studies", 2)
    (record,) = assemble(doc)[0]
    assert record.sample_size is None


def test_records_assembly_keeps_the_seven_most_confident_outcomes() -> None:
    names = ["pain", "sleep", "anxiety", "fatigue", "mood", "weight", "appetite", "nausea", "cough"]
    doc = make("A randomized trial. " + ", ".join(f"{n} fell" for n in names) + ".")
    mark(doc, spans.DESIGN, "randomized", "randomized_controlled_trial")
    for rank, name in enumerate(names):
        found = mark(doc, spans.OUTCOME, name, "decreased", name)
        found._.confidence = 0.9 - rank * 0.05 if name != "cough" else 0.95
    (record,) = assemble(doc)[0]
    assert [o.name for o in record.outcomes] == ["pain", "sleep", "anxiety", "fatigue", "mood", "weight", "cough"]
