"""Institutions and groups whose state the phrase itself does not name.

- "rebels in Mali", "protesters in Chile": a local group (`local_groups` in the data file) right before in/from
  and a state becomes one mention of that state, with the group's sector (`+group` in `how`);
- "the Foreign Ministry said", "the ministry of defence", "the army" (`stateless_institutions`): the state comes
  from the evidence persons' titles use (`newsgraph.actors.evidence`): a capital right after ("the Foreign
  Ministry in Ankara", `institution+venue`) or opening the sentence ("In Manila, the Department of ..."), the
  dateline's state if it acts in the article (`institution+dateline`), or the article's dominant state
  (`institution+dominant`); with none, no mention. A department counts only as a government's
  ("the Department of Foreign Affairs", "the Health Department", not "the Fire Department" or "the department")
  and only with a capital or dateline, never the dominant state.
  "The junta" is the junta of the article's coup first (`institution+crisis`, `newsgraph.actors.crisis`).
  Only "the" + the whole phrase counts: "the Foreign Ministry spokesman" is a title (persons' rules), "an army"
  or "armies" are no particular state's.
"""
from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.actors.lexicon import Lexicon
from newsgraph.actors.mentions import Found, extend_of_phrase
from newsgraph.actors.crisis import crisis_state
from newsgraph.actors.evidence import home_place
from newsgraph.actors.persons import Context, dominant_state

GROUP_PREPS = frozenset({"in", "from", "across", "throughout", "inside"})
# words that may stand between the preposition and the state: "insurgents in eastern Congo", "in the north of"
_PLACE_MODIFIERS = frozenset({"amod", "det", "compound", "nmod", "advmod"})
# "Pakistan-based militants", "Kenya-born activists": the state the group is based in
_BASED = frozenset({"based", "born", "backed"})


def attach_local_groups(doc: Doc, found: list[Found], lex: Lexicon) -> None:
    """"Rebels in (eastern) Mali", "police in Uganda", "Pakistan-based militants": widen a state mention over the
    local group it places, which then acts for that state with the group's sector."""
    taken = {k for m in found for k in range(m.start, m.end)}
    for m in found:
        if m.kind != "state" or _based_group(doc, m, lex, taken) or not m.place or m.start < 2:
            continue
        root = doc[m.start:m.end].root
        prep = root.head
        if prep.lower_ not in GROUP_PREPS or prep.i >= m.start or prep.head.i != prep.i - 1:
            continue
        if any(doc[k].head.i != root.i or doc[k].dep_ not in _PLACE_MODIFIERS for k in range(prep.i + 1, m.start)):
            continue   # "protesters in a town near Mali": the group is in the town
        group = prep.head
        if group.lower_ not in lex.local_groups or group.i in taken:
            continue
        m.start, m.place, m.sector, m.how = group.i, False, lex.institutions.get(group.lower_), m.how + "+group"


def _based_group(doc: Doc, m: Found, lex: Lexicon, taken: set[int]) -> bool:
    """"Pakistan-based militants": <state> - based <group> is one mention of the state, over the group (never a
    place or a dateline, which the hyphen after a first word may have suggested)."""
    k = m.end
    if k + 2 >= len(doc) or doc[k].text != "-" or doc[k + 1].lower_ not in _BASED:
        return False
    group = doc[k + 2]
    if group.lower_ not in lex.local_groups or group.i in taken:
        return False
    m.end, m.place, m.sector, m.how = group.i + 1, False, lex.institutions.get(group.lower_), m.how + "+based"
    return True


def stateless_candidates(doc: Doc, inst_at: dict[int, tuple[int, str]], taken: set[int],
                         lex: Lexicon, blocked: set[int] = frozenset()) -> list[Found]:
    """"The Foreign Ministry", "the ministry of defence": institution phrases after "the" with no state. A phrase
    the lexicon knows as one state's body only in that state's context ("the Foreign Office" without Britain
    around, `blocked`) is one too."""
    out = []
    for s, (e, sector) in inst_at.items():
        end = extend_of_phrase(doc, e)
        phrase = doc[s:e].text.lower()
        if phrase not in lex.stateless:
            continue
        if phrase in _DEPARTMENTS:
            s = _government_department(doc, s, e, end, lex)
            if s is None:
                continue
        if s == 0 or doc[s - 1].lower_ != "the" \
                or taken.intersection(range(s - 1, end)) - blocked.intersection(range(s, e)):
            continue   # "the army of Mali": the state is named
        if end < len(doc) and (doc[end].pos_ in {"NOUN", "PROPN"} or doc[end].text in {"'s", "\u2019s"}):
            continue   # "the Foreign Ministry spokesman": a title, read by the persons' rules
        out.append(Found(s, end, None, "state", "institution", lex.stateless[phrase]))
    return out


# a department is as often a fire service's, a police force's, a university's or a company's as a government's
_DEPARTMENTS = frozenset({"department"})


def _government_department(doc: Doc, s: int, e: int, end: int, lex: Lexicon) -> int | None:
    """The start of a government department: a capitalised "Department of <portfolio> ..." ("of Foreign
    Affairs", "of Home Affairs") or "<Portfolio> Department" ("the Health Department"); None for "the
    department", "the Fire Department", "the Department of Economics", or one "at" a university."""
    if not doc[s].is_title or end < len(doc) and doc[end].lower_ == "at":
        return None
    k = s
    while k > 0 and doc[k - 1].is_title and doc[k - 1].lower_ in lex.portfolios:
        k -= 1
    if k < s and end == e:
        return k
    if k == s and end > e + 1 and doc[e + 1].lower_ in lex.portfolios:
        return s
    return None


def resolve_stateless(ctx: Context, candidates: list[Found]) -> list[Found]:
    """The candidates whose state the venue, dateline or dominant state gives, coded."""
    if not candidates:
        return []
    acting = {m.code for m in ctx.found if m.kind == "state" and m.code and not m.place}
    dateline = ctx.dateline if ctx.dateline in acting else None
    out = []
    for c in candidates:
        venue = _venue(ctx, c.end)
        dominant = dominant_state(ctx.found, ctx.sent_of, ctx.sent_of[c.start])
        # "the junta": the state of the article's coup, wherever the summit about it meets
        crisis = crisis_state(ctx) if ctx.doc[c.end - 1].lower_ in ctx.lex.crisis_owners else None
        again = _named_before(ctx, c)
        # "evacuated from border areas in Thailand, according to the interior ministry": a body at work at home
        home = home_place(ctx, ctx.sent_of[c.start]) if _at_home(ctx, c) else None
        venue = venue or _scene(ctx, c.start)
        if any(ctx.doc[k].lower_ in _DEPARTMENTS for k in range(c.start, c.end)):
            # a department only where the text sets it (after a capital, under a dateline): the article's main
            # state is as often the one it summons, or the scene of a fire
            again = home = dominant = None
        for code, tag in ((crisis, "crisis"), (venue, "venue"), (again, "again"), (home, "home-place"),
                          (dateline, "dateline"), (dominant, "dominant")):
            if code:
                out.append(Found(c.start, c.end, code, "state", f"institution+{tag}", c.sector))
                break
    return out


_AGAIN_SENTENCES = 3
# bodies whose work is abroad as often as at home: a place they are named with is not theirs
_ABROAD_WORDS = frozenset({"foreign", "defence", "defense", "army", "military", "forces", "navy", "force", "office"})


_DOMESTIC_HEADS = frozenset({"ministry", "commission", "court"})


def _at_home(ctx: Context, c: Found) -> bool:
    """A civil body of a domestic remit ("the interior ministry", "the election commission", "the supreme court");
    not "the government" or "the authorities", named as often where they act abroad ("recalled its envoy from
    <capital>")."""
    words = {ctx.doc[k].lower_ for k in range(c.start, c.end)}
    return c.sector != "MIL" and bool(words & _DOMESTIC_HEADS) and not words & _ABROAD_WORDS



def _named_before(ctx: Context, c: Found) -> str | None:
    """"India's Ministry of External Affairs called it regrettable. ... the ministry said": the state of the body
    named last with the phrase's head word, a few sentences back at most (the scene's state, not the article's)."""
    word = ctx.doc[c.end - 1].lower_
    here = ctx.sent_of[c.start]
    for m in sorted(ctx.found, key=lambda m: m.start, reverse=True):
        if m.end > c.start or not m.code or m.place or m.kind != "state":
            continue
        if here - ctx.sent_of[m.start] > _AGAIN_SENTENCES:
            return None
        if any(ctx.doc[k].lower_ == word for k in range(m.start, m.end)):
            return m.code
    return None


def _scene(ctx: Context, start: int) -> str | None:
    """"In Manila, the Department of Foreign Affairs sought ...": a sentence that opens on a capital sets its scene
    there, for the body named after it."""
    doc = ctx.doc
    first = doc[start].sent.start
    if doc[first].lower_ != "in" or first + 2 >= start:
        return None
    m = ctx.mention_start.get(first + 1)
    if m is None or m.how != "capital" or not m.code or m.end >= start or doc[m.end].text != ",":
        return None
    return m.code


def _venue(ctx: Context, end: int) -> str | None:
    """"The Foreign Ministry in Ankara": a capital right after the phrase."""
    if end + 1 < len(ctx.doc) and ctx.doc[end].lower_ == "in":
        m = ctx.mention_start.get(end + 1)
        if m is not None and m.how == "capital" and m.code:
            return m.code
    return None
