"""Field paths into a record's JSON (``sample_size``, ``interventions/0/dose``, ``outcomes/-``): read, write, drop."""

from __future__ import annotations

from typing import Any

from extractor.models import StudyRecord

APPEND = "-"
FIXED = {"id"}  # fields a patch may not change


class PathError(ValueError):
    """A field path that does not name a field of the record."""


def parse(path: str) -> list[str]:
    segments = [s for s in path.strip().strip("/").split("/")]
    if not segments or not segments[0] or any(s == "" for s in segments):
        raise PathError(f"empty field path {path!r}")
    if segments[0] not in StudyRecord.model_fields or segments[0] in FIXED:
        raise PathError(f"{segments[0]!r} is not a field a reviewer can change")
    return segments


def _index(container: list[Any], segment: str, *, allow_append: bool) -> int:
    if segment == APPEND and allow_append:
        return len(container)
    if not segment.isdigit():
        raise PathError(f"list index expected, got {segment!r}")
    index = int(segment)
    if index > len(container) or (index == len(container) and not allow_append):
        raise PathError(f"index {index} is beyond the list's {len(container)} items")
    return index


def _step(node: Any, segment: str, path: str) -> Any:
    if isinstance(node, dict):
        if segment not in node:
            raise PathError(f"{path}: no field {segment!r}")
        return node[segment]
    if isinstance(node, list):
        return node[_index(node, segment, allow_append=False)]
    raise PathError(f"{path}: {segment!r} is inside a value that is null or not an object (set its parent instead)")


def get(doc: dict[str, Any], segments: list[str]) -> Any:
    node: Any = doc
    for segment in segments:
        node = _step(node, segment, "/".join(segments))
    return node


def exists(doc: dict[str, Any], segments: list[str]) -> bool:
    try:
        get(doc, segments)
    except PathError:
        return False
    return True


def put(doc: dict[str, Any], segments: list[str], value: Any) -> str:
    """Set the value at ``segments`` (appending when the last index is ``-`` or the list's length); returns the
    path with the index that was actually written."""
    parent = get(doc, segments[:-1])
    last = segments[-1]
    if isinstance(parent, dict):
        parent[last] = value
        return "/".join(segments)
    if isinstance(parent, list):
        index = _index(parent, last, allow_append=True)
        if index == len(parent):
            parent.append(value)
        else:
            parent[index] = value
        return "/".join([*segments[:-1], str(index)])
    raise PathError(f"{'/'.join(segments)}: its parent is null or not an object (set the parent instead)")


def canonical(doc: dict[str, Any], path: str) -> str:
    """The path as stored in review statuses; it must name an existing field."""
    segments = parse(path)
    get(doc, segments)
    return "/".join(segments)


def without(doc: dict[str, Any], paths: list[str]) -> dict[str, Any]:
    """A copy of ``doc`` with the fields at ``paths`` dropped: list items removed, other fields set to null (lists
    to []). Paths that no longer resolve are ignored."""
    import copy

    out = copy.deepcopy(doc)
    # Deepest and highest indices first, so earlier removals do not shift later ones.
    keyed = sorted(
        (parse(p) for p in paths),
        key=lambda s: [(int(x) if x.isdigit() else -1) for x in s],
        reverse=True,
    )
    for segments in keyed:
        try:
            parent = get(out, segments[:-1])
        except PathError:
            continue
        last = segments[-1]
        if isinstance(parent, list) and last.isdigit() and int(last) < len(parent):
            del parent[int(last)]
        elif isinstance(parent, dict) and last in parent:
            parent[last] = [] if isinstance(parent[last], list) else None
    return out
