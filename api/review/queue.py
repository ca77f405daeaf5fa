"""The review queue, computed from stored records and article summaries (plain dicts): order, filters, counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from api.review.render import record_confidence


@dataclass
class QueueFilters:
    design: str = ""
    spun: bool = False
    unreviewed: bool = False
    sort: str = "confidence"  # confidence | article

    @property
    def active(self) -> bool:
        return bool(self.design or self.spun or self.unreviewed or self.sort != "confidence")


@dataclass
class QueueItem:
    record_id: str
    article_id: str
    label: str
    design: str | None
    confidence: float
    status: str
    article_title: str
    spun: bool
    spin_score: float
    href: str


@dataclass
class Queue:
    items: list[QueueItem]
    counts: dict[str, int]
    articles_without_records: list[dict[str, Any]] = field(default_factory=list)
    article_order: list[str] = field(default_factory=list)


def article_href(article_id: str) -> str:
    from urllib.parse import quote

    return f"/review/articles/{quote(article_id, safe='')}"


def article_title(article: dict[str, Any]) -> str:
    return str(article.get("title") or article.get("source") or article.get("id") or "untitled article")


def build_queue(records: list[dict[str, Any]], articles: dict[str, dict[str, Any]], filters: QueueFilters) -> Queue:
    """Records to review, lowest confidence first (unreviewed before reviewed), under ``filters``.

    Counts cover the design / spun scope, whatever the ``unreviewed`` filter hides."""
    scoped: list[QueueItem] = []
    for rec in records:
        if rec.get("active") is False:
            continue
        art = articles.get(str(rec.get("article_id")), {})
        design = (rec.get("design") or {}).get("value")
        if filters.design and design != filters.design:
            continue
        if filters.spun and not art.get("is_spun"):
            continue
        status = str((rec.get("review") or {}).get("status") or "unreviewed")
        scoped.append(
            QueueItem(
                record_id=str(rec["id"]),
                article_id=str(rec.get("article_id")),
                label=str(rec.get("label") or rec["id"]),
                design=design,
                confidence=record_confidence(rec),
                status=status,
                article_title=article_title(art) if art else str(rec.get("article_id")),
                spun=bool(art.get("is_spun")),
                spin_score=float(art.get("spin_score") or 0.0),
                href=f"{article_href(str(rec.get('article_id')))}#record-{rec['id']}",
            )
        )
    reviewed = sum(1 for it in scoped if it.status == "reviewed")
    items = [it for it in scoped if not filters.unreviewed or it.status != "reviewed"]
    if filters.sort == "article":
        items.sort(key=lambda it: (it.article_title.lower(), it.article_id, it.record_id))
    else:
        items.sort(key=lambda it: (it.status == "reviewed", it.confidence, it.article_id, it.record_id))
    order: list[str] = []
    for it in items:
        if it.article_id not in order:
            order.append(it.article_id)
    with_records = {str(r.get("article_id")) for r in records}
    bare = [
        {"id": aid, "title": article_title(a), "href": article_href(aid), "spun": bool(a.get("is_spun"))}
        for aid, a in articles.items()
        if aid not in with_records and (not filters.spun or a.get("is_spun")) and not filters.design
    ]
    order += [aid for aid in articles if aid not in with_records and aid not in order]
    counts = {
        "total": len(scoped),
        "reviewed": reviewed,
        "remaining": len(scoped) - reviewed,
        "articles": len({it.article_id for it in scoped}) + len(bare),
    }
    return Queue(items, counts, bare, order)


def next_article(order: list[str], current: str) -> str | None:
    """The article after ``current`` in queue order (wrapping), or None when it is the only one."""
    if not order:
        return None
    if current not in order:
        return order[0]
    i = order.index(current)
    nxt = order[(i + 1) % len(order)]
    return None if nxt == current else nxt
