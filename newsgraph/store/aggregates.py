"""Summary counts kept as tables, updated in each article's own transaction, so that `summary`, `actors` and the
web's overview read a few rows instead of scanning millions.

`added` counts what a new article brings; `removed` subtracts what an old version brought, read back from the
store before it is deleted. `rebuild` recomputes everything from the base tables (after a bulk load, or to check).
Keys are written in sorted order, so concurrent writers on PostgreSQL lock rows in one order and cannot deadlock.
'' stands for no outlet / no actor, as key columns cannot hold NULL.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from newsgraph.model import Analysis

TABLES = ("store_counts", "outlet_counts", "actor_counts", "unresolved_counts", "pair_counts", "speaker_counts",
          "actor_months")
RESOLVED = ("state", "org")


def added(conn: Any, analysis: Analysis) -> None:
    mentions = analysis.actors.mentions
    actors = Counter(m.code for m in mentions if m.code and m.kind != "person")
    _apply(conn, +1, {
        "totals": {"articles": 1, "events": len(analysis.events), "quotes": len(analysis.quotes),
                   "mentions": sum(m.kind in RESOLVED for m in mentions)},
        "outlet": (analysis.article.outlet or "", 1, len(analysis.events), len(analysis.quotes)),
        "actors": {code: (n, 1) for code, n in actors.items()},
        "unresolved": Counter(analysis.actors.unresolved),
        "pairs": Counter((e.source or "", e.type, e.target or "") for e in analysis.events
                         if e.modality == "asserted" and not e.negated),
        "speakers": Counter(q.speaker for q in analysis.quotes if q.speaker is not None),
        "months": _months(analysis),
    })


def _months(analysis: Analysis) -> Counter:
    """(actor, side, month) of each event's source and target; the month of the date the store keeps for it."""
    months: Counter = Counter()
    for e in analysis.events:
        month = (e.date or analysis.article.published or "")[:7]
        if e.source is not None:
            months[(e.source, "source", month)] += 1
        if e.target is not None:
            months[(e.target, "target", month)] += 1
    return months


def removed(conn: Any, article_id: str) -> None:
    one = lambda sql: conn.execute(sql, (article_id,)).fetchone()[0]  # noqa: E731
    row = conn.execute("SELECT outlet FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return
    events, quotes = one("SELECT COUNT(*) FROM events WHERE article_id = ?"), \
        one("SELECT COUNT(*) FROM quotes WHERE article_id = ?")
    _apply(conn, -1, {
        "totals": {"articles": 1, "events": events, "quotes": quotes,
                   "mentions": one("SELECT COUNT(*) FROM mentions WHERE article_id = ? AND kind IN ('state', 'org')")},
        "outlet": (row["outlet"] or "", 1, events, quotes),
        "actors": {r["actor"]: (r["n"], 1) for r in conn.execute(
            "SELECT actor, COUNT(*) AS n FROM mentions WHERE article_id = ? AND actor IS NOT NULL"
            " AND kind != 'person' GROUP BY actor", (article_id,))},
        "unresolved": {r["text"]: r["n"] for r in conn.execute(
            "SELECT text, COUNT(*) AS n FROM unresolved WHERE article_id = ? GROUP BY text", (article_id,))},
        "pairs": {(r["source"], r["type"], r["target"]): r["n"] for r in conn.execute(
            "SELECT COALESCE(source, '') AS source, type, COALESCE(target, '') AS target, COUNT(*) AS n FROM events"
            " WHERE article_id = ? AND modality = 'asserted' AND negated = 0"
            " GROUP BY COALESCE(source, ''), type, COALESCE(target, '')", (article_id,))},
        "speakers": {r["speaker"]: r["n"] for r in conn.execute(
            "SELECT speaker, COUNT(*) AS n FROM quotes WHERE article_id = ? AND speaker IS NOT NULL"
            " GROUP BY speaker", (article_id,))},
        "months": {(r["actor"], r["side"], r["month"]): r["n"] for r in conn.execute(
            "SELECT source AS actor, 'source' AS side, COALESCE(SUBSTR(date, 1, 7), '') AS month, COUNT(*) AS n"
            " FROM events WHERE article_id = ? AND source IS NOT NULL GROUP BY source, COALESCE(SUBSTR(date, 1, 7), '')"
            " UNION ALL SELECT target, 'target', COALESCE(SUBSTR(date, 1, 7), ''), COUNT(*) FROM events"
            " WHERE article_id = ? AND target IS NOT NULL GROUP BY target, COALESCE(SUBSTR(date, 1, 7), '')",
            (article_id, article_id))},
    })


# counts of one number per key: delta name -> (table, key columns)
_COUNTED = {"unresolved": ("unresolved_counts", ("text",)), "pairs": ("pair_counts", ("source", "type", "target")),
            "speakers": ("speaker_counts", ("speaker",)), "months": ("actor_months", ("actor", "side", "month"))}


def _apply(conn: Any, sign: int, delta: dict[str, Any]) -> None:
    conn.executemany("INSERT INTO store_counts (name, n) VALUES (?, ?)"
                     " ON CONFLICT(name) DO UPDATE SET n = store_counts.n + excluded.n",
                     [(name, sign * n) for name, n in sorted(delta["totals"].items())])
    outlet, articles, events, quotes = delta["outlet"]
    conn.execute("INSERT INTO outlet_counts (outlet, articles, events, quotes) VALUES (?, ?, ?, ?)"
                 " ON CONFLICT(outlet) DO UPDATE SET articles = outlet_counts.articles + excluded.articles,"
                 " events = outlet_counts.events + excluded.events, quotes = outlet_counts.quotes + excluded.quotes",
                 (outlet, sign * articles, sign * events, sign * quotes))
    actors = sorted(delta["actors"].items())
    if actors:
        conn.executemany("INSERT INTO actor_counts (actor, mentions, articles) VALUES (?, ?, ?)"
                         " ON CONFLICT(actor) DO UPDATE SET mentions = actor_counts.mentions + excluded.mentions,"
                         " articles = actor_counts.articles + excluded.articles",
                         [(code, sign * n, sign * a) for code, (n, a) in actors])
    counted = {name: sorted((k if isinstance(k, tuple) else (k,), n) for k, n in delta[name].items())
               for name in _COUNTED}
    for name, (table, keys) in _COUNTED.items():
        if counted[name]:
            conn.executemany(f"INSERT INTO {table} ({', '.join(keys)}, n) VALUES ({', '.join('?' * (len(keys) + 1))})"
                             f" ON CONFLICT({', '.join(keys)}) DO UPDATE SET n = {table}.n + excluded.n",
                             [(*key, sign * n) for key, n in counted[name]])
    if sign < 0:  # rows that count nothing any more go, so listings need no filter
        conn.execute("DELETE FROM outlet_counts WHERE outlet = ? AND articles <= 0", (outlet,))
        conn.executemany("DELETE FROM actor_counts WHERE actor = ? AND articles <= 0", [(c,) for c, _ in actors])
        for name, (table, keys) in _COUNTED.items():
            conn.executemany(f"DELETE FROM {table} WHERE {' AND '.join(f'{k} = ?' for k in keys)} AND n <= 0",
                             [key for key, _ in counted[name]])


REBUILD = (
    "INSERT INTO store_counts (name, n) SELECT 'articles', COUNT(*) FROM articles",
    "INSERT INTO store_counts (name, n) SELECT 'events', COUNT(*) FROM events",
    "INSERT INTO store_counts (name, n) SELECT 'quotes', COUNT(*) FROM quotes",
    "INSERT INTO store_counts (name, n) SELECT 'mentions', COUNT(*) FROM mentions WHERE kind IN ('state', 'org')",
    """INSERT INTO outlet_counts (outlet, articles, events, quotes)
       SELECT COALESCE(a.outlet, ''), COUNT(*), COALESCE(SUM(e.n), 0), COALESCE(SUM(q.n), 0) FROM articles a
       LEFT JOIN (SELECT article_id, COUNT(*) AS n FROM events GROUP BY article_id) e ON e.article_id = a.id
       LEFT JOIN (SELECT article_id, COUNT(*) AS n FROM quotes GROUP BY article_id) q ON q.article_id = a.id
       GROUP BY COALESCE(a.outlet, '')""",
    """INSERT INTO actor_counts (actor, mentions, articles)
       SELECT actor, COUNT(*), COUNT(DISTINCT article_id) FROM mentions
       WHERE actor IS NOT NULL AND kind != 'person' GROUP BY actor""",
    "INSERT INTO unresolved_counts (text, n) SELECT text, COUNT(*) FROM unresolved GROUP BY text",
    """INSERT INTO pair_counts (source, type, target, n)
       SELECT COALESCE(source, ''), type, COALESCE(target, ''), COUNT(*) FROM events
       WHERE modality = 'asserted' AND negated = 0 GROUP BY COALESCE(source, ''), type, COALESCE(target, '')""",
    "INSERT INTO speaker_counts (speaker, n) SELECT speaker, COUNT(*) FROM quotes WHERE speaker IS NOT NULL"
    " GROUP BY speaker",
    "INSERT INTO actor_months (actor, side, month, n) SELECT source, 'source', COALESCE(SUBSTR(date, 1, 7), ''),"
    " COUNT(*) FROM events WHERE source IS NOT NULL GROUP BY source, COALESCE(SUBSTR(date, 1, 7), '')",
    "INSERT INTO actor_months (actor, side, month, n) SELECT target, 'target', COALESCE(SUBSTR(date, 1, 7), ''),"
    " COUNT(*) FROM events WHERE target IS NOT NULL GROUP BY target, COALESCE(SUBSTR(date, 1, 7), '')",
)


def rebuild(conn: Any) -> None:
    """Recompute every count from the base tables (call inside a transaction)."""
    for table in TABLES:
        conn.execute(f"DELETE FROM {table}")
    for sql in REBUILD:
        conn.execute(sql)


def snapshot(conn: Any) -> dict[str, list[tuple]]:
    """Every count table's rows, sorted: to compare the kept counts with a rebuild."""
    return {t: sorted(tuple(r) for r in conn.execute(f"SELECT * FROM {t}")) for t in TABLES}
