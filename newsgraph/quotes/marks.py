"""Find quoted spans in raw text, at the character level, before any token is looked at.

Handles curly and straight double quotes, guillemets, LaTeX-style ``...'', and single quotes used as quotation
marks (told apart from apostrophes: ’s, ’70s, o’clock, ministers’ meeting). A quote that opens in one paragraph and
is not closed there continues when the next paragraph opens with a quote mark (the newswire convention); the result
is one `QuoteSpan` whose `parts` are the quoted text of each paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Paired marks: opener -> the closers it accepts.  Straight quotes open and close themselves.
_DOUBLE_OPEN = {"\u201c": "\u201d\"", "\u201e": "\u201c\u201d", "\u00ab": "\u00bb", "\u00bb": "\u00ab", "``": "''\u201d", '"': '"\u201d'}
_SINGLE_OPEN = {"\u2018": "\u2019", "\u201a": "\u2018\u2019", "\u2039": "\u203a", "'": "'\u2019"}
_MARK = re.compile(r"``|''|[\u201c\u201d\u201e\u00ab\u00bb\"\u2018\u2019\u201a\u2039\u203a']")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[\u201c\u201e\u00ab\"\u2018'`])")
_OPEN_AT_START = re.compile(r"\s*(``|[\u201c\u201e\u00ab\"\u2018\u201a\u2039'])")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quotation in the text: outer offsets (marks included) and the quoted parts (marks excluded)."""

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    single: bool = False          # single quote marks (‘...’ or '...')
    closed: bool = True           # False when the text never closed it (it runs to the paragraph end)

    def text(self, text: str) -> str:
        """The quoted words, paragraphs joined by one space."""
        return " ".join(" ".join(text[a:b].split()) for a, b in self.parts)


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation in `text`, in order; nested quotes inside a quotation are not returned separately."""
    spans: list[QuoteSpan] = []
    pending: QuoteSpan | None = None       # a quote left open at a paragraph end
    for para_start, para_end in _paragraphs(text):
        found = _scan_paragraph(text, para_start, para_end)
        if pending is not None:
            if found and found[0].start == _first_char(text, para_start, para_end):
                # The continuation convention: the open quote goes on in this paragraph.
                first = found[0]
                found[0] = QuoteSpan(pending.start, first.end, pending.parts + first.parts, first.single, first.closed)
            elif _may_stay_open(text, pending):
                spans.append(pending)
            pending = None
        if found and not found[-1].closed:
            pending = found.pop()
        spans.extend(found)
    if pending is not None and _may_stay_open(text, pending):
        spans.append(pending)
    return spans


def _may_stay_open(text: str, span: QuoteSpan) -> bool:
    """An unclosed quote is kept when it opens a paragraph or follows a colon (the closer was forgotten)."""
    at = span.start
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at == 0 or text[at - 1] in "\n:"


def _first_char(text: str, start: int, end: int) -> int:
    """Offset of the first non-space character of a paragraph."""
    while start < end and text[start].isspace():
        start += 1
    return start


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph bounds: blank lines, or a line break followed by an opening quote mark."""
    bounds, start = [], 0
    for m in _PARAGRAPH.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def _scan_paragraph(text: str, start: int, end: int) -> list[QuoteSpan]:
    """Pair the marks of one paragraph; the last span may be unclosed."""
    spans: list[QuoteSpan] = []
    opener: re.Match[str] | None = None
    for m in _MARK.finditer(text, start, end):
        mark = m.group()
        if opener is None:
            if _is_opener(text, m, start, end):
                opener = m
            continue
        closers = (_DOUBLE_OPEN.get(opener.group()) or _SINGLE_OPEN.get(opener.group()) or "")
        if mark in closers and _is_closer(text, m, end) and m.start() > opener.end():
            spans.append(_span(text, opener, m.start(), m.end()))
            opener = None
    if opener is not None and opener.group() not in _SINGLE_OPEN:
        spans.append(QuoteSpan(opener.start(), end, ((opener.end(), _rstrip(text, opener.end(), end)),), closed=False))
    return spans


def _span(text: str, opener: re.Match[str], close_start: int, close_end: int) -> QuoteSpan:
    a, b = opener.end(), close_start
    while a < b and text[a].isspace():
        a += 1
    return QuoteSpan(opener.start(), close_end, ((a, _rstrip(text, a, b)),), single=opener.group() in _SINGLE_OPEN)


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _is_opener(text: str, m: re.Match[str], para_start: int, para_end: int) -> bool:
    """An opening mark stands before a word; a single mark also needs no letter before it (not an apostrophe)."""
    mark = m.group()
    if mark in ("\u201d", "''", "\u203a") or (mark == "\u00bb" and "\u00ab" in text[m.end():para_end]):
        return False
    after = text[m.end()] if m.end() < para_end else " "
    before = text[m.start() - 1] if m.start() > para_start else " "
    if after.isspace() and mark not in "\u00ab\u00bb":   # French guillemets take a space inside
        return False
    if mark == '"' and before.isdigit():      # 70" TV, a 12" pipe: an inch mark
        return False
    if mark in ("\u2019", "\u2018", "'", "\u201a"):
        # ’70s, ’em, o’clock, ’tis are apostrophes; a single quote opens only after a space or an opening bracket.
        if mark == "\u2019" or not (before.isspace() or before in "([{\u2014\u2013-:"):
            return False
        if after.isdigit() or not (after.isalpha() or after in "\u201c\"") or _elision(text, m.end(), para_end):
            return False
    return True


def _is_closer(text: str, m: re.Match[str], para_end: int) -> bool:
    """A closing mark ends a word; for single marks it must not sit inside one (don’t) or start one."""
    after = text[m.end()] if m.end() < para_end else " "
    before = text[m.start() - 1]
    if m.group() in ("\u2019", "'"):
        return not after.isalnum() and not before.isspace()
    return not before.isspace() or after.isspace() or after in ".,;:!?)"


_ELISIONS = ("em ", "tis ", "twas ", "cause ", "n ", "n'", "n\u2019", "til ")


def _elision(text: str, at: int, end: int) -> bool:
    """Words that begin with an apostrophe ('em, 'tis, rock 'n' roll) are not quotations."""
    return text[at:min(end, at + 6)].lower().startswith(_ELISIONS)


def paragraph_starts(text: str) -> list[int]:
    """Start offsets of the paragraphs, in order (for "same or next paragraph" tests)."""
    return [start for start, _ in _paragraphs(text)]
