"""Long articles are analysed in parts: split at paragraph (else sentence) breaks, merged back with offsets shifted.

spaCy's parser needs memory in proportion to the length of one text (about 3 GB for 1.5 million characters with
the small model), so a 5 MB article in one piece would exhaust a laptop. An article longer than `MAX_CHARS` is
analysed alone, in parts of at most `MAX_CHARS`, which keeps memory flat. What crosses a part boundary is lost: a pronoun cannot reach back into the previous part, and the same event
told in two parts stays two events.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from newsgraph.model import ActorCount, Actors, Analysis, Event, Quote, Tone, tone_label

MAX_CHARS = 20_000   # a batch of 32 texts this long needs about 2 GB; longer articles go alone, in parts


def split_text(text: str, max_chars: int = MAX_CHARS) -> list[tuple[int, str]]:
    """(offset, part) pairs covering `text`, each at most `max_chars` long, cut at a line break where possible."""
    parts: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > max_chars:
        end = start + max_chars
        cut = text.rfind("\n", start + max_chars // 2, end)
        if cut == -1:
            cut = text.rfind(". ", start + max_chars // 2, end)
            cut = end if cut == -1 else cut + 2
        parts.append((start, text[start:cut]))
        start = cut
    parts.append((start, text[start:]))
    return parts


@dataclass(frozen=True, slots=True)
class Part:
    """The analysis of one part, with where the part starts in the article (characters, tokens, sentences)."""

    analysis: Analysis
    chars: int
    tokens: int
    sents: int
    size: int     # tokens in this part

    @classmethod
    def after(cls, previous: Part | None, analysis: Analysis, chars: int, size: int) -> Part:
        """The part that follows `previous` (None for the first)."""
        if previous is None:
            return cls(analysis, chars, 0, 0, size)
        return cls(analysis, chars, previous.tokens + previous.size,
                   previous.sents + len(previous.analysis.sentences), size)


def merge_parts(parts: Sequence[Part]) -> Analysis:
    """One article's Analysis from the analyses of its parts, all offsets counted from the article's start."""
    if len(parts) == 1:
        return parts[0].analysis
    first = parts[0].analysis
    mentions, persons, unresolved, events, quotes, sentences = [], [], [], [], [], []
    counts: dict[str, ActorCount] = {}
    seen_persons: set[str] = set()
    for part in parts:
        a, c = part.analysis, part.chars
        mentions += [replace(m, start=m.start + c, end=m.end + c, tok_start=m.tok_start + part.tokens,
                             tok_end=m.tok_end + part.tokens, sent=m.sent + part.sents) for m in a.actors.mentions]
        for p in a.actors.persons:
            if p.name not in seen_persons:
                seen_persons.add(p.name)
                persons.append(replace(p, start=p.start + c, end=p.end + c))
        for ac in a.actors.actors:
            old = counts.get(ac.code)
            counts[ac.code] = ac if old is None else replace(
                old, count=old.count + ac.count, samples=tuple(dict.fromkeys(old.samples + ac.samples))[:5])
        unresolved += a.actors.unresolved
        events += [_shift_event(e, c) for e in a.events]
        quotes += [_shift_quote(q, c) for q in a.quotes]
        sentences += [(s + c, e + c) for s, e in a.sentences]
    actors = Actors(mentions=tuple(mentions), persons=tuple(persons),
                    actors=tuple(sorted(counts.values(), key=lambda x: -x.count)), unresolved=tuple(unresolved))
    return replace(first, actors=actors, events=tuple(events), quotes=tuple(quotes), sentences=tuple(sentences),
                   tone=_merge_tone(parts))


def _merge_tone(parts: Sequence[Part]) -> tuple[Tone, ...]:
    """One tone per target over all parts: scores averaged by mentions, evidence shifted and kept strongest first."""
    merged: dict[str, list[Tone]] = {}
    for part in parts:
        for t in part.analysis.tone:
            shifted = tuple(replace(e, start=e.start + part.chars, end=e.end + part.chars) for e in t.evidence)
            merged.setdefault(t.target, []).append(replace(t, evidence=shifted))
    out = []
    for tones in merged.values():
        mentions = sum(t.mentions for t in tones)
        score = round(sum(t.score * t.mentions for t in tones) / mentions, 3) if mentions else 0.0
        evidence = tuple(e for t in sorted(tones, key=lambda t: -abs(t.score)) for e in t.evidence)[:5]
        out.append(replace(tones[0], score=score, label=tone_label(score), mentions=mentions, evidence=evidence))
    return tuple(sorted(out, key=lambda t: -t.mentions))


def _add(value: int | None, by: int) -> int | None:
    return None if value is None else value + by


def _shift_event(event: Event, by: int) -> Event:
    evidence = tuple(replace(ev, start=ev.start + by, end=ev.end + by, trigger_start=ev.trigger_start + by,
                             trigger_end=ev.trigger_end + by, source_start=_add(ev.source_start, by),
                             source_end=_add(ev.source_end, by), target_start=_add(ev.target_start, by),
                             target_end=_add(ev.target_end, by)) for ev in event.evidence)
    return replace(event, evidence=evidence)


def _shift_quote(quote: Quote, by: int) -> Quote:
    return replace(quote, start=quote.start + by, end=quote.end + by,
                   speaker_start=_add(quote.speaker_start, by), speaker_end=_add(quote.speaker_end, by))
