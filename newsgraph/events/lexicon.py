"""The event lexicon: trigger lemmas per PLOVER type and mode, loaded once from `data/events.yaml`."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from spacy.tokens import Token

DATA = Path(__file__).resolve().parent.parent / "data" / "events.yaml"
# "over" is left out: in the lexicon it is a particle ("hand over"), never where the target is.
PREPS = frozenset("on upon to with for of from against by at into about behind between in alongside".split())
COOP_QUADS = frozenset({1, 2})
# Flags of naming verbs that fire only when what they call the object is a word of blame or of praise.
JUDGEMENTS = frozenset({"blame", "praise"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One trigger: a lemma, the words that must hang off it, and what it codes."""

    lemma: str
    type: str
    mode: str | None
    pos: str                         # verb | noun
    words: tuple[str, ...] = ()      # children the trigger must have ("call on" -> ("on",))
    prep: str | None = None          # preposition that introduces the target
    flags: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()   # allowed object lemmas ("strengthen @forces")
    not_objects: frozenset[str] = frozenset()   # excluded object lemmas ("meet -@goals": not "met the demands")

    @property
    def name(self) -> str:
        return " ".join((self.lemma, *self.words))

    @property
    def weight(self) -> int:
        """More specific entries are tried first."""
        # a judgement ("called X reckless") is more specific than any object list ("call +obj" is a phone call)
        return 2 * len(self.words) + len(self.flags) + (2 if self.objects else 0) + (3 if self.flags & JUDGEMENTS else 0)


@dataclass(frozen=True, slots=True)
class Wrapper:
    """A verb, adjective or noun whose clausal complement holds the event and which sets its type."""

    lemma: str
    type: str
    only: str | None = None          # coop | conflict: applies only to inner events of that kind


@dataclass(slots=True)
class Lexicon:
    """Everything the extractor looks up, as plain dicts and sets."""

    verbs: dict[str, list[Entry]] = field(default_factory=dict)
    nouns: dict[str, list[Entry]] = field(default_factory=dict)
    wrappers: dict[str, list[Wrapper]] = field(default_factory=dict)
    coding: dict[tuple[str, str | None], tuple[int, str, float]] = field(default_factory=dict)
    forms: dict[str, str] = field(default_factory=dict)   # inflected form -> lemma, for the lexicon's verbs
    light_verbs: frozenset[str] = frozenset()
    addressee_verbs: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    prescriptive: frozenset[str] = frozenset()
    judgements: dict[str, frozenset[str]] = field(default_factory=dict)   # blame | praise -> words
    concern_feelings: frozenset[str] = frozenset()   # "concerned", "alarmed" (events/concerns.py)
    concern_nouns: frozenset[str] = frozenset()
    concern_verbs: frozenset[str] = frozenset()
    ceremonies: frozenset[str] = frozenset()
    ceremony_verbs: frozenset[str] = frozenset()
    measures: frozenset[str] = frozenset()   # words of restrictions ("the easing of travel curbs on X")
    envoys: frozenset[str] = frozenset()     # envoys and missions, whose capital a recall or downgrade names
    aid_words: frozenset[str] = frozenset()  # what is given as aid ("asked for help": a request for relief)
    future: frozenset[str] = frozenset()
    hypothetical: frozenset[str] = frozenset()
    proposed: frozenset[str] = frozenset()
    conditional_marks: frozenset[str] = frozenset()
    factual_marks: frozenset[str] = frozenset()
    complaint_verbs: frozenset[str] = frozenset()
    transparent: frozenset[str] = frozenset()
    allegation_verbs: frozenset[str] = frozenset()
    accepting_verbs: frozenset[str] = frozenset()
    response_verbs: frozenset[str] = frozenset()
    step_nouns: frozenset[str] = frozenset()
    claim_nouns: frozenset[str] = frozenset()
    violation_verbs: frozenset[str] = frozenset()
    event_heads: frozenset[str] = frozenset()
    reduced_passive: dict[str, frozenset[str]] = field(default_factory=dict)
    prospective_preps: frozenset[str] = frozenset()
    proposal_nouns: frozenset[str] = frozenset()
    irrealis_verbs: frozenset[str] = frozenset()
    negators: frozenset[str] = frozenset()
    charge_nouns: frozenset[str] = frozenset()
    hearsay_nouns: frozenset[str] = frozenset()
    scheduling: frozenset[str] = frozenset()
    one_sided: frozenset[str] = frozenset()
    reciprocal: frozenset[str] = frozenset()
    markets: frozenset[str] = frozenset()
    stative: frozenset[str] = frozenset()
    forces: frozenset[str] = frozenset()
    threat_if_negated: frozenset[str] = frozenset()
    reversing: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    state_nouns: frozenset[str] = frozenset()
    bloc_nouns: frozenset[str] = frozenset()
    group_numbers: dict[str, int] = field(default_factory=dict)
    group_marks: frozenset[str] = frozenset()
    divides: frozenset[str] = frozenset()
    group_all: frozenset[str] = frozenset()
    venues: frozenset[str] = frozenset()
    party_nouns: frozenset[str] = frozenset()
    # events/guards.py
    occurrence_verbs: frozenset[str] = frozenset()
    unrealised_modifiers: frozenset[str] = frozenset()
    unrealised_determiners: frozenset[str] = frozenset()
    relation_nouns: frozenset[str] = frozenset()
    relation_makers: frozenset[str] = frozenset()
    border_nouns: frozenset[str] = frozenset()
    border_preps: frozenset[str] = frozenset()
    attempt_verbs: frozenset[str] = frozenset()
    host_verbs: frozenset[str] = frozenset()   # events/hosts.py
    party_object_verbs: frozenset[str] = frozenset()

    def lemma(self, token: Token) -> str:
        """The token's lemma, corrected for the lexicon's own verbs ("staged" -> stage, not "stag")."""
        return self.forms.get(token.lower_) or token.lemma_.lower()

    def code(self, type_: str, mode: str | None) -> tuple[int, str, float]:
        """Quad class, CAMEO root and intensity for a type and mode."""
        return self.coding.get((type_, mode)) or self.coding[(type_, None)]

    def is_coop(self, type_: str) -> bool:
        return self.coding[(type_, None)][0] in COOP_QUADS


def _parse_entry(text: str, type_: str, mode: str | None, pos: str, objects: dict[str, list[str]]) -> Entry:
    """'reach out to +xcomp' -> Entry(lemma='reach', words=('out', 'to'), prep='to', flags={'xcomp'})."""
    parts = text.split()
    words = tuple(p for p in parts[1:] if p[0] not in "+@-")
    flags = frozenset(p[1:] for p in parts[1:] if p.startswith("+"))
    allowed = frozenset(w for p in parts[1:] if p.startswith("@") for w in objects[p[1:]])
    excluded = frozenset(w for p in parts[1:] if p.startswith("-@") for w in objects[p[2:]])
    preps = [w for w in words if w in PREPS]
    return Entry(parts[0], type_, None if mode == "default" else mode, pos, words,
                 preps[-1] if preps else None, flags, allowed, excluded)


def _entries(section: dict, pos: str, objects: dict[str, list[str]]) -> dict[str, list[Entry]]:
    table: dict[str, list[Entry]] = {}
    for type_, modes in section.items():
        for mode, items in modes.items():
            for text in items:
                entry = _parse_entry(str(text), type_, mode, pos, objects)
                table.setdefault(entry.lemma, []).append(entry)
    for entries in table.values():
        entries.sort(key=lambda e: -e.weight)   # stable: file order among equals
    return table


def _inflections(lemma: str) -> set[str]:
    """Regular English verb forms; the small model's lemmatizer misses some ("staged" -> "stag")."""
    forms = {lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(lemma + "es")
    return forms


def load_lexicon(path: str | Path = DATA) -> Lexicon:
    """Read the lexicon file into lookup tables (once per process)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    objects = {k: [str(w) for w in v] for k, v in (data.get("objects") or {}).items()}
    lex = Lexicon(
        verbs=_entries(data["verbs"], "verb", objects),
        nouns=_entries(data["nouns"], "noun", objects),
    )
    for type_, spec in data["types"].items():
        lex.coding[(type_, None)] = (int(spec["quad"]), str(spec["cameo"]), float(spec["intensity"]))
    for type_, modes in (data.get("modes") or {}).items():
        base = lex.coding[(type_, None)]
        for mode, spec in modes.items():
            lex.coding[(type_, mode)] = (int(spec.get("quad", base[0])), str(spec.get("cameo", base[1])),
                                         float(spec.get("intensity", base[2])))
    for type_, items in data["wrappers"].items():
        for text in items:
            parts = str(text).split()
            only = parts[1][1:] if len(parts) > 1 else None
            lex.wrappers.setdefault(parts[0], []).append(Wrapper(parts[0], type_, only))
    mod = data["modality"]
    verbs = set(lex.verbs) | set(lex.wrappers) | {str(w) for w in data["light_verbs"] + data["speech_verbs"]
                                                  + data["complaint_verbs"]
                                                  + data["addressee_verbs"] + mod["irrealis_verbs"]}
    for lemma in verbs:
        for form in _inflections(lemma):
            lex.forms.setdefault(form, lemma)
    words = lambda items: frozenset(str(w).lower() for w in items)  # noqa: E731
    lex.light_verbs = words(data["light_verbs"])
    lex.measures = words(objects.get("restrictions", []))
    lex.envoys = words(objects.get("envoys", []) + objects.get("missions", []))
    lex.aid_words = words(objects.get("aid", []) + objects.get("relief", []))
    lex.complaint_verbs = words(data["complaint_verbs"])
    lex.accepting_verbs = words(data["accepting_verbs"])
    lex.response_verbs = words(data["response_verbs"])
    lex.step_nouns = words(data["responses"]["steps"])
    lex.claim_nouns = words(data["responses"]["claims"])
    lex.violation_verbs = words(data["violation_verbs"])
    lex.event_heads = words(data["event_heads"])
    lex.transparent = words(data["transparent"])
    lex.reduced_passive = {str(k): words(v) for k, v in data["reduced_passive"].items()}
    lex.speech_verbs = words(data["speech_verbs"])
    lex.addressee_verbs = words(data["addressee_verbs"])
    lex.prescriptive = words(data["prescriptive"])
    lex.judgements = {str(k): words(v) for k, v in (data.get("judgements") or {}).items()}
    lex.concern_feelings = words(data["concerns"]["feelings"])
    lex.concern_nouns = words(data["concerns"]["nouns"])
    lex.concern_verbs = words(data["concerns"]["verbs"])
    lex.ceremonies = words(data["ceremonies"])
    lex.ceremony_verbs = words(data["ceremony_verbs"])
    lex.future = words(mod["future"])
    lex.hypothetical = words(mod["hypothetical"])
    lex.proposed = words(mod["proposed"])
    lex.conditional_marks = words(mod["conditional_marks"])
    lex.factual_marks = words(mod["factual_marks"])
    lex.prospective_preps = words(mod["prospective_preps"])
    lex.proposal_nouns = words(mod["proposal_nouns"])
    lex.irrealis_verbs = words(mod["irrealis_verbs"])
    lex.allegation_verbs = words(mod["allegation_verbs"])
    lex.negators = words(mod["negators"])
    lex.charge_nouns = words(mod["charge_nouns"])
    lex.hearsay_nouns = words(mod["hearsay_nouns"])
    lex.scheduling = words(mod["scheduling"])
    lex.one_sided = words(data["one_sided"])
    lex.reciprocal = words(data.get("reciprocal", ()))
    lex.markets = words(data.get("markets", ()))
    lex.stative = words(data.get("stative_verbs", ()))
    lex.forces = frozenset(str(w).lower() for w in (data.get("objects") or {}).get("forces", ()))
    lex.threat_if_negated = words(data.get("threat_if_negated", ()))
    lex.reversing = words(data.get("reversing", ()))
    ana = data["anaphora"]
    lex.state_nouns = words(ana["states"])
    lex.group_nouns = lex.state_nouns | words(ana["parties"]) | words(ana["persons"]) | words(ana["numbers"])
    lex.bloc_nouns = words(ana["blocs"])
    lex.group_numbers = {str(k).lower(): int(v) for k, v in ana["numbers"].items()}
    lex.group_marks = words(ana["marks"])
    lex.divides = words(ana.get("divides", ()))
    lex.group_all = words(ana.get("all", ()))
    lex.venues = words(ana.get("venues", ()))
    lex.party_nouns = words(ana["parties"])
    guards = data.get("guards") or {}
    for name in ("occurrence_verbs", "unrealised_modifiers", "unrealised_determiners", "relation_nouns",
                 "relation_makers", "border_nouns", "border_preps", "attempt_verbs", "party_object_verbs"):
        setattr(lex, name, words(guards.get(name, ())))
    lex.host_verbs = words(data.get("host_verbs", ()))
    return lex
