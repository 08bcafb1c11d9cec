"""Ingest stage: files, HTML and JSON Lines -> clean Article records (or Problems)."""
from __future__ import annotations

from newsgraph.ingest.sources import DEFAULT_MAX_BYTES, iter_articles

__all__ = ["DEFAULT_MAX_BYTES", "iter_articles"]
