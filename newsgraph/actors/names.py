"""Person names in a Doc: where they start and end.

Seeds are spaCy's PERSON entities, the proper nouns right after a title ("PM Imran Khan") or a courtesy title
("Mr Kamau"), two proper nouns after a title and a comma ("Kosovo's interior minister, Arben Krasniqi", which
spaCy often tags as an organisation), and organisation-tagged names that a "who" clause marks as persons
("Jane Roe, who represents the defendant"). Each seed is cleaned of titles and widened over neighbouring
proper nouns, particles ("Khalid Al Mansoori") and hyphenated parts ("Tsai Ing-wen").
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import ENT_TYPE, IS_ALPHA, IS_TITLE
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from newsgraph.actors.mentions import POSSESSIVE
from newsgraph.actors.officeholders import known_name
from newsgraph.actors.persons import Context, role_before
from newsgraph.actors.roles import Role

PARTICLES = frozenset({"bin", "bint", "ibn", "al", "el", "de", "da", "di", "del", "der", "van", "von", "ur", "ul",
                       "la", "le", "dos", "du", "ben", "abu", "den", "ter", "-", "'"})
# capitals inside a name after a surname prefix: "McCormick", "MacLeod", "DeSantis", "LeBron", "O'Donnell", "D'Souza"
_INNER_CAPS = re.compile(r"(?:(?:Mc|Mac|Fitz|De|Del|Di|Da|La|Le|Van)(?=[A-Z])|[A-Z][a-z]?['\u2019])[A-Z][a-z]+$")
_CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z][a-z]+$")   # "MaryKay", "LaToya": a given name only where spaCy tags a person
_LEAD_VERBS = frozenset({"led", "headed", "chaired"})
_NOT_NAME_ENTS = frozenset({"DATE", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "TIME"})
_MISTAGGED = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})   # labels spaCy's small model gives unfamiliar names
_MAX_WHO_NAME = 4   # "X Y, who ...": longer organisation-tagged spans are bodies, not persons
_SYLLABLE = 4       # "Jae-in", "Jong-un": a lower-case syllable of a hyphenated given name
# a ruler's regnal number ("Mohammed VI", "Abdullah II", "Charles III"); a lone "I" is too often the pronoun
SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr"})   # generational suffixes end a name but are no surname
_REGNAL = re.compile(r"^(?:X{0,2}(?:IX|IV|V?I{1,3}|V)|X{1,2})$")
_INITIAL = re.compile(r"^[A-Z]\.$")   # "S. Jaishankar", "George H. W. Bush": an initial opens or splits a name


def is_name_token(token: Token) -> bool:
    """A token that can be part of a person's name."""
    if not (token.is_alpha and token.is_title or _INNER_CAPS.match(token.text)
            or token.ent_type_ == "PERSON" and _CAMEL.match(token.text)):
        return False
    # a gerund opening a sentence ("Hosting X at the forum ...") is a verb, however spaCy tags the span
    if token.pos_ == "VERB" and token.is_sent_start and token.lower_.endswith("ing"):
        return False
    return token.pos_ in {"PROPN", "NOUN", "ADJ", "X", "VERB"} and token.ent_type_ not in _NOT_NAME_ENTS


def find_names(ctx: Context, roles: list[Role]) -> list[tuple[int, int]]:
    """Token spans of person names: PERSON entities and proper nouns after a title, cleaned and widened."""
    doc = ctx.doc
    taken = set()
    for m in ctx.found:
        taken.update(range(m.start, m.end))
    in_role = set()
    for r in roles:
        in_role.update(range(r.start, r.end))
    # courtesy titles ("Mr", "Dr.") count as titles: never part of the name, and a name follows them
    honorifics = [i for i in ctx.positions(ctx.lex.honorifics) if i + 1 < len(doc)]
    in_role.update(honorifics)
    spans: set[tuple[int, int]] = set()
    bodies = ctx.lex.organ_words | ctx.lex.private_bodies
    for s, e in _seeds(ctx, roles, honorifics):
        while s < e and (s in in_role or s in taken or not is_name_token(doc[s])):
            s += 1
        while e > s and not (is_name_token(doc[e - 1]) or _hyphen_tail(doc, e - 1)):
            e -= 1
        if e <= s or any(k in taken or doc[k].text in ctx.not_names for k in range(s, e)):
            continue
        # a place the lexicon knows ("the Horn of Africa Mike Hammer") is no part of a name spaCy does not see
        while s > 0 and _widen_ok(doc[s - 1], taken, in_role) and doc[s - 1].pos_ == "PROPN" \
                and not (s - 1 in ctx.blocked and doc[s - 1].ent_type_ != "PERSON"):
            s -= 1
        while s > 0 and _INITIAL.match(doc[s - 1].text) and not doc[s].is_sent_start \
                and s - 1 not in taken and s - 1 not in in_role:
            s -= 1   # "External Affairs Minister S. Jaishankar": the initial is the name's, the title before it
        if e - s >= 2 and doc[s].is_sent_start and _gerund(doc[s], ctx.lex.verbs):
            s += 1   # "Hosting X at the forum was ...": a verb that spaCy took into the name
        e = _widen_right(doc, e, taken, in_role)
        if doc[e - 1].lower_ in bodies and doc[e - 1].ent_type_ != "PERSON":
            continue   # "the director of the National Relief Office": a body's name, not a person's
        if e < len(doc) and (_regnal(doc[e]) or doc[e].text in SUFFIXES):
            e += 1   # "Mohammed VI", "Ferdinand Marcos Jr."
        spans.add((_after_title_words(ctx, s, e), e))
    # keep the widest of overlapping spans
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda x: (x[0], -x[1])):
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return _add_surnames(ctx, out, taken | in_role)


def _seeds(ctx: Context, roles: list[Role], honorifics: list[int]) -> list[tuple[int, int]]:
    doc = ctx.doc
    seeds = [(ent.start, ent.end) for ent in doc.ents if ent.label_ == "PERSON"]
    # "Justice Department", "Defence Ministry": a title word naming an institution, not a person; "Chief Strategy
    # Officer": a portfolio inside a longer title
    # "director of the National Disaster Centre": a body's word after a title that ran over its name is no name
    bodies = ctx.lex.organ_words | ctx.lex.private_bodies
    seeds += [(r.end, r.end + 1) for r in roles if r.end < len(doc) and is_name_token(doc[r.end])
              and doc[r.end].lower_ not in ctx.lex.institutions and doc[r.end].lower_ not in bodies
              and not (r.end + 1 < len(doc) and doc[r.end + 1].lower_ in ctx.lex.roles)]
    seeds += [(r.end + 1, r.end + 2) for r in roles if r.end + 1 < len(doc) and _INITIAL.match(doc[r.end].text)
              and is_name_token(doc[r.end + 1])]   # "Minister S. Jaishankar"
    seeds += [(i + 1, i + 2) for i in honorifics if is_name_token(doc[i + 1])]
    # "Special Envoy for the Horn of Africa Mike Hammer": two name words after a place that ends a title's complement
    for r in roles:
        k = r.end + 1 + (r.end + 1 < len(doc) and doc[r.end + 1].lower_ == "the")
        if r.end < len(doc) and doc[r.end].lower_ in {"for", "to"} and k in ctx.blocked:
            while k in ctx.blocked:
                k += 1
            if k + 1 < len(doc) and is_name_token(doc[k]) and is_name_token(doc[k + 1]):
                seeds.append((k, k + 2))
    # "President of the Kyrgyz Republic Sadyr Japarov": name words right after a title's "of <state>"
    for r in roles:
        k = r.end + 1 + (r.end + 1 < len(doc) and doc[r.end + 1].lower_ == "the")
        m = ctx.mention_start.get(k) if r.end < len(doc) and doc[r.end].lower_ == "of" else None
        # ("... of Kazakhstan Kassym-Jomart Tokayev": a hyphenated given name is one word of the name)
        hyphen = m is not None and m.end + 2 < len(doc) and doc[m.end + 1].text == "-" and is_name_token(doc[m.end + 2])
        if m is not None and m.code and m.end + 1 < len(doc) and is_name_token(doc[m.end]) \
                and (is_name_token(doc[m.end + 1]) or hyphen):
            seeds.append((m.end, m.end + 2 + hyphen))
    # "the Chilean delegation, led by Ana Molina Reyes": two name words after "led/headed by" (a state or body
    # there is a mention already, and taken)
    for b in ctx.positions(("by",)):
        if 0 < b and b + 2 < len(doc) and doc[b - 1].lower_ in _LEAD_VERBS and is_name_token(doc[b + 1]) \
                and is_name_token(doc[b + 2]) and b + 1 not in ctx.mention_at:
            seeds.append((b + 1, b + 3))
    seeds += _known_names(ctx)
    # "Kosovo's interior minister, Arben Krasniqi": two name words after a title and a comma
    for c in ctx.positions((",",), "orth"):
        if c + 2 < len(doc) and is_name_token(doc[c + 1]) and is_name_token(doc[c + 2]) \
                and doc[c + 1].ent_type_ != "PERSON" and role_before(ctx, c + 1) is not None \
                and _name_ends_clause(doc, c + 1) and not ({c + 1, c + 2} & ctx.role_start.keys()):
            seeds.append((c + 1, c + 3))   # (", Deputy Trade Minister X": words of a title are no name)
    # "Jane Roe, who represents ...", "Jane Roe, President of the Senate, ...": a name spaCy tagged as a body or a
    # place that a "who" clause or an apposed title marks as a person (a known state or body is taken already)
    for ent in doc.ents:
        if ent.label_ in _MISTAGGED and 2 <= len(ent) <= _MAX_WHO_NAME and ent.end + 1 < len(doc) \
                and doc[ent.end].text == "," and all(is_name_token(t) for t in ent) \
                and (doc[ent.end + 1].lower_ == "who" or _apposed_role(ctx, ent.end + 1)):
            seeds.append((ent.start, ent.end))
    return seeds


def _after_title_words(ctx: Context, s: int, e: int) -> int:
    """"Western Hemisphere Affairs Dana Whitcombe": where the name starts after title words spaCy took into it (a
    portfolio's closing word or a title word, with two name words after it)."""
    doc = ctx.doc
    for k in range(e - 3, s - 1, -1):
        word = doc[k].lower_
        if (word in ctx.lex.portfolio_closers or word in ctx.lex.roles) and is_name_token(doc[k + 1]) \
                and is_name_token(doc[k + 2]):
            return k + 1
    return s


def _name_ends_clause(doc: Doc, k: int) -> bool:
    """The name words from k are followed by punctuation or a verb ("Arben Krasniqi, rejected", "X said"), not by
    more of a body's name ("Nissan Sales & Regional Operations")."""
    while k < len(doc) and is_name_token(doc[k]):
        k += 1
    return k == len(doc) or doc[k].text in {",", ".", ";", ":", ")"} or doc[k].pos_ in {"VERB", "AUX"}


def _apposed_role(ctx: Context, k: int) -> bool:
    """A title opens the apposition at token k: "the president", "Ghana's foreign minister", "a former envoy"."""
    doc = ctx.doc
    if k < len(doc) and doc[k].lower_ in {"the", "a", "an"}:
        k += 1
    m = ctx.mention_start.get(k)
    if m is not None and m.code:
        k = m.end + (1 if m.end < len(doc) and doc[m.end].text in POSSESSIVE else 0)
    while k < len(doc) and k not in ctx.role_start and doc[k].lower_ in ctx.modifiers:
        k += 1
    return k in ctx.role_start


def _widen_right(doc: Doc, e: int, taken: set[int], in_role: set[int]) -> int:
    """Carry a name over following name words, particles ("Al Mansoori") and hyphenated parts ("Ing-wen")."""
    while e < len(doc):
        if e + 1 < len(doc) and doc[e].text == "-" and _hyphen_tail(doc, e + 1):
            e += 2
            continue
        k = e
        while k < len(doc) and k - e < 3 and doc[k].lower_ in PARTICLES:
            k += 1
        if k < len(doc) and _widen_ok(doc[k], taken, in_role) and not doc[k].is_sent_start:
            e = k + 1
        else:
            break
    return e


def _regnal(token: Token) -> bool:
    """A regnal number right after a name: "Mohammed VI", "Abdullah II" (not "I", the pronoun)."""
    return token.text != "I" and bool(_REGNAL.match(token.text)) and token.i > 0 and token.doc[token.i - 1].whitespace_ != ""


def _gerund(token: Token, verbs: frozenset[str]) -> bool:
    """"Hosting", "Backing": an -ing form of a known verb ("host", "make", "plan")."""
    word = token.lower_
    if not word.endswith("ing") or len(word) < 6:
        return False
    stem = word[:-3]
    return stem in verbs or stem + "e" in verbs or (stem[-1] == stem[-2] and stem[:-1] in verbs)


def _hyphen_tail(doc: Doc, k: int) -> bool:
    """"Ocasio-Cortez", "Ing-wen": a word joined by a hyphen, with no spaces, to a name word; a lower-case one only
    where spaCy took it into the person's name, or a short syllable after a name's second word ("Moon Jae-in");
    "Trump-era", "Oscar-winning" are no names."""
    if k < 2 or not doc[k].is_alpha or doc[k - 1].text != "-":
        return False
    if not doc[k].is_title and doc[k].ent_type_ != "PERSON" \
            and not (k >= 3 and len(doc[k]) <= _SYLLABLE and doc[k - 2].ent_type_ == "PERSON"
                     and is_name_token(doc[k - 3])):
        return False
    return not doc[k - 2].whitespace_ and not doc[k - 1].whitespace_ and is_name_token(doc[k - 2])


def _add_surnames(ctx: Context, names: list[tuple[int, int]], taken: set[int]) -> list[tuple[int, int]]:
    """Surnames of the full names found, where spaCy did not tag them again ("Mensah later said")."""
    # a regnal number is no surname ("Abdullah II": not every "II" in "World War II")
    surnames = {ctx.doc[e - 1 - (ctx.doc[e - 1].text in SUFFIXES)].text for s, e in names
                if e - s >= 2 + (ctx.doc[e - 1].text in SUFFIXES) and not _hyphen_tail(ctx.doc, e - 1)
                and not _regnal(ctx.doc[e - 1])}
    if not surnames:
        return names
    inside = {k for s, e in names for k in range(s, e)}
    extra = [(i, i + 1) for i in ctx.positions(surnames, "orth") if i not in inside and i not in taken]
    return sorted(names + extra) if extra else names


def _widen_ok(token: Token, taken: set[int], in_role: set[int]) -> bool:
    return is_name_token(token) and token.i not in taken and token.i not in in_role


_PERSON = get_string_id("PERSON")
_MAX_KNOWN = 4   # words of a name in the dated dictionary ("Alejandro Gertz Manero")


def _known_names(ctx: Context) -> list[tuple[int, int]]:
    """"the administration of Javier Milei": runs of two to four title-case words, no person to spaCy, that the dated
    office-holders dictionary spells so (token arrays, then one lookup per run)."""
    doc = ctx.doc
    if len(doc) < 2:
        return []
    arr = doc.to_array([IS_TITLE, IS_ALPHA, ENT_TYPE])
    word = (arr[:, 0] == 1) & (arr[:, 1] == 1) & (arr[:, 2] != _PERSON)
    edges = numpy.flatnonzero(numpy.diff(numpy.concatenate(([0], word.astype(numpy.int8), [0]))))
    out = []
    for start, end in zip(edges[::2].tolist(), edges[1::2].tolist()):
        for s in range(start, end - 1):
            for e in range(min(end, s + _MAX_KNOWN), s + 1, -1):
                if known_name(doc[s:e].text):
                    out.append((s, e))
                    break
    return out
