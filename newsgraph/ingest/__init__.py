"""Ingest stage: files, HTML and JSON Lines -> clean Article records (or Problems)."""
from __future__ import annotations

from newsgraph.ingest.limits import (DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_HTML_BYTES,
                                     DEFAULT_MAX_LINE_BYTES, DEFAULT_TIME_LIMIT, Limits, time_limit)
from newsgraph.ingest.sources import iter_articles

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_MAX_DEPTH", "DEFAULT_MAX_HTML_BYTES", "DEFAULT_MAX_LINE_BYTES",
           "DEFAULT_TIME_LIMIT", "Limits", "iter_articles", "time_limit"]
