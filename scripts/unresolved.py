#!/usr/bin/env python3
"""Run the actors stage over folders of .txt articles and print the share of state/organisation-looking
mentions left unresolved, with the list (most frequent first).

Usage: .venv/bin/python scripts/unresolved.py DIR [DIR ...] [--actors FILE]
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from newsgraph.actors import ActorResolver
from newsgraph.nlp import load_nlp


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--actors", default=None, help="user dictionary (YAML or CSV)")
    args = ap.parse_args()
    nlp = load_nlp()
    resolver = ActorResolver(nlp, user_file=args.actors)
    files = sorted(f for d in args.dirs for f in (d.rglob("*.txt") if d.is_dir() else [d]))
    texts = (f.read_text(encoding="utf-8") for f in files)
    left: Counter[str] = Counter()
    resolved = 0
    for doc in nlp.pipe(texts, batch_size=32):
        actors = resolver(doc)
        resolved += sum(1 for m in actors.mentions if m.kind in {"state", "org"} and not m.place)
        left.update(actors.unresolved)
    total = resolved + sum(left.values())
    share = sum(left.values()) / total if total else 0.0
    print(f"{len(files)} files: {resolved} state/org mentions resolved, {sum(left.values())} unresolved "
          f"({share:.1%} of {total})")
    for text, n in left.most_common():
        print(f"{n:4d}  {text}")


if __name__ == "__main__":
    main()
