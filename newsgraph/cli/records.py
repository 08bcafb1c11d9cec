"""The per-article commands: analyze, and the listings of articles, events, quotes and actors; export, summary."""
from __future__ import annotations

import json
import sys
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsgraph.cli.common import (CONTEXT, db_option, emit, err, format_option, main, open_store, scope_options,
                                  show_story_events)
from newsgraph.ingest import (DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_HTML_BYTES, DEFAULT_MAX_LINE_BYTES,
                              DEFAULT_TIME_LIMIT)
from newsgraph.store import Store, queries


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
            show_story_events(store, fmt, limit, story_id=story_id, actor=actor, source=source, target=target,
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
