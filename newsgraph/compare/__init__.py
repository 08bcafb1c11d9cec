"""Compare: one story told side by side, outlet by outlet (or country by country).

What each side reports (facts: events with how and where they are told), whom it lets speak (voices), how it names
things (distinctive terms by weighted log-odds, names for one referent) and its tone toward the main actors, with a
plain-language line per side. Reads stored records only; every item carries its evidence (article id, sentence,
character span). The JSON shape is documented in the README ("Compare").
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsgraph.compare.facts import build_facts
from newsgraph.compare.groups import group_of, load_outlets
from newsgraph.compare.load import load
from newsgraph.compare.names import build_names
from newsgraph.compare.prior import TermCountHook, rebuild as rebuild_prior
from newsgraph.compare.summary import build_summary
from newsgraph.compare.terms import build_terms
from newsgraph.compare.tone import build_tone
from newsgraph.compare.voices import build_voices
from newsgraph.errors import ConfigError, NotFoundError
from newsgraph.store import Store

__all__ = ["TermCountHook", "compare_articles", "compare_story", "load_outlets", "rebuild_prior"]


def compare_articles(store: Store, article_ids: Sequence[str], *, by: str = "outlet",
                     outlets: dict[str, str] | None = None, story: str | None = None) -> dict[str, Any]:
    """Compare these stored articles side by side.

    `by`: "outlet" or "country"; `outlets`: {outlet name or domain (lowercase): ISO3} from `load_outlets`.
    A copy (`articles.copy_of`) of an article on the same side is left out, so nothing counts twice.

    Raises:
        ConfigError: `by` is neither outlet nor country.
        NotFoundError: none of the ids is stored.
    """
    if by not in ("outlet", "country"):
        raise ConfigError(f"--by must be outlet or country, not {by!r}")
    rec = load(store, article_ids)
    if not rec.articles:
        raise NotFoundError(f"none of the {len(article_ids)} article ids is in {store.path}")
    side = {aid: group_of(art, by, outlets) for aid, art in rec.articles.items()}
    groups: dict[str, str] = {}
    originals: dict[str, str] = {}
    copies: dict[str, list[str]] = {}
    for aid, art in rec.articles.items():
        original = art.get("copy_of")
        if original in rec.articles and side[original] == side[aid]:
            copies.setdefault(side[aid], []).append(aid)   # the same text twice on one side
            continue
        groups[aid] = side[aid]
        originals[aid] = original if original in rec.articles else aid
    names = sorted(set(groups.values()))
    outlets_out = []
    for group in names:
        mine = [aid for aid, g in groups.items() if g == group]
        outlets_out.append({"name": group, "articles": len(mine), "article_ids": mine,
                            "outlets": sorted({rec.articles[a]["outlet"] or "" for a in mine} - {""}),
                            "titles": [rec.articles[a]["title"] for a in mine[:5]],
                            "copies_left_out": copies.get(group, [])})
    facts = build_facts(rec, groups, originals)
    voices = build_voices(rec, groups, originals)
    terms = build_terms(store, rec, groups)
    naming = build_names(rec, groups)
    tone = build_tone(rec, groups)
    terms["names"] = naming
    return {"story": story, "by": by, "groups": names, "outlets": outlets_out, "facts": facts, "voices": voices,
            "terms": terms, "tone": tone, "summary": build_summary(names, facts, voices, naming, terms, tone)}


def compare_story(store: Store, story_id: str, *, by: str = "outlet", outlets_file: str | None = None) -> dict[str, Any]:
    """Compare the articles of one stored story (see `compare_articles`).

    Raises:
        NotFoundError: no story has this id.
        ConfigError: a bad `by` or outlets file.
    """
    from newsgraph.stories import story_articles

    outlets = load_outlets(outlets_file) if outlets_file else None
    return compare_articles(store, story_articles(store, story_id), by=by, outlets=outlets, story=story_id)
