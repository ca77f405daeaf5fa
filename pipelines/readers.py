"""Inputs of a batch, streamed as ``Item``s: directory trees, plain article files, JSON Lines dumps (gzip or
not), ``.tar``/``.tar.gz``/``.zip`` archives of any of these, WARC crawls, PMC JATS XML.

Nothing here reads a whole dump or archive into memory, or unpacks one to disk: archives are read member by
member, dumps line by line, and one article at most ``max_input_bytes`` at a time. A member or line that cannot
be read becomes an ``Item`` with ``error`` set (an error row), and the rest of the input goes on.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import posixpath
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import IO

import fsspec
from lxml import etree

from studysift.settings import Settings, get_settings

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".xml")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")
ZIP_SUFFIXES = (".zip",)
WARC_SUFFIXES = (".warc", ".warc.gz")
KNOWN_SUFFIXES = ARTICLE_SUFFIXES + tuple(s + ".gz" for s in ARTICLE_SUFFIXES) + JSONL_SUFFIXES
KNOWN_SUFFIXES += TAR_SUFFIXES + ZIP_SUFFIXES + WARC_SUFFIXES


@dataclass(slots=True)
class Item:
    """One article of the input (or one part of it that could not be read: then ``error`` is set)."""

    id: str
    source: str
    raw: bytes | str = b""
    html: bool | None = None
    error: tuple[str, str] | None = None  # (error class, message) when the input could not be read


class ReadError(Exception):
    """A member or line that is not an article we can hand to ``extract`` (not JATS, too large, ...)."""


def sha_id(raw: bytes | str) -> str:
    data = raw if isinstance(raw, bytes) else raw.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:16]


def missing_inputs(inputs: list[str]) -> list[str]:
    """The inputs that do not exist (the batch refuses to start with those)."""
    missing = []
    for spec in inputs:
        fs, root = fsspec.core.url_to_fs(spec)
        if not fs.exists(root):
            missing.append(spec)
    return missing


def iter_items(inputs: list[str], settings: Settings | None = None) -> Iterator[Item]:
    """Every article of ``inputs`` (paths or fsspec URLs), in a stable order: the order given, then sorted paths."""
    settings = settings or get_settings()
    for spec in inputs:
        fs, root = fsspec.core.url_to_fs(spec)
        if fs.isdir(root):
            base = root.rstrip("/")
            for path in sorted(fs.find(base)):
                rel = posixpath.relpath(path, base)
                name = spec.rstrip("/") + "/" + rel
                if _kind(rel) is None:
                    continue
                yield from _guarded(name, partial(fs.open, path, "rb"), settings)
        else:
            yield from _guarded(spec, partial(fs.open, root, "rb"), settings, explicit=True)


def _kind(name: str) -> str | None:
    lower = name.lower()
    for kind, suffixes in (("tar", TAR_SUFFIXES), ("zip", ZIP_SUFFIXES), ("warc", WARC_SUFFIXES)):
        if lower.endswith(suffixes):
            return kind
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lower.endswith(ARTICLE_SUFFIXES) or lower.endswith(tuple(s + ".gz" for s in ARTICLE_SUFFIXES)):
        return "article"
    return None


def _guarded(name: str, opener: Callable[[], IO[bytes]], settings: Settings, explicit: bool = False) -> Iterator[Item]:
    """Read one file (``opener()`` gives a binary stream); any failure after the last good article is an error row."""
    try:
        with opener() as stream:
            yield from read_stream(name, stream, settings, explicit=explicit)
    except Exception as e:  # noqa: BLE001  (truncated/corrupt gzip, tar, zip, WARC, XML...: an error row, never the end)
        yield Item(id=name, source=name, error=(type(e).__name__, str(e) or repr(e)))


def read_stream(name: str, stream: IO[bytes], settings: Settings, explicit: bool = False) -> Iterator[Item]:
    """The articles of one file or archive member called ``name`` (its id, or the prefix of its members' ids)."""
    kind = _kind(name) or ("article" if explicit else None)
    if kind == "tar":
        yield from _read_tar(name, stream, settings)
    elif kind == "zip":
        yield from _read_zip(name, stream, settings)
    elif kind == "warc":
        yield from _read_warc(name, stream, settings)
    elif kind == "jsonl":
        yield from _read_jsonl(name, _gunzip(name, stream), settings)
    elif kind == "article":
        yield _article(name, _read_capped(_gunzip(name, stream), settings.max_input_bytes))


def _gunzip(name: str, stream: IO[bytes]) -> IO[bytes]:
    return gzip.GzipFile(fileobj=stream, mode="rb") if name.lower().endswith(".gz") else stream  # type: ignore[return-value]


def _read_capped(stream: IO[bytes], limit: int) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise ReadError(f"larger than the {limit}-byte limit (STUDYSIFT_MAX_INPUT_BYTES)")
    return data


def _article(name: str, data: bytes) -> Item:
    lower = name.lower().removesuffix(".gz")
    if lower.endswith(".xml"):
        return Item(id=name, source=name, raw=jats_to_text(data), html=False)
    return Item(id=name, source=name, raw=data, html=True if lower.endswith(HTML_SUFFIXES) else None)


def _read_tar(name: str, stream: IO[bytes], settings: Settings) -> Iterator[Item]:
    with tarfile.open(fileobj=stream, mode="r|*") as tar:  # streaming mode: members in order, no seeking
        for member in tar:
            if not member.isfile() or _kind(member.name) is None:
                continue
            member_name = f"{name}:{member.name}"
            fileobj = tar.extractfile(member)
            if fileobj is not None:
                yield from _guarded(member_name, partial(_same, fileobj), settings)


def _same(stream: IO[bytes]) -> IO[bytes]:
    return stream


def _read_zip(name: str, stream: IO[bytes], settings: Settings) -> Iterator[Item]:
    with zipfile.ZipFile(stream) as archive:  # reads the central directory, then one member at a time
        for info in archive.infolist():
            if info.is_dir() or _kind(info.filename) is None:
                continue
            yield from _guarded(f"{name}:{info.filename}", partial(archive.open, info), settings)


def _read_warc(name: str, stream: IO[bytes], settings: Settings) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    seen: dict[str, int] = {}
    for record in ArchiveIterator(stream):
        if record.rec_type != "response" or record.http_headers is None:
            continue
        content_type = record.http_headers.get_header("Content-Type") or ""
        status = record.http_headers.get_statuscode() or ""
        if "html" not in content_type.lower() or not status.startswith("2"):
            continue
        uri = record.rec_headers.get_header("WARC-Target-URI") or ""
        seen[uri] = seen.get(uri, 0) + 1
        item_id = f"{name}:{uri}" + (f"#{seen[uri]}" if seen[uri] > 1 else "")
        try:
            data = _read_capped(record.content_stream(), settings.max_input_bytes)
        except (ReadError, OSError, EOFError, ValueError) as e:
            yield Item(id=item_id, source=uri, error=(type(e).__name__, str(e)))
            continue
        yield Item(id=item_id, source=uri or name, raw=data, html=True)


def _read_jsonl(name: str, stream: IO[bytes], settings: Settings) -> Iterator[Item]:
    """One article per line: the id field (else sha256[:16] of the text), the text or html field, url, title."""
    id_field, text_field, html_field = settings.jsonl_id_field, settings.jsonl_text_field, settings.jsonl_html_field
    for lineno, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            if len(line) > settings.max_input_bytes:
                raise ReadError(f"line larger than the {settings.max_input_bytes}-byte limit")
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ReadError("line is not a JSON object")
            html, text = obj.get(html_field), obj.get(text_field)
            body = html if isinstance(html, str) and html.strip() else text
            if not isinstance(body, str):
                raise ReadError(f"no {text_field!r} or {html_field!r} string field")
            title = obj.get("title")
            if body is text and isinstance(title, str) and title.strip() and not text.lstrip().startswith(title):
                body = f"{title.strip()}\n\n{text}"
            raw_id = obj.get(id_field)
            item_id = str(raw_id) if raw_id not in (None, "") else sha_id(body)
            url = obj.get("url")
            source = url if isinstance(url, str) and url else where
            yield Item(id=item_id, source=source, raw=body, html=True if body is html else None)
        except (ValueError, ReadError) as e:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            yield Item(id=where, source=where, error=(type(e).__name__, str(e)))


# --- PMC JATS XML ---------------------------------------------------------------------------------------------

_COI_TYPES = {
    "coi-statement",
    "conflict",
    "competing-interests",
    "conflict-of-interest",
    "conflict-interest",
    "conflicts",
}


def jats_to_text(data: bytes) -> str:
    """Title, abstract, body, competing-interests and funding sections of a JATS article, as plain text."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise ReadError(f"not well-formed XML: {e}") from None
    if root is None or etree.QName(root).localname != "article":
        raise ReadError("not a JATS article (no <article> root)")

    def text_of(el: etree._Element) -> str:
        return " ".join("".join(el.itertext()).split())

    def find(path: str) -> list[etree._Element]:
        return list(root.iterfind(path))

    parts: list[str] = []
    for title in find(".//front//title-group/article-title")[:1]:
        parts.append(text_of(title))
    for abstract in find(".//front//abstract"):
        parts.append("ABSTRACT\n" + _sections_text(abstract, text_of))
    for body in find(".//body"):
        parts.append(_sections_text(body, text_of))
    coi = [
        el
        for el in root.iter("fn", "sec", "notes")
        if (el.get("fn-type") or el.get("sec-type") or el.get("notes-type") or "").lower() in _COI_TYPES
        or any("conflict" in text_of(t).lower() or "competing" in text_of(t).lower() for t in el.findall("title"))
    ]
    coi = [el for el in coi if not any(a in coi for a in el.iterancestors())]
    in_body = {id(el) for body in find(".//body") for el in body.iter()}
    for el in coi:
        if id(el) not in in_body:
            parts.append("COMPETING INTERESTS\n" + text_of(el))
    for funding in find(".//funding-group"):
        parts.append("FUNDING\n" + text_of(funding))
    for ack in find(".//back/ack"):
        parts.append("ACKNOWLEDGEMENTS\n" + text_of(ack))
    text = "\n\n".join(p for p in parts if p.strip())
    if not text.strip():
        raise ReadError("JATS article without title, abstract or body text")
    return text


def _sections_text(el: etree._Element, text_of: object) -> str:
    """Paragraphs and section titles in document order, one block each."""
    blocks: list[str] = []
    for node in el.iter("title", "p"):
        if any(a.tag in ("p", "table-wrap", "fig") for a in node.iterancestors()):
            continue
        block = text_of(node)  # type: ignore[operator]
        if block:
            blocks.append(block.upper() if node.tag == "title" else block)
    return "\n\n".join(blocks)
