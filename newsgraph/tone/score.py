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
  what others' quotes say about it; a side to a row that the piece lets speak at length, unanswered, and those who
  speak for it (tone/floor.py);
- VADER over the sentences naming it, as one weak ingredient;
- the headline, read with the same word rules, counting several times (tone/headline.py);
- a spokesperson wears the standing of a state the article portrays badly (they have no acts of their own).

One word is one fact: a predicate and the event read from the same word count once. Hostility from one the article
itself portrays badly (its standing, without the accusations between the two) is not held against its target.
The sum is divided by the square root of the number of signals (a weak one counting as a fraction of one) and
squashed into [-1, 1], so that many weak, mixed signals do not outweigh a few clear ones. A piece that argues (its
author's own sentences lay duties, say 'we', ask the reader: see tone/voice.py) states verdicts: there the same
evidence counts for more, as neutral is rare in an opinion piece. Wire copy (an agency's dateline, see
tone/genre.py) is the reverse: it attributes each side's acts and words, and the same evidence counts for less.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import replace
from collections.abc import Sequence
from typing import Any

from spacy.attrs import LOWER
from spacy.tokens import Doc
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from newsgraph.model import Actors, Event, Mention, Quote, Tone, ToneEvidence, tone_label
from newsgraph.nlp import doc_text
from newsgraph.tone.aliases import APART, alias_target
from newsgraph.tone.floor import Floor, in_rows
from newsgraph.tone.genre import wire_copy
from newsgraph.tone.headline import name_forms, read_headline
from newsgraph.tone.lexicon import Lexicon, load_lexicon
from newsgraph.tone.peace import conciliatory, load_peace
from newsgraph.tone.signals import (FULL, GROUPS, _armed, _as_claim, _claimant, _facts, _first_conjunct, _score,
                                    _named_once, _sent_of, _Signal, _standing, _Target)
from newsgraph.tone.voice import arguing, author_sentences
from newsgraph.tone.words import Words

__all__ = ["ToneScorer", "RECEIVED", "_Signal", "_Target"]

VADER_SENTENCE = 0.25   # weight of the mean VADER compound of the sentences naming the target
MAX_EVIDENCE = 5
GATE = 0.1              # standing above which what is done to a state is not held against its head
LEADS = 0.3             # what is done to a state, for its one head named in the article (weakly: in a row
                        # between states the head is judged by its own words and acts)
HEADS = ("president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "head of state",
         "head of government", "supreme leader")
SPEAKS_FOR = 1.0        # a spokesperson's share of the standing of a state the article portrays badly
SPOKESPEOPLE = ("spokes", "press secretary")   # in a role: 'spokesman', 'foreign ministry spokeswoman'
MEDIATES = 0.3          # as the source of a CONSULT event of mediation
PEACEFUL = 0.1          # words of peace in one's own quote

# (role, PLOVER type) -> weight for the actor in that role of an asserted event.
EVENT_WEIGHTS = {
    ("target", "ACCUSE"): -0.5, ("target", "SANCTION"): -0.4, ("target", "PROTEST"): -0.2,
    ("target", "REJECT"): -0.2, ("target", "SUPPORT"): 0.3, ("target", "AID"): 0.2,
    ("source", "ASSAULT"): -0.5, ("source", "COERCE"): -0.4, ("source", "THREATEN"): -0.3,
    ("source", "MOBILIZE"): -0.1, ("source", "AID"): 0.3, ("source", "SUPPORT"): 0.2,
    ("target", "ASSAULT"): 0.1, ("target", "COERCE"): 0.1, ("target", "THREATEN"): 0.1,   # the victim: sympathy
    ("source", "COOPERATE"): 0.3, ("target", "COOPERATE"): 0.3,
    # agreeing is the source's act; the one agreed with has done less that the agreement shows (as often a party
    # pressed to terms as a partner). Gold labels on h6-h12 and basil are no warmer for either role than for
    # anyone; the target's credit stays 0.2, as it also feeds the standing that gates how one's hostility is weighed
    ("source", "AGREE"): 0.25, ("target", "AGREE"): 0.2,
}
HARMS = ("ASSAULT", "COERCE", "THREATEN")   # done to a target, these make it a victim
DISCREDITED = 0.25      # standing at or below which one's hostility toward others is not held against them
RECEIVED = 0.8          # weight of hostility received (accused, sanctioned) against hostility shown
WRONGED = 0.1           # what hostility from one portrayed badly counts for its target
CHECKS = 0.5          # what harm done to one portrayed badly counts for its doer
ARGUED = 3              # the author's own sentences that argue ('X should', 'we'), from which a piece is opinion
VERDICT = 2.5           # in an opinion piece, the factor on the score before squashing (atanh scale)
QUOTED = 0.15           # weight of the VADER compound of another speaker's quote that names the target
FLOOR_GATE = 0.1        # standing at or below minus this: one portrayed badly is not given the floor
HELD = 1.2              # hostility shown by one given the floor: the piece's own reproach, more than received
WIRE = 0.7              # in wire copy (tone/genre.py), the factor on the score before squashing (atanh scale):
                        # a damping where VERDICT is a boost: attributed claims need more support for a label


def _rebutted(after: str, rebuttal: re.Pattern[str]) -> bool:
    """Whether the words after a quote dispute it ('no evidence', 'false'): the author's words, not a phrase in
    quotation marks, which is someone's words cited ('called on them to stop repeating "unfounded claims"')."""
    after = after.lstrip('"\u201d\u2019\' ,.')   # the quote's own closing mark
    for match in rebuttal.finditer(after):
        before = after[:match.start()].rsplit(". ", 1)[-1]
        if before.count('"') % 2 == 0 and before.count("\u201c") <= before.count("\u201d"):
            return True
    return False


class ToneScorer(Words):
    """Scores the tone of one parsed article toward each actor and person it covers."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()
        self.peace = load_peace()
        self.vader = SentimentIntensityAnalyzer()
        self._valences: dict[int, float] | None = None   # VADER's lexicon by hash of the lower-case form
        self._lows: tuple[Any, list[int]] = (None, [])   # the last doc and its tokens' lower-case hashes

    def __call__(self, doc: Doc, actors: Actors, events: Sequence[Event] = (),
                 quotes: Sequence[Quote] = (), title: Doc | None = None) -> tuple[Tone, ...]:
        names = {a.code: (a.name, a.kind) for a in actors.actors}
        targets: dict[str, _Target] = {}
        sents = list(doc.sents)
        starts = [s.start_char for s in sents]
        by_mention: list[tuple[Mention, _Target]] = []
        tokmap: dict[int, str] = {}   # token index -> target key, to find who did a predicate to a target
        parts: dict[str, str] = {}    # a state's named parts (see tone/aliases.py)
        for m in actors.mentions:
            # a mention that modifies a noun ('Houthi rebels') is a poorer name for a group than one that heads it
            modifier = m.tok_end > m.tok_start and doc[m.tok_end - 1].dep_ in ("compound", "amod", "npadvmod", "nmod")
            part = alias_target(m, targets, parts)   # the state's record and the part's own, or the part's only
            target = part if part is not None and m.sector in APART else self._target(m, names, targets, modifier)
            if target is None:
                continue
            target.mentions += 1
            by_mention.append((m, target))
            if not m.place:
                for i in range(m.tok_start, m.tok_end):
                    tokmap[i] = target.key
            if part is not None and part is not target:
                part.mentions += 1
                by_mention.append((m, part))
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
        opinion = self._opinion(doc, sents, quotes)
        wire = not opinion and wire_copy(doc, sents, quotes, self.lex.honours, self.lex.argue_words, self.lex.say,
                                         self.lex.attribution)
        floor = None if wire or opinion else Floor()
        self._quotes(doc, quotes, by_mention, targets, starts, sides, floor)
        cache: dict[int, float] = {}   # one VADER pass per sentence, however many targets it names
        for target in targets.values():
            self._sentences(sents, target, cache)
        if title is not None:   # the parsed headline (see tone/headline.py)
            read_headline(title, name_forms(by_mention), targets, self._attached)
        first_standing = _standing(targets)
        held: set[str] = set()
        if floor is not None:   # to one the article does not otherwise portray badly; the gates below stay as read
            mouths = {p.name for p in actors.persons if any(r in (p.role or "") for r in SPOKESPEOPLE)}
            for key, sig in floor.credits(targets, sides, in_rows(events), mouths):
                if first_standing.get(key, 0.0) > -FLOOR_GATE:
                    targets[key].signals.append(sig)
                    held.add(key)
        self._leaders(actors, targets, first_standing)
        self._spokespeople(actors, targets, first_standing)
        standing = _standing(targets)
        tones = {t.key: self._tone(t, sents, standing, opinion, wire, frozenset(held)) for t in targets.values()}
        for t in targets.values():   # a metonym's record is its state's, under the name the article uses
            if t.stands_for in tones:
                state = tones[t.stands_for]
                tones[t.key] = replace(state, target=t.key, name=t.name, mentions=t.mentions)
        return tuple(sorted(tones.values(), key=lambda tone: -tone.mentions))

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
            # what is done to a state the article portrays well is not held against its head; what it does is, and
            # so is what it is plainly blamed for in its own words and acts ('X's decision, a spiteful answer')
            wronged = standing.get(code, 0.0) <= GATE
            leader = targets[next(iter(keys))]
            own = {s.fact for s in leader.signals if s.fact is not None}
            for sig in _facts(targets[code].signals):
                if sig.weight < 0 and sig.fact is not None and sig.fact not in own and (
                        sig.hostile and wronged or sig.why.startswith("source of") or (
                            not sig.hostile and sig.weight <= -FULL)):
                    leader.signals.append(_Signal(LEADS * sig.weight, sig.sent, f"{sig.why}, to its state",
                                                  sig.fact, sig.by, sig.hostile))

    @staticmethod
    def _spokespeople(actors: Actors, targets: dict[str, _Target], standing: dict[str, float]) -> None:
        """A spokesperson has no acts of their own: their denials and justifications are the face of what their
        state does, so a state the article portrays badly is portrayed badly in them. Not the reverse: the credit
        for a state's good acts goes to those who act, and its voice stays neutral (h6-h14: both held)."""
        for p in actors.persons:
            if p.actor in targets and p.name in targets and any(r in (p.role or "") for r in SPOKESPEOPLE):
                if (state := standing.get(p.actor, 0.0)) < 0:
                    person = targets[p.name]
                    person.signals.append(_Signal(SPEAKS_FOR * state, min(person.sents, default=-1),
                                                  f"speaks for {targets[p.actor].name}, portrayed badly"))

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
                if code in targets and not (sector in APART and keys[role]):   # a party's act is not its state's
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
                targets: dict[str, _Target], starts: list[int], sides: dict[str, str] | None = None,
                floor: Floor | None = None) -> None:
        text = doc_text(doc)
        voiced: set[str] = set()
        peaceful: set[str] = set()
        for q in quotes:
            sent = _sent_of(starts, q.start)
            speakers = self._covering(by_mention, q.speaker_start, q.speaker_end)
            if q.speaker in targets:
                speakers.add(q.speaker)
            rebutted = _rebutted(text[q.end:q.end + 200].split("\n", 1)[0], self.lex.rebuttal)
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
            if floor is not None:   # how much each speaker and its side are quoted (see tone/floor.py)
                floor.quote(own & targets.keys(), q.end - q.start, sent, rebutted)
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

    def _opinion(self, doc: Doc, sents: list, quotes: Sequence[Quote]) -> bool:
        """Whether the piece argues: ARGUED of its author's own sentences do (most reports have too few candidate
        sentences to need the author's voice read at all)."""
        candidates = arguing(doc, sents, self.lex.argue_words, self.lex.duty)
        if len(candidates) < ARGUED:
            return False
        own = author_sentences(doc, sents, quotes, self.lex.say, self.lex.attribution)
        return sum(own[k] for k in candidates) >= ARGUED

    # --- the score -------------------------------------------------------------------------------------------

    @staticmethod
    def _tone(t: _Target, sents: list, standing: dict[str, float], opinion: bool = False,
              wire: bool = False, floor: frozenset[str] = frozenset()) -> Tone:
        facts = []
        for sig in _named_once(_facts(t.signals)):
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
            elif sig.hostile and sig.weight < 0:   # what others say or do to X is weaker than what X does, but
                factor = HELD if sig.by in floor else RECEIVED   # not what one the piece gives the floor says
                sig = _Signal(factor * sig.weight, sig.sent, sig.why, sig.fact, sig.by, True)
            facts.append(sig)
        score = _score(facts)
        if opinion:   # a piece that argues states verdicts: weaker evidence reaches a label
            score = math.tanh(VERDICT * math.atanh(max(-0.999, min(0.999, score))))
        elif wire:   # wire copy reports the parties' acts and claims: the same evidence is a weaker verdict
            score = math.tanh(WIRE * math.atanh(max(-0.999, min(0.999, score))))
        strongest = sorted((s for s in facts if s.weight), key=lambda s: -abs(s.weight))[:MAX_EVIDENCE]
        evidence = []
        by_sent: dict[int, list[str]] = defaultdict(list)
        for sig in strongest:
            by_sent[sig.sent].append(f"{sig.why} {sig.weight:+.2f}")
        for i, whys in by_sent.items():
            if 0 <= i < len(sents):   # not the headline's (see tone/headline.py)
                s = sents[i]
                evidence.append(ToneEvidence(s.start_char, s.end_char, doc_text(s.doc)[s.start_char:s.end_char],
                                             "; ".join(whys)))
        return Tone(target=t.key, name=t.name, kind=t.kind, score=round(score, 3), label=tone_label(score),
                    mentions=t.mentions, evidence=tuple(evidence))
