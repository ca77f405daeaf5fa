"""The per-article and per-partition functions that every engine runs: item in, one output or error line out."""

from __future__ import annotations

import ctypes
import importlib
import json
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pipelines.readers import Item

DEFAULT_EXTRACT = "extractor:extract"


class BatchError(Exception):
    """The batch itself cannot run (bad arguments, unusable output path, workers that cannot start): exit 2."""


class ArticleTimeout(BaseException):
    """Raised inside a worker when one article exceeds the time limit (a BaseException, so that no
    ``except Exception`` inside the extractor swallows it)."""


@dataclass(slots=True)
class Outcome:
    """What became of one article: a line for the output file (``ok``) or for the errors file."""

    seq: int
    id: str
    line: str
    ok: bool
    words: int = 0
    records: int = 0
    spun: bool = False
    error: str | None = None  # error class, for the summary


@lru_cache(maxsize=4)
def resolve_extract(spec: str) -> Callable[..., Any]:
    """``module:function`` → the function (the default is ``extractor.extract``); its pipeline is warmed up once
    per process, so that loading time is not charged to the first article's time limit."""
    module_name, _, attr = spec.partition(":")
    fn = getattr(importlib.import_module(module_name), attr or "extract")
    if spec == DEFAULT_EXTRACT:
        from extractor import load

        load()
    return fn


def error_outcome(seq: int, item_id: str, source: str | None, stage: str, error: str, message: str) -> Outcome:
    row = {"id": item_id, "source": source, "stage": stage, "error": error, "message": message[:2000]}
    return Outcome(
        seq=seq, id=item_id, line=json.dumps(row, ensure_ascii=False, separators=(",", ":")), ok=False, error=error
    )


def process_item(seq: int, item: Item, extract: Callable[..., Any], timeout_s: float) -> Outcome:
    """Extract one article; every failure (unreadable input, extractor error, time limit) is an error outcome."""
    if item.error is not None:
        return error_outcome(seq, item.id, item.source, "read", *item.error)
    try:
        with time_limit(timeout_s):
            result = extract(item.raw, html=item.html, source=item.source, article_id=item.id)
        if result.article.id != item.id:  # the id is what resume keys on: it must be the input's
            result.article.id = item.id
        line = result.model_dump_json()
    except ArticleTimeout:
        return error_outcome(seq, item.id, item.source, "extract", "ArticleTimeout", f"exceeded {timeout_s:g} s")
    except Exception as e:  # noqa: BLE001  (one bad article never stops the batch)
        return error_outcome(seq, item.id, item.source, "extract", type(e).__name__, str(e) or repr(e))
    return Outcome(
        seq=seq,
        id=item.id,
        line=line,
        ok=True,
        words=len(result.text.split()),
        records=len(result.records),
        spun=bool(result.cleaning.spin.is_spun),
    )


def process_partition(items: list[tuple[int, Item]], extract_spec: str, timeout_s: float) -> Iterator[Outcome]:
    extract = resolve_extract(extract_spec)
    for seq, item in items:
        yield process_item(seq, item, extract, timeout_s)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``ArticleTimeout`` in the current thread after ``seconds``: SIGALRM in a main thread (pool workers),
    an asynchronous exception in any other thread (Dask worker threads). Both act between Python bytecodes; the
    local engine also kills a worker that stays stuck longer (``batch_kill_grace_s``)."""
    if seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread():

        def on_alarm(signum: int, frame: object) -> None:
            raise ArticleTimeout

        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    target = threading.get_ident()
    lock = threading.Lock()
    finished = False

    def fire() -> None:
        with lock:
            if not finished:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(ArticleTimeout))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            finished = True
        timer.cancel()
