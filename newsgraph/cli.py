"""Command line interface (temporary minimal version; the full one lands with the store)."""
from __future__ import annotations

import json
import sys

import click

from newsgraph.export import to_record
from newsgraph.ingest import iter_articles
from newsgraph.model import Article, Problem
from newsgraph.pipeline import Settings, analyze_stream


@click.group()
def main() -> None:
    """newsgraph: actors, events and quotes from news articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--jsonl", "jsonl", type=click.File("w"), default=None)
@click.option("--model", default=None)
@click.option("--actors", "actors_file", default=None)
def analyze(paths: tuple[str, ...], jsonl, model, actors_file) -> None:
    problems = []

    def articles():
        for item in iter_articles(paths):
            if isinstance(item, Problem):
                problems.append(item)
                click.echo(f"newsgraph: {item}", err=True)
            else:
                yield item

    for analysis in analyze_stream(articles(), Settings(model=model, actors_file=actors_file)):
        if jsonl:
            jsonl.write(json.dumps(to_record(analysis), ensure_ascii=False) + "\n")
    sys.exit(1 if problems else 0)
