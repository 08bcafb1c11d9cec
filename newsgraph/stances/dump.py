"""Stance rows as JSON text, one row a line: the answers that run to tens of thousands of rows.

The whole map of a large store, or one actor by week or month, is tens of thousands of rows. Building a dict per
row and encoding it in Python costs several times the query itself, and so does encoding every value in SQL: each
row of the sums of all time or of all outlets keeps its JSON text, from "source" to "last" (`stance_counts.body`,
a column SQLite computes whenever the sums change), with the same keys, values and order as `compute_stances`.
A listing reads those texts in key or index order (no sort), SQLite encodes the few rows without one, and the
actors' names and kinds are added here, encoded once per actor. Only the first `evidence_rows` rows get their
evidence ids. Forms that fold facts in Python (date ranges, a story, by year), PostgreSQL stores and SQLite builds
without JSON functions return None, and the caller encodes `compute_stances`.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from newsgraph.stances.query import _COLUMNS, _evidence, scoped_sql
from newsgraph.store.stance_body import near_half

# The row's keys in compute_stances' order. Scores and sums are rounded as Python's round does: SQLite's ROUND
# agrees except near a half in the third decimal (store.stance_body.near_half), and only those few values, about
# one in a thousand, call back into Python. + 0.0 as there: no -0.0.
def _rounded(x: str) -> str:
    return f"(CASE WHEN {near_half(x)} THEN py_round({x}) ELSE ROUND({x}, 3) + 0.0 END)"


# A row's JSON from "source" to "last", without the closing brace: the text its sums keep (stance_counts.body), or,
# where they keep none (near a rounding half, one outlet by week or month, a store migrated without generated
# columns), encoded here the same way. The names, kinds and evidence are added in Python, once per actor.
_ROW = f"""SELECT COALESCE(c.body, rtrim(json_object(
 'source', c.source, 'target', c.target, 'score', {_rounded('c.weight / (c.magnitude + 1)')}, 'period', c.period,
 'outlet', ?, 'events', c.events, 'quotes', c.quotes, 'phrases', c.phrases, 'cooperative', c.cooperative,
 'conflictual', c.conflictual, 'weight', {_rounded('c.weight')}, 'magnitude', {_rounded('c.magnitude')},
 'first', c.first, 'last', c.last), '}}}}')), c.source, c.target
 FROM ({{rows}}) AS c ORDER BY {{order}}"""
_KEYS = "SELECT c.source, c.target, c.period FROM ({rows}) AS c ORDER BY {order} LIMIT ?"
_NO_EVIDENCE = '"evidence":[]}'
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class _Tails(dict):
    """Actor code -> the JSON of its name and kind as the source, or as the target (with the row's end); a code
    not in `actors` stands for itself (three letters: a state), as in compute_stances."""

    def __init__(self, actors: list, side: str) -> None:
        super().__init__()
        self.side = side
        for code, name, kind in actors:
            self[code] = self._tail(name, kind)

    def _tail(self, name: str, kind: str) -> str:
        text = f',"{self.side}_name":{_encode(name)},"{self.side}_kind":{_encode(kind)}'
        return text + ',"evidence":[]}' if self.side == "target" else text

    def __missing__(self, code: str) -> str:
        self[code] = self._tail(code, "state" if len(code) == 3 else "org")
        return self[code]


def _round3(x: float | None) -> float | None:
    return None if x is None else round(x, 3) + 0.0


def json_rows(store: Any, *, actor: str | None = None, by: str | None = None, outlet: str | None = None,
              evidence: int = 5, evidence_rows: int = 1000) -> list[str] | None:
    """The rows `compute_stances` gives for the whole store (all time, or by week or month; one outlet or all; an
    actor on either side or any), each as a compact JSON object; None for what only compute_stances answers."""
    if getattr(store, "backend", "sqlite") != "sqlite" or by not in (None, "week", "month"):
        return None
    store.conn.create_function("py_round", 1, _round3, deterministic=True)
    cursor = store.conn.cursor()
    cursor.row_factory = None
    actors = cursor.execute("SELECT code, name, kind FROM actors").fetchall()   # once, for both sides
    sources, targets = _Tails(actors, "source"), _Tails(actors, "target")
    for body in ("body", "NULL AS body"):   # a store whose sums keep no JSON text: every row encoded here
        pieces = _pieces(store, by, actor, outlet, f"period, {_COLUMNS}, {body}")
        try:
            texts = [f"{text}{sources[source]}{targets[target]}" for rows, params, order in pieces
                     for text, source, target in cursor.execute(_ROW.format(rows=rows, order=order),
                                                                [outlet, *params])]
            break
        except sqlite3.OperationalError as exc:   # a SQLite without its JSON functions (before 3.38, built without)
            if "no such column: body" in str(exc):
                continue
            if "json_" not in str(exc):
                raise
            return None
    if evidence and texts:
        keys: list[tuple] = []
        for rows, params, order in pieces:
            if len(keys) < evidence_rows:
                keys += cursor.execute(_KEYS.format(rows=rows, order=order), [*params, evidence_rows - len(keys)])
        for i, (source, target, period) in enumerate(keys):
            ids = _evidence(store, {"source": source, "target": target, "period": period}, None, None, outlet,
                            None, evidence)
            texts[i] = texts[i][:-len(_NO_EVIDENCE)] + f'"evidence":{_encode(ids)}}}'
    return texts


def _pieces(store: Any, by: str | None, actor: str | None, outlet: str | None,
            columns: str) -> list[tuple[str, list[Any], str]]:
    """The answer's rows as (SQL, parameters, order) pieces read one after the other, each in the order of the key
    or index it reads, so that no piece is sorted: the whole map from the ranked index; by week or month, the
    actor's rows by (source, target, period) are those where it is the target and the source sorts before it, then
    those where it is the source, then the rest where it is the target."""
    grain = by or "all"
    if not actor:
        rows, params = scoped_sql(store, grain, None, outlet, ["magnitude > 0"], [], columns)
        return [(rows, params, "c.magnitude DESC, c.source, c.target" if by is None else
                 "c.source, c.target, c.period")]
    if by is None:   # the actor's pairs ranked as the whole map is: one sort of its (few thousand) pairs
        rows, params = scoped_sql(store, grain, actor, outlet, ["magnitude > 0"], [], columns)
        return [(rows, params, "c.magnitude DESC, c.source, c.target")]
    targets = [scoped_sql(store, grain, None, outlet, ["target = ?", f"source {op} ?", "magnitude > 0"],
                          [actor, actor], columns) for op in ("<", ">")]
    source = scoped_sql(store, grain, None, outlet, ["source = ?", "magnitude > 0"], [actor], columns)
    hint = " INDEXED BY stance_counts_target WHERE "
    first, last = ((sql.replace(" WHERE ", hint, 1), params) for sql, params in targets)
    return [(*first, "c.source, c.period"), (*source, "c.target, c.period"), (*last, "c.source, c.period")]
