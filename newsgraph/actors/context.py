"""The per-document lookups that the person-affiliation rules share (`newsgraph.actors.persons`): token arrays, mentions
by position, titles by position, and the readings of the actor right before or after a token ("Pakistan's",
"that country's", "its", "of Morocco", "of the Armed Forces of the Philippines")."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc

from newsgraph.actors.crisis import owner_state
from newsgraph.actors.filters import sentence_index
from newsgraph.actors.lexicon import Lexicon
from newsgraph.actors.mentions import POSSESSIVE, Found
from newsgraph.actors.roles import Role

COUNTRY_WORDS = frozenset({"country", "nation", "kingdom", "republic", "state"})
# "the bloc's foreign policy chief", "the commission's president": the organisation named last
ORG_WORDS = frozenset({"bloc", "alliance", "organisation", "organization", "grouping", "union", "commission",
                       "council", "committee", "agency", "watchdog", "body", "fund", "bank"})
# "the group's spokesman", "the militia's commander": the armed or local group named last
GROUP_WORDS = frozenset({"group", "militia", "movement", "rebels", "insurgents", "faction"})
# a state that modifies a body's name ("the American Farm Bureau") is no employer; a possessor owns it
# ("head of Norway's Directorate of Fisheries")
_MODIFIER_DEPS = frozenset({"compound", "amod", "npadvmod", "nmod"})
_MAX_ORGAN = 4
DEMONSTRATIVES = frozenset({"that", "the", "this"})


def referent_state(found: list[Found], before: int, sent_of: list[int], kind: str = "state") -> str | None:
    """"That country": the last state named earlier in the sentence, else the first (most salient) state
    of the nearest earlier sentence that names one."""
    if before <= 0:
        return None
    here = sent_of[before - 1]
    earlier = [m for m in found if m.kind == kind and m.code and not m.place and m.end <= before]
    same = [m for m in earlier if sent_of[m.start] == here]
    if same:
        return same[-1].code
    if not earlier:
        return None
    last_sent = sent_of[earlier[-1].start]
    return next(m.code for m in earlier if sent_of[m.start] == last_sent)


class Context:
    """Per-doc lookups the affiliation rules share."""

    def __init__(self, doc: Doc, found: list[Found], roles: list[Role], lex: Lexicon,
                 dateline: str | None = None, text: str | None = None, sent_of: list[int] | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.lex = lex
        self.not_names = lex.not_names
        self.found = found
        self.modifiers = lex.role_modifiers
        self.dateline = dateline
        self.mention_end = {m.end: m for m in found}
        self.mention_start = {m.start: m for m in found}
        # institution mentions run over the title ("India's ambassador"): any token finds its mention
        self.mention_at = {k: m for m in found for k in range(m.start, m.end)}
        self.role_end = {r.end: r for r in roles}
        self.role_start = {r.start: r for r in roles}
        # token arrays: a per-token Python loop over a long article costs more than the rest of the stage
        self.lower = doc.to_array(LOWER)
        self.sent_of: list[int] = sent_of if sent_of is not None else sentence_index(doc)
        self.crisis: str | None = None   # the coup's state, once asked for ("" for none)
        self.blocked: set[int] = set()   # tokens of names the lexicon knows that are no mentions (places, groups)
        self.published: str | None = None   # the article's date: who held an office then (officeholders.py)
        self.bodies: list[Found] = []     # "the junta", "the Foreign Ministry": institutions given a state

    def state_before(self, j: int) -> tuple[str | None, str]:
        """The actor named right before token j ("Pakistan's", "the Russian", "that country's")."""
        doc = self.doc
        while j > 0 and doc[j - 1].lower_ in self.modifiers:
            j -= 1
        if j > 0 and doc[j - 1].text in POSSESSIVE:
            j -= 1
        if j >= 3 and doc[j - 1].text == ")" and doc[j - 3].text == "(":
            j -= 3   # "Palestine Liberation Organization (PLO) Chairman X": the acronym repeats the name
        if j > 1 and j - 1 not in self.mention_at:
            j = self._organ_start(j)
        m = self.mention_at.get(j - 1) if j > 0 else None
        if m is not None and m.code and m.kind in {"state", "org"}:
            # "Bosnia's Serb leader": the possessor state, not the group the demonym names
            if m.how.startswith("demonym") and m.start >= 2 and doc[m.start - 1].text in POSSESSIVE:
                owner = self.mention_at.get(m.start - 2)
                if owner is not None and owner.code and owner.kind == "state":
                    return owner.code, owner.how.split("+")[0]
            # "Bosnian Serb leader", "Iraqi Kurdish official": the outer demonym is the state, the inner its community
            outer = self.mention_at.get(m.start - 1) if m.how.startswith("demonym") and m.start > 0 else None
            if outer is not None and outer.how == "demonym" and outer.kind == "state" and outer.code:
                return outer.code, "demonym"
            return m.code, m.how.split("+")[0]
        if j >= 1 and doc[j - 1].lower_ == "its":
            return self.subject_before(j - 1), "its"
        if j >= 2:
            code, sector = owner_state(self, j - 1)   # "the junta's spokesman", "the rebels' commander"
            if code is not None:
                return code, f"owner-{sector}"
        if j >= 2 and doc[j - 2].lower_ in DEMONSTRATIVES:
            if doc[j - 1].lower_ in COUNTRY_WORDS:
                return referent_state(self.found, j - 2, self.sent_of), "that-country"
            if doc[j - 1].lower_ in ORG_WORDS:
                return referent_state(self.found, j - 2, self.sent_of, "org"), "that-org"
            if doc[j - 1].lower_ in GROUP_WORDS:
                return self._group_before(j - 2), "that-group"
            # "the embassy's head of chancery": the body named last by that word ("the Mexican embassy")
            code = self._body_before(j - 2, doc[j - 1].lower_) if doc[j - 1].pos_ == "NOUN" else None
            if code is not None:
                return code, "that-body"
        return None, ""

    def _group_before(self, at: int) -> str | None:
        """"the group's chief spokesman": the armed or local group named last, a few sentences before at most."""
        here = self.sent_of[at]
        groups = [m for m in self.found if m.end <= at and m.code and not m.place and here - self.sent_of[m.start] <= 3
                  and (m.sector == "REB" or m.how.endswith("+based"))]
        return groups[-1].code if groups else None

    def _body_before(self, at: int, word: str) -> str | None:
        """The state of the body named last, a few sentences before at most, whose name ends with `word`."""
        here = self.sent_of[at]
        bodies = [m for m in self.found if m.end <= at and m.code and not m.place and m.kind == "state"
                  and here - self.sent_of[m.start] <= 6 and self.doc[m.end - 1].lower_ == word]
        return bodies[-1].code if bodies else None

    def _organ_start(self, j: int) -> int:
        """"ECOWAS Commission President X", "EU Foreign Affairs Council chair X": an organ's name between the actor
        and the title (title-case words, the last an organ word); where it starts, else j unchanged."""
        doc = self.doc
        if not (doc[j - 1].is_title and doc[j - 1].lower_ in self.lex.organ_words):
            return j
        k = j - 1
        while k > 0 and j - k < _MAX_ORGAN and k - 1 not in self.mention_at and doc[k - 1].is_title \
                and (doc[k - 1].lower_ in self.lex.organ_words or doc[k - 1].lower_ in self.lex.portfolios):
            k -= 1
        return k if k - 1 in self.mention_at else j

    def positions(self, words: Iterable[str], attr: str = "lower") -> list[int]:
        """Token indices whose lower-case form (or text, attr="orth") is one of `words`."""
        ids = numpy.array([get_string_id(w) for w in words], dtype=numpy.uint64)
        values = self.lower if attr == "lower" else self.doc.to_array(ORTH)
        return numpy.flatnonzero(numpy.isin(values, ids)).tolist()

    def subject_before(self, i: int, same: bool = True) -> str | None:
        """"The EU said its envoy ...": the state or organisation that is a subject earlier in the sentence,
        else in the sentence before ("The AU urged calm. Its chairperson ...")."""
        here = self.sent_of[i]
        # the bodies "the junta", "the ministry" are subjects too; a main clause's subject first ("The junta, which
        # seized power, revoked the accord that allowed US forces to stay. Its spokesman ...": the junta's)
        found = sorted(self.found + self.bodies, key=lambda m: m.start)
        for sent in (here, here - 1) if same else (here - 1,):
            bodies = [m for m in found if m.end <= i and self.sent_of[m.start] == sent and m.code
                      and m.kind in {"state", "org"} and not m.place]
            subjects = [m for m in bodies if _subject_head(self.doc[m.start:m.end].root).dep_ in {"nsubj", "nsubjpass"}]
            # a subject the parse made the root of the sentence ("The junta, which ..., revoked" read as a phrase)
            main = [m for m in bodies if self.doc[m.start:m.end].root.dep_ == "ROOT"
                    or m in subjects and _subject_head(self.doc[m.start:m.end].root).head.dep_ == "ROOT"]
            if main:
                return main[-1].code
            # "The Canal Authority denied a claim that US vessels ...": a main subject the lexicon cannot code owns
            # "its", not the subject of a clause inside the sentence
            if subjects and not _uncoded_main_subject(self.doc[bodies[0].start].sent, i, found):
                return subjects[-1].code
            # "the Panama Canal Authority denied ...": a body named by its state's name is the state's
            named = self._named_body_state(self.doc[bisect_left(self.sent_of, sent)].sent, i)
            if named is not None:
                return named
            if subjects:
                return None
        return None

    def _named_body_state(self, sent, i: int) -> str | None:
        """The state whose name opens the uncoded body that is the main subject ("Panama" in "the Panama Canal
        Authority", a name the mentions leave inside the body's), when the body's head is an organ word."""
        subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.i >= i or subj.lower_ not in self.lex.organ_words:
            return None
        words = [t for t in self.doc[subj.left_edge.i:subj.i] if t.dep_ == "compound" and t.pos_ == "PROPN"]
        if not words:
            return None
        entry = self.lex.names.get(words[0].text)
        return entry.code if entry is not None and entry.kind == "state" and entry.how in ("alias", "name") else None

    def state_after(self, k: int, preps: frozenset[str] = frozenset({"of"})) -> str | None:
        """"... of Morocco", "a spokesman for the Colombian army": the actor named right after `of` at token k.

        A state that only qualifies another body ("of the American Farm Bureau", "of the London-based
        website") is not the employer.
        """
        doc = self.doc
        if k < len(doc) and doc[k].lower_ in preps:
            m = self.mention_start.get(k + 1) or self.mention_start.get(k + 2)
            if m is not None and m.code and m.kind in {"state", "org"} and not self._qualifies(m):
                return m.code
            if m is None or not m.code:
                if k + 3 < len(doc) and doc[k + 1].lower_ == "the" and doc[k + 2].lower_ in GROUP_WORDS \
                        and doc[k + 3].text in POSSESSIVE:
                    return self._group_before(k + 1)    # "a member of the group's political bureau"
                return self._state_of_body(k + 1)
        return None

    def _state_of_body(self, j: int) -> str | None:
        """"of the Armed Forces of the Philippines": a body's proper name that ends "of <state>" is that state's."""
        doc = self.doc
        j += j < len(doc) and doc[j].lower_ == "the"
        if not (j < len(doc) and doc[j].is_title):
            return None
        for i in range(j + 1, min(j + 8, len(doc) - 1)):
            if doc[i].lower_ == "of":
                m = self.mention_start.get(i + 1) or self.mention_start.get(i + 2)
                return m.code if m is not None and m.code and m.kind == "state" and m.how != "demonym" else None
            if not (doc[i].is_title or doc[i].lower_ in {"and", "for"}):
                return None
        return None

    def _qualifies(self, m: Found) -> bool:
        """The mention modifies a body's name outside it ("American" in "the American Farm Bureau"); a demonym
        before a common noun names the state's own body ("the Malian team", "the Chilean delegation")."""
        root = self.doc[m.start:m.end].root
        if m.how == "demonym" and root.head.is_lower and root.head.pos_ == "NOUN":
            return False
        if m.kind == "state" and m.how != "demonym" and root.head.lower_ in self.lex.region_words:
            return False        # "of Buenos Aires province": a place within the state
        return not m.start <= root.head.i < m.end and root.dep_ in _MODIFIER_DEPS


def _uncoded_main_subject(sent, i: int, found: list[Found]) -> bool:
    """The sentence's main verb has a noun subject before token i that no mention covers."""
    subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i >= i or subj.pos_ == "PRON":
        return False
    return not any(m.start <= subj.i < m.end or _subject_head(sent.doc[m.start:m.end].root).i == subj.i for m in found)


def _subject_head(token):
    """The noun a state's name or adjective qualifies ("Kenya's disaster agency", "the Kenyan agency"): the head
    whose role in the clause is the body's."""
    while token.dep_ in ("compound", "amod", "poss") and token.head.i != token.i and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
    return token
