"""The offset map: every span of the cleaned text maps back to the span of the raw input it came from.

The map is a compact list of aligned segments that tile the cleaned text. A segment is either *exact* (a verbatim
copy: same length on both sides, mapped character by character) or *opaque* (a replacement: a decoded entity, a
Unicode fix, a restored phrase, an inserted separator) whose every position maps to the whole raw span it replaced.
Lookups bisect the segment starts. Raw spans never go backwards, so the mapping is monotone.

Every cleaning stage is a list of ``Edit``s on the current text; ``MappedText.apply`` makes the new text and composes
the map in one pass, so the map always points into the original raw input however many stages ran.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``new`` (``new == ""`` deletes, ``start == end`` inserts).

    ``raw`` overrides the raw span the new text maps to (e.g. a title moved to the top maps to its source).
    """

    start: int
    end: int
    new: str = ""
    raw: tuple[int, int] | None = None


class OffsetMap:
    """Segments ``i`` covers cleaned ``[starts[i], starts[i+1])`` and came from raw ``[raw_starts[i], raw_ends[i])``."""

    __slots__ = ("exact", "length", "raw_ends", "raw_starts", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.raw_starts: list[int] = []
        self.raw_ends: list[int] = []
        self.exact: list[bool] = []
        self.length = 0

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        m = cls()
        if length:
            m.add(length, 0, length, exact=True)
        return m

    def __len__(self) -> int:
        return len(self.starts)

    def add(self, length: int, raw_start: int, raw_end: int, *, exact: bool) -> None:
        """Append a segment of ``length`` cleaned characters (merging with the previous one when contiguous)."""
        if length <= 0:
            return
        if (
            exact
            and self.exact
            and self.exact[-1]
            and self.raw_ends[-1] == raw_start
            and self.raw_ends[-1] - self.raw_starts[-1] == self.length - self.starts[-1]
        ):
            self.raw_ends[-1] = raw_start + length
        else:
            self.starts.append(self.length)
            self.raw_starts.append(raw_start)
            self.raw_ends.append(raw_end)
            self.exact.append(exact)
        self.length += length

    def _segment(self, pos: int) -> int:
        return max(bisect_right(self.starts, pos) - 1, 0)

    def point(self, pos: int) -> int:
        """Raw offset of the cleaned position ``pos`` (a boundary between characters)."""
        if not self.starts:
            return 0
        if pos >= self.length:
            return self.raw_ends[-1]
        i = self._segment(pos)
        if self.exact[i]:
            return self.raw_starts[i] + pos - self.starts[i]
        return self.raw_starts[i]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The raw span that cleaned ``[start, end)`` came from (the whole raw span of any opaque segment touched)."""
        if not 0 <= start <= end <= self.length:
            raise ValueError(f"span [{start}, {end}) is outside the cleaned text (length {self.length})")
        raw_start = self.point(start)
        if end == start:
            return raw_start, raw_start
        j = self._segment(end - 1)
        raw_end = self.raw_starts[j] + end - self.starts[j] if self.exact[j] else self.raw_ends[j]
        return raw_start, max(raw_end, raw_start)

    def copy_into(self, out: OffsetMap, start: int, end: int) -> None:
        """Append the segments covering cleaned ``[start, end)`` to ``out`` (clipping exact ones)."""
        if start >= end:
            return
        i = self._segment(start)
        n = len(self.starts)
        while i < n and self.starts[i] < end:
            seg_start = self.starts[i]
            seg_end = self.starts[i + 1] if i + 1 < n else self.length
            lo, hi = max(seg_start, start), min(seg_end, end)
            if self.exact[i]:
                raw = self.raw_starts[i] + lo - seg_start
                out.add(hi - lo, raw, raw + hi - lo, exact=True)
            else:
                out.add(hi - lo, self.raw_starts[i], self.raw_ends[i], exact=False)
            i += 1


class MappedText:
    """A text together with the map from its offsets to the raw input."""

    __slots__ = ("map", "text")

    def __init__(self, text: str, offset_map: OffsetMap) -> None:
        self.text = text
        self.map = offset_map

    @classmethod
    def identity(cls, text: str) -> MappedText:
        return cls(text, OffsetMap.identity(len(text)))

    def apply(self, edits: Iterable[Edit]) -> tuple[MappedText, Callable[[int, bool], int]]:
        """The edited text with its composed map, and ``shift(old_offset, is_end) -> new_offset``."""
        ordered = sorted(edits, key=lambda e: (e.start, e.end))
        parts: list[str] = []
        out = OffsetMap()
        pos = 0
        edit_starts: list[int] = []
        new_starts: list[int] = []
        for e in ordered:
            if e.start < pos or e.end < e.start or e.end > len(self.text):
                raise ValueError(f"overlapping or invalid edit {e}")
            parts.append(self.text[pos : e.start])
            self.map.copy_into(out, pos, e.start)
            edit_starts.append(e.start)
            new_starts.append(out.length)
            if e.new:
                raw_start, raw_end = e.raw or self.map.to_raw(e.start, e.end)
                parts.append(e.new)
                out.add(len(e.new), raw_start, raw_end, exact=False)
            pos = e.end
        parts.append(self.text[pos:])
        self.map.copy_into(out, pos, len(self.text))

        def shift(old: int, is_end: bool = False) -> int:
            i = bisect_right(edit_starts, old) - 1
            if i < 0:
                return old
            e = ordered[i]
            if old >= e.end:
                # everything after edit i moved by the length change of edits 0..i
                return new_starts[i] + len(e.new) + old - e.end
            if old == e.start or not is_end:
                return new_starts[i]
            return new_starts[i] + len(e.new)

        return MappedText("".join(parts), out), shift

    def prepend(self, head: MappedText, sep: str) -> tuple[MappedText, Callable[[int, bool], int]]:
        """``head + sep + self`` with both maps kept (``sep`` maps to the empty span where ``head`` ends)."""
        out = OffsetMap()
        head.map.copy_into(out, 0, len(head.text))
        raw_end = head.map.point(len(head.text))
        out.add(len(sep), raw_end, raw_end, exact=False)
        self.map.copy_into(out, 0, len(self.text))
        delta = len(head.text) + len(sep)
        return MappedText(head.text + sep + self.text, out), lambda old, is_end=False: old + delta
