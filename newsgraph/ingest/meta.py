"""Article metadata from plain text: the optional header block, headline detection and dates."""
from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime

# A header block is the first lines of a text file, each `Key: value`, ended by a blank line.
# Keys map to Article fields; `author` is accepted and dropped (Article has no field for it).
HEADER_KEYS = {
    "title": "title", "headline": "title",
    "outlet": "outlet", "source": "outlet", "publisher": "outlet",
    "date": "published", "published": "published",
    "url": "url", "link": "url",
    "author": None, "byline": None,
}
_HEADER_LINE = re.compile(r"^(" + "|".join(HEADER_KEYS) + r")\s*:\s*(.*?)\s*$", re.IGNORECASE)

_DATE_FORMATS = ("%d %B %Y", "%B %d, %Y", "%B %d %Y", "%d %b %Y", "%b %d, %Y", "%b %d %Y", "%Y/%m/%d", "%d.%m.%Y")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")

# Headline: short, starts with a capital, letter or digit, no closing period, colon or comma.
_MAX_TITLE_WORDS = 25
_MAX_TITLE_CHARS = 200
_TITLE_START = re.compile(r"^[\"“‘']?[A-Z0-9]")
_TITLE_BAD_END = (".", ",", ";", ":", "…")
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?][\"”’]?\s+[A-Z]")
# A line ending in a function word is a sentence broken by hard wrapping, not a headline.
_OPEN_END = re.compile(
    r"\b(a|an|the|and|or|but|of|to|in|on|at|by|for|with|from|that|which|who|as|is|are|was|were|has|have|had|will)$",
    re.IGNORECASE,
)


def read_header(lines: list[str]) -> tuple[dict[str, str], int]:
    """Fields of a header block at the top of `lines`, and the number of lines it takes (0 when none).

    A block counts only when every line up to the first blank line is a `Key: value` line with a known key.
    """
    fields: dict[str, str] = {}
    for n, line in enumerate(lines):
        if not line.strip():
            return (fields, n + 1) if n else ({}, 0)
        match = _HEADER_LINE.match(line.strip())
        if not match:
            return {}, 0
        field = HEADER_KEYS[match.group(1).lower()]
        if field and match.group(2):
            fields[field] = match.group(2)
    return {}, 0  # a file made only of `Key: value` lines has no body; treat it as text


def is_headline(line: str) -> bool:
    """True when a first line reads like a headline rather than a body sentence."""
    text = line.strip()
    words = text.split()
    return (
        0 < len(words) <= _MAX_TITLE_WORDS
        and len(text) <= _MAX_TITLE_CHARS
        and bool(_TITLE_START.match(text))
        and not text.endswith(_TITLE_BAD_END)
        and not _SENTENCE_INSIDE.search(text)
        and not _OPEN_END.search(text)
    )


def parse_date(value: str | None) -> str | None:
    """An ISO `YYYY-MM-DD` date from the common ways of writing one, or None."""
    text = " ".join((value or "").split())
    if not text:
        return None
    match = _ISO_DATE.match(text)
    if match:
        return _valid(*map(int, match.groups()))
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _valid(year: int, month: int, day: int) -> str | None:
    """Reject impossible ISO-looking dates such as 2024-13-45."""
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return None
