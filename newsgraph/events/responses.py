"""Targets of responses that name no one: "Yerevan rejected that demand", "Guyana denied the charge".

A refusal or denial answers the latest demand, accusation or threat made to the one who refuses; a
condemnation of "the measures", "the attack" or "the operation" is aimed at whoever took the latest hostile step.
Both look back a few sentences over what the extractor has already found in the article.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.events.patterns import OBJECTS, REL_PRONOUNS
from newsgraph.model import Mention

WINDOW = 3   # sentences a response looks back
ANSWERED = {"REJECT": frozenset({"REQUEST", "ACCUSE", "THREATEN"})}
HOSTILE_STEPS = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "THREATEN"})
DEFINITE = frozenset({"the", "that", "this", "these", "those", "such"})


@dataclass(frozen=True, slots=True)
class Done:
    """One source-target pair already found in the article, as a response may refer back to it."""

    sent: int
    type: str
    source: Mention
    target: str


def answered(kind: str, token: Token, sources: list[Mention], sent: int, done: list[Done]) -> list[Mention]:
    """The actor a targetless REJECT or ACCUSE responds to, from the events found before it."""
    own = {s.code for s in sources}
    if kind == "REJECT":
        wanted = ANSWERED["REJECT"]
        pick = [d for d in done if d.type in wanted and d.target in own and d.source.code not in own]
    elif kind == "ACCUSE" and _refers_back(token):
        pick = [d for d in done if d.type in HOSTILE_STEPS and d.source.code not in own]
    else:
        return []
    pick = [d for d in pick if sent - d.sent <= WINDOW]
    if not pick:
        return []
    last = pick[-1]   # with every source of that step ("X and Y urged ...; Z declined the invitation")
    return list({d.source.code: d.source for d in pick if (d.sent, d.type) == (last.sent, last.type)}.values())


def _refers_back(verb: Token) -> bool:
    """ "condemned the measures", "a move X criticised": the object is a definite noun, not a name."""
    objects = [c for c in verb.children if c.dep_ in OBJECTS and c.lower_ not in REL_PRONOUNS]
    if verb.dep_ == "relcl" and not objects:
        return verb.head.pos_ == "NOUN"   # "a move the agency's chief criticised"
    return any(o.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in o.children)
               for o in objects)
