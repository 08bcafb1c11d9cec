"""Parties read from what is said: a condition's subject, the one a that-clause prescribes to or charges, and who
refused, threatened or promised in a wrapper."""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events.lexicon import Lexicon
from newsgraph.events.patterns import ActorIndex, actors_in as _all, subject_tokens
from newsgraph.model import Mention

Actors = list[Mention]
CONDITIONS = frozenset({"unless", "if"})

def condition_subjects(token: Token, index: ActorIndex, exclude: frozenset[str | None] = frozenset()) -> Actors:
    """ "... unless Israel rescinded ...", "... if X goes ahead": the one a conditional threat is aimed at."""
    for tok in (token, *token.children):
        for clause in tok.children:
            if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in clause.children):
                found = _all([c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")], index)
                found = [m for m in found if m.code not in exclude]
                if found:
                    return found
    return []


def prescribed(speech: Token, index: ActorIndex, lex: Lexicon) -> tuple[Actors, Actors, str] | None:
    """ "X said that Y must ...": a demand (must) or appeal (should) from the speaker to Y."""
    for clause in speech.children:
        if clause.dep_ != "ccomp":
            continue
        modal = next((c.lower_ for c in clause.children if c.dep_ == "aux" and c.lower_ in lex.proposed), None)
        if modal is None:
            continue
        targets = _all([c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")], index)
        if targets:
            return _all(subject_tokens(speech), index), targets, "demand" if modal == "must" else "appeal"
    return None


def violators(speech: Token, index: ActorIndex, lex: Lexicon) -> tuple[Actors, Actors] | None:
    """ "X said that Y's decision breaches the treaty": an accusation from the speaker to Y."""
    for clause in speech.children:
        if clause.dep_ == "ccomp" and lex.lemma(clause) in lex.violation_verbs:
            # "poss": the small model reads "X's quota breaches" as one noun phrase
            targets = _all([c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "poss")], index)
            if targets:
                return _all(subject_tokens(speech), index), targets
    return None


def wrapper_roles(head: Token, index: ActorIndex, lex: Lexicon) -> Actors:
    """Sources of a wrapped event: who refused, threatened or promised."""
    if head.pos_ == "NOUN":
        owners = [c for c in head.children if c.dep_ == "poss"]
        if owners:
            return _all(owners, index)
        if lex.lemma(head.head) in lex.light_verbs:
            return _all(subject_tokens(head.head), index)
    return _all(subject_tokens(head), index)


