"""What every command shares: the group that turns errors into one line, the options, output and opening the store."""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from newsgraph import __version__
from newsgraph.errors import NewsgraphError, StoreError
from newsgraph.store import Store

err = Console(stderr=True, soft_wrap=True)
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 110}


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



def _check_readable(db: str) -> None:
    """Like open_store, but read-only: the UI and the report never migrate or write the store."""
    if not db.startswith(("postgresql://", "postgres://")) and not Path(db).is_file():
        raise StoreError(f"{db}: no such database; create it with `newsgraph analyze PATH --db {db}`")
    Store(db, readonly=True).close()


def show_story_events(store: Store, fmt: str, limit: int | None, **filters: Any) -> None:
    from newsgraph.stories import story_events

    rows = story_events(store, limit=limit, **filters)
    if fmt != "json":  # table and csv cells hold one value: lists joined
        rows = [{**r, **{k: "; ".join(str(x) for x in r[k]) for k in ("articles", "outlets", "copies", "sentences",
                                                                       "event_ids")}} for r in rows]
    emit(rows, fmt, ["story", "source", "type", "target", "reports", "outlets", "first_reported", "asserted",
                     "sentences"] if fmt == "table" else None)
