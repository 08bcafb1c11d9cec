"""Who a speaker token stands for: a person (full name as the actors stage gives it), or an institution as written.

The actors stage has already resolved names and titles to mentions; this module reads them. A person named only
inside a modifier of the subject ("X's lawyer", "relatives of X") lends their actor code, not their name. Speakers
referred back to ("he", "they", "the statement") are resolved by `newsgraph.quotes.antecedents`; titles and bodies
that stand for someone named before ("the Kenyan president", "the ministry") by `newsgraph.quotes.referents`.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from newsgraph.actors.principals import SERVING
from newsgraph.model import Actors, Mention, Person
from newsgraph.quotes.antecedents import Antecedents, Speaker
from newsgraph.quotes.cues import Cues
from newsgraph.quotes.referents import TitleReferents

__all__ = ["Speaker", "SpeakerIndex"]

_CORE_DEPS = ("compound", "amod", "poss", "nmod", "flat", "case", "nummod")
_DROP_EDGE = ("DET", "PUNCT", "PART", "ADP", "CCONJ")
_PLURAL = ("NNS", "NNPS")
_NUMBERS = ("PERCENT", "CARDINAL", "QUANTITY", "MONEY")
_CLAUSES = ("relcl",)   # "the department led by X" lends X's actor; "the adviser, who ...," does not


class SpeakerIndex(Antecedents, TitleReferents):
    """Per-doc lookups from tokens to the actors stage's mentions and persons (antecedents:
    `newsgraph.quotes.antecedents`; titles and bodies that stand for a speaker: `newsgraph.quotes.referents`)."""

    def __init__(self, doc: Doc, actors: Actors, cues: Cues, quoted: list[bool], text: str) -> None:
        self.doc = doc
        self.text = text              # Doc.text joins every token on each call
        self.cues = cues
        self.quoted = quoted
        self.by_token: dict[int, Mention] = {}
        for mention in actors.mentions:
            for i in range(mention.tok_start, mention.tok_end):
                self.by_token.setdefault(i, mention)
        self.person_mentions = sorted((m for m in actors.mentions if m.person), key=lambda m: m.tok_start)
        self.persons = actors.persons
        # a person's state the actors stage guessed for the person only (a bare name), not for its mentions
        self.person_actor = {p.name: p.actor for p in actors.persons if p.actor}
        # Token.sent walks the doc on every call; one pass here makes sentence lookups cheap.
        self._sents = [(sent.start, sent.end) for sent in doc.sents]
        self._sent_starts = [start for start, _ in self._sents]
        self._subjects: list[Token] | None = None
        self._subject_at: list[int] = []
        self._gender: dict[str, str] | None = None

    def sent(self, i: int) -> Span:
        """The sentence of token `i`."""
        start, end = self._sents[bisect_right(self._sent_starts, i) - 1]
        return self.doc[start:end]

    def sent_index(self, i: int) -> int:
        """The index of the sentence of token `i`."""
        return bisect_right(self._sent_starts, i) - 1

    def resolve(self, token: Token) -> Speaker | None:
        """The speaker a token names, or None when it names nobody who can speak."""
        lower = token.lower_
        if token.pos_ == "PRON" and lower in self.cues.group_pronouns:
            return self._group_antecedent(token) if token.dep_ == "nsubj" else None
        if token.pos_ == "PRON" and lower in self.cues.person_pronouns:
            found = self._person_antecedent(token)
            if found is not None:
                return found
        elif self._refers_back(token):
            found = self._antecedent(token, self._issued_text, stop=lambda t: not self._is_named(t))
            found = found or self._subjectless_issuer(token)
            if found is not None:
                return found
        return self._by_name(token)

    def _by_name(self, token: Token) -> Speaker | None:
        """The person or institution a noun phrase names, through the actors stage's mentions."""
        if token.ent_type_ in _NUMBERS:
            return None         # "Fifty-one percent say that ...": poll figures are not speakers
        core = self.core(token)
        mention = self._mention_in(core, token)
        if mention is not None and mention.person and self._lends_only(token, mention):
            mention = replace(mention, person=None)
        if mention is None or not mention.person:
            # "the country's envoy, Jane Doe, said": the person in the apposition speaks
            appos = [c for c in token.children if c.dep_ == "appos"]
            found = [self._mention_in(self.doc[c.left_edge.i:c.right_edge.i + 1], c) for c in appos]
            mention = next((m for m in found if m is not None and m.person), mention)
            if (mention is None or not mention.person) and token.pos_ == "NOUN":
                # "the group that owns it, Big Machine, says": a name in apposition to a common noun
                named = next((c for c in appos if c.pos_ == "PROPN"), None)
                if named is not None:
                    # the name speaks; its actor comes from the noun phrase when the name has none of its own
                    own = self._mention_in(self.core(named), named)
                    code = own.code if own is not None and own.code else (mention.code if mention else None)
                    name = self.core(named)
                    return Speaker(self.usual_name(name), code, name.start_char, name.end_char)
        if mention is None:
            # "relatives of X", "X's lawyer": a modifier lends its actor; a relative clause's words do not
            # ("the chief adviser, who has won praise for his approach,")
            right = token.i
            for child in token.rights:
                # "its ambassador to the UN", "the envoy to Sudan": a title's "to" names the host, not the owner
                # (an aide's names whom they serve: "an adviser to President X")
                if child.dep_ in _CLAUSES or child.dep_ == "prep" and child.lower_ == "to" \
                        and token.lemma_.lower() not in SERVING:
                    break
                right = child.right_edge.i
            mention = self._mention_in(self.doc[token.left_edge.i:right + 1], token)
            if mention is not None and mention.person and self._lends_only(token, mention):
                return Speaker(self.usual_name(core), mention.code, core.start_char, core.end_char)
        if mention is not None and mention.person:
            return Speaker(mention.person, mention.code or self.person_actor.get(mention.person), mention.start,
                           mention.end)
        if token.lower_ in self.cues.person_pronouns or (mention is None and token.ent_type_ == "PERSON"):
            person = self._person_for(token)
            if person is not None:
                return person
        titled = self._title_holder(token, mention.code if mention is not None else None)
        titled = titled or self._subject_holder(token, mention.code if mention is not None else None)
        if titled is not None:
            return Speaker(titled.name, titled.actor, core.start_char, core.end_char)
        if self._definite_title(token):
            # "Defence Minister X said ... '...,' the minister said": the latest subject holding the title
            word = token.lemma_.lower()
            found = self._antecedent(token, lambda t: any(
                w.lemma_.lower() == word for w in self.doc[t.left_edge.i:t.i + 1]))
            if found is not None:
                return found
        if mention is not None and mention.code:
            return Speaker(self.usual_name(core), mention.code, core.start_char, core.end_char)
        owner = self._its_owner(token)
        if owner is not None:
            return Speaker(self.usual_name(core), owner, core.start_char, core.end_char)
        named = self._body_named_before(token)
        if named is not None:
            return Speaker(named[0], named[1], core.start_char, core.end_char)
        code = self._official_of_body(token)
        if code is not None:
            return Speaker(core.text, code, core.start_char, core.end_char)
        if token.pos_ == "PRON" or token.lower_ in self.cues.not_speakers:
            return None
        if len(core) == 1 and token.pos_ in {"PROPN", "NOUN"} and _name_word(token):
            # a surname the model did not take for a person, even tagged a noun ("Errázuriz told reporters");
            # any mention here has no code nor person
            match = _by_surname(self.persons, token.text)
            if match is not None:
                return Speaker(match.name, match.actor, core.start_char, core.end_char)
        return Speaker(core.text, None, core.start_char, core.end_char)

    def _definite_title(self, token: Token) -> bool:
        """"the official", "the minister": one unnamed person named before by the same title."""
        return (token.pos_ == "NOUN" and token.tag_ not in _PLURAL and token.lemma_.lower() in self.cues.person_nouns
                and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children))

    def _lends_only(self, head: Token, mention: Mention) -> bool:
        """A person named in a modifier of a common noun ("X's lawyer", "relatives of X") is not the speaker."""
        return head.pos_ == "NOUN" and not mention.tok_start <= head.i < mention.tok_end

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
        while left < token.i and (self.doc[left].pos_ in _DROP_EDGE
                                  or token.pos_ == "PROPN" and not _name_word(self.doc[left])):
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


def _name_word(token: Token) -> bool:
    """A word that can open a name: capitalised letters ("14th-ranked", "veteran" are descriptions)."""
    return token.text[:1].isupper() and not any(c.isdigit() for c in token.text)


def _by_surname(persons: tuple[Person, ...], surname: str) -> Person | None:
    """The person whose name ends with `surname`; else the one person with a double surname that it opens
    ("Errázuriz" for "Tomás Errázuriz Vial": Hispanic names are shortened to the first surname); else the one
    person whose given name it is."""
    for person in persons:
        if person.name.split()[-1:] == [surname]:
            return person
    first = [p for p in persons if len(p.name.split()) >= 3 and p.name.split()[-2] == surname]
    if len(first) == 1:
        return first[0]
    # "Abiy told reporters" after "Prime Minister Abiy Ahmed": names written by the given name (patronymics)
    given = [p for p in persons if len(p.name.split()) >= 2 and p.name.split()[0] == surname]
    return given[0] if len(given) == 1 else None
