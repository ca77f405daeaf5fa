"""The outcome-name tagger: reading names off tags, constrained decoding, learning from weak labels, saving."""

from __future__ import annotations

from pathlib import Path

import numpy

from extractor.components.tagger import (
    BEGIN,
    BUCKETS,
    INSIDE,
    OUTSIDE,
    Tagger,
    _hash,
    constrained,
    features,
    load_tagger,
    spans_of,
    viterbi,
)
from extractor.training.train_tagger import labelled, train


def test_tagger_spans_of_reads_names_from_tags() -> None:
    tags = [OUTSIDE, BEGIN, INSIDE, OUTSIDE, INSIDE, INSIDE, BEGIN]
    assert spans_of(tags) == [(1, 3), (4, 6), (6, 7)]
    assert spans_of([OUTSIDE, OUTSIDE]) == []


def test_tagger_viterbi_never_starts_a_name_inside() -> None:
    emissions = numpy.array([[0.0, 0.0, 5.0], [0.0, 0.0, 5.0], [5.0, 0.0, 0.0]])
    tags = viterbi(emissions, constrained(numpy.zeros((4, 3))))
    assert tags[0] != INSIDE
    assert tags == [BEGIN, INSIDE, OUTSIDE]  # the best legal reading keeps the strong I of the second token


def test_tagger_features_are_stable_hashed_rows() -> None:
    rows = features(["Serum", "ferritin", "fell"])
    assert len(rows) == 3 and all(0 <= f < BUCKETS for row in rows for f in row)
    assert rows == features(["Serum", "ferritin", "fell"])
    assert features(["serum", "ferritin", "fell"])[1] != rows[1]  # the shape of the word before is a feature


def test_train_tagger_labelled_marks_prompt_runs_longest_first() -> None:
    words = ["Serum", "C-reactive", "proteins", "and", "protein", "intake", "fell"]
    tags = labelled(words, [("c-reactive", "protein"), ("protein",), ("protein", "intake")])
    assert tags == [OUTSIDE, BEGIN, INSIDE, OUTSIDE, BEGIN, INSIDE, OUTSIDE]


def test_train_tagger_learns_the_slot_of_an_unseen_name() -> None:
    names = ["ferritin", "cortisol", "albumin", "insulin", "leptin", "renin", "gastrin", "prolactin", "melatonin"]
    data = []
    for name in names:
        words = ["Mean", name, "was", "lower", "in", "the", "treated", "group", "."]
        data.append((features(words), labelled(words, [(name,)])))
    tagger = train(data, epochs=5)
    assert tagger.names(["Mean", "troponin", "was", "lower", "in", "the", "treated", "group", "."]) == [(1, 2)]
    assert tagger.names(["The", "treated", "group", "was", "small", "."]) == []


def test_tagger_save_and_load_round_trip(tmp_path: Path) -> None:
    weights = numpy.zeros((BUCKETS, 3), dtype=numpy.float32)
    weights[:, BEGIN] = -1.0
    weights[_hash("w0=troponin"), BEGIN] = 30.0  # one word that starts a name: the loaded tagger must still know it
    tagger = Tagger(weights, constrained(numpy.zeros((4, 3))))
    path = tmp_path / "tagger.npz"
    tagger.save(path)
    loaded = load_tagger(str(path))
    words = ["Mean", "troponin", "fell"]
    assert loaded is not None and loaded.names(words) == tagger.names(words) == [(1, 2)]
    assert load_tagger("") is None and load_tagger(str(tmp_path / "missing.npz")) is None
