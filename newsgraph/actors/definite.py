"""States named by a definite description rather than a name.

- "the kingdom": the monarchy named last in the article (a state whose official name is a kingdom, from
  pycountry), `how` "definite";
- "the country", "the nation": the state that is the main subject of the sentence (before the description) or of
  the sentence before, else the state the text around is about (`dominant_state`); never the subject of its own
  clause ("X accused the country of ..." is never X); `how` "definite";
- "his country", "her government", "their nation": the state of the one who says the clause ("the Canadian
  leader said his government ..."), else of the person the pronoun stands for, else of the person named last, in
  the sentence or the one before (`how` "definite+person").

Only a bare description is read: "the neighbouring country", "the country director", "the nation's capital city"
keep no mention when a word stands between (a modifier) or after (a compound); "the country of origin" neither.
A description after a preposition of place or a verb of moving ("in the country", "left the country") is where
something happens, not an actor, and gives no mention.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

import pycountry
from spacy.tokens import Token

from newsgraph.actors.filters import dominant_state
from newsgraph.actors.mentions import Found
from newsgraph.actors.persons import Context

_STATE_WORDS = frozenset({"country", "nation"})
_OWNED_WORDS = frozenset({"country", "nation", "government"})
_PERSON_DETS = frozenset({"his", "her", "their"})
_PLACE_PREPS = frozenset({"in", "into", "inside", "within", "across", "throughout", "outside", "to", "from",
                          "around", "out", "through", "over", "at", "near"})
_MOVES = frozenset({"leave", "enter", "visit", "flee", "reach", "exit", "quit", "tour", "cross", "return"})
_PARTS = ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos")


@lru_cache(maxsize=1)
def kingdoms() -> frozenset[str]:
    """The states whose official name is a kingdom ("Kingdom of Bahrain", "United Kingdom of ...")."""
    return frozenset(c.alpha_3 for c in pycountry.countries if "Kingdom" in getattr(c, "official_name", c.name))


def definite_states(ctx: Context, persons: list[Found], taken: set[int]) -> list[Found]:
    """New state mentions for the descriptions above, none over `taken` tokens."""
    out = []
    owner = {m.start: m for m in persons if m.end == m.start + 1}   # "his" read as a person's pronoun
    for i in ctx.positions(_OWNED_WORDS | {"kingdom"}):
        token = ctx.doc[i]
        det = ctx.doc[i - 1].lower_ if i else ""
        pronoun = owner.get(i - 1) if det in _PERSON_DETS else None
        if i == 0 or i in taken or i - 1 in taken and pronoun is None or not _bare(ctx, i):
            continue
        code, how = None, "definite"
        if det in _PERSON_DETS and token.lower_ in _OWNED_WORDS:
            code = _sayer_state(ctx, i) or (pronoun.code if pronoun is not None else _person_state(ctx, persons, i))
            how = "definite+person"
        elif det == "the" and token.lower_ == "kingdom":
            code = _last_kingdom(ctx, i)
        elif det == "the" and token.lower_ in _STATE_WORDS:
            code = _salient_state(ctx, i)
        if code:
            out.append(Found(i if pronoun is not None else i - 1, i + 1, code, "state", how, "GOV"))
    return out


def _bare(ctx: Context, i: int) -> bool:
    """The word heads its phrase right after the determiner, and stands where an actor stands."""
    doc = ctx.doc
    token = doc[i]
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in _PARTS:   # "the Kingdom's": a house style
        return False
    if i + 1 < len(doc) and (doc[i + 1].pos_ in ("NOUN", "PROPN") or doc[i + 1].lower_ == "of"):
        return False
    head = token.head
    if token.dep_ == "poss":   # "in the country's northwest": where, as the place phrase it opens
        token, head = head, head.head
    if token.dep_ == "pobj" and head.lower_ in _PLACE_PREPS:
        return False
    return not (token.dep_ == "dobj" and head.lemma_ in _MOVES)


def _salient_state(ctx: Context, i: int) -> str | None:
    """The state that is the main subject of the description's sentence, before it ("Cuba blamed X, saying the
    country's plants ..."), else of the sentence before, else the one the text around is about; never the
    subject of the description's own clause."""
    other = _own_subject(ctx, i)
    here = ctx.sent_of[i]
    for sent in (here, here - 1):
        code = _main_subject(ctx, sent, i)
        if code is not None and code not in other:
            return code
    return dominant_state(ctx.found, ctx.sent_of, here, other)


def _main_subject(ctx: Context, sent: int, before: int) -> str | None:
    if sent < 0:
        return None
    root = ctx.doc[bisect_left(ctx.sent_of, sent)].sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < before), None)
    if subj is None:
        return None
    return _state_in(ctx, subj)


def _state_in(ctx: Context, subj: Token) -> str | None:
    """The state a subject phrase names, or the state of the body it is ("the presidency called on ...")."""
    bodies = {k: m for m in ctx.bodies for k in range(m.start, m.end)}
    for k in range(subj.left_edge.i, subj.i + 1):
        m = ctx.mention_at.get(k) or bodies.get(k)
        if m is not None and m.kind == "state" and m.code and not m.place:
            return m.code
    return None


def _sayer_state(ctx: Context, i: int) -> str | None:
    """"The Canadian leader said his government ...": the state of the one who says the clause "his" is in."""
    verb = ctx.doc[i].head
    while verb.dep_ not in ("ccomp", "ROOT") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "ccomp" or verb.head.pos_ != "VERB":
        return None
    subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return _state_in(ctx, subj) if subj is not None else None


def _last_kingdom(ctx: Context, i: int) -> str | None:
    names = kingdoms()
    before = [m for m in ctx.found if m.end <= i and m.kind == "state" and m.code in names]   # a place too
    return before[-1].code if before else None


def _own_subject(ctx: Context, i: int) -> frozenset[str]:
    """The state that is the subject of the description's own clause, or the phrase it is joined to ("between
    Pentagon officials and the country's rulers"): it is not the description's referent."""
    verb = ctx.doc[i].head
    joined = verb.head if verb.dep_ == "conj" else ctx.doc[i].head if ctx.doc[i].dep_ == "conj" else None
    if joined is not None and joined.i in ctx.mention_at and ctx.mention_at[joined.i].code:
        return frozenset({ctx.mention_at[joined.i].code})
    while verb.dep_ in ("prep", "pobj", "dobj", "conj", "poss") and verb.head.i != verb.i:
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i == i:
        return frozenset()
    m = ctx.mention_at.get(subj.i)
    return frozenset({m.code}) if m is not None and m.code else frozenset()


def _person_state(ctx: Context, persons: list[Found], i: int) -> str | None:
    here = ctx.sent_of[i]
    before = [m for m in persons if m.end <= i and m.code and here - ctx.sent_of[m.start] <= 1]
    return before[-1].code if before else None
