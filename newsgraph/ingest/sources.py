"""Placeholder reader (plain .txt only), replaced by the ingest work (issue 2)."""
from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from newsgraph.model import Article, Problem

DEFAULT_MAX_BYTES = 5_000_000


def iter_articles(paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Problem]:
    for p in paths:
        path = Path(p)
        files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
        for f in files:
            text = f.read_text(encoding="utf-8")
            h = hashlib.sha256(" ".join(text.split()).encode()).hexdigest()
            yield Article(id=h[:16], file=f.name, key=str(f), text=text, text_hash=h)
