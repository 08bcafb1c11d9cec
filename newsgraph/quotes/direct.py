"""Direct quotes: tie each quoted span to the cue that introduces it and to that cue's speaker.

Where the cue is looked for, in order: a speech verb that governs the quoted words in the parse ("told the OIC to
“call ...”", "“...,” she said"); a cue in the rest of the sentence after the quote, then before it ("said Minister
X", "a statement by X read"); a sentence ending in a colon just before the quote.  A partial quote with no cue
belongs to the subject of its sentence.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.quotes.cues import Cues
from newsgraph.quotes.marks import QuoteSpan
from newsgraph.quotes.speakers import Speaker, SpeakerIndex

_MAX_CLIMB = 6
_NAME_DEPS = ("compound", "amod", "flat", "nmod")


@dataclass(slots=True)
class Attribution:
    """A quoted span with what was found around it (mutable while quotes are merged and speakers inherited)."""

    span: QuoteSpan
    text: str
    content: Span
    cue: Token | None = None
    speaker: Speaker | None = None
    via: Speaker | None = None
    embedded: bool = False          # the quote is part of a sentence (words on both sides of it)


def attribute(doc: Doc, span: QuoteSpan, content: Span, quoted: list[bool], cues: Cues,
              index: SpeakerIndex) -> Attribution:
    """Find the cue, speaker and outlet of one quoted span."""
    found = Attribution(span, span.text(index.text), content)
    found.embedded = _embedded(doc, content, quoted, index)
    cue = _governing_cue(content, quoted, cues) or _cue_in_frame(doc, content, quoted, cues, index)
    if cue is None and found.embedded and any(t.pos_ == "VERB" for t in content):
        # a partial quote with no cue belongs to the subject of its sentence
        root = index.sent(content.start).root
        cue = root if root.pos_ in ("VERB", "AUX") and not quoted[root.i] else None
    if cue is None:
        return found
    found.cue = cue
    who = cues.speaker_of(cue)
    found.speaker = index.resolve(who) if who is not None else None
    if found.speaker is None:
        found.speaker = _nearest_named(doc, cue, content, quoted, index) or found.speaker
    found.via = find_via(cue, index, cues)
    return found


def find_via(cue: Token, index: SpeakerIndex, cues: Cues) -> Speaker | None:
    """An outlet that relays the speaker: "Dawn reported that X said", "according to the agency", "told Radio Y"."""
    for child in cue.children:
        if child.dep_ in ("dative", "dobj") and index.is_outlet(child):
            return index.resolve(child)
    node = cue
    for _ in range(_MAX_CLIMB):
        if node.head.i == node.i:
            break
        node = node.head
        if node.lemma_.lower() in cues.via_verbs or cues.is_speech_cue(node):
            who = cues.speaker_of(node)
            if who is not None and index.relays(node, who):
                return index.resolve(who)
    for token in index.sent(cue.i):
        if cues.is_according(token):
            who = cues.speaker_of(token)
            if who is not None and index.is_outlet(who):
                return index.resolve(who)
    return None


def _embedded(doc: Doc, content: Span, quoted: list[bool], index: SpeakerIndex) -> bool:
    """Words of the same sentence stand on both sides of the quote (a partial quote)."""
    sent = index.sent(content.start)
    before = any(t.is_alpha for t in doc[sent.start:content.start])
    after_sent = index.sent(content.end - 1)
    after = any(t.is_alpha and not quoted[t.i] for t in doc[content.end:after_sent.end])
    return before and not content[0].is_title or (before and after)


def _governing_cue(content: Span, quoted: list[bool], cues: Cues) -> Token | None:
    """The nearest speech verb above the quoted words in the parse, outside any quote."""
    for token in content:
        if content.start <= token.head.i < content.end:
            continue
        node = token.head
        for _ in range(_MAX_CLIMB):
            if not quoted[node.i] and cues.is_speech_cue(node):
                return node
            if node.head.i == node.i:
                break
            node = node.head
    return None


def _cue_in_frame(doc: Doc, content: Span, quoted: list[bool], cues: Cues, index: SpeakerIndex) -> Token | None:
    """A cue in the sentence after the quote, then before it, then a colon-ended sentence just before."""
    last_sent = index.sent(content.end - 1)
    for token in doc[content.end:last_sent.end]:
        if quoted[token.i]:
            break
        if cues.is_speech_cue(token) or cues.is_according(token):
            return token
    first_sent = index.sent(content.start)
    for token in reversed(doc[first_sent.start:content.start]):
        if quoted[token.i]:
            break
        if cues.is_speech_cue(token) or cues.is_according(token):
            return token
    if first_sent.start == content.start - 1 or first_sent.start == content.start:
        prev = index.sent(first_sent.start - 1) if first_sent.start > 0 else None
        if prev is not None and prev.text.rstrip().endswith(":"):
            return next((t for t in reversed(prev) if cues.is_speech_cue(t)), None)
    return None


def _nearest_named(doc: Doc, cue: Token, content: Span, quoted: list[bool], index: SpeakerIndex) -> Speaker | None:
    """When the parse gives no subject: the actor named nearest the cue in its sentence, outside the quote."""
    sent = index.sent(cue.i)
    best: tuple[int, Token] | None = None
    for token in sent:
        if quoted[token.i] or content.start <= token.i < content.end or token.i not in index.by_token:
            continue
        mention = index.by_token[token.i]
        if mention.place or not (mention.code or mention.person):
            continue
        distance = abs(token.i - cue.i)
        if best is None or distance < best[0]:
            best = (distance, token)
    if best is None:
        return None
    return index.resolve(_name_head(best[1], cue))


def _name_head(token: Token, cue: Token) -> Token:
    """Climb from a word of a name to its head ("Russian" -> "Ministry" in "Russian Foreign Ministry")."""
    while token.dep_ in _NAME_DEPS and token.head.i > token.i and token.head.i != cue.i and token.head.is_title:
        token = token.head
    return token
