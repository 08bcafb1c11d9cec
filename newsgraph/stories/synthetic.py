"""Synthetic articles for the stories benchmark: many stories, each reported by a few outlets over a few days.

Texts are drawn from an invented vocabulary (a story's own terms plus common words with a Zipf-like spread) with
invented actor codes, so the figures measure the cost of assignment as the store grows, not any real corpus.
`measure` fills a temporary store through the real write path (articles, mentions, the story hook) and reports
articles per second over the first and the last thousand articles and the process's peak memory.
"""
from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from newsgraph.model import Actors, Analysis, Article, Mention
from newsgraph.store import Store
from newsgraph.stories.assign import StoryHook

VOCABULARY = 30_000
ACTORS = 250
STORY_TERMS = 40
WORDS = 180
PER_STORY = 5          # articles per story, on average
STORIES_PER_DAY = 10


def _word(i: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = ""
    i += 26 * 26
    while i:
        i, r = divmod(i, 26)
        out += letters[r]
    return out


def articles(n: int, seed: int = 7) -> Iterator[Analysis]:
    """`n` synthetic analyses in publication order (with a little jitter), each story spread over a few days."""
    rng = random.Random(seed)
    start = date(2000, 1, 1)
    cum, total = [], 0.0
    for rank in range(1, VOCABULARY + 1):   # Zipf: the rank-th word has weight 1/rank
        total += 1.0 / rank
        cum.append(total)
    common_words = [_word(i) for i in range(VOCABULARY)]
    live: list[tuple[int, list[str], list[str], date, int]] = []   # story, terms, actors, first day, left
    story_no = 0
    for i in range(n):
        if not live or rng.random() < 1 / PER_STORY:
            day = start + timedelta(days=story_no // STORIES_PER_DAY)
            terms = [common_words[rng.randrange(VOCABULARY)] for _ in range(STORY_TERMS)]
            codes = [f"X{rng.randrange(ACTORS):03d}" for _ in range(2)]
            live.append((story_no, terms, codes, day, rng.randint(1, 2 * PER_STORY - 1)))
            story_no += 1
        k = rng.randrange(max(0, len(live) - 20), len(live))   # recent stories get the new reports
        sid, terms, codes, day, left = live[k]
        own = sum(rng.random() < 0.5 for _ in range(WORDS))
        words = rng.choices(terms, k=own) + rng.choices(common_words, cum_weights=cum, k=WORDS - own)
        rng.shuffle(words)
        text = " ".join(words)
        mentions = tuple(Mention(start=0, end=1, text=c, sent=0, tok_start=0, tok_end=1, code=c, kind="state")
                         for c in codes)
        published = (day + timedelta(days=rng.randint(0, 3))).isoformat()
        article = Article(id=f"syn{i:09d}", file=f"syn{i}.txt", key=f"syn{i}", text=text, title=" ".join(words[:8]),
                          outlet=f"Outlet {rng.randrange(30)}", published=published, text_hash=f"h{i}")
        if left <= 1:
            live.pop(k)
        else:
            live[k] = (sid, terms, codes, day, left - 1)
        yield Analysis(article=article, actors=Actors(mentions=mentions), model="synthetic", version="synthetic")


class _TimedHook(StoryHook):
    def __init__(self) -> None:
        super().__init__()
        self.seconds = 0.0

    def added(self, conn, analysis) -> None:  # noqa: ANN001 - the WriteHook signature
        started = time.perf_counter()
        super().added(conn, analysis)
        self.seconds += time.perf_counter() - started


def _peak_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def measure(n: int, window: int = 1000, progress=None) -> dict:  # noqa: ANN001
    """Fill a temporary store with `n` synthetic articles; the assignment's rate at the start and at the end."""
    hook = _TimedHook()
    marks: list[tuple[int, float, float]] = []   # articles done, wall seconds, hook seconds
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        store.conn.execute("PRAGMA synchronous = NORMAL")   # WAL's usual setting: no disk flush per article
        started = time.perf_counter()
        for i, analysis in enumerate(articles(n), 1):
            store.write(analysis, (hook,))
            if i % window == 0 or i == n:
                marks.append((i, time.perf_counter() - started, hook.seconds))
                if progress:
                    progress(marks[-1])
        stories = store.conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
    first = marks[0]
    last_a, last_b = marks[-1], marks[-2] if len(marks) > 1 else (0, 0.0, 0.0)
    return {"articles": n, "stories": stories, "seconds": marks[-1][1], "assign_seconds": marks[-1][2],
            "first_rate": first[0] / first[2], "last_rate": (last_a[0] - last_b[0]) / (last_a[2] - last_b[2]),
            "rate": n / marks[-1][2], "write_rate": n / marks[-1][1], "peak_mib": _peak_mib()}


if __name__ == "__main__":
    print(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000,
                  progress=lambda m: print(f"{m[0]} articles, {m[1]:.1f} s, assignment {m[2]:.1f} s, "
                                           f"peak {_peak_mib():.0f} MiB", flush=True)))
