"""A readable summary of a database for the terminal (what `make demo` prints)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from newsgraph.store import Store
from newsgraph.store import queries


def print_summary(store: Store, console: Console, *, top: int = 10) -> None:
    """Counts, the most mentioned actors, who did what to whom, and who said what."""
    counts = queries.summary(store)
    console.rule("[bold]newsgraph[/bold]")
    console.print(f"{counts['articles']} articles from {counts['outlets']} outlets · {counts['events']} events · "
                  f"{counts['quotes']} quotes · {counts['persons']} persons · {counts['actors']} actors")

    actors = [a for a in queries.list_actors(store, limit=top) if a["kind"] != "person"][:top]
    table = Table(title="Most mentioned actors")
    for column in ("code", "name", "kind", "mentions", "articles"):
        table.add_column(column)
    for a in actors:
        table.add_row(a["code"], a["name"], a["kind"], str(a["mentions"]), str(a["articles"]))
    console.print(table)

    persons = queries.list_actors(store, kind="person", limit=top)
    table = Table(title="Persons and who they act for")
    for column in ("name", "actor", "role", "articles"):
        table.add_column(column)
    for p in persons:
        table.add_row(p["name"], p["code"] or "?", p["role"] or "", str(p["articles"]))
    console.print(table)

    table = Table(title="Who did what to whom (asserted events)")
    for column in ("source", "type", "target", "times", "example (outlet: trigger)"):
        table.add_column(column, overflow="fold")
    for pair in queries.top_pairs(store, limit=top):  # kept counts: no scan of the events
        table.add_row(pair["source"], pair["type"], pair["target"], str(pair["times"]),
                      f"{pair['outlet'] or pair['file']}: {pair['trigger']}")
    console.print(table)

    table = Table(title="Who said what")
    for column in ("outlet", "speaker", "actor", "quote"):
        table.add_column(column, overflow="fold", max_width=60 if column == "quote" else None)
    for q in queries.list_quotes(store, direct=True, limit=top):
        text = q["text"] if len(q["text"]) < 120 else q["text"][:117] + "..."
        table.add_row(q["outlet"] or q["file"], q["speaker"] or "?", q["actor"] or "?", text)
    console.print(table)
    console.print("Explore: newsgraph events --help · newsgraph quotes --help · newsgraph actors --help · "
                  "newsgraph export --help")
