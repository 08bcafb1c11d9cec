"""Stances at scale: fill facts and sums straight from a large store's events, and time the stance queries.

`fill_from_events` is the bulk path for a store whose events were loaded without the write hook (the synthetic
store of `newsgraph bench --store`): one streaming pass over the events with the type and modality weights of
`StanceHook` (`facts.event_weight`; not the hook's halving of a joint act or scaling of a background event, which
read the article's other events and sentences), sums kept in memory for one source actor at a time (events are read
in source order), no quotes or phrases (the hook's per-article path derives those). Figures are printed, never
asserted.
"""
from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable, Iterator
from typing import Any

from newsgraph.stances.dump import json_rows
from newsgraph.stances.facts import count_keys, event_weight
from newsgraph.stances.query import compute_stances, explain_pair

CHUNK = 50_000
_encode = json.JSONEncoder(ensure_ascii=False).encode   # as the CLI's json output encodes rows


def fill_from_events(store: Any) -> int:
    """Replace all stance facts and sums with those of the stored events (one transaction); returns facts written."""
    sums: dict[tuple[str, str, str, str, str], list[Any]] = {}
    written = 0
    with store.atomic() as conn:
        conn.execute("DELETE FROM stance_counts")
        conn.execute("DELETE FROM stance_facts")
        cursor = conn.execute(
            "SELECT e.id, e.article_id, e.source, e.target, e.type, e.modality, e.negated, e.reported_by, e.date,"
            " e.trigger, COALESCE(e.outlet, '') AS outlet, t.kind AS target_kind FROM events e"
            " LEFT JOIN actors t ON t.code = e.target WHERE e.source IS NOT NULL"
            " AND e.target IS NOT NULL AND e.source != e.target ORDER BY e.source")
        source = None
        while rows := cursor.fetchmany(CHUNK):
            batch = []
            for e in rows:
                if e["source"] != source:   # keys start with the source: flush, so memory stays bounded
                    _flush(conn, sums)
                    source = e["source"]
                weight = event_weight(e["type"], e["modality"], bool(e["negated"]), bool(e["reported_by"]),
                                      e["target_kind"])
                if not weight:
                    continue
                why = f"{'not ' if e['negated'] else ''}{e['type']} ({e['modality']}, '{e['trigger']}')"
                batch.append((e["article_id"], e["source"], e["target"], e["outlet"], e["date"], "event", e["id"],
                              weight, why))
                for outlet, grain, period in count_keys(e["outlet"], e["date"]):
                    s = sums.setdefault((e["source"], e["target"], outlet, grain, period),
                                        [0, 0, 0, 0.0, 0.0, None, None])
                    s[0] += 1
                    s[1] += weight > 0
                    s[2] += weight < 0
                    s[3] += weight
                    s[4] += abs(weight)
                    if e["date"]:
                        s[5] = e["date"] if s[5] is None or e["date"] < s[5] else s[5]
                        s[6] = e["date"] if s[6] is None or e["date"] > s[6] else s[6]
            store.conn.executemany(
                "INSERT INTO stance_facts (article_id, source, target, outlet, date, kind, event_id, weight, why)"
                " VALUES (?,?,?,?,?,?,?,?,?)", batch)
            written += len(batch)
        _flush(conn, sums)
    return written


def _flush(conn: Any, sums: dict) -> None:
    conn.executemany(
        "INSERT INTO stance_counts (source, target, outlet, grain, period, events, cooperative, conflictual,"
        " weight, magnitude, first, last) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [(*key, *s) for key, s in sums.items()])
    sums.clear()


def stance_workload(store: Any) -> list[tuple[str, Callable[[Any], Any]]]:
    """The stance queries users run, with a frequent actor, pair and outlet drawn from the store itself."""
    top = store.conn.execute("SELECT source, target FROM stance_counts WHERE grain = 'all' AND outlet = '*'"
                             " ORDER BY events DESC LIMIT 1").fetchone()
    outlet = store.conn.execute("SELECT outlet, SUM(events) AS n FROM stance_counts WHERE grain = 'all'"
                                " AND outlet != '*' GROUP BY outlet ORDER BY n DESC LIMIT 1").fetchone()
    a, b = (top["source"], top["target"]) if top else ("USA", "CHN")
    o = outlet["outlet"] if outlet else None
    return [
        ("stances (all pairs, 5 evidence ids each)", lambda s: compute_stances(s)),
        ("stances (all pairs, no evidence ids)", lambda s: compute_stances(s, evidence=0)),
        ("json, whole map (rows, then encoded)", lambda s: ",\n".join(map(_encode, compute_stances(s)))),
        ("json, whole map (by SQLite)", lambda s: ",\n".join(json_rows(s) or [])),
        ("stances --limit 50", lambda s: compute_stances(s, limit=50)),
        ("stances --actor", lambda s: compute_stances(s, actor=a)),
        ("stances --actor --by month", lambda s: compute_stances(s, actor=a, by="month")),
        ("stances --actor --by week", lambda s: compute_stances(s, actor=a, by="week")),
        ("json --actor --by month (by SQLite)",
         lambda s: ",\n".join(json_rows(s, actor=a, by="month") or [])),
        ("json --actor --by week (by SQLite)",
         lambda s: ",\n".join(json_rows(s, actor=a, by="week") or [])),
        ("stances --by year --limit 100", lambda s: compute_stances(s, by="year", limit=100)),
        ("stances --outlet", lambda s: compute_stances(s, outlet=o, limit=100)),
        ("stances --since --until (partial months)", lambda s: compute_stances(s, since="2020-03-10",
                                                                              until="2021-07-20", limit=100)),
        ("stances --since --until (whole answer)", lambda s: compute_stances(s, since="2020-03-10",
                                                                             until="2021-07-20")),
        ("stances --explain (top pair)", lambda s: explain_pair(s, a, b, limit=200)),
    ]


def time_queries(open_store: Callable[[], Any], repeat: int = 3) -> Iterator[str]:
    """One line per stance query: cold (fresh connection) and warm (median of `repeat`) milliseconds, rows."""
    with open_store() as store:
        work = stance_workload(store)
    yield f"{'stance query':42} {'cold ms':>9} {'warm ms':>9} {'rows':>7}"
    for name, run in work:
        with open_store() as store:
            started = time.perf_counter()
            result = run(store)
            cold = (time.perf_counter() - started) * 1000
            warm = []
            for _ in range(repeat):
                started = time.perf_counter()
                run(store)
                warm.append((time.perf_counter() - started) * 1000)
        rows = len(result) if isinstance(result, list) else result.count("\n") + 1 if isinstance(result, str) \
            else len(result.get("facts", []))
        yield f"{name:42} {cold:9.1f} {statistics.median(warm):9.1f} {rows:7}"
