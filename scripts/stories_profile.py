#!/usr/bin/env python3
"""The cost of story assignment in `Store.write`, on the analyses `newsgraph bench` writes (the sample articles
repeated to 100,000 words, so most articles are copies of an earlier one).

Usage: stories_profile.py [--cache FILE] [--repeat N] [--profile] [--partition OUT.json]
The analyses are made once and kept in FILE (a pickle); each repeat then writes them into two fresh stores, with
no hook and with the story hook alone, inside `Store.grouped()` as `analyze` does, and the difference per article
is the hook's cost (best of the repeats). `--profile` prints cProfile's top functions of the hook's writes;
`--partition` writes the resulting article -> story partition and a digest of the story tables, to check that
a speed change groups (and stores) nothing differently.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pickle
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgraph.model import Analysis  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from newsgraph.stories import StoryHook  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from stories_sets import digest  # noqa: E402


def analyses(cache: Path, words: int) -> list[Analysis]:
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from newsgraph.bench import load_corpus
    from newsgraph.pipeline import Analyzer, Settings

    corpus = load_corpus(None, words)
    out = [r for r in Analyzer(Settings()).analyze_many(corpus) if isinstance(r, Analysis)]
    cache.write_bytes(pickle.dumps(out))
    return out


class TimedHook(StoryHook):
    """The story hook, timed on its own (CPU time of this process: the other work on a shared machine counts less)."""

    def __init__(self, profile: cProfile.Profile | None = None) -> None:
        super().__init__()
        self.seconds = self.cpu = 0.0
        self.profile = profile

    def added(self, conn, analysis) -> None:  # noqa: ANN001 - the WriteHook signature
        wall, cpu = time.perf_counter(), time.process_time()
        if self.profile:
            self.profile.enable()
        super().added(conn, analysis)
        if self.profile:
            self.profile.disable()
        self.seconds += time.perf_counter() - wall
        self.cpu += time.process_time() - cpu


def write_all(items: list[Analysis], hooks: tuple) -> tuple[float, dict]:
    """Write the analyses into a fresh store; (CPU seconds of the writes, article -> story)."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "p.db") as store:
        seconds = 0.0
        with store.grouped():
            for analysis in items:
                started = time.process_time()
                store.write(analysis, hooks)
                seconds += time.process_time() - started
        part = {r["id"]: r["story_id"] for r in store.conn.execute("SELECT id, story_id FROM articles")}
        part["digest of the story tables"] = digest(store)
    return seconds, part


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", default="/tmp/stories_profile_analyses.pkl")
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--partition")
    args = ap.parse_args()
    items = analyses(Path(args.cache), args.words)
    bare = with_hook = alone = alone_wall = float("inf")
    part: dict = {}
    for _ in range(args.repeat):   # alternating, so a change in the machine's load hits both
        bare = min(bare, write_all(items, ())[0])
        hook = TimedHook()
        s, part = write_all(items, (hook,))
        with_hook, alone, alone_wall = min(with_hook, s), min(alone, hook.cpu), min(alone_wall, hook.seconds)
    n = len(items)
    ms = 1000 / n
    print(f"{n} analyses, CPU ms per article (best of {args.repeat}): store alone {bare * ms:.2f}, with the story "
          f"hook {with_hook * ms:.2f} (difference {(with_hook - bare) * ms:.2f}); the hook itself {alone * ms:.2f} "
          f"({alone_wall * ms:.2f} wall)")
    if args.profile:
        prof = cProfile.Profile()
        write_all(items, (TimedHook(prof),))
        pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
    if args.partition:
        Path(args.partition).write_text(json.dumps(part, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
