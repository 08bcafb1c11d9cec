"""The state of each person the text ties to none, once the article is read, then the codes of their mentions.

In order: the store's and the user dictionary's known persons (`KnownPersons`), the dated officeholder dictionary,
the principal an aide serves; then, for a titled person, the person a title's "his"/"her" stands for (`+his`), a
co-leader's state, a colleague's in a clause joined by "and" (`+colleague`), the evidence of
`newsgraph.actors.evidence`, the one state whose holder of the title the article names, an organisation the title
heads; a bare name gets its sentence's one state or the article's (`name+sentence`, `name+dominant`).
"""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from newsgraph.actors.evidence import _quoted, home_state
from newsgraph.actors.filters import dominant_state
from newsgraph.actors.mentions import Found
from newsgraph.actors.officeholders import Holding, by_surname, canonical_role, lookup
from newsgraph.actors.persons import Affiliation, Context, PersonState, dominant_org, is_abroad, role_before
from newsgraph.actors.principals import serve_principals
from newsgraph.actors.roles import role_head
from newsgraph.model import Person


class KnownPersons:
    """Persons from the store or the user dictionary, looked up by full name or unique surname."""

    def __init__(self, known: Sequence[Person]) -> None:
        self.by_name: dict[str, Person] = {}
        self._surnames: dict[str, list[Person]] = {}
        self.by_surname: dict[str, Person] = {}
        for p in known:
            self.add(p)

    def add(self, person: Person) -> None:
        """Know one more person; a name known already keeps what was known first (dictionary, then store)."""
        if not person.actor or person.name.lower() in self.by_name:
            return
        self.by_name[person.name.lower()] = person
        surname = person.name.split()[-1].lower()
        same = self._surnames.setdefault(surname, [])
        same.append(person)
        if len({p.actor for p in same}) == 1:  # a surname shared by persons of different actors tells nothing
            self.by_surname[surname] = same[0]
        else:
            self.by_surname.pop(surname, None)

    def find(self, name: str) -> Person | None:
        """A full name must match in full; a bare surname may match a unique known surname."""
        if " " in name.strip():
            return self.by_name.get(name.lower())
        return self.by_name.get(name.lower()) or self.by_surname.get(name.lower())


def fill_states(ctx: Context, persons: list[PersonState], known: KnownPersons) -> None:
    """Fill missing actors from the store's known persons or the dominant state, then code every mention."""
    # states that persons act for, by the sentences they are named in (before any fallback is applied)
    explicit: dict[int, set[str]] = {}
    for p in persons:
        if p.aff is not None and p.aff.actor:
            for m in p.mentions:
                explicit.setdefault(ctx.sent_of[m.start], set()).add(p.aff.actor)
    # what the store and the dated dictionary know comes first for everyone, so that an office they fill bars a
    # guess for another holder of it ("Prime Minister X" beside the dictionary's prime minister Y is not Y's state)
    offices: dict[int, Holding | None] = {}
    for n, p in enumerate(persons):
        k = known.find(p.name) if p.aff is None or p.aff.actor is None else None
        held_now = in_office(ctx, p) if k is None and (p.aff is None or p.aff.actor is None) else None
        offices[n] = held_now
        if k is None and p.aff is not None and p.aff.how == "title+demonym" and p.aff.at >= 0:
            written = in_office(ctx, p)
            if written is not None and written.actor != p.aff.actor and _written_title(ctx, p.aff.at) == written.role:
                # "the Turkish Cypriot leader, X": the dictionary's office as the text writes it, demonyms and all
                # (whatever the date, like the very office the text gives), names the actor the demonyms describe
                p.aff = Affiliation(written.actor, p.aff.role, p.aff.sector, "title+officeholder", p.aff.at)
        if k is not None:
            p.aff = Affiliation(k.actor, (p.aff.role if p.aff else None) or k.role,
                                (p.aff.sector if p.aff else None) or k.sector, "corpus")
        elif held_now is not None and (held_now.current or _same_office(p, held_now) or " " not in p.name.strip()):
            # (a lone name the dictionary knows only with the title word before it, "Sheikh Hasina", is that person)
            # the text gives no state, the dated dictionary has the name in office on the article's date (or in the
            # very office the text gives, whatever the date): that beats guessing the article's dominant state
            # ("President X" in a story datelined abroad, "Prime Minister X" in an undated story about his visitors)
            p.aff = _office_affiliation(p, held_now, ctx.published)
    serve_principals(ctx, persons)   # "aide to President X": X's state, before any guess from the story's setting
    for n, p in enumerate(persons):
        held_now = offices[n]
        if p.aff is not None and p.aff.actor is None and p.aff.role and p.mentions and not p.aff.private:
            at = p.aff.at if p.aff.at >= 0 else p.mentions[0].start
            # a state whose office the text gives to someone else is not this person's ("President X" in an
            # article where "Chinese President Y" speaks is not Chinese)
            # (a state has many holders of a rank: a guess for "General X" does not bar "General Y" from it; one
            # foreign minister, so a guess for one does)
            held = {q.aff.actor for q in persons if q is not p and q.aff is not None and q.aff.actor
                    and q.aff.role == p.aff.role and not (p.aff.sector == "MIL" and (_guessed(q.aff.how) or q.aff.how.startswith("officeholder")))}
            code, tag = _owner_state(ctx, p, at, persons), "+his"
            if code is None:
                code, tag = _co_leader_state(ctx, p, at, persons), "+co-leader"
            if code is None:
                code, tag = _colleague_state(ctx, p, at, persons), "+colleague"
            if code is None:
                # the sentences right after that name the person again (a spokesman "told reporters in <capital>")
                later = tuple(sorted({ctx.sent_of[m.start] for m in p.mentions if m.how == "name"
                                      and 0 < ctx.sent_of[m.start] - ctx.sent_of[at] <= _LATER_SENTENCES}))
                code, tag = home_state(ctx, p.aff.role, at, frozenset(explicit.get(ctx.sent_of[at], ())) | held,
                                       p.aff.home, later)
            if code is None:
                # "Seoul summoned Russia's ambassador ... Ambassador X": the one state whose holder of that title
                # the article names without a name
                code, tag = _titled_state(ctx, p, persons), "+same-title"
            if code is None and is_abroad(ctx, p.aff.role) and (p.aff.role in ctx.lex.voicing_roles
                                                                or role_head(p.aff.role) in ctx.lex.voicing_roles):
                code, tag = _voiced_by(ctx, at), "+voices"
                code = None if code in held or code in explicit.get(ctx.sent_of[at], ()) else code
            # "Under-Secretary-General for Humanitarian Affairs": the title before its portfolio
            title = p.aff.role.split(" for ")[0].split(" of ")[0]
            member = _portfolio_commissioner(ctx, p.aff.role)
            if member:
                title = "commissioner"   # "Trade Commissioner X": a commission's member with a portfolio
            if code is None and (title in ctx.lex.org_roles or member) and not held:
                # the one organisation named whose head bears the title; else, in an article about one
                # organisation, that organisation
                code, tag = _headed_org(ctx, title), "+org-head"
                if code is None and not member:
                    code, tag = dominant_org(ctx.found), "+dominant-org"
            if code:
                p.aff = Affiliation(code, p.aff.role, p.aff.sector, p.aff.how + tag, p.aff.at, home=p.aff.home)
        if (p.aff is None or p.aff.actor is None) and held_now is not None and not (p.aff and p.aff.private):
            p.aff = _office_affiliation(p, held_now, ctx.published)   # last resort: a former holder stays that state's, as former
        if p.aff is None and p.mentions:
            # a bare name with no title, no dictionary entry: the state of its own sentence or of the article
            code, tag = _bare_name_state(ctx, p)
            if code:
                p.aff = Affiliation(code, None, None, "name" + tag, p.mentions[0].start)
        for m in p.mentions:
            m.person = p.name
            # a bare name's guess is the person's, not an actor of events (it may be an operation or a base)
            if p.aff is not None and not p.aff.how.startswith("name+"):
                m.code, m.sector = p.aff.actor, p.aff.sector


_LATER_SENTENCES = 2


def _bare_name_state(ctx: Context, p: PersonState) -> tuple[str | None, str]:
    """A person the text gives no title or state for ("the far-right outsider X", "among them X"): the one state
    that the sentence first naming them names outside quotations, else the state the article is about. News names
    a foreigner with the foreign state; an untitled name in a story about one state is mostly that state's."""
    at = p.mentions[0].start
    sent = ctx.sent_of[at]
    codes = {m.code for m in ctx.found if ctx.sent_of[m.start] == sent and m.kind == "state" and m.code
             and not m.place and not _quoted(ctx, m.start) and not _where(ctx, m)}
    if len(codes) == 1:
        return codes.pop(), "+sentence"
    # the article's state, named twice at least, and not only as where things happen
    acting = [m for m in ctx.found if not _where(ctx, m)]
    code = dominant_state(acting, ctx.sent_of, sent)
    if code is None or sum(m.code == code for m in acting) < 2:
        return None, ""
    return code, "+dominant"


_WHERE_PREPS = frozenset({"to", "in", "at", "from", "into", "toward", "towards", "across", "via", "near"})


def _where(ctx: Context, m: Found) -> bool:
    """A state named as where something happens or goes ("head to Paris", "in Chile"): no one's employer."""
    root = ctx.doc[m.start:m.end].root
    return root.dep_ == "pobj" and root.head.lower_ in _WHERE_PREPS


def _voiced_by(ctx: Context, at: int) -> str | None:
    """"The United States accused Moscow of cynicism. Deputy ambassador X said ...": the state whose statement is
    the sentence right before, as its main verb's subject, sends the envoy who follows it up."""
    sent = ctx.sent_of[at]
    if sent == 0 or any(ctx.sent_of[m.start] == sent and m.start < at for m in ctx.found if m.code):
        return None     # a state named before the title in its own sentence is the other rules' to weigh
    root = next((t for t in ctx.doc if ctx.sent_of[t.i] == sent - 1 and t.dep_ == "ROOT"), None)
    if root is None or root.lemma_.lower() not in ctx.lex.voiced_verbs:
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    for m in ctx.found:
        if m.kind == "state" and m.code and not m.place and m.start <= subj.i < m.end:
            return m.code
    return None


def _portfolio_commissioner(ctx: Context, role: str) -> bool:
    """"trade commissioner", "commissioner for energy": a member of an organisation's commission holding a
    portfolio (a police or border commissioner serves at home)."""
    words = role.split()
    if words[-1] == "commissioner" and len(words) == 2:
        return words[0] in ctx.lex.portfolios and words[0] not in _HOME_PORTFOLIOS
    return words[0] == "commissioner" and len(words) >= 3 and words[1] in {"for", "of"} \
        and any(w in ctx.lex.portfolios for w in words[2:]) and not _HOME_PORTFOLIOS.intersection(words[2:])


_HOME_PORTFOLIOS = frozenset({"border", "borders", "customs", "revenue", "tax", "taxation", "police", "home",
                              "interior", "national", "local", "regional", "census", "statistics"})


def _headed_org(ctx: Context, title: str) -> str | None:
    """The one organisation the article names whose head bears `title` ("secretary general": NATO, not the EU)."""
    title = title.replace("-", " ").removeprefix("deputy ").removeprefix("assistant ")   # the deputy's org too
    heads = ctx.lex.org_heads.get(title)
    if not heads:
        return None
    codes = {m.code for m in ctx.found if m.kind == "org" and m.code in heads and not m.place}
    return codes.pop() if len(codes) == 1 else None


_GUESS_TAGS = ("+venue", "+parliament", "+media", "+ministry", "+subject", "+dateline", "+lead", "+dominant")


def _guessed(how: str) -> bool:
    """An affiliation taken from the evidence of where the story is, not from the text about the person."""
    return any(tag in how for tag in _GUESS_TAGS)


def _titled_state(ctx: Context, p: PersonState, persons: list[PersonState]) -> str | None:
    """The one state an unnamed mention of p's title belongs to ("Russia's ambassador", "the Chinese envoy"),
    leaving out states whose holder of a title with that head the article names ("X, Sudan's ambassador")."""
    head = role_head(p.aff.role)
    held = {q.aff.actor for q in persons if q is not p and q.aff is not None and q.aff.actor and q.aff.role
            and role_head(q.aff.role) == head}
    codes = {m.code for m in ctx.found if m.kind == "state" and m.code and m.how.endswith("+institution")
             and m.code not in held and ctx.doc[m.end - 1].lower_ == head}
    return codes.pop() if len(codes) == 1 else None


def in_office(ctx: Context, p: PersonState) -> Holding | None:
    """The dated dictionary's holding for this person's name: in office on the article's date first.

    Only a full name counts (a bare surname matches nobody there), and only when every holding found is of one
    actor, so that two namesakes never give a guess."""
    name = p.name
    if " " not in name.strip():
        # "Foreign Minister X": the one holder of that office on the date with that surname
        held = by_surname(name, p.aff.role, ctx.published) \
            if p.aff is not None and p.aff.role and ctx.published else None
        if held is not None:
            return held
        # "under Sheikh Hasina": a title word that is part of the name the dictionary spells ("Sheikh", "Emir")
        first = next((m for m in p.mentions if m.how == "name"), None)
        if first is None or first.start == 0 or not ctx.doc[first.start - 1].is_title:
            return None
        name = f"{ctx.doc[first.start - 1].text} {name}"
    found = lookup(name, ctx.published)
    if found and len({h.actor for h in found}) > 1:
        # one person, offices of several actors over a career: the one held on the article's date (today without
        # one), if that is one actor's
        found = [h for h in found if h.current]
    if not found or len({h.actor for h in found}) > 1:
        return None
    return found[0]


def _same_office(p: PersonState, held: Holding) -> bool:
    """The text's title for the person is the office the dictionary says they held ("Prime Minister X")."""
    if p.aff is None or not p.aff.role:
        return False
    role = p.aff.role.removeprefix("former ")
    return canonical_role(role) == held.role


def _office_affiliation(p: PersonState, held: Holding, published: str | None) -> Affiliation:
    """The holding as an affiliation: its role while in office, "former ..." after it, no role before it."""
    later = published is not None and not held.current and held.start[:10] > published[:10]
    role = (p.aff.role if p.aff else None) or (None if later else held.role if held.current else f"former {held.role}")
    sector = (p.aff.sector if p.aff else None) or (None if later else held.sector if held.current else "ELI")
    return Affiliation(held.actor, role, sector, "officeholder" if held.current else "officeholder+former",
                       p.aff.at if p.aff else -1)


def _written_title(ctx: Context, at: int) -> str | None:
    """The title before the name at token `at` with the demonyms written before it ("turkish cypriot leader")."""
    role = role_before(ctx, at)
    if role is None:
        return None
    k = role.start
    while k > 0 and (m := ctx.mention_at.get(k - 1)) is not None and m.how.startswith("demonym") and m.kind == "state":
        k = m.start
    return ctx.doc[k:role.end].text.lower() if k < role.start else None


_LEAD_VERBS = frozenset({"led", "headed", "chaired"})


def _co_leader_state(ctx: Context, p: PersonState, at: int, persons: list[PersonState]) -> str | None:
    """"the talks would be led by Secretary of State X and Treasury Secretary Y": two who lead one side together
    act for one state, so Y takes X's."""
    doc = ctx.doc
    role = role_before(ctx, at)
    start = role.start if role is not None else at
    if start < 3 or doc[start - 1].lower_ != "and":
        return None
    for q in persons:
        if q is p or q.aff is None or not q.aff.actor:
            continue
        first = next((m for m in q.mentions if m.end == start - 1 and m.how == "name"), None)
        if first is None:
            continue
        their = role_before(ctx, first.start)
        k = their.start if their is not None else first.start
        while k > 0 and k - 1 in ctx.mention_at:     # "US Secretary of State X": the state before the title
            k = ctx.mention_at[k - 1].start
        if k >= 2 and doc[k - 1].lower_ == "by" and doc[k - 2].lower_ in _LEAD_VERBS:
            return q.aff.actor
    return None


_OWNERS = frozenset({"his", "her"})


def _owner_state(ctx: Context, p: PersonState, at: int, persons: list[PersonState]) -> str | None:
    """"President X and his foreign minister, Y", "Y, her deputy,": the title's possessive stands for another
    person (as the pronoun was read), whose state the official serves."""
    doc = ctx.doc
    role = role_before(ctx, at)
    if role is not None:
        k = role.start - 1
        while k > 0 and doc[k].lower_ in ctx.modifiers:
            k -= 1
    else:
        first = next((m for m in p.mentions if m.start == at), None)
        k = first.end + 1 if first is not None and first.end < len(doc) and doc[first.end].text == "," else -1
    if k < 0 or k >= len(doc) or doc[k].lower_ not in _OWNERS:
        return None
    for q in persons:
        if q is not p and q.aff is not None and q.aff.actor and any(m.start == k for m in q.mentions):
            return q.aff.actor
    return None


def _colleague_state(ctx: Context, p: PersonState, at: int, persons: list[PersonState]) -> str | None:
    """"Its interior minister, X, said ..., and Health Minister Y said ...": officials of one branch who are the
    subjects of clauses joined by "and" in one sentence speak for one side, so Y takes the state the text gives X
    (one met, answered or named as an object is no colleague: both must be subjects)."""
    doc = ctx.doc
    role = role_before(ctx, at)
    k = role.start if role is not None else at
    if k < 2 or doc[k - 1].lower_ != "and" or doc[k - 2].text != "," or not _subject(doc[at]):
        return None
    sent = ctx.sent_of[k]
    for q in persons:
        if q is p or q.aff is None or not q.aff.actor or _guessed(q.aff.how) or q.aff.sector != p.aff.sector:
            continue
        if any(m.how == "name" and m.start < k and ctx.sent_of[m.start] == sent and _subject(doc[m.start])
               for m in q.mentions):
            return q.aff.actor
    return None


def _subject(token: Token) -> bool:
    """The name at `token` is a clause's subject, or apposed to one ("Its minister, X, said")."""
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "nsubj" or token.dep_ == "appos" and token.head.dep_ == "nsubj"
