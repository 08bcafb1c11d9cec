"""Officials the text gives no name: "a State Department spokesperson", "the foreign ministry spokesman", "a
ministry spokesperson" after "Mongolia's Ministry of Foreign Affairs", and "the spokesperson" again later.

News writes an unnamed spokesperson as the voice of a body, so the title is a mention of that body's state or
organisation, tagged `official+<rule>`; its sector is the body's ("an army spokesman": MIL), none when only a state
is known. Rules, in order, for a spokes-title (`home_evidence.roles`) after "the"/"a"/"an" or an owner, that is no
named person's title:

- the owner's tag (`alias`, `seat`, `its`...): the actor right before the title ("Mongolia's ministry spokesperson",
  "a Pentagon spokesman");
- `for`: "a spokesperson for the European Commission"; a spokesperson for a named body of no state ("for the
  BBC", a company) is no state's mention, whatever the sentences around say;
- `again`: "the spokesperson" repeats the unnamed official with the same title head a few sentences before;
- `body`: an institution word before or in the title ("a ministry spokesperson", "the army spokesman") names the
  body of that word the text named last, a few sentences before ("Mongolia's Ministry of Foreign Affairs");
- `subject`: "The Quai d'Orsay rejected the accusations. A spokesperson said": an indefinite spokesperson speaks
  for the body that the sentence before has as subject;
- `venue`, `dateline`, `lead`, `dominant`...: the evidence a titled person without a state gets
  (`newsgraph.actors.evidence`: "In Addis Ababa, the foreign ministry spokesman said").
"""
from __future__ import annotations

from newsgraph.actors.employers import national_employer, private_employer
from newsgraph.actors.evidence import home_state
from newsgraph.actors.mentions import Found
from newsgraph.actors.persons import Context
from newsgraph.actors.roles import Role, role_head

_DETERMINERS = frozenset({"the", "a", "an"})
_PLURAL = frozenset({"NNS", "NNPS"})    # "the foreign ministers": several, no one voice
_FOR = frozenset({"for", "of"})
_POSSESSIVE = frozenset({"'s", "\u2019s"})
_MAX_GAP = 4   # words between a title and its name: ", Rear Admiral", ", General"
_BACK_SENTENCES = 3
_MAX_BODY_WORDS = 3   # "a defence ministry spokesman": institution words right before the title


def unnamed_officials(ctx: Context, roles: list[Role], names: list[tuple[int, int]], taken: set[int]) -> list[Found]:
    """Mentions of the state or organisation each unnamed official speaks for (document order); `names` are the
    person names' token spans, `taken` the tokens of person mentions."""
    name_starts = {s for s, _ in names}
    name_ends = {e for _, e in names}
    doc = ctx.doc
    out: list[Found] = []
    for r in roles:
        if role_head(r.text) not in ctx.lex.home_roles:
            found = None if _titled_before(ctx, r, roles, name_starts, name_ends) \
                else _titled_official(ctx, r, name_starts, name_ends, taken, out)
            if found is not None:
                out.append(found)
            continue
        if doc[r.end - 1].tag_ in _PLURAL \
                or taken.intersection(range(r.start, r.end)) or any(k in ctx.mention_at for k in range(r.start, r.end)) \
                or _names_someone(ctx, r, name_starts, name_ends):
            continue
        start = _opening(ctx, r)
        if start is None or taken.intersection(range(start, r.start)):
            continue
        code, how = ctx.state_before(r.start)
        body = ctx.mention_at.get(start - 1) or ctx.mention_at.get(start - 2) if code else None
        if code is None:
            body = _after(ctx, r.end)   # "a spokesperson for the European Commission"
            code, how = (body.code, "for") if body is not None else (None, "")
        if code is None and (private_employer(ctx, r.end) or _for_named(ctx, r.end)):
            continue    # "a spokesperson for the BBC": the named body speaks, of no state the context may lend
        if code is None and doc[start].lower_ == "the":
            body = _again(ctx, out, r)
            code, how = (body.code, "again") if body is not None else (None, "")
        if code is None:
            body = _body(ctx, r)
            code, how = (body.code, "body") if body is not None else (None, "")
        if code is None and doc[start].lower_ != "the":
            body = _subject_before(ctx, r.start)
            code, how = (body.code, "subject") if body is not None else (None, "")
        if code is None:
            code, how = home_state(ctx, r.text, r.start)
            how = how.lstrip("+")
        if code is None:
            continue
        kind = next((m.kind for m in ctx.found if m.code == code), "state")
        out.append(Found(start, r.end, code, kind, f"official+{how}", _sector(ctx, start, r, body)))
    return out


def _sector(ctx: Context, start: int, r: Role, body: Found | None) -> str | None:
    """The branch the official speaks for: an institution word in the phrase ("the army spokesman"), else the
    body's ("a Pentagon spokesman"); none known for "a spokesperson" of a state."""
    words = [ctx.doc[k].lower_ for k in range(start, r.end - 1)]
    sector = next((ctx.lex.institutions[w] for w in reversed(words) if w in ctx.lex.institutions), None)
    return sector or (body.sector if body is not None else None)


def _after(ctx: Context, k: int) -> Found | None:
    """"... for the European Commission", "... of the Belarusian foreign ministry": the actor after for/of."""
    doc = ctx.doc
    if k < len(doc) and doc[k].lower_ in _FOR:
        m = ctx.mention_start.get(k + 1) or ctx.mention_start.get(k + 2)
        if m is not None and m.code and m.kind in {"state", "org"} and not m.place:
            return m
    return None


def _for_named(ctx: Context, k: int) -> bool:
    """"... for the BBC", "... for Reuters": a name after for/of that the lexicon knows as no actor."""
    doc = ctx.doc
    if not (k + 1 < len(doc) and doc[k].lower_ in _FOR):
        return False
    j = k + 1 + (doc[k + 1].lower_ == "the")
    return j < len(doc) and j in ctx.blocked and doc[j].pos_ == "PROPN"


def _names_someone(ctx: Context, r: Role, name_starts: set[int], name_ends: set[int]) -> bool:
    """The title of a name after it ("spokesman X", "the spokesman, Rear Admiral X,") or apposed to a name before
    it ("X, the Kremlin spokesman", "X, Turkmenistan's deputy prime minister")."""
    doc = ctx.doc
    k = r.end
    # "Deputy Prime Minister and Foreign Minister X": coordinated titles of one name
    while k < len(doc) and k - r.end < _MAX_GAP and k not in name_starts \
            and (doc[k].text == "," or k in ctx.role_start or doc[k].lower_ in ctx.lex.honorifics
                 or doc[k].is_title and doc[k].lower_ in ctx.lex.roles
                 or doc[k].lower_ == "and" and k + 1 in ctx.role_start):
        k = ctx.role_start[k].end if k in ctx.role_start else k + 1
    if k in name_starts:
        return True
    k = r.start - 1
    while k >= 0 and (doc[k].lower_ in _DETERMINERS or doc[k].lower_ in ctx.modifiers or doc[k].text in _POSSESSIVE
                      or doc[k].lower_ in ctx.lex.institutions or k in ctx.mention_at):
        k -= 1
    return k >= 1 and doc[k].text == "," and k in name_ends


def _opening(ctx: Context, r: Role) -> int | None:
    """Where the official's noun phrase starts: its determiner, or the word after the owner mention before it."""
    doc = ctx.doc
    k = r.start
    while k > 0 and r.start - k < _MAX_BODY_WORDS and doc[k - 1].lower_ in ctx.lex.institutions \
            and k - 1 not in ctx.mention_at:
        k -= 1
    while k > 0 and doc[k - 1].lower_ in ctx.modifiers:
        k -= 1
    if k > 0 and doc[k - 1].lower_ in _DETERMINERS:
        return k - 1
    # an owner mention before the title stays a mention of its own: the official starts after it
    m = ctx.mention_at.get(k - 1) if k > 0 else None
    if m is None and k > 1 and doc[k - 1].text in ("'s", "\u2019s"):
        m = ctx.mention_at.get(k - 2)
    return k if m is not None and m.code and not m.place else None


def _subject_before(ctx: Context, at: int) -> Found | None:
    """"The Quai d'Orsay rejected the accusations. A spokesperson said ...": the body that is the subject of the
    sentence before speaks through its spokesperson."""
    sent = ctx.sent_of[at] - 1
    for m in ctx.found:
        if m.start >= at:
            break
        if ctx.sent_of[m.start] == sent and m.code and not m.place \
                and ctx.doc[m.start:m.end].root.dep_ in ("nsubj", "nsubjpass"):
            return m
    return None


def _again(ctx: Context, before: list[Found], r: Role) -> Found | None:
    """The unnamed official with the same title head named last, a few sentences before."""
    head = role_head(r.text)
    here = ctx.sent_of[r.start]
    for m in reversed(before):
        if here - ctx.sent_of[m.start] > _BACK_SENTENCES:
            return None
        if role_head(ctx.doc[m.start:m.end].text.lower()) == head:
            return m
    return None


def _body(ctx: Context, r: Role) -> Found | None:
    """"A ministry spokesperson" after "Mongolia's Ministry of Foreign Affairs": the state of the body the text
    named last with the institution word before or in the title."""
    doc = ctx.doc
    words = {doc[k].lower_ for k in range(max(r.start - _MAX_BODY_WORDS, 0), r.end)
             if doc[k].lower_ in ctx.lex.institutions and doc[k].lower_ != doc[r.end - 1].lower_}
    if not words:
        return None
    here = ctx.sent_of[r.start]
    for m in reversed(ctx.found):
        if m.start >= r.start or not m.code or m.place:
            continue
        if here - ctx.sent_of[m.start] > _BACK_SENTENCES:
            return None
        if m.how.endswith("+institution") and words & {t.lower_ for t in doc[m.start:m.end]}:
            return m
    return None


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _titled_official(ctx: Context, r: Role, name_starts: set[int], name_ends: set[int],
                     taken: set[int], before: list[Found]) -> Found | None:
    """"In Warsaw, the deputy foreign minister said", "the Chief of Staff said": a definite title that names no one
    and is the subject of its clause is the one holder of that office, so it speaks and acts for its state (the
    actor before it or after "of/for", "of its <organ>": the body the sentence before has as subject; else the
    evidence a titled person without a state gets). A title in a company, union or other non-state body
    ("the head of a manufacturing association") speaks for no state."""
    doc = ctx.doc
    head = doc[r.end - 1]
    if head.tag_ in _PLURAL or taken.intersection(range(r.start, r.end)) \
            or any(k in ctx.mention_at for k in range(r.start, r.end)) or _names_someone(ctx, r, name_starts, name_ends):
        return None
    start = _opening(ctx, r)
    if start is None or doc[start].lower_ != "the" or taken.intersection(range(start, r.start)):
        return None
    subject = head if head.dep_ in _SUBJECTS else None
    # "the director of the agency said": the parse may head the subject phrase with a word of the title
    subject = subject or next((t for t in doc[r.start:r.end] if t.dep_ in _SUBJECTS and t.head.i >= r.end), None)
    if subject is None or subject.head.pos_ not in {"VERB", "AUX"}:
        return None
    body = _after(ctx, r.end)
    code, how = (body.code, "for") if body is not None else (None, "")
    sector: str | None = r.sector
    if code is None and r.end + 1 < len(doc) and doc[r.end].lower_ == "of" and doc[r.end + 1].lower_ == "its":
        code, how = ctx.subject_before(r.end + 1), "its"
    if code is None:
        again = _again(ctx, before, r)   # "the acting director of the X Office said ... the acting director said"
        code, how = (again.code, "again") if again is not None else (None, "")
    if code is None:
        # "the director of the National Disaster Centre": the title may have run over the body's first words
        home = national_employer(ctx, r.end) or (" of " in r.text and national_employer(ctx, r.start + 1))
        private = not home and private_employer(ctx, r.end)
        if private and not _national_private(ctx, r.end):
            return None
        # "the head of a national manufacturers' association": a private body, but the home state's, with no
        # branch of government
        code, how = home_state(ctx, r.text, r.start, home=home or private)
        sector = None if private else r.sector
        how = how.lstrip("+")
    if code is None:
        return None
    kind = next((m.kind for m in ctx.found if m.code == code), "state")
    return Found(start, r.end, code, kind, f"official+title-{how}", sector)


def _national_private(ctx: Context, k: int) -> bool:
    """"of a national manufacturers' association": the private body after the title calls itself national."""
    doc = ctx.doc
    if k >= len(doc) or doc[k].lower_ != "of":
        return False
    pobj = next((c for c in doc[k].children if c.dep_ == "pobj"), None)
    return pobj is not None and any(t.lower_ == "national" and t.is_lower for t in pobj.lefts)


def _titled_before(ctx: Context, r: Role, roles: list[Role], name_starts: set[int], name_ends: set[int]) -> bool:
    """The article gave this title to someone before: "Deputy Prime Minister and Foreign Minister X ... The Deputy
    Prime Minister returned", "X, Lebanon's new president ... the president said" (a title written without a
    determiner, or before or after a name, is a person's; "the president" then refers back to them)."""
    for earlier in roles:
        if earlier.start >= r.start:
            return False
        if earlier.text != r.text:
            continue
        start = _opening(ctx, earlier)
        if start is None or ctx.doc[start].lower_ not in _DETERMINERS \
                or _names_someone(ctx, earlier, name_starts, name_ends):
            return True
    return False
