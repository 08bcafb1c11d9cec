"""The SQLite schema, as ordered migrations. `meta.schema_version` says how many have run.

Plain tables and foreign keys, so any SQLite tool (sqlite3, datasette, pandas) can read the file.
Character offsets (`start`, `end`) index into `articles.text`.
"""
from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,                 -- from the normalised text: same text, same id
        key TEXT NOT NULL UNIQUE,            -- identity across versions: url, given id, or file
        file TEXT NOT NULL,
        title TEXT, outlet TEXT, url TEXT,
        published TEXT,                      -- ISO date
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        boilerplate TEXT NOT NULL DEFAULT '[]',   -- JSON list of removed lines
        analysed_at TEXT NOT NULL,
        model TEXT NOT NULL,
        newsgraph_version TEXT NOT NULL
    );
    CREATE INDEX articles_outlet_published ON articles(outlet, published);
    CREATE INDEX articles_published ON articles(published);

    CREATE TABLE spans (                     -- sentences, the evidence everything links back to
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, end INTEGER NOT NULL,
        text TEXT NOT NULL,
        UNIQUE (article_id, start)
    );

    CREATE TABLE actors (
        code TEXT PRIMARY KEY,               -- ISO3 state or organisation code
        name TEXT NOT NULL,
        kind TEXT NOT NULL                   -- state | org
    );

    CREATE TABLE persons (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE            -- full name as first given
    );

    CREATE TABLE affiliations (              -- what each article said a person acts for, dated
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        actor TEXT REFERENCES actors(code),
        role TEXT, sector TEXT, how TEXT,
        published TEXT,
        start INTEGER, end INTEGER
    );
    CREATE INDEX affiliations_person ON affiliations(person_id, published);
    CREATE INDEX affiliations_article ON affiliations(article_id);

    CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        span_id INTEGER REFERENCES spans(id) ON DELETE CASCADE,
        actor TEXT REFERENCES actors(code),
        person_id INTEGER REFERENCES persons(id),
        kind TEXT NOT NULL, sector TEXT, how TEXT, place INTEGER NOT NULL DEFAULT 0,
        text TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL
    );
    CREATE INDEX mentions_article ON mentions(article_id);
    CREATE INDEX mentions_actor ON mentions(actor);

    CREATE TABLE unresolved (                -- state/organisation-looking names left unresolved
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        text TEXT NOT NULL
    );
    CREATE INDEX unresolved_article ON unresolved(article_id);

    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        source TEXT REFERENCES actors(code),
        target TEXT REFERENCES actors(code),
        type TEXT NOT NULL, mode TEXT,
        negated INTEGER NOT NULL, modality TEXT NOT NULL,
        quad_class INTEGER, intensity REAL, cameo TEXT,
        date TEXT,
        source_sector TEXT, target_sector TEXT, reported_by TEXT,
        trigger TEXT NOT NULL, sentence TEXT NOT NULL
    );
    CREATE INDEX events_pair ON events(source, target, type, date);
    CREATE INDEX events_target ON events(target, date);
    CREATE INDEX events_type_date ON events(type, date);
    CREATE INDEX events_article ON events(article_id);

    CREATE TABLE event_evidence (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        span_id INTEGER REFERENCES spans(id) ON DELETE CASCADE,
        trigger TEXT, trigger_start INTEGER, trigger_end INTEGER,
        source_start INTEGER, source_end INTEGER, target_start INTEGER, target_end INTEGER,
        pattern TEXT
    );
    CREATE INDEX event_evidence_event ON event_evidence(event_id);

    CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        span_id INTEGER REFERENCES spans(id) ON DELETE CASCADE,
        text TEXT NOT NULL, speaker TEXT, actor TEXT REFERENCES actors(code),
        direct INTEGER NOT NULL, cue TEXT, via TEXT,
        start INTEGER NOT NULL, end INTEGER NOT NULL,
        speaker_start INTEGER, speaker_end INTEGER
    );
    CREATE INDEX quotes_speaker ON quotes(speaker);
    CREATE INDEX quotes_actor ON quotes(actor);
    CREATE INDEX quotes_article ON quotes(article_id);
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
