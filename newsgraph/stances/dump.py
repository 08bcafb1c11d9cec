"""Stance rows as JSON text, one row a line, encoded by SQLite: the answers that run to tens of thousands of rows.

The whole map of a large store, or one actor by week or month, is tens of thousands of rows. Building a dict per
row and encoding it in Python costs several times the query itself, so for a SQLite store the rows are written as
JSON by SQLite (`json_object`, in C) straight from the sums, with the same keys, values and order as
`compute_stances`. Only the first `evidence_rows` rows get their evidence ids added here. Forms that fold facts in
Python (date ranges, a story, by year), PostgreSQL stores and SQLite builds without JSON functions return None, and
the caller encodes `compute_stances`.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from newsgraph.stances.query import _COLUMNS, _evidence, scoped_sql

# The row's keys in compute_stances' order. Scores and sums are rounded as Python's round does. SQLite's ROUND
# agrees except near a half in the third decimal, where it goes by the printed digits (0.0625 is 0.063 there, 0.062
# here; 2.675 is 2.68 there, 2.67 here): only those few values, about one in a thousand, call back into Python.
# + 0.0 as there: no -0.0.
def _rounded(x: str) -> str:
    t = f"ABS(({x}) * 1000.0)"
    return f"(CASE WHEN ABS({t} - CAST({t} AS INTEGER) - 0.5) < 1e-6 THEN py_round({x}) ELSE ROUND({x}, 3) + 0.0 END)"


_ROW = f"""SELECT c.source, c.target, c.period, json_object(
 'source', c.source, 'target', c.target, 'score', {_rounded('c.weight / (c.magnitude + 1)')}, 'period', c.period,
 'outlet', ?, 'events', c.events, 'quotes', c.quotes, 'phrases', c.phrases, 'cooperative', c.cooperative,
 'conflictual', c.conflictual, 'weight', {_rounded('c.weight')}, 'magnitude', {_rounded('c.magnitude')},
 'first', c.first, 'last', c.last,
 'source_name', COALESCE(a.name, c.source),
 'source_kind', COALESCE(a.kind, CASE WHEN LENGTH(c.source) = 3 THEN 'state' ELSE 'org' END),
 'target_name', COALESCE(b.name, c.target),
 'target_kind', COALESCE(b.kind, CASE WHEN LENGTH(c.target) = 3 THEN 'state' ELSE 'org' END),
 'evidence', json_array())
 FROM ({{rows}}) AS c LEFT JOIN actors a ON a.code = c.source LEFT JOIN actors b ON b.code = c.target
 ORDER BY {{order}}"""
_NO_EVIDENCE = '"evidence":[]}'


def _round3(x: float | None) -> float | None:
    return None if x is None else round(x, 3) + 0.0


def json_rows(store: Any, *, actor: str | None = None, by: str | None = None, outlet: str | None = None,
              evidence: int = 5, evidence_rows: int = 1000) -> list[str] | None:
    """The rows `compute_stances` gives for the whole store (all time, or by week or month; one outlet or all; an
    actor on either side or any), each as a compact JSON object; None for what only compute_stances answers."""
    if getattr(store, "backend", "sqlite") != "sqlite" or by not in (None, "week", "month"):
        return None
    rows, params = scoped_sql(store, by or "all", actor, outlet, ["magnitude > 0"], [], "period, " + _COLUMNS)
    order = "c.magnitude DESC, c.source, c.target" if by is None else "c.source, c.target, c.period"
    store.conn.create_function("py_round", 1, _round3, deterministic=True)
    cursor = store.conn.cursor()
    cursor.row_factory = None
    try:
        found = cursor.execute(_ROW.format(rows=rows, order=order), [outlet, *params]).fetchall()
    except sqlite3.OperationalError as exc:   # a SQLite without its JSON functions (before 3.38, built without)
        if "json_" not in str(exc):
            raise
        return None
    texts = [text for *_, text in found]
    if evidence:
        encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        for i, (source, target, period, text) in enumerate(found[:evidence_rows]):
            ids = _evidence(store, {"source": source, "target": target, "period": period}, None, None, outlet,
                            None, evidence)
            texts[i] = text[:-len(_NO_EVIDENCE)] + f'"evidence":{encode(ids)}}}'
    return texts
