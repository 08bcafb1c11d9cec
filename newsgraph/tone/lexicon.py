"""The tone lexicon (lexicon.yaml): loaded words, predicates by role, framing, and the word lists of acts."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

LEXICON = Path(__file__).resolve().parent / "lexicon.yaml"


@dataclass(frozen=True, slots=True)
class Lexicon:
    loaded: dict[str, float]
    subject: dict[str, float]
    object: dict[str, float]
    rebuttal: re.Pattern[str]
    give: frozenset[str] = frozenset()
    aid: frozenset[str] = frozenset()
    framing: dict[str, float] = field(default_factory=dict)
    against: dict[str, float] = field(default_factory=dict)
    settle: frozenset[str] = frozenset()
    pact: frozenset[str] = frozenset()
    earn: frozenset[str] = frozenset()
    earns: dict[str, float] = field(default_factory=dict)
    back: frozenset[str] = frozenset()
    backing: frozenset[str] = frozenset()
    feel: frozenset[str] = frozenset()
    say: frozenset[str] = frozenset()
    reproach: frozenset[str] = frozenset()
    attribution: frozenset[str] = frozenset()
    argue_words: frozenset[str] = frozenset()
    duty: frozenset[str] = frozenset()
    passive_only: frozenset[str] = frozenset()
    harms: dict[str, float] = field(default_factory=dict)
    acts: frozenset[str] = frozenset()
    honours: frozenset[str] = frozenset()


@lru_cache(maxsize=2)
def load_lexicon(path: Path = LEXICON) -> Lexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rebuttal = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in data["rebuttal"]) + r")\b", re.I)
    return Lexicon(data["loaded"], data["subject"], data["object"], rebuttal, frozenset(data.get("give", ())),
                   frozenset(data.get("aid", ())), data.get("framing", {}), data.get("against", {}),
                   frozenset(data.get("settle", ())), frozenset(data.get("pact", ())),
                   frozenset(data.get("earn", ())), data.get("earns", {}), frozenset(data.get("back", ())),
                   frozenset(data.get("backing", ())), frozenset(data.get("feel", ())),
                   frozenset(data.get("say", ())), frozenset(data.get("reproach", ())),
                   frozenset(data.get("attribution", ())), frozenset(data.get("argue_words", ())),
                   frozenset(data.get("duty", ())), frozenset(data.get("passive_only", ())), data.get("harms", {}),
                   frozenset(data.get("acts", ())), frozenset(data.get("honours", ())))
