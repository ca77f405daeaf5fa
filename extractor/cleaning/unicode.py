"""Decoding raw bytes, repairing mojibake (ftfy) and normalising whitespace, each as offset-preserving edits."""

from __future__ import annotations

import difflib
import re
import unicodedata

import ftfy

from extractor.cleaning.offsets import Edit
from extractor.errors import InputError

# ftfy without the fixes that would change characters we keep on purpose (curly quotes) or that we do ourselves
# (line breaks, HTML entities: the HTML path decodes those while keeping offsets).
FTFY_CONFIG = ftfy.TextFixerConfig(unescape_html=False, uncurl_quotes=False, fix_line_breaks=False, explain=False)

_MAGIC = {b"%PDF": "a PDF file", b"PK\x03\x04": "a ZIP archive (e.g. .docx)", b"\x89PNG": "a PNG image",
          b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image", b"\x1f\x8b": "gzip-compressed data",
          b"\x7fELF": "an executable"}  # fmt: skip
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Characters ftfy would change even when the text is not mojibake (ligatures, full-width forms, C1 controls).
_FTFY_TRIGGERS = re.compile("[\ufb00-\ufb06\uff01-\uff5e\x80-\x9f\x1b\ud800-\udfff]")
# UTF-8 read as Windows-1252/Latin-1: a lead byte (Â..ô) followed by a continuation byte shown as a cp1252 character.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_DIFF_MAX = 2_000  # a changed stretch longer than this is mapped as one replaced span instead of being diffed


def decode(raw: str | bytes) -> tuple[str, str]:
    """The input as text and the encoding used; ``InputError`` for empty or binary input."""
    if isinstance(raw, str):
        text, encoding = raw, "str"
    else:
        if not raw.strip():
            raise InputError("empty input: there is no text to clean")
        for magic, what in _MAGIC.items():
            if raw.startswith(magic):
                raise InputError(f"the input is {what}, not article text or HTML")
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            text, encoding = raw.decode("utf-16"), "utf-16"
        else:
            try:
                text, encoding = raw.decode("utf-8-sig"), "utf-8"
            except UnicodeDecodeError:
                # Not UTF-8: legacy web pages are mostly Windows-1252; Latin-1 decodes anything left.
                try:
                    text, encoding = raw.decode("cp1252"), "cp1252"
                except UnicodeDecodeError:
                    text, encoding = raw.decode("latin-1"), "latin-1"
    if not text.strip():
        raise InputError("empty input: there is no text to clean")
    sample = text[:65536]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > max(8, 0.05 * len(sample)):
        raise InputError("the input looks binary (NUL or control bytes), not article text or HTML")
    return text, encoding


def unicode_edits(text: str) -> list[Edit]:
    """Mojibake and Unicode repairs (ftfy, NFC), line by line; only changed characters become edits."""
    if text.isascii() and not _CONTROL.search(text):
        return []
    edits: list[Edit] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        if line.isascii() or not (
            _MOJIBAKE.search(line) or _FTFY_TRIGGERS.search(line) or not unicodedata.is_normalized("NFC", line)
        ):
            continue
        fixed = ftfy.fix_text(line, FTFY_CONFIG)
        if fixed != line:
            edits += _diff(line, fixed, start)
    return edits


def _diff(old: str, new: str, offset: int) -> list[Edit]:
    """Edits turning ``old`` into ``new``: common ends trimmed, the middle diffed character by character."""
    head = 0
    limit = min(len(old), len(new))
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    a, b = old[head : len(old) - tail], new[head : len(new) - tail]
    base = offset + head
    if len(a) + len(b) > _DIFF_MAX:
        return [Edit(base, base + len(a), b)]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [Edit(base + i1, base + i2, b[j1:j2]) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"]


_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f"
_SPACE = f"[\\s{_INVISIBLE}]"
# Whitespace that may need changing: a run of two or more, any space other than " " and "\n", an invisible character
# (zero-width, soft hyphen, stray control). It starts with a character set, so single spaces are skipped quickly.
_SPACE_RUN = re.compile(f"{_SPACE}(?:(?<=[^\\S \\n])|(?<=[{_INVISIBLE}])|{_SPACE}){_SPACE}*")
_LEADING = re.compile(f"{_SPACE}+")
_NEWLINES = re.compile("\r\n|[\n\r\u2028\u2029\x0b\x0c\x85]")
_HAS_SPACE = re.compile(r"\s")


_ODD_ASCII = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\t\r]")
_ODD_UNICODE = re.compile(f"[^\\S \\n]|[{_INVISIBLE}]")


def _already_normal(text: str) -> bool:
    """A fast check (substring tests run in C) that whitespace_edits would find nothing to do."""
    if not text or text[0].isspace() or text[-1].isspace():
        return False
    if "  " in text or "\n\n\n" in text or " \n" in text or "\n " in text:
        return False
    if text.isascii():
        return not _ODD_ASCII.search(text)
    # isprintable() is False for every other space, zero-width and control character (and a few harmless ones,
    # which the exact regex below then clears)
    return text.replace("\n", "").isprintable() or not _ODD_UNICODE.search(text)


def whitespace_edits(text: str) -> list[Edit]:
    """Runs of spaces become one space, line breaks ``\\n``, blank-line runs one blank line; no space at the ends.

    Zero-width characters and soft hyphens vanish. Idempotent: its own output has nothing left to change.
    """
    if _already_normal(text):
        return []
    lead = _LEADING.match(text)
    start = lead.end() if lead else 0
    end = len(text)
    while end > start and _LEADING.match(text, end - 1):
        end -= 1
    edits = [Edit(0, start, "")] if start else []
    for m in _SPACE_RUN.finditer(text, start, end):
        run = m.group()
        if not _HAS_SPACE.search(run):
            new = ""  # only invisible characters: "hyper\u00adtension" -> "hypertension"
        else:
            breaks = len(_NEWLINES.findall(run))
            new = "\n\n" if breaks >= 2 else "\n" if breaks == 1 else " "
        if new != run:
            edits.append(Edit(m.start(), m.end(), new))
    if end < len(text) and end > start:
        edits.append(Edit(end, len(text), ""))
    return edits
