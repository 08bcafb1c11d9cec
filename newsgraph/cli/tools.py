"""The tools: bench, and the read-only views of a store (serve, report)."""
from __future__ import annotations

from pathlib import Path

import click

from newsgraph.cli.common import CONTEXT, _check_readable, db_option, err, main
from newsgraph.store import Store, queries


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1)
@click.option("--words", type=int, default=100_000, show_default=True,
              help="Repeat the corpus to at least this many words.")
@click.option("--model", default=None, help="Another installed spaCy pipeline (name or path).")
@click.option("--processes", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option("--repeat", type=click.IntRange(1, 20), default=3, show_default=True,
              help="Run each side this many times, alternating; the best time counts.")
@click.option("--store", "store_bench", is_flag=True,
              help="Instead: time every CLI/web query on a synthetic store of --events events (cold and warm).")
@click.option("--events", "n_events", type=click.IntRange(1000), default=200_000, show_default=True,
              help="With --store: events in the synthetic store.")
@click.option("--store-db", type=click.Path(dir_okay=False), default=None,
              help="With --store: build (or reuse, when it holds as many events) this SQLite file; else a temporary one.")
@click.option("--web", "web_bench", is_flag=True,
              help="Instead: time every web UI page over HTTP on the synthetic store of --events events.")
@click.option("--stances", "stances_bench", is_flag=True,
              help="Instead: time the stance queries on the synthetic store of --events events (built as --store).")
@click.option("--stories", "stories_sizes", default="10000,100000", show_default=True,
              help="Also time story assignment on synthetic stores of these sizes (comma-separated; 0: none).")
def bench(paths: tuple[str, ...], words: int, model: str | None, processes: int, repeat: int, store_bench: bool,
          n_events: int, store_db: str | None, stances_bench: bool, stories_sizes: str, web_bench: bool) -> None:
    """Measure speed: bare spaCy nlp.pipe, then the whole newsgraph pipeline (into a temporary database), on the
    same text in the same run. Prints words/s, articles/s, their ratio and peak memory.

    \b
    Example:
      newsgraph bench                    # the sample articles, repeated to 100,000 words
      newsgraph bench corpus/ --words 500000 --processes 4
      newsgraph bench --store --events 2000000   # store queries at scale: one line per query, then p95
      newsgraph bench --stances --events 1000000  # stance queries on a store of a million events
      newsgraph bench --stories 10000,100000      # story assignment as the store grows
    """
    if web_bench:
        from newsgraph.web.bench import run_web_bench

        for line in run_web_bench(n_events, path=store_db):
            click.echo(line)
        return
    if stances_bench:
        _bench_stances(n_events, store_db, repeat)
        return
    if store_bench:
        from newsgraph.bench_store import run_store_bench

        for line in run_store_bench(n_events, path=store_db):
            click.echo(line)
        return
    from newsgraph.bench import run_bench

    try:
        sizes = [int(x) for x in stories_sizes.replace("_", "").split(",") if x.strip() and int(x) > 0]
    except ValueError:
        raise click.BadParameter(f"{stories_sizes!r}: give sizes as numbers, e.g. 10000,100000",
                                 param_hint="--stories") from None
    for line in run_bench(paths or None, words=words, model=model, processes=processes, repeat=repeat,
                          stories=sizes):
        click.echo(line)


def _bench_stances(n_events: int, store_db: str | None, repeat: int) -> None:
    """The synthetic store of `bench --store` (built or reused), its stance facts filled from its events, then
    each stance query timed cold and warm."""
    import tempfile
    import time

    from newsgraph.bench_store import build
    from newsgraph.stances.scale import fill_from_events, time_queries

    with tempfile.TemporaryDirectory() as tmp:
        db = store_db or str(Path(tmp) / "stances-bench.db")
        with Store(db) as store:
            ready = queries.summary(store)["events"] == n_events
        if not ready:
            for suffix in ("", "-wal", "-shm"):
                Path(db + suffix).unlink(missing_ok=True)
            started = time.perf_counter()
            build(db, n_events)
            click.echo(f"built {db} ({n_events:,} events) in {time.perf_counter() - started:.1f} s")
        with Store(db) as store:
            started = time.perf_counter()
            filled = ready and store.conn.execute("SELECT 1 FROM stance_facts LIMIT 1").fetchone() is not None
            facts = store.conn.execute("SELECT COUNT(*) FROM stance_facts").fetchone()[0] if filled \
                else fill_from_events(store)
            sums = store.conn.execute("SELECT COUNT(*) FROM stance_counts").fetchone()[0]
        click.echo(f"stance facts {facts:,}, sums {sums:,} rows, "
                   + ("reused" if filled else f"filled in {time.perf_counter() - started:.1f} s"))
        for line in time_queries(lambda: Store(db), repeat=repeat):
            click.echo(line)


@main.command(context_settings=CONTEXT)
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Another than 127.0.0.1 lets other machines read the store.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
def serve(db: str, host: str, port: int) -> None:
    """Serve the web UI on the store, read-only: stories, actors, the stance network, events and quotes, each
    linked to its sentences. Every page is also JSON (?format=json, or /api/ before the path).

    \b
    Example:
      newsgraph serve --db newsgraph.db            # then open http://127.0.0.1:8000/
    """
    import uvicorn

    from newsgraph.web import make_app

    _check_readable(db)  # a missing or newer file is one line here, not an error page later
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]warning:[/] listening on {host}: anyone who can reach this machine can read the store")
    err.print(f"newsgraph UI on http://{host}:{port}/ (Ctrl-C stops)")
    uvicorn.run(make_app(db), host=host, port=port, log_level="warning")


@main.command("report", context_settings=CONTEXT)
@click.argument("out", type=click.Path(dir_okay=False))
@db_option
@click.option("--story", help="Only this story (its id, from `newsgraph stories`); default: the whole corpus.")
def report_cmd(out: str, db: str, story: str | None) -> None:
    """Write one self-contained HTML file (inline CSS and SVG charts, nothing fetched) with the web UI's views of
    a story or of the whole corpus, to mail to an editor.

    \b
    Example:
      newsgraph report corpus.html
      newsgraph report --story s-2025-03-10-7bb83be9 story.html
    """
    from newsgraph.web.report import write_report

    _check_readable(db)
    size = write_report(db, out, story=story)
    err.print(f"wrote {out} ({size / 1024:,.0f} KiB)")
