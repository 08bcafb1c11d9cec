"""Speech cues: the words that introduce a quotation and the grammar that leads from them to a speaker.

The word lists live in `newsgraph/data/quotes.yaml`; this module turns them into sets once and answers questions
about tokens of a parsed Doc (is this a cue, who is its subject, does it stand under another cue).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.tokens import Token

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "quotes.yaml"
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CLIMB = ("conj", "advcl", "xcomp", "pcomp", "prep")   # a cue that inherits its head's subject


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue lexicon, as sets for constant-time lookups."""

    speech_verbs: frozenset[str]
    reported_verbs: frozenset[str]
    noun_only_verbs: frozenset[str]
    cue_nouns: frozenset[str]
    issuer_preps: frozenset[str]
    outlet_words: frozenset[str]
    via_verbs: frozenset[str]
    not_speakers: frozenset[str]
    person_pronouns: dict[str, str]
    group_pronouns: frozenset[str]
    definite: frozenset[str]
    pronoun_gender: dict[str, str]
    honorific_gender: dict[str, str]
    object_it_verbs: frozenset[str]
    person_nouns: frozenset[str]
    body_nouns: frozenset[str]
    naming_verbs: frozenset[str]
    term_words: frozenset[str]
    min_words_cued: int
    min_words_standalone: int
    min_words_partial: int
    min_words_uncued: int
    max_np_words: int
    min_np_statement_words: int
    max_split_gap_words: int
    max_back_sentences: int
    spelling: dict[str, str]
    title_words: dict[str, frozenset[str]]

    @classmethod
    def load(cls, path: Path = DATA_FILE) -> Cues:
        """Read the lexicon from its YAML file.

        Raises:
            ValueError: a list the stage needs is missing from the file.
        """
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        fields = {}
        for name in cls.__slots__:
            if name not in data:
                raise ValueError(f"{path}: missing key {name!r}; add it (see the other keys for the format)")
            value = data[name]
            if isinstance(value, dict):
                fields[name] = {str(k).lower(): frozenset(str(w).lower() for w in v) if isinstance(v, list) else str(v)
                                for k, v in value.items()}
            else:
                fields[name] = value if isinstance(value, int) else frozenset(str(w).lower() for w in value)
        return cls(**fields)

    def is_speech_cue(self, token: Token) -> bool:
        """A verb that introduces a quote ("said"), or "read"/"went" after a cue noun ("the statement read")."""
        lemma = token.lemma_.lower()
        if lemma in self.noun_only_verbs:
            for before in reversed(token.doc[max(0, token.i - 8):token.i]):
                if self.is_cue_noun(before):
                    return True
                if before.is_sent_start:
                    break
            return False
        if lemma in self.object_it_verbs:      # "as X put it", "that is how X put it"
            return any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)
        return lemma in self.speech_verbs and token.pos_ in ("VERB", "AUX")

    def is_cue_noun(self, token: Token) -> bool:
        return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in self.cue_nouns

    def is_according(self, token: Token) -> bool:
        """The "according" of "according to X"."""
        return token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"

    def speaker_of(self, cue: Token) -> Token | None:
        """The token that names who speaks through a cue, following subjects, "according to", issuers of texts."""
        if self.is_according(cue):
            to = cue.doc[cue.i + 1]
            found = next((t for t in to.children if t.dep_ == "pobj"), None)
        else:
            found = self._subject_up(cue)
        if found is not None and self.is_cue_noun(found):
            found = self.issuer_of(found) or found
        if found is not None and found.lower_ in self.not_speakers and not (
                found.lower_ in self.group_pronouns and (self.is_speech_cue(cue) or self.is_according(cue))):
            return None     # "it" speaks only through a speech verb ("it said"), never through any verb
        return found

    def _subject_up(self, cue: Token) -> Token | None:
        """The cue's subject, or its head's when the cue has none of its own."""
        found = _subject(cue)
        climbed = cue
        for _ in range(3):     # "and said", "adding that", "quoted as saying" take the subject higher up
            if found is not None or climbed.dep_ not in _CLIMB or climbed.head.i == climbed.i:
                break
            climbed = climbed.head
            if climbed.lemma_.lower() == "quote":        # "the report quoted X as saying": X is the object
                found = next((t for t in climbed.children if t.dep_ == "dobj"), None)
            found = found or _subject(climbed)
        return found

    def issuer_of(self, noun: Token) -> Token | None:
        """Who issued a statement: "X's statement", "a statement by/from X"."""
        for child in noun.children:
            if child.dep_ == "poss":
                return child
            if child.dep_ == "prep" and child.lower_ in self.issuer_preps:
                pobj = next((t for t in child.children if t.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        return None


def _subject(token: Token) -> Token | None:
    """The subject nearest the verb (a bad sentence split can give a verb two)."""
    subjects = [t for t in token.children if t.dep_ in _SUBJECTS]
    return min(subjects, key=lambda t: abs(t.i - token.i)) if subjects else None
