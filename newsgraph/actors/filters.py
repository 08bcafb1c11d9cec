"""Readings of a state's name that are not the state acting: datelines, teams in games, names of other bodies.

- a dateline ("CAIRO (Reuters) -", "NAIROBI, May 3 -", "Moscow:") is where the story was filed: a place;
- in a sentence about a game (a sport word, or a score such as "2-1" with a result verb) "England beat Australia"
  names teams, so the state's name gives no mention at all;
- inside a longer named body that is not the state's own ("Washington University", "USA Today", "Real Madrid"),
  told by a spaCy entity that reaches past the name over words that are neither institution nor party words
  (`entity_heads` in the data file keep "Bank of England", "Pakistan People's Party"), the name is no actor.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import LOWER, SENT_START
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from newsgraph.actors.lexicon import Lexicon

if TYPE_CHECKING:
    from newsgraph.actors.mentions import Found

DATELINE_PUNCT = frozenset({":", "-", "\u2013", "\u2014", ",", "("})
# other named bodies spaCy tags; a state's own institutions are ORG too, told apart by `entity_heads`
OTHER_BODY_LABELS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
_SCORE = re.compile(r"(?<![\d/.])\d{1,3}-\d{1,3}(?![\d/])")
_VOTES = ("vote", "voted", "votes", "ballot", "tally")


def sentence_index(doc: Doc) -> list[int]:
    """The sentence index of every token (token arrays: a Python loop over tokens costs more)."""
    starts = doc.to_array(SENT_START).astype(numpy.int64) == 1
    if len(doc):
        starts[0] = True
    return (numpy.cumsum(starts) - 1).tolist()


def is_dateline(doc: Doc, span: Span) -> bool:
    """A name opening a line in capitals ("CAIRO (Reuters) -") or followed by a colon or dash ("Moscow:")."""
    start, end = span.start, span.end
    at_line_start = start == 0 or "\n" in doc[start - 1].whitespace_ + doc[start - 1].text
    if not at_line_start or end >= len(doc):
        return False
    after = doc[end].text
    if after in {":", "-", "\u2013", "\u2014"}:
        return True
    return after in DATELINE_PUNCT and span.text.isupper() and len(span.text) > 3


def sport_sentences(doc: Doc, lex: Lexicon, sent_of: list[int]) -> frozenset[int] | None:
    """Indices of the sentences that report a game; None when the whole article is about games."""
    if not lex.sport_words and not lex.sport_verbs:
        return frozenset()
    lower = doc.to_array(LOWER)
    out = set()
    words = numpy.array([get_string_id(w) for w in lex.sport_words], dtype=numpy.uint64)
    for i in numpy.flatnonzero(numpy.isin(lower, words)).tolist():
        if doc[i].pos_ in {"NOUN", "PROPN"}:
            out.add(sent_of[i])
    verbs = numpy.array([get_string_id(w) for w in lex.sport_verbs], dtype=numpy.uint64)
    for i in numpy.flatnonzero(numpy.isin(lower, verbs)).tolist():
        sent = sent_of[i]
        if sent in out:
            continue
        text = doc[i].sent.text
        if _SCORE.search(text) and not any(v in text.lower() for v in _VOTES):
            out.add(sent)
    return None if len(out) >= lex.sport_article else frozenset(out)


def is_city(span: Span, lex: Lexicon) -> bool:
    """A capital as the city: "Paris's smog", "residents of Kabul"."""
    root = span.root
    if root.dep_ == "poss":
        return root.head.lemma_.lower() in lex.city_nouns or root.head.lower_ in lex.city_nouns
    head = root.head
    return root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in lex.city_nouns


def in_other_body(span: Span, lex: Lexicon, names: set[int]) -> bool:
    """The name lies inside a longer spaCy entity naming another body ("Washington University").

    `names` holds the tokens of other lexicon names, which may share the entity ("US-China Business Council"
    is still another body, but "Russia-Ukraine talks" is not a body at all).
    """
    doc = span.doc
    first = doc[span.start]
    if first.ent_type_ not in OTHER_BODY_LABELS or _title_of(span, lex):
        return False
    s = span.start
    while s > 0 and doc[s].ent_iob_ == "I":
        s -= 1
    e = span.end
    while e < len(doc) and doc[e].ent_iob_ == "I":
        e += 1
    if (s, e) == (span.start, span.end):
        return False
    for token in [*doc[s:span.start], *doc[span.end:e]]:
        if token.i in names or not token.is_alpha:
            continue
        if token.lower_ not in lex.entity_heads and token.is_title:
            return True
    return False


def _title_of(span: Span, lex: Lexicon) -> bool:
    """"President of Mongolia X", "Minister of the Kyrgyz Republic X": a state after a title's "of" is the title's
    state, though the model tagged it and the name after it as one body."""
    doc = span.doc
    k = span.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in lex.roles


def dominant_state(found: list[Found], sent_of: list[int], sent: int,
                   exclude: frozenset[str] = frozenset()) -> str | None:
    """The state the text around sentence `sent` is about: acting mentions in the article, those in the
    three sentences up to `sent` counting three times; the winner must lead the next by half as much again.
    States in `exclude` (a person's counterparts) do not take part."""
    counts: Counter[str] = Counter()
    for m in found:
        if m.kind == "state" and not m.place and m.code and m.code not in exclude:
            counts[m.code] += 3 if sent - 2 <= sent_of[m.start] <= sent else 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2:
        return None
    if len(ranked) > 1 and ranked[1][1] * 3 > ranked[0][1] * 2:
        return None
    return ranked[0][0]
