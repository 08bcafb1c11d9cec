"""Harm named as a noun, with its doer: 'X's offensive', 'Houthi attacks on shipping', 'the attacks by the group',
'Russian aggression'. News reports force and coercion as often in a noun phrase as in a verb; the events stage
reads the verbs, so the doer of a noun of harm would otherwise go unnoticed. Whom it was done to ('on shipping',
'against civilians', 'of Ukraine') is kept, so that force used on an armed group is weighed as such (tone/score.py)."""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.model import Mention
from newsgraph.tone.signals import _Signal, _Target

VICTIM_PREPS = ("on", "against", "of", "upon")


def harm_noun(head: Token) -> Token | None:
    """The noun of which the mention's head is the doer: its possessor, its modifier ('Houthi attacks', 'Russian
    aggression'), or the object of its 'by' ('attacks by the group')."""
    if head.dep_ in ("poss", "compound", "amod") and head.head.pos_ == "NOUN" and head.head.i > head.i:
        return head.head
    if head.dep_ == "pobj" and head.head.lower_ == "by" and head.head.head.pos_ == "NOUN":
        return head.head.head
    return None


def harmed(noun: Token, tokmap: dict[int, str], key: str) -> str | None:
    """The target harmed: one named in the noun's 'on', 'against' or 'of' ('the invasion of Ukraine')."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in VICTIM_PREPS:
            for tok in prep.subtree:
                if tokmap.get(tok.i, key) != key:
                    return tokmap[tok.i]
    return None


def nominal_harm(head: Token, m: Mention, target: _Target, tokmap: dict[int, str],
                 harms: dict[str, float]) -> None:
    """Add the signal of a noun of harm the target is the doer of (see the module's docstring)."""
    noun = harm_noun(head)
    if noun is None:
        return
    weight = harms.get(noun.lower_) or harms.get(noun.lemma_.lower())
    if not weight or any(c.dep_ == "neg" or c.lower_ in ("no", "alleged") for c in noun.children):
        return
    target.signals.append(_Signal(weight, m.sent, f"doer of '{noun.text}'", noun.idx,
                                  on=harmed(noun, tokmap, target.key)))
