"""Terms of a text without spaCy: words, two-word phrases and capitalised names, with their character spans.

The same function feeds the store-wide counts (the prior, kept by `TermCountHook`) and the story's own counts, so
the two always agree on what a term is. Words are lowercased; names keep their case ("Jammu and Kashmir").
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

# Function words carry no framing; they are never terms (and they break two-word phrases).
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between both
but by can could did do does doing down during each either else ever few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just may me might more most must my myself no nor
not now of off on once only or other our ours ourselves out over own per same she should so some such than that the
their theirs them themselves then there these they this those through to too under until up upon very was we were
what when where which while who whom whose why will with within without would yet you your yours yourself
said says say told tell according mr mrs ms dr one two three new also since amid via among us it's let
thus hence however therefore meanwhile moreover even still already another many much every whether
""".split())

# Words that may sit inside a name between capitalised words ("Council of Foreign Ministers", "Jammu and Kashmir").
NAME_JOINERS = frozenset({"of", "and", "for", "the", "de", "al", "el"})
# A capitalised first word of a sentence that is not part of the name that follows it.
LEADING = frozenset({"the", "a", "an", "in", "on", "at", "as", "but", "and", "while", "after", "before", "this",
                     "that", "these", "those", "his", "her", "its", "their", "our", "when", "if", "though", "yet",
                     "unfortunately", "earlier", "meanwhile", "however", "also", "both", "all", "some"})

WORD = re.compile(r"[A-Za-z][A-Za-z\-]*(?:['’][A-Za-z]+)?")
BREAK = re.compile(r"[.,;:!?()\[\]\"“”—–\d]|\s-\s|\n")


def _tokens(text: str) -> Iterator[tuple[str, int, int, bool]]:
    """(word, start, end, breaks_before): a punctuation mark or line break between two words ends a phrase."""
    last = 0
    for m in WORD.finditer(text):
        word = m.group()
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        yield word, m.start(), m.start() + len(word), bool(BREAK.search(text, last, m.start()))
        last = m.end()


def term_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """Every term occurrence in `text`: (term, start, end). Words and two-word phrases are lowercased content words;
    names are runs of two or more capitalised words (joined by of/and/for) and all-capital abbreviations."""
    prev: tuple[str, int, bool] | None = None          # the previous content word, for two-word phrases
    name: list[tuple[str, int, int]] = []

    def flush() -> Iterator[tuple[str, int, int]]:
        ands = [i for i, (w, _, _) in enumerate(name) if w == "and"]
        if ands and not (len(name) == 3 and ands == [1]):   # "Jammu and Kashmir", but not "X's minister and Y"
            parts, cut = [], 0
            for i in [*ands, len(name)]:
                parts.append(name[cut:i])
                cut = i + 1
            for part in parts:
                name[:] = part
                yield from flush()
            return
        while name and name[-1][0].lower() in NAME_JOINERS:
            name.pop()
        while name and name[0][0].lower() in LEADING:
            name.pop(0)
        caps = [w for w, _, _ in name if w[0].isupper()]
        if len(caps) >= 2 or (len(caps) == 1 and len(caps[0]) >= 2 and caps[0].isupper()):
            yield " ".join(w for w, _, _ in name), name[0][1], name[-1][2]
        name.clear()

    for word, start, end, broke in _tokens(text):
        lower = word.lower()
        if broke:
            yield from flush()
            prev = None
        if word[0].isupper() or (name and lower in NAME_JOINERS):
            name.append((word, start, end))
        else:
            yield from flush()
        if lower in STOPWORDS or len(lower) < 2 or (word.isupper() and len(word) > 1):  # abbreviations: names
            prev = None
            continue
        yield lower, start, end
        if prev is not None and not (prev[2] and word[0].isupper()):   # two capitalised words: part of a name
            yield f"{prev[0]} {lower}", prev[1], end
        prev = (lower, start, word[0].isupper())
    yield from flush()


def term_counts(text: str) -> Counter[str]:
    """How often each term occurs in `text`."""
    return Counter(term for term, _, _ in term_spans(text))
