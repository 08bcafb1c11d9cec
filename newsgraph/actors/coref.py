"""Within-article coreference: later names, titles and pronouns that point back to a person.

Simple, explainable rules: a surname or part of a name joins the person whose full name holds it; "the minister"
goes to the most recent person whose role ends in that word; "he"/"she" go to the most salient person (the first
named in the latest sentence that names anyone) in the same or the previous paragraph, with the gender the text gave.
States the text does not give are filled afterwards (`newsgraph.actors.fill`).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import numpy
from spacy.attrs import IDX
from spacy.tokens import Doc

from newsgraph.actors.fill import KnownPersons, fill_states, in_office
from newsgraph.actors.mentions import Found
from newsgraph.actors.names import SUFFIXES
from newsgraph.actors.persons import Affiliation, Context, PersonState, affiliation
from newsgraph.actors.roles import Role, role_head

__all__ = ["KnownPersons", "PRONOUNS", "resolve_persons"]

PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
# a title referring back to a person needs "the" before it and a role held by someone ("the minister said")
TITLE_DETERMINERS = frozenset({"the"})
_NEWLINE = re.compile("\n+")


def resolve_persons(ctx: Context, roles: list[Role], names: list[tuple[int, int]], known: KnownPersons,
                    role_aliases: dict[str, str]) -> tuple[list[PersonState], list[Found]]:
    """Group name occurrences into persons, find their affiliations, and resolve titles and pronouns."""
    doc = ctx.doc
    para_of = _paragraphs(doc, ctx.text)
    name_starts = {s for s, _ in names}
    items: list[tuple[int, int, str]] = [(s, e, "name") for s, e in names]
    for r in roles:
        if r.start > 0 and doc[r.start - 1].lower_ in TITLE_DETERMINERS and r.end not in name_starts \
                and (r.end >= len(doc) or doc[r.end].text != ","):
            items.append((r.start - 1, r.end, "title"))
    items += [(i, i + 1, "pron") for i in ctx.positions(PRONOUNS) if doc[i].pos_ == "PRON"]
    items.sort()
    persons: list[PersonState] = []
    out: list[Found] = []
    fulls = _full_surnames(doc, names)
    offices: dict[tuple[int, str], str | None] = {}
    for s, e, what in items:
        if what == "name":
            p = _add_name(ctx, persons, s, e, known, role_aliases, fulls)
            how = "name"
        elif what == "title":
            title = doc[s + 1:e].text.lower()
            p = _by_title(persons, role_aliases.get(title, title), ctx.lex.generic_titles.get(title),
                          lambda q: _office_now(ctx, q, offices))
            how = "title"
        else:
            p = _by_pronoun(ctx, persons, s, PRONOUNS[doc[s].lower_], para_of)
            how = "pronoun"
        if p is None:
            continue
        m = Found(s, e, None, "person", how, person=p.name)
        p.mentions.append(m)
        p.last_tok = s
        out.append(m)
    fill_states(ctx, persons, known)
    return persons, out


def _full_surnames(doc: Doc, names: list[tuple[int, int]]) -> frozenset[str]:
    """Surnames that exactly one full name in the article ends with: a bare surname before it is that person."""
    fulls: dict[str, set[str]] = {}
    for s, e in names:
        if e - s >= 2:
            fulls.setdefault(doc[e - 1].lower_, set()).add(doc[s:e].text.lower())
    return frozenset(k for k, v in fulls.items() if len(v) == 1)


def _add_name(ctx: Context, persons: list[PersonState], s: int, e: int, known: KnownPersons,
              role_aliases: dict[str, str], fulls: frozenset[str]) -> PersonState | None:
    doc = ctx.doc
    honorific = ctx.lex.honorifics.get(doc[s - 1].lower_, "") if s > 0 else ""
    tokens = tuple(t.text for t in doc[s:e] if t.is_alpha and t.text not in SUFFIXES)   # "Jr" is no surname
    if not tokens:
        return None
    lower = {t.lower() for t in tokens}
    match = None
    for p in sorted(persons, key=lambda p: -p.last_tok):
        if len(p.tokens) == 1 and len(tokens) >= 2 and tokens[-1].lower() not in fulls:
            continue   # "Vice President Biden" is not "Hunter Biden" when two full names share the surname
        plower = {t.lower() for t in p.tokens}
        if (lower <= plower or plower <= lower) and (tokens[-1].lower() == p.surname or len(tokens) == 1
                                                     or len(p.tokens) == 1):
            match = p
            break
    last = _last_affiliation(persons)
    aff = affiliation(ctx, s, e, last, role_aliases)
    if aff is not None:
        aff.at = s
    if match is None:
        # a lone word is a person with a title, a courtesy title ("Mr Kamau"), a full name elsewhere in the
        # article ("Kamau said" before "Peter Kamau"), or a known person
        if len(tokens) < 2 and aff is None and honorific == "" and tokens[0].lower() not in fulls \
                and known.find(tokens[0]) is None:
            return None
        span = doc[s:e]
        match = PersonState(span.text, tokens, span.start_char, span.end_char)
        persons.append(match)
    elif len(tokens) > len(match.tokens):
        # the article gives the full name later ("Khan" ... "Imran Khan"): keep the fuller form
        span = doc[s:e]
        match.name, match.tokens, match.start, match.end = span.text, tokens, span.start_char, span.end_char
        for m in match.mentions:
            m.person = match.name
    if aff is not None and (match.aff is None or (match.aff.actor is None and aff.actor is not None)):
        if aff.role is None and match.aff is not None and match.aff.role:
            # "Security Secretary X said ... a delegation including X": the state from the side, the title kept
            aff = replace(aff, role=match.aff.role, sector=match.aff.sector)
        match.aff = aff
    if honorific and match.gender is None:
        match.gender = honorific
    return match


def _last_affiliation(persons: list[PersonState]) -> Affiliation | None:
    """The affiliation of the person named last with a role: what "his counterpart" copies."""
    with_role = [p for p in persons if p.aff is not None and p.aff.role]
    return max(with_role, key=lambda p: p.last_tok).aff if with_role else None


def _by_title(persons: list[PersonState], title: str, holders: frozenset[str] | None = None,
              office: Callable[[PersonState], str | None] | None = None) -> PersonState | None:
    """The latest person with `title`, or with one of the roles a generic title stands for (`holders`). A person
    the text gave no title yet counts by the office the dated dictionary has them in (`office`): "X said ... The
    minister added" is X, a minister, not a minister named earlier."""
    head = role_head(title)

    def fits(role: str | None) -> bool:
        return bool(role) and (role == title or (title == head and role_head(role) == head)
                               or (holders is not None and role in holders))
    found = [p for p in persons if fits(p.aff.role if p.aff is not None and p.aff.role else
                                       office(p) if office is not None else None)]
    return max(found, key=lambda p: p.last_tok) if found else None


def _office_now(ctx: Context, p: PersonState, cache: dict[tuple[int, str], str | None]) -> str | None:
    """The office the dated dictionary has p in on the article's date (None for a lone name or none known)."""
    key = (id(p), p.name)
    if key not in cache:
        held = in_office(ctx, p) if " " in p.name.strip() else None
        cache[key] = held.role if held is not None and held.current else None
    return cache[key]


def _by_pronoun(ctx: Context, persons: list[PersonState], i: int, gender: str,
                para_of: list[int]) -> PersonState | None:
    """The first person named in the latest sentence that names a compatible person, within two paragraphs."""
    here = para_of[i]
    best: tuple[int, int] | None = None
    choice = None
    for p in persons:
        if p.gender not in {None, gender}:
            continue
        before = [m for m in p.mentions if m.start < i]
        if not before or para_of[before[-1].start] < here - 1:
            continue
        sent = ctx.sent_of[before[-1].start]
        first_in_sent = min(m.start for m in before if ctx.sent_of[m.start] == sent)
        key = (sent, -first_in_sent)
        if best is None or key > best:
            best, choice = key, p
    if choice is not None and choice.gender is None:
        choice.gender = gender
    return choice


def _paragraphs(doc: Doc, text: str) -> list[int]:
    """Paragraph index of each token (a line break starts a paragraph)."""
    breaks = [m.start() for m in _NEWLINE.finditer(text)]
    return numpy.searchsorted(numpy.array(breaks, dtype=numpy.int64), doc.to_array(IDX), side="right").tolist()
