"""Token patterns run only in windows around their anchor words, each window as long as its own pattern needs."""

from __future__ import annotations

import spacy

from extractor.components.rules import MAX_REPEAT, RuleSet


def test_rules_windows_fit_each_pattern() -> None:
    nlp = spacy.blank("en")
    short = {"label": "similar", "pattern": [{"LOWER": "was"}, {"LOWER": "similar"}]}
    open_ended = {"label": "none", "pattern": [{"LOWER": "no"}, {"OP": "*"}, {"LOWER": "difference"}]}
    rules = RuleSet(nlp, [short, open_ended])
    doc = nlp("Pain was similar . " + "filler " * 30 + "There was no real difference . " + "filler " * 20)
    was, no = [t.i for t in doc if t.lower_ == "was"], next(t.i for t in doc if t.lower_ == "no")
    # a frequent anchor of a short pattern opens a window of that pattern's length, not the open-ended one's
    assert rules._windows(doc) == [(was[0], was[0] + 2), (was[1], no + 3 + MAX_REPEAT)]
    found = sorted((m.label, m.span.text) for m in rules.matches(doc))
    assert found == [("none", "no real difference"), ("similar", "was similar")]


def test_rules_windows_follow_rules_added_later() -> None:
    nlp = spacy.blank("en")
    rules = RuleSet(nlp, [{"label": "similar", "pattern": [{"LOWER": "was"}, {"LOWER": "similar"}]}])
    doc = nlp("Pain was similar and no difference was seen .")
    assert [m.label for m in rules.matches(doc)] == ["similar"]
    rules.add([{"label": "none", "pattern": [{"LOWER": "no"}, {"LOWER": "difference"}]}])
    assert sorted(m.label for m in rules.matches(doc)) == ["none", "similar"]
