"""Events stage: who did what to whom, coded in PLOVER."""
from __future__ import annotations

from newsgraph.events.extract import EventExtractor

__all__ = ["EventExtractor"]
