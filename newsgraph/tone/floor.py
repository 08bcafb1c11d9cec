"""A side given the floor: a report that lets one party to a row speak at length (its ministers, its statements) and
answers it with no one is on that side, as a state agency is on its state's and a daily on its own government's.
Not so in wire copy, which attributes each side's words (tone/genre.py), nor in an opinion piece, whose verdict is
the author's own and which often quotes at length whom it argues against."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from newsgraph.model import Event
from newsgraph.tone.signals import _Signal, _Target

AT_LENGTH = 0.3    # the side given the floor, and each who speaks for it (not its spokespeople: see score.py)
SHARE = 0.4        # of the characters the piece quotes, at least
LEAD = 2.0         # times what any other side is quoted, at least
QUOTES = 3         # quotes, at least: one long statement is a document cited, not a voice given the floor
CHARS = 150        # characters quoted, at least: about two sentences of its own words


def in_rows(events: Sequence[Event]) -> frozenset[str]:
    """The codes of those in an event with another: the sides of a row (in a story within one country every
    speaker is of the same state, and no side is given the floor over another)."""
    return frozenset(code for e in events if e.source and e.target and e.source != e.target
                     for code in (e.source, e.target))


@dataclass(slots=True)
class Floor:
    """What each speaker and side is quoted: characters, quotes, first sentence, whether ever rebutted."""

    chars: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    quotes: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    first: dict[str, int] = field(default_factory=dict)
    disputed: set[str] = field(default_factory=set)
    total: int = 0

    def quote(self, keys: Iterable[str], chars: int, sent: int, rebutted: bool) -> None:
        self.total += chars
        for key in keys:
            self.chars[key] += chars
            self.quotes[key] += 1
            self.first.setdefault(key, sent)
            if rebutted:
                self.disputed.add(key)

    def credits(self, targets: dict[str, _Target], sides: dict[str, str], rows: Collection[str],
                mouths: Collection[str]) -> list[tuple[str, _Signal]]:
        """(key, signal) for the side given the floor and for each of its own (`sides`: person -> side) who speak,
        but `mouths`, its spokespeople."""
        parties = {k: n for k, n in self.chars.items() if targets[k].kind != "person"}
        out = []
        for key, chars in parties.items():
            rival = max((n for k, n in parties.items() if k != key), default=0)
            if key not in rows or key in self.disputed or self.quotes[key] < QUOTES or chars < CHARS or (
                    chars < SHARE * self.total or chars < LEAD * rival):
                continue
            out.append((key, _Signal(AT_LENGTH, self.first[key], f"voice at length ({chars / self.total:.0%})")))
            for person, side in sides.items():
                if side == key and person in self.chars and person not in self.disputed and person not in mouths:
                    out.append((person, _Signal(AT_LENGTH, self.first[person],
                                                f"speaks for {targets[key].name}, given the floor")))
        return out
