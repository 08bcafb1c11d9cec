"""Who employs a title's holder when no state is written with the title: a state's own body that names none
("director of the National Bureau of Investigation", "a senior central bank official", "Its director" after a
national office), or a company, union or other named body that is no state's ("vice president of engineering at
Northstar Rockets"), which bars any guess of a state.
"""
from __future__ import annotations

from newsgraph.actors.context import Context

# prepositions that name where a title is held ("vice president of X", "an engineer at X")
_EMPLOYER_PREPS = frozenset({"of", "at", "for", "with"})
_MAX_EMPLOYER = 12


def private_employer(ctx: Context, k: int) -> bool:
    """"vice president of engineering at Northstar Rockets", "president of the farmers' union": a title held in a
    named or private body that is no state's (companies, unions, universities), so no state may be guessed."""
    doc = ctx.doc
    lex = ctx.lex
    for i in range(k, min(k + _MAX_EMPLOYER, len(doc))):
        token = doc[i]
        if token.is_punct and token.text not in {"-", "'", "\u2019"} or token.pos_ in {"VERB", "AUX"}:
            return False
        if token.lower_ not in _EMPLOYER_PREPS:
            continue
        pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        m = ctx.mention_at.get(pobj.i)
        if m is not None and m.code or pobj.i in ctx.blocked:
            return False      # "of the Colombian army", "of Ghana", "for the Horn of Africa"
        words = {t.lower_ for t in pobj.subtree}
        if words & lex.public_bodies:
            return False      # "of the Senate", "of Police", "of the ruling party"
        if pobj.pos_ == "PROPN" or pobj.lower_ in lex.private_bodies:
            return True
    return False


_NATIONAL_WORDS = frozenset({"National", "Ministry", "Department", "State", "Federal"})   # "State Committee for ..."


def national_employer(ctx: Context, k: int) -> bool:
    """"director of the National Bureau of Investigation", "an official of the Ministry of Energy and Mines": a
    title held "of/at/in" a state's own body that names no state (a national body or a ministry)."""
    doc = ctx.doc
    # the title may have run over the body's first word ("director of the National" before "Bureau")
    for i in range(k, max(k - 4, 0), -1):
        if i < len(doc) and doc[i].lower_ in {"of", "at", "in"}:
            j = i + 1 + (i + 1 < len(doc) and doc[i + 1].lower_ == "the")
            if not (j + 1 < len(doc) and _national_word(ctx, j)):
                return False
            # "the Ministry of Defence of Japan": a state in the name is the employer, not the home state
            end = next((t.i for t in doc[j:j + _MAX_EMPLOYER] if t.is_punct), min(j + _MAX_EMPLOYER, len(doc)))
            return not any((m := ctx.mention_at.get(t)) is not None and m.code and m.kind == "state"
                           and not m.how.startswith("institution") for t in range(j, end))
    return False


def _national_word(ctx: Context, j: int) -> bool:
    """"National" or "Ministry" opening a proper name that no state or organisation of the lexicon owns."""
    m = ctx.mention_at.get(j)
    nxt = j + 1 + (j + 2 < len(ctx.doc) and ctx.doc[j + 1].lower_ == "of")   # "Ministry of Energy"
    # a stateless institution the evidence coded ("the Ministry of Energy" -> the dominant state) counts too
    return ctx.doc[j].text in _NATIONAL_WORDS and ctx.doc[nxt].text[:1].isupper() \
        and (m is None or not m.code or m.how.startswith("institution"))


def national_body_before(ctx: Context, i: int) -> bool:
    """"Officials at the National Disaster Management Office ... Its director, X": a national body with no state
    word named in the sentence before or earlier in this one (the state's own office)."""
    here = ctx.sent_of[i]
    k = i - 1
    while k > 0 and ctx.sent_of[k] >= here - 1:
        if _national_word(ctx, k):
            return True
        k -= 1
    return False


def home_body_before(ctx: Context, start: int) -> bool:
    """"a senior central bank official", "a former police officer": a state's own body, with no state written,
    right before the title."""
    doc = ctx.doc
    words = []
    k = start - 1
    while k >= 0 and start - k <= 2 and doc[k].is_lower and doc[k].is_alpha and k not in ctx.mention_at:
        words.insert(0, doc[k].lower_)
        k -= 1
    return any(" ".join(words[i:]) in ctx.lex.home_bodies for i in range(len(words)))
