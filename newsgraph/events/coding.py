"""Coding of an event beyond its type: quad class, CAMEO root, intensity, and date."""
from __future__ import annotations

import re

from newsgraph.events.lexicon import Lexicon

_MONTHS = ("january february march april may june july august september october november december").split()
_MONTH_ALT = "|".join(m.capitalize() + "|" + m[:3].capitalize() + r"\." for m in _MONTHS)
# "on May 22", "on 22 May" - cheap, and only with the article's year to anchor it.
_MONTH_DAY = re.compile(rf"\b(?:on|since|from|by)\s+(?:({_MONTH_ALT})\s+(\d{{1,2}})\b|(\d{{1,2}})\s+({_MONTH_ALT}))")


def code_event(lex: Lexicon, type_: str, mode: str | None) -> tuple[int, str, float]:
    """Quad class (1-4), CAMEO root ("01".."20") and intensity (-10..+10) for a type and mode."""
    return lex.code(type_, mode)


def _month(name: str) -> int:
    return _MONTHS.index(next(m for m in _MONTHS if m.startswith(name[:3].lower()))) + 1


def event_date(sentence: str, published: str | None) -> str | None:
    """The date a sentence gives ("on May 22", with the article's year), else the article's date."""
    if not published or len(published) < 4 or not published[:4].isdigit():
        return published
    match = _MONTH_DAY.search(sentence)
    if match is None:
        return published
    month_name = match.group(1) or match.group(4)
    day = int(match.group(2) or match.group(3))
    month = _month(month_name)
    if not 1 <= day <= 31:
        return published
    year = int(published[:4])
    if published[5:7].isdigit() and month > int(published[5:7]):
        year -= 1   # "on December 3" in a January article is last year's
    return f"{year:04d}-{month:02d}-{day:02d}"
