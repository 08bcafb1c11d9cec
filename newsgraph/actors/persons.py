"""Persons: the roles of named persons and the state or organisation they act for, as the text gives them.

Names are found by `newsgraph.actors.names`; titles are widened over their portfolio first
(`newsgraph.actors.roles`: "Minister of Energy", "Water and Energy Minister", "foreign policy spokesman").
Affiliation rules, tried in this order on each occurrence of a name (the tag in `how` names the rule):

- title before the name, with the actor before the title: "Turkish President X", "Pakistan's foreign minister X",
  "Moscow's ambassador X" (an institution mention running over the title), "Maldives Permanent Representative to
  the United Nations, X", "the AU's special envoy for the dispute, X" (a complement before the apposed name),
  "Mali's junta leader, Colonel X" / "Niger's military ruler General X" (stacked titles), "Bosnia's Serb leader X"
  (the possessor, not the demonym), "Palestine Liberation Organization (PLO) Chairman X"; referents:
  "that country's PM X" (`that-country`), "the bloc's foreign policy chief X" (`that-org`), "the EU said its
  envoy X" (`its`, the subject; in the sentence before when "Its" opens one), "the commission's president X";
  a country's bare name before an adviser's or analyst's title is the topic, the actor before it the employer
  ("White House Russia adviser X" -> USA);
  "ECOWAS Commission President X" (an organ's name between actor and title), "Vietnamese Deputy Minister of A and
  B X" (`deputy`, `assistant` are modifiers), "Saudi Ambassador to Yemen X" (the sender, not the host);
  "the head of the Chilean delegation, Deputy Trade Minister X" (an outer title's "of <actor>");
  "the junta's spokesman X", "the rebels' commander X" (`owner-GOV`/`owner-REB`, `newsgraph.actors.crisis`);
  "his Russian counterpart X" copies the role of the person named last with one (`counterpart`);
- a title only one state's officials hold: "Chief Cabinet Secretary X" (`national`, `national_titles`);
- a deposed official with no state named: "ousted President X" is of the article's coup state (`crisis`), else of
  the state the article is about (`dominant`), never of the summit's venue or dateline;
- apposition after the name: "X, Maldives Permanent Representative ...", "X, the country's president",
  "X, Moscow's ambassador to the UN", "X, a spokesman for the Colombian army" (`for` names the employer except for
  roles that serve abroad: "envoy for Syria" is a topic);
- "of <state>" after the name or its title: "King X of Morocco", "President of Ghana X";
- a state owning the bare name: "Cambodia's X said" (`possessive`);
- a title held in a company, union or other named body that is no state's ("X, vice president of engineering at
  Northstar Rockets", "X, president of the farmers' union") takes no state at all (`+body`);
- otherwise a title with no state takes the evidence of `newsgraph.actors.evidence` (venue, parliament, dateline,
  dominant state), and a bare name the persons the store already knows (`how` "corpus").
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# the per-doc lookups live in context.py; other modules import Context (and dominant_state) from here too
from newsgraph.actors.context import COUNTRY_WORDS, DEMONSTRATIVES, GROUP_WORDS, ORG_WORDS, Context
from newsgraph.actors.crisis import crisis_state
from newsgraph.actors.employers import home_body_before, national_body_before, national_employer, private_employer
from newsgraph.actors.filters import dominant_state
from newsgraph.actors.mentions import POSSESSIVE, Found
from newsgraph.actors.roles import Role, role_head
from newsgraph.actors.sides import side_state

# a title's complement before an apposed name: "special envoy for the river dispute, X"
COMPLEMENT_PREPS = frozenset({"for", "to", "on", "in", "at", "of"})
_MAX_COMPLEMENT = 8
OF_FOR = frozenset({"of", "for"})
_OF = frozenset({"of"})
_HOST_PREPS = frozenset({"to", "for", "of"})   # "envoy to Yemen X", "envoy for the Horn of Africa X"


@dataclass
class Affiliation:
    """Who a person acts for, their role, and the rule that said so."""

    actor: str | None
    role: str | None
    sector: str | None
    how: str
    at: int = -1                 # token where the name stood when the affiliation was read
    private: bool = False        # the title is in a company, union or other non-state body: no state guessed
    home: bool = False           # the title is in a national body with no state word: the home state's, even if abroad-prone


@dataclass
class PersonState:
    """A person while the article is read: canonical name, first span, affiliation, gender."""

    name: str
    tokens: tuple[str, ...]
    start: int                   # char span of the first full mention
    end: int
    aff: Affiliation | None = None
    gender: str | None = None
    last_tok: int = 0
    mentions: list[Found] = field(default_factory=list)

    @property
    def surname(self) -> str:
        return self.tokens[-1].lower()


def dominant_org(found: list[Found]) -> str | None:
    """The organisation the article is about: named twice or more, and half as often again as any other."""
    counts: Counter[str] = Counter(m.code for m in found if m.kind == "org" and m.code and not m.place)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] * 3 > ranked[0][1] * 2):
        return None
    return ranked[0][0]


def role_before(ctx: Context, s: int) -> Role | None:
    """The title that ends right before the name, or before the comma in front of it."""
    if s in ctx.role_end:
        return ctx.role_end[s]
    if s > 0 and ctx.doc[s - 1].text == "," and s - 1 in ctx.role_end:
        return ctx.role_end[s - 1]
    if s > 0 and ctx.doc[s - 1].lower_ in ctx.lex.honorifics and s - 1 in ctx.role_end:
        return ctx.role_end[s - 1]      # "President Dr. X": a courtesy title between title and name
    m = ctx.mention_end.get(s)
    start = m.start if m is not None else _blocked_start(ctx, s)
    if start is not None and start >= 2:
        # "President of Ghana X"; "Saudi Ambassador to Yemen X", "High Commissioner to the UK X" (the host),
        # "Special Envoy for the Horn of Africa X" (a place: the topic)
        k = start - 1 - (ctx.doc[start - 1].lower_ == "the")
        if ctx.doc[k].lower_ == "of" and m is not None:
            return ctx.role_end.get(k)
        role = ctx.role_end.get(k) if ctx.doc[k].lower_ in _HOST_PREPS else None
        if role is not None and is_abroad(ctx, role.text):
            return role
    if s > 1 and ctx.doc[s - 1].text == ",":
        return _role_before_complement(ctx, s - 1)
    return None


def _blocked_start(ctx: Context, s: int) -> int | None:
    """Where a place's or other blocked name ending right before token s starts ("the Horn of Africa")."""
    if s - 1 not in ctx.blocked:
        return None
    k = s - 1
    while k > 0 and k - 1 in ctx.blocked:
        k -= 1
    return k


def _role_before_complement(ctx: Context, comma: int) -> Role | None:
    """"The AU's special envoy for the river dispute, X": a title whose complement runs up to the comma."""
    doc = ctx.doc
    for k in range(comma - 1, max(comma - _MAX_COMPLEMENT, 0), -1):
        token = doc[k]
        if token.is_punct or token.pos_ in {"VERB", "AUX"} or "\n" in token.text:
            return None
        if token.lower_ in COMPLEMENT_PREPS and k in ctx.role_end:
            role = ctx.role_end[k]
            # "in a letter to the president in May, X": a title inside a prepositional phrase is someone else's
            return role if doc[role.end - 1].dep_ != "pobj" else None
    return None


def affiliation(ctx: Context, s: int, e: int, last_aff: Affiliation | None,
                aliases: dict[str, str]) -> Affiliation | None:
    """Who the name at tokens [s, e) acts for, from its title, apposition or "of <state>"."""
    doc = ctx.doc
    role = role_before(ctx, s)
    if role is not None:
        text = aliases.get(role.text, role.text)
        actor, how = _employer_before(ctx, role, text)
        its = how == "its"
        if text == "counterpart" and last_aff is not None:
            return Affiliation(actor, last_aff.role, last_aff.sector, "counterpart")
        if actor is None and text in ctx.lex.national_titles:
            actor, how = ctx.lex.national_titles[text], "national"   # "Chief Cabinet Secretary X": Japan's
        if actor is None:
            # "King X of Morocco", "President of Ghana X", "a spokesman for the Colombian army, X"
            actor = ctx.state_after(e) or _of_before(ctx, s, role)
            if actor is None and role.end < s:
                # "head of the UN mission, X", "ambassador of Russia X": for a title often held abroad only "of"
                # names the employer ("envoy for Syria" names a topic)
                actor = ctx.state_after(role.end, _OF if is_abroad(ctx, text) else OF_FOR)
            how = "of" if actor else ""
        if actor is None and role.start > 0:
            # stacked titles: "Mali's junta leader, Colonel X", "Niger's military ruler General X", "the head of
            # the Chilean delegation, Deputy Trade Minister X"
            outer = role_before(ctx, role.start)
            if outer is not None:
                actor, how = ctx.state_before(outer.start)
                if actor is None and outer.text in ctx.lex.national_titles:
                    actor, how = ctx.lex.national_titles[outer.text], "national"   # "the papal nuncio, Archbishop X"
                if actor is None and outer.end < role.start:
                    actor = ctx.state_after(outer.end, _OF if is_abroad(ctx, outer.text) else OF_FOR)
                    how = "of" if actor else ""
        if actor is None:
            actor = side_state(ctx, role.start)   # "led on the Kyrgyz side by the chairman of ..., X"
            how = "side" if actor else how
        if actor is None:
            actor = _plural_title_before(ctx, role)   # "three Maldivian deputy ministers ... deputy ministers X, Y"
            how = "again" if actor else how
        if actor is None and _deposed(ctx, role.start):
            # "ousted President X": the state of the article's coup, else the state it is about (not the venue)
            actor, how = crisis_state(ctx), "crisis"
            if actor is None:
                actor, how = dominant_state(ctx.found, ctx.sent_of, ctx.sent_of[s]), "dominant"
        if actor is None and national_employer(ctx, role.end if role.end < s else e):
            return Affiliation(None, text, role.sector, "title+national", home=True)
        if actor is None and private_employer(ctx, role.end if role.end < s else e):
            return Affiliation(None, text, None, "title+body", private=True)
        if actor is None and its and national_body_before(ctx, role.start):
            return Affiliation(None, text, role.sector, "title+its-national", home=True)
        if actor is None and home_body_before(ctx, role.start):
            return Affiliation(None, text, role.sector, "title+home-body", home=True)
        if actor is None:
            # "Commodore X, the PCG spokesperson": a rank before the name, the office after it names the state
            after = _apposition(ctx, e, aliases)
            if after is not None and after.actor:
                return after
        return Affiliation(actor, text, _owner_sector(how, role.sector), f"title+{how}" if actor and how else "title")
    after = _apposition(ctx, e, aliases)
    if after is not None:
        return after
    shared = _listed_after(ctx, s, e, last_aff)
    if shared is not None:
        return shared
    actor = ctx.state_after(e)
    if actor is not None:
        return Affiliation(actor, None, None, "of")
    actor = side_state(ctx, s)
    if actor is not None:
        return Affiliation(actor, None, None, "side")   # "the Chilean delegation, led by X"
    # "Cambodia's Hun Sen said": a name owned by a state with no title between
    if s >= 2 and doc[s - 1].text in POSSESSIVE:
        m = ctx.mention_at.get(s - 2)
        if m is not None and m.code and m.kind in {"state", "org"} and not m.how.endswith("+institution"):
            return Affiliation(m.code, None, None, "possessive")
    return None


def _apposition(ctx: Context, e: int, aliases: dict[str, str]) -> Affiliation | None:
    """A title apposed after the name ending at token e: "X, [the] Maldives Permanent Representative ...",
    "X, the country's president"."""
    doc = ctx.doc
    if e < len(doc) and doc[e].text == ",":
        k = e + 1
        if k < len(doc) and doc[k].lower_ in {"the", "a", "an"}:
            k += 1
        j = k
        m = ctx.mention_start.get(j)
        if m is not None:
            # an institution mention may run over the title ("Moscow's ambassador to the UN")
            inner = [k for k in range(m.start + 1, m.end) if k in ctx.role_start]
            j = inner[0] if inner else m.end
        elif j + 1 < len(doc) and doc[j].lower_ in COUNTRY_WORDS | DEMONSTRATIVES:
            j += 2 if doc[j + 1].lower_ in COUNTRY_WORDS else 1
        elif j + 1 < len(doc) and doc[j].lower_ in ORG_WORDS | GROUP_WORDS and doc[j + 1].text in POSSESSIVE:
            j += 1     # "X, the group's chief spokesman": state_before reads the owner
        if j < len(doc) and doc[j].text in POSSESSIVE:
            j += 1
        while j < len(doc) and j not in ctx.role_start and doc[j].lower_ in ctx.modifiers:   # "deputy" may open one
            j += 1
        # "X, a senior central bank official": a home body's words before the title
        j = next((j + n for n in (0, 1, 2) if j + n in ctx.role_start and home_body_before(ctx, j + n)), j)
        role = ctx.role_start.get(j)
        if role is not None and not _names_next(ctx, role):
            text = aliases.get(role.text, role.text)
            actor, how = _employer_before(ctx, role, text)
            actor = actor or ctx.state_after(role.end, _OF if is_abroad(ctx, text) else OF_FOR)
            if actor is None and role.sector == "GOV" and not is_abroad(ctx, text):
                actor = _government_of(ctx, role.end)
                how = "government" if actor else how
            if actor is None and national_employer(ctx, role.end):
                return Affiliation(None, text, role.sector, "apposition+national", home=True)
            if actor is None and private_employer(ctx, role.end):
                return Affiliation(None, text, None, "apposition+body", private=True)
            if actor is None and how == "its" and national_body_before(ctx, role.start):
                return Affiliation(None, text, role.sector, "apposition+its-national", home=True)
            if actor is None and home_body_before(ctx, role.start):
                return Affiliation(None, text, role.sector, "apposition+home-body", home=True)
            return Affiliation(actor, text, _owner_sector(how, role.sector),
                               f"apposition+{how}" if how else "apposition")
    return None


def _names_next(ctx: Context, role: Role) -> bool:
    """"... of X, Foreign Minister Y announced": a title right before another name is that name's, not X's
    apposition (a headline or a clause run into the next sentence)."""
    doc = ctx.doc
    k = role.end
    if not (k < len(doc) and doc[k].ent_type_ == "PERSON" and doc[k].pos_ == "PROPN"):
        return False
    while k < len(doc) and doc[k].ent_type_ == "PERSON" and doc[k].text not in POSSESSIVE:
        k += 1
    return not (k < len(doc) and doc[k].text in POSSESSIVE)   # "X, President Y's adviser": Y is X's principal


def _owner_sector(how: str, sector: str) -> str:
    """"The rebels' commander": the owner's sector (REB) over the title's."""
    return how[len("owner-"):] if how.startswith("owner-") else sector


def _deposed(ctx: Context, start: int) -> bool:
    """"ousted President", "the exiled opposition leader": a deposing word among the modifiers before a title."""
    k = start
    while k > 0 and ctx.doc[k - 1].lower_ in ctx.modifiers:
        k -= 1
        if ctx.doc[k].lower_ in ctx.lex.deposed:
            return True
    return False


_PLURAL_TITLE_BACK = 3   # sentences back, as for unnamed officials (officials._BACK_SENTENCES)


def _plural_title_before(ctx: Context, role: Role) -> str | None:
    """"three Maldivian deputy ministers ... The posts, by deputy ministers X, Y and Z": a plural title with no
    state repeats the same plural title written with one a sentence or two before (a group is named, then listed)."""
    doc = ctx.doc
    if doc[role.end - 1].tag_ not in ("NNS", "NNPS"):
        return None
    here = ctx.sent_of[role.start]
    for start in sorted((k for k in ctx.role_start if k < role.start), reverse=True):
        earlier = ctx.role_start[start]
        if here - ctx.sent_of[start] > _PLURAL_TITLE_BACK:
            break
        if earlier.text == role.text:
            code, _ = ctx.state_before(start)
            if code:
                return code
    return None


def _listed_after(ctx: Context, s: int, e: int, last: Affiliation | None) -> Affiliation | None:
    """"deputy ministers X, Y and Z": a name listed after one that a plural title opens shares its title."""
    doc = ctx.doc
    if last is None or last.at < 1 or not last.role or s - last.at > 12 \
            or not (doc[last.at - 1].tag_ in ("NNS", "NNPS") or last.how.startswith("listed")):
        return None
    head = doc[e - 1]
    if head.dep_ != "conj" or not (last.at - 6 <= head.head.i < s):
        return None
    return Affiliation(last.actor, last.role, last.sector, "listed", s, last.private, last.home)


_GOVERNMENTS = frozenset({"government", "administration", "cabinet"})


def _government_of(ctx: Context, k: int) -> str | None:
    """"X, the deputy foreign minister in the rebel-run government in <capital>": the one state the government
    phrase after the title names (up to the next punctuation) holds the office."""
    doc = ctx.doc
    if not (k < len(doc) and doc[k].lower_ in {"in", "of", "for"}):
        return None
    end = next((t.i for t in doc[k:k + 10] if t.is_punct and t.text != "-"), min(k + 10, len(doc)))
    if not any(t.lower_ in _GOVERNMENTS for t in doc[k:end]):
        return None
    codes = {m.code for i in range(k, end) if (m := ctx.mention_at.get(i)) is not None and m.code
             and m.kind == "state"}
    return codes.pop() if len(codes) == 1 else None


def _employer_before(ctx: Context, role: Role, text: str) -> tuple[str | None, str]:
    """The actor before a title; for an adviser or analyst a country's bare name there is the topic ("White
    House Russia adviser X" serves the White House), and only an actor before that name employs."""
    actor, how = ctx.state_before(role.start)
    if actor is None or role_head(text) not in ctx.lex.topic_roles:
        return actor, how
    m = ctx.mention_at.get(role.start - 1)
    if m is None or m.end != role.start or m.how not in {"alias", "capital"} or ctx.doc[m.start].text.isupper():
        return actor, how   # "Russia's adviser", "Russian adviser", "US adviser": the employer
    return ctx.state_before(m.start)


def is_abroad(ctx: Context, role: str) -> bool:
    """A role whose holder often serves abroad or an organisation (envoys, ambassadors, officials); a title that
    names the state's own office ("national security adviser") does not."""
    if role.split(" ", 1)[0] in ctx.lex.home_title_words or ctx.lex.roles.get(role) == "MIL":
        return False    # a military office ("chief of staff") commands the state's own forces
    return role in ctx.lex.abroad_roles or role_head(role) in ctx.lex.abroad_roles


def _of_before(ctx: Context, s: int, role: Role) -> str | None:
    """"President of Ghana X": the state between an `of` after the title and the name."""
    if role.end < s and ctx.doc[role.end].lower_ == "of":
        m = ctx.mention_start.get(role.end + 1)
        if m is not None and m.end == s and m.code:
            return m.code
    return None
