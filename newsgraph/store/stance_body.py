"""The JSON text each stance sum keeps (`stance_counts.body`, migration 15), and the rounding rule it shares with
newsgraph.stances.dump.

SQLite's ROUND goes by the printed digits, Python's round by the binary value: they differ only near a half in the
third decimal (0.0625 is 0.063 in SQLite, 0.062 in Python). Both the stored text and dump's own encoding test for
that case with `near_half`, so that the JSON always has Python's values.
"""
from __future__ import annotations

import sqlite3


def near_half(x: str) -> str:
    """SQL: whether the expression x is within 1e-6 of a half in its third decimal, where the two roundings differ."""
    t = f"ABS(({x}) * 1000.0)"
    return f"ABS({t} - CAST({t} AS INTEGER) - 0.5) < 1e-6"


def json_functions() -> bool:
    """Whether this SQLite has its JSON functions (built in from 3.38, optional before): without them a generated
    column over json_object would make every write to stance_counts fail."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("SELECT json_object()").fetchone()
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        conn.close()


# The JSON of one stance_counts row as stances.compute_stances encodes it, from "source" to "last", without the
# closing brace; NULL where only Python rounds right (near a half, about one value in a thousand: stances.dump
# encodes those rows itself), and for rows of one outlet by week or month (rarely listed whole: kept small).
STANCE_BODY = ("CASE WHEN (grain = 'all' OR outlet = '*') AND magnitude > 0 AND NOT ("
               + " OR ".join(near_half(x) for x in ("weight / (magnitude + 1)", "weight", "magnitude")) + ")"
               " THEN rtrim(json_object('source', source, 'target', target,"
               " 'score', ROUND(weight / (magnitude + 1), 3) + 0.0, 'period', period,"
               " 'outlet', CASE WHEN outlet = '*' THEN NULL ELSE outlet END, 'events', events, 'quotes', quotes,"
               " 'phrases', phrases, 'cooperative', cooperative, 'conflictual', conflictual,"
               " 'weight', ROUND(weight, 3) + 0.0, 'magnitude', ROUND(magnitude, 3) + 0.0, 'first', first,"
               " 'last', last), '}') END")


def migration(json_ok: bool) -> str:
    """Migration 15 for SQLite: stance_counts again, with `body`. A plain column, always NULL, where SQLite has no
    generated columns (before 3.31) or no JSON functions: stances.dump then encodes every row itself."""
    column = (f"body TEXT GENERATED ALWAYS AS ({STANCE_BODY}) STORED"
              if json_ok and sqlite3.sqlite_version_info >= (3, 31) else "body TEXT")
    return f"""
    CREATE TABLE stance_counts_new (
        source TEXT NOT NULL, target TEXT NOT NULL, outlet TEXT NOT NULL DEFAULT '',
        grain TEXT NOT NULL, period TEXT NOT NULL,
        events INTEGER NOT NULL DEFAULT 0, quotes INTEGER NOT NULL DEFAULT 0, phrases INTEGER NOT NULL DEFAULT 0,
        cooperative INTEGER NOT NULL DEFAULT 0, conflictual INTEGER NOT NULL DEFAULT 0,
        weight REAL NOT NULL DEFAULT 0, magnitude REAL NOT NULL DEFAULT 0,
        first TEXT, last TEXT,
        {column},
        PRIMARY KEY (grain, outlet, source, target, period)
    ) WITHOUT ROWID;
    INSERT INTO stance_counts_new (source, target, outlet, grain, period, events, quotes, phrases, cooperative,
                                   conflictual, weight, magnitude, first, last)
        SELECT source, target, outlet, grain, period, events, quotes, phrases, cooperative, conflictual, weight,
               magnitude, first, last FROM stance_counts;
    DROP TABLE stance_counts;
    ALTER TABLE stance_counts_new RENAME TO stance_counts;
    CREATE INDEX stance_counts_target ON stance_counts(grain, outlet, target, source, period);
    CREATE INDEX stance_counts_scope ON stance_counts(grain, outlet, period);
    CREATE INDEX stance_counts_rank ON stance_counts(outlet, magnitude DESC, source, target, events, quotes, phrases,
                                                     cooperative, conflictual, weight, first, last, body)
        WHERE grain = 'all';
"""
