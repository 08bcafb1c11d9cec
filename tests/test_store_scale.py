"""The store at scale: every listing query reads by an index in its own order (EXPLAIN QUERY PLAN), the kept counts
equal a recount after any mix of writes and replacements, keyset pages add up to the whole listing, and
`bench --store` builds a consistent synthetic store and reports every query."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest
from click.testing import CliRunner

from newsgraph.bench_store import build, run_store_bench, workload
from newsgraph.cli import main
from newsgraph.errors import NotFoundError
from newsgraph.store import Store, aggregates, queries
from tests.test_store import TEXT, make_analysis


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("scale") / "synthetic.db")
    counts = build(path, 6000)
    return path, counts


def _plans(store: Store, run) -> list[tuple[str, list[str]]]:
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    try:
        run(store)
    finally:
        store.conn.set_trace_callback(None)
    return [(sql, [r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql)])
            for sql in seen if sql.lstrip().upper().startswith("SELECT")]


BIG = ("events", "quotes", "mentions", "affiliations", "articles", "spans", "event_evidence", "unresolved")


def test_every_cli_query_reads_by_an_index(synthetic):
    path, _ = synthetic
    with Store(path) as store:
        for name, run in workload(store):
            if name.startswith("search"):  # full-text search: the FTS5 index (newsgraph.store.search)
                continue
            for sql, plan in _plans(store, run):
                for step in plan:
                    scan = re.match(r"SCAN (\w+)$", step)  # a whole table read row by row
                    table = scan and re.search(rf"\b(\w+) (?:AS )?{scan.group(1)}\b", sql.replace("\n", " "))
                    assert not (scan and (scan.group(1) in BIG or (table and table.group(1) in BIG))), \
                        (name, step, sql)
                    if "USE TEMP B-TREE FOR ORDER BY" in step and "LIMIT" in sql and "UNION" not in sql:
                        # a page never sorts all matches first; allowed: the few thousand actors, and the quotes of
                        # the speakers whose names match (found by the speaker index)
                        assert "actor_counts" in sql or "q.speaker IN" in sql, (name, step, sql)


def test_listing_queries_filter_as_asked_on_the_synthetic_store(synthetic):
    path, counts = synthetic
    with Store(path) as store:
        assert queries.summary(store)["events"] == counts["events"] == 6000
        kept = aggregates.snapshot(store.conn)
        with store.atomic() as conn:
            aggregates.rebuild(conn)
        assert aggregates.snapshot(store.conn) == kept
        code = store.conn.execute("SELECT actor FROM actor_counts ORDER BY mentions DESC LIMIT 1").fetchone()[0]
        rows = queries.list_events(store, actor=code, type="CONSULT", limit=20)
        assert rows and all(code in (r["source"], r["target"]) and r["type"] == "CONSULT" for r in rows)
        everything = [r for r in queries.list_events(store, actor=code, type="CONSULT")]
        assert rows == everything[:20]  # the per-side index scans give the first page of the plain OR
        outlet = rows[0]["outlet"]
        assert all(r["outlet"] == outlet for r in queries.list_events(store, outlet=outlet, limit=30))


def _stored(store: Store, n: int) -> None:
    for i in range(n):
        date = None if i % 4 == 0 else f"2026-03-{1 + i % 3:02d}"  # undated ones, and many on the same day
        store.write(make_analysis(f"{TEXT} Number {i}.", key=f"{i}.txt", published=date))


def _pages(fetch, key: str, size: int) -> list:
    out, after = [], None
    while True:
        page = fetch(after=after, limit=size)
        out += page
        if len(page) < size:
            return out
        after = page[-1][key]


def test_keyset_pages_add_up_to_the_whole_listing(store_url):
    with Store(store_url) as store:
        _stored(store, 11)
        whole = queries.list_events(store)
        assert len(whole) == 11 and _pages(lambda **k: queries.list_events(store, **k), "id", 3) == whole
        whole = queries.list_quotes(store)
        assert _pages(lambda **k: queries.list_quotes(store, **k), "id", 4) == whole
        whole = queries.list_articles(store)
        assert len(whole) == 11 and _pages(lambda **k: queries.list_articles(store, **k), "id", 2) == whole
        pair = _pages(lambda **k: queries.list_events(store, actor="ETH", **k), "id", 5)
        assert pair == queries.list_events(store, actor="ETH")
        with pytest.raises(NotFoundError):
            queries.list_events(store, after=10**9)


def test_kept_counts_equal_a_recount_after_writes_and_replacements(store_url):
    with Store(store_url) as store:
        _stored(store, 4)
        store.write(make_analysis(f"{TEXT} Number 1, changed.", key="1.txt", person_actor="SDN"))
        base = make_analysis(f"{TEXT} No events.", key="2.txt")
        store.write(replace(base, events=(), article=replace(base.article, outlet="The Test Wire")))
        other = make_analysis(f"{TEXT} Negated.", key="3.txt")
        store.write(replace(other, events=(replace(other.events[0], negated=True),)))
        kept = aggregates.snapshot(store.conn)
        with store.atomic() as conn:
            aggregates.rebuild(conn)
        assert aggregates.snapshot(store.conn) == kept
        summary = queries.summary(store)
        assert (summary["articles"], summary["events"], summary["outlets"]) == (4, 3, 1)
        (pair,) = queries.top_pairs(store)
        assert (pair["source"], pair["type"], pair["target"], pair["times"]) == ("EGY", "REQUEST", "ETH", 2)
        assert queries.list_actors(store, limit=1)[0]["code"] in ("EGY", "ETH")


def test_bench_store_prints_every_query_and_the_p95_line(tmp_path):
    db = tmp_path / "b.db"
    lines = list(run_store_bench(2000, path=str(db), repeat=1))
    assert lines[0].startswith("built") and "events 2,000" in lines[0]
    body = [line for line in lines[2:-1] if not line.startswith("baseline:")]
    assert len(body) >= 30 and all(re.search(r"\s\d+\.\d\s+\d+\.\d\s+\d+$", line) for line in body)
    assert sum(line.startswith("baseline:") for line in lines) == 6
    assert re.fullmatch(r"store events=2000 p95_ms=\d+\.\d max_ms=\d+\.\d", lines[-1])
    result = CliRunner().invoke(main, ["bench", "--store", "--events", "2000", "--store-db", str(db)])
    assert result.exit_code == 0 and result.output.startswith("reusing") and "store events=2000" in result.output


def test_speaker_and_month_counts_follow_writes_and_replacements(store_url):
    with Store(store_url) as store:
        _stored(store, 4)
        store.write(make_analysis(f"{TEXT} Number 1, changed.", key="1.txt", published="2026-04-09"))
        speakers = {r["speaker"]: r["n"] for r in store.conn.execute("SELECT speaker, n FROM speaker_counts")}
        assert speakers == {"Omar Haddad": 4}
        months = {(r["actor"], r["side"], r["month"]): r["n"] for r in store.conn.execute(
            "SELECT actor, side, month, n FROM actor_months")}
        events = store.conn.execute("SELECT source, target, date FROM events").fetchall()
        expected: dict = {}
        for e in events:
            for actor, side in ((e["source"], "source"), (e["target"], "target")):
                key = (actor, side, (e["date"] or "")[:7])
                expected[key] = expected.get(key, 0) + 1
        assert months == expected and ("EGY", "source", "2026-04") in months
        everyone = queries.list_quotes(store)
        assert queries.list_quotes(store, speaker="hadd") == [q for q in everyone if "hadd" in q["speaker"].lower()]
        assert queries.list_quotes(store, speaker="nobody") == []


def test_a_store_of_the_previous_schema_upgrades_in_place(store_url, monkeypatch):
    """Stance sums move to their clustered table unchanged; the new counts are filled from the stored rows."""
    from newsgraph.stances import StanceHook, compute_stances
    from newsgraph.stances import rebuild as rebuild_stances
    from newsgraph.store import db

    with monkeypatch.context() as patch:  # a store written by the newsgraph of schema 8
        patch.setattr(db, "SCHEMA_VERSION", 8)
        patch.setattr(aggregates, "added", lambda conn, analysis: None)
        patch.setattr(aggregates, "removed", lambda conn, article_id: None)
        with Store(store_url) as old:
            assert old.schema_version() == 8
            for i in range(5):
                made = make_analysis(f"{TEXT} Number {i}.", key=f"{i}.txt", published=f"2026-0{1 + i % 3}-1{i}")
                kind = "ACCUSE" if i % 2 else "SUPPORT"   # events that weigh for a stance (a request does not)
                old.write(replace(made, events=tuple(replace(e, type=kind) for e in made.events)), (StanceHook(),))
            before = compute_stances(old, by="month", evidence=0)
    with Store(store_url) as store:
        assert store.schema_version() == db.SCHEMA_VERSION
        assert before and compute_stances(store, by="month", evidence=0) == before
        new = ("speaker_counts", "actor_months")
        kept = {t: rows for t, rows in aggregates.snapshot(store.conn).items() if t in new}
        with store.atomic() as conn:
            aggregates.rebuild(conn)
        assert {t: rows for t, rows in aggregates.snapshot(store.conn).items() if t in new} == kept
        assert all(kept[t] for t in new)
        rebuild_stances(store)
        assert compute_stances(store, by="month", evidence=0) == before
