"""The side a person leads, where no title gives a state: "talks were led on the Kyrgyz side by the chairman of
the committee, X", "the Chilean delegation, led by X", "Kenya's team, headed by X"."""
from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.actors.mentions import POSSESSIVE

if TYPE_CHECKING:
    from newsgraph.actors.persons import Context

_LEAD_VERBS = frozenset({"led", "headed", "chaired"})
_MAX_TITLE = 14   # "by the Chairman of the State Committee for National Security, X"
_STOPS = frozenset({";", ":", "(", ")", "\""})
_MAX_LIST = 30    # "including X, the secretaries of A and B and the Attorney General, Y"
# a body of one state's people that goes somewhere together: its members act for that state
_SIDE_NOUNS = frozenset({"delegation", "team", "side", "mission", "contingent", "entourage"})


def side_state(ctx: Context, s: int) -> str | None:
    """The state whose side or delegation the person named at token s leads, from the words before the name, or
    that lists them as a member ("a Mexican delegation led by X and including Y, the secretaries of A and B and the
    Attorney General, Z")."""
    doc = ctx.doc
    k = s - 1
    while k >= 0 and s - k <= _MAX_LIST and ctx.sent_of[k] == ctx.sent_of[s] and doc[k].lower_ != "by":
        if doc[k].lower_ == "including":
            return _member_of(ctx, k)
        if doc[k].pos_ in {"VERB", "AUX"} or doc[k].text in _STOPS:
            return None
        k -= 1
    if k <= 0 or doc[k].lower_ != "by" or s - k > _MAX_TITLE:
        return None
    j = k - 1
    if doc[j].lower_ == "side":          # "on the Kyrgyz side by"
        return _state_of_noun(ctx, j)
    if doc[j].lower_ in _LEAD_VERBS:     # "the Kyrgyz delegation, led by"
        j -= 1 + (j > 0 and doc[j - 1].text == ",")
        if j >= 0 and doc[j].pos_ == "NOUN":
            return _state_of_noun(ctx, j)
    return None


def _state_of_noun(ctx: Context, j: int) -> str | None:
    """The state written right before the noun at token j ("Kyrgyz side", "Kenya's team"), or whose mention holds it."""
    doc = ctx.doc
    m = ctx.mention_at.get(j)
    if m is None or not m.code:
        before = j - 1 if j > 0 and doc[j - 1].text in POSSESSIVE else j
        m = ctx.mention_end.get(before)
    return m.code if m is not None and m.code and m.kind == "state" else None


def _member_of(ctx: Context, k: int) -> str | None:
    """"a Mexican delegation ... including X": the state of the delegation or team that "including" at k lists."""
    head = ctx.doc[k].head
    # "a delegation led by X and including Y": the list hangs on the verb that the delegation's clause opens
    while head.pos_ == "VERB" and head.dep_ in {"conj", "acl", "relcl"} and head.head.i != head.i:
        head = head.head
    if head.pos_ == "NOUN" and head.lower_ in _SIDE_NOUNS:
        return _state_of_noun(ctx, head.i)
    return None
