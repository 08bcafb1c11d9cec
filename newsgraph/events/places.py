"""Places as parties: where a domestic event happened, and the people named by where they are."""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events.patterns import ActorIndex, direct_objects, prep_objects, subject_tokens
from newsgraph.model import Mention

Actors = list[Mention]
PLACE_PREPS = ("in", "into", "across", "inside", "near", "throughout", "within", "at")

# Where a place may hang off the first place phrase: "positions in northern X", "the border with X".
NESTED_PREPS = PLACE_PREPS + ("of", "with", "along", "around", "off")

def place_targets(token: Token, index: ActorIndex, extra: tuple[str, ...] = ()) -> Actors:
    """Places where the event happened ("lifted a curfew in X"): a target for domestic events."""
    found: Actors = []
    heads = [token, *direct_objects(token)]
    pobjs = [p for h in heads for p in prep_objects(h, PLACE_PREPS + ("to", "toward", "towards", "along", "on") + extra)]
    # "assistance for flood-hit villages in X": whom a noun event is for, where they are
    pobjs += [p for p in prep_objects(token, ["for"]) if token.pos_ == "NOUN"]
    pobjs += [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in extra
              for p in prep_objects(c, ["of"])]   # "outside of the city of X"
    nested = [p for pobj in pobjs for p in prep_objects(pobj, NESTED_PREPS + ("for",))]
    # "30 million euros in aid for flood victims in X": two phrases down
    pobjs += nested + [p for pobj in nested for p in prep_objects(pobj, NESTED_PREPS)]
    for pobj in pobjs:
        for tok in (pobj, *pobj.conjuncts, *(c for c in pobj.children if c.dep_ in ("compound", "amod", "poss"))):
            mention = index.places.get(tok.i) or index.acting.get(tok.i)
            if mention is not None and mention not in found:
                found.append(mention)
    return found


def named_places(tokens: list[Token], index: ActorIndex) -> Actors:
    """Place mentions that are these very tokens (a capital or state as the object), not places below them."""
    return list(dict.fromkeys(m for t in tokens for tok in (t, *t.conjuncts) if (m := index.places.get(tok.i))))


def place_sources(token: Token, index: ActorIndex) -> Actors:
    """People named by where they are ("students throughout X staged protests")."""
    found: Actors = []
    for subject in subject_tokens(token):
        for tok in subject.subtree:
            mention = index.places.get(tok.i)
            if mention is not None and tok.head.lower_ in PLACE_PREPS + ("of", "from") and mention not in found:
                found.append(mention)
    return found


