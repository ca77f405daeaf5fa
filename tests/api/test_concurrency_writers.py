"""8 writers × 200 corrections on the same two records, plus readers, through the store on a shared engine: no
"database is locked", every correction stored or refused as stale, audit rows = stored corrections, replay = state."""

from __future__ import annotations

import threading
import time
from collections import Counter

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from api import store
from api.db import session_scope
from api.schemas import RecordPatch
from api.tables import Correction
from tests.api.conftest import bearer

WRITERS, CORRECTIONS, RECORDS = 8, 200, ("a1-r1", "a1-r2")


def test_concurrency_writers_never_lose_a_correction(engine: Engine, article_id: str) -> None:
    stored: Counter[str] = Counter()
    refused: Counter[str] = Counter()
    errors: list[BaseException] = []
    reads = Counter[str]()
    lock = threading.Lock()
    writers_done = threading.Event()

    def writer(w: int) -> None:
        # Like a client: read each record once, then use the version a 200 or a 409 answers with.
        try:
            with session_scope(engine) as session:
                versions = {record_id: store.record_version(session, record_id) for record_id in RECORDS}
            for i in range(CORRECTIONS):
                record_id = RECORDS[(w + i) % 2]
                patch = RecordPatch.model_validate({"set": {"follow_up": f"w{w}-{i}"}, "reason": "load"})
                try:
                    with session_scope(engine) as session:
                        record = store.apply_patch(
                            session, record_id, expected_version=versions[record_id], patch=patch, reviewer=f"w{w}"
                        )
                    outcome = stored
                except store.VersionConflict as conflict:
                    assert conflict.current.version > versions[record_id]
                    record, outcome = conflict.current, refused
                versions[record_id] = record.version
                with lock:
                    outcome[record_id] += 1
        except BaseException as e:  # noqa: BLE001 - reported by the main thread
            errors.append(e)

    def reader() -> None:
        try:
            while not writers_done.is_set():
                with session_scope(engine) as session:
                    page = store.list_records(session, store.RecordFilters(article_id="a1"))
                    assert {r.id for r in page.items} == set(RECORDS)
                    assert store.get_record(session, RECORDS[0]).version >= 1
                reads["pages"] += 1
                time.sleep(0.02)  # readers read often, but do not starve the writers of the GIL
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
    readers = [threading.Thread(target=reader) for _ in range(2)]
    for thread in readers + threads:
        thread.start()
    for thread in threads:
        thread.join()
    writers_done.set()
    for thread in readers:
        thread.join()

    assert errors == [], errors[:3]
    assert sum(stored.values()) + sum(refused.values()) == WRITERS * CORRECTIONS
    assert sum(stored.values()) > 0 and reads["pages"] > 0
    with session_scope(engine) as session:
        for record_id in RECORDS:
            current = store.get_record(session, record_id)
            audit = session.scalar(
                select(func.count())
                .select_from(Correction)
                .where(Correction.record_id == record_id, Correction.action == "set")
            )
            assert audit == stored[record_id]
            assert current.version == 1 + stored[record_id]
            assert store.replay_history(session, record_id) == current


def test_concurrency_writers_over_http(app: FastAPI, keys: dict[str, str], article_id: str) -> None:
    """The same race through the HTTP layer: every PATCH is 200 or 409, never a 5xx, and reads keep answering."""
    statuses: Counter[int] = Counter()
    errors: list[BaseException] = []
    headers = bearer(keys["reviewer"])

    def writer(w: int) -> None:
        try:
            client = TestClient(app)
            version = client.get("/v1/records/a1-r1", headers=headers).json()["version"]
            for i in range(25):
                body = {"set": {"follow_up": f"http-{w}-{i}"}}
                response = client.patch("/v1/records/a1-r1", json=body, headers={**headers, "If-Match": str(version)})
                assert response.status_code in (200, 409), response.text
                current = response.json() if response.status_code == 200 else response.json()["current"]
                version = current["version"]
                assert client.get("/v1/records?article_id=a1", headers=headers).status_code == 200
                with lock:
                    statuses[response.status_code] += 1
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    lock = threading.Lock()
    threads = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [], errors[:3]
    client = TestClient(app)
    record = client.get("/v1/records/a1-r1", headers=headers).json()
    history = client.get("/v1/records/a1-r1/history", headers=headers).json()["items"]
    assert sum(statuses.values()) == 100 and record["version"] == 1 + statuses[200]
    assert len([h for h in history if h["action"] == "set"]) == statuses[200]
