#!/usr/bin/env python3
"""Run the actors stage over any input newsgraph reads (.txt, .html[.gz], .json[l], folders) and print the share
of state/organisation-looking mentions left unresolved, with the list (most frequent first).

`--samples N` also prints N resolved state/organisation mentions drawn at random (fixed seed) with their
sentences, to judge precision by hand; `--code X` limits the sample to one actor code.

Usage: .venv/bin/python scripts/unresolved.py PATH [PATH ...] [--actors FILE] [--samples N] [--code X]
"""
from __future__ import annotations

import argparse
import random
from collections import Counter

from newsgraph.actors import ActorResolver
from newsgraph.ingest import iter_articles
from newsgraph.model import Article
from newsgraph.nlp import load_nlp


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--actors", default=None, help="user dictionary (YAML or CSV)")
    ap.add_argument("--samples", type=int, default=0, help="print N resolved mentions with their sentences")
    ap.add_argument("--code", default=None, help="sample only mentions resolved to this code")
    ap.add_argument("--top", type=int, default=60, help="unresolved names to list")
    args = ap.parse_args()
    nlp = load_nlp()
    resolver = ActorResolver(nlp, user_file=args.actors)
    articles = [a for a in iter_articles(args.paths) if isinstance(a, Article)]
    left: Counter[str] = Counter()
    resolved = 0
    pool: list[str] = []
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=32):
        actors = resolver(doc)
        sents = list(doc.sents)
        for m in actors.mentions:
            if m.kind not in {"state", "org"} or m.place:
                continue
            resolved += 1
            if args.samples and (args.code is None or m.code == args.code):
                sent = sents[m.sent].text.replace("\n", " ")[:220]
                pool.append(f"{m.code:6} {m.kind:5} {m.sector or '-':4} {m.how:22} [{m.text}]  {sent}  "
                            f"({article.file})")
        left.update(actors.unresolved)
    total = resolved + sum(left.values())
    share = sum(left.values()) / total if total else 0.0
    print(f"{len(articles)} articles: {resolved} state/org mentions resolved, {sum(left.values())} unresolved "
          f"({share:.1%} of {total})")
    for text, n in left.most_common(args.top):
        print(f"{n:4d}  {text}")
    if args.samples:
        print(f"\n-- {min(args.samples, len(pool))} resolved mentions of {len(pool)} --")
        for line in random.Random(7).sample(pool, min(args.samples, len(pool))):
            print(line)


if __name__ == "__main__":
    main()
