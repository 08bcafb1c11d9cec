"""The SQLite schema, as ordered migrations. `meta.schema_version` says how many have run.

Plain tables and foreign keys, so any SQLite tool (sqlite3, datasette, pandas) can read the file.
Character offsets (`start`, `end`) index into `articles.text`.
"""
from __future__ import annotations

from newsgraph.store import stance_body


MIGRATIONS: tuple[str | dict[str, str], ...] = (
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
    # web (issue 11): full-text search over articles, quotes and events. SQLite: FTS5 tables over the rows
    # (external content, so the text is stored once), kept in step by triggers, also on cascaded deletes.
    # PostgreSQL: GIN indexes over the same tsvector expressions that newsgraph.store.search queries.
    # Both: the indexes the actor, person and event-list pages read by (an actor's events by date, its persons).
    {
        "sqlite": """
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', tokenize='porter unicode61');
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');

    CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, content='quotes', content_rowid='id',
                                               tokenize='porter unicode61');
    CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
    END;
    CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker);
    END;
    CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, speaker ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker);
        INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
    END;
    INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');

    CREATE VIRTUAL TABLE events_fts USING fts5(sentence, trigger, content='events', content_rowid='id',
                                               tokenize='porter unicode61');
    CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
        INSERT INTO events_fts(rowid, sentence, trigger) VALUES (new.id, new.sentence, new.trigger);
    END;
    CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, sentence, trigger) VALUES ('delete', old.id, old.sentence, old.trigger);
    END;
    CREATE TRIGGER events_fts_update AFTER UPDATE OF sentence, trigger ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, sentence, trigger) VALUES ('delete', old.id, old.sentence, old.trigger);
        INSERT INTO events_fts(rowid, sentence, trigger) VALUES (new.id, new.sentence, new.trigger);
    END;
    INSERT INTO events_fts(events_fts) VALUES ('rebuild');

    CREATE INDEX events_source_date ON events(source, date);
    CREATE INDEX events_date ON events(date);
    CREATE INDEX affiliations_actor ON affiliations(actor);
    CREATE INDEX mentions_person ON mentions(person_id);
    """,
        "postgresql": """
    CREATE INDEX articles_search ON articles USING GIN (to_tsvector('english', COALESCE(title, '') || ' ' || text));
    CREATE INDEX quotes_search ON quotes USING GIN (to_tsvector('english', text));
    CREATE INDEX events_search ON events USING GIN (to_tsvector('english', sentence));
    CREATE INDEX events_source_date ON events(source, date);
    CREATE INDEX events_date ON events(date);
    CREATE INDEX affiliations_actor ON affiliations(actor);
    CREATE INDEX mentions_person ON mentions(person_id);
    """,
    },
    # tone and stances (issue 9): per-article tone toward each actor and person; stance facts (one signed item of
    # evidence per event, quote or alignment phrase) and their sums per pair x outlet x week/month, kept up to
    # date in each article's transaction by newsgraph.stances.StanceHook
    """
    CREATE TABLE tone (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        target TEXT NOT NULL,                -- actor code, or the person's name
        name TEXT NOT NULL,
        kind TEXT NOT NULL,                  -- state | org | person
        score REAL NOT NULL,                 -- [-1, 1], negative: portrayed badly
        label TEXT NOT NULL,                 -- neg | neu | pos
        mentions INTEGER NOT NULL,
        evidence TEXT NOT NULL DEFAULT '[]'  -- JSON list of {"start", "end", "sentence", "why"}
    );
    CREATE INDEX tone_article ON tone(article_id);
    CREATE INDEX tone_target ON tone(target);

    CREATE TABLE stance_facts (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        source TEXT NOT NULL, target TEXT NOT NULL,
        outlet TEXT NOT NULL DEFAULT '',
        date TEXT,                           -- ISO date of the event or article
        kind TEXT NOT NULL,                  -- event | quote | phrase
        event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
        quote_id INTEGER REFERENCES quotes(id) ON DELETE CASCADE,
        span_id INTEGER REFERENCES spans(id) ON DELETE CASCADE,
        weight REAL NOT NULL,                -- signed: > 0 cooperative, < 0 conflictual
        why TEXT NOT NULL
    );
    CREATE INDEX stance_facts_pair ON stance_facts(source, target, date);
    CREATE INDEX stance_facts_target ON stance_facts(target, date);
    CREATE INDEX stance_facts_date ON stance_facts(date);
    CREATE INDEX stance_facts_article ON stance_facts(article_id);

    CREATE TABLE stance_counts (             -- sums of stance_facts per pair, outlet and period
        source TEXT NOT NULL, target TEXT NOT NULL,
        outlet TEXT NOT NULL DEFAULT '',
        grain TEXT NOT NULL,                 -- week | month
        period TEXT NOT NULL,                -- week: its Monday (YYYY-MM-DD); month: YYYY-MM; '' when undated
        events INTEGER NOT NULL DEFAULT 0, quotes INTEGER NOT NULL DEFAULT 0, phrases INTEGER NOT NULL DEFAULT 0,
        cooperative INTEGER NOT NULL DEFAULT 0, conflictual INTEGER NOT NULL DEFAULT 0,
        weight REAL NOT NULL DEFAULT 0,      -- signed sum
        magnitude REAL NOT NULL DEFAULT 0,   -- sum of absolute weights
        first TEXT, last TEXT,
        PRIMARY KEY (source, target, outlet, grain, period)
    );
    CREATE INDEX stance_counts_grain ON stance_counts(grain, period);
    CREATE INDEX stance_counts_target ON stance_counts(target, grain);
    """,
    # compare (issue 10): store-wide term counts, the prior of the weighted log-odds of an outlet's terms; kept by
    # newsgraph.compare.TermCountHook in each article's transaction. The row with term '' holds the total.
    """
    CREATE TABLE compare_terms (term TEXT PRIMARY KEY, n INTEGER NOT NULL);
    """,
    # stories (issue 8): each article's story and the copy it is of; the stories with their counts; what online
    # assignment keeps so that each new article costs the same however large the store (newsgraph.stories).
    """
    ALTER TABLE articles ADD COLUMN story_id TEXT;           -- NULL until assigned
    ALTER TABLE articles ADD COLUMN copy_of TEXT;            -- id of the original this text is a near-copy of
    ALTER TABLE articles ADD COLUMN copy_containment REAL;   -- share of this text's shingles found in the original
    CREATE INDEX articles_story ON articles(story_id);

    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT,
        first_date TEXT, last_date TEXT,     -- ISO dates of its articles (published, else from the text)
        articles INTEGER NOT NULL DEFAULT 0, -- originals: copies are not counted
        copies INTEGER NOT NULL DEFAULT 0,
        outlets INTEGER NOT NULL DEFAULT 0,  -- distinct outlets, copies included
        top_actors TEXT NOT NULL DEFAULT '[]',   -- JSON list of codes, most mentioned first
        seq INTEGER NOT NULL DEFAULT 0       -- arrival number of its latest article (recency when undated)
    );
    CREATE INDEX stories_last_date ON stories(last_date);

    CREATE TABLE story_members (             -- what assignment used for each article, for removal and rebuild
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id TEXT NOT NULL,
        seq INTEGER NOT NULL,                -- arrival number
        date TEXT, date_from TEXT,           -- published | text | NULL
        score REAL,                          -- similarity that placed it; NULL when it opened the story
        vector BLOB NOT NULL                 -- its sparse vectors (newsgraph.stories.vectors)
    );
    CREATE INDEX story_members_story ON story_members(story_id);
    CREATE TABLE story_vectors (story_id TEXT PRIMARY KEY, vector BLOB NOT NULL);   -- sums over originals
    CREATE TABLE story_keys (key INTEGER NOT NULL, story_id TEXT NOT NULL, seq INTEGER NOT NULL,
                             PRIMARY KEY (key, story_id));                         -- inverted index
    CREATE INDEX story_keys_recent ON story_keys(key, seq);
    CREATE TABLE story_actors (story_id TEXT NOT NULL, code TEXT NOT NULL, mentions INTEGER NOT NULL,
                               PRIMARY KEY (story_id, code));
    CREATE TABLE story_df (key INTEGER PRIMARY KEY, df INTEGER NOT NULL);         -- key -1: articles counted
    CREATE TABLE copy_signatures (article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                                  shingles INTEGER NOT NULL, signature BLOB NOT NULL);
    CREATE TABLE copy_bands (band TEXT NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                             PRIMARY KEY (band, article_id));
    """,
    # store at scale (issue 13): the outlet (and a quote's date) stored on the rows the filters read; an index for
    # each listing's filter in its order (date, then id); summary counts kept by newsgraph.store.aggregates in each
    # article's transaction instead of scanned. '' stands for no outlet / no actor in the count tables' keys.
    """
    ALTER TABLE events ADD COLUMN outlet TEXT;
    UPDATE events SET outlet = (SELECT a.outlet FROM articles a WHERE a.id = events.article_id);
    ALTER TABLE quotes ADD COLUMN published TEXT;
    ALTER TABLE quotes ADD COLUMN outlet TEXT;
    UPDATE quotes SET published = (SELECT a.published FROM articles a WHERE a.id = quotes.article_id),
                      outlet = (SELECT a.outlet FROM articles a WHERE a.id = quotes.article_id);
    DROP INDEX IF EXISTS events_pair;
    CREATE INDEX IF NOT EXISTS events_date ON events(date);
    CREATE INDEX IF NOT EXISTS events_source_date ON events(source, date);
    CREATE INDEX events_pair_date ON events(source, target, date);
    CREATE INDEX events_outlet_date ON events(outlet, date);
    CREATE INDEX events_type_outlet_date ON events(type, outlet, date);
    CREATE INDEX events_source_type_date ON events(source, type, date);   -- what one actor did, by type
    CREATE INDEX events_target_type_date ON events(target, type, date);
    DROP INDEX IF EXISTS quotes_actor;
    CREATE INDEX quotes_published ON quotes(published, article_id, start);
    CREATE INDEX quotes_actor_published ON quotes(actor, published, article_id, start);
    CREATE INDEX quotes_outlet_published ON quotes(outlet, published, article_id, start);
    CREATE INDEX IF NOT EXISTS mentions_person ON mentions(person_id);
    DROP INDEX IF EXISTS articles_published;
    CREATE INDEX articles_published_file ON articles(published, file);   -- pages of one day in file order

    CREATE TABLE store_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL);   -- articles, events, quotes, mentions
    CREATE TABLE outlet_counts (outlet TEXT PRIMARY KEY, articles INTEGER NOT NULL, events INTEGER NOT NULL,
                                quotes INTEGER NOT NULL);
    CREATE TABLE actor_counts (actor TEXT PRIMARY KEY, mentions INTEGER NOT NULL, articles INTEGER NOT NULL);
    CREATE TABLE unresolved_counts (text TEXT PRIMARY KEY, n INTEGER NOT NULL);
    CREATE TABLE pair_counts (               -- asserted, not negated events by source, type and target
        source TEXT NOT NULL, type TEXT NOT NULL, target TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (source, type, target)
    );
    CREATE INDEX pair_counts_n ON pair_counts(n DESC, source, type, target);   -- the most frequent first
    CREATE INDEX unresolved_counts_n ON unresolved_counts(n DESC, text);
    INSERT INTO store_counts (name, n) SELECT 'articles', COUNT(*) FROM articles;
    INSERT INTO store_counts (name, n) SELECT 'events', COUNT(*) FROM events;
    INSERT INTO store_counts (name, n) SELECT 'quotes', COUNT(*) FROM quotes;
    INSERT INTO store_counts (name, n) SELECT 'mentions', COUNT(*) FROM mentions WHERE kind IN ('state', 'org');
    INSERT INTO outlet_counts (outlet, articles, events, quotes)
        SELECT COALESCE(a.outlet, ''), COUNT(*), SUM((SELECT COUNT(*) FROM events e WHERE e.article_id = a.id)),
               SUM((SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id))
        FROM articles a GROUP BY COALESCE(a.outlet, '');
    INSERT INTO actor_counts (actor, mentions, articles)
        SELECT actor, COUNT(*), COUNT(DISTINCT article_id) FROM mentions
        WHERE actor IS NOT NULL AND kind != 'person' GROUP BY actor;
    INSERT INTO unresolved_counts (text, n) SELECT text, COUNT(*) FROM unresolved GROUP BY text;
    INSERT INTO pair_counts (source, type, target, n)
        SELECT COALESCE(source, ''), type, COALESCE(target, ''), COUNT(*) FROM events
        WHERE modality = 'asserted' AND negated = 0 GROUP BY COALESCE(source, ''), type, COALESCE(target, '');
    """,
    # compare (issue 10), second step: each article's own term counts, written once by TermCountHook, so that
    # comparing a story of hundreds of articles reads counts instead of tokenising every text again (JSON object)
    """
    CREATE TABLE compare_doc_terms (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        terms TEXT NOT NULL
    );
    """,
    # stances (issue 9), second step: sums over every outlet (outlet '*') and over all time (grain and period
    # 'all'), so that the whole stance map of a store of millions of events reads one row per pair; an index on the
    # scope every stance query filters by. The new rows are computed from the month rows already there.
    """
    DROP INDEX IF EXISTS stance_counts_grain;
    CREATE INDEX stance_counts_scope ON stance_counts(grain, outlet, period);
    INSERT INTO stance_counts (source, target, outlet, grain, period, events, quotes, phrases, cooperative,
                               conflictual, weight, magnitude, first, last)
        SELECT source, target, '*', grain, period, SUM(events), SUM(quotes), SUM(phrases), SUM(cooperative),
               SUM(conflictual), SUM(weight), SUM(magnitude), MIN(first), MAX(last)
        FROM stance_counts WHERE outlet != '*' GROUP BY source, target, grain, period;
    INSERT INTO stance_counts (source, target, outlet, grain, period, events, quotes, phrases, cooperative,
                               conflictual, weight, magnitude, first, last)
        SELECT source, target, outlet, 'all', 'all', SUM(events), SUM(quotes), SUM(phrases), SUM(cooperative),
               SUM(conflictual), SUM(weight), SUM(magnitude), MIN(first), MAX(last)
        FROM stance_counts WHERE grain = 'month' GROUP BY source, target, outlet;
    """,
    # query speed at scale (issues 9, 13): the stance sums stored in the order every stance query reads them
    # (grain, outlet, then the pair), so one scope is one contiguous range with all its columns, no lookup per
    # row (SQLite: a WITHOUT ROWID table clustered on that key); the target side and the period ranges by index.
    # The distinct quote speakers with their quote counts (newsgraph.store.aggregates), so `quotes --speaker`
    # matches a name against thousands of speakers, not millions of quotes.
    """
    CREATE TABLE stance_counts_new (
        source TEXT NOT NULL, target TEXT NOT NULL, outlet TEXT NOT NULL DEFAULT '',
        grain TEXT NOT NULL, period TEXT NOT NULL,
        events INTEGER NOT NULL DEFAULT 0, quotes INTEGER NOT NULL DEFAULT 0, phrases INTEGER NOT NULL DEFAULT 0,
        cooperative INTEGER NOT NULL DEFAULT 0, conflictual INTEGER NOT NULL DEFAULT 0,
        weight REAL NOT NULL DEFAULT 0, magnitude REAL NOT NULL DEFAULT 0,
        first TEXT, last TEXT,
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

    CREATE TABLE speaker_counts (speaker TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
    INSERT INTO speaker_counts (speaker, n) SELECT speaker, COUNT(*) FROM quotes WHERE speaker IS NOT NULL
        GROUP BY speaker;
    """,
    # web pages at scale (issue 13): an actor's events per month, as source and as target (month '' when undated),
    # kept by newsgraph.store.aggregates, so its timeline reads a few hundred rows; its latest quotes by id.
    """
    CREATE TABLE actor_months (actor TEXT NOT NULL, side TEXT NOT NULL, month TEXT NOT NULL, n INTEGER NOT NULL,
                               PRIMARY KEY (actor, side, month)) WITHOUT ROWID;
    INSERT INTO actor_months (actor, side, month, n)
        SELECT source, 'source', COALESCE(SUBSTR(date, 1, 7), ''), COUNT(*) FROM events WHERE source IS NOT NULL
        GROUP BY source, COALESCE(SUBSTR(date, 1, 7), '');
    INSERT INTO actor_months (actor, side, month, n)
        SELECT target, 'target', COALESCE(SUBSTR(date, 1, 7), ''), COUNT(*) FROM events WHERE target IS NOT NULL
        GROUP BY target, COALESCE(SUBSTR(date, 1, 7), '');
    CREATE INDEX quotes_actor_id ON quotes(actor, id);
    """,
    # the whole stance map (issue 9): the all-time sums ranked as the map lists them, with every column, so the
    # map is read in order from one index instead of sorting tens of thousands of pairs per request
    """
    CREATE INDEX stance_counts_rank ON stance_counts(outlet, magnitude DESC, source, target, events, quotes, phrases,
                                                     cooperative, conflictual, weight, first, last)
        WHERE grain = 'all';
    """,
    # quotes --speaker (issue 13): a common name part matches thousands of speakers; their quotes are put in
    # date order from this index alone, and only the page's rows are read from the table
    """
    DROP INDEX IF EXISTS quotes_speaker;
    CREATE INDEX quotes_speaker_published ON quotes(speaker, published, article_id, start);
    """,
    # stories at scale (issue 8): a new member's outlet is looked up in its story, not counted over all of it
    """
    DROP INDEX IF EXISTS articles_story;
    CREATE INDEX articles_story_outlet ON articles(story_id, outlet);
    """,
    # stories folded into another (issue 8: reactions to one event tied by a later article) keep their ids as
    # aliases of the story that took them, so saved links and ids still open it
    """
    CREATE TABLE story_aliases (id TEXT PRIMARY KEY, story_id TEXT NOT NULL);
    """,
    # the stance map as JSON (issue 9): each sum row of all time, or of all outlets, keeps its JSON text from
    # "source" to "last" (stances.dump adds the names and evidence), computed by SQLite whenever the sums change,
    # so a listing of tens of thousands of rows copies text instead of rounding and encoding every value
    {"sqlite": stance_body.migration(stance_body.json_functions()), "postgresql": ""},
    # stories at scale (issue 8): whether a candidate story has a member with a published date is one seek on this
    # index, not a read of all its members (newsgraph.stories.assign); it replaces the index on story_id alone, which
    # it also serves, so a member costs no extra write
    """
    DROP INDEX IF EXISTS story_members_story;
    CREATE INDEX story_members_dated ON story_members(story_id, date_from);
    """,
    # stance date ranges (issue 9): the sums over all outlets by week and by month in period order, with every
    # column, so a --since/--until range reads the rows of its whole periods alone (a few percent of the table,
    # narrow) instead of every period of every pair with its JSON text (newsgraph.stances.ranges)
    """
    CREATE INDEX stance_counts_periods ON stance_counts(grain, period, source, target, events, quotes, phrases,
                                                        cooperative, conflictual, weight, magnitude, first, last)
        WHERE outlet = '*' AND grain != 'all';
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
