"""Source and target of a trigger: which actors do it, and to whom."""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events.lexicon import Lexicon
from newsgraph.events.patterns import (
    HOSTILE_PREPS, OBJECTS, OBJECT_PREPS, REL_PRONOUNS, TARGET_PREPS, ActorIndex, actors_in as _all, actors_of, complements, direct_objects, path_up, patient_tokens, prep_objects,
    search_actors, subject_tokens,
)
from newsgraph.events.places import named_places
from newsgraph.events.triggers import Trigger, predicates
from newsgraph.model import Mention

Actors = list[Mention]
MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
HOSTILE = MATERIAL_CONFLICT | {"ACCUSE", "THREATEN"}
# Meetings and accords named in an adjunct ("..., after talks with X") are held by the clause's subject.
ADJUNCT_TYPES = frozenset({"CONSULT", "AGREE"})
ADJUNCT_PREPS = frozenset({"after", "following", "during", "in"})
# Lengths of time a meeting is named by: "after an hour of talks", "during weeks of negotiations".
SPELLS = frozenset({"hour", "day", "week", "month", "year", "night", "round", "session", "minute"})
# ... and stances and protests taken in a manner phrase ("spoke up in defence of X", "blocked roads in protest at X",
# "flew to X in a show of solidarity"): only with "in", since "during a protest" is someone else's.
MANNER_TYPES = frozenset({"SUPPORT", "PROTEST"})
# Nouns through which such a phrase names the act: "in a show of solidarity", "as a gesture of support".
DISPLAYS = frozenset({"show", "gesture", "sign", "display", "expression", "token", "mark", "demonstration", "act",
                      "message", "statement"})
# "despite appeals from X", "after repeated calls from X": a request made to the one the clause is about.
ANSWERED = frozenset({"despite", "after", "following", "ignoring", "heeding"})
# Passives without an agent whose "from" phrase names the one who shut the target out.
BARRING = frozenset({"SANCTION", "COERCE"})


# Crowds protest outside the one they protest against ("marched outside the embassy").
PROTEST_PREPS = HOSTILE_PREPS | {"outside"}
# Prepositions of the means in an entry ("speak by", "speak over"): the target is elsewhere.
MEANS = frozenset({"by", "over"})
# Nouns of moving forces: "the withdrawal of X's troops", "the deployment of X's warships": X moves.
MOVERS = frozenset({"RETREAT", "MOBILIZE"})
# Handing over: the receiver is named by "to", wherever the parser hangs it.
TRANSFERS = frozenset({"COOPERATE", "AID"})
# Object pronouns a participle clause may leave to its main verb's object.
BACK_PRONOUNS = frozenset({"him", "her", "them"})
# Prepositions that make a mediation the frame of the clause's talks ("under Angolan mediation").
UNDER = frozenset({"under", "through", "via"})
# A state's edge, whose "with" phrase names the neighbour ("its border with X").
FRONTIERS = frozenset({"border", "frontier", "boundary"})
# Verbs whose passive names the one who acts in its "to" phrase ("was summoned to the ministry of Y").
SUMMONING = frozenset({"summon"})
# Heads of a partitive whose of-phrase names the forces ("thousands of troops").
PARTITIVES = frozenset({"thousand", "hundred", "dozen", "ten", "million", "battalion", "brigade", "unit", "company",
                        "contingent", "squadron", "group"})
# Passives that say where forces are, not that they moved.
STATIVE = frozenset({"station", "base", "garrison", "position", "keep", "locate"})
# Where one withdraws from is the target ("the withdrawal of its soldiers from X").
RETREAT_PREPS = TARGET_PREPS | {"from"}
# Verbs of arriving: "arrived in X for talks with Y" reports the talks as the subject's.
ARRIVALS = frozenset({"arrive", "travel", "fly", "come", "head", "land", "go"})
# Verbs whose "from" phrase names who voiced a noun event that is their subject ("criticism came from X").
COMING = frozenset({"come", "pour", "flow", "arrive"})
# The one whose draft, plan or claim is rejected, backed or condemned ("vetoed a resolution drafted by X").
AUTHORED = frozenset({"REJECT", "SUPPORT", "ACCUSE"})


def _target_preps(type_: str) -> frozenset[str]:
    if type_ == "PROTEST":
        return PROTEST_PREPS
    if type_ == "RETREAT":
        return RETREAT_PREPS
    return HOSTILE_PREPS if type_ in HOSTILE else TARGET_PREPS


def _authors(objects: list[Token], index: ActorIndex) -> Actors:
    """ "a resolution drafted by X", "the plan put forward by X", "the detention of its citizens by X": X, the
    author of the object."""
    agents = [p for o in objects for c in o.children if c.dep_ == "acl" and c.tag_ == "VBN"
              for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    agents += [p for o in objects if o.pos_ == "NOUN" for p in prep_objects(o, ["by"])]
    # "supported the steps X was taking", "rejected the proposal Y made": the subject of a relative clause
    agents += [s for o in objects if o.pos_ == "NOUN" for c in o.children if c.dep_ == "relcl"
               for s in c.children if s.dep_ == "nsubj" and s.lower_ not in REL_PRONOUNS]
    return _all(agents, index)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _reduced_passive(verb: Token, lex: Lexicon) -> Token | None:
    """ "Kenya accused of ..." in a headline: a transitive verb with a subject, no object and no auxiliary.

    Returns the object of the preposition that names the act ("threatened with X's intervention").
    """
    preps = lex.reduced_passive.get(lex.lemma(verb))
    if not preps or verb.tag_ not in ("VBN", "VBD") or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    if any(c.dep_ in ("aux", "auxpass", "dobj", "dative", "ccomp", "xcomp") for c in verb.children):
        return None
    return next((p for c in verb.children if c.dep_ == "prep" and c.lower_ in preps
                 for p in c.children if p.dep_ in ("pobj", "pcomp")), None)


def verb_roles(trigger: Trigger, index: ActorIndex, lex: Lexicon) -> tuple[Actors, Actors, str]:
    """Sources, targets and the name of the rule for a verb trigger."""
    verb, entry = trigger.token, trigger.entry
    act = _reduced_passive(verb, lex)
    if act is not None:
        agents = [p for t in verb.subtree if t.dep_ == "agent" for p in t.children if p.dep_ == "pobj"]
        sources = _all(agents, index)
        if not sources and act.dep_ == "pobj" and act.head.lower_ == "with":
            sources = _all([act], index)   # "threatened with X's intervention"
        return sources, _all(subject_tokens(verb), index), "reduced-passive"
    if _is_passive(verb):
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if not agents:   # "was threatened with a return of sanctions by X": the parser hangs the agent lower
            agents = [p for w in prep_objects(verb, ["with"]) for b in w.children if b.dep_ == "prep"
                      and b.lower_ == "by" for p in b.children if p.dep_ == "pobj"]
        sources = _all(agents, index)
        if not sources and entry.type in BARRING:
            # "X's vessels were barred from Y's ports", "X was suspended from the bloc": Y did it
            sources = _all(prep_objects(verb, ["from"]), index)
        if not sources and lex.lemma(verb) in SUMMONING:
            # "X's ambassador was summoned to the foreign ministry of Y": Y summoned
            sources = _all(prep_objects(verb, ["to"]), index)
        patients = patient_tokens(verb)
        if not sources and entry.type in MOVERS and _moved(verb, lex):
            # "X's forces were placed on alert", "X's heavy weapons were pulled back": who moves acts
            sources = _movers(patients, index)
            if sources:
                own = {s.code for s in sources}
                away = prep_objects(verb, _target_preps(entry.type))
                return sources, [m for m in _all(away, index) if m.code not in own], "passive-mover"
        between = _all([p for o in patients for p in prep_objects(o, ["between"])], index)
        if not sources and len(between) > 1:
            # "relations between X and Y were upgraded": the two did it with each other
            return between[:1], between[1:], "passive-between"
        targets = _all(patients, index)
        if not targets and entry.prep:
            targets = _all(prep_objects(verb, [entry.prep]), index)
        if not targets:   # "ties with X were broken off", "restrictions on imports of X's wine were lifted"
            targets = _all([p for o in patients for p in prep_objects(o, TARGET_PREPS | {"of"}) if p.dep_ == "pobj"],
                           index) or [m for o in patients for m in search_actors(o, index)][:2]
        return sources, targets, "passive"
    subjects = subject_tokens(verb)
    # the speaker owns only the verb's own subject ("said its air force had shot down"), not one reached by climbing
    owned = bool(subjects) and subjects[0].head.i == verb.i
    sources = _all(subjects, index) or speaker_for_pronoun(subjects, verb, index, owned=owned)
    if not sources and subjects and subjects[0].lower_ in ("it", "they") and subjects[0].head.i == verb.i and (
            verb.dep_ in ("conj", "parataxis")) and verb.head.i < verb.i:
        # "Bangkok accused X of ...; it downgraded relations": an unresolved subject pronoun of a coordinated clause
        # is the subject of the clause it is coordinated with (not "the decision ..., but it frees X")
        sources = [m for t in subject_tokens(verb.head) for m in actors_of(t, index)][:1]
    if not sources and verb.dep_ in ("xcomp", "advcl") and _sent_forces(verb.head, lex):
        # "sent F-16 jets to bomb X's targets": who sent the forces does what they were sent to do
        sources = _all(subject_tokens(verb.head), index)
    rule = "active"
    objects = direct_objects(verb)
    if entry.prep:
        # "extradited a member of the ring to X": the parser may hang the phrase off the object
        nested = [p for o in objects for t in o.subtree if t.dep_ == "prep" and t.lower_ == entry.prep
                  for p in t.children if p.dep_ == "pobj"]
        targets = _all(prep_objects(verb, [entry.prep]), index) or _all(nested, index) or _all(objects, index)
        if not targets and entry.prep in HOSTILE_PREPS - {"on", "upon", "for"}:
            # "lashed out at Manila", "complained to Beijing": a capital or state named as where the act is aimed
            targets = named_places(prep_objects(verb, [entry.prep]), index)
        if not targets and entry.type in AUTHORED | {"RETREAT"}:   # "pulled out of the deal brokered by X and Y"
            targets = _authors(prep_objects(verb, [entry.prep]), index)
        if not targets and entry.prep in MEANS:   # "spoke by telephone with X": the phrase of the means names no one
            means = prep_objects(verb, [entry.prep])
            targets = _all(prep_objects(verb, TARGET_PREPS) + [p for m in means for p in prep_objects(m, TARGET_PREPS)],
                           index)
        rule = "active-prep"
    else:
        targets = (_authors(objects, index) if entry.type in AUTHORED else []) or _all(objects, index)
        if entry.type in TRANSFERS and not _all(prep_objects(verb, ["to"]), index):
            # "extradited a member of a Russian spy ring to Poland": the parser hangs "to X" on the object; who
            # receives is X, not whose the thing handed over is
            nested = [p for o in objects for t in o.subtree if t.dep_ == "prep" and t.lower_ == "to"
                      for p in t.children if p.dep_ == "pobj"]
            targets = _all(nested, index) or targets
        if not targets and not (objects and entry.type == "REQUEST"):   # "invited X's envoys to Y": Y is a venue
            pobjs = prep_objects(verb, _target_preps(entry.type))
            targets = (_authors(pobjs, index) if entry.type in AUTHORED | {"PROTEST"} else []) or _all(pobjs, index)
            rule = "active-prep"
        if not targets and entry.type == "PROTEST":   # "rallied in front of the Russian embassy"
            targets = _all([p for f in prep_objects(verb, ["in"]) if f.lower_ == "front"
                            for p in prep_objects(f, ["of"])], index)
    if not targets and objects:
        # "broke off relations with X", "suspended part of an aid programme for X"
        targets = _all([p for o in objects for p in prep_objects(o, TARGET_PREPS | {"of"}) if p.dep_ == "pobj"], index)
        # "accused Western powers of politicising X's work": the act alleged is no place for the target
        acts = frozenset(t.i for o in objects for p in prep_objects(o, OBJECT_PREPS) if p.dep_ == "pcomp"
                         for t in p.subtree)
        targets = targets or [m for o in objects for m in search_actors(o, index, skip=acts)][:2]
        if not targets and entry.type == "SANCTION":
            # "downgraded its diplomatic presence in X", "closed its embassy in X": where the mission is
            targets = named_places([p for o in objects if o.lower_ in lex.envoys or lex.lemma(o) in lex.envoys
                                    for p in prep_objects(o, ["in", "from"])], index)
        if not targets and entry.type in BARRING and verb.dep_ != "relcl":   # not a background aside
            # "closed its border with X", "shut the last checkpoint on its border with X": the neighbour, which
            # the actors stage reads as a place
            targets = named_places([p for o in objects for t in o.subtree if t.lemma_.lower() in FRONTIERS
                                    for p in prep_objects(t, ["with"])], index)
        rule = "object"
    if not targets and verb.dep_ == "advcl" and any(o.lower_ in BACK_PRONOUNS and not actors_of(o, index)
                                                      for o in objects):
        # "expelled the German ambassador, accusing him of ...": him is whom the main verb acted on
        own = {s.code for s in sources}
        targets = [m for m in _all(direct_objects(verb.head), index) if m.code not in own]
        rule = "object-back"
    if not targets:
        # "demanded that Hamas renounce", "threatened to take measures against X"
        own = {s.code for s in sources}   # "warned that the United States could end its aid to X": X
        for comp in complements(verb):
            subjects = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
            targets = _all(subjects, index) or search_actors(comp, index)
            if targets and {m.code for m in targets} <= own:
                others = [m for m in search_actors(comp, index, skip=_subtrees(subjects)) if m.code not in own]
                targets = others or targets   # the same state may still be another part of it (its opposition)
            if targets:
                rule = "complement"
                break
    return sources, _unbound(targets, sources, verb, index), rule


def _sent_forces(head: Token, lex: Lexicon) -> bool:
    objects = [c for c in head.children if c.dep_ in OBJECTS]
    return bool(objects) and all(lex.lemma(o) in lex.forces or o.lower_ in lex.forces for o in objects)


def _unbound(targets: Actors, sources: Actors, verb: Token, index: ActorIndex) -> Actors:
    """An object pronoun is never its own clause's subject ("X spoke with Y and urged him to ..." : him is Y): one
    resolved to the source stands for the last other actor named before it in the sentence."""
    own = {s.code for s in sources}
    out: Actors = []
    for m in targets:
        if m.how == "pronoun" and m.code in own and index.acting.get(m.tok_start) is m and m.tok_start > verb.i:
            before = [a for i, a in sorted(index.acting.items()) if verb.sent.start <= i < verb.i
                      and a.code not in own and a.how != "pronoun"]
            if before:
                m = before[-1]
        if m not in out:
            out.append(m)
    return out


def _subtrees(tokens: list[Token]) -> frozenset[int]:
    return frozenset(t.i for tok in tokens for t in tok.subtree)


def speaker_for_pronoun(subjects: list[Token], verb: Token, index: ActorIndex, *, owned: bool = False) -> Actors:
    """ "X said they will ...": an unresolved pronoun subject is the speaker; with `owned`, also a subject that an
    unresolved pronoun owns ("X said its air force had shot down ...")."""
    if not subjects or not (subjects[0].pos_ == "PRON" or (owned and any(c.dep_ == "poss" and c.pos_ == "PRON"
                                                                         for c in subjects[0].children))):
        return []
    for below, tok in zip(path_up(verb), list(path_up(verb))[1:]):
        if below.dep_ == "ccomp" and tok.pos_ == "VERB":
            return _all(subject_tokens(tok), index)
    return []


def noun_roles(trigger: Trigger, index: ActorIndex, lex: Lexicon) -> tuple[Actors, Actors, str]:
    """Sources, targets and rule for a noun trigger ("Saudi Arabia's request", "held talks with X")."""
    noun, entry = trigger.phrase, trigger.entry
    owners = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    by = ("by",) if entry.type == "RETREAT" else ("by", "from")   # "withdrawal from X": X is the target
    owners += [p for c in noun.children if c.dep_ == "prep" and c.lower_ in by
               for p in c.children if p.dep_ == "pobj"]
    owners += [p for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and lex.lemma(c) not in lex.one_sided
               for a in c.children if a.dep_ == "agent" for p in a.children
               if p.dep_ == "pobj"]   # "a request made by X", not "a deal brokered by X"
    patients = prep_objects(noun, ["of"])
    owners += [p for o in patients for p in prep_objects(o, ["by"])]   # "the expulsion of two diplomats by X"
    sources = _all(owners, index)
    rule = "noun-owner"
    if not sources and noun.dep_ == "nsubj" and lex.lemma(noun.head) in COMING:
        # "condemnation of X's strike came swiftly from Y": Y condemned
        sources = _all(prep_objects(noun.head, ["from"]), index)
        rule = "noun-from" if sources else rule
    verb = trigger.clause if trigger.clause.i != noun.i else None
    # "called the arrest a setback" names the arrest, it does not make it
    light = verb is not None and not predicates(verb) and (
        lex.lemma(verb) in lex.light_verbs or (noun.lower_ in lex.ceremonies and lex.lemma(verb) in lex.ceremony_verbs))
    if not sources and entry.type == "CONCEDE" and any(_measure(p, lex) for p in patients):
        # "the easing of EU sanctions on X": who imposed the measure eases it, on whom it lay gains
        measures = [p for p in patients if _measure(p, lex)]
        sources = [m for p in measures for m in actors_of(p, index)]
        if sources:
            own = {s.code for s in sources}
            on = [o for p in measures for o in prep_objects(p, TARGET_PREPS)]
            return sources, [m for m in _all(on, index) if m.code not in own], "noun-undone"
    if not sources and entry.type in MOVERS and patients and not (light and _all(subject_tokens(verb), index)):
        # "the pullout of US troops from X", "the exit of X from the bloc": who moves is who acts
        sources = _movers(patients, index)
        if sources:
            away = [p for o in [noun, *patients] for p in prep_objects(o, _target_preps(entry.type))]
            own = {s.code for s in sources}
            return sources, [m for m in _all(away, index) if m.code not in own], "noun-mover"
    if not sources and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
        sources, rule = _all(subject_tokens(_governing_verb(noun)), index), "noun-pronoun-owner"   # "deepened its ties"
    # "arrived in X for talks", "arrived in X on a state visit"
    arrived = noun.head.lower_ in ("for", "on") and lex.lemma(noun.head.head) in ARRIVALS
    adjunct = manner_phrase(noun) if entry.type in MANNER_TYPES else None
    if not sources and adjunct is not None:
        sources, rule = _all(subject_tokens(adjunct.head.head), index), "noun-manner"
    spell = _spell(noun)   # "after an hour of talks", "following two days of negotiations"
    if not sources and entry.type in ADJUNCT_TYPES and spell is not None and not prep_objects(noun, ["between"]):
        sources, rule = _all(subject_tokens(spell.head.head), index), "noun-adjunct"
    # a joint act in an adjunct is the subject's too ("dismantled a ring in a joint operation"), not a tie ("invested in a
    # rapprochement with X")
    joint = entry.type == "COOPERATE" and bool(entry.words)
    if not sources and (entry.type in ADJUNCT_TYPES or joint) and noun.dep_ == "pobj" and (
            noun.head.lower_ in ADJUNCT_PREPS or arrived):
        clause = noun.head.head
        while clause.dep_ == "xcomp" and clause.head.i != clause.i:
            clause = clause.head   # "urged X to return ..., after talks with Y": the one who urged
        sources, rule = _all(subject_tokens(clause), index), "noun-adjunct"
    entered = prep_objects(noun, ["into"]) or (prep_objects(noun.head, ["into"]) if noun.dep_ in OBJECTS else [])
    if not sources and entry.type == "MOBILIZE" and entered:   # "the incursion of X's vessel into Y's waters"
        sources = _all(prep_objects(noun, ["of"]), index)
        if sources:
            return sources, [m for m in _all(entered, index) if m not in sources], "noun-of-into"
    if not sources and light:
        subjects = subject_tokens(verb)
        sources = _all(subjects, index) or speaker_for_pronoun(subjects, verb, index)
        rule = "noun-light"
    preps = [entry.prep] if entry.prep else _target_preps(entry.type) | {"between", "of"}
    if entry.type == "REQUEST":
        preps = set(preps) - {"for", "of"}   # "a request for a meeting" names what is asked, not whom
    targets = _all(prep_objects(noun, preps), index)
    between = _all(prep_objects(noun, ["between"]), index)
    if not between and noun.dep_ in ("nsubj", "nsubjpass"):
        # "clashes erupted between X and Y", "a deal was reached between X and Y"
        between = _all(prep_objects(noun.head, ["between"]), index)
    if between and not sources and len(between) > 1:
        return between[:1], between[1:], "noun-between"
    if sources and not targets and entry.mode == "mediate" and noun.dep_ == "pobj" and noun.head.lower_ in UNDER:
        # "X and Y held talks under Z's mediation", "... under Saudi auspices": Z mediates between the subjects
        own = {s.code for s in sources}
        subjects = subject_tokens(noun.head.head)   # "talks between X and Y resumed under ...": X and Y
        targets = [m for m in _all(subjects + [p for t in subjects for p in prep_objects(t, ["between"])], index)
                   if m.code not in own]
        if targets:
            return sources, targets, "noun-under"
    if not targets and entry.type in AUTHORED - {"ACCUSE"}:   # not "an investigation into crimes by X"
        # "its backing for the measures X has taken", "support for X's position": whose the object is
        targets = [m for m in _authors(prep_objects(noun, preps), index) if m not in sources]
    if not targets and entry.objects:   # "the delivery of weapons to X": the parse hangs "to X" on what is carried
        targets = [m for m in _all([p for o in patients for p in prep_objects(o, ["to"])], index) if m not in sources]
    if not targets and adjunct is not None:   # "was acting in full solidarity with X"
        targets = [m for m in _all(prep_objects(adjunct.head.head, _target_preps(entry.type)), index) if m not in sources]
    if not targets and light:
        targets = _all(prep_objects(verb, _target_preps(entry.type) | {"between"}) + [c for c in verb.children if c.dep_ == "dative"],
                       index)
    if not targets and light and entry.type == "AGREE":
        # "gave its consent to a visit by X", "... to the opening of talks with X": whose the step agreed to is
        own = {s.code for s in sources}
        targets = [m for p in prep_objects(verb, ["to"]) for m in search_actors(p, index) if m.code not in own][:2]
    if not targets and entry.type == "CONCEDE":   # "announced the lifting of sanctions on X"
        targets = [m for m in _all([o for p in patients if _measure(p, lex) for o in prep_objects(p, TARGET_PREPS)],
                                   index) if m not in sources]
    if not targets and verb is not None and lex.lemma(verb) in lex.addressee_verbs:
        # "accept Islamabad's request": the one who accepts is the one asked (not "X approved a loan": X gives it)
        targets = [m for m in _all(subject_tokens(verb), index) if m not in sources]
        rule = "noun-object" if targets else rule
    if not targets and sources and entry.type == "REQUEST" and noun.dep_ == "pobj" and noun.head.lower_ in ANSWERED:
        # "Y refused, despite appeals from X": the appeals went to the clause's subject
        targets = [m for m in _all(subject_tokens(noun.head.head), index) if m not in sources]
        rule = "noun-answered"
    if not sources and noun.dep_ in ("nsubj", "nsubjpass") and not targets:
        return [], [], rule
    if not targets:
        # "its demand that X ease ...": the one asked is the clause's subject, on the noun or on its verb
        comps = complements(noun) + (complements(noun.head) if entry.type == "REQUEST" and noun.dep_ in OBJECTS else [])
        for comp in comps:
            if comp.dep_ == "acl" and comp.tag_ == "VBN":
                continue   # "the deal brokered by X": a reduced relative, no complement
            asked = _all([c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")], index) if (
                entry.type == "REQUEST") else []
            targets = [m for m in asked if m not in sources] or search_actors(comp, index)
            if targets:
                rule = "noun-complement"
                break
    return sources, targets, rule


def _spell(noun: Token) -> Token | None:
    """The duration an adjunct names a meeting by ("after an hour of talks"): that noun, if the phrase is one."""
    of = noun.head
    if noun.dep_ != "pobj" or of.lower_ != "of" or of.head.lemma_.lower() not in SPELLS:
        return None
    spell = of.head
    if spell.dep_ == "pobj" and spell.head.lower_ in ADJUNCT_PREPS and spell.head.head.pos_ in ("VERB", "AUX"):
        return spell
    return None


def manner_phrase(noun: Token) -> Token | None:
    """The object of "in" that names how a verb's subject acted: the noun itself ("in protest") or the display noun
    it is "of" ("in a show of solidarity"); None elsewhere."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in DISPLAYS:
        noun = noun.head.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "in" and prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX"):
        return noun
    return None


def _measure(noun: Token, lex: Lexicon) -> bool:
    """A noun of a sanction or a coercive measure ("sanctions", "the blockade", "curbs")."""
    entries = lex.nouns.get(noun.lower_, []) + lex.nouns.get(lex.lemma(noun), [])
    return any(e.type in ("SANCTION", "COERCE") for e in entries) or noun.lower_ in lex.measures


def _moved(verb: Token, lex: Lexicon) -> bool:
    """A passive that reports a move ("were placed on alert", "have been pulled back"), not where forces are
    ("are stationed in X", "had been based in X")."""
    if lex.lemma(verb) in STATIVE:
        return False
    return not any(c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ") for c in verb.children)


def _movers(patients: list[Token], index: ActorIndex) -> Actors:
    """Whose forces move: the phrase itself or its modifiers ("US troops", "its troops"), not "troops from X"."""
    tokens = [t for p in patients for t in (p, *p.conjuncts)]
    # "thousands of Burundian troops", "two battalions of X's army": the forces are the of-phrase
    tokens += [o for t in list(tokens) if t.i not in index.acting and (t.pos_ == "NUM" or t.tag_ == "NNS" and
               t.lemma_ in PARTITIVES) for o in prep_objects(t, ["of"])]
    found = [m for t in tokens if (m := index.acting.get(t.i)) is not None]
    found += _all([c for t in tokens if t.i not in index.acting for c in t.children
                   if c.dep_ in ("poss", "compound", "amod", "nmod")], index)
    return list(dict.fromkeys(found))


def _governing_verb(noun: Token) -> Token:
    """The nearest verb above a noun whose subject the noun is not part of ("its treaty ... covers" -> above)."""
    for tok in path_up(noun):
        if tok.pos_ in ("VERB", "AUX") and not any(s.left_edge.i <= noun.i <= s.right_edge.i
                                                   for s in subject_tokens(tok)):
            return tok
    return noun.sent.root


