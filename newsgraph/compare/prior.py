"""Store-wide term counts: the informative prior of the log-odds (Monroe, Colaresi & Quinn 2008).

`TermCountHook` keeps table `compare_terms` in step with the articles inside each article's transaction, so the
prior costs one indexed read per term at query time, however large the store. The row with the empty term holds
the total count.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from newsgraph.compare.text import term_counts
from newsgraph.model import Analysis

TOTAL = ""  # the term of the row that holds the sum of all counts
_CHUNK = 400


def _apply(conn: Any, counts: Counter[str], sign: int) -> None:
    if not counts:
        return
    rows = [(term, sign * n) for term, n in counts.items()]
    rows.append((TOTAL, sign * sum(counts.values())))
    sql = ("INSERT INTO compare_terms (term, n) VALUES (?, ?)"
           " ON CONFLICT (term) DO UPDATE SET n = compare_terms.n + excluded.n")
    if hasattr(conn, "executemany"):
        conn.executemany(sql, rows)
    else:
        for row in rows:
            conn.execute(sql, row)
    if sign < 0:
        conn.execute("DELETE FROM compare_terms WHERE n <= 0 AND term <> ?", (TOTAL,))


class TermCountHook:
    """A store WriteHook: adds an article's term counts when it is stored, subtracts them when it is replaced."""

    def removed(self, conn: Any, article_id: str) -> None:
        row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is not None:
            _apply(conn, term_counts(row["text"]), -1)

    def added(self, conn: Any, analysis: Analysis) -> None:
        _apply(conn, term_counts(analysis.article.text), +1)


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
    total: Counter[str] = Counter()
    n = 0
    for row in conn.execute("SELECT text FROM articles").fetchall():
        total.update(term_counts(row["text"]))
        n += 1
    _apply(conn, total, +1)
    return n
