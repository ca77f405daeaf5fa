"""Builders of small dumps in every input format, for the pipelines tests (each test builds its own in tmp_path)."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

FAKE = "tests.pipelines.fakes:extract"

JATS = b"""<?xml version="1.0"?>
<article article-type="research-article"><front><article-meta>
<title-group><article-title>Ketamine for chronic pain</article-title></title-group>
<abstract><sec><title>Background</title><p>We randomized 40 patients to ketamine or placebo.</p></sec></abstract>
<funding-group><award-group><funding-source>National Institutes of Health</funding-source></award-group>
</funding-group></article-meta></front>
<body><sec><title>Methods</title><p>Patients received 0.5 mg/kg intravenously.</p></sec></body>
<back><ack><p>We thank the ward nurses.</p></ack>
<fn-group><fn fn-type="COI-statement"><p>The authors declare no competing interests.</p></fn></fn-group>
<ref-list><ref><mixed-citation>Someone et al. 2001</mixed-citation></ref></ref-list></back></article>
"""


def text(i: int) -> str:
    return f"Article {i}: we randomized {10 + i} patients to drug {i} or placebo."


def tar_bytes(members: dict[str, bytes], mode: str = "w:gz") -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as tar:  # type: ignore[call-overload]  # mode is a plain str
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def jsonl_bytes(rows: Sequence[Mapping[str, object]], gz: bool = False) -> bytes:
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    return gzip.compress(data) if gz else data


def warc_bytes(pages: list[tuple[str, str, bytes, str]]) -> bytes:
    """(uri, content type, body, status) → a gzipped WARC of response records (plus a request record)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for uri, content_type, body, status in pages:
        request = writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.0\r\n\r\n"))
        writer.write_record(request)
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    return buffer.getvalue()


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def read_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def out_ids(path: Path) -> list[str]:
    return [str(r["article"]["id"]) for r in read_rows(path)]


def err_ids(path: Path) -> list[str]:
    return [str(r["id"]) for r in read_rows(path)]
