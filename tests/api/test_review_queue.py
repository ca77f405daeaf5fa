"""The review queue's order, filters and counts (computed from stored records and article summaries)."""

from __future__ import annotations

from typing import Any

from api.review.queue import QueueFilters, build_queue, next_article


def _rec(rid: str, article: str, confidence: float, design: str, status: str = "unreviewed") -> dict[str, Any]:
    return {
        "id": rid,
        "article_id": article,
        "label": rid,
        "design": {"value": design, "confidence": confidence},
        "confidence": confidence,
        "review": {"status": status, "fields": {}},
        "active": True,
    }


ARTICLES = {
    "a": {"id": "a", "title": "Spun page", "is_spun": True, "spin_score": 9.0},
    "b": {"id": "b", "title": "Clean abstract", "is_spun": False, "spin_score": 0.0},
    "c": {"id": "c", "title": "No studies", "is_spun": False, "spin_score": 0.0},
}
RECORDS = [
    _rec("a-r1", "a", 0.9, "case_report"),
    _rec("a-r2", "a", 0.2, "randomized_controlled_trial"),
    _rec("b-r1", "b", 0.5, "randomized_controlled_trial"),
    _rec("b-r2", "b", 0.1, "cohort_study", status="reviewed"),
    dict(_rec("b-old", "b", 0.0, "other"), active=False),
]


def test_review_queue_lowest_confidence_first_reviewed_last() -> None:
    queue = build_queue(RECORDS, ARTICLES, QueueFilters())
    assert [it.record_id for it in queue.items] == ["a-r2", "b-r1", "a-r1", "b-r2"]
    assert queue.counts == {"total": 4, "reviewed": 1, "remaining": 3, "articles": 3}
    assert [a["id"] for a in queue.articles_without_records] == ["c"]
    assert queue.article_order == ["a", "b", "c"]
    assert next_article(queue.article_order, "a") == "b" and next_article(queue.article_order, "c") == "a"
    assert queue.items[0].href == "/review/articles/a#record-a-r2" and queue.items[0].spun


def test_review_queue_filters() -> None:
    rct = build_queue(RECORDS, ARTICLES, QueueFilters(design="randomized_controlled_trial"))
    assert [it.record_id for it in rct.items] == ["a-r2", "b-r1"] and rct.articles_without_records == []
    spun = build_queue(RECORDS, ARTICLES, QueueFilters(spun=True))
    assert {it.article_id for it in spun.items} == {"a"} and spun.counts["total"] == 2
    todo = build_queue(RECORDS, ARTICLES, QueueFilters(unreviewed=True))
    assert "b-r2" not in [it.record_id for it in todo.items]
    assert todo.counts["reviewed"] == 1  # the counts still say how much of the scope is done
    by_article = build_queue(RECORDS, ARTICLES, QueueFilters(sort="article"))
    assert [it.article_id for it in by_article.items] == ["b", "b", "a", "a"]  # "Clean abstract" < "Spun page"
