"""SQLite store: open and migrate a database, write one article's analysis in one transaction.

An article is identified across versions by its `key` (url, given id or file). Writing the same text again changes
nothing; a changed text under the same key replaces the old version and all its extractions (ON DELETE CASCADE).
"""
from __future__ import annotations

import json
import sqlite3
import time
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import groupby
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal, Protocol

from newsgraph.errors import SchemaError, StoreError
from newsgraph.model import INFERRED_HOW, Analysis, Article, Person
from newsgraph.store import aggregates, backend
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
        self._group: _Group | None = None   # set by `grouped()`
        self.backend = backend.backend_of(self.path)
        self.name = backend.redact(self.path)  # for messages: a URL without its password
        try:
            self.conn = backend.connect(self.path, readonly=readonly)
            if readonly:  # the web UI: never writes, never migrates; the file must exist
                if self.schema_version() > SCHEMA_VERSION:
                    raise SchemaError(f"{self.name}: schema version {self.schema_version()} is newer than this "
                                      f"newsgraph ({SCHEMA_VERSION})")
                return
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.name}: cannot open database ({exc})") from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """One transaction: everything inside lands, or nothing does. Inside `grouped()` it is a savepoint of the
        group's transaction: all of it or none of it still lands, at the group's commit."""
        if self._group is None:
            with self.conn:
                yield self.conn
            return
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")   # the write lock for the whole group: no upgrade can fail
            self._group.started = time.monotonic()
        self.conn.execute("SAVEPOINT article")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK TO article")
            self.conn.execute("RELEASE article")
            raise
        self.conn.execute("RELEASE article")

    @contextmanager
    def grouped(self, articles: int = 64, seconds: float = 1.0) -> Iterator[_Group]:
        """Writes inside share one SQLite transaction per `articles` articles or `seconds` seconds, whichever comes
        first; each article stays all-or-nothing (a savepoint). One commit writes a page that many articles touched
        once instead of once per article (the indexes' upper pages, the aggregate rows), which is most of what a
        commit costs. A crash loses at most the open group, which a rerun analyses again. PostgreSQL keeps one
        transaction per article, so that writers on several machines hold their locks briefly."""
        if self._group is not None or self.backend != backend.SQLITE or self.path == ":memory:":
            yield _Group(articles, seconds)
            return
        group = self._group = _Group(articles, seconds)
        try:
            yield group
            self.commit_group()
        except BaseException:
            if self.conn.in_transaction:
                try:
                    self.commit_group()    # what was written before the error is kept, as without groups
                except sqlite3.DatabaseError:
                    self.conn.rollback()
            raise
        finally:
            self._group = None

    @property
    def grouping(self) -> bool:
        """True inside `grouped()` on a SQLite file: writes are committed by group."""
        return self._group is not None

    def commit_group(self) -> None:
        """Commit the open group now (the next write opens a new one). Raises StoreError when the commit fails,
        after rolling the group back; `committed` then still counts only what landed."""
        group = self._group
        if group is None or not self.conn.in_transaction:
            return
        try:
            self.conn.commit()
        except sqlite3.DatabaseError as exc:
            self.conn.rollback()
            group.pending = 0
            raise StoreError(f"{self.name}: cannot store the last articles: {_describe(exc)}") from exc
        group.committed += group.pending
        group.pending = 0

    def _migrate(self) -> None:
        """Run the migrations this database lacks, all in one transaction, one process at a time (several machines
        may start on one PostgreSQL store at once: the version is read again under the lock)."""
        if self.schema_version() == SCHEMA_VERSION:
            return
        with backend.exclusive(self.conn, self.backend, "newsgraph-migrate"):
            version = self.schema_version()
            if version > SCHEMA_VERSION:
                raise SchemaError(f"{self.name}: schema version {version} is newer than this newsgraph "
                                  f"({SCHEMA_VERSION})")
            for number in range(version, SCHEMA_VERSION):
                statements = _statements(_for_backend(MIGRATIONS[number], self.backend))
                for statement in backend.migration_statements(statements, self.backend):
                    self.conn.execute(statement)
                self.conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', ?)"
                                  " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(number + 1),))

    def schema_version(self) -> int:
        if not backend.table_exists(self.conn, self.backend, "meta"):
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
                backend.lock_key(conn, self.backend, article.key)
                if self.backend == backend.POSTGRESQL and self.is_current(article, analysis.version):
                    return "unchanged"  # another machine stored it while this one analysed it
                olds = [r[0] for r in conn.execute("SELECT id FROM articles WHERE key = ? OR id = ?",
                                                   (article.key, article.id))]
                for old_id in olds:
                    for hook in hooks:
                        hook.removed(conn, old_id)
                    aggregates.removed(conn, old_id)
                old = conn.execute("DELETE FROM articles WHERE key = ? OR id = ?", (article.key, article.id)).rowcount
                _insert_analysis(conn, analysis)
                aggregates.added(conn, analysis)
                for hook in hooks:
                    hook.added(conn, analysis)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.name}: cannot store {article.file}: {_describe(exc)}") from exc
        if (group := self._group) is not None:
            group.pending += 1
            if group.pending >= group.articles or time.monotonic() - group.started >= group.seconds:
                self.commit_group()
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
            SELECT p.id AS person, p.name, a.actor, a.role, a.sector, a.article_id, a.published
            FROM affiliations a JOIN persons p ON p.id = a.person_id
            WHERE a.actor IS NOT NULL AND trim(p.name) LIKE '% %' AND {inferred}
            ORDER BY p.id
            """, [f"%{tag}%" for tag in INFERRED_HOW])
        best = []
        for _, group in groupby(rows, key=lambda r: r["person"]):
            person = best_affiliation(list(group))
            best.append(Person(name=person["name"], actor=person["actor"], role=person["role"],
                               sector=person["sector"], how="corpus"))
        return tuple(sorted(best, key=lambda p: p.name))


def _describe(exc: sqlite3.DatabaseError) -> str:
    """SQLite's message, with what a failed write to the disk usually means (a full disk or a file size limit
    shows as SQLITE_FULL or, when the write is cut short, as SQLITE_IOERR_WRITE)."""
    if getattr(exc, "sqlite_errorname", "") == "SQLITE_IOERR_WRITE":
        return f"{exc} (the disk is full or failing)"
    return str(exc)


class _Group:
    """The state of `Store.grouped()`: its limits, and how many written articles are committed or pending."""

    def __init__(self, articles: int, seconds: float) -> None:
        self.articles, self.seconds = articles, seconds
        self.started = time.monotonic()
        self.pending = 0
        self.committed = 0


def best_affiliation(rows: list[Any]) -> dict[str, Any]:
    """The affiliation one person's stated rows (name, actor, role, sector, article_id, published) agree on:
    the actor given by the most articles, a tie to the most recent; role and sector from its latest article.
    Computed here rather than in SQL, which would need SQLite's bare columns beside MAX()."""
    by_actor: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = by_actor.setdefault(row["actor"], {"articles": set(), "latest": None, "row": row})
        entry["articles"].add(row["article_id"])
        if row["published"] is not None and (entry["latest"] is None or row["published"] > entry["latest"]):
            entry["latest"], entry["row"] = row["published"], row
    ranked = sorted(by_actor.items(), key=lambda kv: kv[0])  # stable sorts: the actor code breaks full ties
    ranked.sort(key=lambda kv: kv[1]["latest"] or "", reverse=True)  # no date counts as oldest
    ranked.sort(key=lambda kv: len(kv[1]["articles"]), reverse=True)
    actor, entry = ranked[0]
    chosen = entry["row"]
    return {"name": chosen["name"], "actor": actor, "role": chosen["role"], "sector": chosen["sector"],
            "articles": len(entry["articles"]), "latest": entry["latest"]}


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
    conn.executemany(
        "INSERT INTO mentions (article_id, span_id, actor, person_id, kind, sector, how, place, text, start, end)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(article.id, span_ids.get(m.sent), m.code, person_ids.get(m.person or ""), m.kind, m.sector, m.how,
          int(m.place), m.text, m.start, m.end) for m in analysis.actors.mentions])
    conn.executemany("INSERT INTO unresolved (article_id, text) VALUES (?, ?)",
                     [(article.id, text) for text in analysis.actors.unresolved])
    starts = [s for s, _ in analysis.sentences]
    event_ids = _insert_many(
        conn, "INSERT INTO events (article_id, source, target, type, mode, negated, modality, quad_class, intensity,"
        " cameo, date, source_sector, target_sector, reported_by, trigger, sentence, outlet)",
        [(article.id, event.source, event.target, event.type, event.mode, int(event.negated), event.modality,
          event.quad_class, event.intensity, event.cameo, event.date or article.published, event.source_sector,
          event.target_sector, event.reported_by, event.trigger, event.sentence, article.outlet)
         for event in analysis.events], returning=True)
    conn.executemany(
        "INSERT INTO event_evidence (event_id, span_id, trigger, trigger_start, trigger_end, source_start,"
        " source_end, target_start, target_end, pattern) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(event_id, span_ids.get(_sentence_index(starts, ev.start)), ev.trigger, ev.trigger_start,
          ev.trigger_end, ev.source_start, ev.source_end, ev.target_start, ev.target_end, ev.pattern)
         for event_id, event in zip(event_ids, analysis.events) for ev in event.evidence])
    _insert_many(
        conn, "INSERT INTO quotes (article_id, span_id, text, speaker, actor, direct, cue, via, start, end,"
        " speaker_start, speaker_end, published, outlet)",
        [(article.id, span_ids.get(_sentence_index(starts, q.start)), q.text, q.speaker, q.actor, int(q.direct),
          q.cue, q.via, q.start, q.end, q.speaker_start, q.speaker_end, article.published, article.outlet)
         for q in analysis.quotes])
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
    text, aid = analysis.article.text, analysis.article.id
    ids = _insert_many(conn, "INSERT INTO spans (article_id, start, end, text)",
                       [(aid, start, end, text[start:end]) for start, end in analysis.sentences], returning=True)
    return dict(enumerate(ids))


_CHUNK_VALUES = 8000   # bound parameters per statement: SQLite allows 32,766 (999 before 3.32)


def _insert_many(conn: Any, head: str, rows: list[tuple], *, returning: bool = False) -> list[int]:
    """INSERT the rows; with `returning`, their ids in the rows' order.

    On SQLite the rows go in as one multi-row statement (per chunk), not one statement each: the full-text tables
    (FTS5, filled by triggers) write their pending terms to disk at the start of every statement, so one row per
    statement meant one FTS segment per event or quote. SQLite numbers the rows of one statement in VALUES order
    (rowid = largest + 1), so the returned ids, sorted, are the rows' ids in order. PostgreSQL: one row at a time.
    """
    if not rows:
        return []
    marks = "(" + ",".join("?" * len(rows[0])) + ")"
    if not isinstance(conn, sqlite3.Connection):
        if not returning:
            conn.executemany(f"{head} VALUES {marks}", rows)
            return []
        return [conn.execute(f"{head} VALUES {marks} RETURNING id", row).fetchone()[0] for row in rows]
    ids: list[int] = []
    step = max(1, _CHUNK_VALUES // len(rows[0]))
    for i in range(0, len(rows), step):
        chunk = rows[i:i + step]
        sql = f"{head} VALUES {','.join([marks] * len(chunk))}" + (" RETURNING id" if returning else "")
        cursor = conn.execute(sql, [v for row in chunk for v in row])
        if returning:
            ids += sorted(r[0] for r in cursor)
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
    # one order for every writer, so concurrent ones cannot deadlock
    conn.executemany("INSERT INTO actors (code, name, kind) VALUES (?,?,?) ON CONFLICT(code) DO UPDATE SET"
                     " name = CASE WHEN actors.name = actors.code THEN excluded.name ELSE actors.name END",
                     [(code, *names.get(code, (code, "state" if len(code) == 3 and code.isalpha() else "org")))
                      for code in sorted(codes)])


def _insert_persons(conn: sqlite3.Connection, analysis: Analysis) -> dict[str, int]:
    article = analysis.article
    ids: dict[str, int] = {}
    for person in sorted(analysis.actors.persons, key=lambda p: p.name):
        conn.execute("INSERT INTO persons (name) VALUES (?) ON CONFLICT(name) DO NOTHING", (person.name,))
        pid = conn.execute("SELECT id FROM persons WHERE name = ?", (person.name,)).fetchone()[0]
        ids[person.name] = pid
        conn.execute(
            "INSERT INTO affiliations (person_id, article_id, actor, role, sector, how, published, start, end)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (pid, article.id, person.actor, person.role, person.sector, person.how, article.published,
             person.start, person.end))
    return ids
