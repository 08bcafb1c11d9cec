"""Walks of the dependency parse: who is the source and who the target of a trigger.

Every function takes spaCy tokens and the doc's `ActorIndex`, and returns the actor mentions it finds.
The walks are short (a few hops from the trigger), so they cost little per doc.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.attrs import ORTH, SENT_START
from spacy.tokens import Doc, Span, Token

from newsgraph.model import Mention

OBJECTS = frozenset({"dobj", "dative", "obj", "iobj"})
OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "appos", "npadvmod", "nummod"})
REL_PRONOUNS = frozenset({"which", "that", "who", "whom", "whose"})
# Participles that name a go-between, not an owner ("the Turkish-brokered deal", "Qatari-mediated talks").
MEDIATED = frozenset({"broker", "mediate", "facilitate", "arbitrate"})
# Verbs whose object is the one who acts in the complement ("urged Ethiopia to delay" -> Ethiopia delays).
OBJECT_CONTROL = frozenset(
    "tell urge ask expect want order force allow invite encourage persuade help call press push advise "
    "permit compel pressure pressurize pressurise get lead train arm equip enable authorize authorise instruct "
    "mandate send recruit give".split())
# "accused X of doing", "praised X for helping": the object of the governing verb does what the -ing verb says.
OBJECT_PREPS = frozenset({"for", "of"})
# Prepositions that may carry a target when the entry names none.
TARGET_PREPS = frozenset({"to", "with", "against", "on", "upon", "into", "for", "toward", "towards"})
# "at" names a target only for hostile acts ("fired at X", "lashed out at X"); else a venue ("pledged at the UN").
HOSTILE_PREPS = TARGET_PREPS | {"at"}
# "fought alongside X": X acts with the subject, it is not the target.
CO_AGENTS = frozenset({"alongside", "beside"})
# "on the sidelines of the X summit", "on the eve of": where something happened, never a target.
VENUES = frozenset({"sidelines", "sideline", "margins", "margin", "eve", "occasion"})
# Who rules from a place ("the authorities in X").
RULERS = frozenset({"government", "authorities", "authority", "regime", "leadership", "administration", "junta",
                    "rulers", "leaders", "cabinet"})
PARTICLES = frozenset({"out", "away", "back", "up", "down", "off", "over", "along", "ahead"})
DATELINE_MARKS = frozenset({"\u2014", "\u2013", "-", "--", ":"})


class ActorIndex:
    """Token index -> the acting mention (state, organisation, person) or place mention over it."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.acting: dict[int, Mention] = {}
        self.places: dict[int, Mention] = {}
        self.groups: dict[int, list[Mention]] = {}   # "both sides" -> the parties named before (anaphora.py)
        for mention in mentions:
            if not mention.code:
                continue
            table = self.places if mention.place else self.acting
            for i in range(mention.tok_start, mention.tok_end):
                table.setdefault(i, mention)

    def __bool__(self) -> bool:
        return bool(self.acting)


def _unique(mentions: Iterable[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for mention in mentions:
        if mention.code and mention.code not in seen:
            seen.add(mention.code)
            out.append(mention)
    return out


def _group(token: Token) -> list[Token]:
    """A token with the tokens coordinated with it ("Malaysia and Turkey"), less the names that are the next
    clause's subject ("sent aircraft and Croatia and Italy sent planes")."""
    group = [token, *token.conjuncts]
    last = max(group, key=lambda t: t.i)
    if last.pos_ == "PROPN" and last.i + 1 < len(token.doc):
        run = subject_run(token.doc[last.i + 1])
        if run:
            group = run if token in run else [t for t in group if t not in run]
    return group


def next_subject(token: Token) -> bool:
    """The name is one of the next clause's subjects, hung on this clause's object (see `subject_run`)."""
    last = max((token, *token.conjuncts), key=lambda t: t.i)
    return last.pos_ == "PROPN" and last.i + 1 < len(token.doc) and token in subject_run(token.doc[last.i + 1])


def subject_run(verb: Token) -> list[Token]:
    """ "Cyprus sent two aircraft and Croatia, France and Italy sent planes": the small model hangs the second
    subject on the first verb's object; a tensed conjunct with no subject of its own takes the names just before it."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0 or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return []
    run, tok = [], verb.doc[verb.i - 1]
    while tok.dep_ == "conj" and tok.pos_ == "PROPN" and tok.head.i < tok.i:
        run.append(tok)
        tok = tok.head
    # the chain hangs on a thing sent, not on a name: "sent X, Y and Z planes" stays X's
    return run[::-1] if run and tok.pos_ == "NOUN" and tok.head.i == verb.head.i else []


def actors_of(token: Token, index: ActorIndex, *, owners: bool = True, depth: int = 3) -> list[Mention]:
    """The actors a noun phrase stands for: itself, its coordinated parts, or its owner ("India's decision")."""
    found: list[Mention] = []
    dateline = _dateline_end(token)
    for tok in _group(token):
        if tok.i < dateline:
            if tok.i == token.i and depth > 0:
                found += _owners(tok, index, depth)   # only what follows the dash
            continue
        mention = index.acting.get(tok.i)
        if mention is not None:
            found.append(mention)
            found += _coordinated_modifiers(tok, index)
            continue
        if tok.i in index.groups:
            found += index.groups[tok.i]
            continue
        if tok.lower_ in REL_PRONOUNS and tok.head.dep_ == "relcl":
            found += actors_of(tok.head.head, index, owners=owners, depth=depth)
            continue
        if tok.pos_ == "PRON" and tok.dep_ == "appos" and depth > 1:
            found += actors_of(tok.head, index, depth=depth - 1)   # "countries such as X, those that ..."
            continue
        if tok.pos_ == "PRON" and tok.dep_ == "nsubj" and depth > 1:
            # "Countries such as X and Y, those that ...": a pronoun set beside another subject
            found += [m for s in tok.head.children if s.dep_ == "nsubj" and s.i != tok.i
                      for m in actors_of(s, index, depth=depth - 1)]
            continue
        if owners and depth > 0:
            found += _owners(tok, index, depth)
    return _unique(found)



def actors_in(tokens: list[Token], index: ActorIndex) -> list[Mention]:
    """The actors of several noun phrases, each once, in order."""
    found: list[Mention] = []
    for tok in tokens:
        found += [m for m in actors_of(tok, index) if m not in found]
    return found

def _coordinated_modifiers(tok: Token, index: ActorIndex) -> list[Mention]:
    """ "Philippine and American forces": the first modifier is an actor of the phrase as well."""
    found: list[Mention] = []
    for child in tok.children:
        # the small model sometimes hangs "Mali and" off "Burkina Faso" as a modifier with its "and"
        if child.dep_ in ("amod", "compound", "nmod") and child.i < tok.i and (
                child.conjuncts or any(c.dep_ == "cc" for c in child.children)):
            found += [m for c in (child, *child.conjuncts) if (m := index.acting.get(c.i)) is not None]
    return found


def _dateline_end(tok: Token) -> int:
    """Where a dateline hanging off a sentence-initial token ends ("HANOI, Vietnam (AP) - ..."), else -1."""
    if not tok.left_edge.is_sent_start and not _after_dateline_city(tok.left_edge):   # cheaper than tok.sent
        return -1
    return next((c.i for c in tok.children if c.dep_ == "punct" and c.i > tok.i and c.text in DATELINE_MARKS), -1)


def _after_dateline_city(tok: Token, limit: int = 6) -> bool:
    """ "ABUJA, Nigeria (AFP) - ...": only an upper-case city and commas stand between the sentence start and tok."""
    doc = tok.doc
    for i in range(tok.i - 1, max(-1, tok.i - 1 - limit), -1):
        before = doc[i]
        if not (before.is_upper or before.is_punct):
            return False
        if before.is_sent_start:
            return before.is_upper and len(before.text) > 1
    return False


def _owners(tok: Token, index: ActorIndex, depth: int) -> list[Mention]:
    """Actors attached to a noun: "Russian offer", "the government of Iraq", "countries such as X".

    Relative clauses and reduced relatives ("the accord signed by X") are not owners: they are left alone.
    """
    found: list[Mention] = []
    dateline = _dateline_end(tok)
    for child in tok.children:
        if child.i < dateline:
            continue   # the place a story was filed from is not the one who acts
        if _mediated(child):
            continue   # "the Turkish-brokered deal": the go-between is no party to it
        if child.dep_ in OWNER_DEPS:
            found += actors_of(child, index, depth=depth - 1)
        elif child.dep_ == "prep" and child.lower_ in ("of", "as", "from", "including", "like"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found += actors_of(pobj, index, depth=depth - 1)
        elif child.dep_ == "prep" and child.lower_ == "in" and tok.lemma_.lower() in RULERS:
            # "the new government in La Paz", "the authorities in Kabul": the state whose seat it is
            found += [m for p in child.children if p.dep_ == "pobj" and (m := index.places.get(p.i)) is not None]
    return found


def _mediated(tok: Token) -> bool:
    return tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.lemma_.lower() in MEDIATED


def _stray_subject(verb: Token) -> Token | None:
    """ "X, whose Y is Z, urged ...": a clause before the verb that took two subjects took the verb's first."""
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i < verb.i:
            subjects = [c for c in child.children if c.dep_ == "nsubj"]
            if len(subjects) >= 2:
                return subjects[0]
    run = subject_run(verb)
    if run:
        return run[0]
    # "Azerbaijan massed troops ...": the small model reads a name before a tensed verb as a modifier
    if verb.tag_ in ("VBD", "VBZ", "VBP") and not any(c.dep_ in ("nsubjpass", "expl") for c in verb.children):
        first = next(iter(verb.children), None)
        if (first is not None and first.dep_ == "npadvmod" and first.pos_ == "PROPN" and first.i < verb.i
                and first.ent_type_ not in ("DATE", "TIME")):
            return first
    return None


def _past_beside_perfect(verb: Token, head: Token) -> bool:
    """A subjectless simple past conjoined to a perfect inside a claim or a reported clause."""
    return (verb.dep_ == "conj" and verb.tag_ == "VBD" and head.tag_ == "VBN" and head.dep_ in ("acl", "ccomp")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
            and any(c.dep_ == "aux" and c.lower_ in ("had", "has", "have") for c in head.children)
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children))


def subject_tokens(verb: Token, hops: int = 4) -> list[Token]:
    """Who does what a verb (or event noun) says, following control, coordination and relative clauses."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        return subjects
    for child in verb.children:
        if child.dep_ == "agent":
            return [p for p in child.children if p.dep_ == "pobj"]
    stray = _stray_subject(verb)
    if stray is not None:
        return [stray]
    if hops <= 0 or verb.dep_ == "ROOT":
        return []
    head = verb.head
    if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and verb.tag_ in ("VB", "VBG", "VBN")):
        # "ordered X to leave": X leaves; "ordered X out, accusing Y": the one who ordered accuses
        if head.lemma_ in OBJECT_CONTROL and not (verb.dep_ == "advcl" and verb.tag_ == "VBG"):
            objects = [c for c in head.children if c.dep_ in OBJECTS]
            if objects:
                return objects
        return subject_tokens(head, hops - 1)
    if verb.dep_ == "ccomp" and verb.tag_ == "VBD" and head.i < verb.i and not any(
            c.dep_ in ("mark", "nsubjpass", "expl", "aux") for c in verb.children):
        # "X said ..., accused Y of ... and dismissed Z": a tensed clause with no subject of its own is a
        # coordinated act of the one who speaks, which the parser hung as what was said
        return subject_tokens(head, hops - 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.i != head.i:
        objects = [c for c in head.head.children if c.dep_ in OBJECTS]
        if head.lower_ in OBJECT_PREPS and objects:
            return objects
        return subject_tokens(head.head, hops - 1)   # "after meeting X": whoever the main clause is about
    if verb.dep_ == "conj" and head.dep_ == "xcomp" and verb.tag_ in ("VBD", "VBZ") and head.tag_ == "VB":
        # "X urged Y to avoid Z and invited ...": a tensed conjunct of an infinitive is X's own act
        return subject_tokens(head.head, hops - 1) if head.head.i != head.i else []
    if verb.dep_ == "conj" and head.dep_ == "ccomp" and verb.tag_ == "VBD" and head.tag_ in ("VBZ", "VBP"):
        # "X said that Y breaches Z and asked Y to ...": a past tense beside a reported present is X's own act
        return subject_tokens(head.head, hops - 1)
    if _past_beside_perfect(verb, head):
        # "X rejected claims that Y had breached Z and urged W to ...": a simple past beside an embedded
        # pluperfect is the matrix clause's act, which the parser hung inside the claim
        matrix = head.head.head if head.dep_ == "acl" else head.head
        if matrix.pos_ in ("VERB", "AUX") and matrix.i != head.i:
            return subject_tokens(matrix, hops - 1)
    if verb.dep_ == "conj" and not any(c.dep_ == "auxpass" for c in verb.children):
        # "X was concerned by Y and urged Z": an active conjunct shares the surface subject, not the agent
        surface = [c for c in head.children if c.dep_ == "nsubjpass"]
        if surface and not any(c.dep_ in ("nsubj", "csubj") for c in head.children):
            return surface
    if verb.dep_ in ("conj", "pcomp", "acomp") or (verb.dep_ == "dep" and verb.pos_ == head.pos_ == "VERB"):
        return subject_tokens(head, hops - 1)   # "dep": "X, meeting in Y, suspended Z" parsed loosely
    if verb.dep_ == "pobj" and head.dep_ == "prep":
        return subject_tokens(head.head, hops - 1)
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        owners = [c for c in head.children if c.dep_ == "poss"]
        if owners:
            return owners
        if head.dep_ in OBJECTS and head.head.pos_ in ("VERB", "AUX"):
            return subject_tokens(head.head, hops - 1)
        return [head]
    return []


def patient_tokens(verb: Token) -> list[Token]:
    """The passive subject of a verb ("X was rejected by Y" -> X)."""
    return [c for c in verb.children if c.dep_ == "nsubjpass"]


def prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the given prepositions hanging off a token or its particle ("reach out to X")."""
    wanted = set(preps)
    found: list[Token] = []
    for child in token.children:
        # the small model tags "sent troops to X" as a dative now and then
        prep = child.dep_ in ("prep", "agent") or (child.dep_ == "dative" and child.pos_ == "ADP")
        if prep and child.lower_ in wanted:
            # "talks with X in A and with Y in B": a coordinated phrase of the same preposition
            for phrase in (child, *(c for c in child.conjuncts if c.lower_ in wanted)):
                found += [p for p in phrase.children if p.dep_ in ("pobj", "pcomp") and p.lower_ not in VENUES]
        elif (child.dep_ in ("prt", "advmod") or (prep and _particle(child))) and child.i > token.i:
            found += prep_objects(child, wanted)   # "pulled out of X", "moved away from X"
    return found


def _particle(prep: Token) -> bool:
    """A particle parsed as a preposition, with no object of its own, that leads to another ("out" in "pulled out
    of"); not "according to"."""
    return prep.lower_ in PARTICLES and not any(c.dep_ in ("pobj", "pcomp") for c in prep.children) and any(c.dep_ == "prep" for c in prep.children)


def direct_objects(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in OBJECTS]


def complements(token: Token) -> list[Token]:
    """Clausal complements of a trigger ("told X to convene", "demanded that X renounce")."""
    return [c for c in token.children if c.dep_ in ("xcomp", "ccomp", "acl")]


def subject_actors(sent: Span, index: ActorIndex, exclude: set[str]) -> list[Mention]:
    """Actors that are subjects of some clause of the sentence, the root's first ("the move" -> whose move)."""
    subjects = sorted((t for t in sent if t.dep_ in ("nsubj", "nsubjpass")), key=lambda t: t.head.dep_ != "ROOT")
    for tok in subjects:
        found = [m for m in actors_of(tok, index) if m.code not in exclude]
        if found:
            return found[:1]
    return []


def search_actors(token: Token, index: ActorIndex, *, skip: frozenset[int] = frozenset(),
                  limit: int = 40) -> list[Mention]:
    """The first actors found breadth-first below a token, subjects excluded ("threatened to act against X")."""
    queue = [c for c in token.children if c.dep_ not in ("nsubj", "nsubjpass", "punct", "cc", "mark", "aux")
             and c.lower_ not in CO_AGENTS]
    seen = 0
    while queue and seen < limit:
        tok = queue.pop(0)
        seen += 1
        if tok.i in skip:
            continue
        if (tok.i in index.acting or tok.i in index.groups) and not next_subject(tok):
            return actors_of(tok, index)
        queue += [c for c in tok.children if c.dep_ not in ("punct", "cc", "relcl", "advcl", "nsubj")
                  and c.lower_ not in CO_AGENTS and not _mediated(c)]
    return []


def path_up(token: Token, limit: int = 12) -> Iterator[Token]:
    """The token and its heads up to the sentence root."""
    tok = token
    for _ in range(limit):
        yield tok
        if tok.head.i == tok.i:
            return
        tok = tok.head


_QUOTE_MARKS = ("\u201c", "\u00ab", "\u201d", "\u00bb", '"')


def quoted_tokens(doc: Doc, min_len: int = 4) -> frozenset[int]:
    """Token indices inside direct quotations of at least `min_len` words (scare quotes do not count).

    Only quote marks and sentence starts decide, so they are found in the doc's arrays (no Token per word)."""
    strings = doc.vocab.strings
    marks = {strings[m]: m for m in _QUOTE_MARKS}
    inside: set[int] = set()
    start: int | None = None
    starts = doc.to_array(SENT_START).astype("int64").tolist()   # -1, 0 or 1 (a uint64 array otherwise)
    for i, (orth, sent_start) in enumerate(zip(doc.to_array(ORTH).tolist(), starts)):
        text = marks.get(orth)
        if text is None and sent_start != 1:
            continue
        opening = text in ("\u201c", "\u00ab") or (text == '"' and start is None)
        closing = text in ("\u201d", "\u00bb") or (text == '"' and start is not None)
        if opening and start is None:
            start = i
        elif closing and start is not None:
            if i - start - 1 >= min_len:
                inside.update(range(start + 1, i))
            start = None
        elif sent_start == 1 and start is not None and i - start > 80:
            start = None   # an unbalanced quote mark does not swallow the article
    return frozenset(inside)
