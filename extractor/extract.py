"""raw input → clean → spaCy Doc → span groups → study records: the one entry point of extraction."""

from __future__ import annotations

import hashlib

from spacy.language import Language

from extractor.cleaning import clean
from extractor.models import Article, ArticleResult
from extractor.pipeline import PIPELINE_VERSION, load
from extractor.records import assemble


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
    doc = (nlp or load())(cleaned.text)
    records, coi = assemble(doc)
    return ArticleResult(
        article=Article(id=article_id or digest[:16], sha256=digest, source=source, title=cleaned.title),
        text=doc.text,
        cleaning=cleaned.cleaning,
        conflicts_of_interest=coi,
        records=records,
        pipeline_version=PIPELINE_VERSION,
    )
