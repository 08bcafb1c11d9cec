"""The state of an official whose title names none ("Foreign Minister X said"), from evidence analysts use.

Tried in this order; each rule tags the person's `how` with its name, and none applies to roles that often
serve abroad or an organisation (envoys, ambassadors, officials: `abroad_roles` in the data file):

- `+opposition`: an opposition figure's, the one state named in their sentence (outside quotations).
- `+venue`: the capital where the official acts at home, in the same sentence: "in <capital>" attached to a
  briefing, parliament or a measure only a government takes at home ("told a regular briefing in Beijing",
  "imposed a curfew in Bamako"), or any "in <capital>" for a spokesperson, who briefs from home ("spokesperson X
  said in Hanoi"). A minister "told reporters in <capital>" may be visiting: no rule. Nouns and roles:
  `home_evidence` in the data file. A sentence that opens "In <capital>," sets its scene there: any official.
- `+parliament`: the one state whose legislature the same sentence names ("told the Kenyan parliament").
- `+media`: the one state whose media relay the official, named before them in the sentence ("the state news
  agency carried a statement by Vice Minister X"); this beats a dateline of the reporting country.
- `+ministry`: the one state whose ministry of the minister's portfolio the sentence or the two before it name
  ("Denmark's foreign ministry summoned ... Foreign Minister X said").
- `+body`: a body's word with no state right before the title ("Military spokesman X", "an army spokesman X"):
  the state whose body by that word the article named last ("Myanmar's military government"), else, for a junta's
  or the military's, the article's coup state; a portfolio before the word ("external affairs ministry
  spokesperson") names another body, so no rule.
- `+subject`: for a spokesperson, the state or body that is the subject of the sentence before ("The State Department condemned the seizure. ... spokesman X said").
- `+dateline`: the dateline's capital ("MANILA:", "DOHA, May 21 (Agency) -"), by the wire convention that an
  unqualified title in a datelined story is the dateline country's, if that state acts in the article (a
  London dateline on a story about Asia gives nothing).
- `+lead`: the state that is the subject of the article's opening (headline or first sentence: "Lithuania closed
  its border ..."), by the news convention that an unqualified title belongs to the state the story is told from.
  It goes before `+dominant`: a story about a dispute names the other side as often as its own, and the sentences
  just before an official often speak of the other side (measured on the held-out sets: persons and quotes up,
  nothing down).
- `+dominant`: the state the article is clearly about (`dominant_state`).

No rule gives a person the state of a counterpart the sentence names ("Trade Minister X met his Bolivian
counterpart"): that state is left out, and the dominant state is counted without it.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from newsgraph.actors.crisis import crisis_state
from newsgraph.actors.mentions import POSSESSIVE
from newsgraph.actors.persons import Context, dominant_state, is_abroad, role_before
from newsgraph.actors.roles import role_head

# a dateline at the start of a line: upper-case place (any script's capitals: "CHIȘINĂU —"), then ":", ",", "("
# or a dash ("ADDIS ABABA:"); or a title-case place followed by a date and an agency's credit ("La Paz, 23 April
# (AEN).-", "Nairobi, May 3 (Agency) -", "Bishkek, 13 March 2025 (Agency).", "Ulaanbaatar, September 3 /AGENCY/")
_UPPER = r"[^\W\d_a-z\u00df-\u00ff]"
_DATELINE = re.compile(rf"^[ \t]*({_UPPER}(?:{_UPPER}|['\u2019.\- ])*{_UPPER})[ \t]*(?:,|:|\(|-|\u2013|\u2014)", re.M)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_TITLE_DATELINE = re.compile(
    rf"^[ \t]*([A-Z][a-z\u00e0-\u00ff]+(?: [A-Z][a-z\u00e0-\u00ff]+){{0,2}}), (?:\d{{1,2}} {_MONTH}|{_MONTH} \d{{1,2}})"
    r"(?:,? \d{4})? (?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/)", re.M)    # "(Agency)", "2025 (Agency)", "/AGENCY/"
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# a line of its own with a place and the day ("Buenos Aires, Wednesday 22 May 2024"): the place is the dateline
_PLACE_DATE = re.compile(
    rf"^[ \t]*([A-Z][a-z\u00e0-\u00ff]+(?: [A-Z][a-z\u00e0-\u00ff]+){{0,2}}), (?:{_WEEKDAY},? )?"
    rf"(?:\d{{1,2}} {_MONTH}|{_MONTH} \d{{1,2}}),? \d{{4}}(?:,? \d{{1,2}}[:.]\d{{2}})?[ \t]*$", re.M)   # ", 16:40"
# the article's date where the source gives none: a line that is a date ("Friday 20 June 2025", "Wednesday, May
# 29, 2024"), or the date of a dateline ("MEXICO CITY, 28 February 2025 (AMIP) -"); a date inside a sentence may
# be any day in the story's past
_MONTHS = {m: n for n, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                       "dec"), 1)}
_DATE_LINE = re.compile(
    rf"^[ \t]*(?:[^\W\d][^,\n]{{0,30}}, )?(?:{_WEEKDAY},? )?(?:(\d{{1,2}}) ({_MONTH})|({_MONTH}) (\d{{1,2}})),? "
    r"(\d{4})(?:,? \d{1,2}[:.]\d{2})?[ \t]*(?:$|\(|-|\u2013|\u2014)", re.M)
_DATELINE_CHARS = 800   # datelines open the story: look at its first lines only
_COUNTERPARTS = ("counterpart", "counterparts")
_FROM = frozenset({"from", "of"})
_MINISTERIAL_HEADS = ("minister", "cabinet secretary", "secretary")
_NOT_PORTFOLIO = frozenset({"deputy", "vice", "assistant", "under", "chief", "general", "permanent", "acting", "state"})


def find_dateline(text: str, capitals: dict[str, str]) -> str | None:
    """The state of the capital in the article's dateline, if it has one."""
    for pattern in (_DATELINE, _TITLE_DATELINE, _PLACE_DATE):
        for match in pattern.finditer(text, 0, _DATELINE_CHARS):
            place = match.group(1)
            code = capitals.get(" ".join(place.split()).lower())
            if code and (pattern is not _DATELINE or place == place.upper()):
                return code
    return None


def find_date(text: str) -> str | None:
    """The article's date (YYYY-MM-DD) from a date line or a dateline in its first lines, if it has one."""
    match = _DATE_LINE.search(text, 0, _DATELINE_CHARS)
    if match is None:
        return None
    day, month = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
    number = int(day)
    if not 1 <= number <= 31:
        return None
    return f"{match.group(5)}-{_MONTHS[month[:3].lower()]:02d}-{number:02d}"


def home_state(ctx: Context, role: str, at: int, others: frozenset[str] = frozenset(),
               home: bool = False, later: tuple[int, ...] = ()) -> tuple[str | None, str]:
    """The state of an official with a stateless `role`, named at token `at`, and the rule's tag.

    `others` are the states that persons named in the same sentence explicitly act for: "Minister X met Egypt's
    petroleum minister Y" says X is not Egyptian, so no rule may give X one of them. `later` are the sentences
    that name the person again right after: where they speak there ("X told reporters in <capital>") is a venue too.
    """
    if is_abroad(ctx, role) and not home:   # `home`: held in a national body, so at home whatever the title
        return None, ""
    sent = ctx.sent_of[at]
    counterparts = counterpart_states(ctx, sent)
    others = others | counterparts
    dateline = ctx.dateline if ctx.dateline in _acting_states(ctx) else None
    # the state the article is about among those that are not the person's counterparts' ("Trade Minister X met
    # his Bolivian counterpart" in an article mostly about Bolivia: X is of the next state it is about)
    dominant = dominant_state(ctx.found, ctx.sent_of, sent, others)
    if role.startswith("shadow "):
        # "Shadow Trade Minister X": the home opposition's, wherever the sentence or the lead turns
        return (dominant, "+dominant") if dominant else (None, "")
    for code, tag in ((_opposition_home(ctx, role, sent), "+opposition"), (_seat(ctx, role, sent), "+venue"),
                      (_later_seat(ctx, role, later), "+venue-later"),
                      (home_place(ctx, sent) if home else None, "+home-place"), (_parliament(ctx, sent), "+parliament"),
                      (_relaying_media(ctx, sent, at), "+media"), (_ministry(ctx, role, sent, at), "+ministry"),
                      (_body_of_title(ctx, at), "+body"), (_spoken_for(ctx, role, at), "+subject"),
                      (_host(ctx, at), "+host"), (dateline, "+dateline"), (_lead_subject(ctx), "+lead"),
                      (dominant, "+dominant")):
        # hosts met together share a state: only a counterpart's state is not the host's; where the person speaks
        # later is theirs whoever the first sentence also names
        if code and code not in (counterparts if tag in ("+host", "+venue-later") else others):
            return code, tag
    return None, ""


def counterpart_states(ctx: Context, sent: int) -> frozenset[str]:
    """States of the counterparts named in sentence `sent` ("his Bolivian counterpart", "her counterpart from
    Chile"): the person met them, so is none of theirs."""
    out = set()
    for i in ctx.positions(_COUNTERPARTS):
        if ctx.sent_of[i] != sent:
            continue
        code, _ = ctx.state_before(i)
        code = code or ctx.state_after(i + 1, _FROM)
        if code:
            out.add(code)
    return frozenset(out)


def _seat(ctx: Context, role: str, sent: int) -> str | None:
    """"a briefing in Beijing": the one capital after `in` that the sentence gives as where the official speaks."""
    doc = ctx.doc
    spokes = role_head(role) in ctx.lex.home_roles
    codes = set()
    for m in ctx.found:
        if ctx.sent_of[m.start] != sent or m.how not in {"capital", "alias"} or not m.code or m.start == 0 \
                or m.kind != "state":
            continue
        prep = doc[m.start - 1]
        # "In Washington, the assistant secretary announced ...", "In Côte d'Ivoire, the president announced ...":
        # a scene set at home opens the sentence (a country's name counts only there)
        opening = prep.is_sent_start and m.end < len(doc) and doc[m.end].text == ","
        if m.how == "alias" and not opening:
            continue
        if prep.lower_ == "in" and (spokes or opening or _on_home_noun(ctx, prep)):
            codes.add(m.code)
    return codes.pop() if len(codes) == 1 else None


def _later_seat(ctx: Context, role: str, later: tuple[int, ...]) -> str | None:
    """The one capital that the sentences naming the person again give as where they speak."""
    codes = {code for sent in later if (code := _seat(ctx, role, sent)) is not None}
    return codes.pop() if len(codes) == 1 else None


def home_place(ctx: Context, sent: int) -> str | None:
    """A national body's official ("Its director, X, said crews had reached villages north of <capital>"): the
    one state whose places the sentence names outside quotations, where the body works."""
    codes = {m.code for m in ctx.found if ctx.sent_of[m.start] == sent and m.kind == "state" and m.code
             and (m.place or m.how == "capital") and not _quoted(ctx, m.start)}
    return codes.pop() if len(codes) == 1 else None


def _on_home_noun(ctx: Context, prep: Token) -> bool:
    """"a briefing in Beijing", "imposed a curfew in Bamako": the `in` hangs on a home noun or on its verb."""
    head = prep.head
    if head.lemma_.lower() in ctx.lex.home_nouns:
        return True
    return head.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in ctx.lex.home_nouns
                                       for c in head.children)


def _opposition_home(ctx: Context, role: str, sent: int) -> str | None:
    """"opposition candidate X ... shot dead in Maputo": an opposition figure opposes at home, so the one state
    named in their own sentence, outside quotations, is theirs."""
    if ctx.lex.roles.get(role) != "OPP":
        return None
    for s in (sent,):   # the sentence before often names the other side of the dispute
        codes = {m.code for m in ctx.found if ctx.sent_of[m.start] == s and m.kind == "state" and m.code
                 and not _quoted(ctx, m.start)}
        if codes:
            return codes.pop() if len(codes) == 1 else None
    return None


_OPEN, _CLOSE = frozenset("“«"), frozenset("”»")


def _quoted(ctx: Context, i: int) -> bool:
    """Inside a quotation of its sentence ("accused the IMF of 'running the country from Washington'"): the words
    quoted are the speaker's claim, not where the speaker stands."""
    sent = ctx.doc[i].sent
    depth = 0
    for tok in ctx.doc[sent.start:i]:
        if tok.text == '"':
            depth = 0 if depth else 1
        else:
            depth += (tok.text in _OPEN) - (tok.text in _CLOSE and depth > 0)
    return depth > 0


def _spoken_for(ctx: Context, role: str, at: int) -> str | None:
    """"The State Department condemned the seizure. ... spokesman X said": a spokesperson speaks for the body that
    is the subject of the sentence before (one earlier in the sentence may be inside the quote)."""
    if role_head(role) not in ctx.lex.home_roles:
        return None
    # "The US imposed sanctions. Responding to the move, spokesperson X said": a response is the other side's
    sent = ctx.doc[at].sent
    if any(t.lemma_.lower() in _RESPONSE for t in ctx.doc[sent.start:at]):
        return None
    return ctx.subject_before(at, same=False)


def _body_of_title(ctx: Context, at: int) -> str | None:
    """"Military spokesman X", "army spokesman X" after "Myanmar's military government", "the Thai army": a title
    held in a state's body, named by its word with no state, is of the state whose body by that word the article
    named last before; a junta's or military's, when none is, of the article's coup state."""
    role = role_before(ctx, at)
    k = role.start - 1 if role is not None else -1
    if k < 0 or k in ctx.mention_at or k > 0 and ctx.doc[k - 1].is_alpha and ctx.doc[k - 1].lower_ not in _ARTICLES:
        return None     # "external affairs ministry spokesperson": a portfolio names another body than "ministry"
    word = ctx.doc[k].lower_
    crisis = word in ctx.lex.crisis_words or word in ctx.lex.crisis_before
    if not crisis and word not in ctx.lex.home_bodies:
        return None
    codes = [code for i in ctx.positions((word,)) if i < k and (code := _state_owning(ctx, i)) is not None]
    if codes:
        return codes[-1]
    return crisis_state(ctx) if crisis else None


_ARTICLES = frozenset({"the", "a", "an"})


def _state_owning(ctx: Context, i: int) -> str | None:
    """The state written right before the body word at token i ("Myanmar's military", "the Thai army"), or of the
    institution mention that holds it."""
    m = ctx.mention_at.get(i) or ctx.mention_at.get(i - 1 - (i > 1 and ctx.doc[i - 1].text in POSSESSIVE))
    return m.code if m is not None and m.kind == "state" and m.code and not m.place else None


_RESPONSE = frozenset({"respond", "response", "react", "reaction", "retort", "reply", "rebut", "counter"})


_MEET = frozenset({"meet", "receive", "welcome", "greet", "host"})
_VISIT = frozenset({"arrive", "visit", "travel", "fly", "land"})
_TO_HOST = frozenset({"compound", "flat", "appos", "conj", "dobj", "pobj", "prep", "agent", "cc"})


def _host(ctx: Context, at: int) -> str | None:
    """"X arrived in Beirut and met Parliament Speaker Y", "arrived in Bishkek and was met at the airport by
    Chairman Y": whom a visitor meets where they arrive is of the place visited (the official met, not the one who
    meets: a subject never is)."""
    doc = ctx.doc
    node, verb = doc[at], None
    for _ in range(8):
        if node.dep_ not in _TO_HOST or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ == "VERB":
            verb = node if node.lemma_.lower() in _MEET else None
            break
    if verb is None:
        return None
    sent = ctx.sent_of[at]
    codes = set()
    for m in ctx.found:
        if ctx.sent_of[m.start] != sent or m.kind != "state" or not m.code or m.start == 0:
            continue
        head = doc[m.start:m.end].root
        prep = head.head if head.dep_ == "pobj" else None
        went = prep.head if prep is not None and prep.lower_ in ("in", "to") else head.head if head.dep_ == "dobj" else None
        if went is not None and went.lemma_.lower() in _VISIT:
            codes.add(m.code)
    return codes.pop() if len(codes) == 1 else None


def _parliament(ctx: Context, sent: int) -> str | None:
    """"told the Kenyan parliament": the one state whose legislature the sentence names."""
    codes = {m.code for m in ctx.found if ctx.sent_of[m.start] == sent and m.kind == "state" and m.code
             and m.sector == "LEG" and (m.how.endswith("+institution") or m.how == "seat")}
    return codes.pop() if len(codes) == 1 else None


def _relaying_media(ctx: Context, sent: int, at: int) -> str | None:
    """"the state news agency carried a statement by Vice Minister X": the one state whose media, named before the
    official in the sentence, relays them (an official talking to a foreign outlet names it after: no rule)."""
    codes = {m.code for m in ctx.found if ctx.sent_of[m.start] == sent and m.kind == "state" and m.code
             and m.sector == "MED" and m.end <= at}
    return codes.pop() if len(codes) == 1 else None


def _ministry(ctx: Context, role: str, sent: int, at: int = -1) -> str | None:
    """"Denmark's foreign ministry summoned ... Foreign Minister X said": the one state whose ministry of the
    minister's portfolio the sentence or the two before it name; a ministry named as a spokesperson's employer
    ("a spokesman for the Belarusian foreign ministry accused Vilnius") has its own voice, often the other side's.
    "Ministry spokesman X" after "Azerbaijan's foreign ministry summoned ...": the ministry is that one, whatever
    its portfolio."""
    portfolio = _portfolio(role)
    title = ctx.role_end.get(at)
    if portfolio is None and title is not None and role in ctx.lex.home_roles and title.start > 0 \
            and ctx.doc[title.start - 1].lower_ == "ministry":
        portfolio = ""
    if portfolio is None:
        return None
    wanted = (f"{portfolio} ministry", f"ministry of {portfolio}", f"ministry of {portfolio} ") if portfolio \
        else ("ministry",)
    doc = ctx.doc
    codes = {m.code for m in ctx.found if sent - 2 <= ctx.sent_of[m.start] <= sent and m.kind == "state"
             and m.code and not m.place and any(w in doc[m.start:m.end].text.lower() for w in wanted)
             and not _spokes_employer(ctx, m.start)}
    return codes.pop() if len(codes) == 1 else None


def _spokes_employer(ctx: Context, start: int) -> bool:
    """The mention starting at token `start` follows "a spokesman for (the)"."""
    k = start - 1 - (start > 0 and ctx.doc[start - 1].lower_ == "the")
    return k > 0 and ctx.doc[k].lower_ in {"for", "of"} and ctx.doc[k - 1].lower_ in ctx.lex.home_roles


def _portfolio(role: str) -> str | None:
    """The portfolio word of a minister's title: "energy minister", "deputy foreign minister", "minister of
    energy", "foreign affairs cabinet secretary" (a secretary heading a ministry) -> "energy", "foreign"; a prime
    minister has none."""
    words = role.split()
    if words[0] in {"prime"} or words[:2] in (["deputy", "prime"], ["vice", "prime"]) or len(words) < 2:
        return None
    if words[0] == "minister" and len(words) > 2 and words[1] in {"of", "for"}:
        return words[2]
    head = next((h for h in _MINISTERIAL_HEADS if role.endswith(" " + h)), None)
    if head is None:
        return None
    before = [w for w in role[:-len(head) - 1].split() if w not in _NOT_PORTFOLIO]
    return before[0] if before else None


_LEAD_SENTENCES = 2   # the headline and the first sentence, or the first two sentences


def _lead_subject(ctx: Context) -> str | None:
    """The state that the first sentences make their grammatical subject ("Lithuania closed ...", "the Thai army
    accused ..."): the first such mention in the article's opening."""
    for m in ctx.found:
        if ctx.sent_of[m.start] >= _LEAD_SENTENCES:
            return None
        if m.kind != "state" or not m.code or m.place:
            continue
        head = ctx.doc[m.start:m.end].root
        while head.dep_ in ("compound", "amod", "poss", "det") and head.head.i != head.i:
            head = head.head   # "the Thai army": the demonym's noun
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX"):
            # "Senegal and Mali signed ...": a subject of two states tells no side
            return None if any(c.dep_ == "conj" for c in head.children) else m.code
    return None


def _acting_states(ctx: Context) -> set[str]:
    return {m.code for m in ctx.found if m.kind == "state" and m.code and not m.place}
