"""Tests on the clause around a trigger: a purpose, a protest, a pressure, talks still under way, who the subject is."""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events.guards import partitive
from newsgraph.events.lexicon import Lexicon
from newsgraph.events.patterns import OBJECTS, ActorIndex, actors_of, direct_objects, prep_objects, subject_tokens
from newsgraph.events.triggers import Trigger
from newsgraph.model import Mention

# Whom a meeting or an agreement is with, when a verb or noun names it ("consult partners", "talks with allies");
# not "between", which names the co-subjects themselves ("a treaty between the two countries").
WITH_PREPS = ("with", "to", "against")

# Named entities that stand for parties even when no actor is resolved over them (not ORG: "convene the Joint
# Rivers Commission" names what is convened).
PARTY_LABELS = frozenset({"GPE", "NORP", "PERSON"})

# Prepositions of what talks are about ("talks on a deal", "negotiations over a truce").
TOPICS = frozenset({"on", "over", "about", "toward", "towards", "for"})

# Clauses that give a reason or the moment: "as X's warships approached", "after X's drones crossed".
CAUSES = frozenset({"as", "after", "when", "since", "because", "once"})
# Phrases that name who pressed for a step ("under pressure from X").
PRESSED = frozenset({"under", "after", "following", "amid"})

def unresolved_party(trigger: Trigger, token: Token, index: ActorIndex, lex: Lexicon) -> bool:
    """The trigger names whom it is with, as parties no actor stands for ("would consult international partners",
    "held talks with its allies"): the co-subjects do not act with each other."""
    heads = {trigger.token, trigger.phrase, trigger.clause, token}
    objects = [o for h in heads for o in direct_objects(h) + prep_objects(h, WITH_PREPS) if o not in heads]
    return any(((o.pos_ == "NOUN" and (lex.lemma(o) in lex.group_nouns | lex.bloc_nouns or o.lower_ in lex.group_nouns))
                or o.ent_type_ in PARTY_LABELS) and not actors_of(o, index) for o in objects)


def reciprocal(trigger: Trigger, lex: Lexicon) -> bool:
    """A fight the coordinated subjects have with each other ("clashed", "exchanged fire"), not one they wage together
    on a third party ("shot down drones"): a reciprocal word, with no object the entry does not name."""
    token = trigger.token
    if lex.lemma(token) not in lex.reciprocal and token.lower_ not in lex.reciprocal:
        return False
    return trigger.entry.pos == "noun" or bool(trigger.entry.objects) or not direct_objects(token)


def passage(token: Token) -> bool:
    """A place gone through or left ("via Egypt", "from Djibouti"), not the one aimed at."""
    noun = token
    while noun.dep_ in ("compound", "amod", "nmod") and noun.head.i != noun.i:
        noun = noun.head   # "the Gaza Strip": from its first word to the phrase's head
    return noun.dep_ == "pobj" and noun.head.lower_ in ("via", "through", "from")


def pressure(verb: Token) -> list[Token]:
    """Who pressed: "under pressure from X", "bowing to pressure from X", "after pressure by X"."""
    heads = [verb, *(h for h in (verb.head,) if verb.dep_ == "conj")]   # "..., Y backed down and halted ..."
    nouns = [p for h in heads for p in prep_objects(h, PRESSED) if p.lemma_ == "pressure"]
    nouns += [p for h in heads for c in h.children if c.dep_ == "advcl" and c.lemma_ in ("bow", "yield", "give")
              for p in prep_objects(c, ["to"]) if p.lemma_ == "pressure"]
    return [a for n in nouns for a in prep_objects(n, ["from", "by"])]


def all_actors(tokens: list[Token], index: ActorIndex) -> list[Mention]:
    return [m for t in tokens for m in actors_of(t, index)]


def undone(trigger: Trigger, lex: Lexicon) -> bool:
    """ "lifted its ban on X", "sanctions were lifted": the object noun names what is undone, not an event now."""
    noun = trigger.phrase
    if trigger.entry.pos == "noun":
        noun = partitive(noun)   # "eased some of its sanctions"
    if trigger.entry.pos == "noun" and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i != noun.i:
        # "the easing of sanctions", "the lifting of the blockade": a noun of giving in undoes its of-phrase
        return yielding(noun.head.head, lex)
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


def yielding(noun: Token, lex: Lexicon) -> bool:
    """A noun of giving in ("the easing of") or of ending an accord ("the termination of the treaty")."""
    entries = lex.nouns.get(noun.lower_, []) + lex.nouns.get(lex.lemma(noun), [])   # "easing", not "ease"
    return noun.pos_ == "NOUN" and any(e.type == "CONCEDE" or (e.type == "RETREAT" and e.objects) for e in entries)


def subject_actors_of(verb: Token, index: ActorIndex) -> list[Mention]:
    return [m for s in subject_tokens(verb) for m in actors_of(s, index)]


def purpose(verb: Token) -> bool:
    """ "..., to allow elections to take place": an infinitive of purpose with no subject of its own."""
    return (verb.dep_ == "advcl" and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def in_protest(verb: Token, lex: Lexicon) -> bool:
    """ "blocked the bridge in protest", "... in a counter-protest against X": the act is a protest."""
    return any(e.type == "PROTEST" for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
               for p in c.children if p.dep_ == "pobj" for e in lex.nouns.get(lex.lemma(p), ()))


def under_negotiation(noun: Token, lex: Lexicon) -> bool:
    """An accord that talks are about ("talks on a trade deal", "negotiating over a truce"), not one reached."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in TOPICS or prep.head.i == prep.i:
        return False
    head = prep.head
    entries = lex.nouns.get(lex.lemma(head), []) + lex.nouns.get(head.lower_, []) + lex.verbs.get(lex.lemma(head), [])
    return any(e.type == "CONSULT" and e.mode == "meet" for e in entries)


def official(verb: Token, index: ActorIndex) -> bool:
    """A government protesting in words ("Lithuania's foreign ministry protested"), not its people ("farmers from
    Poland", "Indonesian dockworkers"): the subject is itself a government mention."""
    subjects = subject_tokens(verb)
    found = [index.acting.get(s.i) for s in subjects]
    return bool(subjects) and all(m is not None and m.sector == "GOV" and "demonym" not in m.how for m in found)


def unnamed_crowd(verb: Token, index: ActorIndex) -> bool:
    """The subject names people, not a state or group ("hundreds of protesters"), or there is none."""
    return not any(t.i in index.acting for s in subject_tokens(verb) for t in s.subtree)


def clause_subjects(verb: Token, index: ActorIndex) -> list[Mention]:
    """Actors that are subjects of an adverbial clause of a verb ("..., as X's warships approached")."""
    return [m for c in verb.children if c.dep_ == "advcl" and c.tag_ in ("VBD", "VBZ", "VBP")
            and any(k.dep_ == "mark" and k.lower_ in CAUSES for k in c.children) for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for m in actors_of(s, index)]


def named_object(verb: Token, targets: list[Mention]) -> bool:
    """The targets stand in the verb's object ("warned Helsinki that ...")."""
    spans = [(o.left_edge.i, o.right_edge.i) for o in verb.children if o.dep_ in OBJECTS]
    return any(lo <= t.tok_start <= hi for t in targets for lo, hi in spans)


def unnamed_forces(verb: Token, index: ActorIndex, lex: Lexicon) -> bool:
    """The doer is forces no actor is resolved over ("the army", "the military"): the speaker's own."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(lex.lemma(s) in lex.forces and not actors_of(s, index) for s in subjects)


