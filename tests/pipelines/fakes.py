"""A cheap stand-in for ``extractor.extract`` (same signature and contract, SPEC-shaped output), for tests whose
subject is I/O. It imports nothing of the extractor (whose spaCy start-up would dominate those tests).

It raises ``InputError`` where the real extractor's contract says so (empty, undecodable, no article body), and
misbehaves on demand: ``SLEEP`` sleeps (time limit), ``HANG`` blocks SIGALRM and sleeps (a hang that only a kill
ends), ``CRASH`` kills its process, ``BOOM`` raises an unexpected exception; ``FAKE_EXTRACT_DELAY_S`` slows it down.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import time
from types import SimpleNamespace


class InputError(ValueError):
    """Stands for ``extractor.InputError`` (same name in the error rows)."""


class FakeResult(SimpleNamespace):
    def model_dump_json(self) -> str:
        article = {"id": self.article.id, "sha256": self.article.sha256, "source": self.article.source}
        spin = {"score": 0.0, "is_spun": self.cleaning.spin.is_spun, "repairs": []}
        body = {
            "article": {**article, "title": None, "language": "en"},
            "text": self.text,
            "cleaning": {"removed": [], "spin": spin, "citations": []},
            "conflicts_of_interest": {"status": "not_reported", "statements": [], "names": []},
            "records": [],
            "warnings": [],
        }
        return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def extract(
    raw: str | bytes,
    *,
    html: bool | None = None,
    source: str | None = None,
    article_id: str | None = None,
    nlp: object = None,
) -> FakeResult:
    data = raw if isinstance(raw, bytes) else raw.encode("utf-8")
    if not data.strip():
        raise InputError("empty input")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"undecodable input: {e}") from None
    time.sleep(float(os.environ.get("FAKE_EXTRACT_DELAY_S", "0")))
    if "<nav>" in text and "<p>" not in text:
        raise InputError("no article body")
    if "SLEEP" in text:
        time.sleep(60)
    if "HANG" in text:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    if "CRASH" in text:
        os._exit(3)
    if "BOOM" in text:
        raise RuntimeError("boom")
    digest = hashlib.sha256(data).hexdigest()
    article = SimpleNamespace(id=article_id or digest[:16], sha256=digest, source=source)
    cleaning = SimpleNamespace(spin=SimpleNamespace(is_spun="SPUN" in text))
    return FakeResult(article=article, text=text, cleaning=cleaning, records=[])
