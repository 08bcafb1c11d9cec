"""Whom a host or a mediator met: the parties of the talks it hosted ("talks hosted by X", "a deal brokered by X",
"the talks were mediated by X and Y").

Hosting or mediating talks is a CONSULT with each party (CAMEO 04: host, mediate). In the passive, the verb's
subject is the talks, no actor; the parties are named by the talks themselves ("talks between A and B"), by the
clause the talks stand in ("A and B agreed to a ceasefire at talks hosted by X"), or, for talks named on their own
("The talks were mediated by X"), by the latest meeting or accord found just before.
"""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events.lexicon import Lexicon
from newsgraph.events.patterns import ActorIndex, actors_of, prep_objects, subject_tokens
from newsgraph.events.responses import Done
from newsgraph.model import Mention

WINDOW = 3   # sentences back for the talks a bare passive refers to
PARTY_TYPES = frozenset({"CONSULT", "AGREE"})
# What a host's talks may lead to, named on their parties before: the talks, the accord, the ceasefire.
EARLIER = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def hosted_parties(verb: Token, sources: list[Mention], index: ActorIndex, lex: Lexicon, sent: int,
                   done: list[Done]) -> list[Mention]:
    """The parties of the talks a passive host verb names, or [] when it is no such verb."""
    if verb.pos_ != "VERB" or lex.lemma(verb) not in lex.host_verbs:
        return []
    talks = _talks(verb, lex)
    if talks is None:
        return []
    own = {s.code for s in sources}
    found = [m for p in prep_objects(talks, ["between"]) for t in (p, *p.conjuncts) for m in actors_of(t, index)]
    clause = _governing(talks)
    while not found and clause is not None:
        # the first clause up with parties of its own ("signed an accord that commits ..., in a deal brokered by X")
        found = [m for s in subject_tokens(clause) for m in actors_of(s, index) if m.code not in own]
        up = clause.head if clause.dep_ in ("relcl", "xcomp", "ccomp", "advcl", "conj") else None
        if up is not None and clause.dep_ == "relcl" and up.dep_ in ("dobj", "nsubjpass") and up.head.pos_ == "VERB":
            up = up.head   # "signed an accord that commits ...": the accord's verb
        clause = up if up is not None and up.i != clause.i else None
    if not found and talks.dep_ in ("nsubjpass", "nsubj"):
        earlier = [d for d in done if d.type in EARLIER and 0 < sent - d.sent <= WINDOW and d.source.code not in own
                   and d.target not in own]
        if earlier:
            last = earlier[-1]
            found = [d.source for d in earlier if (d.sent, d.type) == (last.sent, last.type)]
    parties = {m.code: m for m in found if m.code and m.code not in own}
    return list(parties.values()) if len(parties) >= 2 else []


def _talks(verb: Token, lex: Lexicon) -> Token | None:
    """The talks a passive host verb is said of: "talks hosted by X", "talks hosted and mediated by X", "the talks
    were mediated by X"."""
    head = verb
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if not any(c.dep_ == "agent" for c in verb.children) and not any(c.dep_ == "agent" for c in head.children):
        return None
    if head.dep_ == "acl" and head.tag_ == "VBN":
        noun = head.head
    else:
        noun = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        inner = next((p for p in prep_objects(noun, ["of"]) if _meeting(p, lex)), None)
        noun = inner or noun   # "rounds of talks", "two months of talks"
    return noun if _meeting(noun, lex) else None


def _meeting(noun: Token, lex: Lexicon) -> bool:
    entries = lex.nouns.get(lex.lemma(noun), []) + lex.nouns.get(noun.lower_, [])
    return any(e.type in PARTY_TYPES for e in entries)


def _governing(noun: Token) -> Token | None:
    """The verb of the clause the talks stand in: "agreed ... at talks hosted by X", "signed ... in a deal brokered
    by X", "announced ..., after five days of talks hosted by X"."""
    tok = noun
    for _ in range(6):
        if tok.dep_ not in ("pobj", "prep") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None
