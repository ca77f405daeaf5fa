from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import Engine

from api import store
from api.db import session_scope
from api.schemas import RecordPatch
from tests.api.conftest import TEXT, sample_result


def test_store_records_save_is_idempotent_on_sha256(engine: Engine, article_id: str) -> None:
    with session_scope(engine) as session:
        again = store.save_article(session, raw=TEXT, result=sample_result(article_id="other"))
        page = store.list_records(session, store.RecordFilters(article_id=article_id))
    assert again == article_id == "a1"
    assert [r.id for r in page.items] == ["a1-r1", "a1-r2"]
    assert all(r.version == 1 and r.review.status == "unreviewed" for r in page.items)


def test_store_records_patch_history_replays(engine: Engine, article_id: str) -> None:
    with session_scope(engine) as session:
        patch = RecordPatch.model_validate(
            {
                "set": {"sample_size": {"value": 118, "unit": "participants"}, "outcomes/-": {"name": "anxiety"}},
                "evidence": {"interventions/1": {"start": 0, "end": 2, "text": TEXT[:2]}},
                "accept": ["design"],
                "reject": ["interventions/0/route"],
                "reason": "read the methods",
            }
        )
        record = store.apply_patch(session, "a1-r1", expected_version=1, patch=patch, reviewer="rev")
        assert record.version == 2
        assert record.sample_size is not None and record.sample_size.value == 118
        assert record.sample_size.confidence == 1.0
        assert [o.name for o in record.outcomes] == ["depression scores", "anxiety"]
        assert record.review.fields == {
            "sample_size": "corrected",
            "outcomes/1": "corrected",
            "interventions/1/evidence": "corrected",
            "design": "accepted",
            "interventions/0/route": "rejected",
        }
        assert record.review.status == "in_review"
        record = store.apply_patch(
            session, "a1-r1", expected_version=2, patch=RecordPatch(accept=["*"]), reviewer="rev2"
        )
        history = store.record_history(session, "a1-r1")
        assert [h.action for h in history] == ["extract", "set", "set", "set", "accept", "reject", "accept"]
        assert {h.reviewer for h in history[1:6]} == {"rev"} and history[-1].reviewer == "rev2"
        assert history[1].old["value"] == 120 and history[1].new["value"] == 118
        assert store.replay_history(session, "a1-r1") == store.get_record(session, "a1-r1") == record
        assert record.review.status == "reviewed"
        # Rejected fields stay in the record but leave the filters and the corrected view.
        assert store.list_records(session, store.RecordFilters(route="intravenous")).items == []
        assert store.corrected(record)["interventions"][0]["route"] is None


def test_store_records_stale_version_conflicts(engine: Engine, article_id: str) -> None:
    with session_scope(engine) as session:
        patch = RecordPatch.model_validate({"set": {"follow_up": "6 months"}})
        store.apply_patch(session, "a1-r2", expected_version=1, patch=patch, reviewer="a")
        with pytest.raises(store.VersionConflict) as conflict:
            store.apply_patch(session, "a1-r2", expected_version=1, patch=patch, reviewer="b")
        assert conflict.value.current.version == 2 and conflict.value.current.follow_up == "6 months"
        assert len(store.record_history(session, "a1-r2")) == 2


@pytest.mark.parametrize(
    "body",
    [
        {"set": {"id": "x"}},
        {"set": {"nonsense": 1}},
        {"set": {"outcomes/7": {"name": "x"}}},
        {"set": {"sample_size": {"value": "many", "unit": "patients"}}},
        {"set": {"design": {"value": "not_a_design"}}},
        {"reject": ["outcomes/0/name"]},
        {"accept": ["design"], "reject": ["design"]},
        {"evidence": {"design": {"start": 0, "end": 3, "text": "xyz"}}},
        {},
    ],
)
def test_store_records_bad_patches_are_refused(engine: Engine, article_id: str, body: dict[str, object]) -> None:
    with session_scope(engine) as session:
        with pytest.raises(store.PatchError):
            store.apply_patch(
                session, "a1-r1", expected_version=1, patch=RecordPatch.model_validate(body), reviewer="r"
            )
        assert store.get_record(session, "a1-r1").version == 1


def test_store_records_reextract_keeps_corrections(engine: Engine, article_id: str) -> None:
    with session_scope(engine) as session:
        patch = RecordPatch.model_validate(
            {"set": {"sample_size": {"value": 99, "unit": "patients"}}, "accept": ["design", "outcomes/0"]}
        )
        store.apply_patch(session, "a1-r1", expected_version=1, patch=patch, reviewer="rev")
        newer = sample_result()
        newer.pipeline_version = "9.9"
        assert newer.records[0].outcomes[0].direction == "improved"
        newer.records[0].outcomes[0].direction = "reported"  # the new pipeline reads this outcome differently
        newer.records = newer.records[:1]  # and no longer finds r2
        stored = store.reextract(session, article_id, newer, reviewer="lead")
        r1 = store.get_record(session, "a1-r1")
        assert r1.sample_size is not None and r1.sample_size.value == 99
        assert r1.review.fields == {"sample_size": "corrected", "design": "accepted"}
        assert r1.outcomes[0].direction == "reported" and r1.version == 3
        assert store.get_record(session, "a1-r2").active is False
        assert [r.id for r in stored.records] == ["a1-r1"]
        assert store.replay_history(session, "a1-r1") == r1
        assert store.replay_history(session, "a1-r2") == store.get_record(session, "a1-r2")


def test_store_records_merge_and_split(engine: Engine, article_id: str) -> None:
    with session_scope(engine) as session:
        versions = {"a1-r1": 1, "a1-r2": 1}
        merged = store.merge_records(session, ["a1-r1", "a1-r2"], "rev", "one study", versions=versions)
        assert merged.id == "a1-m1" and merged.version == 1
        assert [i.name for i in merged.interventions] == ["ketamine", "placebo", "esketamine"]
        assert merged.design is not None and merged.design.value == "randomized_controlled_trial"
        assert not store.get_record(session, "a1-r1").active and not store.get_record(session, "a1-r2").active
        source, created = store.split_record(session, "a1-m1", ["interventions/2", "outcomes/1"], "rev", "two")
        assert [i.name for i in source.interventions] == ["ketamine", "placebo"] and source.version == 2
        assert [i.name for i in created.interventions] == ["esketamine"] and [o.name for o in created.outcomes] == [
            "pain"
        ]
        for record_id in ("a1-r1", "a1-r2", "a1-m1", created.id):
            assert store.replay_history(session, record_id) == store.get_record(session, record_id)
        with pytest.raises(store.PatchError):
            store.merge_records(session, ["a1-r1", "a1-m1"], "rev", versions={"a1-r1": 2, "a1-m1": 2})


def test_store_records_odd_ids_stay_unique_and_url_safe(engine: Engine) -> None:
    result = sample_result(article_id="a path/with spaces")
    result.records[1].id = result.records[0].id = "r 1/x"
    with session_scope(engine) as session:
        article_id = store.save_article(session, raw="other input", result=result)
        ids = [r.id for r in store.article_records(session, article_id)]
    assert article_id == hashlib.sha256(b"other input").hexdigest()[:16]
    assert len(set(ids)) == 2 and all(store.SAFE_ID.fullmatch(i.split("-", 1)[1]) for i in ids)


def test_store_records_reextract_moves_evidence_to_the_new_text(engine: Engine, article_id: str) -> None:
    start = TEXT.index("120 patients")
    span = {"start": start, "end": start + 12, "text": "120 patients"}
    with session_scope(engine) as session:
        patch = RecordPatch.model_validate(
            {"set": {"sample_size": {"value": 121, "unit": "patients", "evidence": span}}}
        )
        store.apply_patch(session, "a1-r1", expected_version=1, patch=patch, reviewer="rev")
        newer = sample_result()
        newer.text = "Abstract. " + TEXT  # the new cleaning keeps a heading: every offset moves by 10
        for record in newer.records:
            record.design = record.sample_size = None
            for item in record.interventions:
                item.evidence = None
        store.reextract(session, article_id, newer)
        record = store.get_record(session, "a1-r1")
    assert record.sample_size is not None and record.sample_size.value == 121
    evidence = record.sample_size.evidence
    assert evidence is not None and (evidence.start, evidence.end) == (start + 10, start + 22)
    assert newer.text[evidence.start : evidence.end] == "120 patients"
    assert record.design is None and record.review.fields == {"sample_size": "corrected"}
