"""Dated office-holders: who held which office of which state or organisation, and when.

General knowledge shipped as data (`newsgraph/data/officeholders.csv`), like PETRARCH's and TABARI's dated actor
dictionaries: heads of state and government, foreign and defence ministers, heads of international organisations,
UN envoys. Columns: name, actor (ISO3 or the lexicon's organisation code), role, sector, start, end (YYYY, YYYY-MM
or YYYY-MM-DD; empty end: still in office as far as the data knows), aliases (`|`-separated). Lines starting with
`#` are comments.

    >>> [h.actor for h in lookup("President Vladimir Putin", "2010-05-01")]      # doctest: +SKIP

The file is read on the first lookup only (cached), so importing this module costs nothing.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date as _date
from functools import lru_cache
from pathlib import Path

from newsgraph.errors import ConfigError

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "officeholders.csv"
COLUMNS = ("name", "actor", "role", "sector", "start", "end", "aliases")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True, slots=True)
class Holding:
    """One term of one person in one office; `current` is relative to the date asked about (today without one)."""

    name: str
    actor: str
    role: str
    sector: str
    start: str
    end: str
    current: bool = False


# spellings of one name that news writes differently: each maps to one canonical token
_VARIANTS = {
    **dict.fromkeys(("mohammed", "muhammad", "mohamed", "mohammad", "muhammed", "mohamad", "mohamud", "mohammod",
                     "mouhamed", "mahamat", "mehmet", "mohamoud", "muhamad"), "muhammad"),
    **dict.fromkeys(("ahmed", "ahmad", "ahmet"), "ahmad"),
    **dict.fromkeys(("mahmoud", "mahmud", "mahmood", "mehmood"), "mahmud"),
    **dict.fromkeys(("hussein", "husein", "hussain", "husain", "hossein", "houssein", "husayn"), "husayn"),
    **dict.fromkeys(("hassan", "hasan"), "hasan"),
    **dict.fromkeys(("abdullah", "abdallah", "abdulla"), "abdullah"),
    **dict.fromkeys(("abdel", "abdul", "abd", "abdal", "abdol"), "abd"),
    **dict.fromkeys(("omar", "umar"), "umar"),
    **dict.fromkeys(("osman", "othman", "uthman"), "uthman"),
    **dict.fromkeys(("khalid", "khaled"), "khalid"),
    **dict.fromkeys(("yusuf", "yousef", "youssef", "yousuf", "yusef", "yousif", "yusif"), "yusuf"),
    **dict.fromkeys(("mustafa", "mostafa", "moustafa", "mustapha"), "mustafa"),
    **dict.fromkeys(("said", "saeed", "saied", "saiid"), "said"),
    **dict.fromkeys(("ibrahim", "ebrahim", "ibrahima"), "ibrahim"),
    **dict.fromkeys(("ismail", "ismael", "esmail"), "ismail"),
    **dict.fromkeys(("sergey", "sergei", "serhiy", "serhii"), "sergei"),
    **dict.fromkeys(("yuri", "yury", "yuriy", "iurii"), "yuri"),
    **dict.fromkeys(("dmitry", "dmitri", "dmitriy"), "dmitri"),
    **dict.fromkeys(("alexander", "aleksandr", "alexandr", "oleksandr", "olexander"), "alexander"),
    **dict.fromkeys(("andrei", "andrey", "andriy", "andrii"), "andrei"),
    **dict.fromkeys(("volodymyr", "wolodymyr"), "volodymyr"),
    **dict.fromkeys(("ibn", "bin"), "bin"),
}
_PARTICLES = frozenset({"al", "el", "ul", "ad", "ed", "as", "ash", "at", "az", "an", "ar"})
# words before a name that are titles, not part of it ("President X", "Sheikh X", "Gen. X")
_TITLES = frozenset(
    "president vice prime minister pm premier chancellor king queen emir amir sultan sheikh sheik shaikh crown prince"
    " princess his her majesty highness excellency hrh h e mr mrs ms miss dr prof professor sir dame lord lady general"
    " gen lt lieutenant col colonel field marshal major maj admiral adm brig brigadier secretary state foreign defence"
    " defense external affairs chairman chairwoman chair supreme leader ayatollah grand imam mullah former late then"
    " acting interim caretaker incumbent outgoing new deputy first senior the un nato eu us u s of".split())
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_ROLE_SYNONYMS = {
    "premier": "prime minister", "pm": "prime minister", "head of government": "prime minister",
    "secretary of state": "foreign minister", "foreign secretary": "foreign minister",
    "minister of foreign affairs": "foreign minister", "external affairs minister": "foreign minister",
    "foreign affairs minister": "foreign minister", "defense minister": "defence minister",
    "defense secretary": "defence minister", "defence secretary": "defence minister",
    "secretary of defense": "defence minister", "minister of defence": "defence minister",
    "minister of defense": "defence minister", "secretary of war": "defence minister",
    "war secretary": "defence minister", "un secretary-general": "secretary-general",
    "secretary general": "secretary-general",
}


def normalise(name: str) -> tuple[str, ...]:
    """Name -> canonical tokens: no accents, case, punctuation, particles (al-, el-); one spelling per variant."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("’", "'").replace("'s ", " ")
    tokens = re.split(r"[^a-z0-9]+", text.replace("'", ""))
    out = [_VARIANTS.get(t, t) for t in tokens if t and t not in _PARTICLES]
    return tuple(out)


_REGNAL_ROLES = frozenset({"king", "queen", "emperor", "empress", "sultan", "emir", "grand duke", "prince", "pope"})
_ORDINAL = re.compile(r"\s+[IVX]+$")


def _regnal(name: str, role: str) -> tuple[tuple[str, ...], ...]:
    """News drops a monarch's ordinal: "King Abdullah" for Abdullah II. The title and the bare regnal name are one
    more spelling, shared when two monarchs bore that name (the article's date tells them apart); it is never used
    to decide that two rows are one person."""
    if role not in _REGNAL_ROLES or not _ORDINAL.search(name):
        return ()
    return (normalise(f"{role} {_ORDINAL.sub('', name)}"),)


def _strip_titles(tokens: tuple[str, ...]) -> tuple[str, ...]:
    start, end = 0, len(tokens)
    while start < end - 1 and tokens[start] in _TITLES:
        start += 1
    while end > start + 1 and tokens[end - 1] in _SUFFIXES:
        end -= 1
    return tokens[start:end]


def _bound(value: str, *, upper: bool) -> str:
    """A partial date as the first (or last) day it may mean, so that comparisons of strings are comparisons of days."""
    if not value:
        return "9999-12-31" if upper else "0000-01-01"
    if len(value) == 4:
        return value + ("-12-31" if upper else "-01-01")
    if len(value) == 7:
        return value + ("-31" if upper else "-01")
    return value


class _Index:
    def __init__(self, rows: list[tuple[str, Holding, tuple[str, ...]]]) -> None:
        self.persons: dict[tuple[str, ...], list[Holding]] = defaultdict(list)   # canonical name -> holdings
        self.exact: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)  # any spelling -> persons
        self.by_office: dict[tuple[str, str], list[Holding]] = defaultdict(list)
        loose: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
        # (surname, office) -> (person, holding): "Foreign Minister X" with X a bare surname (see by_surname)
        self.surnames: dict[tuple[str, str], list[tuple[tuple[str, ...], Holding]]] = defaultdict(list)
        for key, holding, spellings in rows:
            self.persons[key].append(holding)
            for surname in {tokens[-1] for tokens in spellings if len(tokens) >= 2}:
                self.surnames[(surname, holding.role)].append((key, holding))
            self.by_office[(holding.actor, holding.role)].append(holding)
            for tokens in spellings:
                self.exact[tokens].add(key)
                if len(tokens) >= 2:
                    # first + last without middle names, and surname first (Asian and Hungarian order, lists)
                    loose[(tokens[0], tokens[-1])].add(key)
                    loose[(tokens[-1], tokens[0])].add(key)
                    if len(tokens) >= 3:
                        loose[tokens[1:]].add(key)   # a leading given name dropped: "X Y Z" -> "Y Z"
        # a loose key counts only when one person has it and no spelling of another person is that key
        self.loose = {k: v for k, v in loose.items() if len(v) == 1 and k not in self.exact}

    def find(self, name: str) -> set[tuple[str, ...]]:
        tokens = normalise(name)
        for candidate in (tokens, _strip_titles(tokens)):
            if candidate in self.exact:
                return self.exact[candidate]
        stripped = _strip_titles(tokens)
        if len(stripped) >= 2:
            return self.loose.get(stripped, set())
        return set()   # a bare surname is the caller's to resolve, with the article in hand


def _read(path: Path) -> list[tuple[str, Holding, tuple[str, ...]]]:
    rows = []
    person: dict[tuple[str, ...], tuple[str, ...]] = {}
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            for record in reader:
                number = reader.line_num
                if not record or record[0].startswith("#") or tuple(record) == COLUMNS:
                    continue
                if len(record) != len(COLUMNS):
                    raise ConfigError(f"{path}: line {number} has {len(record)} fields, expected {len(COLUMNS)}")
                name, actor, role, sector, start, end, aliases = (field.strip() for field in record)
                if not name or not actor or not role or not _DATE.match(start) or (end and not _DATE.match(end)):
                    raise ConfigError(f"{path}: line {number} ({name or '?'}): bad name, actor, role or date")
                holding = Holding(name, actor, role.lower(), sector or "GOV", start, end)
                spellings = {normalise(name), *(normalise(a) for a in aliases.split("|") if a.strip())}
                spellings.discard(())
                # rows sharing a spelling are one person ("Shirley Botchwey" = "Shirley Ayorkor Botchwey")
                key = next((person[s] for s in sorted(spellings) if s in person), normalise(name))
                person.update(dict.fromkeys(spellings, key))
                rows.append((key, holding, (*spellings, *_regnal(name, holding.role))))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the office-holders file ({exc.strerror})") from None
    return rows


@lru_cache(maxsize=4)
def _index(path: Path = DATA_FILE) -> _Index:
    return _Index(_read(path))


def _dated(holdings: list[Holding], on: str | None) -> list[Holding]:
    day = (on or _date.today().isoformat())[:10]
    lo, hi = _bound(day, upper=False), _bound(day, upper=True)
    out = []
    for h in holdings:
        current = _bound(h.start, upper=False) <= hi and lo <= _bound(h.end, upper=True)
        if on is None:
            current = not h.end
        out.append(replace(h, current=current))
    # in office on the date first (the office taken last first), then the most recent terms
    out.sort(key=lambda h: (not h.current, _invert(_bound(h.end, upper=True)),
                            _invert(_bound(h.start, upper=False))))
    return out


def _invert(day: str) -> str:
    return "".join(chr(ord("9") - ord(c) + ord("0")) if c.isdigit() else c for c in day)


def lookup(name: str, date: str | None = None, *, path: Path = DATA_FILE) -> list[Holding]:
    """The holdings of the person so named (titles stripped, spellings normalised), those in office on `date` first.

    `date` is YYYY, YYYY-MM or YYYY-MM-DD (a longer ISO timestamp is cut to its day). A term that ended before the
    date, or starts after it, comes back with `current=False`. A bare surname matches nobody; a given name and a
    surname, in either order, match only where one person in the data has them.
    """
    index = _index(path)
    holdings = [h for key in sorted(index.find(name)) for h in index.persons[key]]
    return _dated(holdings, date)


def by_surname(surname: str, role: str, date: str | None = None, *, path: Path = DATA_FILE) -> Holding | None:
    """The one person whose surname this is and who held `role` (as the text writes it) on `date`: "Foreign
    Minister X" where the article never gives X's full name. None when no one, or several persons, fit."""
    tokens = normalise(surname)
    if len(tokens) != 1:
        return None
    entries = _index(path).surnames.get((tokens[0], canonical_role(role)), [])
    current = [(key, d) for key, h in entries for d in _dated([h], date) if d.current]
    return current[0][1] if len({key for key, _ in current}) == 1 else None


def known_name(name: str, *, path: Path = DATA_FILE) -> bool:
    """The data has a person spelt exactly so (titles stripped): a name to look for where the parser saw none."""
    index = _index(path)
    tokens = normalise(name)
    return tokens in index.exact or _strip_titles(tokens) in index.exact


def canonical_role(role: str) -> str:
    """A title as the data writes it: "premier", "PM" -> "prime minister", "secretary of state" -> "foreign minister"."""
    role = role.lower().strip()
    return _ROLE_SYNONYMS.get(role, role)


def holders(actor: str, role: str, date: str | None = None, *, path: Path = DATA_FILE) -> list[Holding]:
    """Who held `role` of `actor` on `date` (today without one): "the Kenyan president" on an article's date."""
    role = canonical_role(role)
    return [h for h in _dated(_index(path).by_office.get((actor, role), []), date) if h.current]


def load_seconds() -> float:
    """Time to read and index the data from scratch (for `newsgraph bench` and the tests' report)."""
    import time

    begin = time.perf_counter()
    _Index(_read(DATA_FILE))
    return time.perf_counter() - begin
