"""An article's signals for story assignment, read from its stored rows (so incremental and rebuild see the same).

Signals (Miranda et al. 2018 use the first five as separate vectors; newsgraph adds its event triples):
  body     words of the text (scikit-learn's HashingVectorizer: English stop words out, no vocabulary to keep)
  title    words of the headline, weighted with the same statistics as the body
  actors   resolved states and organisations acting, and names that looked like actors but were not resolved
  persons  persons by canonical name
  places   places named as locations ("in Kerala", "Moscow")
  events   (source, type, target) triples of asserted, non-negated events
Weights are sublinear term frequency times inverse document frequency; the document frequencies live in the
store (`story_df`) and are updated as articles arrive.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils import murmurhash3_32

N_FEATURES = 2 ** 22

_words = HashingVectorizer(n_features=N_FEATURES, alternate_sign=False, norm=None, stop_words="english",
                           lowercase=True, dtype="float32")
# The same words and indices as `_words.transform` (its token pattern \b\w\w+\b over the lowered text is the runs of
# \w of two characters or more; murmurhash3 of each, seed 0, modulo the width), without the sparse matrices and
# checks a call builds, which cost more than the hashing: tests/test_stories_speed.py checks the two agree.
_STOP = frozenset(_words.get_stop_words())
_RUN = re.compile(r"\w+")
_INDEX: dict[str, int] = {}   # word -> index, for the words seen lately (news repeats its vocabulary)
_INDEX_MAX = 50_000      # about 10 MB at most; emptied when full


@dataclass(slots=True)
class Features:
    """Raw counts per signal ({feature index: count}), the article's date and where that date came from."""

    counts: dict[str, dict[int, float]] = field(default_factory=dict)
    date: str | None = None
    date_from: str | None = None     # published | text
    title: str | None = None
    outlet: str | None = None
    text: str = ""
    words: list[str] = field(default_factory=list)   # the text's runs of \w, lowered (copies shingle them)
    recurs: bool = False   # an article without a published date says its event happens again (see RECUR)

    def keys(self) -> set[int]:
        return {k for block in self.counts.values() for k in block}


def words_of(text: str) -> list[str]:
    """The text's runs of word characters, lowered: the tokens of both the body counts and the copy shingles."""
    return _RUN.findall(text.lower())


def _hash_words(words: list[str]) -> dict[int, float]:
    """Counts by hashed index of the words of two characters or more that are not stop words."""
    index = _INDEX
    if len(index) > _INDEX_MAX:
        index.clear()
    out: dict[int, float] = {}
    for word, n in Counter(words).items():
        if len(word) < 2 or word in _STOP:
            continue
        i = index.get(word)
        if i is None:
            i = index[word] = abs(murmurhash3_32(word, seed=0)) % N_FEATURES
        out[i] = out.get(i, 0.0) + n
    return out


def _hash_tags(tags: Counter) -> dict[int, float]:
    """The same indices HashingVectorizer gives a feature string (murmurhash3, seed 0, modulo the width), without
    its per-call validation: an article has only a few tags."""
    out: dict[int, float] = {}
    for tag, n in tags.items():
        i = abs(murmurhash3_32(tag, seed=0)) % N_FEATURES
        out[i] = out.get(i, 0.0) + n
    return out


# How news writes a repeat of an earlier event of the same kind: "for the third time this spring", "a renewed
# wave", "two years after". An undated article that says so is not about the earliest of two alike stories.
# Loose cues are left out: "last year" is more often a figure's year, and "again" as often a plan ("agree to meet
# again", in a headline too) as a repeat.
RECUR = re.compile(r"\b(?:once again|for the (?:second|third|fourth) time|(?:second|third|fourth|fresh|renewed|"
                   r"another) (?:closure|round|wave|bout|attack|strike|outbreak|expulsions?|floods?|flooding|storm|"
                   r"quake|earthquake|session)|(?:less than |more than |nearly |just over )?(?:a|one|two|three|"
                   r"several|a few) (?:years?|months?) (?:ago|after|earlier))\b")   # on lowered text: half the time of re.I


def says_repeat(title: str | None, text: str) -> bool:
    """Whether the headline or the text says its event is a repeat (RECUR)."""
    return RECUR.search(f"{title or ''}\n{text}".lower()) is not None


def read(conn: Any, article_id: str) -> Features:
    """The article's signals from the store."""
    a = conn.execute("SELECT title, text, published, outlet FROM articles WHERE id = ?", (article_id,)).fetchone()
    actors: Counter = Counter()
    places: Counter = Counter()
    persons: Counter = Counter()
    for m in conn.execute("SELECT m.actor, m.kind, m.place, m.text, p.name FROM mentions m"
                          " LEFT JOIN persons p ON p.id = m.person_id WHERE m.article_id = ?", (article_id,)):
        if m["place"]:
            places[f"l:{' '.join(m['text'].lower().split())}"] += 1
        elif m["kind"] == "person":
            if m["name"]:
                persons[f"p:{m['name'].lower()}"] += 1
        elif m["actor"]:
            actors[f"a:{m['actor']}"] += 1
        else:
            actors[f"u:{' '.join(m['text'].lower().split())}"] += 1
    events: Counter = Counter()
    for e in conn.execute("SELECT source, type, target FROM events WHERE article_id = ? AND negated = 0"
                          " AND modality = 'asserted'", (article_id,)):
        events[f"e:{e['source'] or ''}|{e['type']}|{e['target'] or ''}"] += 1
    text = a["text"] or ""
    day, how = (a["published"], "published") if a["published"] else (date_from_text(text), "text")
    words = words_of(text)
    return Features(
        counts={"body": _hash_words(words), "title": _hash_words(words_of(a["title"] or "")),
                "actors": _hash_tags(actors), "persons": _hash_tags(persons), "places": _hash_tags(places),
                "events": _hash_tags(events)},
        date=day, date_from=how if day else None, title=a["title"], outlet=a["outlet"], text=text, words=words,
        recurs=not a["published"] and says_repeat(a["title"], text))


def weigh(counts: dict[int, float], df: dict[int, int], n_docs: int) -> dict[int, float]:
    """Sublinear tf times smoothed idf (scikit-learn's formula), from the store's document frequencies."""
    out: dict[int, float] = {}
    idf: dict[int, float] = {}   # most features share a few small frequencies: one log per distinct one
    for k, tf in counts.items():
        if tf > 0:
            d = df.get(k, 1)
            w = idf.get(d)
            if w is None:
                w = idf[d] = math.log((1 + n_docs) / (1 + d)) + 1.0
            out[k] = (1.0 + math.log(tf)) * w
    return out


# --- dates from the text ----------------------------------------------------------------------------------------

_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december"), 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MON = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATES = (
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), ("y", "m", "d")),
    (re.compile(rf"\b{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"), ("mon", "d", "y")),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON},?\s+(\d{{4}})\b"), ("d", "mon", "y")),
)
HEAD_CHARS = 1500   # a dateline or the first dated sentence sits near the top


def date_from_text(text: str) -> str | None:
    """The first full date (day, month and year) near the top of the text, as ISO; None when there is none."""
    head = text[:HEAD_CHARS]
    found: list[tuple[int, str]] = []
    for pattern, order in _DATES:
        for m in pattern.finditer(head):
            parts = dict(zip(order, m.groups()))
            try:
                month = int(parts["m"]) if "m" in parts else _MONTHS[parts["mon"].lower().rstrip(".")]
                day = date(int(parts["y"]), month, int(parts["d"]))
            except (KeyError, ValueError):
                continue
            if 1900 <= day.year <= 2100:
                found.append((m.start(), day.isoformat()))
    return min(found)[1] if found else None
