"""`newsgraph bench --store`: the store's queries at scale, on a synthetic store of N events.

The store is built fast and directly (bulk inserts in one transaction, indexes and triggers dropped first and built
after, full-text indexes rebuilt, counts recomputed by `aggregates.rebuild`), with the shapes of a real corpus:
about eight events per article, actors and outlets drawn from skewed (Zipf) distributions as news coverage is,
ten years of dates, a realistic mix of types, modalities and negations, persons with affiliations, quotes and
unresolved names. Nothing in it comes from any real text.

Each query runs once on a fresh connection (cold: SQLite's page cache empty; the OS file cache is not dropped)
and then `repeat` times (warm, the median counts). One line per query, then `store events=N p95_ms=X max_ms=Y`
over the cold and warm figures of every query. Figures are printed, never asserted.
"""
from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from itertools import accumulate
from pathlib import Path
from typing import Any

from newsgraph.store import Store, aggregates
from newsgraph.store import queries
from newsgraph.store.search import search

TYPES = [  # PLOVER type, quad class, share
    ("CONSULT", 1, 14), ("SUPPORT", 1, 10), ("REQUEST", 1, 9), ("AGREE", 1, 6), ("COOPERATE", 2, 8), ("AID", 2, 5),
    ("ACCUSE", 3, 9), ("REJECT", 3, 6), ("THREATEN", 3, 4), ("DISAPPROVE", 3, 6), ("DEMAND", 3, 4),
    ("PROTEST", 4, 3), ("SANCTION", 4, 3), ("MOBILIZE", 4, 3), ("COERCE", 4, 4), ("ASSAULT", 4, 5),
    ("RETREAT", 2, 1),
]
MODALITIES = [("asserted", 78), ("future", 8), ("hypothetical", 4), ("conditional", 3), ("proposed", 3),
              ("question", 2), ("alleged", 2)]
VERBS = {"CONSULT": "met", "SUPPORT": "backed", "REQUEST": "urged", "AGREE": "agreed with", "COOPERATE": "worked with",
         "AID": "sent aid to", "ACCUSE": "accused", "REJECT": "rejected", "THREATEN": "threatened",
         "DISAPPROVE": "criticised", "DEMAND": "demanded of", "PROTEST": "protested against",
         "SANCTION": "sanctioned", "MOBILIZE": "massed troops near", "COERCE": "expelled envoys of",
         "ASSAULT": "struck", "RETREAT": "withdrew from"}
TOPICS = ["the border", "the dam", "trade talks", "the ceasefire", "grain exports", "the election", "fishing rights",
          "the pipeline", "refugees", "the embassy", "sanctions", "the summit", "the loan", "the strait"]
ORGS = [("UN", "United Nations"), ("EU", "European Union"), ("AU", "African Union"), ("NATO", "NATO"),
        ("OIC", "Organisation of Islamic Cooperation"), ("ASEAN", "ASEAN"), ("IMF", "International Monetary Fund"),
        ("WHO", "World Health Organization"), ("ECOWAS", "ECOWAS"), ("GCC", "Gulf Cooperation Council")]
SYLLABLES = ["ka", "lo", "mi", "ra", "den", "sa", "to", "vel", "an", "ri", "mar", "du", "el", "no", "be", "zu"]
ROLES = ["foreign minister", "president", "prime minister", "defence minister", "spokesperson", "ambassador"]
EVENTS_PER_ARTICLE = 8
CHUNK = 20_000  # articles per executemany batch: memory stays flat however large N


def _names(rng: random.Random, n: int, parts: int) -> list[str]:
    seen: set[str] = set()
    while len(seen) < n:
        seen.add(" ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()
                          for _ in range(parts)))
    return sorted(seen)


def _zipf(n: int, s: float = 1.1) -> list[float]:
    return list(accumulate(1 / (i + 1) ** s for i in range(n)))


def build(path: str, n_events: int, *, seed: int = 13) -> dict[str, int]:
    """A synthetic store of `n_events` events at `path` (a new SQLite file); returns the rows written per table."""
    import pycountry  # the real ISO 3166 states: actors with real codes, not invented ones

    rng = random.Random(seed)
    states = sorted((c.alpha_3, c.name) for c in pycountry.countries)
    rng.shuffle(states)  # which states are "often in the news" is arbitrary here
    actors = states + ORGS
    actor_cum = _zipf(len(actors))
    outlets = [f"The {w} {n}" for w, n in zip(*(_names(rng, 60, 1), ["Ledger", "Courier", "Post", "Herald",
                                                                      "Tribune", "Wire"] * 10))]
    outlet_cum = _zipf(len(outlets), 0.9)
    type_cum = list(accumulate(w for _, _, w in TYPES))
    modality_cum = list(accumulate(w for _, w in MODALITIES))
    n_articles = max(1, n_events // EVENTS_PER_ARTICLE)
    persons = _names(rng, max(50, n_articles // 8), 2)
    person_cum = _zipf(len(persons), 0.8)
    by_fame = persons[:]
    rng.shuffle(by_fame)  # fame has nothing to do with the alphabet
    unresolved_pool = [f"{n} Council" for n in _names(rng, 300, 1)]
    start_day = 16_800  # days since 1970: 2016; ten years of dates
    counts = dict.fromkeys(("articles", "events", "spans", "mentions", "quotes", "affiliations", "unresolved"), 0)

    phases: dict[str, float] = {}
    started = time.perf_counter()
    with Store(path) as store:
        conn = store.conn
        # a bulk load of a new file: no rollback journal, no fsync, a large page cache for the index builds
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -524288"):
            conn.execute(f"PRAGMA {pragma}")
        saved = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
                             " AND sql IS NOT NULL").fetchall()
        fts = [r["name"] for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
               if (r["sql"] or "").upper().startswith("CREATE VIRTUAL TABLE") and "FTS5" in r["sql"].upper()]
        conn.execute("BEGIN")
        for row in saved:
            conn.execute(f"DROP {row['type'].upper()} {row['name']}")
        conn.executemany("INSERT INTO actors (code, name, kind) VALUES (?, ?, ?)",
                         [(c, n, "org" if (c, n) in ORGS else "state") for c, n in actors])
        conn.executemany("INSERT INTO persons (id, name) VALUES (?, ?)", list(enumerate(persons, 1)))
        event_id = span_id = 0
        remaining = n_events
        article_no = 0
        while remaining > 0:
            rows: dict[str, list[tuple]] = {t: [] for t in ("articles", "spans", "events", "evidence", "mentions",
                                                            "quotes", "affiliations", "unresolved")}
            for _ in range(CHUNK):
                if remaining <= 0:
                    break
                article_no += 1
                aid = f"{article_no:016x}"
                k = min(remaining, max(1, int(rng.expovariate(1 / EVENTS_PER_ARTICLE)) + 1))
                remaining -= k
                outlet = outlets[_pick(rng, outlet_cum)]
                day = start_day + rng.randrange(3650)
                published = time.strftime("%Y-%m-%d", time.gmtime(day * 86400))
                sentences, offset = [], 0
                speaker = by_fame[_pick(rng, person_cum)]
                speaker_actor = actors[_pick(rng, actor_cum)][0]
                for _ in range(k):
                    src, tgt = actors[_pick(rng, actor_cum)][0], actors[_pick(rng, actor_cum)][0]
                    etype, quad, _w = TYPES[_pick(rng, type_cum)]
                    modality = MODALITIES[_pick(rng, modality_cum)][0]
                    sentence = f"{src} {VERBS[etype]} {tgt} over {rng.choice(TOPICS)}."
                    span_id += 1
                    event_id += 1
                    end = offset + len(sentence)
                    rows["spans"].append((span_id, aid, offset, end, sentence))
                    rows["events"].append((event_id, aid, src, tgt, etype, "appeal", int(rng.random() < 0.05),
                                           modality, quad, -2.0 if quad > 2 else 2.0, "0" + str(quad), published,
                                           "GOV", "GOV", VERBS[etype].split()[0], sentence, outlet))
                    rows["evidence"].append((event_id, span_id, VERBS[etype].split()[0], offset + len(src) + 1,
                                             offset + len(src) + 1 + len(VERBS[etype]), offset, offset + len(src),
                                             end - len(tgt) - 1, end - 1, "verb+dobj"))
                    rows["mentions"].append((aid, span_id, src, None, "org" if len(src) != 3 else "state", "GOV",
                                             "alias", 0, src, offset, offset + len(src)))
                    rows["mentions"].append((aid, span_id, tgt, None, "org" if len(tgt) != 3 else "state", "GOV",
                                             "alias", 0, tgt, end - len(tgt) - 1, end - 1))
                    sentences.append(sentence)
                    offset = end + 1
                quote = f"“We will not accept this,” {speaker} said."
                span_id += 1
                rows["spans"].append((span_id, aid, offset, offset + len(quote), quote))
                pid = _person_id(persons, speaker)
                rows["quotes"].append((aid, span_id, "We will not accept this", speaker, speaker_actor, 1, "said",
                                       None, offset + 1, offset + 24, offset + 27, offset + 27 + len(speaker),
                                       published, outlet))
                rows["mentions"].append((aid, span_id, speaker_actor, pid, "person", "GOV", "title", 0, speaker,
                                         offset + 27, offset + 27 + len(speaker)))
                rows["affiliations"].append((pid, aid, speaker_actor, rng.choice(ROLES), "GOV",
                                             "title", published, offset + 27, offset + 27 + len(speaker)))
                if rng.random() < 0.3:
                    rows["unresolved"].append((aid, rng.choice(unresolved_pool)))
                sentences.append(quote)
                text = " ".join(sentences)
                rows["articles"].append((aid, f"synthetic/{aid}", f"synthetic/{aid}.txt", sentences[0], outlet,
                                         None, published, text, aid * 4, "[]", "2026-01-01T00:00:00+00:00",
                                         "synthetic", "synthetic"))
            _insert(conn, rows, counts)
        phases["load"], started = time.perf_counter() - started, time.perf_counter()
        for row in saved:  # indexes first, then triggers (which the bulk load did not fire)
            if row["type"] == "index":
                conn.execute(row["sql"])
        for row in saved:
            if row["type"] == "trigger":
                conn.execute(row["sql"])
        phases["indexes"], started = time.perf_counter() - started, time.perf_counter()
        for name in fts:
            conn.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
        phases["full-text"], started = time.perf_counter() - started, time.perf_counter()
        aggregates.rebuild(conn)
        conn.commit()
        phases["counts"] = time.perf_counter() - started
        conn.execute("PRAGMA journal_mode = WAL")
    build.phases = phases  # type: ignore[attr-defined]  # seconds per phase of the last build, for the report
    return counts


def _pick(rng: random.Random, cumulative: list[float]) -> int:
    from bisect import bisect_left

    return min(bisect_left(cumulative, rng.random() * cumulative[-1]), len(cumulative) - 1)


def _person_id(persons: list[str], name: str) -> int:
    from bisect import bisect_left

    return bisect_left(persons, name) + 1  # persons are sorted


def _insert(conn: Any, rows: dict[str, list[tuple]], counts: dict[str, int]) -> None:
    conn.executemany("INSERT INTO articles (id, key, file, title, outlet, url, published, text, text_hash,"
                     " boilerplate, analysed_at, model, newsgraph_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     rows["articles"])
    conn.executemany("INSERT INTO spans (id, article_id, start, end, text) VALUES (?,?,?,?,?)", rows["spans"])
    conn.executemany("INSERT INTO events (id, article_id, source, target, type, mode, negated, modality, quad_class,"
                     " intensity, cameo, date, source_sector, target_sector, trigger, sentence, outlet)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows["events"])
    conn.executemany("INSERT INTO event_evidence (event_id, span_id, trigger, trigger_start, trigger_end,"
                     " source_start, source_end, target_start, target_end, pattern) VALUES (?,?,?,?,?,?,?,?,?,?)",
                     rows["evidence"])
    conn.executemany("INSERT INTO mentions (article_id, span_id, actor, person_id, kind, sector, how, place, text,"
                     " start, end) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows["mentions"])
    conn.executemany("INSERT INTO quotes (article_id, span_id, text, speaker, actor, direct, cue, via, start, end,"
                     " speaker_start, speaker_end, published, outlet) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     rows["quotes"])
    conn.executemany("INSERT INTO affiliations (person_id, article_id, actor, role, sector, how, published, start,"
                     " end) VALUES (?,?,?,?,?,?,?,?,?)", rows["affiliations"])
    conn.executemany("INSERT INTO unresolved (article_id, text) VALUES (?, ?)", rows["unresolved"])
    for table, key in (("articles", "articles"), ("events", "events"), ("spans", "spans"), ("mentions", "mentions"),
                       ("quotes", "quotes"), ("affiliations", "affiliations"), ("unresolved", "unresolved")):
        counts[table] += len(rows[key])


def workload(store: Store, seed: int = 7) -> list[tuple[str, Callable[[Store], Any]]]:
    """Every query the CLI (and the web's library calls) makes, with arguments drawn from the store itself: a
    frequent and a rare actor, a frequent outlet, a type, a date window, a cursor in the middle of a listing."""
    rng = random.Random(seed)
    conn = store.conn
    top = [r["actor"] for r in conn.execute("SELECT actor FROM actor_counts ORDER BY mentions DESC LIMIT 40")]
    frequent, rare = top[0], top[-1]
    partner = top[1]
    outlet = conn.execute("SELECT outlet FROM outlet_counts ORDER BY articles DESC LIMIT 1").fetchone()[0]
    n_events = conn.execute("SELECT MAX(id) FROM events").fetchone()[0] or 1
    middle_event = conn.execute("SELECT id FROM events WHERE id >= ? ORDER BY id LIMIT 1",
                                (n_events // 2,)).fetchone()[0]
    some_article = conn.execute("SELECT article_id FROM events WHERE id = ?", (middle_event,)).fetchone()[0]
    middle_quote = conn.execute("SELECT MIN(id) FROM quotes WHERE article_id = ?", (some_article,)).fetchone()[0]
    speaker = conn.execute("SELECT speaker FROM quotes WHERE id = ?", (middle_quote,)).fetchone()[0]
    surname = speaker.split()[-1] if speaker else "x"
    person = conn.execute("SELECT name FROM persons ORDER BY name LIMIT 1 OFFSET ?",
                          (rng.randrange(max(1, conn.execute("SELECT COUNT(*) FROM persons").fetchone()[0])),)
                          ).fetchone()
    page = 50
    q = queries
    work: list[tuple[str, Callable[[Store], Any]]] = [
        ("summary counts", lambda s: q.summary(s)),
        ("summary top pairs", lambda s: q.top_pairs(s, limit=10)),
        ("actors (states, orgs)", lambda s: q.list_actors(s, limit=page)),
        ("actors --kind person", lambda s: q.list_actors(s, kind="person", limit=page)),
        ("actors --kind person page 2", lambda s: q.list_actors(s, kind="person", limit=page,
                                                                 after=person[0] if person else None)),
        ("actors --unresolved", lambda s: q.unresolved_share(s, limit=page)),
        ("articles", lambda s: q.list_articles(s, limit=page)),
        ("articles --outlet", lambda s: q.list_articles(s, outlet=outlet, limit=page)),
        ("articles --since --until", lambda s: q.list_articles(s, since="2020-03-01", until="2020-03-31", limit=page)),
        ("articles page after", lambda s: q.list_articles(s, limit=page, after=some_article)),
        ("events", lambda s: q.list_events(s, limit=page)),
        ("events page after (middle)", lambda s: q.list_events(s, limit=page, after=middle_event)),
        ("events --source", lambda s: q.list_events(s, source=frequent, limit=page)),
        ("events --target rare", lambda s: q.list_events(s, target=rare, limit=page)),
        ("events --source --target", lambda s: q.list_events(s, source=frequent, target=partner, limit=page)),
        ("events --source rare --target", lambda s: q.list_events(s, source=rare, target=frequent, limit=page)),
        ("events --actor", lambda s: q.list_events(s, actor=frequent, limit=page)),
        ("events --actor rare --type", lambda s: q.list_events(s, actor=rare, type="ACCUSE", limit=page)),
        ("events --type", lambda s: q.list_events(s, type="THREATEN", limit=page)),
        ("events --type --outlet", lambda s: q.list_events(s, type="SANCTION", outlet=outlet, limit=page)),
        ("events --quad", lambda s: q.list_events(s, quad_class=4, limit=page)),
        ("events --modality rare", lambda s: q.list_events(s, modality="alleged", limit=page)),
        ("events --negated", lambda s: q.list_events(s, negated=True, limit=page)),
        ("events --since --until", lambda s: q.list_events(s, since="2021-06-01", until="2021-06-30", limit=page)),
        ("events --outlet --since", lambda s: q.list_events(s, outlet=outlet, since="2024-01-01", limit=page)),
        ("events --explain", lambda s: q.explain_event(s, middle_event)),
        ("quotes", lambda s: q.list_quotes(s, limit=page)),
        ("quotes --actor", lambda s: q.list_quotes(s, actor=frequent, limit=page)),
        ("quotes --outlet --since", lambda s: q.list_quotes(s, outlet=outlet, since="2022-01-01", limit=page)),
        ("quotes --speaker", lambda s: q.list_quotes(s, speaker=surname, limit=page)),
        ("quotes page after", lambda s: q.list_quotes(s, limit=page, after=middle_quote)),
        ("article record", lambda s: q.article_record(s, some_article)),
        ("search articles", lambda s: search(s, f"{VERBS['SANCTION']} {TOPICS[3]}", kind="articles", limit=20)),
        ("search events", lambda s: search(s, TOPICS[5], kind="events", limit=20)),
        ("search quotes", lambda s: search(s, surname, kind="quotes", limit=20)),
    ]
    return work


def baselines(db: str) -> list[tuple[str, Callable[[Store], list]]]:
    """The same questions asked the way the store asked them before issue 13 (counts scanned, the outlet read
    through the articles, an OR over both sides, OFFSET pages, pairs counted in Python), once each, cold, on the
    same file: the figures the kept counts, stored columns and keyset pages are measured against."""
    with Store(db) as store:
        top = store.conn.execute("SELECT actor FROM actor_counts ORDER BY mentions DESC LIMIT 1").fetchone()[0]
        outlet = store.conn.execute("SELECT outlet FROM outlet_counts ORDER BY articles DESC LIMIT 1").fetchone()[0]
        middle = queries.summary(store)["events"] // 2
    fetch = lambda sql, params=(): lambda s: s.conn.execute(sql, params).fetchall()  # noqa: E731

    def summary_scans(s: Store) -> list:
        return [s.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone() for t in
                ("articles", "events", "quotes", "persons", "actors")] + \
            [s.conn.execute("SELECT COUNT(DISTINCT outlet) FROM articles").fetchone()]

    def pairs_in_python(s: Store) -> list:
        from collections import Counter

        rows = s.conn.execute("SELECT source, type, target FROM events WHERE modality = 'asserted'"
                              " AND negated = 0")
        return Counter(tuple(r) for r in rows).most_common(10)

    return [
        ("baseline: summary counts scanned", summary_scans),
        ("baseline: summary pairs in Python", pairs_in_python),
        ("baseline: actors, mentions scanned", fetch(
            "SELECT ac.code, COUNT(m.id) AS mentions, COUNT(DISTINCT m.article_id) AS articles FROM actors ac"
            " LEFT JOIN mentions m ON m.actor = ac.code AND m.kind != 'person' GROUP BY ac.code"
            " ORDER BY mentions DESC, ac.code")),
        ("baseline: events --type --outlet join", fetch(
            "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id WHERE e.type = ? AND a.outlet = ?"
            " ORDER BY e.date, e.id LIMIT 50", ("SANCTION", outlet))),
        ("baseline: events --actor as an OR", fetch(
            "SELECT e.id FROM events e WHERE (e.source = ? OR e.target = ?) ORDER BY e.date, e.id LIMIT 50",
            (top, top))),
        ("baseline: events page by OFFSET", fetch(
            "SELECT e.id FROM events e ORDER BY e.date, e.id LIMIT 50 OFFSET ?", (middle,))),
    ]


def run_store_bench(n_events: int, *, path: str | None = None, repeat: int = 3,
                    baseline: bool = True) -> Iterator[str]:
    """Build (or reuse) the synthetic store and time the workload (and, once each, the baselines: not in the
    p95); yields the report's lines."""
    with tempfile.TemporaryDirectory() as tmp:
        db = path or str(Path(tmp) / "store-bench.db")
        reuse = False
        if path and Path(path).exists():
            with Store(path) as store:
                reuse = queries.summary(store)["events"] == n_events
            if not reuse:
                for suffix in ("", "-wal", "-shm"):
                    Path(path + suffix).unlink(missing_ok=True)
        if reuse:
            yield f"reusing {db} ({n_events:,} events)"
        else:
            started = time.perf_counter()
            counts = build(db, n_events)
            yield (f"built {db} in {time.perf_counter() - started:.1f} s: "
                   + ", ".join(f"{t} {n:,}" for t, n in counts.items())
                   + f"; {Path(db).stat().st_size / 2**20:,.0f} MiB ("
                   + ", ".join(f"{p} {s:.0f} s" for p, s in build.phases.items()) + ")")  # type: ignore[attr-defined]
        with Store(db) as store:
            work = workload(store)
        figures: list[float] = []
        yield f"{'query':34} {'cold ms':>9} {'warm ms':>9} {'rows':>6}"
        for name, run in work:
            with Store(db) as store:  # a fresh connection: SQLite's page cache starts empty
                started = time.perf_counter()
                result = run(store)
                cold = (time.perf_counter() - started) * 1000
                warm_runs = []
                for _ in range(repeat):
                    started = time.perf_counter()
                    run(store)
                    warm_runs.append((time.perf_counter() - started) * 1000)
            warm = statistics.median(warm_runs)
            figures += [cold, warm]
            rows = len(result) if isinstance(result, list) else 1
            yield f"{name:34} {cold:9.1f} {warm:9.1f} {rows:6}"
        for name, run in baselines(db) if baseline else ():
            with Store(db) as store:
                started = time.perf_counter()
                result = run(store)
                cold = (time.perf_counter() - started) * 1000
            yield f"{name:34} {cold:9.1f} {'-':>9} {len(result):6}"
        figures.sort()
        p95 = figures[min(len(figures) - 1, int(0.95 * len(figures)))]
        yield f"store events={n_events} p95_ms={p95:.1f} max_ms={figures[-1]:.1f}"
