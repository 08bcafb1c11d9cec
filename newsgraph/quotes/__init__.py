"""Quotes stage: every quotation with its speaker, direct and reported."""
from __future__ import annotations

from newsgraph.quotes.extract import QuoteExtractor

__all__ = ["QuoteExtractor"]
