"""Organisations named without their name: regional collectives and references back.

- "West African leaders" in an article about ECOWAS, "European ministers" in one about the EU: a regional adjective
  before leaders/ministers/governments stands for the region's organisation (`how` "region") when that
  organisation is named in the same sentence or is the one the article is about;
- "the bloc", "the secretariat", "the commission", "the alliance": the organisation named last, within a few
  sentences (`how` "refers"); words that name a kind of body ("commission", "council", "union", "community") need
  an organisation whose name holds them;
- "Forum Secretary General X", "the Forum said": the capitalised last word of an organisation's name named earlier
  in the article ("Pacific Islands Forum") stands for it (`how` "short"), unless a proper name runs on before it
  (another body's name: "World Economic Forum").

Words: `org_references` in the data file.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy
from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc

from newsgraph.actors.lexicon import Lexicon
from newsgraph.actors.mentions import Found

_LOOKBACK = 5     # sentences a reference may reach back over
_MAX_ADJ = 2      # words of a regional adjective ("West African")


def find_org_references(doc: Doc, found: list[Found], sent_of: list[int], lex: Lexicon) -> list[Found]:
    """New org mentions for regional collectives and back-references, not overlapping `found`."""
    if not lex.region_orgs and not lex.org_refs:
        return []
    orgs = [m for m in found if m.kind == "org" and m.code and not m.place]
    if not orgs:
        return []
    taken = {k for m in found for k in range(m.start, m.end)}
    # token arrays, not a Python loop over every token: only the few candidate words are looked at
    lower = doc.to_array(LOWER)
    heads = _positions(lower, lex.region_heads)
    refs = _positions(lower, lex.org_refs)
    out = [*_regional(doc, heads, orgs, sent_of, lex, taken), *_back_references(doc, refs, orgs, sent_of, lex, taken)]
    out += _short_names(doc, lower, orgs, taken)
    return sorted(out, key=lambda m: m.start)


def _positions(lower: numpy.ndarray, words: Iterable[str]) -> list[int]:
    ids = numpy.array([get_string_id(w) for w in words], dtype=numpy.uint64)
    return numpy.flatnonzero(numpy.isin(lower, ids)).tolist()


def _regional(doc: Doc, heads: list[int], orgs: list[Found], sent_of: list[int], lex: Lexicon,
              taken: set[int]) -> list[Found]:
    counts = Counter(m.code for m in orgs)
    ranked = counts.most_common(2)
    dominant = ranked[0][0] if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) \
        else None
    out = []
    for i in heads:
        if i in taken:
            continue
        # "West African foreign ministers": a portfolio word may stand between
        ends = (i, i - 1) if i > 0 and doc[i - 1].lower_ in lex.portfolios else (i,)
        start, code = next(((k - n, lex.region_orgs[doc[k - n:k].text]) for k in ends for n in range(_MAX_ADJ, 0, -1)
                            if k - n >= 0 and doc[k - n:k].text in lex.region_orgs), (None, None))
        if start is None or code is None or taken.intersection(range(start, i + 1)):
            continue
        here = {m.code for m in orgs if sent_of[m.start] == sent_of[i]}
        if code in here or code == dominant:
            out.append(Found(start, i + 1, code, "org", "region", "GOV"))
            taken.update(range(start, i + 1))
    return out


def _back_references(doc: Doc, refs: list[int], orgs: list[Found], sent_of: list[int], lex: Lexicon,
                     taken: set[int]) -> list[Found]:
    out = []
    for i in refs:
        if i == 0 or doc[i - 1].lower_ != "the" or i in taken:
            continue
        token = doc[i]
        if token.dep_ == "compound" or i + 1 < len(doc) and doc[i + 1].lower_ == "of":
            continue   # "the commission report", "the commission of inquiry": no reference
        need = lex.org_refs[token.lower_]
        for m in reversed(orgs):
            if m.end > i - 1 or sent_of[i] - sent_of[m.start] > _LOOKBACK:
                continue
            if m.sector == "REB" and token.lower_ != "alliance":
                continue   # "the bloc", "the organisation": states' bodies, never an armed group ("the Islamic State")
            if not need or need in doc[m.start:m.end].text.lower() or need in lex.actor_names.get(m.code, "").lower():
                out.append(Found(i, i + 1, m.code, "org", "refers", m.sector))
                break
            if sent_of[i] - sent_of[m.start] > _LOOKBACK:
                break
    return out


def _short_names(doc: Doc, lower: numpy.ndarray, orgs: list[Found], taken: set[int]) -> list[Found]:
    """"Forum Secretary General X" after "the Pacific Islands Forum": the title-case last word of a name of three
    words or more, named before, stands for the one organisation so named."""
    last: dict[str, set[str]] = {}
    first_at: dict[str, int] = {}
    for m in orgs:
        if m.end - m.start >= 3 and doc[m.end - 1].is_title:
            word = doc[m.end - 1].lower_
            last.setdefault(word, set()).add(m.code)
            first_at[word] = min(first_at.get(word, m.end), m.end)
    last = {w: c for w, c in last.items() if len(c) == 1}
    out = []
    for i in _positions(lower, last):
        token = doc[i]
        if i in taken or i < first_at[token.lower_] or not token.is_title:
            continue
        if i > 0 and (doc[i - 1].pos_ == "PROPN" or doc[i - 1].is_title and not doc[i - 1].is_sent_start) \
                or i + 1 < len(doc) and doc[i + 1].lower_ == "of":
            continue   # part of another name ("World Economic Forum", "Forum of Mayors")
        (code,) = last[token.lower_]
        out.append(Found(i, i + 1, code, "org", "short", "GOV"))
        taken.add(i)
    return out
