"""An office named by its seat, whose state its holder gives: "Somalia's President X thanked Washington. In a
statement, the presidency said ...", "Foreign Minister X (of Y) spoke ... The ministry added ...".

A stateless institution ("the presidency", "the ministry", "the foreign ministry", "the foreign office") is the
office of the person named last, a few sentences back at most, whose title holds it: "president" for the
presidency and the president's office, "prime minister" for the prime minister's office, a minister (of the same
portfolio, when the phrase names one) or the ministry's own official for a ministry, a foreign minister or
secretary for the foreign office. That holder's state beats the weaker readings (dateline, dominant state) and
fills in where there was none; the venue, a body named again and the coup's junta stay first.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from newsgraph.actors.mentions import Found
from newsgraph.actors.persons import Context, PersonState

_SENTENCES = 3
_WEAK = ("institution+dateline", "institution+dominant")
_PRESIDENCY = frozenset({"presidency", "president's office", "presidential office", "president\u2019s office"})
_PM_OFFICE = frozenset({"prime minister's office", "prime minister\u2019s office"})
_SEATS = frozenset({"ministry", "office"})
_FILLERS = frozenset({"the", "of", "and", "for", "affairs", "ministry", "office"})


def by_holders(ctx: Context, candidates: list[Found], institutions: list[Found],
               persons: list[PersonState]) -> list[Found]:
    """The institutions with the holder rule applied: weak readings replaced, unresolved candidates added."""
    if not candidates or not persons:
        return institutions
    at = {m.start: m for m in institutions}
    out = list(institutions)
    for c in candidates:
        have = at.get(c.start)
        if have is not None and have.how not in _WEAK:
            continue
        code = _holder_state(ctx, c, persons)
        if code is None or have is not None and have.code == code:
            continue
        made = Found(c.start, c.end, code, "state", "institution+holder", c.sector)
        if have is not None:
            out[out.index(have)] = made
        else:
            out.append(made)
    return sorted(out, key=lambda m: m.start)


def _holder_state(ctx: Context, c: Found, persons: list[PersonState]) -> str | None:
    fits = _fits(ctx.doc, c)
    if fits is None:
        return None
    here = ctx.sent_of[c.start]
    best: tuple[int, str] | None = None
    for p in persons:
        if p.aff is None or not p.aff.actor or not p.aff.role or not fits(p.aff.role.lower().split()):
            continue
        for m in p.mentions:
            if m.end <= c.start and here - ctx.sent_of[m.start] <= _SENTENCES and (best is None or m.start > best[0]):
                best = (m.start, p.aff.actor)
    return best[1] if best else None


def _fits(doc: Doc, c: Found) -> Callable[[list[str]], bool] | None:
    """A test on a title's words: does its holder hold the office the phrase names? None for other phrases."""
    words = [t.lower_ for t in doc[c.start:c.end]]
    phrase = " ".join(words).replace(" 's", "'s").replace(" \u2019s", "\u2019s")
    if phrase in _PRESIDENCY:
        return lambda role: role[-1] == "president" and "vice" not in role
    if phrase in _PM_OFFICE:
        return lambda role: role[-2:] == ["prime", "minister"]
    seat = next((w for w in words if w in _SEATS), None)
    if seat is None:
        return None
    portfolio = [w for w in words if w not in _FILLERS]
    if seat == "office" and not portfolio:
        return None     # "the office": whose is not said

    def fits(role: list[str]) -> bool:
        if portfolio and not all(w in role for w in portfolio):
            return False
        if seat in role:
            return True   # "foreign ministry spokesperson": the ministry's own official
        holds = {"minister", "secretary"} if seat == "office" else {"minister"}
        return role[-1] in holds and "prime" not in role
    return fits
