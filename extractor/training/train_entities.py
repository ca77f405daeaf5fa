"""Train the small entity recogniser (TREATMENT, OUTCOME) that backs the intervention and outcome rules.

Weak labels: the intervention / comparator / outcome prompts of the Evidence Inference corpus
(``../shared/corpora/evidence-inference/prompts_merged.csv``) matched back into their abstracts, every occurrence,
case-insensitively. Training uses the corpus's ``train`` split minus the documents of ``corpora/gold/dev`` (so the
dev scores stay honest); the ``validation`` split is held out and scored at the end (precision / recall / F1 against
the weak labels). The corpus is read from ../shared and never copied; the weights go to
``extractor/data/models/entities`` (a spaCy pipeline directory, ~2 MB).

    python -m extractor.training.train_entities [--epochs 12] [--shared ../shared] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import time
from collections import defaultdict
from pathlib import Path

import spacy
from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import filter_spans, minibatch

from extractor.lexicons import DATA_DIR

REPO = Path(__file__).resolve().parents[2]
LABELS = ("TREATMENT", "OUTCOME")
SEED = 13
TOK2VEC = {
    "model": {
        "@architectures": "spacy.HashEmbedCNN.v2",
        "width": 64,
        "depth": 2,
        "embed_size": 2000,
        "window_size": 1,
        "maxout_pieces": 2,
        "subword_features": True,
        "pretrained_vectors": None,
    }
}
NER = {
    "model": {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": 64,
        "maxout_pieces": 2,
        "use_upper": True,
        "nO": None,
        "tok2vec": {
            "@architectures": "spacy.Tok2VecListener.v1",
            "width": 64,
            "upstream": "tok2vec",
        },
    }
}
# Prompt wording that is not part of the name as the abstract writes it: "Patients who received a question prompt
# sheet" → "question prompt sheet"; "standard group" → "standard".
_LEADING = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:(?:patients|participants|subjects|women|men|children|those|people|infants|mothers)\s+"
    r"(?:who\s+)?(?:received|receiving|given|treated\s+with|taking|with|in|on|using|allocated\s+to)\s+)?(?:(?:the|a|an)\s+)?",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"\s+(?:group|groups|arm|arms|treatment\s+group)$", re.IGNORECASE)


def blank() -> Language:
    nlp = spacy.blank("en")
    nlp.tokenizer = combined_rule_tokenizer(nlp)
    return nlp


def clean_prompt(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip().strip(".")
    text = _LEADING.sub("", text)
    return _TRAILING.sub("", text).strip()


def load_prompts(corpus: Path) -> dict[str, dict[str, set[str]]]:
    """PMCID → label → prompt strings."""
    prompts: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    with (corpus / "prompts_merged.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            pmcid = f"PMC{row['PMCID']}"
            for column, label in (("Intervention", "TREATMENT"), ("Comparator", "TREATMENT"), ("Outcome", "OUTCOME")):
                text = clean_prompt(row[column] or "")
                if 2 < len(text) < 80:
                    prompts[pmcid][label].add(text)
    return prompts


def labelled_doc(nlp: Language, text: str, strings: dict[str, set[str]]) -> Doc:
    """The abstract with every occurrence of every prompt string as an entity (longest first, no overlaps)."""
    doc = nlp.make_doc(text)
    lower = text.lower()
    found = []
    for label, values in strings.items():
        for value in values:
            for m in re.finditer(rf"(?<!\w){re.escape(value.lower())}(?!\w)", lower):
                span = doc.char_span(m.start(), m.end(), label=label, alignment_mode="contract")
                if span is not None and len(span):
                    found.append(span)
    doc.ents = filter_spans(found)
    return doc


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])|\n+")


def sentences(doc: Doc, negatives: float, rng: random.Random) -> list[Doc]:
    """The sentences that hold a labelled entity, and a share of the others: unlabelled mentions of the same
    treatments and outcomes are everywhere in an abstract, so whole abstracts teach the model to find nothing."""
    out = []
    start = 0
    for m in [*_SENTENCE_END.finditer(doc.text), None]:
        end = m.start() if m else len(doc.text)
        span = doc.char_span(start, end, alignment_mode="contract")
        start = m.end() if m else end
        if span is None or len(span) < 3:
            continue
        if span.ents or rng.random() < negatives:
            out.append(span.as_doc())
    return out


def load_split(corpus: Path, nlp: Language, split: str, exclude: set[str]) -> list[Doc]:
    prompts = load_prompts(corpus)
    docs = []
    with (corpus / "splits.tsv").open(encoding="utf-8") as f:
        for line in f:
            pmcid, which = line.split()
            path = corpus / "abstracts" / f"{pmcid}.txt"
            if which != split or pmcid in exclude or pmcid not in prompts or not path.exists():
                continue
            docs.append(labelled_doc(nlp, path.read_text(encoding="utf-8"), prompts[pmcid]))
    return docs


def dev_gold_ids() -> set[str]:
    """The Evidence Inference documents annotated in corpora/gold/dev (kept out of training)."""
    dev = REPO / "corpora" / "gold" / "dev"
    return {p.name.split(".")[0] for p in dev.glob("*.gold.json")} if dev.exists() else set()


def build_model() -> Language:
    nlp = blank()
    nlp.add_pipe("tok2vec", config=TOK2VEC)
    ner = nlp.add_pipe("ner", config=NER)
    for label in LABELS:
        ner.add_label(label)  # type: ignore[attr-defined]
    return nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=DATA_DIR / "models" / "entities")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--negatives", type=float, default=0.1, help="share of sentences without a label to keep")
    args = parser.parse_args()
    corpus = args.shared / "corpora" / "evidence-inference"
    random.seed(SEED)
    spacy.util.fix_random_seed(SEED)

    nlp = build_model()
    exclude = dev_gold_ids()
    rng = random.Random(SEED)
    train_docs = [s for d in load_split(corpus, blank(), "train", exclude) for s in sentences(d, args.negatives, rng)]
    train = [Example(nlp.make_doc(d.text), d) for d in train_docs]
    valid = [Example(nlp.make_doc(d.text), d) for d in load_split(corpus, blank(), "validation", set())]
    print(f"train {len(train)} sentences (dev-gold ids left out: {len(exclude)}), validation {len(valid)} abstracts")
    optimizer = nlp.initialize(lambda: train)
    start = time.perf_counter()
    best = -1.0
    for epoch in range(args.epochs):
        random.shuffle(train)
        losses: dict[str, float] = {}
        for batch in minibatch(train, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.1, losses=losses)
        scores = nlp.evaluate(valid)
        print(
            f"epoch {epoch + 1}: loss {losses.get('ner', 0):.1f}  validation P {scores['ents_p']:.3f} "
            f"R {scores['ents_r']:.3f} F1 {scores['ents_f']:.3f}  ({time.perf_counter() - start:.0f} s)",
            flush=True,
        )
        if scores["ents_f"] > best:  # keep the best epoch on validation
            best = scores["ents_f"]
            args.out.mkdir(parents=True, exist_ok=True)
            nlp.to_disk(args.out)
            for label, s in sorted((scores.get("ents_per_type") or {}).items()):
                print(f"  validation {label}: P {s['p']:.3f} R {s['r']:.3f} F1 {s['f']:.3f}", flush=True)
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"saved the best epoch (validation F1 {best:.3f}) to {args.out} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
