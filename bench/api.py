"""Benchmark of ``POST /v1/extract`` against a running server, with the in-process extraction time of the same
texts measured in the same run (the baseline: what the HTTP layer adds on top).

    .venv/bin/python bench/api.py [--n 60] [--concurrency 4] [--url http://127.0.0.1:PORT]

Without ``--url`` it starts ``studysift serve`` on a free port with a throwaway SQLite database, creates a
reader key, and stops the server at the end. Texts: the first N abstracts of ../shared's evidence-inference corpus.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
ABSTRACTS = REPO.parent / "shared" / "corpora" / "evidence-inference" / "abstracts"
BIN = Path(sys.executable).parent


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_server(workdir: Path) -> tuple[subprocess.Popen[bytes], str, str]:
    env = {**os.environ, "STUDYSIFT_DATABASE_URL": f"sqlite:///{workdir / 'bench.db'}"}
    add = subprocess.run(
        [BIN / "studysift", "users", "add", "bench", "--role", "reader"], env=env, capture_output=True, check=True
    )
    key = add.stdout.decode().strip().splitlines()[-1]
    port = _free_port()
    server = subprocess.Popen(
        [BIN / "studysift", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return server, url, key
        except httpx.HTTPError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("the server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=60, help="abstracts to send")
    parser.add_argument("--concurrency", type=int, default=4, help="requests in flight")
    parser.add_argument("--url", help="a running server (else one is started)")
    parser.add_argument("--key", help="an API key for --url (or set STUDYSIFT_BENCH_KEY)")
    args = parser.parse_args()
    if not ABSTRACTS.is_dir():
        raise SystemExit(f"needs {ABSTRACTS}")
    texts = [p.read_text(encoding="utf-8") for p in sorted(ABSTRACTS.glob("*.txt"))[: args.n]]

    server = None
    workdir = Path(tempfile.mkdtemp(prefix="studysift-bench-"))
    if args.url:
        url, key = args.url, args.key or os.environ.get("STUDYSIFT_BENCH_KEY", "")
    else:
        server, url, key = _start_server(workdir)
    try:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        with httpx.Client(base_url=url, headers=headers, timeout=120) as client:
            client.post("/v1/extract", json={"text": texts[0]}).raise_for_status()  # warm-up

            def call(text: str) -> float:
                start = time.perf_counter()
                client.post("/v1/extract", json={"text": text}).raise_for_status()
                return time.perf_counter() - start

            start = time.perf_counter()
            with ThreadPoolExecutor(args.concurrency) as pool:
                latencies = list(pool.map(call, texts))
            wall = time.perf_counter() - start
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)

    from extractor import extract, load

    load()
    extract(texts[0])
    inproc = []
    for text in texts:
        start = time.perf_counter()
        extract(text)
        inproc.append(time.perf_counter() - start)

    ms = 1000.0
    print(f"POST /v1/extract: {len(texts)} abstracts, concurrency {args.concurrency}, server {url}")
    print(
        f"  HTTP:       {len(texts) / wall:6.2f} requests/s   p50 {_percentile(latencies, 0.5) * ms:7.1f} ms"
        f"   p99 {_percentile(latencies, 0.99) * ms:7.1f} ms"
    )
    print(
        f"  in-process: {len(texts) / sum(inproc):6.2f} articles/s   p50 {_percentile(inproc, 0.5) * ms:7.1f} ms"
        f"   p99 {_percentile(inproc, 0.99) * ms:7.1f} ms   mean {statistics.mean(inproc) * ms:.1f} ms"
        " (same texts, same run)"
    )


if __name__ == "__main__":
    main()
