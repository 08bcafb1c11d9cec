"""The state of a coup or crisis, and the collectives that act for a state without naming it.

- `crisis_state`: the one state the article names with a coup word ("the Guinea-Bissau junta", "Niger's coup",
  "the coup in Gabon", "Mali's military government"); plural forms ("the Sahel juntas", "the military
  governments of A and B") name several states and count for none; a coup never placed is of the dateline's
  state, else of the state the article is about. Deposed and exiled officials ("ousted President
  X", "the toppled leader X", "exiled opposition leader X") belong to that state, not to the summit's host.
- `owner_state`: "the junta's spokesman" speaks for the state the junta rules (the crisis state); "the rebels'
  commander" for the state the article's rebels fight in (its REB mentions), with the owner's sector.

Words: `crisis` in the data file.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from newsgraph.actors.filters import dominant_state
from newsgraph.actors.mentions import POSSESSIVE

if TYPE_CHECKING:
    from newsgraph.actors.persons import Context

_AFTER = frozenset({"in", "of"})
_FAR = 10   # a sentence index before the article: no sentence counts as the recent context


def crisis_state(ctx: Context) -> str | None:
    """The state the article's coup words name (the one named most often with them), else None."""
    if ctx.crisis is not None:
        return ctx.crisis or None
    doc = ctx.doc
    counts: Counter[str] = Counter()
    words = 0
    for i in ctx.positions(ctx.lex.crisis_words):
        if doc[i].lower_ in ctx.lex.crisis_after and (i == 0 or doc[i - 1].lower_ not in ctx.lex.crisis_before):
            continue   # "the government" alone is no coup word; "the military government" is
        words += 1
        code = _named_with(ctx, i)
        if code:
            counts[code] += 1
    for i in ctx.positions(("power",)):
        # "soldiers seized power in Bissau"
        if doc[i].head.lemma_.lower() in ctx.lex.power_verbs and i + 2 < len(doc) and doc[i + 1].lower_ == "in":
            m = ctx.mention_start.get(i + 2)
            if m is not None and m.kind == "state" and m.code:
                counts[m.code] += 1
    ranked = counts.most_common(2)
    found = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
    if found is None and words and not counts:
        # "since the coup", "the junta": a coup the article never places is of the state it is datelined in (a
        # story of a foreign force leaving names that force's state most), else of the state it is about
        named = {m.code for m in ctx.found if m.kind == "state" and m.code}
        found = ctx.dateline if ctx.dateline in named else dominant_state(ctx.found, ctx.sent_of, -_FAR)
    ctx.crisis = found or ""
    return found


def _named_with(ctx: Context, i: int) -> str | None:
    """The state named right with the coup word at i: "Niger junta", "Niger's coup", "the coup in Niger"."""
    doc = ctx.doc
    m = ctx.mention_at.get(i)
    if m is None and i > 0:
        j = i - 1
        if ctx.doc[i - 1].lower_ in ctx.lex.crisis_before:
            j -= 1   # "Mali's military government"
        if j > 0 and doc[j].text in POSSESSIVE:
            j -= 1
        m = ctx.mention_at.get(j)
    if m is None and i + 1 < len(doc) and doc[i + 1].lower_ in _AFTER:
        k = i + 2 + (i + 2 < len(doc) and doc[i + 2].lower_ == "the")
        m = ctx.mention_start.get(k)
    if m is None or m.kind != "state" or not m.code:
        return None
    # "the coups in Mali and Burkina Faso": a coordinated second state makes it several crises
    root = doc[m.start:m.end].root
    if any(c.dep_ == "conj" for c in root.children) or root.dep_ == "conj":
        return None
    return m.code


def owner_state(ctx: Context, j: int) -> tuple[str | None, str | None]:
    """"The junta's spokesman", "the rebels' commander": the state and sector of the collective owning a title,
    for the owner word at token j (None, None when it is no such word)."""
    word = ctx.doc[j].lower_
    sector = ctx.lex.crisis_owners.get(word)
    if sector is None or j == 0 or ctx.doc[j - 1].lower_ != "the":
        return None, None
    if sector == "REB":
        rebels = Counter(m.code for m in ctx.found if m.kind == "state" and m.code and m.sector == "REB")
        ranked = rebels.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0], sector
        return None, None
    return crisis_state(ctx), sector
