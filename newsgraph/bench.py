"""Benchmark: bare spaCy `nlp.pipe` against the whole newsgraph pipeline, same text, same run.

The figures are printed, never asserted: speed depends on the machine. The corpus is the given articles (default:
the sample articles in examples/) repeated to at least `words` words; each copy gets its own id so the store
really writes it.
"""
from __future__ import annotations

import hashlib
from collections import Counter
import resource
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from newsgraph.errors import ConfigError
from newsgraph.ingest import iter_articles
from newsgraph.model import Analysis, Article
from newsgraph.pipeline import AHEAD, BATCH_SIZE, Analyzer, Settings, analyze_stream
from newsgraph.store import Store
from newsgraph.run import WRITE_HOOKS

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def load_corpus(paths: Sequence[str] | None, words: int) -> list[Article]:
    """The articles under `paths`, repeated until they hold at least `words` words, each copy with its own id."""
    sources = list(paths) if paths else [str(EXAMPLES)]
    base = [a for a in iter_articles(sources) if isinstance(a, Article)]
    if not base:
        raise ConfigError(f"no readable articles in {', '.join(sources)}")
    corpus: list[Article] = []
    total = copy = 0
    while total < words:
        for article in base:
            h = hashlib.sha256(f"{article.text_hash}#{copy}".encode()).hexdigest()
            corpus.append(replace(article, id=h[:16], key=f"{article.key}#{copy}", text_hash=h))
            total += len(article.text.split())
        copy += 1
    return corpus


def _peak_mib() -> float:
    """Peak resident memory of this process or its largest finished child, in MiB."""
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # macOS reports bytes, Linux KiB


def run_bench(paths: Sequence[str] | None = None, *, words: int = 100_000, model: str | None = None,
              processes: int = 1, repeat: int = 3, stories: Sequence[int] = ()) -> Iterator[str]:
    """Run both measurements `repeat` times, alternating, and yield the lines of the report (best of each).
    `stories`: sizes of synthetic stores on which story assignment is measured too."""
    from newsgraph.nlp import PARAGRAPHS, load_nlp, model_name

    corpus = load_corpus(paths, words)
    n_words = sum(len(a.text.split()) for a in corpus)
    nlp = load_nlp(model, fast=False)
    nlp.remove_pipe(PARAGRAPHS)  # the baseline is the model exactly as spaCy ships it
    yield (f"corpus: {len(corpus)} articles, {n_words:,} words; model {model_name(nlp)}; processes {processes}; "
           f"best of {repeat}")
    settings = Settings(model=model)
    analyzer = Analyzer(settings) if processes == 1 else None
    list(nlp.pipe([a.text for a in corpus[:8]]))  # warm-up, so neither side pays for first-call costs
    if analyzer:
        list(analyzer.analyze_many(corpus[:8]))
        analyzer.timings = Counter()

    spacy_s = full_s = write_s = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for _doc in nlp.pipe((a.text for a in corpus), batch_size=BATCH_SIZE, n_process=processes):
            pass
        spacy_s = min(spacy_s, time.perf_counter() - started)
        spacy_peak = _peak_mib()
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store, store.grouped():
            started, writing = time.perf_counter(), 0.0
            for result in analyze_stream(corpus, settings, processes=processes, analyzer=analyzer):
                if isinstance(result, Analysis):
                    wrote = time.perf_counter()
                    store.write(result, WRITE_HOOKS)   # stories, term counts, stances, grouped commits: as `analyze`
                    writing += time.perf_counter() - wrote
            elapsed = time.perf_counter() - started
            if elapsed < full_s:
                full_s, write_s = elapsed, writing
        full_peak = _peak_mib()

    rows = [("spaCy nlp.pipe", spacy_s, spacy_peak), ("newsgraph (all stages + store)", full_s, full_peak)]
    yield f"{'run':32} {'seconds':>8} {'words/s':>10} {'articles/s':>11} {'peak MiB':>9}"
    for name, seconds, peak in rows:
        yield f"{name:32} {seconds:8.2f} {n_words / seconds:10,.0f} {len(corpus) / seconds:11.1f} {peak:9.0f}"
    yield f"ratio newsgraph/spaCy words/s: {spacy_s / full_s:.2f} (target ≥ 0.80)"
    # The store writes one batch while the next is analysed (pipeline._analyzed_ahead), so the two overlap: the
    # run's time is not their sum, and the writes' share says how much the caller had to do beside waiting.
    yield (f"the store's writes with their hooks: {write_s / len(corpus) * 1000:.1f} ms per article "
           f"({write_s / spacy_s:.1%} of spaCy's time), in the caller's thread while the next batch is analysed"
           + ("" if processes > 1 or AHEAD else f"; per-article stages alone: ratio {spacy_s / (full_s - write_s):.2f}"))
    if analyzer and analyzer.timings:
        per_run = {stage: seconds / repeat for stage, seconds in analyzer.timings.items()}
        yield "stages, seconds per run (share of spaCy's time): " + ", ".join(
            f"{stage} {seconds:.2f} ({seconds / spacy_s:.1%})" for stage, seconds in per_run.items())
    # compare: one story of 200 articles built from analyses of the corpus's distinct articles
    from newsgraph.compare.bench import bench_compare

    distinct = list({a.key.rsplit("#", 1)[0]: a for a in corpus}.values())[:50]
    sample = [r for r in analyze_stream(distinct, settings, processes=1, analyzer=analyzer) if isinstance(r, Analysis)]
    yield from bench_compare(sample, repeat=repeat)
    yield from bench_stories(stories)


def bench_stories(sizes: Sequence[int]) -> Iterator[str]:
    """Story assignment on synthetic stores of each size (newsgraph.stories.synthetic), each in a fresh process
    so that its peak memory is its own: articles/s over the first and the last thousand articles."""
    import multiprocessing

    from newsgraph.stories.synthetic import measure

    for n in sizes:
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            m = pool.apply(measure, (n,))
        yield (f"stories, {n:,} synthetic articles ({m['stories']:,} stories): assignment {m['rate']:,.0f} articles/s "
               f"(first 1,000: {m['first_rate']:,.0f}/s, last 1,000: {m['last_rate']:,.0f}/s); with the store's "
               f"own writes {m['write_rate']:,.0f} articles/s; peak {m['peak_mib']:.0f} MiB")
