"""raw input → clean → spaCy Doc → span groups → study records: the one entry point of extraction."""

from __future__ import annotations

import hashlib

from spacy.language import Language

from extractor.cleaning import clean
from extractor.errors import InputTooLarge
from extractor.models import Article, ArticleResult, ConflictsOfInterest, StudyRecord
from extractor.pipeline import PIPELINE_VERSION, load
from extractor.records import assemble
from studysift.settings import get_settings


def extract(
    raw: str | bytes,
    *,
    html: bool | None = None,
    source: str | None = None,
    article_id: str | None = None,
    nlp: Language | None = None,
) -> ArticleResult:
    raw_bytes = raw if isinstance(raw, bytes) else raw.encode("utf-8", "surrogatepass")
    digest = hashlib.sha256(raw_bytes).hexdigest()
    cleaned = clean(raw, html=html)
    limit = get_settings().max_text_chars
    if len(cleaned.text) > limit:
        raise InputTooLarge(f"cleaned text of {len(cleaned.text)} characters is beyond the limit of {limit}")
    doc = (nlp or load())(cleaned.text)
    records, coi = assemble(doc)
    return ArticleResult(
        article=Article(id=article_id or digest[:16], sha256=digest, source=source, title=cleaned.title),
        text=cleaned.text,  # the Doc's text: the tokenizer keeps every character
        cleaning=cleaned.cleaning,
        conflicts_of_interest=coi,
        records=records,
        warnings=warnings_for(records, coi),
        pipeline_version=PIPELINE_VERSION,
    )


def warnings_for(records: list[StudyRecord], coi: ConflictsOfInterest) -> list[str]:
    """What a reader should know about the records before trusting them."""
    found = []
    if not records:
        found.append("no study records: the text states no study design")
    for record in records:
        if record.sample_size is None:
            found.append(f"{record.id}: no sample size stated")
    if len(records) > 1 and coi.status != "not_reported":
        found.append("several studies: the article's conflicts of interest are not attributed to any one record")
    return found
