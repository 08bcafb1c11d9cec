"""Parties that news names by a phrase the actors stage leaves open: "both sides", "the two countries", "the bloc".

Group phrases stand for several actors named before ("Cuba and Norway urged both sides"): the nearest
coordination of that many actors, else the actors most often named in the sentences just before, less the
phrase's own clause subject (who urges both sides is not one of them). A bloc phrase ("the bloc", "the agency")
stands for the organisation named last, one whose name holds the word first ("the agency"). "It" as the subject of a
sentence's main verb stands for the state or organisation that was the subject of the sentence before ("Lima did
the right thing. It filed a complaint ..."). The mentions made here only feed the events stage's index.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from newsgraph.events.lexicon import Lexicon
from newsgraph.events.patterns import ActorIndex, path_up, subject_tokens
from newsgraph.model import Mention

WINDOW = 10   # sentences looked back for the parties of a group phrase
HOW = "group anaphora"
ALL = -1   # "all sides", "all parties": the parties of the conflict the story is about
# Verbs whose "it" is empty ("it is clear that", "it remains to be seen").
EMPTY_IT = frozenset({"be", "seem", "appear", "remain", "become", "happen", "matter", "emerge", "follow", "take"})


def add_anaphora(doc: Doc, index: ActorIndex, mentions: Iterable[Mention], lex: Lexicon) -> set[int]:
    """Resolve group and bloc phrases into `index`; returns the sentence indices that gained a mention."""
    # places count too: "the border with X" keeps X in the story
    acting = sorted((m for m in mentions if m.code), key=lambda m: m.tok_start)
    if not acting:
        return set()
    orgs = {m.code for m in acting if m.kind == "org"}
    sents = list(doc.sents)
    gained: set[int] = set()
    for n, sent in enumerate(sents):
        for token in sent:
            word = token.lower_
            if word == "it" and n and token.i not in index.acting:
                found = _it(token, sents[n - 1], index)
                if found:
                    index.groups[token.i] = [_mention(token, n, found)]
                    gained.add(n)
                continue
            if word == "them" and token.dep_ in ("dobj", "pobj") and token.i not in index.acting:
                found = _them(token, n, acting, index, sents)
                if found:
                    index.groups[token.i] = [_mention(token, n, m) for m in found]
                    gained.add(n)
                continue
            if token.i in index.acting or (word not in lex.group_nouns and word not in lex.bloc_nouns):
                continue
            if word in lex.bloc_nouns:
                found = _bloc(token, acting, orgs)
            else:
                found = _group(token, n, acting, orgs, index, lex, sents)
            if found:
                index.groups[token.i] = [_mention(token, n, m) for m in found]
                gained.add(n)
    return gained


def _mention(token: Token, sent: int, antecedent: Mention) -> Mention:
    return Mention(start=token.idx, end=token.idx + len(token.text), text=token.text, sent=sent,
                   tok_start=token.i, tok_end=token.i + 1, code=antecedent.code, kind=antecedent.kind,
                   sector=antecedent.sector, how=HOW)


def _number(token: Token, lex: Lexicon) -> int | None:
    """How many parties the phrase names: "both sides" 2, "the three countries" 3, "the warring parties" 0."""
    for child in token.children:
        if child.dep_ in ("det", "predet", "nummod", "quantmod") and child.lower_ in lex.group_numbers:
            return lex.group_numbers[child.lower_]
        if child.dep_ in ("det", "predet") and child.lower_ in lex.group_all and token.lower_ in lex.party_nouns:
            return ALL
        if child.dep_ == "amod" and child.lower_ in lex.group_marks:
            return 0
    if token.lower_ in lex.group_numbers and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return lex.group_numbers[token.lower_]   # "both had pledged", "relations between the two"
    return None


def _wanted(mention: Mention, token: Token, orgs: set[str], lex: Lexicon) -> bool:
    """Countries, governments and capitals are states; sides, parties and leaders may be organisations too."""
    return token.lower_ not in lex.state_nouns or mention.code not in orgs


def _group(token: Token, n: int, acting: list[Mention], orgs: set[str], index: ActorIndex, lex: Lexicon,
           sents: list) -> list[Mention]:
    number = _number(token, lex)
    if number is None or any(p.lower_ in lex.divides for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                             for p in c.children if p.dep_ == "pobj"):
        return []   # "the people on both sides of the border" live there; they are not the parties
    if any(c.dep_ in ("compound", "amod", "poss") and c.i in index.acting for c in token.children):
        return []   # "all other ASEAN members", "the EU's members": the phrase names its own actor
    exclude = _clause_subjects(token, index)
    sent = sents[n]
    if number == ALL:
        return _all_parties(token, n, acting, exclude, index, sents)
    acting = [m for m in acting if not _venue(m, token.doc, lex)]
    before = [m for m in acting if sent.start <= m.tok_start < token.i and m.code not in exclude
              and not m.place and _wanted(m, token, orgs, lex)]
    if number:
        pair = _coordination(before, number, sent, token)
        if pair:
            return pair
        if len({m.code for m in before}) >= number:
            return _top(before, number)
    lo = sents[max(0, n - WINDOW)].start
    earlier = [m for m in acting if lo <= m.tok_start < sent.start and m.code not in exclude
               and _wanted(m, token, orgs, lex)]
    if number:   # "X and Y have treated each other ... The two governments announced": the pair that last acted
        pair = _coordination([m for m in earlier if _subject(token.doc[m.tok_end - 1])], number, sent, token)
        if pair:
            return pair
    if not number:   # "the warring parties": whoever the sentence before was about
        last = max((m.sent for m in earlier), default=None)
        return _top([m for m in earlier if m.sent == last], 3)
    # parties acted or were named as actors; a place ("in a hotel in Beijing", "from Yemen to Lebanon") only
    # where too few actors were named
    acted = [m for m in earlier + before if not m.place]
    return _top(acted if len({m.code for m in acted}) >= number else earlier + before, number, token.doc)


def _venue(mention: Mention, doc: Doc, lex: Lexicon) -> bool:
    """ "on the sidelines of the UN General Assembly", "at the APEC summit": an organisation named as where leaders
    met is the venue, not one of "the two leaders"."""
    tok = doc[mention.tok_end - 1]
    if lex.lemma(tok) in lex.venues:
        return True
    return tok.dep_ in ("compound", "amod", "nmod") and lex.lemma(tok.head) in lex.venues and mention.kind == "org"


def _all_parties(token: Token, n: int, acting: list[Mention], exclude: set[str], index: ActorIndex,
                 sents: list) -> list[Mention]:
    """ "urged all sides to exercise restraint", "called on all parties in X": the parties of the conflict the story
    is about, which news names by its state: the place the phrase names, else the state most named in the sentences
    up to it (none on a tie), never the clause's own subject."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "inside", "within"):
            found = [m for p in child.children if p.dep_ == "pobj" for t in p.subtree if (m := index.places.get(t.i))
                     or (m := index.acting.get(t.i))]
            if found:
                return found[:1]
    lo = sents[max(0, n - WINDOW)].start
    states = [m for m in acting if lo <= m.tok_start < token.i and m.kind == "state" and m.code not in exclude]
    counts = Counter(m.code for m in states)
    if not counts:
        return []
    ranked = counts.most_common(2)
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return []   # no one state the story is about
    last = {m.code: m for m in states}
    return [last[ranked[0][0]]]


def _them(token: Token, n: int, acting: list[Mention], index: ActorIndex, sents: list) -> list[Mention]:
    """ "China, which has ties with both countries, urged them ...", "X and Y traded strikes. Z urged them ...":
    the group named last in the sentence, else the actors coordinated as a subject there or in the sentence before
    (never the clause's own subject)."""
    sent = sents[n]
    exclude = _clause_subjects(token, index)
    groups = [i for i in index.groups if sent.start <= i < token.i and len(index.groups[i]) > 1]
    if groups:
        found = [m for m in index.groups[max(groups)] if m.code not in exclude]
        return found if len(found) > 1 else []
    for lo, hi in ((sent.start, token.i), (sents[n - 1].start if n else sent.start, sent.start)):
        subjects = [m for m in acting if lo <= m.tok_start < hi and not m.place and m.code not in exclude
                    and _subject(token.doc[m.tok_end - 1])]
        for size in (3, 2):
            found = _coordination(subjects, size, sent, token)
            if found:
                return found
    return []


def _coordination(before: list[Mention], number: int, sent, token: Token) -> list[Mention]:
    """The nearest "X and Y" before the phrase that names exactly as many actors."""
    by_token = {i: m for m in before for i in range(m.tok_start, m.tok_end)}
    for m in reversed(before):
        head = sent.doc[m.tok_end - 1]
        group = [head, *head.conjuncts]
        found = {by_token[t.i].code: by_token[t.i] for t in group if t.i in by_token}
        if len(found) == number:
            return list(found.values())
    return []


def _top(mentions: list[Mention], number: int, doc: Doc | None = None) -> list[Mention]:
    """The most often named actors; among equals, those named as a clause's subject (who acted, not "from X to
    Y"), then the later named."""
    counts = Counter(m.code for m in mentions)
    acted = Counter(m.code for m in mentions if doc is not None and _subject(doc[m.tok_end - 1]))
    last = {m.code: m for m in mentions}
    order = sorted(last, key=lambda code: (-counts[code], -acted[code], -last[code].tok_start))
    return [last[code] for code in order[:number]]


def _subject(token: Token) -> bool:
    """The token heads a clause's subject, or is coordinated or in apposition with one ("X and Y have treated each
    other", "X's President A and Y's President B agreed")."""
    for _ in range(4):
        if token.dep_ not in ("conj", "appos", "compound") or token.head.i == token.i:
            break
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def _clause_subjects(token: Token, index: ActorIndex) -> set[str]:
    """Codes of the subject of the clause the phrase sits in, unless the phrase is in that subject."""
    for tok in path_up(token):
        if tok.pos_ in ("VERB", "AUX") and tok.i != token.i:
            subjects = subject_tokens(tok)
            if any(s.left_edge.i <= token.i <= s.right_edge.i for s in subjects):
                return set()
            return {m.code for s in subjects for t in s.subtree if (m := index.acting.get(t.i)) is not None}
    return set()


def _it(token: Token, before, index: ActorIndex) -> Mention | None:
    """The state or organisation "it" stands for, as the subject of its sentence's main verb."""
    head = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or head.dep_ != "ROOT" or head.lemma_ in EMPTY_IT:
        return None
    subjects = [t for t in before.root.children if t.dep_ in ("nsubj", "nsubjpass")]
    mention = index.acting.get(subjects[0].i) if subjects else None
    if mention is None and subjects and subjects[0].pos_ == "NOUN":
        # "Tehran's reaction was swift. It recalled ...": the one whose reaction, answer or decision it was
        owners = [c for c in subjects[0].children if c.dep_ == "poss"]
        mention = index.acting.get(owners[0].i) if owners else None
    return mention if mention is not None and mention.kind in ("state", "org") else None


def _bloc(token: Token, acting: list[Mention], orgs: set[str]) -> list[Mention]:
    """ "the bloc", "the agency": the organisation named last before, when the phrase is definite."""
    if not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that") for c in token.children):
        return []
    if any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in token.children):
        return []   # "the Atomic Energy Agency" is a name the actors stage did not know
    # a bloc, an agency or a commission is not an armed group ("linked to the Islamic State ... the bloc")
    found = [m for m in acting if m.tok_start < token.i and m.kind == "org" and not m.place and m.sector != "REB"]
    named = [m for m in found if token.lemma_.lower() in m.text.lower()]   # "the agency": the last "... Agency"
    return (named or found)[-1:]
