"""Migrations on real SQLite files: a version-14 store taken to the current schema (the stance sums' JSON text,
migration 15; the story members' index by date source, migration 16), a version-14 store read without migrating, and a
SQLite without JSON functions (the probe monkeypatched), where the text column is a plain one."""
from __future__ import annotations

import importlib
import json
import shutil
import sqlite3

import pytest

from newsgraph.stances import dump
from newsgraph.store import Store, db, schema, stance_body

_COLS = ("source, target, outlet, grain, period, events, quotes, phrases, cooperative, conflictual, weight,"
         " magnitude, first, last")
ROWS = [   # all time over all outlets; one near a rounding half (0.0625: SQLite 0.063, Python 0.062); by month
    ("AAA", "BBB", "*", "all", "all", 3, 1, 0, 2, 1, 1.25, 2.5, "2024-01-02", "2024-02-03"),
    ("AAA", "CCC", "*", "all", "all", 1, 0, 0, 1, 0, 0.0625, 0.0625, "2024-01-05", "2024-01-05"),
    ("AAA", "BBB", "Outlet One", "all", "all", 2, 0, 0, 1, 1, -0.4, 1.6, "2024-01-02", "2024-01-20"),
    ("AAA", "BBB", "*", "month", "2024-01", 2, 1, 0, 1, 1, 0.75, 1.75, "2024-01-02", "2024-01-20"),
    ("AAA", "BBB", "Outlet One", "month", "2024-01", 2, 0, 0, 1, 1, -0.4, 1.6, "2024-01-02", "2024-01-20"),
]
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _old_store(path, monkeypatch, version: int) -> None:
    """A store at `version`: the migrations of that day only, then the stance sums and two story members."""
    with monkeypatch.context() as m:
        m.setattr(db, "MIGRATIONS", schema.MIGRATIONS[:version])
        m.setattr(db, "SCHEMA_VERSION", version)
        with Store(path) as store:
            assert store.schema_version() == version
            with store.atomic() as conn:
                conn.executemany(f"INSERT INTO stance_counts ({_COLS}) VALUES ({','.join('?' * 14)})", ROWS)
                for aid, day, how in (("a1", "2024-03-05", "published"), ("a2", "2025-01-01", "text")):
                    conn.execute("INSERT INTO articles (id, key, file, text, text_hash, analysed_at, model,"
                                 " newsgraph_version) VALUES (?, ?, ?, 'x', ?, 'now', 'm', 'v')", (aid, aid, aid, aid))
                    conn.execute("INSERT INTO story_members (article_id, story_id, seq, date, date_from, vector)"
                                 " VALUES (?, 's1', 1, ?, ?, x'')", (aid, day, how))


def _expected(r: tuple) -> str:
    """The row's JSON from "source" to "last" as compute_stances encodes it (Python's rounding)."""
    source, target, outlet, _, period, ev, qu, ph, co, cf, w, m, first, last = r
    return _encode({"source": source, "target": target, "score": round(w / (m + 1), 3) + 0.0, "period": period,
                    "outlet": None if outlet == "*" else outlet, "events": ev, "quotes": qu, "phrases": ph,
                    "cooperative": co, "conflictual": cf, "weight": round(w, 3) + 0.0, "magnitude": round(m, 3) + 0.0,
                    "first": first, "last": last})[:-1]


def _answers(store: Store) -> list:
    return [dump.json_rows(store, evidence=0), dump.json_rows(store, by="month", evidence=0),
            dump.json_rows(store, outlet="Outlet One", evidence=0), dump.json_rows(store, actor="BBB", by="month")]


def test_a_version_14_store_is_migrated_and_read_unmigrated_the_same(tmp_path, monkeypatch):
    path, old = tmp_path / "v14.db", tmp_path / "v14-copy.db"
    _old_store(path, monkeypatch, 14)
    shutil.copy(path, old)
    with Store(old, readonly=True) as unmigrated:   # no body column: every row encoded by dump itself
        assert unmigrated.schema_version() == 14
        before = _answers(unmigrated)
    with Store(path) as store:
        assert store.schema_version() == schema.SCHEMA_VERSION
        body = {tuple(r[:5]): r[5] for r in store.conn.execute(
            "SELECT source, target, outlet, grain, period, body FROM stance_counts")}
        for r in ROWS:
            kept = body[r[:5]]
            if r[1] == "CCC" or (r[3] == "month" and r[2] != "*"):   # near a half; one outlet by month
                assert kept is None
            else:
                assert kept == _expected(r)
        # the ranked index was made again, and holds the text
        assert "body" in [r[2] for r in store.conn.execute("PRAGMA index_info(stance_counts_rank)")]
        after = _answers(store)
    assert after == before and all(after)
    half = next(json.loads(t) for t in after[0] if '"CCC"' in t)
    assert half["weight"] == 0.062 and half["magnitude"] == 0.062   # Python's rounding, not SQLite's 0.063
    assert len(after[0]) == 2 and json.loads(after[0][0])["target"] == "BBB"


def test_migration_16_finds_a_storys_published_member_by_index(tmp_path, monkeypatch):
    """Whether a candidate story has a published date is one seek, not a read of all its members."""
    path = tmp_path / "v15.db"
    _old_store(path, monkeypatch, 15)
    with Store(path) as store:
        indexes = {r["name"] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'"
                                                         " AND tbl_name = 'story_members'")}
        assert "story_members_dated" in indexes and "story_members_story" not in indexes
        dated = ("SELECT EXISTS (SELECT 1 FROM story_members m WHERE m.story_id = ? AND m.date_from = 'published')")
        plan = " ".join(r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + dated, ("s1",)))
        assert "story_members_dated (story_id=? AND date_from=?)" in plan
        assert store.conn.execute(dated, ("s1",)).fetchone()[0] == 1
        store.conn.execute("UPDATE story_members SET date_from = 'text'")
        assert store.conn.execute(dated, ("s1",)).fetchone()[0] == 0


def test_json_functions_probe_sees_a_sqlite_without_them(monkeypatch):
    assert stance_body.json_functions()

    class NoJson:
        def execute(self, sql):
            raise sqlite3.OperationalError("no such function: json_object")

        def close(self):
            pass

    monkeypatch.setattr(stance_body.sqlite3, "connect", lambda *a: NoJson())
    assert not stance_body.json_functions()


@pytest.fixture()
def without_json(monkeypatch):
    """The schema as it is built where the probe finds no JSON functions."""
    monkeypatch.setattr(stance_body, "json_functions", lambda: False)
    try:
        fallback = importlib.reload(schema)
        monkeypatch.setattr(db, "MIGRATIONS", fallback.MIGRATIONS)
        yield
    finally:
        monkeypatch.undo()
        importlib.reload(schema)


def test_without_json_functions_the_text_is_a_plain_column_and_writes_work(tmp_path, monkeypatch, without_json):
    with Store(tmp_path / "nojson.db") as store:
        columns = {r["name"]: r["hidden"] for r in store.conn.execute("PRAGMA table_xinfo(stance_counts)")}
        assert columns["body"] == 0   # not generated: nothing evaluates json_object on a write
        with store.atomic() as conn:
            conn.executemany(f"INSERT INTO stance_counts ({_COLS}) VALUES ({','.join('?' * 14)})", ROWS)
            conn.execute("UPDATE stance_counts SET weight = weight + 1 WHERE source = 'AAA'")
        assert store.conn.execute("SELECT COUNT(*) FROM stance_counts WHERE body IS NOT NULL").fetchone()[0] == 0
        texts = dump.json_rows(store, evidence=0)   # this SQLite has JSON: dump encodes every row itself
    first = json.loads(texts[0])
    assert first["target"] == "BBB" and first["weight"] == 2.25 and first["score"] == round(2.25 / 3.5, 3)
