"""The JSON text each stance sum keeps (stance_counts.body): what compute_stances' rows encode to, kept in step
with the sums, and what stances.dump reads instead of encoding every row (the same text, row for row)."""
from __future__ import annotations

import json

import pytest

from newsgraph.stances import compute_stances, dump
from newsgraph.stances.query import _COLUMNS
from newsgraph.stances.scale import fill_from_events
from newsgraph.store import Store

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    from newsgraph.bench_store import build

    path = str(tmp_path_factory.mktemp("body") / "synthetic.db")
    build(path, 6000)
    with Store(path) as store:
        fill_from_events(store)
        yield store


def _expected(r) -> str:
    """The row's JSON from "source" to "last" as compute_stances encodes it."""
    w, m = r["weight"], r["magnitude"]
    return _encode({"source": r["source"], "target": r["target"], "score": round(w / (m + 1), 3) + 0.0,
                    "period": r["period"], "outlet": None if r["outlet"] == "*" else r["outlet"],
                    "events": r["events"], "quotes": r["quotes"], "phrases": r["phrases"],
                    "cooperative": r["cooperative"], "conflictual": r["conflictual"], "weight": round(w, 3) + 0.0,
                    "magnitude": round(m, 3), "first": r["first"], "last": r["last"]})[:-1]


def _near_half(x: float) -> bool:
    t = abs(x * 1000.0)
    return abs(t - int(t) - 0.5) < 1e-6


def test_each_sum_keeps_the_json_compute_stances_gives(synthetic):
    rows = synthetic.conn.execute(f"SELECT source, target, outlet, grain, period, {_COLUMNS}, body"
                                  " FROM stance_counts").fetchall()
    kept = [r for r in rows if r["body"] is not None]
    assert len(kept) > 1000
    assert all(r["body"] == _expected(r) for r in kept)
    # no text: one outlet by week or month (kept small), and values where only Python rounds right
    for r in rows:
        listed = r["grain"] == "all" or r["outlet"] == "*"
        exact = not any(map(_near_half, (r["weight"] / (r["magnitude"] + 1), r["weight"], r["magnitude"])))
        assert (r["body"] is not None) == (listed and exact and r["magnitude"] > 0), tuple(r)
    assert any(r["body"] is None and r["grain"] == "all" for r in rows)   # a half: encoded by dump itself


def test_the_text_follows_the_sums(synthetic):
    key = synthetic.conn.execute("SELECT grain, outlet, source, target, period FROM stance_counts"
                                 " WHERE grain = 'all' AND outlet = '*' AND body IS NOT NULL LIMIT 1").fetchone()
    where = "grain = ? AND outlet = ? AND source = ? AND target = ? AND period = ?"
    synthetic.conn.execute(f"UPDATE stance_counts SET events = events + 2, weight = weight - 1.25,"
                           f" magnitude = magnitude + 1.25, last = '2031-01-01' WHERE {where}", tuple(key))
    row = synthetic.conn.execute(f"SELECT *, body FROM stance_counts WHERE {where}", tuple(key)).fetchone()
    assert row["body"] == _expected(row) and '"last":"2031-01-01"' in row["body"]
    synthetic.conn.rollback()


@pytest.mark.parametrize("form", [{}, {"by": "week"}, {"by": "month"}, {"by": "week", "actor": "first"},
                                  {"by": "month", "actor": "middle"}, {"actor": "middle"}, {"outlet": "top"},
                                  {"by": "month", "outlet": "top"}])
def test_dump_reads_the_kept_text_or_encodes_the_row_the_same_way(synthetic, form, monkeypatch):
    """An actor's rows by week or month are read in three pieces (target with the sources before it, source,
    target with the sources after it), none sorted: the order is compute_stances' order."""
    frequent = [r[0] for r in synthetic.conn.execute("SELECT source FROM stance_counts WHERE grain = 'all'"
                                                     " GROUP BY source ORDER BY COUNT(*) DESC, source LIMIT 2")]
    if "actor" in form:
        form = {**form, "actor": frequent[0] if form["actor"] == "first" else frequent[1]}
    if "outlet" in form:
        form = {**form, "outlet": synthetic.conn.execute(
            "SELECT outlet FROM stance_counts WHERE grain = 'all' AND outlet != '*' GROUP BY outlet"
            " ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]}
    expected = [_encode(r) for r in compute_stances(synthetic, **form)]
    assert len(expected) > 20
    if form.get("by") and form.get("actor"):   # all three pieces are there
        sources = {json.loads(r)["source"] for r in expected}
        assert min(sources) < form["actor"] < max(sources)
    assert dump.json_rows(synthetic, **form) == expected
    pieces = dump._pieces
    monkeypatch.setattr(dump, "_pieces", lambda store, by, actor, outlet, columns: pieces(
        store, by, actor, outlet, columns.replace(", body", ", NULL AS body")))   # as on a store without the text
    assert dump.json_rows(synthetic, **form) == expected
