"""Who a speaker token stands for: a person (full name as the actors stage gives it), or an institution as written.

The actors stage has already resolved names, pronouns and titles to mentions; this module only reads them.
When it left a pronoun unresolved, the last person named before it is taken (the usual reading in news prose).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.model import Actors, Mention, Person
from newsgraph.quotes.cues import Cues

_CORE_DEPS = ("compound", "amod", "poss", "nmod", "flat", "case", "nummod")
_DROP_EDGE = ("DET", "PUNCT", "PART", "ADP", "CCONJ")


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: the name to report, its actor code, and where it is written."""

    name: str
    actor: str | None
    start: int
    end: int


class SpeakerIndex:
    """Per-doc lookups from tokens to the actors stage's mentions and persons."""

    def __init__(self, doc: Doc, actors: Actors, cues: Cues) -> None:
        self.doc = doc
        self.text = doc.text          # Doc.text joins every token on each call
        self.cues = cues
        self.by_token: dict[int, Mention] = {}
        for mention in actors.mentions:
            for i in range(mention.tok_start, mention.tok_end):
                self.by_token.setdefault(i, mention)
        self.person_mentions = sorted((m for m in actors.mentions if m.person), key=lambda m: m.tok_start)
        self.persons = actors.persons
        # Token.sent walks the doc on every call; one pass here makes sentence lookups cheap.
        self._sents = [(sent.start, sent.end) for sent in doc.sents]
        self._sent_starts = [start for start, _ in self._sents]

    def sent(self, i: int) -> Span:
        """The sentence of token `i`."""
        start, end = self._sents[bisect_right(self._sent_starts, i) - 1]
        return self.doc[start:end]

    def resolve(self, token: Token) -> Speaker | None:
        """The speaker a token names, or None when it names nobody who can speak."""
        core = self.core(token)
        mention = self._mention_in(core, token)
        if mention is None or not mention.person:
            # "the country's envoy, Jane Doe, said": the person in the apposition speaks
            appos = [self._mention_in(self.doc[c.left_edge.i:c.right_edge.i + 1], c) for c in token.children
                     if c.dep_ == "appos"]
            mention = next((m for m in appos if m is not None and m.person), mention)
        if mention is None:
            mention = self._mention_in(self.doc[token.left_edge.i:token.right_edge.i + 1], token)
        if mention is not None and mention.person:
            return Speaker(mention.person, mention.code, mention.start, mention.end)
        if token.lower_ in self.cues.person_pronouns or (mention is None and token.ent_type_ == "PERSON"):
            person = self._person_for(token)
            if person is not None:
                return person
        if mention is not None and mention.code:
            return Speaker(self.usual_name(core), mention.code, core.start_char, core.end_char)
        if token.pos_ == "PRON" or token.lower_ in self.cues.not_speakers:
            return None
        return Speaker(core.text, None, core.start_char, core.end_char)

    def usual_name(self, span: Span) -> str:
        """An institution's name with abbreviated or misspelt institution words spelt out."""
        fixes = self.cues.spelling
        return "".join((fixes.get(t.lower_, t.text) if t.lower_ in fixes else t.text) + t.whitespace_ for t in span).strip()

    def core(self, token: Token) -> Span:
        """The name part of a noun phrase: the head with its compounds and modifiers, no determiner or clause."""
        left = token.i
        for child in token.lefts:
            if child.dep_ in _CORE_DEPS:
                left = min(left, child.left_edge.i)
                break
        right = token.i + 1
        for child in token.rights:
            if child.dep_ in ("compound", "flat") and child.i == right:
                right = child.i + 1
        while left < token.i and self.doc[left].pos_ in _DROP_EDGE:
            left += 1
        return self.doc[left:right]

    def is_outlet(self, token: Token) -> bool:
        """A news outlet: a name that is no actor, with an outlet word in it ("the agency", "Radio X")."""
        core = self.core(token)
        if any(t.i in self.by_token and self.by_token[t.i].code for t in core):
            return False
        return any(t.lower_ in self.cues.outlet_words for t in core)

    def relays(self, verb: Token, who: Token) -> bool:
        """`who` relays someone else's words through `verb`: an outlet, or a name no actor that "reported" them."""
        if self.is_outlet(who):
            return True
        if verb.lemma_.lower() not in self.cues.via_verbs or who.pos_ != "PROPN":
            return False
        return not any(t.i in self.by_token and self.by_token[t.i].code for t in self.core(who))

    def _mention_in(self, span: Span, head: Token) -> Mention | None:
        """The mention on the head token, else the first person mention in the span, else the first resolved one."""
        if head.i in self.by_token:
            return self.by_token[head.i]
        found = [self.by_token[t.i] for t in span if t.i in self.by_token and not self.by_token[t.i].place]
        people = [m for m in found if m.person]
        resolved = [m for m in found if m.code]
        return (people or resolved or [None])[0]

    def _person_for(self, token: Token) -> Speaker | None:
        """A surname matched to a person named in full, or a pronoun taken as the last person named before it."""
        if token.ent_type_ == "PERSON":
            match = _by_surname(self.persons, token.text)
            if match is not None:
                return Speaker(match.name, match.actor, token.idx, token.idx + len(token.text))
            return None
        before = [m for m in self.person_mentions if m.tok_end <= token.i]
        if not before:
            return None
        last = before[-1]
        return Speaker(last.person or last.text, last.code, token.idx, token.idx + len(token.text))


def _by_surname(persons: tuple[Person, ...], surname: str) -> Person | None:
    for person in persons:
        if person.name.split()[-1:] == [surname]:
            return person
    return None
