"""The local engine: a pool of worker processes, each loading the pipeline once, fed through bounded queues.

The parent reads the input, hands each worker at most ``per_worker`` articles at a time and writes the outcomes
(in input order through a bounded reorder buffer, or as they come with ``ordered=False``). A worker stuck past
the time limit plus ``kill_grace_s`` (a hang that SIGALRM cannot interrupt), or one that dies, is replaced: its
current article becomes an error row and the articles queued behind it go to the new worker.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import queue
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

from pipelines.readers import Item
from pipelines.work import BatchError, Outcome, error_outcome, process_item, resolve_extract

_ctx = mp.get_context("spawn")  # no fork of a parent that runs threads (progress bar, queue feeders)


def _worker_main(tasks: Any, results: Connection, extract_spec: str, timeout_s: float) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    parent = mp.parent_process()
    try:
        extract = resolve_extract(extract_spec)
        results.send(("ready", None))
        while True:
            try:
                task = tasks.get(timeout=1.0)
            except queue.Empty:
                if parent is not None and not parent.is_alive():
                    return  # the batch was killed: do not linger as an orphan
                continue
            if task is None:
                return
            seq, item = task
            results.send(("done", process_item(seq, item, extract, timeout_s)))
    except (BrokenPipeError, EOFError, KeyboardInterrupt):
        return


class _Worker:
    def __init__(self, extract_spec: str, timeout_s: float) -> None:
        self.tasks: Any = _ctx.Queue()
        receiver, sender = _ctx.Pipe(duplex=False)
        self.results: Connection = receiver
        self.proc = _ctx.Process(
            target=_worker_main, args=(self.tasks, sender, extract_spec, timeout_s), daemon=True, name="studysift"
        )
        self.proc.start()
        sender.close()
        self.ready = False
        self.inflight: deque[tuple[int, Item]] = deque()
        self.head_since = time.monotonic()  # when the article at the head of ``inflight`` started

    def send(self, seq: int, item: Item) -> None:
        if not self.inflight:
            self.head_since = time.monotonic()
        self.inflight.append((seq, item))
        self.tasks.put((seq, item))

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        else:
            with contextlib.suppress(Exception):
                self.tasks.put(None)
            self.proc.join(timeout=10)
            if self.proc.is_alive():
                self.proc.kill()
        self.proc.join(timeout=10)
        self.tasks.cancel_join_thread()
        self.tasks.close()
        self.results.close()


class LocalEngine:
    def __init__(
        self,
        workers: int,
        *,
        extract_spec: str,
        timeout_s: float,
        kill_grace_s: float,
        per_worker: int = 8,
        reorder_window: int = 256,
    ) -> None:
        self.n = max(1, workers)
        self.extract_spec = extract_spec
        self.timeout_s = timeout_s
        self.kill_after = timeout_s + kill_grace_s if timeout_s > 0 else float("inf")
        self.per_worker = per_worker
        self.window = max(reorder_window, self.n * per_worker)

    def run(
        self, items: Iterator[tuple[int, Item]], emit: Callable[[Outcome, Item], None], *, ordered: bool = True
    ) -> None:
        """Process every ``(seq, item)`` and call ``emit`` once per item (in ``seq`` order when ``ordered``;
        ``seq`` numbers must be consecutive from the first one)."""
        workers = [_Worker(self.extract_spec, self.timeout_s) for _ in range(self.n)]
        buffer: dict[int, tuple[Outcome, Item]] = {}
        next_emit: int | None = None
        pending = 0  # dispatched or buffered, not yet emitted
        lookahead: tuple[int, Item] | None = None
        exhausted = False

        def deliver(outcome: Outcome, item: Item) -> None:
            nonlocal next_emit, pending
            if not ordered:
                pending -= 1
                emit(outcome, item)
                return
            buffer[outcome.seq] = (outcome, item)
            while next_emit in buffer:
                pending -= 1
                emit(*buffer.pop(next_emit))
                next_emit += 1

        def replace(i: int, error: str, message: str) -> None:
            old = workers[i]
            old.stop(kill=True)
            new = _Worker(self.extract_spec, self.timeout_s)
            workers[i] = new
            if old.inflight:
                seq, item = old.inflight.popleft()
                deliver(error_outcome(seq, item.id, item.source, "worker", error, message), item)
            for seq, item in old.inflight:
                new.send(seq, item)

        try:
            while True:
                # hand out work: at most ``per_worker`` per worker, and (ordered) within the reorder window
                for w in sorted(workers, key=lambda w: len(w.inflight)):
                    while not exhausted and len(w.inflight) < self.per_worker:
                        if lookahead is None:
                            lookahead = next(items, None)
                            if lookahead is None:
                                exhausted = True
                                break
                        seq, item = lookahead
                        if next_emit is None:
                            next_emit = seq
                        if ordered and seq >= next_emit + self.window:
                            break
                        lookahead = None
                        pending += 1
                        if item.error is not None:  # unreadable input: no need for a worker
                            deliver(error_outcome(seq, item.id, item.source, "read", *item.error), item)
                        else:
                            w.send(seq, item)
                if exhausted and pending == 0:
                    return
                by_conn = {w.results: i for i, w in enumerate(workers)}
                by_sentinel = {w.proc.sentinel: i for i, w in enumerate(workers)}
                ready = wait(list(by_conn) + list(by_sentinel), timeout=0.5)
                dead: set[int] = set()
                for handle in ready:
                    if handle in by_sentinel:
                        dead.add(by_sentinel[handle])
                        continue
                    i = by_conn[handle]  # type: ignore[index]
                    w = workers[i]
                    try:
                        while w.results.poll():
                            kind, outcome = w.results.recv()
                            if kind == "ready":
                                w.ready = True
                                w.head_since = time.monotonic()
                                continue
                            seq, item = w.inflight.popleft()
                            w.head_since = time.monotonic()
                            deliver(outcome, item)
                    except (EOFError, OSError):
                        dead.add(i)
                for i in sorted(dead):
                    workers[i].proc.join(timeout=5)
                    code = workers[i].proc.exitcode
                    if not workers[i].ready:
                        raise BatchError(f"a worker process failed to start (exit code {code}): see the log above")
                    replace(i, "WorkerCrashed", f"worker process died (exit code {code}) on this article")
                clock = time.monotonic()
                for i, w in enumerate(workers):
                    if w.ready and w.inflight and clock - w.head_since > self.kill_after:
                        replace(i, "ArticleTimeout", f"exceeded {self.timeout_s:g} s (worker killed)")
        finally:
            for w in workers:
                w.stop(kill=not exhausted)
