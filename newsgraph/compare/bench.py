"""Cost of the compare stage, for `newsgraph bench`: a story of N articles over M outlets, built from real analyses
(each copy its own article), answered from a SQLite store; and what the store-wide term counts add per write."""
from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from newsgraph.compare import TermCountHook, compare_articles
from newsgraph.model import Analysis
from newsgraph.store import Store


def _copies(analyses: Sequence[Analysis], n: int, outlets: int) -> list[Analysis]:
    out = []
    for i in range(n):
        a = analyses[i % len(analyses)]
        art = replace(a.article, id=f"cmp{i:06d}", key=f"compare-bench/{i}", outlet=f"Outlet {i % outlets}",
                      text_hash=f"cmp{i:06d}")
        out.append(replace(a, article=art))
    return out


def bench_compare(analyses: Sequence[Analysis], *, articles: int = 200, outlets: int = 8,
                  repeat: int = 3) -> Iterator[str]:
    """Yield report lines: compare over a story of `articles` articles, best of `repeat`; the hook's write cost."""
    if not analyses:
        return
    story = _copies(analyses, articles, outlets)
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "plain.db") as plain:
            started = time.process_time()
            for a in story:
                plain.write(a)
            plain_s = time.process_time() - started
        with Store(Path(tmp) / "compare.db") as store:
            started = time.process_time()
            for a in story:
                store.write(a, (TermCountHook(),))
            hooked_s = time.process_time() - started
            ids = [a.article.id for a in story]
            best = cpu = float("inf")
            for _ in range(repeat):
                started, cpu_started = time.perf_counter(), time.process_time()
                result = compare_articles(store, ids)
                best = min(best, time.perf_counter() - started)
                cpu = min(cpu, time.process_time() - cpu_started)
    yield (f"compare: story of {articles} articles, {len(result['groups'])} outlets, {len(result['facts'])} facts: "
           f"{best:.3f} s ({cpu:.3f} s CPU; target < 1 s); store-wide term counts add "
           f"{(hooked_s - plain_s) / articles * 1000:.2f} ms CPU per article written "
           f"({plain_s / articles * 1000:.2f} ms without)")
