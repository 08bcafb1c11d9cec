"""Readings the PLOVER codebook does not count as acts, caught after a trigger matched.

Each guard comes from a definition, not from a sentence: an event noun the text says did not happen or has not
happened yet ("no talks were held", "the planned summit"); a standing relation that no one made or cut ("ties
between X and Y"); an attempt that asks no one ("sought to balance relations"); a phone call that is a naming
("called the treatment unacceptable"); and a state named only as the side of a border a place is near ("killed
soldiers near the border with X": the victims were not in X).
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from newsgraph.events.lexicon import Lexicon
from newsgraph.events.modality import Modality, _negated
from newsgraph.events.patterns import ActorIndex, direct_objects
from newsgraph.events.triggers import Trigger
from newsgraph.model import Mention

# Where a border phrase sits says nothing about who was hit there; a force posture along it is aimed across it,
# and a withdrawal from it or a threat over it names the neighbour on purpose.
BORDER_BLIND = frozenset({"MOBILIZE", "RETREAT", "THREATEN"})
# Words before "of" that take a part of what follows ("eased some of its sanctions").
PARTITIVES = frozenset({"some", "part", "parts", "most", "all", "many", "several", "much", "half", "rest", "bulk",
                        "majority", "portion", "one"})


def noun_modality(trigger: Trigger, modality: Modality, lex: Lexicon) -> Modality:
    """A noun event the phrase itself leaves unreal: "no talks", "any apology", "the planned summit", "the summit
    never took place", "a summit is expected"."""
    if modality.negated or modality.modality != "asserted" or trigger.entry.pos != "noun":
        return modality
    for noun in {trigger.token, trigger.phrase}:
        for child in noun.children:
            if child.dep_ == "det" and child.lower_ == "no":
                return replace(modality, negated=True)
            if child.dep_ == "det" and child.lower_ in lex.unrealised_determiners:
                return replace(modality, modality="hypothetical")
            if child.dep_ in ("amod", "compound") and child.lower_ in lex.unrealised_modifiers:
                return replace(modality, modality="hypothetical")
        head = noun.head
        if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            if lex.lemma(head) in lex.occurrence_verbs and _negated(head):
                return replace(modality, negated=True)   # "the summit never took place", "was not held"
            if noun.dep_ == "nsubjpass" and lex.lemma(head) in lex.scheduling:
                return replace(modality, modality="future")   # "a summit is expected in Washington"
    return modality


def standing_relation(trigger: Trigger, lex: Lexicon) -> bool:
    """ "strained ties between X and Y", "given the depth of ties", "X's close ties with Y": a relation that is, not
    one made, restored or cut (those are the verbs' own events)."""
    noun = trigger.token
    if trigger.entry.pos != "noun" or trigger.entry.type != "COOPERATE" or lex.lemma(noun) not in lex.relation_nouns:
        return False
    if any(c.dep_ == "amod" and lex.lemma(c) in lex.relation_makers for c in noun.children):
        return False   # "newly restored ties"
    gov = noun.head
    if noun.dep_ == "pobj" and gov.dep_ == "prep":
        gov = gov.head   # "the restoration of diplomatic ties"
    return gov.i == noun.i or lex.lemma(gov) not in lex.relation_makers


def attempt(trigger: Trigger, lex: Lexicon) -> bool:
    """ "sought to balance relations with X": seeking to do something is trying it, not asking anyone."""
    token = trigger.token
    return (trigger.entry.type == "REQUEST" and trigger.entry.pos == "verb" and lex.lemma(token) in lex.attempt_verbs
            and any(c.dep_ == "xcomp" for c in token.children))


def naming_call(trigger: Trigger, index: ActorIndex, lex: Lexicon) -> bool:
    """ "called the treatment of refugees 'unacceptable'", "received with surprise the 'offensive tone' of X": a call
    made to, or a reception of, a thing is a naming or a reading, no meeting; one meets a person, a state or a
    pronoun for them."""
    token = trigger.token
    if trigger.entry.type != "CONSULT" or trigger.entry.pos != "verb" or lex.lemma(token) not in lex.party_object_verbs:
        return False
    objects = direct_objects(token)
    return bool(objects) and not any(o.pos_ in ("PROPN", "PRON") or o.i in index.acting or o.i in index.places
                                     or lex.lemma(o) in lex.group_nouns for o in objects)


def beside_border(target: Mention, doc: Doc, type_: str, lex: Lexicon) -> bool:
    """The target is only the far side of a border the event happened near ("near the border with X", "close to
    the X border", "near the Libyan and Algerian borders")."""
    if type_ in BORDER_BLIND or target.tok_end <= target.tok_start:
        return False
    tok = _mention_head(doc, target)
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    border: Token | None = None
    if tok.dep_ in ("amod", "compound", "nmod", "poss") and lex.lemma(tok.head) in lex.border_nouns:
        border = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "with" and lex.lemma(tok.head.head) in lex.border_nouns:
        border = tok.head.head
    if border is None or border.dep_ != "pobj":
        return False
    prep = border.head
    if prep.lower_ == "to" and prep.head.lower_ in lex.border_preps:   # "close to the border"
        return True
    return prep.lower_ in lex.border_preps


def partitive(noun: Token) -> Token:
    """ "some of its sanctions" -> "some": the word a partitive hangs the noun on, or the noun."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i != prep.i and prep.head.lower_ in PARTITIVES:
        return prep.head
    return noun


def _mention_head(doc: Doc, mention: Mention) -> Token:
    span = doc[mention.tok_start:mention.tok_end]
    return next((t for t in span if not (mention.tok_start <= t.head.i < mention.tok_end) or t.head.i == t.i),
                span[-1])


def origin_word(mention: Mention, doc: Doc) -> bool:
    """The mention only modifies a noun that names no actor ("U.S. law", "Indian customs stations"): a word of
    origin, not a party."""
    head = doc[mention.tok_end - 1]
    if mention.tok_start <= head.head.i < mention.tok_end:
        return False
    demonym = ("demonym" in mention.how and head.dep_ in ("amod", "compound", "nmod")
               and head.head.pos_ in ("NOUN", "PROPN"))
    name = mention.how == "alias" and head.dep_ == "compound" and head.head.pos_ == "NOUN"
    return demonym or name
