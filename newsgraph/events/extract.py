"""The events stage: PLOVER events between resolved actors, each linked to its sentence.

`EventExtractor(nlp)` is built once per process (it loads the lexicon); calling it on a parsed Doc and the
actors stage's output returns frozen `Event` records. Only sentences with a resolved mention (an actor or a place)
or a phrase that stands for actors named before ("both sides", "the bloc", "it": see `anaphora.py`) are read.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.events.anaphora import add_anaphora
from newsgraph.events.coding import code_event, event_date
from newsgraph.events.concerns import about, concerned, concerns
from newsgraph.events.hosts import hosted_parties
from newsgraph.events.guards import (
    attempt, beside_border, naming_call, noun_modality, origin_word, partitive, standing_relation,
)
from newsgraph.events.readings import anchor as _anchor, one_strike, protest_aims
from newsgraph.events.lexicon import DATA, JUDGEMENTS, Lexicon, Wrapper, load_lexicon
from newsgraph.events.modality import Modality, read_modality
from newsgraph.events.patterns import (
    OBJECTS, ActorIndex, actors_of, direct_objects, path_up, prep_objects, quoted_tokens, search_actors, subject_actors, subject_tokens,
)
from newsgraph.events.quoted import quoted_acts
from newsgraph.events.responses import Done, answered
from newsgraph.events.roles import (
    MATERIAL_CONFLICT, condition_subjects, noun_roles, place_sources, place_targets, prescribed, speaker_for_pronoun,
    verb_roles, violators, wrapper_roles,
)
from newsgraph.events.triggers import Trigger, find_triggers, judged_objects, predicates, wrapper_of
from newsgraph.model import Actors, Event, Evidence, Mention

# Types that happen in a place and whose target may be that place's state ("lifted a curfew in X").
PLACE_TYPES = frozenset({"CONCEDE", "PROTEST", "COERCE", "MOBILIZE", "ASSAULT", "RETREAT", "AID"})
# Types where coordinated sources act with each other ("X and Y held talks"). Not REJECT: "X and Y voted against"
# refuse something together, not each other.
SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE", "ASSAULT"})
# Whom a meeting or an agreement is with, when a verb or noun names it ("consult partners", "talks with allies");
# not "between", which names the co-subjects themselves ("a treaty between the two countries").
WITH_PREPS = ("with", "to", "against")
# Named entities that stand for parties even when no actor is resolved over them (not ORG: "convene the Joint
# Rivers Commission" names what is convened).
PARTY_LABELS = frozenset({"GPE", "NORP", "PERSON"})
# Reported intent ("said it will release ...") is a promise or a threat for material acts and meetings only.
INTENT_TYPES = frozenset({"CONSULT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}) | MATERIAL_CONFLICT
# Announcing a sanction is imposing it (PLOVER): "announced it will expel ..." is a SANCTION, not a threat, unless
# a condition makes it one.
ANNOUNCING = frozenset({"announce", "declare", "decide", "confirm", "unveil", "order"})
# Wrappers in reported speech: what was said is a promise or a threat ("announced it was prepared to attack").
SPOKEN_INTENT = {"AGREE": "AGREE", "THREATEN": "THREATEN", "MOBILIZE": "THREATEN"}
PRIVATE = frozenset({"BUS"})
# Prepositions of what talks are about ("talks on a deal", "negotiations over a truce").
TOPICS = frozenset({"on", "over", "about", "toward", "towards", "for"})
# Clauses that give a reason or the moment: "as X's warships approached", "after X's drones crossed".
CAUSES = frozenset({"as", "after", "when", "since", "because", "once"})
# Verbal acts addressed to someone: one that names no one is addressed to whom a coordinated act of its source was.
ADDRESSED = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT"})
TOLD = frozenset({"on", "upon", "to", "with"})
# Pronoun mentions that point back at the source ("strengthened its forces") are not a self-event.
BACK_REFERENCES = frozenset({"pronoun", "possessive", "reflexive"})
# Deciding a sanction is imposing it (PLOVER), as announcing one is: "the ministers agreed to suspend X's visas".
DECIDING = frozenset({"agree", "decide"})
# ... and so is deciding a condemnation or a refusal: what was decided is done to the other.
DECIDED = frozenset({"SANCTION", "ACCUSE", "REJECT"})
# Harms whose victim a speaker names with no doer ("said X would be crushed"): the speaker's threat.
HARMS = frozenset({"COERCE", "ASSAULT"})
# Acts aimed at another by definition: a state's forces moved, or aid given, within its own borders are no event.
OUTWARD = frozenset({"MOBILIZE", "AID"})
# Giving way: to whom is said by who pressed for it ("under pressure from X").
YIELDING = frozenset({"CONCEDE", "RETREAT"})
PRESSED = frozenset({"under", "after", "following", "amid"})
# Steps a promised response answers ("would answer any attack from X"), and the verbs of answering.
ANSWERABLE = frozenset({"ASSAULT", "MOBILIZE", "COERCE"})
RESPONSES = frozenset({"answer", "respond", "retaliate", "react", "meet", "punish"})


@dataclass(frozen=True, slots=True)
class _Found:
    """One reading of a trigger before the events are paired and merged."""

    token: Token
    type: str
    mode: str | None
    sources: list[Mention]
    targets: list[Mention]
    rule: str
    modality: Modality


class EventExtractor:
    """Extract PLOVER events from a Doc whose actors are resolved.

    Args:
        nlp: the loaded pipeline (kept for its vocab; the extractor never re-parses).
        lexicon: path of the event lexicon (defaults to the packaged `data/events.yaml`).
    """

    def __init__(self, nlp: Language, *, lexicon: str | Path = DATA) -> None:
        self.nlp = nlp
        self.lex: Lexicon = load_lexicon(lexicon)

    def __call__(self, doc: Doc, actors: Actors, *, published: str | None = None) -> tuple[Event, ...]:
        index = ActorIndex(actors.mentions)
        if not index.acting and not index.places:
            return ()
        active = {m.sent for m in actors.mentions if m.code}
        active |= add_anaphora(doc, index, actors.mentions, self.lex)
        quoted = quoted_tokens(doc)
        events: list[Event] = []
        done: list[Done] = []   # what responses later in the article may refer back to
        for n, sent in enumerate(doc.sents):
            if n in active:
                events += self._sentence(sent, index, quoted, published, n, done)
        return _merge(events)

    def _sentence(self, sent: Span, index: ActorIndex, quoted: frozenset[int],
                  published: str | None, n: int, done: list[Done]) -> list[Event]:
        lex = self.lex
        triggers = [t for t in find_triggers(sent, lex, index, quoted) if not _undone(t, lex)
                    and not standing_relation(t, lex) and not attempt(t, lex) and not naming_call(t, index, lex)]
        wrapped = {t.token.i: w for t in triggers if (w := wrapper_of(t, lex)) is not None}
        heads = {head.i for head, _ in wrapped.values()}
        found = [self._read(t, wrapped.get(t.token.i), index) for t in triggers if t.token.i not in heads]
        found += _else_threats(sent, found) + _answer_threats(found, index, lex)
        accepted = self._acceptances(found)
        if accepted:   # "met X's demands" is not a meeting
            verbs = {f.token.i for f in accepted}
            found = [f for f in found if f.token.i not in verbs] + accepted
        found += self._prescriptions(sent, index, {f.token.i for f in found} | heads, quoted)
        found += self._concerns(sent, index, {f.token.i for f in found} | heads | quoted)
        found += [_Found(a.token, a.type, a.mode, a.sources, a.targets, a.rule, Modality(speech=a.speech))
                  for a in quoted_acts(sent, index, quoted, lex)]
        found = _responses(_threatened(_shared_targets(sorted(found, key=lambda f: f.token.i))), n, done, lex, index)
        found = [_hosted(f, index, lex, n, done) for f in one_strike(protest_aims(found))]
        date = event_date(sent.text, published)
        return [ev for item in found for ev in self._events(item, sent, index, date)]

    def _read(self, trigger: Trigger, wrap: tuple[Token, Wrapper] | None, index: ActorIndex) -> _Found:
        """One trigger's type, modality and parties: from the parse (and a wrapper's), then from its type."""
        lex = self.lex
        entry = trigger.entry
        if entry.pos == "verb":
            sources, targets, rule = verb_roles(trigger, index, lex)
        else:
            sources, targets, rule = noun_roles(trigger, index, lex)
        token = trigger.token
        if entry.flags & JUDGEMENTS and not targets:
            # "called Y's decision reckless": the author of what is judged (not what "as" names)
            own = {s.code for s in sources}
            skip = frozenset(t.i for p in predicates(token) if p.dep_ == "pobj" for t in p.head.subtree)
            targets = [m for o in judged_objects(token) for m in search_actors(o, index, skip=skip)
                       if m.code not in own]
        if "menace" in entry.flags:
            # "vowed that X would pay a heavy price": X is the one threatened, the one who says it threatens
            sources, targets = [], subject_actors_of(trigger.clause, index)
        if wrap is not None:
            token, wrapper = wrap
            sources = wrapper_roles(token, index, lex) or sources
            modality = read_modality(token, lex, wrapped=True)
            type_, mode, rule = wrapper.type, None, f"{rule}+{token.lemma_}"
            if type_ == "AGREE" and entry.type in DECIDED and lex.lemma(token) in DECIDING:
                # "agreed to condemn X" condemns X (an accord among the deciders, not with X)
                type_, mode = entry.type, entry.mode   # "agreed to suspend visa-free travel for X": decided, imposed
            if modality.speech is not None and type_ in SPOKEN_INTENT:
                type_ = SPOKEN_INTENT[type_]
                if modality.modality == "future":   # "said it would be ready to host talks": a promise made
                    modality = replace(modality, modality="asserted")
            if type_ == "AGREE" and read_modality(trigger.clause, lex).negated:
                type_ = "REJECT"   # "vowed not to return the territory" is a refusal
            if type_ == "REJECT" and entry.name in lex.threat_if_negated:
                type_, rule = "THREATEN", rule + "+not"   # "refused to rule out force": an option kept, a threat
            if not targets and token.pos_ == "VERB":
                # "warned X that any strike would be met with ...": the one told
                own = {s.code for s in sources}
                targets = [m for o in direct_objects(token) for m in actors_of(o, index) if m.code not in own]
            if not targets and token.pos_ == "VERB":
                # "promised to deploy jets to support X's troops": X, wherever the clause names it (not in
                # "a plan backed by X", a relative clause or an agent)
                own = {s.code for s in sources}
                skip = frozenset(t.i for c in trigger.clause.subtree if c.dep_ in ("acl", "relcl", "agent")
                                 or (c.dep_ == "advcl" and c.tag_ == "VBG") for t in c.subtree)
                targets = [m for m in search_actors(trigger.clause, index, skip=skip) if m.code not in own]
            if not targets and entry.type in PLACE_TYPES:   # "ready to contribute troops to a force in X"
                targets = [m for m in place_targets(trigger.clause, index) if m.code not in {s.code for s in sources}]
        else:
            modality = read_modality(trigger.clause, lex)
            type_, mode = entry.type, entry.mode
            if "menace" in entry.flags:
                if modality.speech is None:
                    return _Found(token, type_, mode, [], [], rule, modality)
                sources = [m for s in subject_tokens(modality.speech) for m in actors_of(s, index)
                           if m.code not in {t.code for t in targets}]
                modality, rule = replace(modality, modality="asserted"), rule + "+menace"
            if trigger.clause.i != trigger.phrase.i and lex.lemma(trigger.clause) in lex.addressee_verbs:
                # "did not meet X's demands", "could accept X's offer": the demand, the offer were made
                modality = replace(modality, modality="asserted", negated=False)
            if type_ == "CONCEDE" and _purpose(trigger.clause) and modality.modality == "asserted":
                modality = replace(modality, modality="hypothetical")   # "resigned to allow elections": an aim
            if type_ == "COERCE" and entry.pos == "verb" and _in_protest(trigger.clause, lex):
                type_, mode, rule = "PROTEST", None, rule + "+in-protest"   # "blockaded a crossing in protest"
            if type_ == "AGREE" and _under_negotiation(trigger.phrase, lex):
                modality = replace(modality, modality="hypothetical")   # "talks on a new accord": not reached yet
            if type_ == "PROTEST" and entry.pos == "verb" and _official(trigger.clause, index):
                type_, mode, rule = "ACCUSE", "criticize", rule + "+official"   # a ministry protests in words
            if modality.negated and entry.name in lex.threat_if_negated:   # "would not rule out force against X"
                type_, mode, modality, rule = "THREATEN", None, replace(modality, negated=False), rule + "+not"
            if modality.modality == "future" and modality.speech is not None and type_ in INTENT_TYPES:
                # "X said Y would be crushed", "X said the army would crush any attempt at Y's independence"
                speech, harm = modality.speech, type_ in HARMS and entry.pos == "verb" and (
                    rule == "passive" or _unnamed_forces(trigger.token, index, lex))
                type_, mode, modality, rule = self._intent(trigger, type_, mode, modality, rule)
                if type_ == "THREATEN" and harm and not sources and targets:
                    # "X said Y would be crushed if ...": a harm with no doer named is the speaker's threat
                    aimed = {t.code for t in targets}
                    sources = [m for m in subject_actors_of(speech, index) if m.code not in aimed]
        modality = noun_modality(trigger, modality, lex)
        return self._typed_roles(trigger, _Found(token, type_, mode, sources, targets, rule, modality), index)

    def _typed_roles(self, trigger: Trigger, found: _Found, index: ActorIndex) -> _Found:
        """Parties the parse left open, from what the type implies: a threat's condition, a protest's place ..."""
        lex = self.lex
        token, type_, sources, targets, rule, modality = (found.token, found.type, found.sources, found.targets,
                                                          found.rule, found.modality)
        if type_ == "THREATEN" and not (found.rule.startswith("active") and _named_object(token, targets)):
            # "warned that it would act if X ..." is aimed at X; "warned Y that ... if X ..." at Y, the one warned
            own = frozenset(s.code for s in sources)
            targets = condition_subjects(token, index, own) or condition_subjects(trigger.clause, index, own) or targets
        if not sources and type_ == "PROTEST":
            sources = place_sources(trigger.clause, index)
        if not sources and targets and type_ == "PROTEST" and _unnamed_crowd(trigger.clause, index):
            # "protesters rallied outside the French embassy in X": a crowd aimed at a foreign target is of the
            # place it gathers in
            aimed = {t.code for t in targets}
            sources = [m for m in place_targets(trigger.clause, index, ("outside",))
                       if m.place and m.code not in aimed][:1]
        if not targets and type_ in PLACE_TYPES:
            # where one withdraws from is a place too ("pulled out of the camp in X", "withdrew from X")
            extra = ("from", "of") if type_ == "RETREAT" else ()
            targets = place_targets(trigger.clause, index, extra)
            if trigger.phrase.i != trigger.clause.i:
                # "In X, the ministry condemned the strikes inside Y": a place set before the verb is where the
                # verb happened, not the event its object names
                targets = [m for m in targets if m.tok_start > trigger.clause.i]
            if type_ == "RETREAT":   # not the movers themselves ("the exit of X and Y from ...")
                targets = [m for m in targets if m.code not in {s.code for s in sources}]
            rule += "+place"
        where = {m.code for m in targets if m.place}
        if not sources and type_ == "PROTEST" and _unnamed_crowd(trigger.clause, index) and any(
                not m.place and m.code not in where for m in targets):
            # "staged a sit-in in front of the French embassy in X": X is where the crowd is, not whom it faces
            sources = [m for m in targets if m.place][:1]
            targets = [m for m in targets if not m.place and m.code not in where]
        if not targets and type_ in MATERIAL_CONFLICT:
            # "mobilized reservists for a war against X"; never the source itself
            codes = {s.code for s in sources}
            own = frozenset(i for s in sources for i in range(s.tok_start, s.tok_end))   # "by the Thai army"
            # not in a participle clause of its own ("took the base, marking the departure of X's troops")
            aside = frozenset(t.i for c in trigger.clause.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                              for t in c.subtree)
            targets = [m for m in search_actors(trigger.clause, index, skip=own | aside) if m.code not in codes]
            rule += "+search"
        if not targets and type_ in OUTWARD and sources:
            # "warships were deployed around Taiwan", "called up reservists ahead of an operation in Lebanon",
            # "ready to send engineers to help rebuild bridges in Laos": a force posture or aid is aimed at the
            # foreign place it moves to or readies for
            codes = {s.code for s in sources}
            targets = [m for t in trigger.clause.subtree if (m := index.places.get(t.i)) is not None
                       and m.code not in codes and not _passage(t)][:1]
            rule += "+abroad" if targets else ""
        if not targets and type_ == "CONSULT" and found.mode == "visit":
            # "paid a visit to X", "arrived in X on a state visit": the host is the state visited
            own = {s.code for s in sources}
            noun = trigger.phrase
            heads = [trigger.clause] + ([noun.head.head] if noun.dep_ == "pobj" else [])
            targets = [m for h in heads for m in place_targets(h, index) if m.code not in own][:1]
            rule += "+host" if targets else ""
        if not targets and type_ in YIELDING:
            # "under pressure from X, Y backed down": Y gave way to X
            own = {s.code for s in sources}
            targets = [m for m in _all_actors(_pressure(trigger.clause), index) if m.code not in own]
            rule += "+pressure" if targets else ""
        if not targets and type_ in ("MOBILIZE", "RETREAT"):
            # "put its forces on alert as X's warships approached", "walked out as X's envoy began to speak": the
            # move answers X
            own = {s.code for s in sources}
            targets = [m for m in _clause_subjects(trigger.clause, index) if m.code not in own]
        if not targets and sources and type_ == "REJECT":
            # "X thwarted the move", "with X refusing to interfere": what was rejected came from
            # the actor the sentence is about
            targets = subject_actors(trigger.token.sent, index, {s.code for s in sources if s.code})
            rule += "+sentence"
        promise = type_ == "SUPPORT" or lex.lemma(trigger.token) in lex.one_sided
        named = trigger.entry.pos == "noun" and prep_objects(trigger.phrase, ["for"])
        if not targets and promise and modality.speech is not None and not named:   # not "X's support for terror"
            # "He said both had pledged their support": promised to the one who reports it
            own = {s.code for s in sources}
            targets = [m for s in subject_tokens(modality.speech) for m in actors_of(s, index) if m.code not in own]
            rule += "+speaker"
        if (not targets and len(sources) > 1 and type_ in SYMMETRIC
                and not {lex.lemma(trigger.token), lex.lemma(token)} & lex.one_sided
                and not _unresolved_party(trigger, token, index, lex)
                and (type_ != "ASSAULT" or _reciprocal(trigger, lex))):
            targets = list(sources)   # "Israel and Jordan signed an accord": each with the other
            # two parts of one state (a government and its rebels) agree with each other too
            sources = [s for s in sources if len({(s.code, s.sector) for s in sources}) > 1]
            rule += "+mutual"
        if not targets and type_ == "PROTEST" and (trigger.entry.pos == "verb" or trigger.clause.i != trigger.phrase.i):
            targets = list(sources)   # a domestic protest is aimed at its own government
        return replace(found, sources=sources, targets=targets, rule=rule)

    def _prescriptions(self, sent: Span, index: ActorIndex, used: set[int], quoted: frozenset[int]) -> list[_Found]:
        """Verbs of saying whose that-clause prescribes ("X reiterated that Y must hand over ...") or charges a
        violation ("X said Y's move breaches the accord")."""
        lex = self.lex
        found = []
        for token in sent:
            if token.i in used or token.i in quoted or token.pos_ != "VERB" or lex.lemma(token) not in lex.speech_verbs:
                continue
            roles = prescribed(token, index, lex)
            if roles is not None and roles[0]:
                modality = read_modality(token, lex)
                found.append(_Found(token, "REQUEST", roles[2], roles[0], roles[1], "said-must", modality))
            charge = violators(token, index, lex)
            if charge is not None and charge[0]:
                found.append(_Found(token, "ACCUSE", "criticize", charge[0], charge[1], "said-violates",
                                    read_modality(token, lex)))
        return found

    def _concerns(self, sent: Span, index: ActorIndex, used: set[int]) -> list[_Found]:
        """ "X was concerned by Y's drills", "X voiced concern over Y's arrests": an ACCUSE (events/concerns.py)."""
        found = []
        for token in concerns(sent, self.lex, used):
            sources = concerned(token, index)
            if sources:
                targets = about(token, index, {s.code for s in sources})
                found.append(_Found(token, "ACCUSE", "criticize", sources, targets, "concern",
                                    read_modality(token, self.lex)))
        return found

    def _acceptances(self, found: list[_Found]) -> list[_Found]:
        """ "Y accepted X's invitation" is an agreement, "Y met X's demands" a concession, "did not meet" a refusal."""
        out = []
        for item in found:
            noun = item.token
            verb = noun.head
            if item.type != "REQUEST" or noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in OBJECTS | {"nsubjpass"}:
                continue
            if self.lex.lemma(verb) not in self.lex.accepting_verbs or not item.sources or not item.targets:
                continue
            if verb.dep_ in ("xcomp", "acl", "ccomp", "pcomp") and self.lex.lemma(verb.head) in self.lex.wrappers:
                continue   # "reluctance to accept X's request" is the wrapper's event (a REJECT)
            modality = read_modality(verb, self.lex)
            type_ = "CONCEDE" if item.mode == "demand" else "AGREE"
            if modality.negated:
                type_, modality = "REJECT", replace(modality, negated=False)
            out.append(_Found(verb, type_, None, item.targets, item.sources, "accepted-request", modality))
        return out

    def _intent(self, trigger: Trigger, type_: str, mode: str | None, modality: Modality, rule: str):
        """ "X said it will release ..." is a promise (AGREE); "... would boycott" or "... unless ..." a threat."""
        lex = self.lex
        conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if")
                                                    for m in c.children) for c in trigger.clause.children)
        if type_ == "SANCTION" and not conditional and lex.lemma(modality.speech) in ANNOUNCING:
            return type_, mode, replace(modality, modality="asserted"), rule + "+announced"
        new_type = "AGREE" if lex.is_coop(type_) and not conditional else "THREATEN"
        return new_type, None, replace(modality, modality="asserted"), rule + "+intent"

    def _events(self, item: _Found, sent: Span, index: ActorIndex, date: str | None) -> list[Event]:
        quad, cameo, intensity = code_event(self.lex, item.type, item.mode)
        reporter = _reporter(item.modality, index)
        out = []
        for source in item.sources:
            for target in item.targets:
                if source.code == target.code and not _self_event(source, target, item.type, sent.doc):
                    continue
                if beside_border(target, sent.doc, item.type, self.lex):
                    continue
                token = item.token
                evidence = Evidence(
                    sentence=sent.text, start=sent.start_char, end=sent.end_char, trigger=token.text,
                    trigger_start=token.idx, trigger_end=token.idx + len(token.text),
                    source_start=source.start, source_end=source.end,
                    target_start=target.start, target_end=target.end, pattern=item.rule)
                out.append(Event(
                    source=source.code, target=target.code, type=item.type, trigger=token.text,
                    sentence=sent.text, mode=item.mode, negated=item.modality.negated,
                    modality=item.modality.modality, quad_class=quad, intensity=intensity, cameo=cameo,
                    date=date, source_sector=source.sector, target_sector=target.sector,
                    reported_by=reporter, evidence=(evidence,)))
        return out


def _unaddressed(item: _Found, verb: Token) -> bool:
    """A verbal act that leaves open whom it is for: not "urged investors to return" (someone else is told), not
    "rejected any agreement that ..." (a charge or refusal whose object names what it is about)."""
    if not item.sources or item.targets or item.type not in ADDRESSED:
        return False
    if any(c.dep_ in ("xcomp", "dative") or (c.dep_ == "prep" and c.lower_ in TOLD) for c in verb.children):
        return False
    return item.type not in ("ACCUSE", "REJECT") or not any(c.dep_ in OBJECTS for c in verb.children)


def _shared_targets(found: list[_Found]) -> list[_Found]:
    """ "X summoned Y's envoy and demanded an apology": a demand, charge, threat or refusal that names no one is
    addressed to whom an earlier coordinated act of the same source was (the party is named first: not "condemned
    the attack and urged X and Y to talk")."""
    out = []
    for item in found:
        verb = _anchor(item)
        manner = item.rule.startswith("noun-manner") and bool(item.sources) and not item.targets
        if manner or _unaddressed(item, verb):
            own = {s.code for s in item.sources}
            peers = {c.i for c in verb.conjuncts if c.i < verb.i}
            if manner:   # "flew to X, embracing Y, in a show of solidarity": with X, whom the clause is about
                peers = _clause_verbs(item.token)
            donors = [f for f in found if f is not item and f.targets and _anchor(f).i in peers
                      and {s.code for s in f.sources} == own and not f.modality.negated]
            targets = [t for t in donors[0].targets if t.code not in own] if donors else []
            if targets:
                item = replace(item, targets=targets, rule=item.rule + "+conjunct")
        out.append(item)
    return out


def _unresolved_party(trigger: Trigger, token: Token, index: ActorIndex, lex: Lexicon) -> bool:
    """The trigger names whom it is with, as parties no actor stands for ("would consult international partners",
    "held talks with its allies"): the co-subjects do not act with each other."""
    heads = {trigger.token, trigger.phrase, trigger.clause, token}
    objects = [o for h in heads for o in direct_objects(h) + prep_objects(h, WITH_PREPS) if o not in heads]
    return any(((o.pos_ == "NOUN" and (lex.lemma(o) in lex.group_nouns | lex.bloc_nouns or o.lower_ in lex.group_nouns))
                or o.ent_type_ in PARTY_LABELS) and not actors_of(o, index) for o in objects)


def _reciprocal(trigger: Trigger, lex: Lexicon) -> bool:
    """A fight the coordinated subjects have with each other ("clashed", "exchanged fire"), not one they wage together
    on a third party ("shot down drones"): a reciprocal word, with no object the entry does not name."""
    token = trigger.token
    if lex.lemma(token) not in lex.reciprocal and token.lower_ not in lex.reciprocal:
        return False
    return trigger.entry.pos == "noun" or bool(trigger.entry.objects) or not direct_objects(token)


def _threatened(found: list[_Found]) -> list[_Found]:
    """ "threatened to institute a curfew in X": a threat that names no one is aimed at whom the act it threatens
    is, a place's state included (a domestic threat, as PLOVER codes it)."""
    out = []
    for item in found:
        if item.type == "THREATEN" and item.sources and not item.targets:
            own = {s.code for s in item.sources}
            inside = {t.i for t in item.token.subtree} - {item.token.i}
            donors = [f for f in found if f is not item and f.targets and f.token.i in inside and f.type != "THREATEN"]
            targets = [t for t in donors[0].targets if t.place or t.code not in own] if donors else []
            if targets:
                item = replace(item, targets=targets, rule=item.rule + "+threatened")
        out.append(item)
    return out


def _passage(token: Token) -> bool:
    """A place gone through or left ("via Egypt", "from Djibouti"), not the one aimed at."""
    noun = token
    while noun.dep_ in ("compound", "amod", "nmod") and noun.head.i != noun.i:
        noun = noun.head   # "the Gaza Strip": from its first word to the phrase's head
    return noun.dep_ == "pobj" and noun.head.lower_ in ("via", "through", "from")


def _pressure(verb: Token) -> list[Token]:
    """Who pressed: "under pressure from X", "bowing to pressure from X", "after pressure by X"."""
    heads = [verb, *(h for h in (verb.head,) if verb.dep_ == "conj")]   # "..., Y backed down and halted ..."
    nouns = [p for h in heads for p in prep_objects(h, PRESSED) if p.lemma_ == "pressure"]
    nouns += [p for h in heads for c in h.children if c.dep_ == "advcl" and c.lemma_ in ("bow", "yield", "give")
              for p in prep_objects(c, ["to"]) if p.lemma_ == "pressure"]
    return [a for n in nouns for a in prep_objects(n, ["from", "by"])]


def _all_actors(tokens: list[Token], index: ActorIndex) -> list[Mention]:
    return [m for t in tokens for m in actors_of(t, index)]


def _clause_verbs(token: Token) -> set[int]:
    """The verbs above a token within its own clause (a reported clause is another's act)."""
    verbs = set()
    for tok in path_up(token):
        if tok.pos_ in ("VERB", "AUX"):
            verbs.add(tok.i)
        if tok.dep_ in ("ccomp", "relcl", "csubj"):
            break
    return verbs


def _condemned_place(item: _Found, index: ActorIndex) -> list[Mention]:
    """ "condemned the use of force against demonstrators in Georgia": a condemned act that names no author is laid
    at the door of the state where it happened."""
    if item.type not in ("ACCUSE", "REJECT") or item.token.pos_ != "VERB":
        return []
    own = {s.code for s in item.sources}
    # so is a refusal of what was to happen in a place ("turned down an invitation to the conference in X",
    # "denied that its troops had crossed into X")
    deps = OBJECTS | {"nsubjpass"} | ({"ccomp"} if item.type == "REJECT" else set())
    for obj in (c for c in item.token.children if c.dep_ in deps):
        for tok in obj.subtree:
            mention = index.places.get(tok.i)
            if mention is not None and mention.code not in own:
                return [mention]
    return []


def _responses(found: list[_Found], n: int, done: list[Done], lex: Lexicon,
               index: ActorIndex | None = None) -> list[_Found]:
    """Targets for refusals and condemnations that name no one ("denied the allegations"); records the rest."""
    for item in found:   # what the sentence itself names first: "X refused, despite appeals from Y"
        if item.targets and not item.modality.negated:
            done += [Done(n, item.type, s, t.code) for s in item.sources for t in item.targets if t.code]
    out = []
    for item in found:
        if not item.targets and item.sources and not item.modality.negated:
            targets = answered(item.type, item.token, item.sources, n, done, lex)
            if targets:
                item = replace(item, targets=targets, rule=item.rule + "+response")
                done += [Done(n, item.type, s, t.code) for s in item.sources for t in item.targets if t.code]
            elif index is not None and (where := _condemned_place(item, index)):
                item = replace(item, targets=where, rule=item.rule + "+where")
        out.append(item)
    return out


def _hosted(item: _Found, index: ActorIndex, lex: Lexicon, n: int, done: list[Done]) -> _Found:
    """ "talks hosted by X", "a deal brokered by X": the host met each party of the talks (events/hosts.py)."""
    if item.type != "CONSULT" or item.targets or not item.sources or item.modality.negated:
        return item
    parties = hosted_parties(item.token, item.sources, index, lex, n, done)
    if not parties:
        return item
    done += [Done(n, item.type, s, t.code) for s in item.sources for t in parties if t.code]
    return replace(item, targets=parties, rule=item.rule + "+hosted")


def _self_event(source: Mention, target: Mention, type_: str, doc: Doc) -> bool:
    """Source and target are the same state only when two distinct mentions say so."""
    if type_ == "PROTEST":
        return True   # a domestic protest is coded against its own state
    if source.start == target.start or target.how in BACK_REFERENCES or target.sector in PRIVATE:
        return False   # a government licensing its own companies is not an interaction
    if origin_word(target, doc):
        return False   # "waived a provision of U.S. law", "struck Iranian militants": the state's own word for a thing
    if type_ == "RETREAT" and (target.place or source.sector == target.sector or None in (source.sector, target.sector)):
        return False   # "returned to Tokyo", "left Kathmandu": going home is no withdrawal
    if type_ == "THREATEN" and target.place:
        return True   # "threatened to impose a curfew in X's capital"
    if type_ in OUTWARD:
        return False   # "reinforced its troops in the northern state of X": moved at home, aimed at no one
    # otherwise two parts of one state: the government and its opposition, rebels, courts ...
    return type_ in PLACE_TYPES or (source.sector != target.sector and None not in (source.sector, target.sector))


def _reporter(modality: Modality, index: ActorIndex) -> str | None:
    """Who reported the event ("..., officials said"), as an actor code or the speaker's words."""
    if modality.speech is None:
        return None
    subjects = subject_tokens(modality.speech)
    if not subjects:
        return None
    found = actors_of(subjects[0], index)
    return found[0].code if found else " ".join(t.text for t in subjects[0].subtree)[:80]


def _undone(trigger: Trigger, lex: Lexicon) -> bool:
    """ "lifted its ban on X", "sanctions were lifted": the object noun names what is undone, not an event now."""
    noun = trigger.phrase
    if trigger.entry.pos == "noun":
        noun = partitive(noun)   # "eased some of its sanctions"
    if trigger.entry.pos == "noun" and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i != noun.i:
        # "the easing of sanctions", "the lifting of the blockade": a noun of giving in undoes its of-phrase
        return _yielding(noun.head.head, lex)
    if trigger.entry.pos == "noun" and any(c.dep_ == "amod" and c.tag_ == "VBG" and lex.lemma(c) in lex.reversing
                                           for c in noun.children):
        return True   # "..., halting fuel shipments to X": the small model hangs the verb on its object
    if trigger.entry.pos == "noun" and noun.dep_ in OBJECTS and lex.lemma(noun.head) in lex.stative and (
            trigger.entry.type == "AGREE" or (trigger.entry.type == "COOPERATE" and noun.head.dep_ == "relcl")):
        return True   # "Tokyo has similar pacts with Z", "X, which has close ties with Y": a standing state
    verb = trigger.token
    if trigger.entry.pos == "verb" and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ in OBJECTS:
        noun = verb.head   # "ended the defence agreement signed with X": the signing is undone with it
        return noun.head.pos_ == "VERB" and lex.lemma(noun.head) in lex.reversing
    return (trigger.entry.pos == "noun" and noun.dep_ in OBJECTS | {"nsubjpass"} and noun.head.pos_ == "VERB"
            and lex.lemma(noun.head) in lex.reversing)


def _yielding(noun: Token, lex: Lexicon) -> bool:
    entries = lex.nouns.get(noun.lower_, []) + lex.nouns.get(lex.lemma(noun), [])   # "easing", not "ease"
    return noun.pos_ == "NOUN" and any(e.type == "CONCEDE" for e in entries)


def subject_actors_of(verb: Token, index: ActorIndex) -> list[Mention]:
    return [m for s in subject_tokens(verb) for m in actors_of(s, index)]


def _purpose(verb: Token) -> bool:
    """ "..., to allow elections to take place": an infinitive of purpose with no subject of its own."""
    return (verb.dep_ == "advcl" and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def _in_protest(verb: Token, lex: Lexicon) -> bool:
    """ "blocked the bridge in protest", "... in a counter-protest against X": the act is a protest."""
    return any(e.type == "PROTEST" for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
               for p in c.children if p.dep_ == "pobj" for e in lex.nouns.get(lex.lemma(p), ()))


def _under_negotiation(noun: Token, lex: Lexicon) -> bool:
    """An accord that talks are about ("talks on a trade deal", "negotiating over a truce"), not one reached."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in TOPICS or prep.head.i == prep.i:
        return False
    head = prep.head
    entries = lex.nouns.get(lex.lemma(head), []) + lex.nouns.get(head.lower_, []) + lex.verbs.get(lex.lemma(head), [])
    return any(e.type == "CONSULT" and e.mode == "meet" for e in entries)


def _official(verb: Token, index: ActorIndex) -> bool:
    """A government protesting in words ("Lithuania's foreign ministry protested"), not its people ("farmers from
    Poland", "Indonesian dockworkers"): the subject is itself a government mention."""
    subjects = subject_tokens(verb)
    found = [index.acting.get(s.i) for s in subjects]
    return bool(subjects) and all(m is not None and m.sector == "GOV" and "demonym" not in m.how for m in found)


def _unnamed_crowd(verb: Token, index: ActorIndex) -> bool:
    """The subject names people, not a state or group ("hundreds of protesters"), or there is none."""
    return not any(t.i in index.acting for s in subject_tokens(verb) for t in s.subtree)


def _clause_subjects(verb: Token, index: ActorIndex) -> list[Mention]:
    """Actors that are subjects of an adverbial clause of a verb ("..., as X's warships approached")."""
    return [m for c in verb.children if c.dep_ == "advcl" and c.tag_ in ("VBD", "VBZ", "VBP")
            and any(k.dep_ == "mark" and k.lower_ in CAUSES for k in c.children) for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for m in actors_of(s, index)]


def _named_object(verb: Token, targets: list[Mention]) -> bool:
    """The targets stand in the verb's object ("warned Helsinki that ...")."""
    spans = [(o.left_edge.i, o.right_edge.i) for o in verb.children if o.dep_ in OBJECTS]
    return any(lo <= t.tok_start <= hi for t in targets for lo, hi in spans)


def _unnamed_forces(verb: Token, index: ActorIndex, lex: Lexicon) -> bool:
    """The doer is forces no actor is resolved over ("the army", "the military"): the speaker's own."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(lex.lemma(s) in lex.forces and not actors_of(s, index) for s in subjects)


def _answer_threats(found: list[_Found], index: ActorIndex, lex: Lexicon) -> list[_Found]:
    """ "his forces would answer any attack from X with full force", "will respond to any incursion by X": a response
    promised to another's hostile step is a threat to whoever would take it (CAMEO 13)."""
    out = []
    for item in found:
        noun = item.token
        if item.type not in ANSWERABLE or noun.pos_ != "NOUN" or not item.sources:
            continue
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "to" else noun.head
        if noun.dep_ not in OBJECTS | {"pobj"} or verb.pos_ != "VERB" or verb.lemma_.lower() not in RESPONSES:
            continue
        children = [c.lower_ for c in verb.children]
        if not {"will", "would", "shall", "'ll"} & set(children) or {"not", "n't", "never"} & set(children):
            continue
        subjects = subject_tokens(verb)
        owned = bool(subjects) and subjects[0].head.i == verb.i
        sources = [m for t in subjects for m in actors_of(t, index)] or speaker_for_pronoun(subjects, verb, index,
                                                                                            owned=owned)
        attackers = {s.code for s in item.sources}
        sources = [s for s in sources if s.code not in attackers]
        if sources:
            modality = replace(read_modality(verb, lex), modality="asserted", negated=False)   # the promise is made
            out.append(_Found(verb, "THREATEN", None, sources, item.sources, "answer", modality))
    return out


def _else_threats(sent: Span, found: list[_Found]) -> list[_Found]:
    """ "Do this, or else we will ...", "... or face sanctions" turn a request into a threat as well."""
    marker = next((t for t in sent if t.lower_ in ("else", "otherwise")
                   or (t.lemma_ == "face" and t.i > sent.start and t.nbor(-1).lower_ == "or")), None)
    if marker is None:
        return []
    return [_Found(marker, "THREATEN", None, f.sources, f.targets, "or-else", f.modality)
            for f in found if f.type == "REQUEST" and f.token.i < marker.i]


def _merge(events: list[Event]) -> tuple[Event, ...]:
    """One Event per (source, target, type, negated, modality), with every sentence as evidence."""
    merged: dict[tuple, Event] = {}
    for event in events:
        key = (event.source, event.target, event.type, event.negated, event.modality)
        if key in merged:
            first = merged[key]
            if event.evidence[0] not in first.evidence:
                merged[key] = replace(first, evidence=first.evidence + event.evidence)
        else:
            merged[key] = event
    return tuple(merged.values())
