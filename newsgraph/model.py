"""Records that cross pipeline stages.

Every stage takes and returns these frozen dataclasses; spaCy objects never leave the stage packages.
Offsets (`start`, `end`) are character offsets into `Article.text`; `sent` is a sentence index in the doc.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned article, ready for analysis (output of `ingest`)."""

    id: str                      # stable id from the normalised text
    file: str                    # input file name (base name is what the scorer matches)
    key: str                     # identity across versions: url, given id, or file (+ line)
    text: str                    # cleaned body
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    boilerplate: tuple[str, ...] = ()
    line: int | None = None      # line number in a JSON Lines input
    text_hash: str = ""          # sha256 of the normalised text


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that was skipped, with the reason (one line for stderr).

    `article` holds the cleaned article when only its analysis was refused (a language the model does not read),
    so that the extracted text can still be reported.
    """

    file: str
    reason: str
    line: int | None = None
    article: Article | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Mention:
    """A text span that names or refers to an actor."""

    start: int
    end: int
    text: str
    sent: int                    # sentence index
    tok_start: int               # token offsets in the doc (end exclusive)
    tok_end: int
    code: str | None             # ISO3 state, organisation code; None when unresolved
    kind: str                    # state | org | person | unresolved
    sector: str | None = None    # GOV, MIL, JUD, LEG, OPP, REB, CVL, MED, BUS ...
    person: str | None = None    # canonical person name when the mention is a person
    how: str = ""                # which rule resolved it (alias, demonym, capital, title, pronoun ...)
    place: bool = False          # used as a location ("in India"), not as an acting party


@dataclass(frozen=True, slots=True)
class Person:
    """A person named in an article, with the actor they act for."""

    name: str                    # as first given in full
    actor: str | None
    role: str | None = None
    sector: str | None = None
    start: int = 0
    end: int = 0
    how: str = ""                # where the affiliation came from (title, apposition, counterpart, corpus ...)


# `Person.how` tags of affiliations inferred from context rather than stated by the text. They are never learnt as
# corpus knowledge (within a run or across runs), so that a guess cannot spread to other articles.
INFERRED_HOW = ("dominant", "dateline", "venue", "parliament", "corpus", "crisis", "owner", "officeholder")


def is_stated(person: Person) -> bool:
    """True when the text itself gave this person's actor, with a full name to recognise them by."""
    how = person.how or "corpus"
    return bool(person.actor) and " " in person.name.strip() and not any(tag in how for tag in INFERRED_HOW)


@dataclass(frozen=True, slots=True)
class ActorCount:
    """An actor seen in an article, with its mention count and sample spans."""

    code: str
    name: str
    kind: str                    # state | org
    count: int
    samples: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Actors:
    """What the actors stage found in one doc."""

    mentions: tuple[Mention, ...] = ()
    persons: tuple[Person, ...] = ()
    actors: tuple[ActorCount, ...] = ()
    unresolved: tuple[str, ...] = ()   # state/organisation-looking names left unresolved


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence an event was read from, with the spans of its parts."""

    sentence: str
    start: int                   # sentence span
    end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    source_start: int | None = None
    source_end: int | None = None
    target_start: int | None = None
    target_end: int | None = None
    pattern: str = ""            # which rule fired


@dataclass(frozen=True, slots=True)
class Event:
    """An interaction between two actors, coded in PLOVER."""

    source: str | None
    target: str | None
    type: str                    # one of the 16 PLOVER types
    trigger: str
    sentence: str
    mode: str | None = None
    negated: bool = False
    modality: str = "asserted"   # asserted | future | hypothetical | conditional | proposed | question | alleged
    quad_class: int = 0          # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    intensity: float = 0.0
    cameo: str | None = None     # CAMEO root code, "01".."20"
    date: str | None = None
    source_sector: str | None = None
    target_sector: str | None = None
    reported_by: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation or reported statement with its speaker."""

    text: str
    speaker: str | None
    actor: str | None
    direct: bool
    cue: str | None
    sentence: str
    start: int
    end: int
    speaker_start: int | None = None
    speaker_end: int | None = None
    via: str | None = None


@dataclass(frozen=True, slots=True)
class ToneEvidence:
    """A sentence that carries part of an article's tone toward one target, and why."""

    start: int                   # sentence span
    end: int
    sentence: str
    why: str                     # e.g. "target of ACCUSE", "modifier 'brutal'", "voice rebutted"


@dataclass(frozen=True, slots=True)
class Tone:
    """How one article treats one actor or named person (the `tone` stage)."""

    target: str                  # actor code, or the person's canonical name
    name: str                    # display name
    kind: str                    # state | org | person
    score: float                 # [-1, 1]; negative: portrayed badly
    label: str                   # neg | neu | pos
    mentions: int
    evidence: tuple[ToneEvidence, ...] = ()


TONE_THRESHOLD = 0.25   # a tone score this far from zero is a label, nearer is neutral


def tone_label(score: float) -> str:
    """neg | neu | pos for a tone score in [-1, 1]."""
    return "neg" if score <= -TONE_THRESHOLD else "pos" if score >= TONE_THRESHOLD else "neu"


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything newsgraph extracted from one article."""

    article: Article
    actors: Actors = field(default_factory=Actors)
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()   # sentence offsets
    model: str = ""
    version: str = ""
    tone: tuple[Tone, ...] = ()   # per actor and person (the tone stage)


def to_dict(record: Any) -> dict[str, Any]:
    """A record as plain JSON-ready data."""
    return asdict(record)
