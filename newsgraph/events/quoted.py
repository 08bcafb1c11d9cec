"""Speech acts inside direct quotations: what a quoted speaker does by speaking.

Events told inside a quotation are the speaker's claims and are not read. Two kinds of quoted words are acts
of the speaker, though: a performative in the first person ("We urge X to ...", "I condemn ...") and a
conditional response ("If X sends warships, we will respond firmly"), which is a threat. Their source is the
actor of the one the sentence says spoke ("..., Liu said"), or the actor named as subject ("China will ...").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsgraph.events.lexicon import Lexicon
from newsgraph.events.patterns import ActorIndex, actors_of, subject_tokens
from newsgraph.events.roles import verb_roles
from newsgraph.events.said import condition_subjects
from newsgraph.events.triggers import Trigger, match_token
from newsgraph.model import Mention

FIRST_PERSON = frozenset({"we", "i"})
PRESENT = frozenset({"VBP", "VBZ"})
# What one does by saying it: urging, condemning, rejecting, backing, warning.
PERFORMATIVE = frozenset({"REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN"})
FUTURE = frozenset({"will", "shall", "'ll", "would"})


@dataclass(frozen=True, slots=True)
class QuotedAct:
    """A speech act read inside a quotation."""

    token: Token
    type: str
    mode: str | None
    sources: list[Mention]
    targets: list[Mention]
    rule: str
    speech: Token | None


def _speaker(sent: Span, quoted: frozenset[int], index: ActorIndex, lex: Lexicon) -> tuple[Token, list[Mention]] | None:
    """The verb of saying outside the quotation and the actors of its subject ("..., the minister said")."""
    for token in sent:
        if token.i in quoted or token.pos_ != "VERB" or lex.lemma(token) not in lex.speech_verbs:
            continue
        found = [m for s in subject_tokens(token) for m in actors_of(s, index)]
        if found:
            return token, found
    return None


def _sources(verb: Token, speakers: list[Mention], index: ActorIndex) -> list[Mention]:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return []
    if subjects[0].lower_ in FIRST_PERSON:
        return speakers
    return actors_of(subjects[0], index)


def quoted_acts(sent: Span, index: ActorIndex, quoted: frozenset[int], lex: Lexicon) -> list[QuotedAct]:
    """Performatives and conditional responses inside the sentence's direct quotations."""
    if not any(t.i in quoted for t in sent):
        return []
    speech, speakers = _speaker(sent, quoted, index, lex) or (None, [])
    found = []
    for verb in sent:
        if verb.i not in quoted or verb.pos_ != "VERB":
            continue
        sources = _sources(verb, speakers, index)
        if not sources:
            continue
        auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        negated = any(c.dep_ == "neg" for c in verb.children)
        entry = match_token(verb, lex, index)
        if auxes & FUTURE and not negated and (lex.lemma(verb) in lex.response_verbs
                                               or (entry is not None and not lex.is_coop(entry.type))):
            targets = condition_subjects(verb, index, frozenset(s.code for s in sources))
            if targets:
                found.append(QuotedAct(verb, "THREATEN", None, sources, targets, "quoted-if", speech))
                continue
        if (entry is not None and entry.type in PERFORMATIVE and verb.tag_ in PRESENT and not auxes
                and not negated and _first_person(verb)):
            _, targets, rule = verb_roles(Trigger(verb, entry), index, lex)
            if targets:
                found.append(QuotedAct(verb, entry.type, entry.mode, sources, targets, f"quoted-{rule}", speech))
    return found


def _first_person(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in verb.children)
