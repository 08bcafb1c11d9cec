"""How the store writes an article: several rows in one statement on SQLite (events, quotes, sentences; an
article's term counts from their JSON) give exactly the rows the one-statement-per-row path gives, ids included,
and the full-text tables find them."""
from __future__ import annotations

import sqlite3

import pytest

from newsgraph.compare import TermCountHook
from newsgraph.stances import StanceHook
from newsgraph.store import Store, db
from tests.conftest import make_article

TEXTS = [
    ("harbour.txt", "Norway accused Sweden of blocking the harbour on Monday. Sweden rejected the claim and "
     "summoned the Norwegian ambassador. “We will not accept threats,” Foreign Minister Lena Berg said. "
     "Denmark offered to mediate, and Finland backed the offer. Norway later thanked Denmark for its help."),
    ("grain.txt", "Kenya signed a grain deal with Tanzania. Uganda criticised the deal and threatened to close "
     "its border. “This deal ignores us,” said President Okello. Tanzania urged Uganda to join the talks."),
    ("grain.txt", "Kenya signed a grain deal with Tanzania on Friday. Uganda criticised the deal. Rwanda "
     "welcomed it. “Trade helps everyone,” said Minister Uwase."),   # the same key again: replaces the first
]


class _RowByRow:
    """A connection that is not a sqlite3.Connection: the store and its hooks take their one-row-per-statement
    path, as on PostgreSQL."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __getattr__(self, name):
        return getattr(self._conn, name)

    def __enter__(self):
        return self._conn.__enter__()

    def __exit__(self, *exc):
        return self._conn.__exit__(*exc)

    def execute(self, *args):
        return self._conn.execute(*args)

    def executemany(self, *args):
        return self._conn.executemany(*args)


def _rows(path) -> dict[str, list]:
    conn = sqlite3.connect(path)
    out = {}
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%'"
                                 " AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%'"):
        columns = [r[1] for r in conn.execute(f"PRAGMA table_xinfo({table})") if r[1] != "analysed_at"]
        out[table] = sorted(map(repr, conn.execute(f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM {table}")))
    for table in ("articles_fts", "quotes_fts", "events_fts"):
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")   # the index matches the rows
        out[table] = [r[0] for r in conn.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH"
                                                 " 'deal OR threats OR harbour OR said' ORDER BY rowid")]
    return out


@pytest.fixture(scope="module")
def analyses(analyzer):
    return [analyzer.analyze(make_article(text, file=name)) for name, text in TEXTS]


def _write(path, analyses, *, row_by_row: bool) -> None:
    with Store(path) as store:
        if row_by_row:
            store.conn = _RowByRow(store.conn)
        for analysis in analyses:
            store.write(analysis, (TermCountHook(), StanceHook()))


def test_rows_written_several_at_a_time_are_the_rows_written_one_by_one(tmp_path, analyses, monkeypatch):
    assert sum(len(a.events) for a in analyses) >= 6 and sum(len(a.quotes) for a in analyses) >= 3
    _write(tmp_path / "one.db", analyses, row_by_row=True)
    monkeypatch.setattr(db, "_CHUNK_VALUES", 40)   # a few rows per statement: the chunks follow each other
    _write(tmp_path / "many.db", analyses, row_by_row=False)
    one, many = _rows(tmp_path / "one.db"), _rows(tmp_path / "many.db")
    assert one == many
    assert one["events_fts"] and one["quotes_fts"] and one["articles_fts"]
    assert len(one["compare_terms"]) > 20 and len(one["stance_counts"]) > 6


def test_events_keep_their_evidence_and_sentences_in_order(tmp_path, analyses, monkeypatch):
    monkeypatch.setattr(db, "_CHUNK_VALUES", 40)
    with Store(tmp_path / "s.db") as store:
        store.write(analyses[0])
        events = store.conn.execute("SELECT e.id, e.trigger, x.trigger AS evidence, s.text FROM events e"
                                    " JOIN event_evidence x ON x.event_id = e.id JOIN spans s ON s.id = x.span_id"
                                    " ORDER BY e.id").fetchall()
        assert [r["trigger"] for r in events] == [e.trigger for e in analyses[0].events for _ in e.evidence]
        assert all(r["evidence"] in r["text"] for r in events)
        spans = store.conn.execute("SELECT start FROM spans ORDER BY id").fetchall()
        assert [r[0] for r in spans] == [s for s, _ in analyses[0].sentences]
