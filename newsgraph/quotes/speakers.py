"""Who a speaker token stands for: a person (full name as the actors stage gives it), or an institution as written.

The actors stage has already resolved names and titles to mentions; this module reads them. Speakers referred to
by a pronoun or by "the statement" are resolved here, because a speaker is nearly always the subject of an earlier
sentence or of an earlier cue, outside any quotation: "he"/"she" go to the latest such person (of a compatible
gender when the text gave one), "they"/"it" to the latest such group or institution, "the statement" to the latest
such speaker. A person named only inside a modifier of the subject ("X's lawyer", "relatives of X") lends their
actor code, not their name.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from newsgraph.actors.principals import SERVING
from newsgraph.model import Actors, Mention, Person
from newsgraph.quotes.cues import Cues
from newsgraph.quotes.referents import TitleReferents

_CORE_DEPS = ("compound", "amod", "poss", "nmod", "flat", "case", "nummod")
_DROP_EDGE = ("DET", "PUNCT", "PART", "ADP", "CCONJ")
_SUBJECTS = ("nsubj", "nsubjpass")
_PLURAL = ("NNS", "NNPS")
_GROUP_ENTS = ("ORG", "NORP", "GPE")
_NUMBERS = ("PERCENT", "CARDINAL", "QUANTITY", "MONEY")
_CLAUSES = ("relcl",)   # "the department led by X" lends X's actor; "the adviser, who ...," does not


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: the name to report, its actor code, and where it is written."""

    name: str
    actor: str | None
    start: int
    end: int


class SpeakerIndex(TitleReferents):
    """Per-doc lookups from tokens to the actors stage's mentions and persons (titles and bodies that stand for
    a speaker: `newsgraph.quotes.referents`)."""

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

    def _unnamed_person(self, token: Token) -> bool:
        """"A foreign policy adviser to the president said": one unnamed person as the subject of a cue."""
        return (token.pos_ == "NOUN" and token.tag_ not in _PLURAL and token.lemma_.lower() in self.cues.person_nouns
                and self.cues.is_speech_cue(token.head))

    def _person_antecedent(self, token: Token) -> Speaker | None:
        """"he"/"she": the latest person named as a subject before, unless a person is named earlier in the same
        sentence or a pronoun subject continues a chain (the actors stage's reading is kept then)."""
        sent = self.sent(token.i)
        reported = self._reported_around(token)
        if any(sent.start <= m.tok_start < token.i and not self.quoted[m.tok_start] and m.tok_start not in reported
               for m in self.person_mentions if m.how != "pronoun"):
            return None
        gender = self.cues.person_pronouns[token.lower_]
        person_of = self._is_person_of(gender, token.i)

        def fits(subject: Token) -> bool:
            return subject.i not in reported and person_of(subject)
        found = self._held_by_subject(token, fits)
        found = found or self._antecedent(token, fits, stop=lambda t: self._unknown_subject(t, gender))
        if found is not None:
            self.genders().setdefault(found.name, gender)
        return found

    def _reported_around(self, token: Token) -> frozenset[int]:
        """"Nasser, he said, had been ...": the words of the clause a parenthetical "he said" reports, which the
        pronoun cannot stand for (the speaker is not the one spoken about)."""
        verb = token.head
        if token.dep_ != "nsubj" or verb.dep_ != "parataxis" or not self.cues.is_speech_cue(verb):
            return frozenset()
        return frozenset(t.i for t in verb.head.subtree) - frozenset(t.i for t in verb.subtree)

    def _held_by_subject(self, token: Token, fits: Callable[[Token], bool]) -> Speaker | None:
        """"Armed Forces of the X chief Gen. Y said ... '...,' he said": the person the actors stage took the
        pronoun for, named inside a later subject phrase than any person subject (a title phrase the parse
        headed by its body), is the speaker."""
        mention = self.by_token.get(token.i)
        if mention is None or mention.how != "pronoun" or not mention.person:
            return None
        subjects = self.subjects()
        here = self.sent_index(token.i)
        reported = self._reported_around(token)
        for i in range(bisect_right(self._subject_at, token.i - 1) - 1, -1, -1):
            subject = subjects[i]
            if subject.i in reported:
                continue
            if here - self.sent_index(subject.i) > self.cues.max_back_sentences or fits(subject):
                return None
            if any(self.by_token.get(k) is not None and self.by_token[k].person == mention.person
                   and self.by_token[k].how == "name" for k in range(subject.left_edge.i, subject.right_edge.i + 1)):
                return Speaker(mention.person, mention.code, token.idx, token.idx + len(token.text))
        return None

    def _unknown_subject(self, token: Token, gender: str) -> bool:
        """A subject that may be the person meant but cannot be checked: a pronoun of the same gender (a chain the
        actors stage has followed), or a proper name the actors stage did not resolve ("Early says ...")."""
        if token.pos_ == "PRON":
            return self.cues.person_pronouns.get(token.lower_) == gender
        mention = self._name_mention(token)
        return token.pos_ == "PROPN" and token.ent_type_ not in _GROUP_ENTS and (
            mention is None or not (mention.person or mention.code))

    def _group_antecedent(self, token: Token) -> Speaker | None:
        """"they": the latest group subject, or a person named as the very last subject (singular "they");
        "it": the latest institution subject."""
        if token.lower_ != "they":
            return self._antecedent(token, self._is_institution)
        nearest = self._antecedent(token, lambda t: True, stop=lambda t: t.pos_ == "PRON")
        if nearest is not None and any(p.name == nearest.name for p in self.persons):
            return nearest
        return self._antecedent(token, self._is_group)

    def _refers_back(self, token: Token) -> bool:
        """"The statement said": a definite issued text with no issuer, as the subject of a cue."""
        return (self.cues.is_cue_noun(token) and token.dep_ == "nsubj" and self.cues.issuer_of(token) is None
                and any(c.dep_ == "det" and c.lower_ in self.cues.definite for c in token.children))

    def _subjectless_issuer(self, token: Token) -> Speaker | None:
        """"..., the Ministry of X announced in a communiqué. '...,' the communiqué said": the parse gave the
        issuing verb no named subject; the coded institution or state right before that verb issued the text."""
        here = self.sent_index(token.i)
        for sent in range(here - 1, max(here - 1 - self.cues.max_back_sentences, -1), -1):
            start, end = self._sents[sent]
            for text in self.doc[start:end]:
                if text.lower_ != token.lower_ or text.dep_ not in {"pobj", "dobj"} or self.quoted[text.i]:
                    continue
                verb = text.head.head if text.dep_ == "pobj" else text.head
                if verb.pos_ != "VERB":
                    continue
                mention = self.by_token.get(verb.i - 1)
                # "the envoy to Morocco announced": a name inside a preposition's object issues nothing
                if mention is not None and mention.code and not mention.person and not mention.place \
                        and mention.tok_end == verb.i \
                        and self.doc[mention.tok_start:mention.tok_end].root.dep_ != "pobj":
                    return Speaker(self.usual_name(self.doc[mention.tok_start:mention.tok_end]), mention.code,
                                   token.idx, token.idx + len(token.text))
                # "The bloc, now reduced to 12 members, said in a statement": the parse gave the subject to the
                # words between; the last coded body that is a subject before the verb in its sentence issued it
                mention = self._subject_body(start, verb.i)
                if mention is not None:
                    return Speaker(self.usual_name(self.doc[mention.tok_start:mention.tok_end]), mention.code,
                                   token.idx, token.idx + len(token.text))
        return None

    def _subject_body(self, start: int, verb: int) -> Mention | None:
        """The last state or organisation mention in tokens [start, verb) that is a subject, outside quotes."""
        for i in range(verb - 1, start - 1, -1):
            mention = self.by_token.get(i)
            if mention is None or self.quoted[i] or not mention.code or mention.person or mention.place:
                continue
            if self.doc[mention.tok_start:mention.tok_end].root.dep_ in _SUBJECTS:
                return mention
        return None

    def _issued_text(self, subject: Token) -> bool:
        """A named subject whose verb issued a text: "X said in a statement", "X issued a statement"."""
        verb = subject.head
        texts = [c for c in verb.children if c.dep_ == "dobj"]
        texts += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        return self._is_named(subject) and any(self.cues.is_cue_noun(t) for t in texts)

    def _lends_only(self, head: Token, mention: Mention) -> bool:
        """A person named in a modifier of a common noun ("X's lawyer", "relatives of X") is not the speaker."""
        return head.pos_ == "NOUN" and not mention.tok_start <= head.i < mention.tok_end

    def _antecedent(self, token: Token, fits: Callable[[Token], bool],
                    stop: Callable[[Token], bool] | None = None) -> Speaker | None:
        """The latest subject before `token`, outside quotes and within a few sentences, that `fits` (None once a
        subject that does not fit meets `stop`)."""
        subjects = self.subjects()
        here = self.sent_index(token.i)
        for i in range(bisect_right(self._subject_at, token.i - 1) - 1, -1, -1):
            subject = subjects[i]
            if here - self.sent_index(subject.i) > self.cues.max_back_sentences:
                break
            if fits(subject):
                found = self.resolve(subject)
                if found is not None:
                    return Speaker(found.name, found.actor, token.idx, token.idx + len(token.text))
            if stop is not None and stop(subject):
                return None
        return None

    def subjects(self) -> list[Token]:
        """Subjects of sentence roots and of speech cues, outside quotes, in text order (built on first use)."""
        if self._subjects is None:
            # a clause before its root ("X has never hidden it; in January he declared") has its subject too
            self._subjects = [t for t in self.doc if t.dep_ in _SUBJECTS and not self.quoted[t.i]
                              and (t.head.dep_ == "ROOT" or self.cues.is_speech_cue(t.head)
                                   or t.head.dep_ == "ccomp" and t.head.head.dep_ == "ROOT" and t.head.i < t.head.head.i)]
            self._subject_at = [t.i for t in self._subjects]
        return self._subjects

    def _is_person_of(self, gender: str, at: int | None = None) -> Callable[[Token], bool]:
        def fits(token: Token) -> bool:
            mention = self._name_mention(token)
            if mention is None or not mention.person:
                # "The Egyptian president has never hidden his intentions; in January he declared": a title
                # standing for its one holder is a person subject
                named = mention or self._mention_in(self.core(token), token)      # "Egyptian" in the title
                titled = self._title_holder(token, named.code if named is not None else None)
                if titled is not None:
                    return self.genders().get(titled.name, gender) == gender
            unnamed = (mention is None or not mention.person) and self._unnamed_person(token)
            if mention is None and not unnamed:       # a name the actors stage did not take as a person
                return token.pos_ == "PROPN" and token.ent_type_ == "PERSON"
            if (unnamed or mention.how.startswith("official")) and token.tag_ not in _PLURAL and at is not None:
                # "A spokesman for the ministry said ... '...,' he said": an unnamed official, unless a person is
                # named between them
                return not any(token.i < m.tok_start < at and m.how == "name" and not self.quoted[m.tok_start]
                               for m in self.person_mentions)
            if mention is None:
                return False
            return bool(mention.person) and self.genders().get(mention.person, gender) == gender
        return fits

    def _name_mention(self, token: Token) -> Mention | None:
        """The mention on a subject or on its apposition ("the envoy, Jane Doe,")."""
        if token.i in self.by_token:
            return self.by_token[token.i]
        return next((self.by_token[c.i] for c in token.children if c.dep_ == "appos" and c.i in self.by_token), None)

    def _is_group(self, token: Token) -> bool:
        """What "they" can stand for: a plural noun phrase, or an organisation or state (not a person)."""
        mention = self._name_mention(token)
        if mention is not None and mention.person:
            return False
        return (token.tag_ in _PLURAL or token.ent_type_ in _GROUP_ENTS or (mention is not None and bool(mention.code))
                or any(c.dep_ == "conj" for c in token.children) or _proper_not_person(token))

    def _is_institution(self, token: Token) -> bool:
        """What "it" can stand for: a singular organisation, state or issued text."""
        mention = self._name_mention(token)
        if token.tag_ in _PLURAL or (mention is not None and mention.person):
            return False
        return (token.ent_type_ in _GROUP_ENTS or (mention is not None and bool(mention.code))
                or self.cues.is_cue_noun(token) or _proper_not_person(token))

    def _is_named(self, token: Token) -> bool:
        """A speaker given by name: a resolved actor or person, or a proper name."""
        mention = self._name_mention(token)
        return (mention is not None and not mention.place) or token.pos_ == "PROPN"

    def genders(self) -> dict[str, str]:
        """Person -> gender, from the pronouns the actors stage tied to them and from courtesy titles."""
        if self._gender is None:
            self._gender = {}
            for mention in self.person_mentions:
                word = self.doc[mention.tok_start].lower_
                before = self.doc[mention.tok_start - 1].lower_ if mention.tok_start else ""
                gender = self.cues.pronoun_gender.get(word) or self.cues.honorific_gender.get(before)
                if gender and mention.person:
                    self._gender.setdefault(mention.person, gender)
        return self._gender

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


def _proper_not_person(token: Token) -> bool:
    """A proper name the model does not take for a person: a company, a band, an agency."""
    return token.pos_ == "PROPN" and token.ent_type_ != "PERSON"


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
