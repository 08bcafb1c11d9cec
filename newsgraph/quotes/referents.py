"""Titles and bodies that stand for a speaker the article named before: "the Kenyan president" (the one holder of
the title), "the libertarian leader" (the latest person subject holding it), "its ambassador" (the body "its"
stands for), "the ministry" and "an oil ministry official" (the body named last by that word).

A mixin of `newsgraph.quotes.speakers.SpeakerIndex`, whose per-doc lookups these methods read.
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from newsgraph.model import Person

_PLURAL = ("NNS", "NNPS")


class TitleReferents:
    """What a title or a body word stands for (methods of `SpeakerIndex`)."""

    def _title_holder(self, token: Token, code: str | None) -> Person | None:
        """"The Kenyan president said": a title standing for the one person of the article who holds it (named
        before or after), of the same state when the title names one."""
        # "the Tajik President said": a capitalised title the parse took for a name stands for its holder too
        if token.pos_ != "NOUN" and not (token.pos_ == "PROPN" and token.is_title
                                         and any(c.dep_ == "det" for c in token.children)):
            return None
        word = token.lemma_.lower()
        stands = self.cues.title_words.get(word, frozenset())     # "the Azerbaijani leader": its president
        holders = {p.name: p for p in self.persons if p.role and p.actor
                   and (p.role.split()[-1] == word or p.role in stands)
                   and (code is None or p.actor == code) and not p.role.startswith("former ")}
        if len(holders) > 1:
            # "the chief adviser" beside a "foreign affairs adviser": the one holder of the title as written
            phrase = " ".join(t.lower_ for t in token.lefts if t.dep_ in ("amod", "compound")) + " " + token.lower_
            holders = {n: p for n, p in holders.items() if p.role == phrase.strip()}
        return next(iter(holders.values())) if len(holders) == 1 else None

    def _subject_holder(self, token: Token, code: str | None) -> Person | None:
        """"X made the comments on Sunday. Asked about Y, the libertarian leader said": a title that stands for
        several persons of the article ("leader": two presidents) is the latest person named as a subject, a few
        sentences back at most, when that person holds one of those titles and no other holder shares the
        sentence."""
        if token.pos_ != "NOUN" or token.tag_ in _PLURAL or not any(c.dep_ == "det" and c.lower_ == "the"
                                                                    for c in token.children):
            return None
        word = token.lemma_.lower()
        stands = self.cues.title_words.get(word, frozenset())
        holders = {p.name: p for p in self.persons if p.role and p.actor and (code is None or p.actor == code)
                   and (p.role.split()[-1] == word or p.role in stands) and not p.role.startswith("former ")}
        if len(holders) < 2:
            return None

        def person(t: Token) -> str | None:
            m = self._name_mention(t)
            return m.person if m is not None and m.how == "name" else None

        subjects = self.subjects()
        here = self.sent_index(token.i)
        for i in range(bisect_right(self._subject_at, token.i - 1) - 1, -1, -1):
            sent = self.sent_index(subjects[i].i)
            name = person(subjects[i])
            if here - sent > self.cues.max_back_sentences or name is not None and name not in holders:
                return None
            if name is None:
                continue
            # "President X met Prime Minister Y": a sentence naming two holders leaves the title ambiguous
            start, end = self._sents[sent]
            if any(start <= m.tok_start < end and m.person in holders and m.person != name
                   for m in self.person_mentions):
                return None
            return holders[name]
        return None

    def _official_of_body(self, token: Token) -> str | None:
        """"an oil ministry official said" after "two sources in the oil ministry": an unnamed official whose title
        names a body by a word (`body_nouns`) speaks for the state of the body named last by that word."""
        if token.pos_ != "NOUN" or token.tag_ in _PLURAL or token.lemma_.lower() not in self.cues.person_nouns:
            return None
        word = next((c.lower_ for c in token.children if c.dep_ == "compound" and c.lower_ in self.cues.body_nouns),
                    None)
        if word is None:
            return None
        found = self._body_before(token, word)
        return found[1] if found is not None else None

    def _its_owner(self, token: Token) -> str | None:
        """"Cambodia asked ..., and its permanent representative said": the state or body "its" stands for (the
        latest such subject, as for "it")."""
        if token.pos_ != "NOUN" or not any(c.dep_ == "poss" and c.lower_ == "its" for c in token.children):
            return None
        found = self._antecedent(token, self._is_institution)
        return found.actor if found is not None else None

    def _body_named_before(self, token: Token) -> tuple[str, str] | None:
        """"the ministry said" with no state of its own: the body named last by that word, outside quotes and a
        few sentences back at most, whose name holds a state or is a coded mention ("India's Ministry of External
        Affairs", "Iran's Supreme National Security Council"); its name and state."""
        word = token.lemma_.lower()
        if token.pos_ != "NOUN" or token.tag_ in _PLURAL or word not in self.cues.body_nouns \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None
        return self._body_before(token, word)

    def _body_before(self, token: Token, word: str) -> tuple[str, str] | None:
        """The body named last by `word` before `token` (outside quotes, a few sentences back), if it has a state."""
        here = self.sent_index(token.i)
        first = self._sents[max(here - self.cues.max_back_sentences, 0)][0]
        for i in range(token.i - 1, first - 1, -1):
            t = self.doc[i]
            if t.lower_ != word or self.quoted[i]:
                continue
            found = self._mention_in(self.doc[t.left_edge.i:t.i + 1], t)
            if found is None or not found.code or found.person:
                if t.is_title:
                    return None     # the nearest such body has no state: no guess
                continue
            return self.usual_name(self.core(t)), found.code
        return None
