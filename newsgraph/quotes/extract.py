"""The quotes stage: direct quotes and reported speech, each with its speaker, actor code, cue and sentence.

Rules (tunable in `newsgraph/data/quotes.yaml`):
- A direct quote is words between quote marks (see `marks.py`). It is kept when a cue gives it a speaker and it has
  at least `min_words_cued` words; without a cue it may take the speaker of the quote or statement just before it in
  the same or the previous paragraph when it reads as a sentence; otherwise it needs `min_words_uncued` words and a
  finite verb (scare quotes, titles and single words are dropped).
- A split quote ("...," she said, "...") is returned as one quote: both parts, joined by a space.
- Reported speech ("X said that ...") is a quote with `direct=False` whose text is the reported clause; it is not
  emitted over words that are quoted directly.
- The same words quoted twice in an article are one quote (the first, or the one that has a speaker).
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.nlp import doc_text
from newsgraph.model import Actors, Quote
from newsgraph.quotes.cues import Cues
from newsgraph.quotes.direct import Attribution, attribute, title_like
from newsgraph.quotes.marks import QuoteSpan, find_quote_spans, paragraph_starts
from newsgraph.quotes.reported import Reported, find_reported
from newsgraph.quotes.speakers import Speaker, SpeakerIndex

_FINITE = ("VBD", "VBZ", "VBP", "MD")
_NOMINAL = ("NOUN", "PROPN", "NUM", "PRON")
_OUTSIDE_MODIFIERS = ("det", "poss", "amod", "compound", "nmod")
_GENERIC_POS = ("NOUN", "ADJ")
_OWN_WORDS = ("dobj", "pobj", "attr", "oprd", "appos", "conj")   # "condemned the “...”", "was “...”"


class QuoteExtractor:
    """Extract quotations and their speakers from a Doc whose actors are resolved.

    Args:
        nlp: the loaded pipeline (kept for the interface; the cue lexicon is read once here).
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.cues = Cues.load()

    def __call__(self, doc: Doc, actors: Actors) -> tuple[Quote, ...]:
        """All quotes of a doc, in text order."""
        text = doc_text(doc)
        spans = find_quote_spans(text)
        quoted = [False] * len(doc)
        contents: list[Span] = []
        for span in spans:
            content = doc.char_span(span.parts[0][0], span.parts[-1][1], alignment_mode="expand")
            contents.append(content)
            for i in range(content.start, content.end):
                quoted[i] = True
        index = SpeakerIndex(doc, actors, self.cues, quoted, text)
        found = [attribute(doc, s, c, quoted, self.cues, index) for s, c in zip(spans, contents) if len(c)]
        found = _merge_split(index, found, self.cues.max_split_gap_words)
        skip = {f.cue.i for f in found if f.cue is not None}
        reported = find_reported(doc, quoted, self.cues, index, skip=skip)
        quotes = self._direct(index, found, reported) + [_reported_quote(index, r) for r in reported]
        return _unique(sorted(quotes, key=lambda q: q.start))

    def _direct(self, index: SpeakerIndex, found: list[Attribution], reported: list[Reported]) -> list[Quote]:
        """Keep the quotes that pass the rules; uncued ones inherit the speaker before them when close enough."""
        paras = paragraph_starts(index.text)
        said = sorted([(f.span.end, f.speaker) for f in found if f.speaker and f.cue is not None]
                      + [(r.clause.end_char, r.speaker) for r in reported], key=lambda p: p[0])
        quotes = []
        for f in found:
            words = len(f.text.split())
            if f.cue is not None and f.speaker is not None:
                # a cued partial quote of two words or more is the speaker's words, as news quotes them ("called
                # them “a provocation”", "was “extremely inappropriate”"); terms and names are not
                alone = _standalone(f.content)
                least = self.cues.min_words_standalone if alone else self.cues.min_words_partial
                if words >= least and not ((f.embedded or f.naming or not alone) and self._label(f.content, words)):
                    quotes.append(_direct_quote(index, f, f.speaker))
                continue
            if words < self.cues.min_words_cued or not _sentence_like(f.content):
                continue
            # a cue whose subject names nobody ("51 percent say that ...") is not someone else's quote
            speaker = _speaker_before(said, f.span.start, paras) if not f.nobody else None
            if speaker is not None or words >= self.cues.min_words_uncued:
                quotes.append(_direct_quote(index, f, speaker))
        return quotes


    def _label(self, content: Span, words: int) -> bool:
        """A term or a name, not a statement: a title, words after a term noun ("the phrase “clean copper”",
        "so-called"), a noun phrase with a modifier outside the marks ("the proposed “peace plan”"), or one with a
        determiner outside that is no object or complement ("the “peace plan” had failed")."""
        if title_like(content):
            return True
        doc = content.doc
        before = content.start - 1
        while before >= 0 and (doc[before].is_quote or doc[before].is_space):
            before -= 1
        if before >= 0 and (doc[before].lower_ in self.cues.term_words or doc[before].lower_ == "called"
                            and before > 0 and doc[before - 1].text in ("-", "so")):       # "so-called"
            return True
        if words > self.cues.max_np_words or any(t.pos_ in ("VERB", "AUX") for t in content):
            return False
        heads = [t for t in content if not content.start <= t.head.i < content.end or t.head.i == t.i]
        if not heads or heads[0].pos_ not in _NOMINAL:
            return False
        head = heads[0]
        outside = [c for c in head.children if c.i < content.start and c.dep_ in _OUTSIDE_MODIFIERS]
        if any(c.dep_ not in ("det", "poss") for c in outside):
            return True
        return bool(outside) and head.dep_ not in _OWN_WORDS


def _standalone(content: Span) -> bool:
    """An utterance of its own: the quote opens a sentence or follows a comma or colon (not "the song “X”")."""
    i = content.start - 1
    doc = content.doc
    while i >= 0 and (doc[i].is_quote or doc[i].is_space):
        i -= 1
    return i < 0 or doc[i].text in ",:." or doc[i + 1].is_sent_start or doc[i].is_sent_end is True


def _speaker_before(said: list[tuple[int, Speaker]], at: int, paras: list[int]) -> Speaker | None:
    """The last speaker before `at` in the same or the previous paragraph."""
    before = [s for s in said if s[0] <= at]
    if not before:
        return None
    end, speaker = before[-1]
    here = bisect_right(paras, at)
    return speaker if here - bisect_right(paras, end) <= 1 else None


def _merge_split(index: SpeakerIndex, found: list[Attribution], max_gap: int) -> list[Attribution]:
    """Join "“A,” she said, “B”" into one quote: the words between are few, end in a comma and hold the cue."""
    merged: list[Attribution] = []
    for f in found:
        prev = merged[-1] if merged else None
        if prev is not None and prev.cue is not None and prev.span.closed:
            gap = index.text[prev.span.end:f.span.start]
            if (prev.span.end <= prev.cue.idx < f.span.start and gap.rstrip().endswith((",", ":"))
                    and "\n" not in gap and len(gap.split()) <= max_gap):
                span = QuoteSpan(prev.span.start, f.span.end, prev.span.parts + f.span.parts, f.span.single, f.span.closed)
                merged[-1] = Attribution(span, f"{prev.text} {f.text}", index.doc[prev.content.start:f.content.end],
                                         prev.cue, prev.speaker, prev.via, prev.embedded, prev.nobody)
                continue
        merged.append(f)
    return merged


def _sentence_like(content: Span) -> bool:
    """A finite verb and not a title (most words capitalised)."""
    if not any(t.is_alpha for t in content) or title_like(content):
        return False
    return any(t.tag_ in _FINITE for t in content)


def _sentence_text(index: SpeakerIndex, start: int, end: int) -> str:
    """The sentences that cover a token range."""
    return index.doc[index.sent(start).start:index.sent(end - 1).end].text.strip()


def _name(index: SpeakerIndex, speaker: Speaker | None) -> str | None:
    """The speaker's name to report; none for a bare plural common noun ("Analysts", "security officials",
    "diplomats"): a kind of people, not a person or a body (its actor code, if any, is kept; no speaker span)."""
    if speaker is None:
        return None
    span = index.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    words = [t for t in span or () if not t.is_punct and t.pos_ != "DET"]
    if words and words[-1].tag_ == "NNS" and all(t.pos_ in _GENERIC_POS for t in words) \
            and not any(t.i in index.by_token for t in words):
        return None
    return speaker.name


def _direct_quote(index: SpeakerIndex, f: Attribution, speaker: Speaker | None) -> Quote:
    start, end = f.content.start, f.content.end
    if f.cue is not None:
        start, end = min(start, f.cue.i), max(end, f.cue.i + 1)
    name = _name(index, speaker)
    return Quote(
        text=f.text, speaker=name, actor=speaker.actor if speaker else None,
        direct=True, cue=f.cue.text if f.cue is not None else None, sentence=_sentence_text(index, start, end),
        start=f.span.parts[0][0], end=f.span.parts[-1][1],
        speaker_start=speaker.start if speaker and name else None,
        speaker_end=speaker.end if speaker and name else None,
        via=f.via.name if f.via else None,
    )


def _reported_quote(index: SpeakerIndex, r: Reported) -> Quote:
    name = _name(index, r.speaker)
    return Quote(
        text=r.text or r.clause.text, speaker=name, actor=r.speaker.actor, direct=False, cue=r.cue.text,
        sentence=index.sent(r.cue.i).text.strip(), start=r.clause.start_char, end=r.clause.end_char,
        speaker_start=r.speaker.start if name else None, speaker_end=r.speaker.end if name else None,
        via=r.via.name if r.via else None,
    )


def _unique(quotes: list[Quote]) -> tuple[Quote, ...]:
    """One quote per text (case and spacing folded); a repeat with a speaker replaces one without."""
    kept: dict[str, int] = {}
    out: list[Quote] = []
    for quote in quotes:
        key = " ".join(quote.text.lower().split()).strip(" ,.")
        if key in kept:
            if out[kept[key]].speaker is None and quote.speaker is not None:
                out[kept[key]] = quote
            continue
        kept[key] = len(out)
        out.append(quote)
    return tuple(out)
