"""The commands across articles: stories, stances and the outlet-by-outlet comparison."""
from __future__ import annotations

import json
import sys
from typing import Any

import click

from newsgraph.cli.common import (CONTEXT, db_option, emit, err, format_option, main, open_store, scope_options,
                                  show_story_events)

TABLE_ROWS = 100   # rows a stance table shows unless --limit says otherwise


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
                show_story_events(store, fmt, limit, story_id=story_id)
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
        if fmt == "json" and not (limit or since or until or story):
            from newsgraph.stances.dump import json_rows

            texts = json_rows(store, actor=actor.upper() if actor else None, by=by, outlet=outlet,
                              evidence=n_evidence)
            if texts is not None:   # written as JSON by SQLite itself: the same rows, a fraction of the time
                sys.stdout.write("[\n" + ",\n".join(texts) + "\n]\n" if texts else "[]\n")
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
