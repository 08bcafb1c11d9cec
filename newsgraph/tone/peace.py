"""Cues of peacemaking, read from the parse: convening talks, appealing for calm, standing with another, words of
peace in one's own voice. PLOVER codes mediation and hosting as CONSULT and appeals as REQUEST, neither of them
warm in itself; news that shows an actor bringing parties together or calling for restraint portrays it well."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Span, Token

PEACE = Path(__file__).resolve().parent.parent / "data" / "tone_peace.yaml"
REQUESTS = ("dobj", "obj", "xcomp", "ccomp", "prep", "dative")   # where an appeal's content hangs
SKIP = ("relcl", "advcl", "acl")   # a clause about something else inside the request ("talks, which failed")


@dataclass(frozen=True, slots=True)
class Peace:
    convene: frozenset[str]
    meetings: frozenset[str]
    appeal: frozenset[str]
    calm: frozenset[str]
    stand: frozenset[str]
    beside: frozenset[str]
    conciliatory: frozenset[str]


@lru_cache(maxsize=2)
def load_peace(path: Path = PEACE) -> Peace:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Peace(*(frozenset(data[k]) for k in ("convene", "meetings", "appeal", "calm", "stand", "beside",
                                                "conciliatory")))


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children) or any(c.dep_ == "neg" for c in tok.head.children)


def _within(tok: Token):
    """The subtree of `tok` without the clauses that only describe something in it."""
    stack = [tok]
    while stack:
        t = stack.pop()
        yield t
        stack.extend(c for c in t.children if c.dep_ not in SKIP)


def convenes(verb: Token, peace: Peace) -> Token | None:
    """The meeting the subject of `verb` convenes: 'hosted the talks', 'chaired a summit', 'hosted X for a signing
    ceremony'; 'brought X and Y together' convenes X and Y."""
    lemma = _lemma(verb)
    if lemma == "bring" and any(c.lower_ == "together" or c.dep_ == "prep" and any(   # "together in Geneva"
            g.lower_ == "together" for g in c.children) for c in verb.children):
        return verb
    if lemma not in peace.convene:
        return None
    for c in verb.children:
        objs = [c] if c.dep_ in ("dobj", "obj") else [g for g in c.children if g.dep_ == "pobj"] if (
            c.dep_ == "prep" and c.lower_ == "for") else []
        for obj in objs:
            words = [obj] + [g for g in obj.children if g.dep_ in ("compound", "amod", "nmod")]
            if any(_lemma(w) in peace.meetings or w.lower_ in peace.meetings for w in words):
                return obj
    return None


def appeals_for_calm(verb: Token, peace: Peace) -> Token | None:
    """The word of calm in what the subject of `verb` asks for: 'urged citizens to maintain calm', 'called for
    restraint', 'appealed to both sides to refrain from violence'."""
    if _lemma(verb) not in peace.appeal or _negated(verb):
        return None
    for c in verb.children:
        if c.dep_ not in REQUESTS or c.dep_ == "prep" and c.lower_ not in ("for", "to", "on"):
            continue
        for tok in _within(c):
            if (_lemma(tok) in peace.calm or tok.lower_ in peace.calm) and not _negated(tok):
                return tok
    return None


def stands_with(verb: Token, peace: Peace) -> Token | None:
    """Whom the subject of `verb` stands with: 'stood with Poland', 'stands squarely behind Nicosia's call'."""
    if _lemma(verb) not in peace.stand or _negated(verb):
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in peace.beside:
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def conciliatory(span: Span, peace: Peace) -> Token | None:
    """A word of peace in one's own words, not negated ('as partners, not rivals'; not 'no dialogue')."""
    for tok in span:
        if (tok.lower_ in peace.conciliatory or _lemma(tok) in peace.conciliatory) and not _negated(tok) and not any(
                c.lower_ in ("no", "without") for c in tok.children):
            return tok
    return None
