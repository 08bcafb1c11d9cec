"""The events stage: PLOVER events between resolved actors, each linked to its sentence.

`EventExtractor(nlp)` is built once per process (it loads the lexicon); calling it on a parsed Doc and the
actors stage's output returns frozen `Event` records. Only sentences with a resolved mention (an actor or a place)
or a phrase that stands for actors named before ("both sides", "the bloc", "it": see `anaphora.py`) are read.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.events.anaphora import add_anaphora
from newsgraph.events.clauses import (
    all_actors, clause_subjects, in_protest, named_object, official, passage, pressure, purpose, reciprocal,
    subject_actors_of, under_negotiation, undone, unnamed_crowd, unnamed_forces, unresolved_party,
)
from newsgraph.events.coding import code_event, event_date
from newsgraph.events.combine import (
    Found, answer_threats, else_threats, hosted, responded, shared_targets, threatened,
)
from newsgraph.events.concerns import about, concerned, concerns
from newsgraph.events.guards import (
    attempt, beside_border, naming_call, noun_modality, origin_word, standing_relation,
)
from newsgraph.events.readings import at_request, one_strike, protest_aims
from newsgraph.events.lexicon import DATA, JUDGEMENTS, Lexicon, Wrapper, load_lexicon
from newsgraph.events.modality import Modality, read_modality
from newsgraph.events.patterns import (
    OBJECTS, ActorIndex, actors_of, direct_objects, prep_objects, quoted_tokens, search_actors, subject_actors,
    subject_tokens,
)
from newsgraph.events.quoted import quoted_acts
from newsgraph.events.responses import Done
from newsgraph.events.places import place_sources, place_targets
from newsgraph.events.roles import MATERIAL_CONFLICT, noun_roles, verb_roles
from newsgraph.events.said import condition_subjects, prescribed, violators, wrapper_roles
from newsgraph.events.triggers import Trigger, find_triggers, judged_objects, predicates, wrapper_of
from newsgraph.model import Actors, Event, Evidence, Mention

# Types that happen in a place and whose target may be that place's state ("lifted a curfew in X").
PLACE_TYPES = frozenset({"CONCEDE", "PROTEST", "COERCE", "MOBILIZE", "ASSAULT", "RETREAT", "AID"})
# Types where coordinated sources act with each other ("X and Y held talks"). Not REJECT: "X and Y voted against"
# refuse something together, not each other.
SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE", "ASSAULT"})
# Reported intent ("said it will release ...") is a promise or a threat for material acts and meetings only.
INTENT_TYPES = frozenset({"CONSULT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}) | MATERIAL_CONFLICT
# Announcing a sanction is imposing it (PLOVER): "announced it will expel ..." is a SANCTION, not a threat, unless
# a condition makes it one.
ANNOUNCING = frozenset({"announce", "declare", "decide", "confirm", "unveil", "order"})
# Wrappers in reported speech: what was said is a promise or a threat ("announced it was prepared to attack").
SPOKEN_INTENT = {"AGREE": "AGREE", "THREATEN": "THREATEN", "MOBILIZE": "THREATEN"}
PRIVATE = frozenset({"BUS"})
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
# What a word of blame says was harmed ("an attack on X's sovereignty", "a threat to X"), not who did it ("an act of
# X's aggression").
HARMED = frozenset({"on", "against", "to", "upon", "toward", "towards"})
# Giving way: to whom is said by who pressed for it ("under pressure from X").
YIELDING = frozenset({"CONCEDE", "RETREAT"})


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
        triggers = [t for t in find_triggers(sent, lex, index, quoted) if not undone(t, lex)
                    and not standing_relation(t, lex) and not attempt(t, lex) and not naming_call(t, index, lex)]
        wrapped = {t.token.i: w for t in triggers if (w := wrapper_of(t, lex)) is not None}
        heads = {head.i for head, _ in wrapped.values()}
        found = [self._read(t, wrapped.get(t.token.i), index) for t in triggers if t.token.i not in heads]
        found += else_threats(sent, found) + answer_threats(found, index, lex)
        accepted = self._acceptances(found)
        if accepted:   # "met X's demands" is not a meeting
            verbs = {f.token.i for f in accepted}
            found = [f for f in found if f.token.i not in verbs] + accepted
        found += self._prescriptions(sent, index, {f.token.i for f in found} | heads, quoted)
        found += self._concerns(sent, index, {f.token.i for f in found} | heads | quoted)
        found += [Found(a.token, a.type, a.mode, a.sources, a.targets, a.rule, Modality(speech=a.speech))
                  for a in quoted_acts(sent, index, quoted, lex)]
        found = responded(threatened(shared_targets(sorted(found, key=lambda f: f.token.i))), n, done, lex, index)
        found = [hosted(f, index, lex, n, done) for f in one_strike(protest_aims(at_request(found, index)))]
        date = event_date(sent.text, published)
        return [ev for item in found for ev in self._events(item, sent, index, date)]

    def _read(self, trigger: Trigger, wrap: tuple[Token, Wrapper] | None, index: ActorIndex) -> Found:
        """One trigger's type, modality and parties: from the parse (and a wrapper's), then from its type."""
        lex = self.lex
        entry = trigger.entry
        if entry.pos == "verb":
            sources, targets, rule = verb_roles(trigger, index, lex)
        else:
            sources, targets, rule = noun_roles(trigger, index, lex)
        token = trigger.token
        if "blame" in entry.flags and targets:
            # "described the incursion as an attack on Y's sovereignty": Y is who the act harms, not who is blamed
            called = {t.i for p in predicates(token) for c in (p, *p.conjuncts) for a in c.subtree
                      if a.dep_ == "prep" and a.lower_ in HARMED for t in a.subtree}
            targets = [m for m in targets if m.tok_start not in called]
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
            if not targets and entry.type in OUTWARD:
                # "ready to send engineers to help rebuild the bridges ... in X": aid or forces readied for abroad
                own = {s.code for s in sources}
                targets = [m for t in trigger.clause.subtree if (m := index.places.get(t.i)) is not None
                           and m.code not in own and not passage(t)][:1]
        else:
            modality = read_modality(trigger.clause, lex)
            type_, mode = entry.type, entry.mode
            if "menace" in entry.flags:
                if modality.speech is None:
                    return Found(token, type_, mode, [], [], rule, modality)
                sources = [m for s in subject_tokens(modality.speech) for m in actors_of(s, index)
                           if m.code not in {t.code for t in targets}]
                modality, rule = replace(modality, modality="asserted"), rule + "+menace"
            if trigger.clause.i != trigger.phrase.i and lex.lemma(trigger.clause) in lex.addressee_verbs:
                # "did not meet X's demands", "could accept X's offer": the demand, the offer were made
                modality = replace(modality, modality="asserted", negated=False)
            if type_ == "CONCEDE" and purpose(trigger.clause) and modality.modality == "asserted":
                modality = replace(modality, modality="hypothetical")   # "resigned to allow elections": an aim
            if type_ == "COERCE" and entry.pos == "verb" and in_protest(trigger.clause, lex):
                type_, mode, rule = "PROTEST", None, rule + "+in-protest"   # "blockaded a crossing in protest"
            if type_ == "AGREE" and under_negotiation(trigger.phrase, lex):
                modality = replace(modality, modality="hypothetical")   # "talks on a new accord": not reached yet
            if type_ == "PROTEST" and entry.pos == "verb" and official(trigger.clause, index):
                type_, mode, rule = "ACCUSE", "criticize", rule + "+official"   # a ministry protests in words
            if modality.negated and entry.name in lex.threat_if_negated:   # "would not rule out force against X"
                type_, mode, modality, rule = "THREATEN", None, replace(modality, negated=False), rule + "+not"
            if modality.modality == "future" and modality.speech is not None and type_ in INTENT_TYPES:
                # "X said Y would be crushed", "X said the army would crush any attempt at Y's independence"
                speech, harm = modality.speech, type_ in HARMS and entry.pos == "verb" and (
                    rule == "passive" or unnamed_forces(trigger.token, index, lex))
                type_, mode, modality, rule = self._intent(trigger, type_, mode, modality, rule, bool(targets))
                if type_ == "THREATEN" and harm and not sources and targets:
                    # "X said Y would be crushed if ...": a harm with no doer named is the speaker's threat
                    aimed = {t.code for t in targets}
                    sources = [m for m in subject_actors_of(speech, index) if m.code not in aimed]
        modality = noun_modality(trigger, modality, lex)
        return self._typed_roles(trigger, Found(token, type_, mode, sources, targets, rule, modality), index)

    def _typed_roles(self, trigger: Trigger, found: Found, index: ActorIndex) -> Found:
        """Parties the parse left open, from what the type implies: a threat's condition, a protest's place ..."""
        lex = self.lex
        token, type_, sources, targets, rule, modality = (found.token, found.type, found.sources, found.targets,
                                                          found.rule, found.modality)
        if type_ == "THREATEN" and not named_object(token, targets):
            # "warned that it would act if X ..." is aimed at X; "warned Y that ... if X ..." at Y, the one warned
            own = frozenset(s.code for s in sources)
            targets = condition_subjects(token, index, own) or condition_subjects(trigger.clause, index, own) or targets
        if not sources and type_ == "PROTEST":
            sources = place_sources(trigger.clause, index)
        if not sources and targets and type_ == "PROTEST" and unnamed_crowd(trigger.clause, index):
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
        if not sources and type_ == "PROTEST" and unnamed_crowd(trigger.clause, index) and any(
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
                       and m.code not in codes and not passage(t)][:1]
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
            targets = [m for m in all_actors(pressure(trigger.clause), index) if m.code not in own]
            rule += "+pressure" if targets else ""
        if not targets and type_ in ("MOBILIZE", "RETREAT"):
            # "put its forces on alert as X's warships approached", "walked out as X's envoy began to speak": the
            # move answers X
            own = {s.code for s in sources}
            targets = [m for m in clause_subjects(trigger.clause, index) if m.code not in own]
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
                and not unresolved_party(trigger, token, index, lex)
                and (type_ != "ASSAULT" or reciprocal(trigger, lex))):
            targets = list(sources)   # "Israel and Jordan signed an accord": each with the other
            # two parts of one state (a government and its rebels) agree with each other too
            sources = [s for s in sources if len({(s.code, s.sector) for s in sources}) > 1]
            rule += "+mutual"
        if not targets and type_ == "PROTEST" and (trigger.entry.pos == "verb" or trigger.clause.i != trigger.phrase.i):
            targets = list(sources)   # a domestic protest is aimed at its own government
            rule += "+own"   # ... each source's own: "X and Y protesters rallied" protest neither at the other
        return replace(found, sources=sources, targets=targets, rule=rule)

    def _prescriptions(self, sent: Span, index: ActorIndex, used: set[int], quoted: frozenset[int]) -> list[Found]:
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
                found.append(Found(token, "REQUEST", roles[2], roles[0], roles[1], "said-must", modality))
            charge = violators(token, index, lex)
            if charge is not None and charge[0]:
                found.append(Found(token, "ACCUSE", "criticize", charge[0], charge[1], "said-violates",
                                    read_modality(token, lex)))
        return found

    def _concerns(self, sent: Span, index: ActorIndex, used: set[int]) -> list[Found]:
        """ "X was concerned by Y's drills", "X voiced concern over Y's arrests": an ACCUSE (events/concerns.py)."""
        found = []
        for token in concerns(sent, self.lex, used):
            sources = concerned(token, index)
            if sources:
                targets = about(token, index, {s.code for s in sources})
                found.append(Found(token, "ACCUSE", "criticize", sources, targets, "concern",
                                    read_modality(token, self.lex)))
        return found

    def _acceptances(self, found: list[Found]) -> list[Found]:
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
            out.append(Found(verb, type_, None, item.targets, item.sources, "accepted-request", modality))
        return out

    def _intent(self, trigger: Trigger, type_: str, mode: str | None, modality: Modality, rule: str,
                aimed: bool = False):
        """ "X said it will release ..." is a promise (AGREE); "... would boycott" or "... unless ..." a threat."""
        lex = self.lex
        conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if")
                                                    for m in c.children) for c in trigger.clause.children)
        if type_ == "SANCTION" and not conditional and lex.lemma(modality.speech) in ANNOUNCING:
            return type_, mode, replace(modality, modality="asserted"), rule + "+announced"
        new_type = "AGREE" if lex.is_coop(type_) and not conditional else "THREATEN"
        if new_type == "AGREE" and modality.negated and aimed:
            # "said it would not normalise relations with X": a refusal made to X, not a promise denied
            return "REJECT", None, replace(modality, modality="asserted", negated=False), rule + "+intent+not"
        return new_type, None, replace(modality, modality="asserted"), rule + "+intent"

    def _events(self, item: Found, sent: Span, index: ActorIndex, date: str | None) -> list[Event]:
        quad, cameo, intensity = code_event(self.lex, item.type, item.mode)
        reporter = _reporter(item.modality, index)
        out = []
        for source in item.sources:
            for target in item.targets:
                if source.code == target.code and not _self_event(source, target, item.type, sent.doc):
                    continue
                if source.code != target.code and "own" in item.rule.split("+"):
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
