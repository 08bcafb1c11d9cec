"""The library function behind `newsgraph analyze`: ingest -> analyse -> store, streaming, with a summary."""
from __future__ import annotations

import signal
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field, replace
from typing import IO, Any

from newsgraph.export import to_record, unanalysed_record
from newsgraph.ingest import DEFAULT_MAX_BYTES, Limits, iter_articles
from newsgraph.model import Analysis, Article, Problem
from newsgraph.pipeline import Settings, analyze_stream
from newsgraph.errors import StoreError
from newsgraph.store import Store
from newsgraph.store.queries import article_record
from newsgraph.compare import TermCountHook
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
    interrupted: bool = False      # stopped by Ctrl-C / SIGTERM: the same command again finishes the rest
    worker_peak_mib: dict[str, float] = field(default_factory=dict)   # --cluster: peak memory of each worker

    @property
    def articles_per_second(self) -> float:
        return self.analysed / self.seconds if self.seconds else 0.0

    def __str__(self) -> str:
        return (f"analysed {self.analysed} (replaced {self.replaced}), unchanged {self.unchanged}, "
                f"skipped {self.skipped} | events {self.events}, quotes {self.quotes} | "
                f"{self.seconds:.1f} s, {self.articles_per_second:.1f} articles/s"
                + (f" | {len(self.worker_peak_mib)} workers, peak {max(self.worker_peak_mib.values()):.0f} MiB each at most"
                   if self.worker_peak_mib else "")
                + (" | interrupted: run the same command again to analyse the rest" if self.interrupted else ""))


def analyze_paths(paths: Sequence[str], store: Store, *, settings: Settings = Settings(), processes: int = 1,
                  max_bytes: int = DEFAULT_MAX_BYTES, stdin: IO[bytes] | None = None,
                  on_record: Callable[[dict], None] | None = None,
                  on_problem: Callable[[Problem], None] | None = None,
                  on_progress: Callable[[RunSummary], None] | None = None,
                  limits: Limits | None = None, follow_links: bool = False,
                  cluster: str | None = None) -> RunSummary:
    """Analyse every article under `paths` into `store`.

    Articles whose exact text is stored already are not analysed again (`unchanged`); their stored record is still
    passed to `on_record`, so a JSON Lines output always has one record per input article. Bad inputs and failed
    analyses become Problems (`on_problem`), counted as `skipped`; nothing is stored half.

    `limits` bound what one input may cost (sizes, JSON depth, seconds per article; default `Limits(max_bytes)`).
    `cluster` (`local:N` or a Dask scheduler address) analyses on a Dask cluster instead of `processes`.
    Ctrl-C or SIGTERM (in the main thread) stops after the article being stored, with `interrupted` set; a second
    one stops at once, rolling back the article being written. Either way a rerun analyses only the rest.
    """
    limits = limits or Limits(max_bytes=max_bytes)
    _check_writable(store)
    settings = replace(settings, time_limit=limits.time_limit)
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
        for item in iter_articles(paths, limits=limits, stdin=stdin, follow_links=follow_links):
            if isinstance(item, Problem):
                report(item)
            elif (stored := store.current_id(item, version)) is not None:
                summary.unchanged += 1
                if on_record:
                    on_record(_stored_record(store, stored, item))
            else:
                yield item

    stats: Any = None
    if cluster:
        from newsgraph.cluster import ClusterStats, cluster_stream

        stats = ClusterStats()
        stream = cluster_stream(fresh(), settings, cluster, stats=stats)
    else:
        stream = analyze_stream(fresh(), settings, processes=processes)
    with _StopOnSignal() as stop, closing(stream), store.grouped() as group:
        try:
            for result in stream:
                if isinstance(result, Problem):
                    report(result)
                else:
                    try:
                        _store_one(store, result, summary)
                    except StoreError as exc:  # disk full, store made read-only: the articles before are intact
                        raise StoreError(f"{exc}; the {_intact(store, group, summary)} articles stored before it "
                                         "are intact, run again to add the rest") from exc
                    if on_record:
                        on_record(_record(store, result))
                    summary.seconds = time.perf_counter() - started
                    if on_progress:
                        on_progress(summary)
                if stop.requested:
                    summary.interrupted = True
                    break
        except KeyboardInterrupt:  # the second signal: the article being written was rolled back
            summary.interrupted = True
    summary.seconds = time.perf_counter() - started
    if stats is not None:
        summary.worker_peak_mib = stats.peak_mib
    return summary


def _intact(store: Store, group: Any, summary: RunSummary) -> int:
    """How many of this run's articles are safely stored after a failed write: the open group is committed if it
    can be (the failed article itself was rolled back), else it is lost and a rerun adds it."""
    if not store.grouping:
        return summary.analysed
    try:
        store.commit_group()
    except StoreError:
        pass
    return group.committed


def _check_writable(store: Store) -> None:
    """Fail before loading the model when the store cannot be written (a read-only file or folder)."""
    try:
        with store.atomic() as conn:
            conn.execute("UPDATE meta SET value = value WHERE key = 'schema_version'")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{store.name}: cannot write to the database ({exc})") from exc


class _StopOnSignal:
    """SIGINT/SIGTERM ask the run to stop after the current article; a second one raises KeyboardInterrupt.

    Only the main thread can take signals; elsewhere (a web server's worker thread) nothing is installed.
    """

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.requested = False
        self._old: dict[int, Any] = {}

    def __enter__(self) -> _StopOnSignal:
        if threading.current_thread() is threading.main_thread():
            self._old = {sig: signal.signal(sig, self._handle) for sig in self.SIGNALS}
        return self

    def _handle(self, signum: int, frame: Any) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def __exit__(self, *exc: object) -> None:
        for sig, old in self._old.items():
            signal.signal(sig, old)


# Downstream stages that update their tables in each article's transaction (stories, stance counts, aggregates).
# Each is a `newsgraph.store.db.WriteHook`; a stage adds its hook here.
WRITE_HOOKS: tuple = (StoryHook(), TermCountHook(), StanceHook())


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
