"""Batch statistics, the progress display (a rich bar on a terminal, periodic log lines otherwise) and the summary."""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pipelines.work import Outcome


@dataclass
class Stats:
    articles: int = 0
    results: int = 0
    records: int = 0
    words: int = 0
    spun: int = 0
    skipped: int = 0  # already done before a --resume
    errors: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic)
    elapsed: float = 0.0

    def add(self, outcome: Outcome) -> None:
        self.articles += 1
        if outcome.ok:
            self.results += 1
            self.records += outcome.records
            self.words += outcome.words
            self.spun += outcome.spun
        else:
            self.errors[outcome.error or "Error"] += 1

    def rates(self) -> tuple[float, float]:
        seconds = max(time.monotonic() - self.started, 1e-9)
        return self.articles / seconds, self.words / seconds

    def summary(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "results": self.results,
            "records": self.records,
            "errors": sum(self.errors.values()),
            "errors_by_class": dict(self.errors.most_common()),
            "spun_articles": self.spun,
            "skipped_already_done": self.skipped,
            "words": self.words,
            "seconds": round(self.elapsed, 2),
            "articles_per_s": round(self.articles / self.elapsed, 2) if self.elapsed else None,
            "words_per_s": round(self.words / self.elapsed, 1) if self.elapsed else None,
        }


def log(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} studysift batch: {message}", file=sys.stderr, flush=True)


class Progress:
    """A rich progress bar on stderr when it is a terminal and not ``quiet``; else a log line every ``every`` s."""

    def __init__(self, stats: Stats, *, quiet: bool, every: float = 10.0) -> None:
        self.stats = stats
        self.total: int | None = None
        self.every = every
        self._last_log = time.monotonic()
        self._bar: Any = None
        if not quiet and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                TextColumn("[bold]batch"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rates]}"),
                TextColumn("errors {task.fields[errors]}"),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
            )
            self._task = self._bar.add_task("batch", total=None, rates="", errors=0)
            self._bar.start()

    def set_total(self, total: int) -> None:
        self.total = total
        if self._bar is not None:
            self._bar.update(self._task, total=total)

    def update(self) -> None:
        s = self.stats
        if self._bar is not None:
            per_s, words_s = s.rates()
            errors = sum(s.errors.values())
            rates = f"{per_s:.1f} art/s {words_s:,.0f} words/s"
            self._bar.update(self._task, completed=s.articles, rates=rates, errors=errors)
        elif time.monotonic() - self._last_log >= self.every:
            self._last_log = time.monotonic()
            self.log_line()

    def log_line(self) -> None:
        s = self.stats
        per_s, words_s = s.rates()
        done = f"{s.articles}/{self.total}" if self.total is not None else str(s.articles)
        eta = ""
        if self.total and per_s > 0:
            eta = f", ETA {max(self.total - s.articles, 0) / per_s:.0f} s"
        log(f"{done} articles, {per_s:.1f} articles/s, {words_s:,.0f} words/s, {sum(s.errors.values())} errors{eta}")

    def close(self) -> None:
        if self._bar is not None:
            self.update()
            self._bar.stop()


def print_summary(stats: Stats) -> None:
    s = stats.summary()
    errors = ", ".join(f"{k} {v}" for k, v in s["errors_by_class"].items()) or "none"
    log(
        f"done: {s['articles']} articles in {s['seconds']} s ({s['articles_per_s']} articles/s, "
        f"{s['words_per_s']} words/s): {s['results']} results, {s['records']} records, "
        f"{s['spun_articles']} spun articles, {s['errors']} errors ({errors})"
        + (f"; {s['skipped_already_done']} already done before --resume" if s["skipped_already_done"] else "")
    )
