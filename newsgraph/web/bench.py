"""`newsgraph bench --web`: every page type timed over real HTTP on the synthetic store of `bench --store`.

The store (N events, about N/8 articles) is built or reused by `newsgraph.bench_store.build`; its stance facts are
filled from its events (`newsgraph.stances.scale.fill_from_events`), and, since its articles are invented and would
not cluster, every five consecutive articles are made one story (a benchmark of page cost, not of clustering).
The real app runs under uvicorn in a thread; each page is fetched once cold (a fresh server, SQLite's page cache
empty; the OS file cache is not dropped) and then three times warm (the median counts). The baseline, fetched the
same way in the same process, is a static file: the cost of HTTP and the framework with no store at all.
"""
from __future__ import annotations

import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.store import Store

STORY_SIZE = 5


def _prepare(db: str, n_events: int) -> Iterator[str]:
    from newsgraph.bench_store import build

    ready = False
    if Path(db).exists():
        with Store(db) as store:
            ready = store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == n_events
    if not ready:
        for suffix in ("", "-wal", "-shm"):
            Path(db + suffix).unlink(missing_ok=True)
        started = time.perf_counter()
        build(db, n_events)
        yield f"built {db} ({n_events:,} events) in {time.perf_counter() - started:.0f} s"
    with Store(db) as store:
        conn = store.conn
        if conn.execute("SELECT 1 FROM stance_facts LIMIT 1").fetchone() is None:
            from newsgraph.stances.scale import fill_from_events

            started = time.perf_counter()
            facts = fill_from_events(store)
            yield f"stance facts {facts:,} filled in {time.perf_counter() - started:.0f} s"
        if conn.execute("SELECT 1 FROM stories LIMIT 1").fetchone() is None:
            started = time.perf_counter()
            with store.atomic():
                conn.execute(f"UPDATE articles SET story_id = 'bench-' || CAST(rowid / {STORY_SIZE} AS TEXT)")
                conn.execute(
                    "INSERT INTO stories (id, title, first_date, last_date, articles, copies, outlets, top_actors, seq)"
                    " SELECT story_id, MIN(title), MIN(published), MAX(published), COUNT(*), 0, COUNT(DISTINCT outlet),"
                    " '[]', MAX(rowid) FROM articles GROUP BY story_id")
                conn.execute("INSERT INTO story_actors (story_id, code, mentions) SELECT a.story_id, m.actor, COUNT(*)"
                             " FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.actor IS NOT NULL"
                             " GROUP BY a.story_id, m.actor")
            yield f"stories of {STORY_SIZE} consecutive articles made in {time.perf_counter() - started:.0f} s"


def _pages(store: Store) -> list[tuple[str, str]]:
    """One URL per page type (and the heavy variants), with ids drawn from the store itself."""
    conn = store.conn
    one = lambda sql, *p: conn.execute(sql, p).fetchone()[0]  # noqa: E731
    top = [r[0] for r in conn.execute("SELECT source FROM events GROUP BY source ORDER BY COUNT(*) DESC LIMIT 40")]
    frequent, partner, rare = top[0], top[1], top[-1]
    middle = one("SELECT MAX(id) FROM events") // 2
    article = one("SELECT article_id FROM events WHERE id = ?", middle)
    quote = one("SELECT MIN(id) FROM quotes WHERE article_id = ?", article)
    person = one("SELECT person_id FROM affiliations WHERE article_id = ?", article)
    story = one("SELECT story_id FROM articles WHERE id = ?", article)
    outlet = one("SELECT outlet FROM articles WHERE id = ?", article)
    cursor = one("SELECT date FROM events WHERE id = ?", middle) + f"~{middle}"
    year = one("SELECT SUBSTR(date, 1, 4) FROM events WHERE id = ?", middle)
    return [
        ("home", "/"), ("articles", "/articles"), ("articles --outlet", f"/articles?outlet={outlet}"),
        ("article", f"/article/{article}"), ("events", "/events"), ("events page (middle)", f"/events?after={cursor}"),
        ("events --source --type", f"/events?source={frequent}&type=ACCUSE"), ("event", f"/event/{middle}"),
        ("quotes", "/quotes"), ("quotes --actor", f"/quotes?actor={frequent}"), ("quote", f"/quote/{quote}"),
        ("actors", "/actors"), ("persons", "/actors?kind=person"), ("actor (most events)", f"/actor/{frequent}"),
        ("actor (rare)", f"/actor/{rare}"), ("actor (one year)", f"/actor/{frequent}?since={year}-01-01&until={year}-12-31"),
        ("person", f"/person/{person}"), ("network", "/network"),
        ("network --since --until", f"/network?since={year}-01-01&until={year}-06-30"),
        ("network --actor", f"/network?actor={frequent}"), ("network --outlet", f"/network?outlet={outlet}"),
        ("network --story", f"/network?story={story}"), ("pair", f"/pair/{frequent}/{partner}"),
        ("search articles", "/search?q=sanctioned+ceasefire"), ("search events", "/search?q=election&kind=events"),
        ("search quotes", "/search?q=accept&kind=quotes"), ("stories", "/stories"),
        ("stories --actor", f"/stories?actor={frequent}"), ("story", f"/story/{story}"),
    ]


def run_web_bench(n_events: int, *, path: str | None = None, repeat: int = 3) -> Iterator[str]:
    """Prepare the store, serve it, time every page; yields the report's lines."""
    import httpx
    import uvicorn

    from newsgraph.web.app import make_app

    with tempfile.TemporaryDirectory() as tmp:
        db = path or str(Path(tmp) / "web-bench.db")
        yield from _prepare(db, n_events)
        with Store(db, readonly=True) as store:
            pages = _pages(store)
            articles = store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        yield f"store: {articles:,} articles, {n_events:,} events"
        server = uvicorn.Server(uvicorn.Config(make_app(db), host="127.0.0.1", port=0, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        port = server.servers[0].sockets[0].getsockname()[1]
        figures: list[float] = []
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
                yield f"{'page':28} {'cold ms':>9} {'warm ms':>9} {'KiB':>7} status"
                for name, url in [("baseline: static CSS", "/static/style.css"), *pages]:
                    cold, warm, response = _time(client, url, repeat)
                    if not name.startswith("baseline"):
                        figures += [cold, warm]
                    yield f"{name:28} {cold:9.1f} {warm:9.1f} {len(response.content) / 1024:7.0f} {response.status_code}"
        finally:
            server.should_exit = True
            thread.join(timeout=10)
        figures.sort()
        p95 = figures[min(len(figures) - 1, int(0.95 * len(figures)))]
        yield f"web events={n_events} pages={len(pages)} p95_ms={p95:.1f} max_ms={figures[-1]:.1f} (target < 300)"


def _time(client: Any, url: str, repeat: int) -> tuple[float, float, Any]:
    started = time.perf_counter()
    response = client.get(url)
    cold = (time.perf_counter() - started) * 1000
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(url)
        runs.append((time.perf_counter() - started) * 1000)
    return cold, statistics.median(runs), response
