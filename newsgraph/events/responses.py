"""Targets of responses that name no one: "Yerevan rejected that demand", "Guyana denied the charge".

A refusal or denial answers the latest demand, accusation or threat made to the one who refuses; a
condemnation of "the measures", "the attack" or "the operation", or a protest lodged with no addressee, is aimed at
whoever took the latest hostile step; welcoming "the move" backs whoever took the latest step.
They look back a few sentences over what the extractor has already found in the article; a refusal whose object
names the kind of step ("rejected the accusation", "ignored the ultimatum", "condemned the strikes") looks back
further, for that kind only. A hostile step that named no target ("fired missiles into the sea") is kept too, by
its source, for the condemnation that follows; an act "also" done is aimed where the one before it was.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.events.concerns import concern_objects, concern_words, unnamed_concern
from newsgraph.events.lexicon import Lexicon
from newsgraph.events.patterns import OBJECTS, REL_PRONOUNS
from newsgraph.model import Mention

WINDOW = 3   # sentences a response looks back
TYPED_WINDOW = 20   # ... when its object says what it answers ("the accusation")
ANSWERED = {"REJECT": frozenset({"REQUEST", "ACCUSE", "THREATEN"})}
HOSTILE_STEPS = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "THREATEN"})
# Steps of force, which news names by one another's nouns ("the raid" for police forcing their way in).
FORCE = frozenset({"COERCE", "ASSAULT"})
DEFINITE = frozenset({"the", "that", "this", "these", "those", "such"})
# Prepositions that give what a noun event is about ("support for the operation", "anger over the raid").
NOUN_OBJECTS = frozenset({"for", "of", "against", "over"})
# Adverbs that say an act repeats one reported before ("also", "likewise").
AGAIN = frozenset({"also", "likewise", "similarly", "too"})
# Steps that are done rather than said: what "the move", "the decision" names when no hostile step is near.
MATERIAL = frozenset({"CONCEDE", "COOPERATE", "AID", "RETREAT", "SANCTION", "COERCE", "ASSAULT", "MOBILIZE"})
# What a welcome may name: an accord, talks, cooperation, or a step one party took toward another.
GOODWILL = frozenset({"AGREE", "CONSULT", "COOPERATE", "CONCEDE", "AID", "RETREAT"})
# What a welcome of "the move" does not back: words for or against someone (a step is taken, not said).
SAID_AGAINST = frozenset({"ACCUSE", "REJECT", "THREATEN", "REQUEST", "PROTEST", "SUPPORT"})
# A possessive that dates a step is no owner: "Thursday's deal", "last week's decision".
DATED = frozenset({"DATE", "TIME"})


@dataclass(frozen=True, slots=True)
class Done:
    """One source-target pair already found in the article, as a response may refer back to it."""

    sent: int
    type: str
    source: Mention
    target: str   # "" for a step aimed at no one named ("fired missiles into the sea")
    target_mention: Mention | None = None
    token: Token | None = None   # the trigger


def answered(kind: str, token: Token, sources: list[Mention], sent: int, done: list[Done],
             lex: Lexicon) -> list[Mention]:
    """The actor a targetless REJECT, ACCUSE or SUPPORT responds to, from the events found before it."""
    own = {s.code for s in sources}
    window = WINDOW
    if kind == "REJECT":
        wanted = ANSWERED["REJECT"]
        named = _named_types(token, lex) & wanted
        if named:
            wanted, window = named, TYPED_WINDOW
        pick = [d for d in done if d.type in wanted and d.target in own and d.source.code not in own]
    elif kind == "ACCUSE" and _named_types(token, lex) - {"ACCUSE"}:
        # "Tehran condemned the strikes", "condemned the veto": the latest step of that kind, further back
        named, window = _named_types(token, lex) - {"ACCUSE"}, TYPED_WINDOW
        if named & FORCE:
            named |= FORCE   # "condemned the raid": a raid, a seizure and a strike are one kind of step
        pick = [d for d in done if d.type in named and d.source.code not in own]
    elif kind == "ACCUSE" and (_refers_back(token) or _complaint(token, lex) or _bare_concern(token, lex)
                               or _names_it(token)):
        pick = [d for d in done if d.type in HOSTILE_STEPS and d.source.code not in own]
        if _refers_back(token, lex.step_nouns):
            window = TYPED_WINDOW   # "called the decision disproportionate": the story's hostile step, further back
            if not [d for d in pick if sent - d.sent <= window]:
                # "criticised the move" where no hostile step was reported: the latest step taken, not said
                pick = [d for d in done if d.type in MATERIAL and d.source.code not in own]
    elif kind == "THREATEN" and any(lex.lemma(t) in lex.response_verbs and t.pos_ == "VERB" and t.i > token.i
                                    for t in token.subtree):
        # "X reserved the right to respond", "vowed to retaliate": to whoever last struck or coerced X
        pick = [d for d in done if d.type in HOSTILE_STEPS - {"THREATEN"} and d.target in own
                and d.source.code not in own]
    elif kind == "SUPPORT" and _named_types(token, lex) & GOODWILL:
        # "welcomed the agreement": backs every party of the latest accord, talks or cooperation named;
        # "welcomed the reopening", "backed the withdrawal": whoever took the latest step of that kind (not a
        # hostile one named: "welcomed the sanctions" backs those who impose them, not always who was found last)
        named = _named_types(token, lex) & GOODWILL
        pick = [d for d in done if d.type in named and sent - d.sent <= TYPED_WINDOW and d.source.code not in own]
        if not pick:
            return []
        last = pick[-1]
        parties = [d for d in pick if (d.sent, d.type) == (last.sent, last.type)]
        found = {d.source.code: d.source for d in parties}
        return [m for m in found.values() if m.code not in own]
    elif kind == "SUPPORT" and _refers_back(token, lex.step_nouns):
        # "welcomed the decision": the latest step taken (not a word said), as far back as a condemned one
        window = TYPED_WINDOW
        pick = [d for d in done if d.type not in SAID_AGAINST and sent - d.sent <= window]
        if pick and pick[-1].source.code in own:
            return []   # "Quito defended the operation": its own step, no one else's backed
        pick = [d for d in pick if d.source.code not in own]
    else:
        return []
    pick = [d for d in pick if sent - d.sent <= window]
    if kind in ("ACCUSE", "SUPPORT"):
        # what is condemned or welcomed was reported before: "X broke off relations, while Y condemned the raid"
        # names a parallel reaction in the same sentence, not the raid; and a step aimed at someone before one aimed
        # at no one named (those are kept for "condemned the launches" when nothing else was done)
        pick = [d for d in pick if d.target] or pick
        pick = [d for d in pick if d.sent < sent] or pick
    if not pick:
        return []
    last = pick[-1]   # with every source of that step ("X and Y urged ...; Z declined the invitation")
    return list({d.source.code: d.source for d in pick if (d.sent, d.type) == (last.sent, last.type)}.values())


def repeated(kind: str, verb: Token, sources: list[Mention], sent: int, done: list[Done]) -> list[Mention]:
    """ "Belgium and Malta also announced recognition", "Y likewise condemned the strikes": an act said to repeat
    one reported just before is aimed where that one was (its latest kind, by another source)."""
    if not any(c.dep_ == "advmod" and c.lower_ in AGAIN for c in verb.children):
        return []
    own = {s.code for s in sources}
    pick = [d for d in done if d.type == kind and d.target and d.source.code not in own and d.target not in own
            and sent - d.sent <= WINDOW]
    if not pick:
        return []
    last = pick[-1]
    return [d.target_mention for d in pick if (d.sent, d.source.code) == (last.sent, last.source.code)]


def relief_for(sources: list[Mention], sent: int, done: list[Done], lex: Lexicon) -> list[Mention]:
    """ "Greece asked for help. Cyprus sent two aircraft": relief sent to no one named goes where the relief just
    reported went, or to whoever just asked for it."""
    own = {s.code for s in sources}
    pick = [d for d in done if sent - d.sent <= WINDOW and d.source.code not in own and (
        (d.type == "AID" and d.target and d.target not in own and d.target_mention is not None)
        or (d.type == "REQUEST" and d.token is not None and d.source.code and d.sent < sent
            and any(lex.lemma(t) in lex.aid_words for t in d.token.subtree)))]
    if not pick:
        return []
    last = pick[-1]
    if last.type == "REQUEST":
        return [last.source]
    return [d.target_mention for d in pick if (d.sent, d.type, d.source.code) == (last.sent, last.type, last.source.code)]


def _names_it(verb: Token) -> bool:
    """ "called it a dangerous escalation", "described this as an attack": a naming verb's pronoun object stands for
    the step just reported."""
    return any(c.dep_ in OBJECTS and c.lower_ in ("it", "this") for c in verb.children) and any(
        c.dep_ in ("oprd", "prep", "ccomp") for c in verb.children)


def _bare_concern(token: Token, lex: Lexicon) -> bool:
    """ "X said it was seriously concerned (by the use of force)": about the latest hostile step."""
    return concern_words(token, lex) and unnamed_concern(token)


def _definite_objects(verb: Token, concern: bool = False, dated: bool = False) -> list[Token]:
    """ "the measures", not "the measures of X" or "X's measures": those name their owner, resolved or not; for a
    concern, what it is about ("concerned by the drills")."""
    objects = [o for o in verb.children if o.dep_ in OBJECTS] + (concern_objects(verb) if concern else [])
    if verb.pos_ == "NOUN":   # a noun event's own object: "support for the operation", "condemnation of the raid"
        objects += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in NOUN_OBJECTS
                    for p in c.children if p.dep_ == "pobj"]
    return [o for o in objects if o.pos_ == "NOUN"
            and any((c.dep_ == "det" and c.lower_ in DEFINITE) or (dated and _dated(c)) for c in o.children)
            and not any((c.dep_ == "poss" and not (dated and _dated(c)))
                        or (c.dep_ == "prep" and c.lower_ in ("of", "by")) for c in o.children)]


def _dated(child: Token) -> bool:
    """ "Thursday's deal": a possessive that says when, not whose."""
    return child.dep_ == "poss" and child.ent_type_ in DATED


def _refers_back(verb: Token, nouns: frozenset[str] | None = None) -> bool:
    """ "condemned the measures", "a move X criticised": the object is a definite noun, not a name."""
    objects = [c for c in verb.children if c.dep_ in OBJECTS and c.lower_ not in REL_PRONOUNS]
    if verb.dep_ == "relcl" and not objects:
        return verb.head.pos_ == "NOUN" and (nouns is None or verb.head.lemma_.lower() in nouns)
    return any(nouns is None or o.lemma_.lower() in nouns for o in _definite_objects(verb))


def _named_types(verb: Token, lex: Lexicon) -> frozenset[str]:
    """ "rejected the accusation", "dismissed the claim": the kinds of step the object names."""
    types: set[str] = set()
    # a dated step counts when its noun names its kind ("Thursday's deal"), not "Friday's events"
    for obj in _definite_objects(verb, concern_words(verb, lex), dated=True):
        # only entries the bare noun makes ("the operation" is no "joint operation")
        types |= {e.type for e in lex.nouns.get(lex.lemma(obj)) or lex.nouns.get(obj.lower_) or () if not e.words}
        if lex.lemma(obj) in lex.claim_nouns:
            types.add("ACCUSE")
    return frozenset(types)


def _complaint(noun: Token, lex: Lexicon) -> bool:
    """ "lodged a protest", "filed a complaint" with no one named: addressed to whoever acted last."""
    return noun.pos_ == "NOUN" and noun.dep_ in OBJECTS and lex.lemma(noun.head) in lex.complaint_verbs
