"""Full-text search over articles, quotes and events: the search box of the web UI.

SQLite: the FTS5 tables of the full-text migration (porter stemming, so "talks" finds "talk"). PostgreSQL: the GIN
tsvector indexes of the same migration. A store without either (an older file opened read-only) falls back to LIKE.
Results come newest stored first (highest id), a page at a time: `before` is the last id of the previous page, so
paging is keyset and costs the same on page 1 and page 1000 (ranking every match of a common word does not).
"""
from __future__ import annotations

import re
from typing import Any

from newsgraph.store.db import Store

Row = dict[str, Any]
KINDS = ("articles", "quotes", "events")
_WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)

# kind -> (FTS table, base table, id column, searched columns, selected columns, join)
_TABLES = {
    "articles": ("articles_fts", "articles", "rowid", ("title", "text"),
                 "x.rowid AS rowkey, x.id, x.title, x.outlet, x.published, x.text AS body, x.id AS article_id", ""),
    "quotes": ("quotes_fts", "quotes", "id", ("text", "speaker"),
               "x.id AS rowkey, x.id, x.speaker, x.actor, x.direct, x.text AS body, x.article_id, a.outlet, "
               "a.published, a.title", " JOIN articles a ON a.id = x.article_id"),
    "events": ("events_fts", "events", "id", ("sentence", "trigger"),
               "x.id AS rowkey, x.id, x.source, x.target, x.type, x.modality, x.negated, x.date, x.sentence AS body, "
               "x.article_id, a.outlet, a.title", " JOIN articles a ON a.id = x.article_id"),
}
_PG_VECTOR = {"articles": "COALESCE(x.title, '') || ' ' || x.text", "quotes": "x.text", "events": "x.sentence"}


def terms(query: str) -> list[str]:
    """The words of a query, lower-cased; punctuation and FTS5 operators are not the user's business."""
    return [w.lower() for w in _WORD.findall(query or "")][:12]


def has_fts(store: Store) -> bool:
    """Whether this SQLite store has the FTS5 tables (a file migrated by this newsgraph)."""
    if getattr(store, "backend", "sqlite") != "sqlite":
        return False
    row = store.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles_fts'").fetchone()
    return row is not None


def search(store: Store, query: str, *, kind: str = "articles", limit: int = 20, before: int | None = None) -> list[Row]:
    """One page of `kind` rows matching every word of `query`, newest first, each with a `snippet`.

    Args:
        kind: "articles", "quotes" or "events".
        before: only rows with a smaller key (the `rowkey` of the last row of the previous page).
    """
    words = terms(query)
    if not words or kind not in _TABLES:
        return []
    fts, table, key, columns, select, join = _TABLES[kind]
    backend = getattr(store, "backend", "sqlite")
    params: list[Any] = []
    order = f"x.{key}"
    if has_fts(store):  # driven by the FTS index in rowid order, so LIMIT stops early however common the word
        join = f" JOIN {table} x ON x.{key} = {fts}.rowid" + join
        table, order = fts, f"{fts}.rowid"
        where = f"{fts} MATCH ?"
        params.append(" ".join('"' + w.replace('"', '""') + '"' for w in words))
    elif backend == "postgresql":
        where = f"to_tsvector('english', {_PG_VECTOR[kind]}) @@ plainto_tsquery('english', ?)"
        params.append(" ".join(words))
        table += " x"
    else:
        where = " AND ".join("(" + " OR ".join(f"LOWER(x.{c}) LIKE ?" for c in columns) + ")" for _ in words)
        for w in words:
            params.extend([f"%{w}%"] * len(columns))
        table += " x"
    if before is not None:
        where += f" AND {order} < ?"
        params.append(before)
    sql = f"SELECT {select} FROM {table}{join} WHERE {where} ORDER BY {order} DESC LIMIT ?"
    rows = [dict(r) for r in store.conn.execute(sql, [*params, max(1, min(limit, 200))])]
    for row in rows:
        row["snippet"] = snippet(row.pop("body") or "", words)
    return rows


def snippet(text: str, words: list[str], width: int = 220) -> str:
    """A window of `text` around the first word of the query found in it (stems count: 'talks' for 'talk')."""
    lower = text.lower()
    hits = [lower.find(w[:max(4, len(w) - 2)]) for w in words]
    hits = [h for h in hits if h >= 0]
    if not hits or len(text) <= width:
        return text[:width] + ("…" if len(text) > width else "")
    start = max(0, min(hits) - width // 3)
    end = min(len(text), start + width)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")
