"""Stances over stored records: the project's own articles (an alliance, a rivalry, a shift over time), the
incremental sums against a full rebuild, date ranges against the facts, GraphML, the CLI, the shared scorer."""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.ingest import iter_articles
from newsgraph.model import Article
from newsgraph.stances import StanceHook, compute_stances, explain_pair, rebuild, stance_graph
from newsgraph.stances.facts import (
    BACKGROUND_SCALE, JOINT_SCALE, event_weight, month_of, phrase_between, quote_polarity, week_of,
)
from newsgraph.stances.scale import fill_from_events
from newsgraph.store import Store

DATA = Path(__file__).parent / "data" / "stances"


@pytest.fixture(scope="module")
def analyses(analyzer):
    """The project's stance articles, analysed once."""
    return [analyzer.analyze(a) for a in iter_articles([str(DATA)]) if isinstance(a, Article)]


def _store(path: str, analyses) -> Store:
    store = Store(path)
    for analysis in analyses:
        store.write(analysis, (StanceHook(),))
    return store


@pytest.fixture()
def store(tmp_path, analyses):
    with _store(str(tmp_path / "stances.db"), analyses) as s:
        yield s


def _pair(rows, source, target, period="all"):
    found = [r for r in rows if (r["source"], r["target"], r["period"]) == (source, target, period)]
    assert found, f"no {source}->{target} ({period}) in {[(r['source'], r['target'], r['period']) for r in rows]}"
    return found[0]


def test_weights_follow_type_modality_and_negation():
    act = event_weight("SUPPORT", "asserted", False, False)
    assert act > event_weight("SUPPORT", "future", False, False) > 0          # a promise counts less than an act
    assert event_weight("THREATEN", "asserted", False, False) < 0
    assert event_weight("SUPPORT", "asserted", True, False) < 0               # "did not support" leans away
    assert event_weight("ASSAULT", "hypothetical", False, False) > event_weight("ASSAULT", "asserted", False, False)
    # forces withdrawn from a state de-escalate; leaving an organisation is a step away from it
    assert event_weight("RETREAT", "asserted", False, False, "state") > 0 > event_weight("RETREAT", "asserted", False,
                                                                                          False, "org")
    assert event_weight("REQUEST", "asserted", False, False) == 0
    assert event_weight("SUPPORT", "asserted", False, True) < act             # only relayed


def test_alignment_phrases_and_quote_polarity():
    assert phrase_between(", a close ally of ", reverse=False) == 1
    assert phrase_between(", the arch-rival of ", reverse=False) == -1
    assert phrase_between("'s staunchest ally ", reverse=True) == 1
    assert phrase_between(" said on Monday that ", reverse=False) == 0
    assert quote_polarity("We stand with our brothers and support them") == 1
    assert quote_polarity("We condemn this aggression") == -1
    assert quote_polarity("The weather was fine") == 0
    # strongly negative words of VADER's lexicon condemn without a condemning verb
    assert quote_polarity("This decision is a betrayal and it is unacceptable") == -1
    assert quote_polarity("We welcome this step, despite regrettable delays, and thank our partners") == 1


def test_alliance_rivalry_and_shift(store):
    rows = compute_stances(store)
    assert _pair(rows, "CHL", "PER")["score"] > 0.3              # alliance
    assert _pair(rows, "BOL", "PRY")["score"] < -0.3             # rivalry
    assert _pair(rows, "PRY", "BOL")["score"] < 0
    monthly = compute_stances(store, actor="ECU", by="month")
    before, after = _pair(monthly, "ECU", "COL", "2024-01"), _pair(monthly, "ECU", "COL", "2024-06")
    assert before["score"] > 0 > after["score"]                  # the shift over time
    assert (before["first"], after["last"]) == ("2024-01-15", "2024-06-20")
    assert all("ECU" in (r["source"], r["target"]) for r in monthly)
    yearly = compute_stances(store, by="year", actor="ECU")
    assert {r["period"] for r in yearly} == {"2024"}


def test_every_edge_keeps_its_evidence(store):
    row = _pair(compute_stances(store), "CHL", "PER")
    assert row["evidence"] and row["events"] >= 1
    for ref in row["evidence"]:
        kind, _, ident = ref.partition(":")
        table = {"event": "events", "quote": "quotes", "phrase": "stance_facts"}[kind]
        assert store.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (int(ident),)).fetchone()
    explained = explain_pair(store, "CHL", "PER")
    texts = {r["id"]: r["text"] for r in store.conn.execute("SELECT id, text FROM articles")}
    assert explained["forward"]["score"] > 0 and explained["facts"]
    for fact in explained["facts"]:
        assert fact["sentence"] and fact["sentence"] in texts[fact["article_id"]]
        assert fact["outlet"] == "The Harbour Gazette" and fact["date"] == "2024-03-04" and fact["why"]


def test_story_and_outlet_filters(store):
    aid = store.conn.execute("SELECT id FROM articles WHERE file = '02_rivalry.txt'").fetchone()[0]
    store.conn.execute("UPDATE articles SET story_id = 'rivalry' WHERE id = ?", (aid,))
    rows = compute_stances(store, story="rivalry")
    assert {(r["source"], r["target"]) for r in rows} <= {("BOL", "PRY"), ("PRY", "BOL")} and rows
    andes = compute_stances(store, outlet="Andes Daily")
    assert andes and {r["source"] for r in andes} <= {"ECU", "COL"}


@pytest.mark.parametrize("since,until,by", [("2024-01-10", "2024-03-05", None), ("2024-03-05", None, "month"),
                                            (None, "2024-04-10", "week"), ("2024-02", "2024-06", None),
                                            ("2024-03-06", "2024-03-06", None), ("2024-02-12", "2024-05-03", "year")])
def test_date_ranges_match_the_facts(store, since, until, by):
    """Whole periods come from the sums, the edges from the facts: the result equals summing the facts."""
    rows = compute_stances(store, since=since, until=until, by=by, evidence=0)
    lo = since + "-01" if since and len(since) == 7 else since or "0000-00-00"
    hi = until + "-30" if until and len(until) == 7 else until or "9999-99-99"   # June has 30 days
    label = {None: lambda d: "all", "month": month_of, "week": week_of, "year": lambda d: d[:4]}[by]
    expected: dict = {}
    for f in store.conn.execute("SELECT source, target, date, weight FROM stance_facts"):
        if f["date"] and lo <= f["date"] <= hi:
            expected.setdefault((f["source"], f["target"], label(f["date"])), []).append(f["weight"])
    got = {(r["source"], r["target"], r["period"]): r for r in rows}
    assert set(got) == set(expected)
    for key, weights in expected.items():
        assert got[key]["weight"] == pytest.approx(sum(weights), abs=1e-3)
        assert got[key]["events"] + got[key]["quotes"] + got[key]["phrases"] == len(weights)


def test_incremental_sums_equal_a_rebuild(tmp_path, analyses, analyzer):
    """A replaced article's facts leave the sums; what remains equals recomputing everything."""
    with _store(str(tmp_path / "inc.db"), analyses) as store:
        shift = next(a for a in analyses if a.article.file == "04_shift_after.txt")
        text = shift.article.text.replace("condemned Colombia for the raid", "thanked Colombia for the inquiry")
        changed = analyzer.analyze(replace(shift.article, text=text, id="changed0000000001", text_hash="changed"))
        assert store.write(changed, (StanceHook(),)) == "replaced"
        incremental = compute_stances(store, by="month", evidence=0)
        counts = [dict(r) for r in store.conn.execute("SELECT * FROM stance_counts ORDER BY source, target, outlet,"
                                                       " grain, period")]
        assert not store.conn.execute("SELECT 1 FROM stance_facts WHERE article_id = ?",
                                      (shift.article.id,)).fetchone()
        rebuild(store)
        assert compute_stances(store, by="month", evidence=0) == incremental
        again = [dict(r) for r in store.conn.execute("SELECT * FROM stance_counts ORDER BY source, target, outlet,"
                                                      " grain, period")]
        assert [{**r, "weight": round(r["weight"], 6), "magnitude": round(r["magnitude"], 6)} for r in again] == \
               [{**r, "weight": round(r["weight"], 6), "magnitude": round(r["magnitude"], 6)} for r in counts]


def test_bulk_fill_gives_the_hooks_event_facts(store):
    """The bulk path weighs each event by its type and modality alone; the hook also halves a joint act told in both
    directions and scales down a background event (it reads the article's other events and sentences)."""
    hook = dict((r["event_id"], r["weight"]) for r in store.conn.execute(
        "SELECT event_id, weight FROM stance_facts WHERE kind = 'event'"))
    fill_from_events(store)
    bulk = dict((r["event_id"], r["weight"]) for r in store.conn.execute(
        "SELECT event_id, weight FROM stance_facts WHERE kind = 'event'"))
    assert bulk.keys() == hook.keys() and bulk
    for event_id, weight in bulk.items():
        joint = round(weight * JOINT_SCALE, 4)
        assert hook[event_id] in (weight, joint, round(weight * BACKGROUND_SCALE, 4),
                                  round(joint * BACKGROUND_SCALE, 4)), event_id
    assert sum(hook[i] == w for i, w in bulk.items()) > len(bulk) / 2


def _compact(rows):
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    return [encode(r) for r in rows]


@pytest.mark.parametrize("evidence", [0, 5])
def test_rows_written_by_sqlite_are_the_same_text(store, tmp_path, evidence):
    """The JSON SQLite writes is, row for row, what encoding compute_stances gives: the project's articles (whole
    map, one outlet, one actor, by month and week), and a synthetic store whose scores fall on rounding halves."""
    from newsgraph.bench_store import build
    from newsgraph.stances.dump import json_rows

    outlet = store.conn.execute("SELECT outlet FROM stance_facts LIMIT 1").fetchone()[0]
    actor = store.conn.execute("SELECT source FROM stance_facts GROUP BY source ORDER BY COUNT(*) DESC").fetchone()[0]
    for form in ({}, {"outlet": outlet}, {"actor": actor}, {"by": "month"}, {"by": "week", "actor": actor},
                 {"by": "month", "outlet": outlet}):
        assert json_rows(store, evidence=evidence, **form) == _compact(
            compute_stances(store, evidence=evidence, **form)), form
    assert json_rows(store, by="year") is None   # summed per year in SQL: compute_stances answers it
    build(str(tmp_path / "synthetic.db"), 6000)
    with Store(str(tmp_path / "synthetic.db")) as synthetic:
        fill_from_events(synthetic)
        rows = compute_stances(synthetic, evidence=evidence)
        assert len(rows) > 500 and json_rows(synthetic, evidence=evidence) == _compact(rows)
        assert json_rows(synthetic, by="month", evidence=evidence) == _compact(
            compute_stances(synthetic, by="month", evidence=evidence))
        halves = [r for r in rows if abs(r["weight"] / (r["magnitude"] + 1) * 1000 % 1 - 0.5) < 1e-9]
        assert halves, "no score on a rounding half: the test would not see SQLite's ROUND"


def test_sql_rounding_is_pythons_round():
    """The SQL rounding of stances.dump gives Python's round(x, 3) + 0.0 on exact halves (k/16), on values a hair
    either side of a half in the third decimal (k/2000), and on random values of both signs."""
    import random
    import sqlite3

    from newsgraph.stances.dump import _round3, _rounded

    rng = random.Random(7)
    values = ([k / 16 for k in range(-400, 400)] + [k / 2000 for k in range(-8000, 8000)]
              + [rng.uniform(-60, 60) for _ in range(20000)] + [0.0, -0.0, -0.0004, 1e-12])
    conn = sqlite3.connect(":memory:")
    conn.create_function("py_round", 1, _round3, deterministic=True)
    conn.execute("CREATE TABLE v (x REAL)")
    conn.executemany("INSERT INTO v VALUES (?)", [(v,) for v in values])
    got = conn.execute(f"SELECT x, {_rounded('x')} FROM v").fetchall()
    assert [repr(y) for _, y in got] == [repr(round(x, 3) + 0.0) for x, _ in got]


def test_cli_json_equals_the_library(tmp_path, analyses):
    db = str(tmp_path / "cli.db")
    _store(db, analyses).close()
    runner = CliRunner()
    with Store(db) as s:
        expected = compute_stances(s)
    got = runner.invoke(main, ["stances", "--db", db, "--format", "json"])
    assert got.exit_code == 0 and json.loads(got.output) == expected
    with Store(db) as s:
        monthly = compute_stances(s, by="month", actor="CHL")
    assert json.loads(runner.invoke(main, ["stances", "--db", db, "--format", "json", "--by", "month", "--actor",
                                           "chl"]).output) == monthly and monthly
    bare = json.loads(runner.invoke(main, ["stances", "--db", db, "--format", "json", "--evidence", "0"]).output)
    assert [r["evidence"] for r in bare] == [[]] * len(expected) and len(expected) > 3
    empty = str(tmp_path / "empty.db")
    Store(empty).close()
    assert runner.invoke(main, ["stances", "--db", empty, "--format", "json"]).output == "[]\n"


def test_graphml_round_trip(store, tmp_path):
    rows = compute_stances(store, by="month")
    graph = stance_graph(rows)
    path = tmp_path / "stances.graphml"
    nx.write_graphml(graph, path)
    back = nx.read_graphml(path)
    assert back.nodes["PER"]["name"] == "Peru" and back.nodes["PER"]["kind"] == "state"
    edge = back.edges["ECU", "COL"]
    assert edge["events"] == sum(r["events"] for r in rows if (r["source"], r["target"]) == ("ECU", "COL")) >= 3
    assert edge["first"] == "2024-01-15" and edge["last"] == "2024-06-20"
    assert "2024-01" in edge["periods"] and "2024-06" in edge["periods"]
    assert back.edges["CHL", "PER"]["score"] > 0 > back.edges["BOL", "PRY"]["score"]


def test_stances_on_postgresql_too(store_url, analyses):
    """The same facts, sums and answers on both backends (portable SQL)."""
    with _store(store_url, analyses) as store:
        rows = compute_stances(store, by="month", evidence=2)
        assert _pair(rows, "ECU", "COL", "2024-06")["score"] < 0 < _pair(rows, "CHL", "PER", "2024-03")["score"]
        json.dumps(rows)  # plain numbers, whatever the backend's SUM returns
        changed = replace(analyses[0].article, text=analyses[0].article.text + "\nMore later.",
                          id="changed0000000002", text_hash="changed2")
        assert store.write(replace(analyses[0], article=changed), (StanceHook(),)) == "replaced"
        incremental = compute_stances(store, evidence=0)
        assert rebuild(store) > 0
        assert compute_stances(store, evidence=0) == incremental


def test_cli_stances(tmp_path):
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    assert runner.invoke(main, ["analyze", str(DATA), "--db", db]).exit_code == 0
    out = runner.invoke(main, ["stances", "--db", db, "--format", "json"])
    assert out.exit_code == 0
    rows = json.loads(out.output)
    assert _pair(rows, "CHL", "PER")["score"] > 0
    lines = out.output.splitlines()   # one row a line between the brackets: greppable, and fast to write
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == len(rows) + 2
    assert json.loads(lines[1].rstrip(",")) == rows[0]
    csv_out = runner.invoke(main, ["stances", "--db", db, "--format", "csv", "--actor", "bol"])
    assert csv_out.output.splitlines()[0].startswith("source,target,score") and "BOL" in csv_out.output
    graphml = runner.invoke(main, ["stances", "--db", db, "--format", "graphml"])
    assert graphml.output.lstrip().startswith("<graphml") and 'id="CHL"' in graphml.output
    explained = runner.invoke(main, ["stances", "--db", db, "--explain", "ECU", "COL", "--format", "json"])
    assert json.loads(explained.output)["facts"]
    bad = runner.invoke(main, ["stances", "--db", db, "--since", "2024-13"])
    assert bad.exit_code == 1 and "Traceback" not in bad.output and len(bad.output.strip().splitlines()) == 1


def test_cli_stances_table_shows_the_strongest_rows_first_and_says_so(tmp_path, monkeypatch):
    from newsgraph.cli import across

    db = str(tmp_path / "table.db")
    runner = CliRunner()
    assert runner.invoke(main, ["analyze", str(DATA), "--db", db]).exit_code == 0
    every = json.loads(runner.invoke(main, ["stances", "--db", db, "--format", "json"]).output)
    assert len(every) > 3
    monkeypatch.setattr(across, "TABLE_ROWS", 3)
    table = runner.invoke(main, ["stances", "--db", db])
    assert table.exit_code == 0 and "the first 3 rows; --limit 0 shows all" in table.output
    strongest = sorted(every, key=lambda r: (-r["magnitude"], r["source"], r["target"]))[:3]
    assert all(f"{r['source']}" in table.output for r in strongest)
    assert sum(line.count("│") > 3 and any(r["source"] in line for r in every)
               for line in table.output.splitlines()) <= 3 * 2   # at most three rows (a row may wrap onto two lines)
    whole = runner.invoke(main, ["stances", "--db", db, "--limit", "0"])
    assert "the first" not in whole.output
    assert len(json.loads(runner.invoke(main, ["stances", "--db", db, "--format", "json"]).output)) == len(every)


def test_seed_stances_with_the_shared_scorer(shared, tmp_path):
    """The expected edges of ../shared/gold/seeds.json `corpus_stances`, scored by the shared scorer."""
    db, out = str(tmp_path / "seeds.db"), tmp_path / "stances.json"
    runner = CliRunner()
    runner.invoke(main, ["analyze", str(shared / "corpus" / "seeds"), "--db", db])
    out.write_text(runner.invoke(main, ["stances", "--db", db, "--format", "json"]).output)
    result = subprocess.run([sys.executable, str(shared / "eval" / "score_stances.py"),
                             str(shared / "gold" / "seeds.json"), str(out), "--min-agree", "0.85",
                             "--min-cover", "0.85"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_form_agrees_with_the_whole_answer(store_url, analyses):
    """The fast paths (the ranked all-time sums, the actor as two key ranges, --by with --limit read pair by pair,
    explain cut per direction) give the rows of the whole answer, filtered and cut, on both backends."""
    with _store(store_url, analyses) as store:
        whole = compute_stances(store, evidence=0)
        assert whole and [r["magnitude"] for r in whole] == sorted((r["magnitude"] for r in whole), reverse=True)
        assert compute_stances(store, evidence=0, limit=3) == whole[:3]
        for actor in ("ECU", "COL"):
            assert compute_stances(store, actor=actor, evidence=0) == \
                [r for r in whole if actor in (r["source"], r["target"])]
        for by in ("week", "month", "year"):
            split = compute_stances(store, by=by, evidence=0)
            assert len(split) > 3 and compute_stances(store, by=by, evidence=0, limit=3) == split[:3]
            ecu = compute_stances(store, by=by, actor="ECU", evidence=0)
            assert compute_stances(store, by=by, actor="ECU", evidence=0, limit=2) == ecu[:2]
        explained = explain_pair(store, "ECU", "COL")
        assert len(explained["facts"]) > 2
        assert explain_pair(store, "ECU", "COL", limit=2)["facts"] == explained["facts"][:2]
        assert [(f["date"], f["id"]) for f in explained["facts"]] == sorted((f["date"], f["id"])
                                                                            for f in explained["facts"])
