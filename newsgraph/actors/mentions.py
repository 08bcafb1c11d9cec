"""State and organisation mentions: lexicon matches, institutions of a state, places, unresolved names.

One PhraseMatcher pass over ORTH finds every name in the lexicon (longest match wins, so "Papua New Guinea" beats
"Guinea" and a place such as "Indian Ocean" blocks "Indian"); a second over LOWER finds institution words that
turn "the Russian" + "Foreign Ministry" into one mention with a sector. spaCy's GPE/ORG/NORP entities that the
lexicon does not cover become unresolved mentions.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsgraph.actors.filters import in_other_body, is_city, is_dateline, sport_sentences
from newsgraph.actors.lexicon import Entry, Lexicon

# prepositions after which a state name is a location, not a party ("in India", "across Syria")
PLACE_PREPS = frozenset({"in", "across", "inside", "within", "throughout", "into", "near", "around", "outside",
                         "at", "via", "towards", "toward"})
PLACE_HEADS = frozenset({"border", "borders", "frontier", "boundary", "capital", "city", "region", "province",
                         "visit", "trip", "tour", "soil", "territory", "parts", "part", "north", "south", "east",
                         "west", "coast", "outside", "centre", "center"})
POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
UNRESOLVED_LABELS = frozenset({"GPE", "ORG", "NORP"})
_STATE_KINDS = frozenset({"state", "territory", "region"})
# words that may sit between a state and an institution ("India's external affairs ministry")
_GAP_OK = frozenset({"federal", "foreign", "external", "interior", "home", "defence", "defense", "national",
                     "state", "central", "top", "senior", "official", "ruling", "armed", "regular", "main"})


@dataclass
class Found:
    """A mention while the stage works on it (token offsets, end exclusive)."""

    start: int
    end: int
    code: str | None
    kind: str
    how: str
    sector: str | None = None
    place: bool = False
    person: str | None = None


@dataclass
class Mentions:
    """What `MentionFinder` returns: resolved and unresolved mentions, institution phrases by start token
    (end, sector), and the tokens that names took (mentions and blocked names)."""

    found: list[Found]
    unresolved: list[Found]
    inst_at: dict[int, tuple[int, str]]
    taken: set[int]


class MentionFinder:
    """Find state/organisation mentions in a Doc; built once, called per doc."""

    def __init__(self, nlp: Language, lex: Lexicon) -> None:
        self.lex = lex
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.entries: dict[int, Entry] = {}
        for text, entry in lex.names.items():
            key = nlp.vocab.strings.add(text)
            self.entries[key] = entry
            self.names.add(text, [nlp.make_doc(text)])
        self.institutions = PhraseMatcher(nlp.vocab, attr="LOWER")
        for text, sector in {**lex.stateless, **lex.institutions}.items():
            self.institutions.add(sector, [nlp.make_doc(text)])

    def __call__(self, doc: Doc, sent_of: list[int], text: str | None = None) -> Mentions:
        """Resolved and unresolved mentions (document order); places, groups, teams and other bodies' names
        blocked silently.

        `sent_of` maps tokens to sentence indices; `text` is `doc.text` when the caller has it already.
        """
        text = doc.text if text is None else text
        spans = filter_spans([Span(doc, s, e, label=k) for k, s, e in self.names(doc)])
        inst_at: dict[int, tuple[int, str]] = {}
        for key, s, e in self.institutions(doc):
            if s not in inst_at or e > inst_at[s][0]:
                inst_at[s] = (e, doc.vocab.strings[key])
        games = sport_sentences(doc, self.lex, sent_of)
        names = {k for span in spans for k in range(span.start, span.end)}
        found: list[Found] = []
        blocked: list[tuple[int, int]] = []
        ambiguous: list[Found] = []
        for span in spans:
            if _opens_person_name(doc, span):
                continue    # "Defense Minister Wellington Koo": a place's name as a person's first name
            entry = self.entries[span.label]
            code = _choose(entry, text)
            if code is None or not _allowed(span, entry, text) or _modifier_only(doc, span) \
                    or (entry.kind in _STATE_KINDS and (games is None or sent_of[span.start] in games)) \
                    or in_other_body(span, self.lex, names):
                blocked.append((span.start, span.end))
                if entry.choices and code is None:
                    ambiguous.append(Found(span.start, span.end, None, "unresolved", "ambiguous"))
                continue
            m = self._mention(doc, span, entry, inst_at)
            m.code = code
            if entry.kind == "territory":
                if not m.how.endswith("+institution"):
                    blocked.append((span.start, span.end))
                    continue
                m.kind = "state"
            found.append(m)
        found = _drop_overlaps(found)
        _owned_organs(doc, found)
        found = _acronyms(doc, found, names)
        unresolved = _unresolved(doc, found, blocked) + ambiguous
        taken = {k for m in found for k in range(m.start, m.end)}
        taken.update(k for s, e in blocked for k in range(s, e))
        return Mentions(found, sorted(unresolved, key=lambda m: m.start), inst_at, taken)

    def _mention(self, doc: Doc, span: Span, entry: Entry, inst_at: dict[int, tuple[int, str]]) -> Found:
        if entry.kind == "region":   # "in Darfur": a location of the state, never a party
            return Found(span.start, span.end, entry.code, "state", "region", place=True)
        m = Found(span.start, span.end, entry.code, entry.kind, entry.how, entry.sector)
        if entry.kind not in {"state", "territory"} or entry.how == "seat":
            return m
        j = span.end
        if j < len(doc) and doc[j].text in POSSESSIVE:
            j += 1
        while j < len(doc) and j not in inst_at and doc[j].lower_ in _GAP_OK and j < span.end + 3:
            j += 1
        if j in inst_at:
            end, sector = inst_at[j]
            end = extend_of_phrase(doc, end)
            m.end, m.sector, m.how = end, sector, f"{entry.how}+institution"
            return m
        if entry.how != "demonym":
            m.place = _is_place(doc, span) or (entry.how == "capital" and is_city(span, self.lex))
        return m


def _opens_person_name(doc: Doc, span: Span) -> bool:
    """The model reads the words as the start of a person's name that goes on after them ("Wellington Koo"); not
    after a preposition ("President of Ghana Kofi Mensah": the state, whatever the model's span)."""
    if span.start > 0 and doc[span.start - 1].pos_ == "ADP":
        return False
    return (span.end < len(doc) and all(t.ent_type_ == "PERSON" for t in span) and doc[span.end].ent_iob_ == "I"
            and doc[span.end].ent_type_ == "PERSON" and doc[span.end].pos_ == "PROPN")


def _choose(entry: Entry, text: str) -> str | None:
    """The entry's code; for a name two states share ("Congo"), the one whose evidence the article holds."""
    if not entry.choices:
        return entry.code
    fits = [code for code, words in entry.choices if any(word in text for word in words)]
    return fits[0] if len(fits) == 1 else None


def _allowed(span: Span, entry: Entry, text: str) -> bool:
    """Ambiguous names must not be part of a longer PERSON name, or need a context word in the article
    (or "the" before them, for names such as "the Emirates")."""
    if entry.not_person and _in_longer_person(span):
        return False
    if entry.the_ok and span.start > 0 and span.doc[span.start - 1].lower_ == "the":
        return True
    if entry.context is not None and not any(word in text for word in entry.context):
        return False
    return True


def _modifier_only(doc: Doc, span: Span) -> bool:
    """Not an actor: "anti-Syria", "pro-Russia" stances and "US $50 million" currencies."""
    s, e = span.start, span.end
    if s >= 2 and doc[s - 1].text == "-" and doc[s - 2].lower_ in {"anti", "pro", "non"}:
        return True
    return e < len(doc) and (doc[e].is_currency or doc[e].text == "$") and span.text in {"US", "U.S."}


def _in_longer_person(span: Span) -> bool:
    """"Michael Jordan": a PERSON entity that reaches beyond the name (a lone "Jordan" stays the state)."""
    doc = span.doc
    before = span.start > 0 and doc[span.start - 1].ent_type_ == "PERSON" and doc[span.start].ent_iob_ == "I"
    after = span.end < len(doc) and doc[span.end].ent_type_ == "PERSON" and doc[span.end].ent_iob_ == "I"
    return any(t.ent_type_ == "PERSON" for t in span) and (before or after)


def extend_of_phrase(doc: Doc, end: int) -> int:
    """"Ministry of External Affairs": carry the mention over an `of` + capitalised words tail."""
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].is_title:
        k = end + 1
        while k < len(doc) and (doc[k].is_title or doc[k].lower_ in {"and", "of", "for"}):
            k += 1
        while k > end + 1 and not doc[k - 1].is_title:
            k -= 1
        # "the government of President X": a person's name ends the body, it is no part of it
        return end if any(t.ent_type_ == "PERSON" for t in doc[end + 1:k]) else k
    return end


def _is_place(doc: Doc, span: Span) -> bool:
    """A state used as a location: object of a place preposition, "the border with X", a dateline, "Bam, Iran"."""
    root = span.root
    head = root.head
    while root.dep_ == "conj" and head is not root:
        root, head = head, head.head
    if root.dep_ == "pobj":
        if head.lower_ in PLACE_PREPS:
            return True
        if head.lower_ in {"with", "of", "to"} and head.head.lower_ in PLACE_HEADS:
            return True
    if root.dep_ == "appos" and head.ent_type_ in {"GPE", "LOC", "FAC"}:
        return True
    return is_dateline(doc, span)


def _acts(span: Span) -> bool:
    """A name in an acting position: subject, possessor, or agent of a passive."""
    root = span.root
    if root.dep_ in {"nsubj", "nsubjpass", "poss"}:
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "by"


def _owned_organs(doc: Doc, found: list[Found]) -> None:
    """"The African Union's Security Council": an organ named with its owner belongs to the owner."""
    for before, m in zip(found, found[1:]):
        if m.how == "organ" and before.kind == "org" and before.code and before.end == m.start - 1 \
                and doc[before.end].text in POSSESSIVE:
            m.code = before.code


_MAX_ACRONYM = 8


def _acronyms(doc: Doc, found: list[Found], names: set[int]) -> list[Found]:
    """"the Philippine Coast Guard (PCG) said ... the PCG spokesperson": an acronym the article defines in brackets
    after a body it codes stands for that body wherever else it appears (news defines one on first use)."""
    defined: dict[str, Found] = {}
    by_end = {m.end: m for m in found}
    for i in range(1, len(doc) - 2):
        if doc[i].text != "(" or doc[i + 2].text != ")":
            continue
        word = doc[i + 1].text
        m = by_end.get(i)
        if m is None or not m.code or m.place or not (2 <= len(word) <= _MAX_ACRONYM and word.isupper()):
            continue
        if m.how.endswith("+institution") or m.how == "seat" or m.kind == "org":   # a body, not a bare state
            defined.setdefault(word, m)
    if not defined:
        return found
    taken = {k for m in found for k in range(m.start, m.end)} | names
    extra = [Found(t.i, t.i + 1, m.code, m.kind, "acronym", m.sector) for t in doc
             if t.text in defined and t.i not in taken and (m := defined[t.text]).end < t.i
             and doc[t.i - 1].text != "("]
    return sorted(found + extra, key=lambda m: m.start) if extra else found


def _drop_overlaps(found: list[Found]) -> list[Found]:
    found.sort(key=lambda m: (m.start, -m.end))
    out: list[Found] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _unresolved(doc: Doc, found: list[Found], blocked: list[tuple[int, int]]) -> list[Found]:
    """spaCy entities that look like states or organisations but matched nothing in the lexicon."""
    taken = set()
    for m in found:
        taken.update(range(m.start, m.end))
    for s, e in blocked:
        taken.update(range(s, e))
    out = []
    for ent in doc.ents:
        if ent.label_ not in UNRESOLVED_LABELS or taken.intersection(range(ent.start, ent.end)):
            continue
        start, end = ent.start, ent.end
        if doc[start].lower_ == "the":
            start += 1
        while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
            end -= 1
        if end <= start:
            continue
        # a town or province the lexicon does not know is a location unless it acts ("Tyumen said")
        place = ent.label_ == "GPE" and not _acts(doc[start:end]) or is_dateline(doc, doc[start:end])
        out.append(Found(start, end, None, "unresolved", "ner-" + ent.label_.lower(), place=place))
    return out
