"""Keep stance facts and their sums up to date in each article's transaction (a `store.db.WriteHook`).

`stance_counts` holds, per directed pair x (outlet, and all outlets) x (week, month, all time), the counts and
signed sums of the facts, so a query over millions of events reads one row per pair and period. Adding an article adds to its keys; removing one subtracts
and recomputes first/last dates of the keys it touched from the facts that remain.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsgraph.model import Analysis
from newsgraph.stances.facts import ALL, Fact, article_facts, count_keys, period_bounds

_KIND_COLUMN = {"event": "events", "quote": "quotes", "phrase": "phrases"}
_KIND_INDEX = {"event": 0, "quote": 1, "phrase": 2}


class StanceHook:
    """Stance facts and sums for each article written to the store."""

    def added(self, conn: Any, analysis: Analysis) -> None:
        add_article(conn, analysis.article.id)

    def removed(self, conn: Any, article_id: str) -> None:
        remove_article(conn, article_id)


def add_article(conn: Any, article_id: str) -> int:
    """Derive and store one article's facts and add them to the sums; returns how many facts."""
    facts = article_facts(conn, article_id)
    if not facts:
        return 0
    conn.executemany(
        "INSERT INTO stance_facts (article_id, source, target, outlet, date, kind, event_id, quote_id, span_id,"
        " weight, why) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(article_id, f.source, f.target, f.outlet, f.date, f.kind, f.event_id, f.quote_id, f.span_id, f.weight,
          f.why) for f in facts])
    _apply(conn, facts, +1)
    return len(facts)


def remove_article(conn: Any, article_id: str) -> None:
    """Subtract one article's facts from the sums and delete them (before the article itself goes)."""
    rows = conn.execute("SELECT source, target, outlet, date, kind, weight, why FROM stance_facts"
                        " WHERE article_id = ?", (article_id,)).fetchall()
    if not rows:
        return
    facts = [Fact(r["source"], r["target"], r["kind"], r["weight"], r["why"], r["date"], r["outlet"]) for r in rows]
    conn.execute("DELETE FROM stance_facts WHERE article_id = ?", (article_id,))
    keys = _apply(conn, facts, -1)
    for source, target, outlet, grain, period in keys:
        left = conn.execute(
            "SELECT events + quotes + phrases AS n FROM stance_counts WHERE source = ? AND target = ? AND outlet = ?"
            " AND grain = ? AND period = ?", (source, target, outlet, grain, period)).fetchone()
        if left is None or left["n"] <= 0:
            conn.execute("DELETE FROM stance_counts WHERE source = ? AND target = ? AND outlet = ? AND grain = ?"
                         " AND period = ?", (source, target, outlet, grain, period))
            continue
        first, last = _date_range(conn, source, target, outlet, grain, period)
        conn.execute("UPDATE stance_counts SET first = ?, last = ? WHERE source = ? AND target = ? AND outlet = ?"
                     " AND grain = ? AND period = ?", (first, last, source, target, outlet, grain, period))


def _date_range(conn: Any, source: str, target: str, outlet: str, grain: str,
                period: str) -> tuple[str | None, str | None]:
    """First and last date of the remaining facts of one key."""
    if not period:
        return None, None
    sql = "SELECT MIN(date) AS first, MAX(date) AS last FROM stance_facts WHERE source = ? AND target = ?"
    params: list[Any] = [source, target]
    if outlet != ALL:
        sql += " AND outlet = ?"
        params.append(outlet)
    if grain != "all":
        sql += " AND date >= ? AND date < ?"
        params += period_bounds(grain, period)
    row = conn.execute(sql, params).fetchone()
    return row["first"], row["last"]


def _apply(conn: Any, facts: Iterable[Fact], sign: int) -> set[tuple[str, str, str, str, str]]:
    """Add (sign +1) or subtract (-1) facts to their keys' sums; returns the keys touched."""
    sums: dict[tuple[str, str, str, str, str], list[Any]] = {}
    for f in facts:
        kind = _KIND_INDEX[f.kind]
        for outlet, grain, period in count_keys(f.outlet, f.date):
            key = (f.source, f.target, outlet, grain, period)
            row = sums.setdefault(key, [0, 0, 0, 0, 0, 0.0, 0.0, None, None])
            row[kind] += 1
            row[3] += f.weight > 0
            row[4] += f.weight < 0
            row[5] += f.weight
            row[6] += abs(f.weight)
            if f.date:
                row[7] = f.date if row[7] is None or f.date < row[7] else row[7]
                row[8] = f.date if row[8] is None or f.date > row[8] else row[8]
    conn.executemany(
        "INSERT INTO stance_counts (source, target, outlet, grain, period, events, quotes, phrases, cooperative,"
        " conflictual, weight, magnitude, first, last) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT (source, target, outlet, grain, period) DO UPDATE SET"
        " events = stance_counts.events + excluded.events, quotes = stance_counts.quotes + excluded.quotes,"
        " phrases = stance_counts.phrases + excluded.phrases,"
        " cooperative = stance_counts.cooperative + excluded.cooperative,"
        " conflictual = stance_counts.conflictual + excluded.conflictual,"
        " weight = stance_counts.weight + excluded.weight, magnitude = stance_counts.magnitude + excluded.magnitude,"
        " first = CASE WHEN stance_counts.first IS NULL OR excluded.first < stance_counts.first"
        " THEN excluded.first ELSE stance_counts.first END,"
        " last = CASE WHEN stance_counts.last IS NULL OR excluded.last > stance_counts.last"
        " THEN excluded.last ELSE stance_counts.last END",
        [(*key, *row) for key, row in sums.items()] if sign > 0 else
        [(*key, *(-v for v in row[:7]), row[7], row[8]) for key, row in sums.items()])
    return set(sums)


def rebuild(store: Any) -> int:
    """Recompute every fact and sum from the stored articles (a store written before stances, or without the hook).
    One transaction; returns the number of facts."""
    with store.atomic() as conn:
        conn.execute("DELETE FROM stance_counts")
        conn.execute("DELETE FROM stance_facts")
        ids = [r["id"] for r in conn.execute("SELECT id FROM articles ORDER BY published, id").fetchall()]
        return sum(add_article(conn, aid) for aid in ids)
