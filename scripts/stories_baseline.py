#!/usr/bin/env python3
"""The baseline of ../shared/corpus/README.md: plain TF-IDF cosine, average-link clustering cut at distance 0.8.

Usage: stories_baseline.py FOLDER OUT.jsonl [--threshold 0.8]
Writes one record per text file ({"file", "story"}) for ../shared/eval/score_stories.py. A header block
(Title:/Outlet:/Date:/URL: lines) is left out of the text, as newsgraph's ingest does.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.feature_extraction.text import TfidfVectorizer

HEADER = re.compile(r"^(Title|Outlet|Date|URL):", re.I)


def body(path: Path) -> str:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    i = 0
    while i < len(lines) and HEADER.match(lines[i]):
        i += 1
    return "\n".join(lines[i:])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("out")
    ap.add_argument("--threshold", type=float, default=0.8, help="cosine distance at which the tree is cut")
    args = ap.parse_args()
    files = sorted(p for p in Path(args.folder).rglob("*.txt"))
    if len(files) < 2:
        print(f"stories_baseline: {args.folder}: fewer than two .txt files", file=sys.stderr)
        return 2
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([body(p) for p in files])
    labels = fcluster(linkage(matrix.toarray(), method="average", metric="cosine"), t=args.threshold,
                      criterion="distance")
    with open(args.out, "w", encoding="utf-8") as out:
        for path, label in zip(files, labels):
            out.write(json.dumps({"file": path.name, "story": int(label)}) + "\n")
    print(f"{len(files)} files, {len(set(labels))} clusters -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
