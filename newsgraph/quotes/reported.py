"""Reported speech: "X said that ...", "X told Y that ...", "according to X, ..." as indirect quotes.

Only speech and cognition verbs with a clausal complement count, never in a relative clause ("what he said"),
never negated, and never over words that are already quoted directly.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from newsgraph.quotes.cues import Cues
from newsgraph.quotes.direct import find_via
from newsgraph.quotes.speakers import Speaker, SpeakerIndex

_LEADING = ("that",)                    # opens the clause but is not what was said
_WH = ("whether", "if", "when", "what", "how", "why", "where", "who", "which")   # "say when ...": a question


@dataclass(frozen=True, slots=True)
class Reported:
    """One reported statement: cue verb, clause, speaker and relaying outlet (`text`: the clause's words when an
    inserted "according to X" is left out of them)."""

    cue: Token
    clause: Span
    speaker: Speaker
    via: Speaker | None
    text: str | None = None


def find_reported(doc: Doc, quoted: list[bool], cues: Cues, index: SpeakerIndex, *,
                  skip: set[int]) -> list[Reported]:
    """Every reported statement in a doc whose cue is not already the cue of a direct quote (`skip`)."""
    found: list[Reported] = []
    for i in _candidates(doc, cues):
        token = doc[i]
        if cues.is_according(token) and token.i not in skip and not quoted[token.i]:
            according = _according(doc, token, quoted, cues, index)
            if according is not None:
                found.append(according)
            continue
        if token.i in skip or quoted[token.i] or token.lemma_.lower() not in cues.reported_verbs:
            continue
        # "declined to say", "wants to add" report nothing; nor do "what he said", "did not say"
        if token.pos_ != "VERB" or token.dep_ in ("relcl", "amod", "acl", "xcomp") or _negated_or_wh(token):
            continue
        comp = next((c for c in token.children if c.dep_ == "ccomp" and c.i > token.i), None)
        if comp is None:
            continue
        clause = _clause(doc, comp)
        if clause is None or clause[0].lower_ in _WH or any(quoted[t.i] for t in clause) or len(clause) < 3:
            continue
        who = cues.speaker_of(token)
        speaker = index.resolve(who) if who is not None else None
        if speaker is None:
            continue
        if who is not None and index.relays(token, who) and any(_is_cue(t, cues) for t in clause):
            continue        # "Dawn reported that X said ...": X's statement is taken, with the outlet as via
        found.append(Reported(token, clause, speaker, find_via(token, index, cues)))
    return found


_HASHES: dict[frozenset, frozenset[int]] = {}   # reported verbs -> hashes of their lemma spellings


def _candidates(doc: Doc, cues: Cues) -> list[int]:
    """The tokens the loop of `find_reported` can act on ("according", a reported verb's lemma in any case), found
    in the doc's arrays: making a Token for every word of every doc costs more than reading the statements."""
    strings = doc.vocab.strings
    verbs = _HASHES.get(cues.reported_verbs)
    if verbs is None:
        verbs = _HASHES[cues.reported_verbs] = frozenset(
            strings[form] for verb in cues.reported_verbs for form in (verb, verb.title(), verb.upper()))
    according = strings["according"]
    return [i for i, (lower, lemma) in enumerate(doc.to_array([LOWER, LEMMA]).tolist())
            if lower == according or lemma in verbs]


def _is_cue(token: Token, cues: Cues) -> bool:
    return token.lemma_.lower() in cues.reported_verbs and token.pos_ == "VERB"


def _negated_or_wh(token: Token) -> bool:
    """"did not say", "what he said", "as he said" are not statements of a clause."""
    for child in token.children:
        if child.dep_ == "neg" or child.tag_ in ("WP", "WDT", "WRB"):
            return True
    return token.head.tag_ in ("WP", "WRB") or any(c.lower_ == "as" and c.dep_ == "mark" for c in token.children)


def _clause(doc: Doc, comp: Token) -> Span | None:
    """The complement clause without its "that" and final punctuation."""
    start, end = comp.left_edge.i, comp.right_edge.i + 1
    while start < end and (doc[start].lower_ in _LEADING and doc[start].dep_ not in ("det", "nsubj")
                           or doc[start].is_punct or doc[start].is_space):
        start += 1
    return _trim(doc, start, end)


def _trim(doc: Doc, start: int, end: int) -> Span | None:
    """The span without punctuation and line breaks at its edges."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None


def _according(doc: Doc, according: Token, quoted: list[bool], cues: Cues, index: SpeakerIndex) -> Reported | None:
    """"According to X, <clause>" or "<clause>, according to X": X's statement, unless X is an outlet."""
    verb = according.head
    if verb.pos_ not in ("VERB", "AUX"):
        # "One of them, according to X, had ...": attached to a noun, the statement is its whole sentence
        verb = index.sent(according.i).root
    who = cues.speaker_of(according)
    if who is None or verb.i == according.i or index.is_outlet(who):
        return None
    left, right = according.left_edge.i, according.right_edge.i + 1
    if left <= verb.left_edge.i:
        clause = _trim(doc, right, verb.right_edge.i + 1)
    elif right < verb.right_edge.i:        # inserted: the words on both sides of it
        clause = _trim(doc, verb.left_edge.i, verb.right_edge.i + 1)
    else:
        clause = _trim(doc, verb.left_edge.i, left)
    if clause is None or len(clause) < 3 or any(quoted[t.i] or _is_cue(t, cues) for t in clause
                                                if not left <= t.i < right):
        return None
    text = None
    if clause.start < left < clause.end:
        head, tail = _trim(doc, clause.start, left), _trim(doc, right, clause.end)
        text = " ".join(part.text for part in (head, tail) if part is not None)
    speaker = index.resolve(who)
    return Reported(according, clause, speaker, None, text) if speaker is not None else None
