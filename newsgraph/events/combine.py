"""How the readings of one sentence lend each other parties: a demand addressed to whom a coordinated act was, a
threat aimed at what it threatens, a refusal answering an earlier act, talks hosted by a third party."""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from newsgraph.events.hosts import hosted_parties
from newsgraph.events.lexicon import Lexicon
from newsgraph.events.modality import Modality, read_modality
from newsgraph.events.patterns import OBJECTS, ActorIndex, actors_of, path_up, subject_tokens
from newsgraph.events.readings import anchor as _anchor
from newsgraph.events.responses import HOSTILE_STEPS, Done, answered, relief_for, repeated
from newsgraph.events.roles import speaker_for_pronoun
from newsgraph.model import Mention

# Steps that are taken even when no one is named as their target (a threat aimed at no one is not yet a step).
UNAIMED = HOSTILE_STEPS - {"THREATEN"}
# Verbal acts addressed to someone: one that names no one is addressed to whom a coordinated act of its source was.
ADDRESSED = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT"})
TOLD = frozenset({"on", "upon", "to", "with"})

# Steps a promised response answers ("would answer any attack from X"), and the verbs of answering.
ANSWERABLE = frozenset({"ASSAULT", "MOBILIZE", "COERCE"})
RESPONSES = frozenset({"answer", "respond", "retaliate", "react", "meet", "punish"})


@dataclass(frozen=True, slots=True)
class Found:
    """One reading of a trigger before the events are paired and merged."""

    token: Token
    type: str
    mode: str | None
    sources: list[Mention]
    targets: list[Mention]
    rule: str
    modality: Modality


def unaddressed(item: Found, verb: Token) -> bool:
    """A verbal act that leaves open whom it is for: not "urged investors to return" (someone else is told), not
    "rejected any agreement that ..." (a charge or refusal whose object names what it is about)."""
    if not item.sources or item.targets or item.type not in ADDRESSED:
        return False
    if any(c.dep_ in ("xcomp", "dative") or (c.dep_ == "prep" and c.lower_ in TOLD) for c in verb.children):
        return False
    return item.type not in ("ACCUSE", "REJECT") or not any(c.dep_ in OBJECTS for c in verb.children)


def shared_targets(found: list[Found]) -> list[Found]:
    """ "X summoned Y's envoy and demanded an apology": a demand, charge, threat or refusal that names no one is
    addressed to whom an earlier coordinated act of the same source was (the party is named first: not "condemned
    the attack and urged X and Y to talk")."""
    out = []
    for item in found:
        verb = _anchor(item)
        manner = item.rule.startswith("noun-manner") and bool(item.sources) and not item.targets
        if manner or unaddressed(item, verb):
            own = {s.code for s in item.sources}
            peers = {c.i for c in verb.conjuncts if c.i < verb.i}
            if manner:   # "flew to X, embracing Y, in a show of solidarity": with X, whom the clause is about
                peers = clause_verbs(item.token)
            donors = [f for f in found if f is not item and f.targets and _anchor(f).i in peers
                      and {s.code for s in f.sources} == own and not f.modality.negated]
            targets = [t for t in donors[0].targets if t.code not in own] if donors else []
            if targets:
                item = replace(item, targets=targets, rule=item.rule + "+conjunct")
        out.append(item)
    return out


def threatened(found: list[Found]) -> list[Found]:
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


def clause_verbs(token: Token) -> set[int]:
    """The verbs above a token within its own clause (a reported clause is another's act)."""
    verbs = set()
    for tok in path_up(token):
        if tok.pos_ in ("VERB", "AUX"):
            verbs.add(tok.i)
        if tok.dep_ in ("ccomp", "relcl", "csubj"):
            break
    return verbs


def condemned_place(item: Found, index: ActorIndex) -> list[Mention]:
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


def responded(found: list[Found], n: int, done: list[Done], lex: Lexicon,
               index: ActorIndex | None = None) -> list[Found]:
    """Targets for refusals and condemnations that name no one ("denied the allegations"); records the rest."""
    for item in found:   # what the sentence itself names first: "X refused, despite appeals from Y"
        if item.targets and not item.modality.negated:
            done += _records(n, item)
    out = []
    for item in found:
        if not item.targets and item.sources and not item.modality.negated:
            targets = repeated(item.type, _anchor(item), item.sources, n, done)
            rule = "+repeated"
            if not targets and item.type == "AID" and item.token.pos_ == "VERB":   # relief sent, not a loan sought
                targets, rule = relief_for(item.sources, n, done, lex), "+relief"
            if not targets:
                targets, rule = answered(item.type, item.token, item.sources, n, done, lex), "+response"
            if targets:
                item = replace(item, targets=targets, rule=item.rule + rule)
                done += _records(n, item)
            elif index is not None and (where := condemned_place(item, index)):
                item = replace(item, targets=where, rule=item.rule + "+where")
        out.append(item)
    # a hostile step aimed at no one named ("fired missiles into the sea") is still what a later "condemned the
    # launches" refers to: its source is kept (a verb's only: a noun's source may be who spoke of it, "remarks by
    # X"); so is a call for help that names no one, for the relief that follows it ("Greece asked for help")
    done += [Done(n, f.type, s, "", None, f.token) for f in out if not f.targets and f.type in UNAIMED | {"REQUEST"}
             and f.sources and f.token.pos_ == "VERB" and not f.modality.negated
             and f.modality.modality == "asserted" for s in f.sources]
    return out


def _records(n: int, item: Found) -> list[Done]:
    return [Done(n, item.type, s, t.code, t, item.token) for s in item.sources for t in item.targets if t.code]


def hosted(item: Found, index: ActorIndex, lex: Lexicon, n: int, done: list[Done]) -> Found:
    """ "talks hosted by X", "a deal brokered by X": the host met each party of the talks (events/hosts.py)."""
    if item.type != "CONSULT" or item.targets or not item.sources or item.modality.negated:
        return item
    parties = hosted_parties(item.token, item.sources, index, lex, n, done)
    if not parties:
        return item
    done += [Done(n, item.type, s, t.code, t) for s in item.sources for t in parties if t.code]
    return replace(item, targets=parties, rule=item.rule + "+hosted")


def answer_threats(found: list[Found], index: ActorIndex, lex: Lexicon) -> list[Found]:
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
            out.append(Found(verb, "THREATEN", None, sources, item.sources, "answer", modality))
    return out


def else_threats(sent: Span, found: list[Found]) -> list[Found]:
    """ "Do this, or else we will ...", "... or face sanctions" turn a request into a threat as well."""
    marker = next((t for t in sent if t.lower_ in ("else", "otherwise")
                   or (t.lemma_ == "face" and t.i > sent.start and t.nbor(-1).lower_ == "or")), None)
    if marker is None:
        return []
    return [Found(marker, "THREATEN", None, f.sources, f.targets, "or-else", f.modality)
            for f in found if f.type == "REQUEST" and f.token.i < marker.i]


