"""Batch throughput: articles/s and words/s for the local engine with 1 and 2 workers and the Dask engine with 2
workers, and the peak RSS of each worker process, on the shared abstracts repeated to at least 20,000 articles.

    .venv/bin/python bench/batch.py [--articles 20000] [--configs local1,local2,dask2] [--extract-fn MODULE:FN]

``--extract-fn tests.pipelines.fakes:extract`` measures the batch machinery alone (reading, IPC, writing).

The dump (a JSON Lines file of the abstracts, each repeated with a new id) is written to a temporary directory,
never into the repository. Each configuration runs in its own process, sampled every 0.5 s for the RSS of it and
its worker processes. Scaling efficiency = 2-worker rate / (2 x 1-worker rate).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
ABSTRACTS = REPO.parent / "shared" / "corpora" / "evidence-inference" / "abstracts"
CONFIGS = {"local1": ("local", 1), "local2": ("local", 2), "dask2": ("dask", 2)}

RUN = """
import json, sys
from pipelines.runner import BatchOptions, run_batch
engine, workers, dump, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
opts = BatchOptions(inputs=[dump], out=out, workers=workers, engine=engine, quiet=True, overwrite=True)
print(json.dumps(run_batch(opts).summary()))
"""


def make_dump(directory: Path, articles: int) -> Path:
    files = sorted(ABSTRACTS.glob("*.txt"))
    if not files:
        sys.exit(f"no abstracts under {ABSTRACTS}")
    texts = [(f.stem, f.read_text(encoding="utf-8", errors="replace")) for f in files]
    dump = directory / "abstracts.jsonl"
    with dump.open("w", encoding="utf-8") as f:
        for i in range(articles):
            name, text = texts[i % len(texts)]
            f.write(json.dumps({"id": f"{name}#{i // len(texts)}", "text": text}) + "\n")
    return dump


def sample_rss(pid: int, peaks: dict[int, tuple[str, int]], stop: threading.Event) -> None:
    """Peak RSS of ``pid`` and all its descendants (workers, Dask nannies and workers)."""
    try:
        root = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    while not stop.is_set():
        try:
            procs = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return
        for p in procs:
            try:
                rss = p.memory_info().rss
                cmd = " ".join(p.cmdline())
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            if "resource_tracker" in cmd or "forkserver" in cmd:
                continue
            kind = "batch" if p.pid == pid else "worker"
            if rss > peaks.get(p.pid, ("", 0))[1]:
                peaks[p.pid] = (kind, rss)
        stop.wait(0.5)


def run(config: str, dump: Path, out_dir: Path, extract_fn: str | None) -> dict[str, object]:
    engine, workers = CONFIGS[config]
    out = out_dir / (f"{config}-parts" if engine == "dask" else f"{config}.jsonl")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    if extract_fn:
        env["STUDYSIFT_BATCH_EXTRACT_FN"] = extract_fn
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-c", RUN, engine, str(workers), str(dump), str(out)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    peaks: dict[int, tuple[str, int]] = {}
    stop = threading.Event()
    sampler = threading.Thread(target=sample_rss, args=(proc.pid, peaks, stop), daemon=True)
    sampler.start()
    stdout, _ = proc.communicate()
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        sys.exit(f"{config}: batch failed with exit code {proc.returncode}")
    summary = json.loads(stdout.strip().splitlines()[-1])
    workers_rss = sorted((rss for kind, rss in peaks.values() if kind == "worker"), reverse=True)[:workers]
    parent_rss = max((rss for kind, rss in peaks.values() if kind == "batch"), default=0)
    return {
        "config": config,
        "articles": summary["articles"],
        "errors": summary["errors"],
        "seconds": round(time.monotonic() - started, 1),
        "articles_per_s": summary["articles_per_s"],
        "words_per_s": summary["words_per_s"],
        "peak_rss_mb_per_worker": [round(r / 2**20) for r in workers_rss],
        "peak_rss_mb_batch_process": round(parent_rss / 2**20),
        "load_avg_1m_at_end": round(os.getloadavg()[0], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--configs", default="local1,local2,dask2")
    parser.add_argument("--extract-fn", help="module:function instead of extractor:extract")
    args = parser.parse_args()
    configs = args.configs.split(",")
    with tempfile.TemporaryDirectory(prefix="studysift-bench-") as tmp:
        dump = make_dump(Path(tmp), args.articles)
        print(f"dump: {args.articles} articles, {os.cpu_count()} cores, load avg {os.getloadavg()[0]:.2f}", flush=True)
        results = {}
        for config in configs:
            results[config] = run(config, dump, Path(tmp), args.extract_fn)
            print(json.dumps(results[config]), flush=True)
        rate = {c: float(r["articles_per_s"] or 0) for c, r in results.items()}  # type: ignore[arg-type]
        if rate.get("local1"):
            for c in ("local2", "dask2"):
                if c in rate:
                    print(f"scaling efficiency {c}: {rate[c] / (2 * rate['local1']):.2f} (= {c} / (2 x local1))")


if __name__ == "__main__":
    main()
