"""Negation and modality of a trigger: did the text report it as having happened?

A trigger is `asserted` unless its clause, or a clause governing it, makes it future ("will visit"),
hypothetical ("could join", "if ..."), proposed ("one way is to launch", "should"), alleged ("accused X of
attacking Y"), or a question.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.nlp import doc_text
from newsgraph.events.lexicon import Lexicon
from newsgraph.events.patterns import path_up

# Dependencies through which a governing clause passes its modal and negation on.
CHAIN_DEPS = frozenset({"xcomp", "conj", "advcl", "acl", "pcomp", "dobj", "pobj", "attr", "prep", "oprd", "nsubj", "acomp",
                        "nsubjpass", "dative"})


# Prepositions whose noun reports a fact of its own, whatever the clause it hangs off ("urged X to ..., after talks").
FACTUAL_PREPS = frozenset({"after", "following", "during"})
FINITE = frozenset({"VBD", "VBZ", "VBP"})


@dataclass(frozen=True, slots=True)
class Modality:
    """What `read_modality` found for one trigger."""

    modality: str = "asserted"
    negated: bool = False
    speech: Token | None = None      # the verb of saying whose complement holds the trigger


def _aux_modality(verb: Token, lex: Lexicon, reported: bool) -> str | None:
    """Modal auxiliaries of one verb ("will", "could", "should")."""
    for child in verb.children:
        if child.dep_ not in ("aux", "auxpass"):
            continue
        word = child.lower_
        if word in lex.future:
            return "future"
        if word in ("would", "'d"):
            return "future" if reported else "hypothetical"
        if word in lex.proposed:
            return "proposed"
        if word in lex.hypothetical:
            return "hypothetical"
    return None


def _negated(token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True
        if child.dep_ == "advmod" and child.lower_ in ("never", "not"):
            return True
        if child.dep_ in ("cc", "preconj") and child.lower_ == "nor" and child.i < token.i:
            return True   # "Nor has X answered ...", "..., nor did it sign"
    return False


def read_modality(trigger: Token, lex: Lexicon, *, wrapped: bool = False) -> Modality:
    """Negation, modality and the reporting verb of a trigger.

    The trigger's own clause decides first; the clauses that govern it (up to a verb of saying)
    can only make it less certain ("can join X to pressure Y", "wants to visit").
    """
    sent = trigger.sent
    path = _chain(trigger, lex)
    speech = next((t for below, t in zip(path, path[1:]) if below.dep_ in ("ccomp", "parataxis")
                   and lex.lemma(t) in lex.speech_verbs and t.pos_ == "VERB"), None)
    reported = speech is not None
    negated = False
    modality: str | None = None
    prev: Token | None = None
    governing: list[Token] = []
    for tok in path:
        if speech is not None and tok.i == speech.i:
            if any(c.dep_ in ("dobj", "nsubjpass") and lex.lemma(c) in lex.proposal_nouns for c in tok.children):
                modality = modality or "proposed"   # "reiterated its demand that X ease ...": asked, not done
            break
        if prev is not None and prev.dep_ not in CHAIN_DEPS and prev.dep_ != "ccomp":
            break
        if prev is not None and prev.dep_ == "conj" and _finite(prev):
            break   # "said it would apply X but asked Y to ...": a conjunct with a tense of its own is its own clause
        if prev is not None and prev.dep_ == "ccomp" and prev.i < tok.i and any(c.dep_ == "dobj" for c in tok.children):
            break   # "X accused Y of ..., a charge Y denies": the clause before is no complement of "denies"
        if prev is not None and prev.dep_ == "ccomp" and (
                any(c.lower_ == "which" and c.dep_ in ("dobj", "nsubj") for c in prev.children)
                or (prev.i < tok.i and lex.lemma(trigger) in lex.allegation_verbs)):
            break   # "..., which Y denies": a relative clause read as a complement; "X accused Y ..., a charge Y
            #         denies": the accusation is made, whatever the denial
        if prev is not None:
            governing.append(tok)
        if prev is not None and prev.dep_ in ("xcomp", "acl", "pcomp") and not wrapped and not (
                tok.pos_ == "NOUN" and prev.dep_ == "acl" and prev.tag_ == "VBG"):   # "an order halting aid": done
            if lex.lemma(tok) in lex.irrealis_verbs and modality is None:
                modality = "future" if lex.lemma(tok) == "go" else "hypothetical"
        if prev is not None and prev.dep_ in ("prep", "xcomp", "ccomp") and lex.lemma(tok) in lex.allegation_verbs:
            modality = modality or "alleged"   # "accused X of attacking Y": the attack is X's alleged act
        if prev is not None and prev.dep_ in ("nsubj", "nsubjpass") and modality is None and _scheduled(tok, lex):
            modality = "future"   # "talks on a new accord are scheduled to begin in March"
        if prev is not None and prev.dep_ == "pobj" and tok.dep_ == "prep" and _hearsay(tok, lex):
            modality = modality or "alleged"   # "evidence about contacts between X and Y", "accusations of attacks"
        if prev is not None and prev.dep_ == "ccomp" and lex.lemma(tok) not in lex.speech_verbs:
            modality = modality or _complement_modality(tok, lex)
        if modality is None:
            modality = _aux_modality(tok, lex, reported)
        # "had not received X and called on Y": a conjunct with a tense of its own keeps its own polarity
        own_tense = prev is not None and prev.dep_ == "conj" and prev.tag_ in ("VBD", "VBZ", "VBP")
        if _negated(tok) and not own_tense and (
                prev is None or prev.dep_ in ("xcomp", "conj", "dobj", "pobj", "prep", "attr")):
            negated = negated or prev is None or tok.pos_ in ("VERB", "AUX")
        if any(c.dep_ == "mark" and c.lower_ in lex.conditional_marks for c in tok.children):
            modality = "hypothetical"
        if tok.dep_ == "prep" and prev is not None and prev.dep_ in ("pcomp", "pobj"):
            if tok.lower_ in lex.prospective_preps:
                modality = modality or "hypothetical"   # "before allowing X", "until X withdraws"
            elif tok.lower_ in lex.negators:
                negated = True   # "without consulting X"
        prev = tok
    if any(lex.lemma(t) in lex.proposal_nouns or (lex.lemma(t) == "be" and _proposal_subject(t, lex))
           for t in governing):
        modality = "proposed"   # "one way is to launch a boycott", "a plan to impose sanctions"
    if speech is None and doc_text(sent.doc)[sent.start_char:sent.end_char].rstrip().endswith("?"):   # no join
        modality = "question"
    return Modality(modality or "asserted", negated, speech)


def _chain(trigger: Token, lex: Lexicon) -> list[Token]:
    """The trigger and the clauses that govern it, up to a clause that is asserted on its own.

    A relative clause ("the shoal where a ship fired ..."), a reduced relative ("the accord signed by X"),
    and a factual adverbial clause ("..., while X condemned ...") report their own events.
    """
    path = list(path_up(trigger))
    for n, tok in enumerate(path[:-1]):
        if _participle(tok):
            # "X threatened to withdraw, accusing Y of ...": the accusation is X's, made whatever comes of the threat
            top = next((m for m in range(n + 1, len(path)) if path[m].dep_ not in ("xcomp", "advcl")), len(path) - 1)
            return path[:n + 1] + _chain(path[top], lex)
        if tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ == "VBN") or (
                tok.dep_ == "advcl" and _factual_clause(tok, lex)) or (
                tok.dep_ == "pobj" and tok.head.lower_ in FACTUAL_PREPS):   # "..., after talks with X"
            return path[:n + 1]
    return path


def _finite(verb: Token) -> bool:
    """A verb with a tense of its own ("asked", "has refused"), not a bare or modal form ("sign", "could sign")."""
    return verb.tag_ in FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE for c in verb.children)


def _participle(clause: Token) -> bool:
    """ "..., accusing X of ...": a participle clause set off by a comma, with no subject or conjunction."""
    if clause.dep_ != "advcl" or clause.tag_ != "VBG" or clause.i == 0:
        return False
    if any(c.dep_ in ("mark", "nsubj", "nsubjpass", "aux") for c in clause.children):
        return False
    before = clause.doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else None
    return before is not None and before.text == ","


def _factual_clause(clause: Token, lex: Lexicon) -> bool:
    """ "..., while X condemned ...": a clause with its own subject, opened by a factual conjunction."""
    return (any(c.dep_ == "mark" and c.lower_ in lex.factual_marks for c in clause.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children))


def _complement_modality(verb: Token, lex: Lexicon) -> str | None:
    """Verbs like "hope", "plan" or "expect" make their that-clause irrealis."""
    return "hypothetical" if lex.lemma(verb) in lex.irrealis_verbs else None


def _scheduled(verb: Token, lex: Lexicon) -> bool:
    """ "X is scheduled to ...", "X is due to ...": a raising verb or adjective with an infinitive."""
    heads = [verb] + [c for c in verb.children if c.dep_ == "acomp"]
    return any(lex.lemma(h) in lex.scheduling and any(c.dep_ == "xcomp" for c in h.children) for h in heads)


def _hearsay(prep: Token, lex: Lexicon) -> bool:
    """A phrase that names what is claimed: "about" after a claim or a report, "of" after a charge."""
    noun = lex.lemma(prep.head)
    return (prep.lower_ == "about" and noun in lex.hearsay_nouns) or (prep.lower_ == "of" and noun in lex.charge_nouns)


def _proposal_subject(copula: Token, lex: Lexicon) -> bool:
    """ "One way is to launch ...", "the solution is to ..." """
    return any(c.dep_ == "nsubj" and lex.lemma(c) in lex.proposal_nouns for c in copula.children)

