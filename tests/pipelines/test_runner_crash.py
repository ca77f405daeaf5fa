"""kill -9 of a batch at 5 random moments over a 2,000-article dump, resumed each time: the output then holds
every article exactly once (results plus error rows), every line valid JSON, results in input order, and no
worker process outlives its killed batch."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil

from tests.conftest import REPO
from tests.pipelines.dumps import FAKE, write

N = 2000


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def test_runner_crash(tmp_path: Path) -> None:
    rng = random.Random(6)
    rows = [
        {"id": f"a{i:04d}", "text": "" if i % 100 == 7 else f"article {i} " + "word " * rng.randint(5, 400)}
        for i in range(N)
    ]
    dump = write(tmp_path / "dump.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    out, err = tmp_path / "out.jsonl", tmp_path / "out.errors.jsonl"
    env = {**os.environ, "PYTHONPATH": str(REPO), "STUDYSIFT_BATCH_EXTRACT_FN": FAKE, "FAKE_EXTRACT_DELAY_S": "0.005"}
    command = [sys.executable, "-m", "studysift.cli", "batch", str(dump), "--out", str(out), "--workers", "2", "-q"]
    orphans: list[psutil.Process] = []
    kills = 0
    for attempt in range(5):
        target = _lines(out) + _lines(err) + rng.randint(20, 250)
        proc = subprocess.Popen(
            [*command, *(["--resume"] if attempt else [])], cwd=REPO, env=env, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 60
        while _lines(out) + _lines(err) < target and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 0.3))
        if proc.poll() is None:
            orphans += psutil.Process(proc.pid).children(recursive=True)
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
    final = subprocess.run([*command, "--resume"], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert final.returncode == 0, final.stderr

    assert kills == 5  # the batch really was killed mid-way (the dump takes several seconds)
    ok = [json.loads(line)["article"]["id"] for line in out.read_text().splitlines()]
    errors = [json.loads(line)["id"] for line in err.read_text().splitlines()]
    assert len(ok) == len(set(ok)) and len(errors) == len(set(errors))
    assert set(ok) | set(errors) == {r["id"] for r in rows} and not set(ok) & set(errors)
    assert errors == [r["id"] for r in rows if not r["text"]]
    assert ok == sorted(ok)  # input order survives the kills
    gone, alive = psutil.wait_procs(orphans, timeout=15)
    assert not alive, f"orphaned workers: {alive}"
