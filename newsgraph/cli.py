"""Command line interface: thin wrappers over library functions. Data goes to stdout, messages to stderr."""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsgraph import __version__
from newsgraph.errors import NewsgraphError, StoreError
from newsgraph.ingest import (DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_HTML_BYTES, DEFAULT_MAX_LINE_BYTES,
                              DEFAULT_TIME_LIMIT)
from newsgraph.store import Store
from newsgraph.store import queries

err = Console(stderr=True, soft_wrap=True)
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 110}
TABLE_ROWS = 100   # rows a stance table shows unless --limit says otherwise


class Group(click.Group):
    """Turns every NewsgraphError into a one-line message and exit code 1, in this one place."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NewsgraphError as exc:
            raise click.ClickException(str(exc)) from exc
        except OSError as exc:  # the machine's fault, not ours: a full disk, a file too large, a broken pipe
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from exc


@click.group(cls=Group, context_settings=CONTEXT)
@click.version_option(__version__, prog_name="newsgraph")
def main() -> None:
    """newsgraph reads news the way an analyst does: actors, who did what to whom (PLOVER events), who said what,
    each linked to the sentence it came from.

    \b
    Example:
      newsgraph analyze examples/            # into ./newsgraph.db
      newsgraph events --actor EGY --format table
    """


def db_option(f: Callable) -> Callable:
    return click.option("--db", default="newsgraph.db", show_default=True, type=click.Path(dir_okay=False),
                        help="SQLite database file, or a PostgreSQL server: postgresql://user@host:port/name.")(f)


def scope_options(f: Callable) -> Callable:
    """--outlet, --since and --until, shared by the listing commands."""
    f = click.option("--until", help="Up to this date (YYYY-MM-DD).")(f)
    f = click.option("--since", help="From this date (YYYY-MM-DD).")(f)
    return click.option("--outlet", help="Only this outlet.")(f)


def format_option(f: Callable) -> Callable:
    f = click.option("--limit", type=int, default=None, help="At most this many rows.")(f)
    return click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                        show_default=True, help="Output format.")(f)


def emit(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None, title: str = "") -> None:
    """Print rows as a table (rich), JSON or CSV on stdout."""
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":   # one row a line: json's C encoder runs only without indent, and the answer stays readable
        encode = json.JSONEncoder(ensure_ascii=False).encode
        sys.stdout.write("[")
        for start in range(0, len(rows), 1000):   # written in blocks: one write per row costs more than encoding
            sys.stdout.write(("\n" if start == 0 else ",\n") + ",\n".join(map(encode, rows[start:start + 1000])))
        sys.stdout.write("\n]\n" if rows else "]\n")
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(title=title or None, show_lines=False, expand=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(row.get(c), wide=c in LONG_COLUMNS) for c in columns))
        Console(width=max(160, Console().width)).print(table)
        err.print(f"{len(rows)} rows")


LONG_COLUMNS = ("sentence", "text", "title", "affiliations", "evidence")


def _cell(value: Any, *, wide: bool) -> str:
    """A table cell: one line, long texts cut (the json and csv formats give them whole)."""
    if value is None:
        return ""
    text = " ".join(str(value).split())
    limit = 90 if wide else 40
    return text if len(text) <= limit else text[: limit - 1] + "…"


def open_store(db: str, *, create: bool = False) -> Store:
    """The database; only `analyze` creates one, so a mistyped --db is an error, not an empty result."""
    if not create and db != ":memory:" and not db.startswith(("postgresql://", "postgres://")) \
            and not Path(db).exists():
        raise StoreError(f"{db}: no such database; create it with `newsgraph analyze PATH --db {db}`")
    return Store(db)


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--jsonl", "jsonl", type=click.File("w", encoding="utf-8"), default=None,
              help="Also write one JSON record per article here ('-' for stdout).")
@click.option("--model", default=None, help="Another installed spaCy pipeline (name or path).")
@click.option("--processes", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option("--actors", "actors_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Your own dictionary of actors, aliases and persons (YAML or CSV).")
@click.option("--max-bytes", type=click.IntRange(1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Skip text files (and whole JSON documents) larger than this, after decompression.")
@click.option("--max-line-bytes", type=click.IntRange(1), default=DEFAULT_MAX_LINE_BYTES, show_default=True,
              help="Skip JSON Lines lines (and JSON array items) larger than this.")
@click.option("--max-html-bytes", type=click.IntRange(1), default=DEFAULT_MAX_HTML_BYTES, show_default=True,
              help="Skip HTML pages larger than this, after decompression.")
@click.option("--max-depth", type=click.IntRange(1), default=DEFAULT_MAX_DEPTH, show_default=True,
              help="Skip JSON nested deeper than this.")
@click.option("--time-limit", type=click.FloatRange(0), default=DEFAULT_TIME_LIMIT, show_default=True,
              help="Skip an article whose extraction or analysis takes longer (seconds; 0: no limit).")
@click.option("--follow-links", is_flag=True, help="Inside folders, also follow links that lead out of them.")
@click.option("--cluster", default=None, metavar="ADDRESS",
              help="Analyse on a Dask cluster: a scheduler address (tcp://host:8786) or local:N for N local "
                   "worker processes (instead of --processes).")
def analyze(paths: tuple[str, ...], db: str, jsonl: Any, model: str | None, processes: int,
            actors_file: str | None, max_bytes: int, max_line_bytes: int, max_html_bytes: int, max_depth: int,
            time_limit: float, follow_links: bool, cluster: str | None) -> None:
    """Analyse articles (.txt, .html, .json, .jsonl, also .gz; folders recursively; '-' for JSON Lines on stdin)
    into the database, and optionally into JSON Lines. Exits 1 when any input was skipped, 130 when stopped by
    Ctrl-C or SIGTERM (after the article being stored; run the same command again to analyse the rest).

    \b
    Example:
      newsgraph analyze examples/ --db news.db
      newsgraph analyze feed.jsonl.gz --jsonl out.jsonl --processes 4
      newsgraph analyze dump/ --cluster local:2
      cat articles.jsonl | newsgraph analyze - --jsonl -
    """
    from newsgraph.ingest import Limits
    from newsgraph.pipeline import Settings
    from newsgraph.run import analyze_paths

    limits = Limits(max_bytes=max_bytes, max_line_bytes=max_line_bytes, max_html_bytes=max_html_bytes,
                    max_depth=max_depth, time_limit=time_limit or None)
    with open_store(db, create=True) as store:
        settings = Settings(model=model, actors_file=actors_file, known=store.known_persons())
        with Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
                      TextColumn("{task.completed} articles"), TimeElapsedColumn(), console=err,
                      transient=True) as progress:
            task = progress.add_task("analysing", total=None)
            summary = analyze_paths(
                paths, store, settings=settings, processes=processes, limits=limits, follow_links=follow_links,
                cluster=cluster,
                on_record=(lambda r: jsonl.write(json.dumps(r, ensure_ascii=False) + "\n")) if jsonl else None,
                on_problem=lambda p: err.print(f"newsgraph: skipped {p}", markup=False, highlight=False),
                on_progress=lambda s: progress.update(task, completed=s.analysed + s.unchanged),
            )
    err.print(str(summary), markup=False, highlight=False)
    sys.exit(130 if summary.interrupted else 1 if summary.skipped else 0)


@main.command(context_settings=CONTEXT)
@click.argument("article_id", required=False)
@db_option
@format_option
@scope_options
@click.option("--search", help="Text in the title or body.")
def articles(article_id: str | None, db: str, fmt: str, limit: int | None, outlet: str | None, since: str | None,
             until: str | None, search: str | None) -> None:
    """List stored articles with their numbers of events and quotes; with an ID, show that article and its tone
    toward each actor and person (json: the whole record).

    \b
    Example:
      newsgraph articles --outlet "The Nile Courier" --since 2025-03-01
      newsgraph articles 3f2a9c1e0b7d4e55            # one article: its tone, with the sentences behind it
    """
    with open_store(db) as store:
        if article_id is not None:
            _show_article(store, article_id, fmt)
            return
        rows = queries.list_articles(store, outlet=outlet, since=since, until=until, search=search, limit=limit)
    emit(rows, fmt, ["id", "published", "outlet", "title", "events", "quotes"] if fmt == "table" else None)


def _show_article(store: Store, article_id: str, fmt: str) -> None:
    record = queries.article_record(store, article_id)
    if fmt == "json":
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    tone = [{**t, "evidence": " | ".join(f"{e['why']}: {e['sentence']}" for e in t["evidence"])}
            for t in record["tone"]]
    if fmt == "table":
        click.echo(f"{record['id']}  {record['published'] or ''}  {record['outlet'] or ''}  {record['title'] or ''}")
        click.echo(f"{len(record['events'])} events, {len(record['quotes'])} quotes, {len(tone)} actors and persons")
    emit(tone, fmt, ["target", "name", "kind", "label", "score", "mentions", "evidence"], title="tone")


@main.command(context_settings=CONTEXT)
@db_option
@format_option
@click.option("--actor", help="Either side is this actor code (e.g. EGY, UN).")
@click.option("--source", help="Source actor code.")
@click.option("--target", help="Target actor code.")
@click.option("--type", "type_", help="PLOVER type (REQUEST, REJECT, ...).")
@click.option("--quad", type=click.IntRange(1, 4), help="Quad class: 1 verbal coop, 2 material coop, "
              "3 verbal conflict, 4 material conflict.")
@click.option("--modality", help="asserted, future, hypothetical, conditional, proposed, question, alleged.")
@click.option("--negated/--not-negated", default=None, help="Only negated / only not negated events.")
@scope_options
@click.option("--explain", "explain_id", type=int, help="Show one event with its evidence and the rule that fired.")
@click.option("--by-story", is_flag=True, help="One row per story and (source, type, target), with its reports "
              "(articles, outlets, first report; copies not counted twice).")
@click.option("--story", "story_id", help="With --by-story: only this story.")
def events(db: str, fmt: str, limit: int | None, actor: str | None, source: str | None, target: str | None,
           type_: str | None, quad: int | None, modality: str | None, negated: bool | None, since: str | None,
           until: str | None, outlet: str | None, explain_id: int | None, by_story: bool,
           story_id: str | None) -> None:
    """List events (who did what to whom), each with the sentence it came from.

    \b
    Example:
      newsgraph events --source EGY --target ETH --type REQUEST
      newsgraph events --actor AU --modality asserted --format csv
      newsgraph events --explain 12
      newsgraph events --by-story --actor EGY
    """
    with open_store(db) as store:
        if explain_id is not None:
            click.echo(json.dumps(queries.explain_event(store, explain_id), ensure_ascii=False, indent=2))
            return
        if by_story or story_id:
            _story_events(store, fmt, limit, story_id=story_id, actor=actor, source=source, target=target,
                          type=type_)
            return
        rows = queries.list_events(store, actor=actor, source=source, target=target, type=type_, quad_class=quad,
                                   modality=modality, negated=negated, since=since, until=until, outlet=outlet,
                                   limit=limit)
    emit(rows, fmt, ["id", "date", "source", "type", "target", "modality", "negated", "trigger", "outlet",
                     "sentence"] if fmt == "table" else None)


@main.command(context_settings=CONTEXT)
@db_option
@format_option
@click.option("--speaker", help="Part of the speaker's name.")
@click.option("--actor", help="Actor code the speaker speaks for.")
@scope_options
@click.option("--search", help="Text in the quote.")
@click.option("--direct/--reported", default=None, help="Only direct / only reported speech.")
def quotes(db: str, fmt: str, limit: int | None, speaker: str | None, actor: str | None, outlet: str | None,
           since: str | None, until: str | None, search: str | None, direct: bool | None) -> None:
    """List quotations and reported statements with their speakers.

    \b
    Example:
      newsgraph quotes --actor EGY --direct
      newsgraph quotes --speaker Mansour --since 2025-03-01 --format json
    """
    with open_store(db) as store:
        rows = queries.list_quotes(store, speaker=speaker, actor=actor, outlet=outlet, since=since, until=until,
                                   search=search, direct=direct, limit=limit)
    emit(rows, fmt, ["id", "published", "outlet", "speaker", "actor", "direct", "text"] if fmt == "table" else None)


@main.command(context_settings=CONTEXT)
@db_option
@format_option
@click.option("--kind", type=click.Choice(["state", "org", "person"]), help="Only this kind of actor.")
@click.option("--unresolved", is_flag=True, help="Report the state/organisation-looking names left unresolved.")
def actors(db: str, fmt: str, limit: int | None, kind: str | None, unresolved: bool) -> None:
    """List actors: states and organisations with mention counts, persons with their affiliations.

    A person whose articles disagree keeps every affiliation in the list; the one shown as `code` is given by
    the most articles, ties going to the most recent.

    \b
    Example:
      newsgraph actors --kind person
      newsgraph actors --unresolved
    """
    with open_store(db) as store:
        if unresolved:
            report = queries.unresolved_share(store)
            err.print(f"unresolved {report['unresolved']} of {report['resolved'] + report['unresolved']} "
                      f"state/organisation-looking mentions ({report['share']:.1%})")
            emit(report["names"][:limit] if limit else report["names"], fmt, ["text", "count"])
            return
        rows = queries.list_actors(store, kind=kind, limit=limit)
    emit(rows, fmt, ["code", "name", "kind", "mentions", "articles", "role", "affiliations"]
         if fmt == "table" else None)


@main.command(context_settings=CONTEXT)
@click.argument("out")
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "story-events"]), default="jsonl",
              show_default=True, help="jsonl: one record per article; csv: one row per event (GDELT-style); "
              "parquet: events (and quotes and story events beside them); story-events: CSV, one row per "
              "distinct event of a story with its reports.")
def export(out: str, db: str, fmt: str) -> None:
    """Export the database: JSON Lines records, event CSV in the manner of GDELT, or Parquet.

    \b
    Example:
      newsgraph export out.jsonl
      newsgraph export --format csv events.csv
      newsgraph export --format parquet events.parquet
    """
    from newsgraph.export import export as export_store

    with open_store(db) as store:
        n = export_store(store, fmt, out)
    err.print(f"wrote {n} {'records' if fmt == 'jsonl' else 'events'} to {out}")


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
def summary(db: str) -> None:
    """Print a readable summary of the database: counts, top actors, sample events and quotes.

    \b
    Example:
      newsgraph summary --db newsgraph.db
    """
    from newsgraph.report import print_summary

    with open_store(db) as store:
        print_summary(store, Console())


@main.command(context_settings=CONTEXT)
@click.argument("story", required=False)
@db_option
@click.option("--by", type=click.Choice(["outlet", "country"]), default="outlet", show_default=True,
              help="Sides: each outlet, or each outlet's country (outlets file, else the URL's country domain).")
@click.option("--outlets", "outlets_file", type=click.Path(dir_okay=False), default=None,
              help="YAML or CSV giving each outlet's country (outlet, country[, domain]).")
@click.option("--articles", "article_ids", default=None, help="Compare these article ids (comma-separated) "
              "instead of a story.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table",
              show_default=True, help="Output format.")
@click.option("--rebuild-prior", is_flag=True, help="Recount the store-wide term counts first (for a database "
              "analysed before they were kept).")
def compare(story: str | None, db: str, by: str, outlets_file: str | None, article_ids: str | None, fmt: str,
            rebuild_prior: bool) -> None:
    """Compare one story side by side: the facts each outlet reports (and how, and how early), whom it quotes,
    its distinctive terms and names, and its tone toward the main actors, each with its sentence.

    \b
    Example:
      newsgraph stories                             # find the story id
      newsgraph compare STORY --format markdown
      newsgraph compare STORY --by country --outlets outlets.yaml --format json
    """
    from newsgraph.compare import compare_articles, compare_story, load_outlets, rebuild_prior as recount
    from newsgraph.compare.render import to_markdown, to_text

    if not story and not article_ids:
        raise click.UsageError("give a STORY id or --articles ID,ID,...")
    with open_store(db) as store:
        if rebuild_prior:
            with store.atomic() as conn:
                err.print(f"recounted the terms of {recount(conn)} articles")
        if article_ids:
            outlets = load_outlets(outlets_file) if outlets_file else None
            result = compare_articles(store, [a.strip() for a in article_ids.split(",") if a.strip()], by=by,
                                      outlets=outlets, story=story)
        else:
            result = compare_story(store, story, by=by, outlets_file=outlets_file)
    if result["terms"]["prior"] == "story":
        err.print("note: no store-wide term counts yet, the story is its own prior (run once with --rebuild-prior)")
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        click.echo(to_markdown(result) if fmt == "markdown" else to_text(result))


def _story_events(store: Store, fmt: str, limit: int | None, **filters: Any) -> None:
    from newsgraph.stories import story_events

    rows = story_events(store, limit=limit, **filters)
    if fmt != "json":  # table and csv cells hold one value: lists joined
        rows = [{**r, **{k: "; ".join(str(x) for x in r[k]) for k in ("articles", "outlets", "copies", "sentences",
                                                                       "event_ids")}} for r in rows]
    emit(rows, fmt, ["story", "source", "type", "target", "reports", "outlets", "first_reported", "asserted",
                     "sentences"] if fmt == "table" else None)


@main.command(context_settings=CONTEXT)
@click.argument("story_id", required=False)
@db_option
@format_option
@click.option("--actor", help="Stories whose articles name this actor code (e.g. EGY, UN).")
@scope_options
@click.option("--min-outlets", type=click.IntRange(1), default=None, help="Stories reported by at least N outlets.")
@click.option("--search", help="Text in the title of the story or of one of its articles.")
@click.option("--rebuild", is_flag=True, help="Recluster the whole database from scratch first.")
def stories(story_id: str | None, db: str, fmt: str, limit: int | None, actor: str | None, outlet: str | None,
            since: str | None, until: str | None, min_outlets: int | None, search: str | None, rebuild: bool) -> None:
    """List stories (the articles of every outlet that report one event), or show one story: its articles by
    outlet and date, its actors and its events.

    \b
    Example:
      newsgraph stories --min-outlets 2 --since 2025-03-01
      newsgraph stories --actor EGY --format json
      newsgraph stories STORY_ID
      newsgraph stories --rebuild
    """
    from newsgraph import stories as st

    with open_store(db) as store:
        if rebuild:
            counts = st.rebuild(store)
            err.print(f"rebuilt: {counts['articles']} articles in {counts['stories']} stories "
                      f"({counts['copies']} copies), {counts['seconds']} s")
        if story_id:
            detail = st.story_detail(store, story_id)
            if fmt == "json":
                click.echo(json.dumps(detail, ensure_ascii=False, indent=2))
                return
            if fmt == "table":
                err.print(f"{detail['id']}: {detail['title']} ({detail['first_date'] or 'undated'} … "
                          f"{detail['last_date'] or ''}; {detail['n_articles']} articles, {detail['copies']} copies, "
                          f"{detail['outlets']} outlets)", markup=False, highlight=False)
            emit(detail["articles"], fmt, ["outlet", "date", "title", "copy_of", "id", "url"]
                 if fmt == "table" else None, title="articles")
            if fmt == "table":
                emit(detail["actors"], fmt, ["code", "name", "mentions"], title="actors")
                _story_events(store, fmt, limit, story_id=story_id)
            return
        rows = st.list_stories(store, actor=actor, outlet=outlet, since=since, until=until, min_outlets=min_outlets,
                               search=search, limit=limit)
    if fmt != "json":
        rows = [{**r, "top_actors": " ".join(r["top_actors"])} for r in rows]
    emit(rows, fmt, ["id", "first_date", "last_date", "articles", "copies", "outlets", "top_actors", "title"]
         if fmt == "table" else None)


@main.command(context_settings=CONTEXT)
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "graphml"]), default="table",
              show_default=True, help="Output format (graphml: a stance map for Gephi, on stdout).")
@click.option("--limit", type=int, default=None,
              help=f"At most this many rows (0: all; default: all, or {TABLE_ROWS} in a table).")
@click.option("--actor", help="Pairs with this actor code on either side.")
@scope_options
@click.option("--by", type=click.Choice(["week", "month", "year"]), default=None, help="One row per pair and period.")
@click.option("--story", help="Only the articles of this story.")
@click.option("--evidence", "n_evidence", type=click.IntRange(0, 100), default=5, show_default=True,
              help="Latest evidence ids per row (event:ID, quote:ID, phrase:ID).")
@click.option("--explain", nargs=2, metavar="SOURCE TARGET", default=None,
              help="The evidence sentences behind one pair, both directions.")
@click.option("--rebuild", is_flag=True, help="Recompute every stance fact from the stored articles first.")
def stances(db: str, fmt: str, limit: int | None, actor: str | None, outlet: str | None, since: str | None,
            until: str | None, by: str | None, story: str | None, n_evidence: int,
            explain: tuple[str, str] | None, rebuild: bool) -> None:
    """Who stands with or against whom: for each directed actor pair, a score in [-1, 1] (> 0 cooperative, < 0
    conflictual) from asserted events, quoted support or condemnation and alignment phrases, with counts, first
    and last dates and the evidence ids behind it.

    \b
    Example:
      newsgraph stances --actor PAK --format table
      newsgraph stances --by month --since 2020-01 --outlet "The Nation"
      newsgraph stances --format graphml > stances.graphml
      newsgraph stances --explain TUR PAK
    """
    from newsgraph import stances as sx

    with open_store(db) as store:
        empty = store.conn.execute("SELECT 1 FROM stance_facts LIMIT 1").fetchone() is None
        if rebuild or (empty and store.conn.execute("SELECT 1 FROM events LIMIT 1").fetchone() is not None):
            err.print(f"stances: {sx.rebuild(store)} facts from the stored articles")
        if explain:
            found = sx.explain_pair(store, explain[0].upper(), explain[1].upper(), since=since, until=until,
                                    outlet=outlet, story=story, limit=limit)
            if fmt == "json":
                click.echo(json.dumps(found, ensure_ascii=False, indent=2))
                return
            for direction in ("forward", "backward"):
                d = found[direction]
                err.print(f"{d['source']} → {d['target']}: score {d['score']:+.3f} from {d['facts']} facts")
            emit(found["facts"], "csv" if fmt == "csv" else "table",
                 ["date", "source", "target", "kind", "weight", "why", "outlet", "sentence"])
            return
        # a table is read on a screen: the strongest pairs first, the whole map in the other formats
        shown = TABLE_ROWS if fmt == "table" and limit is None else limit
        rows = sx.compute_stances(store, actor=actor.upper() if actor else None, since=since, until=until, by=by,
                                  outlet=outlet, story=story, limit=shown, evidence=n_evidence)
        if limit is None and shown and len(rows) == shown:
            err.print(f"stances: the first {shown} rows; --limit 0 shows all, --format json|csv|graphml give all")
    if fmt == "graphml":
        import networkx as nx

        for line in nx.generate_graphml(sx.stance_graph(rows)):
            click.echo(line)
        return
    if fmt != "json":
        rows = [{**r, "evidence": " ".join(r["evidence"])} for r in rows]
    emit(rows, fmt, ["source", "target", "score", "period", "events", "quotes", "phrases", "cooperative",
                     "conflictual", "first", "last", "evidence"] if fmt == "table" else None)


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


def _check_readable(db: str) -> None:
    """Like open_store, but read-only: the UI and the report never migrate or write the store."""
    if not db.startswith(("postgresql://", "postgres://")) and not Path(db).is_file():
        raise StoreError(f"{db}: no such database; create it with `newsgraph analyze PATH --db {db}`")
    Store(db, readonly=True).close()
