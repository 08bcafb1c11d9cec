"""Direct quotes: tie each quoted span to the cue that introduces it and to that cue's speaker.

Where the cue is looked for, in order: a speech verb that governs the quoted words in the parse ("told the OIC to
“call ...”", "“...,” she said"); a cue in the rest of the sentence after the quote, then before it ("said Minister
X", "a statement by X read"); a clause ending in a colon just before the quote, whatever its verb ("X agreed:"), or
a bare name there ("X: “...”", as in headlines); a short attribution opening the next sentence when the quote ends
its own ("“...?” X asked.", "“...” That was how X put it.").  A partial quote with no cue belongs to the subject of
its sentence.  When the cue's speaker is no person but the cue reports a person's words ("X said that the
government had concluded it was “...”"), the person speaks.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.quotes.cues import Cues
from newsgraph.quotes.marks import QuoteSpan
from newsgraph.quotes.speakers import Speaker, SpeakerIndex

_MAX_CLIMB = 6
_NEXT_SENTENCE_WORDS = 12              # "That was how the minister put it." fits; a new statement does not
_NAME_POS = ("PROPN", "NOUN", "ADJ", "DET", "PUNCT", "PART", "SPACE")   # a bare name before a colon
_OWN_CLAUSE = ("ccomp", "dobj", "xcomp")  # a cue with its own object reports something else
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
    nobody: bool = False            # the cue's subject names no one who speaks ("51 percent say")
    naming: bool = False            # the cue is a naming verb ("called the outcome “...”")


def attribute(doc: Doc, span: QuoteSpan, content: Span, quoted: list[bool], cues: Cues,
              index: SpeakerIndex) -> Attribution:
    """Find the cue, speaker and outlet of one quoted span."""
    found = Attribution(span, span.text(index.text), content)
    found.embedded = _embedded(doc, content, quoted, index)
    cue = (_governing_cue(content, quoted, cues) or _cue_in_frame(doc, content, quoted, cues, index)
           or _cue_after_colon(doc, content, quoted, index) or _cue_next_sentence(doc, content, quoted, cues, index))
    if cue is None and found.embedded and not title_like(content):
        cue = _naming_cue(content, quoted, cues)
        found.naming = cue is not None
    if cue is None and found.embedded and any(t.pos_ == "VERB" for t in content) and not title_like(content):
        # a partial quote with no cue belongs to the subject of its sentence
        root = index.sent(content.start).root
        cue = root if root.pos_ in ("VERB", "AUX") and not quoted[root.i] else None
    if cue is None:
        return found
    found.cue = cue
    who = cues.speaker_of(cue) if cue.text != ":" else doc[cue.i - 1]     # "X: “...”" names X before the colon
    found.speaker = index.resolve(who) if who is not None else None
    if found.speaker is None and (who is None or who.pos_ == "PRON"):
        found.speaker = _nearest_named(doc, cue, content, quoted, index)
    found.nobody = found.speaker is None and who is not None and who.pos_ != "PRON"
    if found.speaker is None or not _is_person(found.speaker, index):
        outer = _outer_speaker(cue, quoted, cues, index)
        if outer is not None:
            found.cue, found.speaker = outer
    found.via = find_via(found.cue, index, cues)
    return found


def title_like(content: Span) -> bool:
    """Most words capitalised: a title or a slogan, not speech ("We’re Not Gonna Take It")."""
    words = [t for t in content if t.is_alpha]
    return len(words) > 1 and sum(t.is_title for t in words) > 0.6 * len(words)


def _is_person(speaker: Speaker, index: SpeakerIndex) -> bool:
    return any(p.name == speaker.name for p in index.persons)


def _outer_speaker(cue: Token, quoted: list[bool], cues: Cues, index: SpeakerIndex) -> tuple[Token, Speaker] | None:
    """A person whose reported statement holds the cue: "X said (that) the ministry had concluded ..."."""
    node = cue
    for _ in range(_MAX_CLIMB):
        # "X said that ... had opened fire, and that Thai units had responded “...”": a clause joined to a
        # reported one is reported too
        # (never a cue joined to the person's own: "X said ..., and the ministry added “...”"); a verb the clause's
        # subject controls is in it ("X said Paris had decided to declare ... “...”")
        if node.dep_ not in ("ccomp", "conj", "xcomp") or node.head.i == node.i:
            return None
        via = node.dep_
        node = node.head
        if via == "ccomp" and not quoted[node.i] and node.lemma_.lower() in cues.reported_verbs:
            who = cues.speaker_of(node)
            speaker = index.resolve(who) if who is not None else None
            if speaker is not None and _is_person(speaker, index):
                return node, speaker
    return None


def _cue_after_colon(doc: Doc, content: Span, quoted: list[bool], index: SpeakerIndex) -> Token | None:
    """"X agreed: “...”": the verb with a subject before the colon; "X: “...”" (a headline): the colon."""
    colon = content.start - 1
    while colon >= 0 and (doc[colon].is_space or doc[colon].is_quote):
        colon -= 1
    if colon < 1 or doc[colon].text != ":" or quoted[colon - 1]:
        return None
    clause = doc[index.sent(colon - 1).start:colon]
    verbs = [t for t in clause if t.pos_ in ("VERB", "AUX") and any(_names_someone(c, index) for c in t.children)]
    if verbs:
        return verbs[-1]
    if doc[colon - 1].pos_ == "PROPN" and all(t.pos_ in _NAME_POS for t in clause):
        return doc[colon]
    return None


def _names_someone(token: Token, index: SpeakerIndex) -> bool:
    """A subject that names a speaker: a resolved name, a proper noun or a personal pronoun ("Here are:" is not)."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    mention = index.by_token.get(token.i)
    return (mention is not None and not mention.place or token.pos_ == "PROPN"
            or token.lower_ in index.cues.person_pronouns or token.lower_ in index.cues.group_pronouns)


def _cue_next_sentence(doc: Doc, content: Span, quoted: list[bool], cues: Cues, index: SpeakerIndex) -> Token | None:
    """"“...?” X asked.": a short next sentence whose cue has no clause of its own, after a quote that is a sentence."""
    first, last = index.sent(content.start), index.sent(content.end - 1)
    if last.end >= len(doc) or any(not (t.is_punct or t.is_space) for t in doc[content.end:last.end]) \
            or any(not (t.is_punct or t.is_space) for t in doc[first.start:content.start]):
        return None     # the quote must be a sentence of its own
    following = index.sent(last.end)
    if len(following) > _NEXT_SENTENCE_WORDS:
        return None
    for token in following:
        if quoted[token.i]:
            return None
        if cues.is_speech_cue(token):
            if any(c.dep_ in _OWN_CLAUSE and c.lower_ != "it" for c in token.children) \
                    or not any(_names_someone(c, index) and c.dep_ == "nsubj" for c in token.children):
                return None
            return token
    return None


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


def _naming_cue(content: Span, quoted: list[bool], cues: Cues) -> Token | None:
    """A naming verb whose object or its complement is the quoted noun phrase ("called the lifting of sanctions
    “a pivotal turning point”", "described the treaty as “...”"): the first verb above the quote, a few steps up."""
    if any(t.pos_ in ("VERB", "AUX") for t in content):
        return None
    for token in content:
        if content.start <= token.head.i < content.end or token.head.i == token.i:
            continue
        node = token.head
        for _ in range(3):
            if node.pos_ in ("VERB", "AUX"):
                return node if not quoted[node.i] and node.lemma_.lower() in cues.naming_verbs else None
            if node.head.i == node.i:
                break
            node = node.head
        return None
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
