"""Signals of tone toward one target, and how they add up: one per fact, hostility weighed by who shows it,
the sum over the square root of the count squashed into [-1, 1]."""
from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Token

from newsgraph.model import Mention
from newsgraph.nlp import doc_text

FULL = 0.2              # a signal this strong counts as one in the normaliser; weaker ones as a fraction
GROUPS = ("REB", "CRM")   # armed and criminal groups: coded as a state's sector, but actors of their own
DESCRIBED = ("modifier", "apposition", "described as")   # the signals of words on the mention itself
CLAIMED = 0.5          # what is said of a target inside another's quote, against the author's own words


@dataclass(slots=True)
class _Signal:
    weight: float
    sent: int
    why: str
    fact: int | None = None     # offset of the word it was read from: a predicate and an event on it are one fact
    by: str | None = None       # the target key of whoever did or said it to this target (the accuser, the attacker)
    hostile: bool = False       # hostility received: weighed again once the one who showed it is scored
    on: str | None = None       # the target key of whom this target harmed: weighed again by that one's standing
    reproach: bool = False      # a reproach in words this target makes ('X accused Y'): not part of its standing


@dataclass(slots=True)
class _Target:
    key: str
    name: str
    kind: str
    mentions: int = 0
    sents: set[int] = field(default_factory=set)
    signals: list[_Signal] = field(default_factory=list)
    named_as_modifier: bool = False   # its name was read from a mention modifying a noun ('Houthi rebels')
    stands_for: str | None = None     # the state a metonym names ('Moscow said', 'the White House'): its tone


def _standing(targets: dict[str, _Target]) -> dict[str, float]:
    """What each does and how it is described, without what others say or do to it, nor the hostile acts
    themselves (an accusation is weighed by who makes it, not by itself), whether or not its target is one we score."""
    hostile = {s.fact for t in targets.values() for s in t.signals if s.hostile and s.weight < 0 or s.reproach}
    return {key: _score([s for s in _facts(t.signals) if not s.hostile and s.fact not in hostile])
            for key, t in targets.items()}


def _claimant(voices: list[tuple[int, int, set[str], bool]], m: Mention, key: str) -> tuple[str, bool] | None:
    """Who says what is said of a mention inside another's quote ('' when the speaker is no target) and whether the
    quote is direct; None when the mention is in the author's own words or in its own side's."""
    for start, end, keys, direct in voices:
        if start <= m.start and m.end <= end:
            return None if key in keys else (min(keys, default=""), direct)
    return None


def _as_claim(signals: list[_Signal], claimant: str, direct: bool) -> None:
    """Words on a mention inside another's quote are that speaker's claim, not the author's description: weaker,
    and hostility weighed by the speaker's standing as an accusation is. In reported speech the author's own gloss
    ('X said it struck Y, a militant group') stays the author's."""
    for sig in signals:
        if not direct and sig.why.startswith(DESCRIBED):
            continue
        sig.weight *= CLAIMED
        if sig.weight < 0:
            sig.hostile, sig.by = True, sig.by or claimant or None


def _armed(key: str) -> bool:
    """An armed or criminal group's target key ('YEMREB', see `_target`)."""
    return len(key) > 3 and key[-3:] in GROUPS and key[:-3].isupper()


def _facts(signals: list[_Signal]) -> list[_Signal]:
    """One signal per fact: a predicate and the event read from the same word count once, the stronger."""
    out: list[_Signal] = []
    seen: dict[int, int] = {}
    for sig in signals:
        if sig.fact is None:
            out.append(sig)
        elif sig.fact not in seen:
            seen[sig.fact] = len(out)
            out.append(sig)
        elif abs(sig.weight) > abs(out[seen[sig.fact]].weight):
            kept = out[seen[sig.fact]]
            out[seen[sig.fact]] = _Signal(sig.weight, sig.sent, sig.why, sig.fact, sig.by or kept.by,
                                          sig.hostile or kept.hostile, sig.on or kept.on, sig.reproach or kept.reproach)
    return out


NAMING = ("called '", "modifier '", "apposition '", "described as '")   # the signals of a word naming the target


def _named_once(signals: list[_Signal]) -> list[_Signal]:
    """A loaded word the article names a target with counts once, however often it is used: 'the junta' in each
    paragraph is the article's one name for the government, not a new judgement each time."""
    out, seen = [], set()
    for sig in signals:
        if sig.why.startswith(NAMING) and not sig.hostile:
            word = sig.why.split("'")[1].lower()
            if word in seen:
                continue
            seen.add(word)
        out.append(sig)
    return out


def _score(signals: list[_Signal]) -> float:
    """The sum over the square root of the number of signals, squashed into [-1, 1]."""
    total = sum(s.weight for s in signals)
    count = sum(min(1.0, abs(s.weight) / FULL) for s in signals)
    return math.tanh(total / math.sqrt(max(1.0, count)))


def _hyphened(tok: Token) -> str:
    """'far-right', which the tokenizer splits in three, as one word: the last part with the two before it."""
    i, text = tok.i, doc_text(tok.doc)
    if tok.idx >= 2 and text[tok.idx - 1] == "-" and i >= 2 and not tok.doc[i - 1].whitespace_ and (
            not tok.doc[i - 2].whitespace_):
        return f"{tok.doc[i - 2].lower_}-{tok.lower_}"
    return tok.lower_


def _get(table: dict[str, float], tok: Token) -> float:
    """A word's weight in one of our tables, as a hyphenated whole first ('far-right', not 'right')."""
    return table.get(_hyphened(tok)) or table.get(tok.lower_) or 0.0


def _first_conjunct(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _sent_of(starts: list[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)
