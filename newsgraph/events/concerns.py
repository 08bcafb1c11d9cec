"""Voiced concern as criticism: "X was seriously concerned by Y's drills", "X expressed concern over Y's arrests",
"X had serious concerns that Y's result ...". Diplomatic language for disapproval (CAMEO 11): an ACCUSE by the one
concerned, aimed at whoever the concern is about (named in its by/about/over phrase or its that-clause); with no one
named, events/responses.py takes the latest step that the phrase names, or the latest hostile one.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.events.lexicon import Lexicon
from newsgraph.events.patterns import OBJECTS, ActorIndex, actors_of, search_actors, subject_tokens
from newsgraph.events.roles import speaker_for_pronoun
from newsgraph.model import Mention

# What a concern is about: "concerned by", "concern over", "concerns about", "alarmed at".
ABOUT = frozenset({"by", "about", "over", "at", "regarding", "with"})
# Clauses that say what the concern is: "concerns that the result did not reflect ...".
CLAUSES = frozenset({"acl", "ccomp"})


def concern_words(token: Token, lex: Lexicon) -> bool:
    """A feeling adjective ("concerned", "alarmed"), or a concern noun voiced or had ("expressed concern")."""
    if token.pos_ in ("ADJ", "VERB") and token.lower_ in lex.concern_feelings:
        return token.pos_ == "ADJ" or any(c.dep_ == "auxpass" for c in token.children) or token.dep_ == "acomp"
    if token.pos_ == "NOUN" and lex.lemma(token) in lex.concern_nouns and token.dep_ in OBJECTS:
        return lex.lemma(token.head) in lex.concern_verbs
    return False


def concerned(token: Token, index: ActorIndex) -> list[Mention]:
    """Who is concerned: the subject of the feeling ("X was concerned"), or of the verb that voices the noun."""
    if token.pos_ == "NOUN":
        return [m for s in subject_tokens(token.head) for m in actors_of(s, index)]
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and token.dep_ == "acomp":
        subjects = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and token.dep_ == "conj":   # "said it had confidence in X and was concerned by Y"
        subjects = subject_tokens(token.head)
    # "X said it was concerned": an unresolved pronoun is the speaker
    return [m for s in subjects for m in actors_of(s, index)] or speaker_for_pronoun(subjects, token, index)


def about(token: Token, index: ActorIndex, own: set[str | None]) -> list[Mention]:
    """Whom the concern is about: actors in its about-phrase or that-clause (first found, breadth-first)."""
    phrases = concern_phrases(token)
    for child in phrases:
        found = [m for m in search_actors(child, index) if m.code not in own]
        if found:
            return found
    # "concern over the arrests in X": what happened in a state that no one is named for is laid at its door
    places = [m for c in phrases for t in c.subtree if (m := index.places.get(t.i)) is not None and m.code not in own]
    return places[:1]


def concern_phrases(token: Token) -> list[Token]:
    """ "by the drills", "over the arrests", "that the result ...": on the feeling, or on the noun and its verb."""
    heads = [token] + ([token.head] if token.pos_ == "NOUN" else [])
    return [c for h in heads for c in h.children
            if (c.dep_ in ("prep", "agent") and c.lower_ in ABOUT) or c.dep_ in CLAUSES]


def unnamed_concern(token: Token) -> bool:
    """A concern about nothing named, or about a definite act ("concerned by the use of water cannon"): about the
    latest hostile step, not about a topic ("concerned about inflation")."""
    phrases = [c for c in concern_phrases(token) if c.dep_ not in CLAUSES]
    return not concern_phrases(token) or any(d.dep_ == "det" and d.lower_ in ("the", "this", "these", "such")
                                             for c in phrases for p in c.children for d in p.children)


def concern_objects(token: Token) -> list[Token]:
    """The nouns a concern names ("by the drills", "over the arrests"), for a response to look back with."""
    return [p for c in concern_phrases(token) if c.dep_ not in CLAUSES for p in c.children if p.dep_ == "pobj"]


def concerns(sent: Span, lex: Lexicon, skip: set[int]) -> list[Token]:
    """The concern words of a sentence, outside the tokens already read and quotations."""
    return [t for t in sent if t.i not in skip and concern_words(t, lex)]
