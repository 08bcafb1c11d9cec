"""Run the stages over a stream of articles: ingest -> nlp -> actors -> events, quotes -> Analysis records.

The spaCy pipeline is loaded once per process. With several processes each worker loads its own copy and
returns plain records, so only picklable dataclasses cross process boundaries.
"""
from __future__ import annotations

import hashlib
import logging
import multiprocessing
import queue
import signal
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import groupby, islice
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import Any, TypeVar

from spacy.tokens import Doc
from spacy.util import get_package_version, is_package

from newsgraph import __version__
from newsgraph.actors import ActorResolver
from newsgraph.errors import NewsgraphError, TimeLimitError
from newsgraph.events import EventExtractor
from newsgraph.ingest import DEFAULT_TIME_LIMIT, time_limit
from newsgraph.model import Analysis, Article, Person, Problem
from newsgraph.nlp import DEFAULT_MODEL, load_nlp, model_name, remember_text
from newsgraph.parts import MAX_CHARS, Part, merge_parts, split_text
from newsgraph.quotes import QuoteExtractor
from newsgraph.tone import ToneScorer

BATCH_SIZE = 32
T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Settings:
    """What a worker needs to build its own Analyzer."""

    model: str | None = None
    actors_file: str | None = None
    known: tuple[Person, ...] = ()
    batch_size: int = BATCH_SIZE
    learn: bool = True   # persons' stated affiliations help later articles of the same run
    time_limit: float | None = DEFAULT_TIME_LIMIT   # seconds per article; a slower one is skipped with a reason

    def version(self) -> str:
        """newsgraph's version plus a fingerprint of what decides the output: our code and data, the model, the
        user's dictionary. A stored article analysed under another fingerprint is analysed again."""
        return f"{__version__}+{_fingerprint(self.model or DEFAULT_MODEL, self.actors_file)}"


@lru_cache(maxsize=8)
def _fingerprint(model: str, actors_file: str | None) -> str:
    digest = hashlib.sha256(model.encode())
    digest.update((get_package_version(model) or "").encode() if is_package(model) else b"path")
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml", ".yml", ".csv") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    if actors_file:
        digest.update(Path(actors_file).read_bytes() if Path(actors_file).is_file() else actors_file.encode())
    return digest.hexdigest()[:12]


class Analyzer:
    """One loaded pipeline and its stages; turns Articles into Analysis records."""

    def __init__(self, settings: Settings = Settings()) -> None:
        self.settings = settings
        self.nlp = load_nlp(settings.model)
        self.model = model_name(self.nlp)
        self.version = settings.version()
        self.timings: Counter[str] | None = None   # seconds per stage, when measuring
        self.actors = ActorResolver(self.nlp, user_file=settings.actors_file, known=settings.known)
        self.events = EventExtractor(self.nlp)
        self.quotes = QuoteExtractor(self.nlp)
        self.tone = ToneScorer()

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis | Problem]:
        """Analyse articles in batches with `nlp.pipe`, yielding one Analysis (or Problem) each, in order.

        A long article is analysed alone, part by part (see `newsgraph.parts`), so memory stays bounded.
        """
        for long, group in groupby(articles, key=lambda a: len(a.text) > MAX_CHARS):
            if long:
                for article in group:
                    parts = ((chars, remember_text(self.nlp(text), text)) for chars, text in split_text(article.text))
                    yield self._guarded(article, parts, self._headline(article))
            else:   # each headline (for tone) goes through the same batches, just before its article
                pairs = ((text, (a, head)) for a in group for text, head in ((a.title, True), (a.text, False)) if text)
                headline: tuple[Article | None, Doc | None] = (None, None)
                for doc, (article, head) in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.settings.batch_size):
                    if head:
                        headline = (article, doc)
                        continue
                    title = headline[1] if headline[0] is article else None
                    yield self._guarded(article, [(0, remember_text(doc, article.text))], title)

    def analyze(self, article: Article) -> Analysis:
        """Analyse one article; errors in a stage propagate (unlike `analyze_many`)."""
        return self._analyze_docs(article, ((chars, remember_text(self.nlp(text), text))
                                            for chars, text in split_text(article.text)), self._headline(article))

    def _headline(self, article: Article) -> Doc | None:
        return remember_text(self.nlp(article.title), article.title) if article.title else None

    def _guarded(self, article: Article, docs: Iterable[tuple[int, Doc]],
                 title: Doc | None = None) -> Analysis | Problem:
        try:
            with time_limit(self.settings.time_limit, "analysis"):
                analysis = self._analyze_docs(article, docs, title)
        except TimeLimitError as exc:  # a pathological article is skipped, never hangs the run
            return Problem(article.file, str(exc), article.line)
        except Exception as exc:  # a rule bug on one article must not end a long batch run
            log.exception("analysis failed for %s", article.file)
            return Problem(article.file, f"analysis failed ({type(exc).__name__}: {exc})", article.line)
        if self.settings.learn:  # each process learns from what it reads
            self.actors.learn(analysis.actors.persons)
        return analysis

    def _analyze_docs(self, article: Article, docs: Iterable[tuple[int, Doc]], title: Doc | None = None) -> Analysis:
        """The stages over each part's doc, merged into the article's Analysis (the headline read with the first)."""
        parts: list[Part] = []
        for chars, doc in docs:
            analysis = self._stages(doc, article, None if parts else title)
            parts.append(Part.after(parts[-1] if parts else None, analysis, chars, len(doc)))
        return replace(merge_parts(parts), article=article)

    def _stages(self, doc: Doc, article: Article, title: Doc | None = None) -> Analysis:
        actors = self._timed("actors", self.actors, doc, published=article.published)
        events = self._timed("events", self.events, doc, actors, published=article.published)
        quotes = self._timed("quotes", self.quotes, doc, actors)
        return Analysis(
            article=article,
            actors=actors,
            events=events,
            quotes=quotes,
            sentences=tuple((s.start_char, s.end_char) for s in doc.sents),
            model=self.model,
            version=self.version,
            tone=self._timed("tone", self.tone, doc, actors, events, quotes, title),
        )

    def _timed(self, stage: str, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Call one stage, adding its time to `timings` when the benchmark asks for them."""
        if self.timings is None:
            return func(*args, **kwargs)
        started = time.perf_counter()
        result = func(*args, **kwargs)
        self.timings[stage] += time.perf_counter() - started
        return result


_worker: Analyzer | NewsgraphError | None = None


def _init_worker(settings: Settings) -> None:
    # An exception here would make the pool restart the worker for ever; keep it for the first batch to raise.
    global _worker
    # Ctrl-C reaches the whole process group: the parent decides (finish the article, stop the pool), not the worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _worker = Analyzer(settings)
    except NewsgraphError as exc:
        _worker = exc


def _run_batch(batch: list[Article]) -> list[Analysis | Problem]:
    if isinstance(_worker, NewsgraphError):
        raise _worker
    if _worker is None:
        raise RuntimeError("worker not initialised")
    return list(_worker.analyze_many(batch))


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


AHEAD = True   # in one process, analyse the next batch in a thread while the caller stores this one


def _analyzed_ahead(analyzer: Analyzer, articles: Iterable[Article], size: int) -> Iterator[Analysis | Problem]:
    """`analyzer.analyze_many` in a worker thread, one batch ahead of the caller.

    The caller's work on a batch (the store's writes: SQLite releases the GIL while it works) overlaps the
    model's on the next (its matrix products release it too). The input is read in the caller's thread, where
    it was read before; at most two batches are in flight, so memory stays flat. Closing the stream waits for the
    batch being analysed, so the analyzer is never used by two threads at once.
    """
    todo: queue.Queue = queue.Queue()
    done: queue.Queue = queue.Queue()

    def work() -> None:
        while (batch := todo.get()) is not None:
            try:
                done.put(list(analyzer.analyze_many(batch)))
            except BaseException as exc:   # noqa: BLE001 - handed to the caller's thread, raised there
                done.put(exc)

    def take() -> list[Analysis | Problem]:
        out = done.get()
        if isinstance(out, BaseException):
            raise out
        return out

    thread = threading.Thread(target=work, name="newsgraph-analyze", daemon=True)
    thread.start()
    in_flight = 0
    try:
        for batch in _batches(articles, size):
            todo.put(batch)
            in_flight += 1
            if in_flight >= 2:
                in_flight -= 1
                yield from take()
        while in_flight:
            in_flight -= 1
            yield from take()
    finally:
        todo.put(None)
        thread.join()


def analyze_stream(articles: Iterable[Article], settings: Settings, *, processes: int = 1,
                   analyzer: Analyzer | None = None) -> Iterator[Analysis | Problem]:
    """Analyse a stream of articles in one or several processes, keeping input order.

    Memory stays flat: at most a few batches per worker are in flight. In one process, a loaded `analyzer` may be
    passed in to reuse its pipeline.
    """
    if processes <= 1:
        analyzer = analyzer or Analyzer(settings)
        if AHEAD:
            yield from _analyzed_ahead(analyzer, articles, settings.batch_size)
        else:
            yield from analyzer.analyze_many(articles)
        return
    ctx = multiprocessing.get_context("spawn")
    pending: deque[AsyncResult[list[Analysis | Problem]]] = deque()
    with ctx.Pool(processes, initializer=_init_worker, initargs=(settings,)) as pool:
        # Pool.imap would read the whole input ahead; a bounded queue keeps memory flat.
        for batch in _batches(articles, settings.batch_size):
            pending.append(pool.apply_async(_run_batch, (batch,)))
            if len(pending) >= 2 * processes:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
