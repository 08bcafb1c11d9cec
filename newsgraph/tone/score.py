"""Per-article tone toward each actor and named person, from what the parse and the earlier stages know.

Signals, each with its sentence and reason (the evidence):
- roles in events: the source of an assault, a coercion or a threat is portrayed badly, its victim with a little
  sympathy; the target of an accusation, a sanction or a protest badly, but less (a claim made against X is weaker
  evidence than an act of X's); who agrees, cooperates, gives or receives support or aid, well;
- acts read from the parse when no event was: giving aid ("sent a rescue team", "pledged funding"), making a pact
  ("signed the border treaty"), mediating; what the acts are called ("a historic breakthrough", "X's failures");
- loaded words attached to the mention: modifiers and appositions ("the brutal regime", "X, a disgraced aide"),
  the noun the mention qualifies ("the X regime"), predicates it is the subject of ("X falsely claimed", "X acted
  wisely") or the object of ("X was indicted", "critics slammed X"), and copular complements ("X is corrupt");
  conjoined mentions share a predicate ("X and Y signed"), and a title before a name stands for the person;
- voice: quotes the target speaks (a small credit), rebutted right after ("no evidence", "false": a debit), and
  what others' quotes say about it;
- VADER over the sentences naming it, as one weak ingredient.

One word is one fact: a predicate and the event read from the same word count once. Hostility from one the article
itself portrays badly (its standing, without the accusations between the two) is not held against its target.
The sum is divided by the square root of the number of signals (a weak one counting as a fraction of one) and
squashed into [-1, 1], so that many weak, mixed signals do not outweigh a few clear ones.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from spacy.attrs import LOWER
from spacy.tokens import Doc, Token
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from newsgraph.nlp import doc_text
from newsgraph.model import Actors, Event, Mention, Quote, Tone, ToneEvidence, tone_label
from newsgraph.tone.peace import appeals_for_calm, conciliatory, convenes, load_peace, stands_with

LEXICON = Path(__file__).resolve().parent / "lexicon.yaml"
VADER_WORD = 0.2       # weight of a VADER word (valence / 4) attached to a mention, against our own lexicon's 1.0
VADER_SENTENCE = 0.25   # weight of the mean VADER compound of the sentences naming the target
MAX_EVIDENCE = 5
GATE = 0.1              # standing above which what is done to a state is not held against its head
LEADS = 0.5             # what is done to a state, for its one head named in the article
HEADS = ("president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "head of state",
         "head of government", "supreme leader")
GIVES_AID = 0.3         # as the source of an AID event
MAKES_PACT = 0.3        # as the source of an AGREE event
BACKS = 0.2             # as the source of a SUPPORT event
MEDIATES = 0.3          # as the source of a CONSULT event of mediation
CONVENES = 0.3          # hosting talks, bringing parties together: a go-between's part, as mediating is
CALMS = 0.2             # appealing for calm, restraint, dialogue
PEACEFUL = 0.1          # words of peace in one's own quote
FULL = 0.2              # a signal this strong counts as one in the normaliser; weaker ones as a fraction

# (role, PLOVER type) -> weight for the actor in that role of an asserted event.
EVENT_WEIGHTS = {
    ("target", "ACCUSE"): -0.5, ("target", "SANCTION"): -0.4, ("target", "PROTEST"): -0.2,
    ("target", "REJECT"): -0.2, ("target", "SUPPORT"): 0.3, ("target", "AID"): 0.2,
    ("source", "ASSAULT"): -0.5, ("source", "COERCE"): -0.4, ("source", "THREATEN"): -0.3,
    ("source", "MOBILIZE"): -0.1, ("source", "AID"): 0.3, ("source", "SUPPORT"): 0.2,
    ("target", "ASSAULT"): 0.1, ("target", "COERCE"): 0.1, ("target", "THREATEN"): 0.1,   # the victim: sympathy
    ("source", "COOPERATE"): 0.3, ("target", "COOPERATE"): 0.3, ("source", "AGREE"): 0.3, ("target", "AGREE"): 0.3,
}
HARMS = ("ASSAULT", "COERCE", "THREATEN")   # done to a target, these make it a victim
SUBJECT_DEPS = ("nsubj",)
OBJECT_DEPS = ("dobj", "nsubjpass", "obj")
MODIFIER_DEPS = ("amod", "appos", "compound", "acl", "nmod", "advmod")
# Nouns that stand for the actor that owns them: "X's government falsely claimed" is said of X.
GROUPS = ("REB", "CRM")   # armed and criminal groups: coded as a state's sector, but actors of their own
PROXIES = ("government", "regime", "administration", "leadership", "leader", "president", "junta", "army",
           "military", "forces", "campaign", "party", "ministry", "authorities", "officials", "spokesman",
           "spokeswoman", "spokesperson")
TITLES = ("president", "minister", "premier", "chancellor", "king", "queen", "emir", "leader", "chairman",
          "chairwoman", "secretary", "governor", "ambassador", "envoy", "commander", "general", "head", "chief")
MODALS = ("will", "would", "could", "might", "may", "should", "can", "to")
POSSIBLE = ("could", "might", "may", "should", "can")
RELATIVES = ("who", "which", "that")
DISCREDITED = 0.25      # standing at or below which one's hostility toward others is not held against them
RECEIVED = 0.8          # weight of hostility received (accused, sanctioned) against hostility shown
WRONGED = 0.1           # what hostility from one portrayed badly counts for its target
CHECKS = 0.5          # what harm done to one portrayed badly counts for its doer
DESCRIBED = ("modifier", "apposition", "described as")   # the signals of words on the mention itself
UNNAMED = 0.5           # a reproach in words ('accused', 'criticised') by no one the article names
CLAIMED = 0.5          # what is said of a target inside another's quote, against the author's own words
QUOTED = 0.15           # weight of the VADER compound of another speaker's quote that names the target


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


@lru_cache(maxsize=2)
def load_lexicon(path: Path = LEXICON) -> Lexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rebuttal = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in data["rebuttal"]) + r")\b", re.I)
    return Lexicon(data["loaded"], data["subject"], data["object"], rebuttal, frozenset(data.get("give", ())),
                   frozenset(data.get("aid", ())), data.get("framing", {}), data.get("against", {}),
                   frozenset(data.get("settle", ())), frozenset(data.get("pact", ())),
                   frozenset(data.get("earn", ())), data.get("earns", {}), frozenset(data.get("back", ())),
                   frozenset(data.get("backing", ())), frozenset(data.get("feel", ())),
                   frozenset(data.get("say", ())), frozenset(data.get("reproach", ())))


@dataclass(slots=True)
class _Signal:
    weight: float
    sent: int
    why: str
    fact: int | None = None     # offset of the word it was read from: a predicate and an event on it are one fact
    by: str | None = None       # the target key of whoever did or said it to this target (the accuser, the attacker)
    hostile: bool = False       # hostility received: weighed again once the one who showed it is scored
    on: str | None = None       # the target key of whom this target harmed: weighed again by that one's standing


@dataclass(slots=True)
class _Target:
    key: str
    name: str
    kind: str
    mentions: int = 0
    sents: set[int] = field(default_factory=set)
    signals: list[_Signal] = field(default_factory=list)
    named_as_modifier: bool = False   # its name was read from a mention modifying a noun ('Houthi rebels')


class ToneScorer:
    """Scores the tone of one parsed article toward each actor and person it covers."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()
        self.peace = load_peace()
        self.vader = SentimentIntensityAnalyzer()
        self._valences: dict[int, float] | None = None   # VADER's lexicon by hash of the lower-case form
        self._lows: tuple[Any, list[int]] = (None, [])   # the last doc and its tokens' lower-case hashes

    def __call__(self, doc: Doc, actors: Actors, events: Sequence[Event] = (),
                 quotes: Sequence[Quote] = ()) -> tuple[Tone, ...]:
        names = {a.code: (a.name, a.kind) for a in actors.actors}
        targets: dict[str, _Target] = {}
        sents = list(doc.sents)
        starts = [s.start_char for s in sents]
        by_mention: list[tuple[Mention, _Target]] = []
        tokmap: dict[int, str] = {}   # token index -> target key, to find who did a predicate to a target
        for m in actors.mentions:
            # a mention that modifies a noun ('Houthi rebels') is a poorer name for a group than one that heads it
            modifier = m.tok_end > m.tok_start and doc[m.tok_end - 1].dep_ in ("compound", "amod", "npadvmod", "nmod")
            target = self._target(m, names, targets, modifier)
            if target is None:
                continue
            target.mentions += 1
            by_mention.append((m, target))
            if not m.place:
                for i in range(m.tok_start, m.tok_end):
                    tokmap[i] = target.key
        conjuncts: list[tuple[int, int, str]] = []   # (first conjunct, own head, key): "X and Y" share one role
        sides = {p.name: p.actor for p in actors.persons if p.actor}   # whom each person speaks for
        voices = self._voices(quotes, by_mention, sides)
        for m, target in by_mention:
            if not m.place:
                target.sents.add(m.sent)
                first = len(target.signals)
                self._attached(doc, m, target, tokmap)
                if (claim := _claimant(voices, m, target.key)) is not None:
                    _as_claim(target.signals[first:], *claim)
                root = doc[m.tok_start:m.tok_end].root if m.tok_end > m.tok_start else None
                if root is not None and (root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children)):
                    conjuncts.append((_first_conjunct(root).idx, root.idx, target.key))
        if not targets:
            return ()
        self._events(events, by_mention, conjuncts, targets, starts)
        self._quotes(doc, quotes, by_mention, targets, starts, sides)
        cache: dict[int, float] = {}   # one VADER pass per sentence, however many targets it names
        for target in targets.values():
            self._sentences(sents, target, cache)
        self._leaders(actors, targets, _standing(targets))
        standing = _standing(targets)
        return tuple(self._tone(t, sents, standing) for t in sorted(targets.values(), key=lambda t: -t.mentions))

    # --- targets ---------------------------------------------------------------------------------------------

    @staticmethod
    def _target(m: Mention, names: dict[str, tuple[str, str]], targets: dict[str, _Target],
                modifier: bool = False) -> _Target | None:
        if m.kind == "person" and m.person:
            key, name, kind = m.person, m.person, "person"
        elif m.code and m.kind == "state" and m.sector in GROUPS:   # 'M23', coded as the state it fights in
            key, name, kind = m.code + m.sector, m.text, "org"
            if key in targets and m.text[:1].isupper() and (not targets[key].name[:1].isupper() or (
                    targets[key].named_as_modifier and not modifier)):
                targets[key].name = m.text   # the group's name, not 'the group' nor 'Houthi' that came first
                targets[key].named_as_modifier = modifier
        elif m.code and m.kind in ("state", "org"):
            name, kind = names.get(m.code, (m.code, m.kind))
            key = m.code
        else:
            return None
        if key not in targets:
            targets[key] = _Target(key, name, kind, named_as_modifier=modifier)
        return targets[key]

    @staticmethod
    def _leaders(actors: Actors, targets: dict[str, _Target], standing: dict[str, float]) -> None:
        """The one head of a state the article names answers for what is done to that state: 'Washington
        sanctioned Bogota' is said of Colombia's president too, more weakly."""
        heads: dict[str, set[str]] = defaultdict(set)
        for p in actors.persons:
            if p.actor in targets and p.name in targets and (p.role or "") in HEADS:
                heads[p.actor].add(p.name)
        for code, keys in heads.items():
            if len(keys) != 1:
                continue
            # what is done to a state the article portrays well is not held against its head; what it does is
            wronged = standing.get(code, 0.0) <= GATE
            leader = targets[next(iter(keys))]
            own = {s.fact for s in leader.signals if s.fact is not None}
            for sig in _facts(targets[code].signals):
                if sig.weight < 0 and sig.fact is not None and sig.fact not in own and (
                        sig.hostile and wronged or sig.why.startswith("source of")):
                    leader.signals.append(_Signal(LEADS * sig.weight, sig.sent, f"{sig.why}, to its state",
                                                  sig.fact, sig.by, sig.hostile))

    # --- words attached to a mention -------------------------------------------------------------------------

    def _word(self, token: Token, table: dict[str, float], vader: bool = True) -> float:
        """Our weight for a word, else VADER's valence at a lower weight (adjectives, verbs, adverbs: its nouns,
        "party", "hero", say more about the topic than about the one they are attached to)."""
        for form in (_hyphened(token), token.lower_, token.lemma_.lower()):
            if form in table:
                return table[form]
        if vader and token.pos_ in ("ADJ", "VERB", "ADV"):
            valence = self.vader.lexicon.get(token.lower_)
            if valence is not None:
                return VADER_WORD * valence / 4
        return 0.0

    def _attached(self, doc: Doc, m: Mention, target: _Target, tokmap: dict[int, str]) -> None:
        span = doc[m.tok_start:m.tok_end]
        if not len(span):
            return
        head = span.root
        inside = range(m.tok_start, m.tok_end)
        add = target.signals.append
        for tok in span:  # "the brutal regime", when the words are inside the mention itself
            if tok.i != head.i and (w := _get(self.lex.loaded, tok)):
                add(_Signal(w, m.sent, f"modifier '{tok.text}'"))
        for child in head.children:
            if child.i in inside or child.dep_ not in MODIFIER_DEPS:
                continue
            for tok in ([child] + [c for c in child.children if c.dep_ in ("amod", "compound")]
                        if child.dep_ == "appos" else [child]):
                if (w := self._word(tok, self.lex.loaded)):
                    add(_Signal(w, m.sent, f"{'apposition' if child.dep_ == 'appos' else 'modifier'} '{tok.text}'"))
        for child in head.children:   # "X, in an impulsive move, said": how X acts, on the mention itself
            if child.dep_ == "prep" and child.lower_ == "in" and child.i not in inside:
                for tok in [c for c in child.subtree if c.dep_ in ("amod", "pobj")]:
                    if (w := self.lex.framing.get(tok.lower_)):
                        add(_Signal(w, m.sent, f"'in ... {tok.text}'"))
                        break
        described = None
        if head.dep_ in ("compound", "poss") or head.dep_ == "amod" and head.head.pos_ == "NOUN":
            described = head.head   # "the X regime", "X's brutal crackdown", "Russian meddling"
        elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "PROPN"):
            # "the regime of X"; "President of the Republic X" as the parser often reads a title before a name
            described = head.head.head
        elif head.dep_ == "appos":  # "a disgraced aide, X"
            described = head.head
        if head.dep_ in ("poss", "amod") and described is not None and described.lemma_.lower() not in PROXIES:
            # "X's embattled government" describes X; "X's brutal crackdown", "X's failures" frame its acts
            for tok in [described] + [c for c in described.children if c.dep_ == "amod"]:
                if (w := _get(self.lex.framing, tok) or (_get(self.lex.loaded, tok) if tok.i != described.i else 0)):
                    add(_Signal(w, m.sent, f"its '{tok.text}'"))
                    break
            if described.dep_ == "pobj" and (w := self.lex.against.get(described.head.head.lemma_.lower())) and (
                    described.head.lower_ == "against"):   # "protests against X's austerity plan"
                add(_Signal(w, m.sent, f"'{described.head.head.text} against' its {described.text}",
                            described.head.head.idx, None, True))
            if described.dep_ == "nsubj" and (earned := self._earned(described.head)):   # "X's handling won praise"
                add(_Signal(earned[0], m.sent, f"its {described.text} {earned[1]}"))
            described = None
        if head.dep_ == "pobj" and head.head.lower_ == "against" and (
                w := self.lex.against.get(head.head.head.lemma_.lower())):   # "the allegations against X"
            add(_Signal(w, m.sent, f"'{head.head.head.text} against'", head.head.head.idx, None, True))
        if described is not None and described.i not in inside:
            for tok in [described] + [c for c in described.children if c.dep_ == "amod"]:
                if (w := _get(self.lex.loaded, tok)):
                    add(_Signal(w, m.sent, f"described as '{_hyphened(tok)}'"))
            if described.lemma_.lower() in PROXIES or target.kind == "person" and described.lower_ in TITLES:
                self._predicate(described, m, target, tokmap)   # what "X's government", "President X" does, X does
        self._predicate(head, m, target, tokmap)

    @staticmethod
    def _doer(verb: Token, head: Token, tokmap: dict[int, str]) -> str | None:
        """Who did the predicate to the target: the subject of 'critics slammed X', the agent of 'X was
        condemned by Y' (a proxy noun, "Y's government", stands for Y)."""
        for c in verb.children:
            if c.dep_ == "nsubj" and head.dep_ != "nsubjpass":
                doer = c
            elif c.dep_ == "agent":
                doer = next((g for g in c.children if g.dep_ == "pobj"), None)
            else:
                doer = None
            if doer is None:
                continue
            if doer.i in tokmap:
                return tokmap[doer.i]
            owner = next((g for g in doer.children if g.dep_ in ("poss", "compound") and g.i in tokmap), None)
            if owner is not None and doer.lemma_.lower() in PROXIES:
                return tokmap[owner.i]
        return None

    def _relative(self, head: Token, m: Mention, target: _Target, tokmap: dict[int, str]) -> None:
        """"X, who refused ...", "X, which was indicted": the relative pronoun stands for X."""
        for clause in head.children:
            if clause.dep_ == "relcl" and clause.pos_ in ("VERB", "AUX"):
                pron = next((c for c in clause.children if c.lower_ in RELATIVES
                             and c.dep_ in SUBJECT_DEPS + OBJECT_DEPS), None)
                if pron is not None:   # background, often: only our own lexicon's words, not VADER's
                    self._verb(clause, pron, m, target, tokmap, vader=False)

    def _predicate(self, head: Token, m: Mention, target: _Target, tokmap: dict[int, str]) -> None:
        head = _first_conjunct(head)   # "X and Y signed": Y is a subject of 'signed' too
        verb = head.head
        # the doer written as a passive's agent or before a hyphen: 'talks mediated by X', 'the X-brokered deal'
        doer = head.dep_ == "pobj" and verb.dep_ == "agent" and verb.head.pos_ == "VERB"
        if doer:
            verb = verb.head
        elif head.dep_ == "npadvmod" and verb.tag_ == "VBN" and verb.i == head.i + 2 and head.nbor().text == "-":
            doer = True
        if verb.pos_ == "ADJ" and head.dep_ in SUBJECT_DEPS and verb.dep_ in ("ccomp", "oprd", "xcomp") and (
                w := _get(self.lex.loaded, verb)):   # "the court found X guilty": a small clause says X is
            target.signals.append(_Signal(w, m.sent, f"'found {verb.text}'", verb.idx))
        if verb.i == head.i or verb.pos_ not in ("VERB", "AUX"):
            self._relative(head, m, target, tokmap)
            return
        self._verb(verb, head, m, target, tokmap, subject=True if doer else None)
        self._relative(head, m, target, tokmap)
        if doer:
            return
        if head.dep_ in SUBJECT_DEPS:   # "X arrived and signed", "X pledged to send": X does these too
            controls = not any(c.dep_ in ("dobj", "obj") for c in verb.children)   # not "asked Y to lie"
            for other in verb.children:
                if (other.dep_ == "conj" or other.dep_ == "xcomp" and controls) and other.pos_ == "VERB" and not any(
                        c.dep_ in ("nsubj", "nsubjpass") for c in other.children):
                    self._verb(other, head, m, target, tokmap)

    def _verb(self, verb: Token, head: Token, m: Mention, target: _Target, tokmap: dict[int, str],
              vader: bool = True, subject: bool | None = None) -> None:
        if any(c.dep_ == "neg" for c in verb.children):
            return  # "did not censure X" says little about X either way
        # "vowed to impeach X", "could indict X": a predicate only intended or possible counts half
        sign = 0.5 if verb.dep_ == "xcomp" or any(
            c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children) else 1.0
        add = target.signals.append
        if subject is None:
            subject = head.dep_ in SUBJECT_DEPS
        if subject:
            if (w := self._word(verb, self.lex.subject, vader)):
                add(_Signal(sign * w, m.sent, f"subject of '{verb.text}'", verb.idx))
            # "X signed a historic accord", "X presided over a fiasco", "in a rash move"; what X says or calls
            # something ("called the release reckless", "said it was aggression") is X's words of another's act
            for obj in () if verb.lemma_.lower() in self.lex.say else verb.children:
                if obj.dep_ in ("dobj", "obj", "attr") or obj.dep_ == "prep" and obj.lower_ in ("over", "in"):
                    for tok in obj.subtree:
                        if (tok.i == obj.i or tok.dep_ in ("amod", "pobj")) and (
                                w := self.lex.framing.get(tok.lower_)) and not any(   # not "Y's failure", "Russian
                                g.dep_ == "poss" or tokmap.get(g.i, target.key) != target.key   # meddling"
                                for g in tok.children):
                            add(_Signal(sign * w, m.sent, f"'{verb.text} ... {tok.text}'"))
                            break
            if (earned := self._earned(verb)):   # "X earned respect", "X drew condemnation"
                add(_Signal(sign * earned[0], m.sent, earned[1], verb.idx))
            for c in verb.children:   # "X met Y, drawing a rebuke": what the act earns, X earns
                if c.dep_ == "advcl" and c.tag_ == "VBG" and not any(g.dep_ in SUBJECT_DEPS for g in c.children) and (
                        earned := self._earned(c)):
                    add(_Signal(sign * earned[0], m.sent, earned[1], c.idx))
            if (pact := self._object_in(verb, self.lex.settle, self.lex.pact)) is not None:
                add(_Signal(sign * MAKES_PACT, m.sent, f"makes a pact ('{verb.text} {pact.text}')", verb.idx))
            if (backed := self._object_in(verb, self.lex.back, self.lex.backing)) is not None and any(
                    tokmap.get(t.i, target.key) != target.key for t in backed.subtree):
                # backing another party ("support for the Syrian people"), not a policy ("support for a bill")
                add(_Signal(sign * BACKS, m.sent, f"backs ('{verb.text} {backed.text}')", verb.idx))
            self._peacemaking(verb, sign, m, target, tokmap)
            if (given := self._object_in(verb, self.lex.give, self.lex.aid)) is not None:
                # "will send aid", "pledged to send aid": a pledge is itself an act of help; "could send" is not
                pledge = 0.5 if any(c.dep_ == "aux" and c.lower_ in POSSIBLE for c in verb.children) else 1.0
                add(_Signal(pledge * GIVES_AID, m.sent, f"gives aid ('{verb.text} {given.text}')", verb.idx))
            for c in verb.children:
                if c.dep_ == "advmod" and (w := self.lex.subject.get(c.lower_)):
                    add(_Signal(sign * w, m.sent, f"'{c.text} {verb.text}'"))
                elif c.dep_ in ("acomp", "attr") and (w := self._word(c, self.lex.loaded)):
                    add(_Signal(sign * w, m.sent, f"'is {c.text}'"))
        elif head.dep_ in OBJECT_DEPS:
            if head.dep_ == "nsubjpass" and verb.lemma_.lower() in self.lex.feel:
                return   # "X was shocked by the killings": X feels, nothing is done to X
            if (w := self._word(verb, self.lex.object, vader)):
                doer = self._doer(verb, head, tokmap)
                if w < 0 and doer is None and verb.lemma_.lower() in self.lex.reproach:
                    w *= UNNAMED   # 'critics accuse him', 'protesters accusing X': words of no one the article names
                add(_Signal(sign * w, m.sent, f"object of '{verb.text}'", verb.idx, doer, w < 0))
            for c in verb.children:   # "X was found guilty", "X was declared unfit": what X is found to be
                if c.dep_ in ("oprd", "acomp") and (w := _get(self.lex.loaded, c)):
                    add(_Signal(sign * w, m.sent, f"'{verb.text} {c.text}'", c.idx, self._doer(verb, head, tokmap),
                                w < 0))

    def _peacemaking(self, verb: Token, sign: float, m: Mention, target: _Target, tokmap: dict[int, str]) -> None:
        """The subject of `verb` convenes talks, appeals for calm or stands with another (see tone/peace.py)."""
        add = target.signals.append
        if (met := convenes(verb, self.peace)) is not None:
            add(_Signal(sign * CONVENES, m.sent, f"convenes ('{verb.text} {met.text}')", verb.idx))
        if (calm := appeals_for_calm(verb, self.peace)) is not None:
            add(_Signal(sign * CALMS, m.sent, f"appeals for calm ('{verb.text} ... {calm.text}')", verb.idx))
        if (ally := stands_with(verb, self.peace)) is not None and any(
                tokmap.get(t.i, target.key) != target.key for t in ally.subtree):
            add(_Signal(sign * BACKS, m.sent, f"stands with ('{verb.text} ... {ally.text}')", verb.idx))

    def _earned(self, verb: Token) -> tuple[float, str] | None:
        """What the subject of `verb` earns: 'won praise', 'deserves credit', 'drew condemnation'."""
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in self.lex.earn:
            return None
        for obj in verb.children:
            if obj.dep_ in ("dobj", "obj") and (w := self.lex.earns.get(obj.lemma_.lower(), self.lex.earns.get(
                    obj.lower_))):
                return w, f"'{verb.text} {obj.text}'"
        return None

    @staticmethod
    def _object_in(verb: Token, verbs: frozenset[str], nouns: frozenset[str]) -> Token | None:
        """The object of one of `verbs` that is (or is qualified by) one of `nouns`: 'sent a rescue team', 'pledged
        funding', 'flew in supplies', 'signed the border treaty'."""
        if verb.lemma_.lower() not in verbs:
            return None
        for obj in verb.children:
            if obj.dep_ in ("dobj", "obj") or (obj.dep_ == "prep" and obj.lower_ in ("with", "in")):
                objs = [obj] if obj.dep_ != "prep" else [g for g in obj.children if g.dep_ == "pobj"]
                for tok in objs + [c for o in objs for c in o.children if c.dep_ == "conj"]:
                    words = [tok] + [c for c in tok.subtree if c.i < tok.i and c.dep_ in ("compound", "amod", "nmod")]
                    words += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
                    if any(w.lemma_.lower() in nouns or w.lower_ in nouns for w in words):
                        return tok
        return None

    # --- events and quotes -----------------------------------------------------------------------------------

    @staticmethod
    def _covering(by_mention: list[tuple[Mention, _Target]], start: int | None, end: int | None) -> set[str]:
        if start is None or end is None:
            return set()
        return {t.key for m, t in by_mention if m.start < end and start < m.end}

    def _events(self, events: Sequence[Event], by_mention: list[tuple[Mention, _Target]],
                conjuncts: list[tuple[int, int, str]], targets: dict[str, _Target], starts: list[int]) -> None:
        for event in events:
            if event.negated:
                continue
            scale = 1.0 if event.modality == "asserted" else 0.5
            ev = event.evidence[0] if event.evidence else None
            sent = _sent_of(starts, ev.start) if ev else 0
            keys, coded = {}, {}
            for role, code, sector in (("source", event.source, event.source_sector),
                                       ("target", event.target, event.target_sector)):
                if code and sector in GROUPS and code + sector in targets:
                    code += sector
                start, end = getattr(ev, f"{role}_start", None), getattr(ev, f"{role}_end", None)
                keys[role] = self._covering(by_mention, start, end)
                if start is not None and end is not None:
                    groups = {first for first, at, _ in conjuncts if start <= at < end}
                    keys[role] |= {key for first, _, key in conjuncts if first in groups}
                if code in targets:
                    keys[role].add(code)
                    coded[role] = code
            doer = min(keys["source"]) if keys["source"] else None
            fact = ev.trigger_start if ev else None
            for role in ("source", "target"):
                weight = EVENT_WEIGHTS.get((role, event.type))
                if event.type == "CONSULT" and event.mode == "mediate" and role == "source":
                    weight = MEDIATES   # the go-between, not the parties it brings together
                if not weight:
                    continue
                hostile = role == "target" and (weight < 0 or event.type in HARMS)
                for key in keys[role] - (keys["source"] if role == "target" else set()):
                    why = f"{role} of {event.type} ('{event.trigger}')"
                    # whom the harm was done to: the coded target first ('Hezbollah positions in Lebanon')
                    on = coded.get("target") or min(keys["target"], default=None) if (
                        role == "source" and event.type in HARMS) else None
                    targets[key].signals.append(_Signal(scale * weight, sent, why, fact, doer if hostile else None,
                                                        hostile, on))

    def _quotes(self, doc: Doc, quotes: Sequence[Quote], by_mention: list[tuple[Mention, _Target]],
                targets: dict[str, _Target], starts: list[int], sides: dict[str, str] | None = None) -> None:
        text = doc_text(doc)
        voiced: set[str] = set()
        peaceful: set[str] = set()
        for q in quotes:
            sent = _sent_of(starts, q.start)
            speakers = self._covering(by_mention, q.speaker_start, q.speaker_end)
            if q.speaker in targets:
                speakers.add(q.speaker)
            after = text[q.end:q.end + 200]
            rebutted = bool(self.lex.rebuttal.search(after.split("\n", 1)[0]))
            span = doc.char_span(q.start, q.end, alignment_mode="expand") or doc[0:0]
            for key in speakers:
                if rebutted:
                    targets[key].signals.append(_Signal(-0.5, sent, "voice rebutted"))
                    continue
                if key not in voiced:  # being quoted at all is one small credit, however many quotes
                    voiced.add(key)
                    targets[key].signals.append(_Signal(0.05, sent, "voice given"))
                if key not in peaceful and (word := conciliatory(span, self.peace)) is not None:
                    peaceful.add(key)   # words of peace in one's own voice, once
                    targets[key].signals.append(_Signal(PEACEFUL, sent, f"speaks of '{word.text}'"))
            # one's own side named in one's words is no other's judgement of it ("France will act", says Macron)
            own = speakers | {sides[k] for k in speakers if k in (sides or {})} | ({q.actor} if q.actor else set())
            named = self._covering(by_mention, q.start, q.end) - own
            if not named:
                continue
            compound = self._compound(span)
            if compound > -0.3:   # praise in another's words is often one's own camp's; blame is evidence
                continue
            doer = min(speakers) if speakers else None
            for key in named:
                targets[key].signals.append(_Signal(QUOTED * compound, sent, f"named in a quote ({compound:+.2f})",
                                                    None, doer, compound < 0))

    def _voices(self, quotes: Sequence[Quote], by_mention: list[tuple[Mention, _Target]],
                sides: dict[str, str]) -> list[tuple[int, int, set[str], bool]]:
        """Each quote's span, the keys of its speaker and the speaker's side, and whether it is direct."""
        out = []
        for q in quotes:
            keys = self._covering(by_mention, q.speaker_start, q.speaker_end) | ({q.speaker} if q.speaker else set())
            keys |= {sides[k] for k in keys if k in sides} | ({q.actor} if q.actor else set())
            out.append((q.start, q.end, keys, q.direct))
        return out

    def _compound(self, span: Any) -> float:
        """VADER's lexicon over the parsed tokens, a negated word flipped, normalised as VADER's compound is
        (x / sqrt(x² + 15)); VADER's own pass re-tokenises and costs several times more."""
        total = 0.0
        doc = span.doc
        if self._valences is None:
            self._valences = {doc.vocab.strings[w]: v for w, v in self.vader.lexicon.items()}
        if self._lows[0] is not doc:   # the words are looked up by hash: no Token for the many with no valence
            self._lows = (doc, doc.to_array(LOWER).tolist())
        lows, valences = self._lows[1], self._valences
        for i in range(span.start, span.end):
            valence = valences.get(lows[i])
            if valence:
                tok = doc[i]
                negated = tok.dep_ == "neg" or any(c.dep_ == "neg" for c in tok.head.children)
                total += -0.74 * valence if negated else valence
        return total / math.sqrt(total * total + 15)

    def _sentences(self, sents: list, target: _Target, cache: dict[int, float]) -> None:
        if not target.sents:
            return
        for i in target.sents:
            if i < len(sents) and i not in cache:
                cache[i] = self._compound(sents[i])
        compounds = [cache[i] for i in sorted(target.sents) if i in cache]
        if compounds:
            mean = sum(compounds) / len(compounds)
            first = min(target.sents)
            target.signals.append(_Signal(VADER_SENTENCE * mean, first, f"sentences' VADER mean {mean:+.2f}"))

    # --- the score -------------------------------------------------------------------------------------------

    @staticmethod
    def _tone(t: _Target, sents: list, standing: dict[str, float]) -> Tone:
        facts = []
        for sig in _facts(t.signals):
            # hostility from one the article itself portrays badly says more about that one than about its target:
            # the accusations of an aggressor count as the target's being wronged
            if sig.on is not None and sig.on != t.key and sig.weight < 0 and _armed(sig.on):
                # force used against an armed or criminal group (strikes on militants, a raid on a gang) is not the
                # author's reproach of whoever uses it
                sig = _Signal(CHECKS * sig.weight, sig.sent, f"{sig.why}, on an armed group", sig.fact)
            elif sig.hostile and sig.weight > 0 and _armed(t.key):
                continue   # nor is the group struck its victim
            elif sig.hostile and sig.by is not None and sig.by != t.key and standing.get(sig.by, 0.0) <= -DISCREDITED:
                sig = _Signal(WRONGED, sig.sent, f"{sig.why}, by one portrayed badly", sig.fact)
            elif sig.hostile and sig.weight < 0:   # what others say or do to X is weaker than what X does
                sig = _Signal(RECEIVED * sig.weight, sig.sent, sig.why, sig.fact, sig.by, True)
            facts.append(sig)
        score = _score(facts)
        strongest = sorted((s for s in facts if s.weight), key=lambda s: -abs(s.weight))[:MAX_EVIDENCE]
        evidence = []
        by_sent: dict[int, list[str]] = defaultdict(list)
        for sig in strongest:
            by_sent[sig.sent].append(f"{sig.why} {sig.weight:+.2f}")
        for i, whys in by_sent.items():
            if i < len(sents):
                s = sents[i]
                evidence.append(ToneEvidence(s.start_char, s.end_char, doc_text(s.doc)[s.start_char:s.end_char],
                                             "; ".join(whys)))
        return Tone(target=t.key, name=t.name, kind=t.kind, score=round(score, 3), label=tone_label(score),
                    mentions=t.mentions, evidence=tuple(evidence))


def _standing(targets: dict[str, _Target]) -> dict[str, float]:
    """What each does and how it is described, without what others say or do to it, nor the hostile acts
    themselves (an accusation is weighed by who makes it, not by itself)."""
    hostile = {s.fact for t in targets.values() for s in t.signals if s.hostile and s.weight < 0}
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
                                          sig.hostile or kept.hostile, sig.on or kept.on)
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
    from bisect import bisect_right

    return max(0, bisect_right(starts, offset) - 1)
