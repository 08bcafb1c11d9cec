"""The library function behind `newsgraph analyze`: ingest -> analyse -> store, streaming, with a summary."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO

from newsgraph.export import to_record, unanalysed_record
from newsgraph.ingest import DEFAULT_MAX_BYTES, iter_articles
from newsgraph.model import Analysis, Article, Problem
from newsgraph.pipeline import Settings, analyze_stream
from newsgraph.store import Store
from newsgraph.store.queries import article_record
from newsgraph.stances import StanceHook
from newsgraph.stories import StoryHook


@dataclass(slots=True)
class RunSummary:
    """What one `analyze` run did."""

    analysed: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: int = 0
    events: int = 0
    quotes: int = 0
    words: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def articles_per_second(self) -> float:
        return self.analysed / self.seconds if self.seconds else 0.0

    def __str__(self) -> str:
        return (f"analysed {self.analysed} (replaced {self.replaced}), unchanged {self.unchanged}, "
                f"skipped {self.skipped} | events {self.events}, quotes {self.quotes} | "
                f"{self.seconds:.1f} s, {self.articles_per_second:.1f} articles/s")


def analyze_paths(paths: Sequence[str], store: Store, *, settings: Settings = Settings(), processes: int = 1,
                  max_bytes: int = DEFAULT_MAX_BYTES, stdin: IO[bytes] | None = None,
                  on_record: Callable[[dict], None] | None = None,
                  on_problem: Callable[[Problem], None] | None = None,
                  on_progress: Callable[[RunSummary], None] | None = None) -> RunSummary:
    """Analyse every article under `paths` into `store`.

    Articles whose exact text is stored already are not analysed again (`unchanged`); their stored record is still
    passed to `on_record`, so a JSON Lines output always has one record per input article. Bad inputs and failed
    analyses become Problems (`on_problem`), counted as `skipped`; nothing is stored half.
    """
    summary = RunSummary()
    started = time.perf_counter()
    version = settings.version()

    def report(problem: Problem) -> None:
        summary.skipped += 1
        summary.problems.append(str(problem))
        if on_problem:
            on_problem(problem)
        if problem.article is not None and on_record:
            on_record(unanalysed_record(problem.article, problem.reason))

    def fresh() -> Iterator[Article]:
        for item in iter_articles(paths, max_bytes=max_bytes, stdin=stdin):
            if isinstance(item, Problem):
                report(item)
            elif (stored := store.current_id(item, version)) is not None:
                summary.unchanged += 1
                if on_record:
                    on_record(_stored_record(store, stored, item))
            else:
                yield item

    for result in analyze_stream(fresh(), settings, processes=processes):
        if isinstance(result, Problem):
            report(result)
            continue
        _store_one(store, result, summary)
        if on_record:
            on_record(_record(store, result))
        summary.seconds = time.perf_counter() - started
        if on_progress:
            on_progress(summary)
    summary.seconds = time.perf_counter() - started
    return summary


# Downstream stages that update their tables in each article's transaction (stories, stance counts, aggregates).
# Each is a `newsgraph.store.db.WriteHook`; a stage adds its hook here.
WRITE_HOOKS: tuple = (StoryHook(), StanceHook())


def _record(store: Store, analysis: Analysis) -> dict:
    """The record of a just-stored article, with the story it was put in (and the original it copies)."""
    record = to_record(analysis)
    row = store.conn.execute("SELECT story_id, copy_of, copy_containment FROM articles WHERE id = ?",
                             (analysis.article.id,)).fetchone()
    record["story"], record["copy_of"], record["copy_containment"] = tuple(row) if row else (None, None, None)
    return record


def _store_one(store: Store, analysis: Analysis, summary: RunSummary) -> None:
    status = store.write(analysis, WRITE_HOOKS)
    if status == "unchanged":  # the same text twice in one run
        summary.unchanged += 1
        return
    summary.analysed += 1
    summary.replaced += status == "replaced"
    summary.events += len(analysis.events)
    summary.quotes += len(analysis.quotes)
    summary.words += len(analysis.article.text.split())


def _stored_record(store: Store, stored_id: str, article: Article) -> dict:
    record = article_record(store, stored_id)
    record["file"] = article.file  # the input as named in this run
    return record
