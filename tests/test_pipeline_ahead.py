"""In one process the analysis runs one batch ahead, in a worker thread (pipeline._analyzed_ahead): the same
records in the same order as the plain loop, input read in the caller's thread, errors raised in the caller's,
and a closed stream leaves no thread behind."""
from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from tests.conftest import make_article
from newsgraph.pipeline import Settings, _analyzed_ahead, analyze_stream
from newsgraph.model import Analysis, Problem

TEXTS = ["Russia accused Ukraine of shelling the plant on Monday, the foreign ministry said.",
         "India and Pakistan agreed to a ceasefire along the border after talks in Islamabad.",
         "The European Union imposed new sanctions on Iran over drone deliveries."]


def _articles(n):
    return [make_article(TEXTS[i % 3] + f" Report {i}.", file=f"a{i}.txt") for i in range(n)]


def _events(results):
    return [(r.article.file, [(e.source, e.type, e.target) for e in r.events]) for r in results]


def test_same_records_in_the_same_order(analyzer):
    articles = _articles(11)
    small = replace(Settings(), batch_size=3)   # several batches, the last one short
    ahead = list(_analyzed_ahead(analyzer, articles, small.batch_size))
    plain = list(analyzer.analyze_many(articles))
    assert [r.article.file for r in ahead] == [f"a{i}.txt" for i in range(11)]
    assert _events(ahead) == _events(plain)
    assert any(events for _, events in _events(ahead))


def test_input_is_read_in_the_callers_thread(analyzer):
    readers = set()

    def feed():
        for article in _articles(7):
            readers.add(threading.get_ident())
            yield article

    assert len(list(_analyzed_ahead(analyzer, feed(), 2))) == 7
    assert readers == {threading.get_ident()}


def test_error_in_the_worker_reaches_the_caller(analyzer, monkeypatch):
    def broken(articles):
        raise MemoryError("no room for the batch")
        yield  # pragma: no cover

    monkeypatch.setattr(analyzer, "analyze_many", broken)
    with pytest.raises(MemoryError, match="no room"):
        list(_analyzed_ahead(analyzer, _articles(4), 2))
    assert not [t for t in threading.enumerate() if t.name == "newsgraph-analyze"]


def test_closing_the_stream_stops_the_worker(analyzer):
    stream = analyze_stream(_articles(9), replace(Settings(), batch_size=2), analyzer=analyzer)
    first = next(stream)
    assert isinstance(first, (Analysis, Problem)) and first.article.file == "a0.txt"
    stream.close()
    assert not [t for t in threading.enumerate() if t.name == "newsgraph-analyze"]
