"""The public Python API: what `import newsgraph` offers a notebook.

    newsgraph.analyze(text, title=..., outlet=...)      -> Analysis (one text, pipeline loaded once per process)
    newsgraph.analyze_many(paths_or_articles)             -> Iterator[Analysis]
    store = newsgraph.open("newsgraph.db")                -> Store
    store.add(paths); store.events(source="EGY"); store.stories(); store.stances(); store.compare(story)

Every method is a thin layer over the same library functions the CLI calls (`store.queries`, `stories`,
`stances`, `compare`, `run.analyze_paths`), so the two never disagree. Results are `Records`: a list of `Record`s
(dicts whose keys also read as attributes: `event.evidence[0].sentence`), with `.to_pandas()` and `.to_arrow()`.
Nothing here prints; errors come from `newsgraph.errors`.
"""
from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from newsgraph.errors import ConfigError, NewsgraphError
from newsgraph.model import Analysis, Article, Problem
from newsgraph.pipeline import Analyzer, Settings, analyze_stream
from newsgraph.run import RunSummary, analyze_paths
from newsgraph.store import Store as _Store
from newsgraph.store import queries

_analyzers: dict[Settings, Analyzer] = {}


class Record(dict):
    """One result row: a dict whose keys can also be read as attributes (`event.source`)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


class Records(list):
    """A list of Records, convertible to a pandas DataFrame or an Arrow table."""

    def to_pandas(self) -> Any:
        """A pandas DataFrame, one row per record (needs the `pandas` extra)."""
        pandas = _optional("pandas", "pandas")
        return pandas.DataFrame([_flat(r) for r in self])

    def to_arrow(self) -> Any:
        """A pyarrow Table, one row per record."""
        import pyarrow

        return pyarrow.Table.from_pylist([_flat(r) for r in self])


def _flat(record: dict) -> dict:
    """Nested lists (evidence, reports) stay out of tables; scalar columns go in."""
    return {k: v for k, v in record.items() if not isinstance(v, (list, dict))}


def _wrap(value: Any) -> Any:
    if isinstance(value, dict):
        return Record({k: _wrap(v) for k, v in value.items()})
    if isinstance(value, list):
        return Records(_wrap(v) for v in value)
    return value


def _optional(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ConfigError(f"{module} is not installed; install it with: pip install 'newsgraph[{extra}]'") from exc


def _analyzer(model: str | None) -> Analyzer:
    settings = Settings(model=model, learn=False)
    if settings not in _analyzers:
        _analyzers[settings] = Analyzer(settings)
    return _analyzers[settings]


def make_article(text: str, *, title: str | None = None, outlet: str | None = None, published: str | None = None,
                 url: str | None = None, key: str | None = None) -> Article:
    """An Article from a text, cleaned the way `analyze` cleans files (boilerplate lines removed).

    Raises:
        ValueError: nothing is left of the text after cleaning.
    """
    from newsgraph.ingest.article import Raw, build_article

    name = key or url or "text"
    built = build_article(Raw(file=name, where=name, key=name, text=text, title=title, outlet=outlet, url=url,
                              published=published), languages=None)
    if isinstance(built, Problem):
        raise ValueError(f"text cannot be analysed: {built.reason}; pass the article body")
    return built


def analyze(text: str, *, title: str | None = None, outlet: str | None = None, published: str | None = None,
            url: str | None = None, model: str | None = None) -> Analysis:
    """Analyse one text: actors, persons, events, quotes, each with its spans.

    The spaCy pipeline is loaded on the first call and reused by later ones.

    Args:
        text: the article body (plain text).
        title, outlet, published, url: what is known about the article (`published` as YYYY-MM-DD).
        model: another installed spaCy pipeline (name or path).

    Raises:
        ModelError: the spaCy pipeline cannot be loaded.
        ValueError: the text is empty after cleaning.
    """
    article = make_article(text, title=title, outlet=outlet, published=published, url=url)
    return _analyzer(model).analyze(article)


def analyze_many(items: Iterable[Article | str | Path], *, processes: int = 1, model: str | None = None,
                 on_error: Literal["skip", "raise"] = "skip") -> Iterator[Analysis]:
    """Analyse Articles, or the files and folders named by paths, yielding one Analysis each, in order.

    Args:
        items: Article records, or paths of files/folders (.txt, .html, .json, .jsonl, gzip too).
        processes: worker processes (each loads its own pipeline).
        on_error: "skip" drops an input that cannot be read or analysed; "raise" raises on the first.

    Raises:
        IngestError: with on_error="raise", an input could not become an article or be analysed.
    """
    from newsgraph.errors import IngestError
    from newsgraph.ingest import iter_articles

    if on_error not in ("skip", "raise"):
        raise ValueError(f"on_error must be 'skip' or 'raise', got {on_error!r}")

    def articles() -> Iterator[Article]:
        for item in items:
            found = [item] if isinstance(item, Article) else iter_articles([str(item)])
            for one in found:
                if isinstance(one, Problem):
                    if on_error == "raise":
                        raise IngestError(str(one))
                    continue
                yield one

    # No learning across inputs here: the same text gives the same analysis whatever came before it in a notebook.
    settings = Settings(model=model, learn=False)
    analyzer = _analyzer(model) if processes <= 1 else None
    for result in analyze_stream(articles(), settings, processes=processes, analyzer=analyzer):
        if isinstance(result, Problem):
            if on_error == "raise":
                raise IngestError(str(result))
            continue
        yield result


class Store:
    """A newsgraph store opened for Python use: the CLI's queries as methods returning Records.

    Use `newsgraph.open(db)`; close it with `close()` or a `with` block.
    """

    def __init__(self, db: str | Path = "newsgraph.db") -> None:
        self.db = str(db)
        self.store = _Store(self.db)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<newsgraph.Store {self.db}>"

    # --- writing ---------------------------------------------------------------------------------------------

    def add(self, paths: str | Path | Iterable[str | Path], *, processes: int = 1,
            model: str | None = None) -> RunSummary:
        """Analyse files or folders into this store (as `newsgraph analyze` does); returns what was done.

        Inputs that cannot be read are skipped and listed in the summary's `problems`.
        """
        names = [str(paths)] if isinstance(paths, (str, Path)) else [str(p) for p in paths]
        settings = Settings(model=model, known=self.store.known_persons())
        return analyze_paths(names, self.store, settings=settings, processes=processes)

    # --- reading ---------------------------------------------------------------------------------------------

    def summary(self) -> Record:
        """Counts of what the store holds."""
        return _wrap(queries.summary(self.store))

    def articles(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                 search: str | None = None, limit: int | None = None) -> Records:
        """Articles with their numbers of events and quotes, newest first."""
        return _wrap(queries.list_articles(self.store, outlet=outlet, since=since, until=until, search=search,
                                           limit=limit))

    def article(self, article_id: str) -> Record:
        """One article's full record (text, persons, actors, events, quotes ...).

        Raises:
            NotFoundError: no article has this id.
        """
        return _wrap(queries.article_record(self.store, article_id))

    def events(self, *, actor: str | None = None, source: str | None = None, target: str | None = None,
               type: str | None = None, quad_class: int | None = None, modality: str | None = None,
               since: str | None = None, until: str | None = None, outlet: str | None = None,
               negated: bool | None = None, limit: int | None = None, evidence: bool = True) -> Records:
        """Events, filtered as `newsgraph events` filters them; each keeps its evidence sentences."""
        rows = queries.list_events(self.store, actor=actor, source=source, target=target, type=type,
                                   quad_class=quad_class, modality=modality, since=since, until=until,
                                   outlet=outlet, negated=negated, limit=limit)
        if evidence:
            found = queries.event_evidence(self.store, [r["id"] for r in rows])
            for row in rows:
                row["evidence"] = found.get(row["id"], [])
        return _wrap(rows)

    def explain(self, event: int | dict) -> Record:
        """One event with every piece of evidence: sentence, spans and the rule that fired.

        Raises:
            NotFoundError: no event has this id.
        """
        return _wrap(queries.explain_event(self.store, event["id"] if isinstance(event, dict) else int(event)))

    def quotes(self, *, speaker: str | None = None, actor: str | None = None, outlet: str | None = None,
               since: str | None = None, until: str | None = None, search: str | None = None,
               direct: bool | None = None, limit: int | None = None) -> Records:
        """Quotations and reported statements with their speakers."""
        return _wrap(queries.list_quotes(self.store, speaker=speaker, actor=actor, outlet=outlet, since=since,
                                         until=until, search=search, direct=direct, limit=limit))

    def actors(self, *, kind: str | None = None, limit: int | None = None) -> Records:
        """States and organisations with mention counts, then persons with their affiliations."""
        return _wrap(queries.list_actors(self.store, kind=kind, limit=limit))

    def stories(self, **filters: Any) -> Records:
        """Stories (filters as `newsgraph stories`: actor, outlet, since, until, min_outlets, search, limit)."""
        from newsgraph.stories import list_stories

        return _wrap(list_stories(self.store, **filters))

    def story(self, story_id: str) -> Record:
        """One story: its articles by outlet and date, its actors, its events.

        Raises:
            NotFoundError: no story has this id.
        """
        from newsgraph.stories import story_detail

        return _wrap(story_detail(self.store, story_id))

    def stances(self, **filters: Any) -> Records:
        """Directed actor pairs with a stance score in [-1, 1] (filters as `newsgraph stances`)."""
        from newsgraph.stances import compute_stances

        return _wrap(compute_stances(self.store, **filters))

    def compare(self, story: str | dict, *, by: str = "outlet") -> Record:
        """One story outlet by outlet: facts, voices, terms, tone, each with its sentence.

        Raises:
            NotFoundError: no story has this id.
        """
        from newsgraph.compare import compare_story

        return _wrap(compare_story(self.store, story["id"] if isinstance(story, dict) else story, by=by))


def open(db: str | Path = "newsgraph.db") -> Store:  # noqa: A001 - the name users expect, as in sqlite3/shelve
    """Open (or create) a newsgraph store: a SQLite path (or a PostgreSQL URL where supported).

    Raises:
        StoreError: the database cannot be opened.
        SchemaError: the database was written by a newer newsgraph.
    """
    return Store(db)


__all__ = ["NewsgraphError", "Record", "Records", "Store", "analyze", "analyze_many", "make_article", "open"]
