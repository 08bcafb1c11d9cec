"""Stances stage: who stands with or against whom over time, from stored events, quotes and alignment phrases
(records only, no spaCy). Facts and their sums are kept in the store by `StanceHook` in each article's transaction.
"""
from __future__ import annotations

from newsgraph.stances.graph import stance_graph
from newsgraph.stances.hook import StanceHook, rebuild
from newsgraph.stances.query import compute_stances, explain_pair

__all__ = ["StanceHook", "compute_stances", "explain_pair", "rebuild", "stance_graph"]
