"""Stance date ranges read from the periods index (stances.ranges, migration 17) give exactly the rows of the
table-key path, on a real SQLite store whose sums round differently when added in another order."""
from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta

import pytest

from newsgraph.stances import query, ranges
from newsgraph.stances.facts import Fact
from newsgraph.stances.hook import _apply
from newsgraph.stances.query import compute_stances
from newsgraph.store import Store, db, schema

PAIRS = [("AAA", "BBB"), ("BBB", "AAA"), ("AAA", "CCC"), ("CCC", "DDD"), ("DDD", "AAA")]
RANGES = [("2021-03-10", "2022-07-20"), ("2021-01-01", "2021-12-31"), ("2022-02-14", None), (None, "2021-05-17"),
          ("2021-06-03", "2021-06-21"), ("2020-12-01", "2023-12-31"), ("2021-02-01", "2021-02-28")]


def _facts(seed: int = 5) -> list[Fact]:
    """Facts over 30 months: four-decimal weights, as event weights are, so that many sums fall on a half in the
    third decimal and their rounding turns on the order of the additions."""
    rng = random.Random(seed)
    start = date(2020, 11, 1)
    out = []
    for _ in range(3000):
        source, target = rng.choice(PAIRS)
        day = (start + timedelta(days=rng.randrange(900))).isoformat()
        out.append(Fact(source, target, rng.choice(("event", "event", "quote", "phrase")),
                        rng.choice((-1, 1)) * rng.randint(1, 9999) / 10000, "invented", day,
                        rng.choice(("Outlet One", "Outlet Two"))))
    return out


def _store(path) -> Store:
    store = Store(path)
    with store.atomic() as conn:
        conn.execute("INSERT INTO articles (id, key, file, text, text_hash, analysed_at, model, newsgraph_version)"
                     " VALUES ('a1', 'a1', 'a1', 'x', 'h', 'now', 'm', 'v')")
        facts = _facts()
        conn.executemany(
            "INSERT INTO stance_facts (article_id, source, target, outlet, date, kind, weight, why)"
            " VALUES ('a1', ?, ?, ?, ?, ?, ?, ?)", [(f.source, f.target, f.outlet, f.date, f.kind, f.weight, f.why)
                                                     for f in facts])
        for i in range(0, len(facts), 7):   # as articles arrive: the sums are added to a few facts at a time
            _apply(conn, facts[i:i + 7], +1)
    return store


def _table_key_path(monkeypatch, store, **kw):
    with monkeypatch.context() as m:
        m.setattr(query, "short_range", lambda *a: False)
        return compute_stances(store, **kw)


@pytest.mark.parametrize("by", [None, "year", "month", "week"])
def test_a_range_from_the_periods_index_equals_the_table_key_path(tmp_path, monkeypatch, by):
    with _store(tmp_path / "s.db") as store:
        used = []
        real = ranges.range_sums
        monkeypatch.setattr(query, "range_sums", lambda *a: used.append(a) or real(*a))
        for since, until in RANGES:
            for limit in (None, 2):
                got = compute_stances(store, since=since, until=until, by=by, limit=limit)
                assert got == _table_key_path(monkeypatch, store, since=since, until=until, by=by, limit=limit)
                assert all(r["period"] is not None for r in got)
        assert used   # the short ranges took the periods index


def test_short_and_long_ranges(tmp_path):
    with _store(tmp_path / "s.db") as store:
        assert ranges.short_range(store, "month", ("2021-04", "2022-05"))        # 14 of 30 months: under half
        assert not ranges.short_range(store, "month", ("2021-04", "2022-06"))    # 15 of 30: half
        assert not ranges.short_range(store, "month", ("2020-11", "2022-12"))    # 26 of 30
        assert not ranges.short_range(store, "month", (None, None))
        assert ranges.short_range(store, "week", ("2021-03-15", "2021-09-27"))
        assert ranges.short_range(store, "month", ("2030-01", "2030-06"))        # past the store: nothing to read
        assert compute_stances(store, since="2030-01-01", until="2030-06-30") == []


def test_the_range_reads_only_its_periods_from_the_index(tmp_path):
    with _store(tmp_path / "s.db") as store:
        names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "stance_counts_periods" in names
        plan = " ".join(r[3] for r in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT source, target, " + ranges.SUMS + " FROM stance_counts INDEXED BY"
            " stance_counts_periods WHERE grain = 'month' AND outlet = '*' AND grain != 'all' AND period >= ?"
            " AND period <= ? GROUP BY source, target", ("2021-04", "2021-09")))
        assert "COVERING INDEX stance_counts_periods (grain=? AND period>? AND period<?)" in plan


def test_a_store_read_without_migration_17_answers_the_same(tmp_path, monkeypatch):
    path = tmp_path / "v16.db"
    with monkeypatch.context() as m:
        m.setattr(db, "MIGRATIONS", schema.MIGRATIONS[:16])
        m.setattr(db, "SCHEMA_VERSION", 16)
        _store(path).close()
        with Store(path, readonly=True) as old:
            assert old.schema_version() == 16
            assert not ranges.short_range(old, "month", ("2021-04", "2021-06"))   # no index: the table's key
            before = [compute_stances(old, since=s, until=u) for s, u in RANGES]
    with Store(path) as store:   # migrated: the index is built from the rows already there
        assert store.schema_version() == schema.SCHEMA_VERSION
        assert [compute_stances(store, since=s, until=u) for s, u in RANGES] == before
        n = store.conn.execute("SELECT COUNT(*) FROM stance_counts INDEXED BY stance_counts_periods"
                               " WHERE grain = 'week' AND outlet = '*' AND grain != 'all'").fetchone()[0]
        assert n == store.conn.execute("SELECT COUNT(*) FROM stance_counts WHERE grain = 'week'"
                                       " AND outlet = '*'").fetchone()[0] > 0


def test_the_sorter_keeps_each_pairs_months_in_order(tmp_path):
    """The index's GROUP BY (a sort by pair of rows read in period order) sums as the table key's GROUP BY (rows
    read by pair, then period) does, bit for bit; summed the other way round, some pair's bits differ, so the
    equality is not vacuous."""
    with _store(tmp_path / "s.db") as store:
        conn: sqlite3.Connection = store.conn
        where = ("WHERE grain = 'month' AND outlet = '*' AND grain != 'all' AND period >= '2021-01'"
                 " AND period <= '2022-12'")
        kept = {(s, t): w for s, t, w in conn.execute(
            f"SELECT source, target, SUM(weight) FROM stance_counts INDEXED BY stance_counts_periods {where}"
            " GROUP BY source, target")}
        plan = " ".join(r[3] for r in conn.execute(
            f"EXPLAIN QUERY PLAN SELECT source, target, SUM(weight) FROM stance_counts {where}"
            " GROUP BY source, target"))
        assert "PRIMARY KEY" in plan and "TEMP B-TREE" not in plan   # the table-key path: no sort at all
        assert kept == {(s, t): w for s, t, w in conn.execute(
            f"SELECT source, target, SUM(weight) FROM stance_counts {where} GROUP BY source, target")}
        backward: dict = {}
        for s, t, w in conn.execute(f"SELECT source, target, weight FROM stance_counts {where}"
                                    " ORDER BY source, target, period DESC"):
            backward[(s, t)] = backward.get((s, t), 0.0) + w
        assert kept != backward


def test_a_range_reads_the_periods_index_on_both_backends(store_url, monkeypatch):
    """Migration 17's partial index is built on PostgreSQL too, and a short range read from it gives the rows of
    the table-key path there as well."""
    with _store(store_url) as store:
        if store.backend == "postgresql":
            assert store.conn.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'stance_counts_periods'"
                                      " AND schemaname = current_schema()").fetchone() is not None
        used = []
        real = ranges.range_sums
        monkeypatch.setattr(query, "range_sums", lambda *a: used.append(a) or real(*a))
        for by in (None, "year", "month", "week"):
            for since, until in RANGES:
                got = compute_stances(store, since=since, until=until, by=by, evidence=0)
                assert got == _table_key_path(monkeypatch, store, since=since, until=until, by=by, evidence=0)
        assert used
