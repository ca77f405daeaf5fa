"""Cleaning: raw text or HTML in, cleaned text out, with what was removed, the spin report and an offset map.

PLACEHOLDER until the cleaning issue lands: passes text through unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.models import Cleaning


@dataclass
class CleanedText:
    text: str
    cleaning: Cleaning = field(default_factory=Cleaning)
    title: str | None = None

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        return start, end


def clean(raw: str | bytes, *, html: bool | None = None) -> CleanedText:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    return CleanedText(text=text)
