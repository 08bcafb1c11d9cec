"""Store-wide term counts: the informative prior of the log-odds (Monroe, Colaresi & Quinn 2008).

`TermCountHook` keeps table `compare_terms` in step with the articles inside each article's transaction, so the
prior costs one indexed read per term at query time, however large the store. The row with the empty term holds
the total count. Each article's own counts are kept too (`compare_doc_terms`), so a comparison reads them instead
of tokenising its texts again.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from typing import Any

from newsgraph.compare.text import term_counts
from newsgraph.model import Analysis

TOTAL = ""  # the term of the row that holds the sum of all counts
_CHUNK = 400


_ADD = ("INSERT INTO compare_terms (term, n) VALUES (?, ?)"
        " ON CONFLICT (term) DO UPDATE SET n = compare_terms.n + excluded.n")
# SQLite: an article's counts as one statement over the JSON object of them (the text compare_doc_terms keeps), in
# the object's order, instead of one statement per term (a hundred or more per article)
_ADD_JSON = ("INSERT INTO compare_terms (term, n) SELECT key, {sign}value FROM json_each(?) WHERE true"
             " ON CONFLICT (term) DO UPDATE SET n = compare_terms.n + excluded.n")


def _apply(conn: Any, counts: Counter[str], sign: int, text: str | None = None) -> None:
    """Add (sign +1) or subtract (-1) counts to the store-wide ones; `text`: the counts as JSON, when at hand."""
    if not counts:
        return
    total = (TOTAL, sign * sum(counts.values()))
    if not (isinstance(conn, sqlite3.Connection) and _added_as_json(conn, text or _encode(counts), sign)):
        rows = [*((term, sign * n) for term, n in counts.items()), total]
        if hasattr(conn, "executemany"):
            conn.executemany(_ADD, rows)
        else:
            for row in rows:
                conn.execute(_ADD, row)
    else:
        conn.execute(_ADD, total)
    if sign < 0:
        conn.execute("DELETE FROM compare_terms WHERE n <= 0 AND term <> ?", (TOTAL,))


def _added_as_json(conn: sqlite3.Connection, text: str, sign: int) -> bool:
    try:
        conn.execute(_ADD_JSON.format(sign="-" if sign < 0 else ""), (text,))
    except sqlite3.OperationalError as exc:   # a SQLite without its JSON functions
        if "json_each" not in str(exc):
            raise
        return False
    return True


def _encode(counts: Counter[str]) -> str:
    return json.dumps(counts, ensure_ascii=False, separators=(",", ":"))


class TermCountHook:
    """A store WriteHook: stores an article's term counts and adds them to the store-wide counts when it is
    stored; subtracts them when it is replaced (the article's own row goes with it, ON DELETE CASCADE)."""

    def removed(self, conn: Any, article_id: str) -> None:
        row = conn.execute("SELECT terms FROM compare_doc_terms WHERE article_id = ?", (article_id,)).fetchone()
        if row is not None:
            _apply(conn, Counter(json.loads(row["terms"])), -1, row["terms"])
            return
        row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is not None:  # stored before the counts were kept per article
            _apply(conn, term_counts(row["text"]), -1)

    def added(self, conn: Any, analysis: Analysis) -> None:
        counts = term_counts(analysis.article.text)
        text = _encode(counts)
        conn.execute("INSERT INTO compare_doc_terms (article_id, terms) VALUES (?, ?) ON CONFLICT (article_id)"
                     " DO UPDATE SET terms = excluded.terms", (analysis.article.id, text))
        _apply(conn, counts, +1, text)


def prior_counts(conn: Any, terms: Iterable[str]) -> tuple[dict[str, int], int]:
    """The store-wide counts of `terms` and the store's total count."""
    wanted = sorted(set(terms) | {TOTAL})
    found: dict[str, int] = {}
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i:i + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT term, n FROM compare_terms WHERE term IN ({marks})", chunk):
            found[row["term"]] = row["n"]
    return found, found.pop(TOTAL, 0)


def rebuild(conn: Any) -> int:
    """Recount every stored article (for a store written before the hook existed); returns the articles counted."""
    conn.execute("DELETE FROM compare_terms")
    conn.execute("DELETE FROM compare_doc_terms")
    total: Counter[str] = Counter()
    n = 0
    for row in conn.execute("SELECT id, text FROM articles").fetchall():
        counts = term_counts(row["text"])
        conn.execute("INSERT INTO compare_doc_terms (article_id, terms) VALUES (?, ?)",
                     (row["id"], json.dumps(counts, ensure_ascii=False, separators=(",", ":"))))
        total.update(counts)
        n += 1
    _apply(conn, total, +1)
    return n


def doc_counts(conn: Any, article_ids: Iterable[str]) -> dict[str, Counter[str]]:
    """The stored term counts of these articles (those stored before the hook existed are missing)."""
    ids = list(article_ids)
    out: dict[str, Counter[str]] = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT article_id, terms FROM compare_doc_terms WHERE article_id IN ({marks})",
                                chunk):
            out[row["article_id"]] = Counter(json.loads(row["terms"]))
    return out
