"""Tone stage: how one article treats each actor and named person it covers (runs on the Doc, inside the pipeline)."""
from __future__ import annotations

from newsgraph.tone.score import ToneScorer

__all__ = ["ToneScorer"]
