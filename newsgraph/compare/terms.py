"""Distinctive terms of each side: weighted log-odds ratios with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words", eq. 16-22: for term w, side i against the rest j of the story,

    delta_w = log((y_iw + a_w) / (n_i + a0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + a0 - y_jw - a_w))
    var_w  ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w),          z_w = delta_w / sqrt(var_w)

with a_w = a0 * (share of w in the whole store). The prior shrinks the ratios of rare terms toward what the store
says is usual, so a word is distinctive only when this side uses it more than the rest of the story does, beyond
what chance and the language in general would give. a0 is the story's own size: the prior weighs as much as the
evidence, a middle setting that needs no tuning per corpus.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Any

from newsgraph.compare.load import Records
from newsgraph.compare.prior import prior_counts
from newsgraph.compare.text import find_term

TOP = 12
MIN_COUNT = 2        # a term this side uses once is an accident of wording, not a pattern
Z_MIN = 0.05         # listed when this side uses it more than the rest, beyond the prior; ranked by z
MAX_EVIDENCE = 2


def count_terms(rec: Records, groups: dict[str, str]) -> tuple[dict[str, Counter[str]], Counter]:
    """Term counts per side, and in how many articles of the side each term occurs."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    docs: Counter = Counter()
    for aid, group in groups.items():
        mine = rec.terms(aid)
        counts[group].update(mine)
        docs.update((group, term) for term in mine)
    return counts, docs


def log_odds(counts: dict[str, Counter[str]], prior: dict[str, int], prior_total: int) -> dict[str, dict[str, float]]:
    """z-scores of every term for every side against the rest of the story."""
    story: Counter[str] = Counter()
    for c in counts.values():
        story.update(c)
    n_story = sum(story.values())
    if prior_total <= 0:  # a store written before its counts were kept: the story is its own prior
        prior, prior_total = dict(story), n_story
    a0 = float(n_story)
    vocab = len(story)
    scores: dict[str, dict[str, float]] = {}
    for group, mine in counts.items():
        n_i = sum(mine.values())
        n_j = n_story - n_i
        out = {}
        for term, y_i in mine.items():
            y_j = story[term] - y_i
            # add-one smoothing of the prior share, so a term the store has not counted yet keeps a small weight
            a_w = a0 * (prior.get(term, 0) + 1) / (prior_total + vocab)
            delta = (math.log((y_i + a_w) / (n_i + a0 - y_i - a_w)) - math.log((y_j + a_w) / (n_j + a0 - y_j - a_w)))
            out[term] = delta / math.sqrt(1 / (y_i + a_w) + 1 / (y_j + a_w))
        scores[group] = out
    return scores


def _contains(long: str, short: str) -> bool:
    return f" {short.lower()} " in f" {long.lower()} " and long.lower() != short.lower()


def build_terms(store: Any, rec: Records, groups: dict[str, str]) -> dict[str, Any]:
    counts, docs = count_terms(rec, groups)
    vocab = set().union(*counts.values()) if counts else set()
    prior, prior_total = prior_counts(store.conn, vocab)
    scores = log_odds(counts, prior, prior_total)
    by_group: dict[str, list[dict[str, Any]]] = {}
    multi = len(counts) > 1
    for group, zs in sorted(scores.items()):
        mine = counts[group]
        ranked = sorted((t for t, z in zs.items() if z >= Z_MIN and mine[t] >= MIN_COUNT),
                        key=lambda t: (-zs[t], t))[:TOP * 4] if multi else []
        # a word inside a listed phrase that it never occurs outside of adds nothing ("illegally" in "... Kashmir")
        kept = [t for t in ranked if not any(_contains(o, t) and mine[o] >= mine[t] for o in ranked)][:TOP]
        items = []
        for term in kept:
            rest = sum(c[term] for g, c in counts.items() if g != group)
            items.append({"term": term, "z": round(zs[term], 2), "count": mine[term], "articles": docs[group, term],
                          "rest": rest, "store": prior.get(term, 0), "name": term[0].isupper(),
                          "evidence": _evidence(rec, groups, group, term)})
        by_group[group] = items
    return {"method": "weighted log-odds, informative Dirichlet prior (Monroe et al. 2008)",
            "prior": "store" if prior_total > 0 else "story", "prior_total": prior_total, "by_group": by_group}


def _evidence(rec: Records, groups: dict[str, str], group: str, term: str) -> list[dict[str, Any]]:
    """The first occurrences of a term on one side (one per article), with their sentences."""
    out = []
    for aid, g in groups.items():
        if g != group or term not in rec.terms(aid):
            continue
        text = rec.articles[aid]["text"]
        for start, end in find_term(text, term, 1):
            sentence = rec.sentence(aid, start)
            out.append({"article_id": aid, "start": start, "end": end, "text": text[start:end],
                        "sentence": sentence["text"] if sentence else None,
                        "sentence_start": sentence["start"] if sentence else None})
        if len(out) >= MAX_EVIDENCE:
            break
    return out
