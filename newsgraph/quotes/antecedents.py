"""Speakers an article refers back to: "he"/"she" (the latest person subject, of a compatible gender when the
text gave one), "they"/"it" (the latest group or institution subject), "the statement" (the latest issuer).

A speaker is nearly always the subject of an earlier sentence or of an earlier cue, outside any quotation, so
these look-ups walk the subjects back from the cue. A mixin of `newsgraph.quotes.speakers.SpeakerIndex`, whose
per-doc lookups these methods read.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.model import Mention

_SUBJECTS = ("nsubj", "nsubjpass")
_PLURAL = ("NNS", "NNPS")
_GROUP_ENTS = ("ORG", "NORP", "GPE")


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: the name to report, its actor code, and where it is written."""

    name: str
    actor: str | None
    start: int
    end: int


class Antecedents:
    """Who a pronoun, an unnamed official or a definite issued text stands for (methods of `SpeakerIndex`)."""

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


def _proper_not_person(token: Token) -> bool:
    """A proper name the model does not take for a person: a company, a band, an agency."""
    return token.pos_ == "PROPN" and token.ent_type_ != "PERSON"
