"""How readings of one sentence combine: a protest and the clause that gives its aim ("rallied to denounce X"), an
attack told in two clauses ("killed 30 people when they blew themselves up in X")."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.tokens import Token

from newsgraph.events.patterns import OBJECTS, actors_of, subject_tokens
from newsgraph.events.roles import MATERIAL_CONFLICT

# What a protest's purpose clause may say it is for ("rallied to denounce X", "marched demanding X's exit").
AIMS = frozenset({"REQUEST", "ACCUSE"})
# "at the request of X", "upon X's invitation": the act was asked for.
AT = frozenset({"at", "on", "upon"})
# Clauses that give the moment of an act ("..., when they blew themselves up in X").
MOMENTS = frozenset({"as", "after", "when", "since", "because", "once", "while"})


def anchor(item: Any) -> Token:
    """The verb of a reading: the trigger verb, or the light verb a noun event is the object of."""
    token = item.token
    if token.pos_ != "VERB" and token.dep_ in OBJECTS and token.head.pos_ == "VERB":
        return token.head
    return token


def protest_aims(found: list) -> list:
    """ "staged demonstrations to demand reforms", "rallied in X to denounce Y": what a protest demands or denounces
    is the protest's aim (PLOVER PROTEST: demonstrating for a demand or against someone), not an act of its own;
    a protest aimed at no one else is aimed at whom its aim names."""
    protests = {}
    for f in found:
        if f.type == "PROTEST":
            protests.setdefault(anchor(f).i, f)
            protests.setdefault(f.token.i, f)
    out, aimed = [], {}
    for f in found:
        protest = protests.get(f.token.head.i)
        if (protest is not None and f.type in AIMS and f.token.pos_ == "VERB" and f.token.dep_ in ("advcl", "xcomp")
                and not f.modality.negated):
            own = {s.code for s in protest.sources}
            foreign = [t for t in f.targets if t.code not in own]
            if foreign and all(t.code in own for t in protest.targets):
                aimed[id(protest)] = foreign
            continue
        out.append(f)
    return [replace(f, targets=aimed[id(f)], rule=f.rule + "+aim") if id(f) in aimed else f for f in out]


def one_strike(found: list) -> list:
    """ "bombers killed 23 people when they blew themselves up in X": one attack told in two clauses, the doer in
    one, where it struck in the clause of its moment; the doer's reading takes the other's targets."""
    out = []
    for item in found:
        if item.type in MATERIAL_CONFLICT and item.sources and not item.targets:
            own = {s.code for s in item.sources}
            moment = {t.i for c in item.token.children if c.dep_ == "advcl"
                      and any(k.lower_ in MOMENTS for k in c.children if k.dep_ in ("advmod", "mark"))
                      for t in c.subtree}
            donor = next((f for f in found if f.type == item.type and not f.sources and f.token.i in moment
                          and any(t.code not in own for t in f.targets)), None)
            if donor is not None:
                item = replace(item, targets=[t for t in donor.targets if t.code not in own], rule=item.rule + "+moment")
        out.append(item)
    return out


def at_request(found: list, index: Any) -> list:
    """ "deployed troops to X at the request of Y", "visited X at Y's invitation": Y asked whoever acts (PLOVER
    REQUEST), whatever the noun's own parse gave."""
    out = []
    for item in found:
        noun = item.token
        prep = noun.head
        if (item.type == "REQUEST" and noun.pos_ == "NOUN" and noun.dep_ == "pobj" and prep.lower_ in AT
                and prep.head.pos_ in ("VERB", "AUX")):
            askers = [m for c in noun.children if c.dep_ == "poss" for m in actors_of(c, index)]
            askers += [m for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj" for m in actors_of(p, index)]
            own = {m.code for m in askers}
            asked = [m for s in subject_tokens(prep.head) for m in actors_of(s, index) if m.code not in own]
            if askers and asked:
                item = replace(item, sources=askers, targets=asked, rule="at-request",
                               modality=replace(item.modality, modality="asserted", negated=False))
        out.append(item)
    return out
