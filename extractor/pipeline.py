"""The spaCy pipeline: a blank English pipeline with scispaCy's tokenizer, scispaCy's sentence-splitting rules
(pySBD, in linear time: ``components/sentences.py``) and abbreviation detector, then studysift's own components,
each registered with ``@Language.factory``."""

from __future__ import annotations

import warnings
from functools import lru_cache

import spacy
from scispacy.abbreviation import AbbreviationDetector  # noqa: F401  (registers "abbreviation_detector")
from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.language import Language

from extractor.components import COMPONENTS

# scispaCy's tokenizer regex and its empty global abbreviation matcher warn on every start; neither matters here.
warnings.filterwarnings("ignore", message="Possible set union", category=FutureWarning)
warnings.filterwarnings("ignore", message=r".*\[W036\]")

PIPELINE_VERSION = "0.1.0"


def build() -> Language:
    """A new pipeline; use ``load()`` for the shared, cached one."""
    nlp = spacy.blank("en")
    nlp.tokenizer = combined_rule_tokenizer(nlp)
    nlp.add_pipe("studysift_sentences")
    nlp.add_pipe("abbreviation_detector")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=1)
def load() -> Language:
    """The studysift pipeline, built once per process."""
    return build()
