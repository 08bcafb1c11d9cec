"""SQLite store: open and migrate a database, write one article's analysis in one transaction.

An article is identified across versions by its `key` (url, given id or file). Writing the same text again changes
nothing; a changed text under the same key replaces the old version and all its extractions (ON DELETE CASCADE).
"""
from __future__ import annotations

import json
from bisect import bisect_right
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal, Protocol

from newsgraph.errors import SchemaError, StoreError
from newsgraph.model import INFERRED_HOW, Analysis, Article, Person
from newsgraph.store.schema import MIGRATIONS, SCHEMA_VERSION

WriteStatus = Literal["added", "replaced", "unchanged"]


class WriteHook(Protocol):
    """A downstream stage that keeps its own tables (stories, stance counts, aggregates) in step with the articles,
    inside the article's own transaction: `removed` runs before an old version is deleted, `added` after the new
    one is inserted. The store calls hooks; it never imports the stages that provide them."""

    def removed(self, conn: Any, article_id: str) -> None: ...

    def added(self, conn: Any, analysis: Analysis) -> None: ...


class Store:
    """A newsgraph database (SQLite file, or ":memory:").

    Raises:
        StoreError: the file cannot be opened or is not a SQLite database.
        SchemaError: the database was written by a newer newsgraph.
    """

    def __init__(self, path: str | Path = "newsgraph.db", *, readonly: bool = False) -> None:
        self.path = str(path)
        self.backend = "sqlite"
        try:
            if readonly:  # the web UI: never writes, never migrates; the file must exist
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
                self.conn.row_factory = sqlite3.Row
                if self.schema_version() > SCHEMA_VERSION:
                    raise SchemaError(f"{self.path}: schema version {self.schema_version()} is newer than this "
                                      f"newsgraph ({SCHEMA_VERSION})")
                return
            self.conn = sqlite3.connect(self.path)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open database ({exc})") from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """One transaction: everything inside lands, or nothing does."""
        with self.conn:
            yield self.conn

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise SchemaError(f"{self.path}: schema version {version} is newer than this newsgraph ({SCHEMA_VERSION})")
        for number in range(version, SCHEMA_VERSION):
            with self.conn:
                for statement in _statements(_for_backend(MIGRATIONS[number], self.backend)):
                    self.conn.execute(statement)
                self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(number + 1),))

    def schema_version(self) -> int:
        has_meta = self.conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        if not has_meta:
            return 0
        row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return int(row[0]) if row else 0

    # --- articles --------------------------------------------------------------------------------------------

    def current_id(self, article: Article, version: str | None = None) -> str | None:
        """The stored id of this exact text (under this key or another), or None when it must be analysed.

        With `version`, a text analysed by another newsgraph version (code, data, model) does not count.
        """
        row = self.conn.execute("SELECT id, newsgraph_version FROM articles WHERE id = ? OR (key = ? AND text_hash = ?)",
                                (article.id, article.key, article.text_hash)).fetchone()
        if row is None or (version is not None and row[1] != version):
            return None
        return row[0]

    def is_current(self, article: Article, version: str | None = None) -> bool:
        return self.current_id(article, version) is not None

    def write(self, analysis: Analysis, hooks: tuple[WriteHook, ...] = ()) -> WriteStatus:
        """Store one article and everything extracted from it, in one transaction, with the hooks' updates."""
        article = analysis.article
        if self.is_current(article, analysis.version):
            return "unchanged"
        try:
            with self.atomic() as conn:
                olds = [r[0] for r in conn.execute("SELECT id FROM articles WHERE key = ? OR id = ?",
                                                   (article.key, article.id))]
                for old_id in olds:
                    for hook in hooks:
                        hook.removed(conn, old_id)
                old = conn.execute("DELETE FROM articles WHERE key = ? OR id = ?", (article.key, article.id)).rowcount
                _insert_analysis(conn, analysis)
                for hook in hooks:
                    hook.added(conn, analysis)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot store {article.file}: {exc}") from exc
        return "replaced" if old else "added"

    def known_persons(self) -> tuple[Person, ...]:
        """Persons with the affiliation the corpus gives them, for articles that name them without a title.

        Rule: the actor given by the most articles wins; a tie goes to the most recent article. Only affiliations
        the texts stated count (`model.is_stated`): one inferred from context or from the corpus is a guess, and a
        guess must never reinforce itself.
        """
        inferred = " AND ".join("COALESCE(a.how, 'corpus') NOT LIKE ?" for _ in INFERRED_HOW)
        rows = self.conn.execute(
            f"""
            SELECT p.name, a.actor, a.role, a.sector, COUNT(DISTINCT a.article_id) AS n, MAX(a.published) AS latest
            FROM affiliations a JOIN persons p ON p.id = a.person_id
            WHERE a.actor IS NOT NULL AND instr(trim(p.name), ' ') > 0 AND {inferred}
            GROUP BY p.id, a.actor
            ORDER BY p.name, n DESC, latest DESC
            """, [f"%{tag}%" for tag in INFERRED_HOW]
        ).fetchall()
        best: dict[str, Person] = {}
        for row in rows:
            best.setdefault(row["name"], Person(name=row["name"], actor=row["actor"], role=row["role"],
                                                sector=row["sector"], how="corpus"))
        return tuple(best.values())


def _for_backend(migration: str | dict[str, str], backend: str) -> str:
    """A migration is one script for every backend, or a dict of scripts by backend (FTS5 is SQLite's own)."""
    return migration if isinstance(migration, str) else migration.get(backend, "")


def _statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit on its own, outside our transaction).

    Splits at a ';' only where the statement is complete, so a trigger's BEGIN ... END body stays whole.
    """
    lines = (line.split("--", 1)[0] for line in script.splitlines())
    statements, current = [], ""
    for piece in "\n".join(lines).split(";"):
        current += piece + ";"
        if sqlite3.complete_statement(current):
            if current.strip(" \n;"):
                statements.append(current.strip().rstrip(";").strip())
            current = ""
    if current.strip(" \n;"):
        statements.append(current.strip().rstrip(";").strip())
    return statements


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _insert_analysis(conn: sqlite3.Connection, analysis: Analysis) -> None:
    article = analysis.article
    conn.execute(
        "INSERT INTO articles (id, key, file, title, outlet, url, published, text, text_hash, boilerplate,"
        " analysed_at, model, newsgraph_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (article.id, article.key, article.file, article.title, article.outlet, article.url, article.published,
         article.text, article.text_hash, json.dumps(list(article.boilerplate), ensure_ascii=False), _now(),
         analysis.model, analysis.version))
    span_ids = _insert_spans(conn, analysis)
    _insert_actors(conn, analysis)
    person_ids = _insert_persons(conn, analysis)
    for m in analysis.actors.mentions:
        conn.execute(
            "INSERT INTO mentions (article_id, span_id, actor, person_id, kind, sector, how, place, text, start, end)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (article.id, span_ids.get(m.sent), m.code, person_ids.get(m.person or ""), m.kind, m.sector, m.how,
             int(m.place), m.text, m.start, m.end))
    conn.executemany("INSERT INTO unresolved (article_id, text) VALUES (?, ?)",
                     [(article.id, text) for text in analysis.actors.unresolved])
    starts = [s for s, _ in analysis.sentences]
    for event in analysis.events:
        cur = conn.execute(
            "INSERT INTO events (article_id, source, target, type, mode, negated, modality, quad_class, intensity,"
            " cameo, date, source_sector, target_sector, reported_by, trigger, sentence)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (article.id, event.source, event.target, event.type, event.mode, int(event.negated), event.modality,
             event.quad_class, event.intensity, event.cameo, event.date or article.published, event.source_sector,
             event.target_sector, event.reported_by, event.trigger, event.sentence))
        conn.executemany(
            "INSERT INTO event_evidence (event_id, span_id, trigger, trigger_start, trigger_end, source_start,"
            " source_end, target_start, target_end, pattern) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(cur.lastrowid, span_ids.get(_sentence_index(starts, ev.start)), ev.trigger, ev.trigger_start,
              ev.trigger_end, ev.source_start, ev.source_end, ev.target_start, ev.target_end, ev.pattern)
             for ev in event.evidence])
    conn.executemany(
        "INSERT INTO quotes (article_id, span_id, text, speaker, actor, direct, cue, via, start, end, speaker_start,"
        " speaker_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [(article.id, span_ids.get(_sentence_index(starts, q.start)), q.text, q.speaker, q.actor, int(q.direct),
          q.cue, q.via, q.start, q.end, q.speaker_start, q.speaker_end) for q in analysis.quotes])
    conn.executemany(  # tone toward each actor and person, with the sentences that carry it
        "INSERT INTO tone (article_id, target, name, kind, score, label, mentions, evidence) VALUES (?,?,?,?,?,?,?,?)",
        [(article.id, t.target, t.name, t.kind, t.score, t.label, t.mentions,
          json.dumps([{"start": e.start, "end": e.end, "sentence": e.sentence, "why": e.why} for e in t.evidence],
                     ensure_ascii=False)) for t in analysis.tone])


def _sentence_index(starts: list[int], offset: int) -> int | None:
    """Index of the sentence holding a character offset (sentences are sorted by start)."""
    i = bisect_right(starts, offset) - 1
    return i if i >= 0 else None


def _insert_spans(conn: sqlite3.Connection, analysis: Analysis) -> dict[int, int]:
    text = analysis.article.text
    ids = {}
    for i, (start, end) in enumerate(analysis.sentences):
        cur = conn.execute("INSERT INTO spans (article_id, start, end, text) VALUES (?,?,?,?)",
                           (analysis.article.id, start, end, text[start:end]))
        ids[i] = cur.lastrowid
    return ids


def _insert_actors(conn: sqlite3.Connection, analysis: Analysis) -> None:
    """Get-or-create every actor code the analysis refers to, so foreign keys hold."""
    names = {a.code: (a.name, a.kind) for a in analysis.actors.actors}
    codes = set(names)
    codes.update(m.code for m in analysis.actors.mentions if m.code)
    codes.update(p.actor for p in analysis.actors.persons if p.actor)
    for event in analysis.events:
        codes.update(c for c in (event.source, event.target) if c)
    codes.update(q.actor for q in analysis.quotes if q.actor)
    for code in codes:
        name, kind = names.get(code, (code, "state" if len(code) == 3 and code.isalpha() else "org"))
        conn.execute("INSERT INTO actors (code, name, kind) VALUES (?,?,?) ON CONFLICT(code) DO UPDATE SET"
                     " name = CASE WHEN actors.name = actors.code THEN excluded.name ELSE actors.name END",
                     (code, name, kind))


def _insert_persons(conn: sqlite3.Connection, analysis: Analysis) -> dict[str, int]:
    article = analysis.article
    ids: dict[str, int] = {}
    for person in analysis.actors.persons:
        conn.execute("INSERT OR IGNORE INTO persons (name) VALUES (?)", (person.name,))
        pid = conn.execute("SELECT id FROM persons WHERE name = ?", (person.name,)).fetchone()[0]
        ids[person.name] = pid
        conn.execute(
            "INSERT INTO affiliations (person_id, article_id, actor, role, sector, how, published, start, end)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (pid, article.id, person.actor, person.role, person.sector, person.how, article.published,
             person.start, person.end))
    return ids
