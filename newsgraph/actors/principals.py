"""Whom an aide serves: "X, foreign policy aide to Azerbaijani President Y", "X, senior adviser to President Y",
"X, President Y's chief adviser". An aide, adviser or spokesperson acts for the state of the person (or the state
named with that person's title) they serve; news writes the principal, not the state.
"""
from __future__ import annotations

from newsgraph.actors.persons import POSSESSIVE, Affiliation, Context, PersonState, role_before
from newsgraph.actors.roles import Role, role_head

# titles held in someone's service: the principal's state is theirs
# (not envoys: "envoy to Sudan" names the host)
SERVING = frozenset({"aide", "adviser", "advisor", "counsellor", "counselor", "spokesman", "spokeswoman",
                     "spokesperson", "chief of staff"})
_MAX_TO = 6          # "to <state> <title> <name>": words between "to" and the principal's name
_APPOSED = 4         # "X, the senior adviser ...": words between the name and the apposed title


def serve_principals(ctx: Context, persons: list[PersonState]) -> None:
    """Give an aide whose title names no state the state of the principal it names (or of the principal's
    title's state word); the role written after a principal's possessive replaces a title the principal holds
    ("X, President Y's chief adviser" is an adviser, not a president)."""
    starts = {m.start: q for q in persons for m in q.mentions if m.how == "name"}
    ends = {m.end: q for q in persons for m in q.mentions if m.how == "name"}
    for p in persons:
        if p.aff is None or p.aff.actor or p.aff.private or p.aff.at < 0:
            continue
        name = next((m for m in p.mentions if m.start == p.aff.at and m.how == "name"), None)
        if name is None:
            continue
        role = role_before(ctx, name.start) or _apposed_role(ctx, name.end)
        if role is None:
            continue
        found = _principal(ctx, role, p, starts, ends)
        if found is not None:
            code, title = found
            p.aff = Affiliation(code, title or p.aff.role, p.aff.sector, p.aff.how + "+principal", p.aff.at,
                                home=p.aff.home)


def _apposed_role(ctx: Context, e: int) -> Role | None:
    doc = ctx.doc
    if not (e < len(doc) and doc[e].text == ","):
        return None
    for k in range(e + 1, min(e + 1 + _APPOSED, len(doc))):
        if k in ctx.role_start:
            return ctx.role_start[k]
        if doc[k].is_punct:
            return None
    return None


def _principal(ctx: Context, role: Role, p: PersonState, starts: dict, ends: dict) -> tuple[str, str | None] | None:
    doc = ctx.doc
    head = role_head(role.text)
    # "President Y's chief adviser": a title before a principal's possessive, then the aide's own title
    q = starts.get(role.end)
    if q is not None and q is not p:
        end = next(m.end for m in q.mentions if m.start == role.end)
        if end < len(doc) and doc[end].text in POSSESSIVE:
            second = _role_within(ctx, end + 1)
            if second is not None and _serves(second.text) and q.aff is not None and q.aff.actor:
                return q.aff.actor, second.text
    if not _serves(role.text) and head not in SERVING:
        return None
    # "Y's adviser X": a person's possessive right before the title
    k = role.start
    while k > 0 and doc[k - 1].lower_ in ctx.modifiers:
        k -= 1
    if k >= 2 and doc[k - 1].text in POSSESSIVE:
        q = ends.get(k - 1)
        if q is not None and q is not p and q.aff is not None and q.aff.actor:
            return q.aff.actor, None
    # "adviser to [Azerbaijani] President Y"
    if role.end < len(doc) and doc[role.end].lower_ == "to":
        for j in range(role.end + 1, min(role.end + 1 + _MAX_TO, len(doc))):
            if doc[j].is_punct:
                return None
            m = ctx.mention_at.get(j)
            if m is not None and m.code and m.kind == "state" and (m.end in ctx.role_start or m.end in starts):
                return m.code, None          # "to Azerbaijani President Y", "to the Kenyan president"
            q = starts.get(j)
            if q is not None:
                return (q.aff.actor, None) if q is not p and q.aff is not None and q.aff.actor else None
    return None


def _serves(title: str) -> bool:
    return title in SERVING or role_head(title) in SERVING


def _role_within(ctx: Context, k: int) -> Role | None:
    """A serving title starting at token k or after a few words ("chief foreign policy adviser")."""
    for j in range(k, min(k + 5, len(ctx.doc))):
        if j in ctx.role_start and _serves(ctx.role_start[j].text):
            return ctx.role_start[j]
        if ctx.doc[j].is_punct:
            return None
    return None
