"""Targets of responses that name no one: "Yerevan rejected that demand", "Guyana denied the charge".

A refusal or denial answers the latest demand, accusation or threat made to the one who refuses; a
condemnation of "the measures", "the attack" or "the operation", or a protest lodged with no addressee, is aimed at
whoever took the latest hostile step; welcoming "the move" backs whoever took the latest step.
They look back a few sentences over what the extractor has already found in the article; a refusal whose object
names the kind of step ("rejected the accusation", "ignored the ultimatum", "condemned the strikes") looks back
further, for that kind only.
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
# What a welcome may name: the accord, the talks, the cooperation between parties named before.
ACCORDS = frozenset({"AGREE", "CONSULT", "COOPERATE"})


@dataclass(frozen=True, slots=True)
class Done:
    """One source-target pair already found in the article, as a response may refer back to it."""

    sent: int
    type: str
    source: Mention
    target: str


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
    elif kind == "THREATEN" and any(lex.lemma(t) in lex.response_verbs and t.pos_ == "VERB" and t.i > token.i
                                    for t in token.subtree):
        # "X reserved the right to respond", "vowed to retaliate": to whoever last struck or coerced X
        pick = [d for d in done if d.type in HOSTILE_STEPS - {"THREATEN"} and d.target in own
                and d.source.code not in own]
    elif kind == "SUPPORT" and _named_types(token, lex) & ACCORDS:
        # "welcomed the agreement": backs every party of the latest accord, talks or cooperation named
        named = _named_types(token, lex) & ACCORDS
        pick = [d for d in done if d.type in named and sent - d.sent <= TYPED_WINDOW and d.source.code not in own]
        if not pick:
            return []
        last = pick[-1]
        parties = [d for d in pick if (d.sent, d.type) == (last.sent, last.type)]
        found = {d.source.code: d.source for d in parties}
        return [m for m in found.values() if m.code not in own]
    elif kind == "SUPPORT" and _refers_back(token, lex.step_nouns):
        pick = [d for d in done if d.source.code not in own]
    else:
        return []
    pick = [d for d in pick if sent - d.sent <= window]
    if not pick:
        return []
    last = pick[-1]   # with every source of that step ("X and Y urged ...; Z declined the invitation")
    return list({d.source.code: d.source for d in pick if (d.sent, d.type) == (last.sent, last.type)}.values())


def _names_it(verb: Token) -> bool:
    """ "called it a dangerous escalation", "described this as an attack": a naming verb's pronoun object stands for
    the step just reported."""
    return any(c.dep_ in OBJECTS and c.lower_ in ("it", "this") for c in verb.children) and any(
        c.dep_ in ("oprd", "prep", "ccomp") for c in verb.children)


def _bare_concern(token: Token, lex: Lexicon) -> bool:
    """ "X said it was seriously concerned (by the use of force)": about the latest hostile step."""
    return concern_words(token, lex) and unnamed_concern(token)


def _definite_objects(verb: Token, concern: bool = False) -> list[Token]:
    """ "the measures", not "the measures of X" or "X's measures": those name their owner, resolved or not; for a
    concern, what it is about ("concerned by the drills")."""
    objects = [o for o in verb.children if o.dep_ in OBJECTS] + (concern_objects(verb) if concern else [])
    return [o for o in objects if o.pos_ == "NOUN"
            and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in o.children)
            and not any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "by")) for c in o.children)]


def _refers_back(verb: Token, nouns: frozenset[str] | None = None) -> bool:
    """ "condemned the measures", "a move X criticised": the object is a definite noun, not a name."""
    objects = [c for c in verb.children if c.dep_ in OBJECTS and c.lower_ not in REL_PRONOUNS]
    if verb.dep_ == "relcl" and not objects:
        return verb.head.pos_ == "NOUN" and (nouns is None or verb.head.lemma_.lower() in nouns)
    return any(nouns is None or o.lemma_.lower() in nouns for o in _definite_objects(verb))


def _named_types(verb: Token, lex: Lexicon) -> frozenset[str]:
    """ "rejected the accusation", "dismissed the claim": the kinds of step the object names."""
    types: set[str] = set()
    for obj in _definite_objects(verb, concern_words(verb, lex)):
        types |= {e.type for e in lex.nouns.get(lex.lemma(obj)) or lex.nouns.get(obj.lower_) or ()}
        if lex.lemma(obj) in lex.claim_nouns:
            types.add("ACCUSE")
    return frozenset(types)


def _complaint(noun: Token, lex: Lexicon) -> bool:
    """ "lodged a protest", "filed a complaint" with no one named: addressed to whoever acted last."""
    return noun.pos_ == "NOUN" and noun.dep_ in OBJECTS and lex.lemma(noun.head) in lex.complaint_verbs
