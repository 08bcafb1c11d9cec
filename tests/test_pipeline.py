"""The pipeline frame: streaming, several processes, errors in one article, the benchmark."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest

from newsgraph.bench import run_bench
from newsgraph.model import Analysis, Problem
from newsgraph.pipeline import Settings, analyze_stream
from tests.conftest import make_article

TEXTS = [
    "Egypt urged Ethiopia to delay filling the reservoir.",
    "The European Union imposed sanctions on Belarus on Tuesday.",
    "Japan and South Korea held talks in Seoul on Friday.",
]


def articles(n: int):
    return [make_article(TEXTS[i % len(TEXTS)] + f" Copy {i}.", file=f"{i}.txt") for i in range(n)]


class Counting:
    """An iterable that records how far the consumer has read ahead."""

    def __init__(self, items):
        self.items, self.taken = items, 0

    def __iter__(self):
        for item in self.items:
            self.taken += 1
            yield item


@pytest.mark.parametrize("processes", [1, 2])
def test_pipeline_streams_with_bounded_read_ahead(processes, analyzer):
    source = Counting(articles(200))
    settings = Settings(batch_size=8)
    stream = analyze_stream(source, settings, processes=processes, analyzer=analyzer if processes == 1 else None)
    first = next(stream)
    assert isinstance(first, Analysis)
    # spaCy buffers a few batches itself; what matters is a bound that does not depend on the input's length
    assert source.taken <= 8 * (2 * processes + 4), "the input was read far ahead of the output"
    stream.close()


def test_pipeline_two_processes_give_the_same_records(analyzer):
    batch = articles(6)
    one = list(analyze_stream(batch, Settings(batch_size=2), analyzer=analyzer))
    two = list(analyze_stream(batch, Settings(batch_size=2), processes=2))
    assert [a.article.file for a in two] == [a.article.file for a in one]
    assert [a.events for a in two] == [a.events for a in one]
    assert [a.actors for a in two] == [a.actors for a in one]


def test_pipeline_a_failing_article_becomes_a_problem(analyzer, monkeypatch):
    good = articles(2)
    # A rule bug on one article must not end the run; the bug is injected since a real one cannot be provoked.
    bad = replace(good[0], file="bad.txt")
    calls = {"n": 0}
    original = analyzer.quotes.__class__.__call__

    def flaky(self, doc, actors):
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("rule bug")
        return original(self, doc, actors)

    monkeypatch.setattr(analyzer.quotes.__class__, "__call__", flaky)
    results = list(analyzer.analyze_many([bad, good[1]]))
    assert isinstance(results[0], Problem) and "bad.txt" in str(results[0]) and "rule bug" in str(results[0])
    assert isinstance(results[1], Analysis)


def test_pipeline_bench_prints_both_runs_and_their_ratio(tmp_path):
    (tmp_path / "a.txt").write_text("\n".join(TEXTS), encoding="utf-8")
    lines = list(run_bench([str(tmp_path)], words=300, repeat=1))
    text = "\n".join(lines)
    assert "spaCy nlp.pipe" in text and "newsgraph (all stages + store)" in text
    assert "ratio newsgraph/spaCy words/s:" in text and "peak MiB" in text
    assert "stages, seconds per run" in text and "actors" in text
    whole = float(re.search(r"ratio newsgraph/spaCy words/s: ([0-9.]+)", text).group(1))
    writes = float(re.search(r"store's writes with their hooks: ([0-9.]+) ms per article", text).group(1))
    assert whole > 0 and writes > 0
