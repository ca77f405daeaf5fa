"""The small trained entity recogniser (TREATMENT, OUTCOME) that backs the intervention and outcome rules.

Trained by ``python -m extractor.training.train_entities`` on weak labels from the Evidence Inference prompts and
shipped under ``extractor/data/models/entities`` (a spaCy pipeline: tok2vec + ner, ~2 MB). It runs on a copy of the
tokens (so it never touches ``doc.ents`` or the host pipeline's vocab), once per doc: the predictions are cached in
``doc.user_data`` for the components that read them. Without the model directory the components run on rules alone.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractor.lexicons import data_path

CACHE_KEY = "studysift_entity_model"
DEFAULT_MODEL = "models/entities"


class EntityModel:
    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def predict(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(label, start token, end token) of every entity the model finds in ``doc``."""
        cached = doc.user_data.get(CACHE_KEY)
        if cached is not None:
            return list(cached)
        copy = Doc(self.nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        for _, proc in self.nlp.pipeline:
            copy = proc(copy)
        found = [(ent.label_, ent.start, ent.end) for ent in copy.ents]
        doc.user_data[CACHE_KEY] = found
        return found


@lru_cache(maxsize=4)
def load_entity_model(name: str = DEFAULT_MODEL) -> EntityModel | None:
    """The model at ``name`` (relative to ``extractor/data`` unless absolute), or ``None`` when it is not there."""
    if not name:
        return None
    path = Path(name) if Path(name).is_absolute() else data_path(name)
    if not (path / "config.cfg").exists():
        return None
    return EntityModel(spacy.load(path))
