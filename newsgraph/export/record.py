"""The JSON Lines record of one analysed article (../shared/eval/CONTRACT.md plus our own fields)."""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from newsgraph.model import Analysis, Article


def to_record(analysis: Analysis) -> dict[str, Any]:
    """One article's record: contract fields first, then ids, spans and provenance."""
    return {
        **_article_fields(analysis.article),
        "persons": [asdict(p) for p in analysis.actors.persons],
        "actors": [asdict(a) for a in analysis.actors.actors],
        "events": [asdict(e) for e in analysis.events],
        "quotes": [asdict(q) for q in analysis.quotes],
        "unresolved": list(analysis.actors.unresolved),
        "tone": [asdict(t) for t in analysis.tone],
        "model": analysis.model,
        "newsgraph_version": analysis.version,
    }


def unanalysed_record(article: Article, reason: str) -> dict[str, Any]:
    """The record of an article that was extracted but not analysed (e.g. not in English): text, no extractions."""
    return {
        **_article_fields(article),
        "persons": [], "actors": [], "events": [], "quotes": [], "unresolved": [], "tone": [], "skipped": reason,
    }


def _article_fields(article: Article) -> dict[str, Any]:
    """The fields every record starts with, in the same order, analysed or not."""
    return {
        "id": article.id,
        "file": article.file,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "text": article.text,
        "boilerplate": list(article.boilerplate),
    }
