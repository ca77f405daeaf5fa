"""The extraction does not depend on Python's string hash seed: the batch engines run it in many processes, each
with its own seed, and the same article must give the same result in all of them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

# a long form the text restates without its head word ("radiation therapy" / "radiation"), and the short form it
# defines: set order once decided which occurrence became the mention
TEXT = (
    "Continuous hyperfractionated accelerated radiation therapy in non-small-cell lung cancer: a randomised trial.\n\n"
    "The use of small individual doses reduces late morbidity. Continuous hyperfractionated accelerated radiation "
    "therapy (CHART), which reduces overall treatment from 6-7 weeks to 12 days, has now been tested. "
    "563 patients were randomised to CHART or conventional radiotherapy. CHART improved survival (p=0.004)."
)
SCRIPT = "import sys; from extractor import extract; print(extract(sys.stdin.read()).model_dump_json())"


def _extract_with_seed(seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], input=TEXT, env=env, capture_output=True, text=True, check=True, timeout=300
    )
    return done.stdout


def test_pipeline_hash_seed_gives_the_same_result() -> None:
    first = _extract_with_seed(11)
    records = json.loads(first)["records"]
    assert [i["name"] for i in records[0]["interventions"]]  # the article was read: the test compares something
    assert _extract_with_seed(12) == first
