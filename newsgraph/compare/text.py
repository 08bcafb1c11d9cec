"""Terms of a text without spaCy: words, two-word phrases and capitalised names, with their character spans.

The same function feeds the store-wide counts (the prior, kept by `TermCountHook`) and the story's own counts, so
the two always agree on what a term is. Words are lowercased; names keep their case ("Jammu and Kashmir").
"""
from __future__ import annotations

import re
from collections import Counter

# Function words carry no framing; they are never terms (and they break two-word phrases).
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between both
but by can could did do does doing down during each either else ever few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just may me might more most must my myself no nor
not now of off on once only or other our ours ourselves out over own per same she should so some such than that the
their theirs them themselves then there these they this those through to too under until up upon very was we were
what when where which while who whom whose why will with within without would yet you your yours yourself
said says say told tell according mr mrs ms dr one two three new also since amid via among us it's let
al el bin ibn de van von
thus hence however therefore meanwhile moreover even still already another many much every whether
""".split()) | frozenset(   # when a side published, not how it frames: "on Wednesday" is no distinctive term
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight weekend".split())

# Words that may sit inside a name between capitalised words ("Council of Foreign Ministers", "Jammu and Kashmir").
NAME_JOINERS = frozenset({"of", "and", "for", "the", "de", "al", "el"})
# A capitalised first word of a sentence that is not part of the name that follows it.
LEADING = frozenset({"the", "a", "an", "in", "on", "at", "as", "but", "and", "while", "after", "before", "this",
                     "that", "these", "those", "his", "her", "its", "their", "our", "when", "if", "though", "yet",
                     "unfortunately", "earlier", "meanwhile", "however", "also", "both", "all", "some"})

SEGMENT_BREAK = re.compile(r"[.,;:!?()\[\]\"“”—–\d\n]+|\s-\s")   # a phrase never runs across these
WORD = re.compile(r"[A-Za-z][A-Za-z\-]*(?:['’][A-Za-z]+)?")
_CAP = r"[A-Z][A-Za-z\-]*(?:['’]s)?"
NAME_RUN = re.compile(rf"\b{_CAP}(?:\s+(?:(?:of|and|for|the|de|al|el)\s+)*{_CAP})*")
# "Indian Illegally Occupied Kashmir (IIOK)": a name and the abbreviation defined for it
DEFINED = re.compile(rf"\b({_CAP}(?:\s+(?:(?:of|and|for|the)\s+)*{_CAP})*)\s*\(([A-Z][A-Za-z]{{1,9}})\)")


def _strip(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def names_in(run: str) -> list[str]:
    """The name(s) in a run of capitalised words and joiners: two or more capitalised words, or one abbreviation;
    "X and Y" of one word each stays one name ("Jammu and Kashmir"), longer runs split at "and"."""
    words = [_strip(w) for w in run.split()]
    if "and" in words and not (len(words) == 3 and words[1] == "and"):
        out: list[str] = []
        cut = 0
        for i, w in enumerate([*words, "and"]):
            if w == "and":
                out.extend(names_in(" ".join(words[cut:i])) if i > cut else [])
                cut = i + 1
        return out
    while words and words[-1].lower() in NAME_JOINERS:
        words.pop()
    while words and words[0].lower() in LEADING:
        words.pop(0)
    caps = [w for w in words if w[0].isupper()]
    if len(caps) >= 2 or (len(caps) == 1 and len(caps[0]) >= 2 and caps[0].isupper()):
        return [" ".join(words)]
    return []


def term_counts(text: str) -> Counter[str]:
    """How often each term occurs in `text`. Words and two-word phrases are lowercased content words (a function
    word or punctuation between two words means no phrase); names are runs of two or more capitalised words
    (joined by of/and/for) and all-capital abbreviations, with their case."""
    terms: list[str] = []
    for segment in SEGMENT_BREAK.split(text):
        words = [_strip(w) for w in WORD.findall(segment)]
        if not words:
            continue
        content = [None if (lw in STOPWORDS or len(lw) < 2 or w.isupper()) else (lw, w[0].isupper())
                   for w in words for lw in (w.lower(),)]
        terms.extend(c[0] for c in content if c)
        terms.extend(f"{a[0]} {b[0]}" for a, b in zip(content, content[1:])
                     if a and b and not (a[1] and b[1]))   # two capitalised words: parts of a name
        if not segment.islower():
            for run in NAME_RUN.findall(segment):
                terms.extend(names_in(run))
    return Counter(terms)


def defined_names(text: str) -> list[tuple[str, str, int]]:
    """Abbreviations defined in brackets after a name: (abbreviation, name, offset of the abbreviation)."""
    out = []
    for m in DEFINED.finditer(text):
        found = names_in(m.group(1))
        if found and "".join(w[0] for w in found[-1].split() if w[0].isupper()).startswith(m.group(2)[:2].upper()):
            out.append((m.group(2), found[-1], m.start(2)))
    return out


def find_term(text: str, term: str, limit: int = 2) -> list[tuple[int, int]]:
    """Where a term occurs in `text` (at most `limit` spans): names by case, words and phrases in any case."""
    sep = r"(?:['’]s)?\s+"
    pattern = r"(?<![A-Za-z])" + sep.join(re.escape(w) for w in term.split()) + r"(?![A-Za-z])"
    flags = 0 if term[:1].isupper() else re.IGNORECASE
    return [(m.start(), m.end()) for _, m in zip(range(limit), re.finditer(pattern, text, flags))]
