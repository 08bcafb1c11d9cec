"""Find trigger tokens: lemma lookups in the lexicon, checked against the parse around the token."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IDX, LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from newsgraph.nlp import doc_text
from newsgraph.events.lexicon import JUDGEMENTS, Entry, Lexicon, Wrapper
from newsgraph.events.patterns import ActorIndex, OBJECTS, actors_of, prep_objects

# Named entities that are names, not events ("Organisation of Islamic Cooperation", "the Treaty of ...").
NAME_LABELS = frozenset({"ORG", "LAW", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT", "PERSON"})
QUANTITIES = frozenset({"PERCENT"})
# Tensed verbs, which NER sometimes sweeps into a name before them ("Pakistan's prime minister played").
FINITE = frozenset({"VBD", "VBZ", "VBP"})
CHANGE_UNITS = frozenset({"%", "percent", "per cent", "points", "point", "pct"})
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
# Dependencies of a noun: a token tagged VERB in one of them is a noun the tagger misread.
NOMINAL = frozenset({"dobj", "pobj", "nsubj", "nsubjpass"})
# What a verb is done to: its object, or its subject in the passive ("restrictions were lifted").
PATIENTS = OBJECTS | {"nsubjpass"}
# Particles of entries ("give in to", "sit in") that are also prepositions with an object of their own ("in aid").
LOOSE_PARTICLES = frozenset({"in"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """A token that names an event, with the lexicon entry it matched."""

    token: Token
    entry: Entry
    container: Token | None = None   # "launched a mediation effort between X and Y" -> effort
    carrier: Token | None = None     # "a sit-in was staged by X" -> staged

    @property
    def phrase(self) -> Token:
        """The noun whose dependents give a noun event's parties: the trigger or the noun it modifies."""
        return self.container or self.token

    @property
    def clause(self) -> Token:
        """The verb that carries a noun event ("held talks" -> held); the trigger itself otherwise."""
        if self.carrier is not None:
            return self.carrier
        tok = self.phrase
        if self.entry.pos == "noun" and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "of") and (
                (_amount(tok.head.head) or _partitive(tok.head)) and tok.head.head.dep_ in OBJECTS):
            # "announced 30 million euros in aid", "sent 500 tonnes of aid", "held several rounds of talks",
            # "carried out some of the heaviest strikes"
            tok = tok.head.head
        if self.entry.pos == "noun" and tok.dep_ in OBJECTS | {"attr"} and tok.head.pos_ in ("VERB", "AUX"):
            return tok.head
        return self.phrase


def _loose(word: Token) -> bool:
    """ "gave money in aid to X" is not "gave in to X": a particle has no object of its own."""
    return word.lower_ in LOOSE_PARTICLES and word.dep_ == "prep" and any(g.dep_ == "pobj" for g in word.children)


def _dated(prep: Token) -> bool:
    """A preposition whose object is a date or a time ("on Monday"): never an entry's particle."""
    return prep.dep_ == "prep" and any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in prep.children)


def _children_words(token: Token) -> set[str]:
    words: set[str] = set()
    for child in token.children:
        if child.dep_ == "prep" and child.i > token.i:
            # "brought X and Y together in Z": the small model hangs the particle on the phrase after it
            words.update(g.lower_ for g in child.children if g.dep_ == "advmod" and g.i < child.i)
        if child.dep_ in ("aux", "mark") or _loose(child) or _dated(child):
            continue   # the "to" of "to protest" is no preposition ("protest to X"), nor "on" in "called X on Monday"
        words.add(child.lower_)
        words.add(child.lemma_)
        # pre-modifiers too: the small model hangs "joint coast guard drills" as amod < compound < nsubj < drills
        if child.dep_ == "compound" and child.i < token.i:   # "joint coast guard drill": joint < coast < guard
            words.update(g.lower_ for g in child.subtree if g.dep_ in ("compound", "amod") and g.i < child.i)
        if child.dep_ in ("prt", "advmod", "dobj", "compound", "amod") or (child.dep_ == "prep" and child.i > token.i) or (
                child.i < token.i and child.dep_ == "nsubj" and token.dep_ in NOMINAL):
            words.update(g.lower_ for g in child.children
                         if g.dep_ in ("prep", "prt", "compound", "amod") and not _loose(g))
        if child.dep_ == "prep" and child.i > token.i:   # "took X into custody", "placed X under arrest"
            words.update(g.lower_ for g in child.children if g.dep_ == "pobj")
    return words


def _prescriptive(token: Token, lex: Lexicon) -> bool:
    """A that-clause that prescribes ("the only solution is", "must", "need to")."""
    for child in token.children:
        if child.dep_ == "ccomp" and any(t.lower_ in lex.prescriptive for t in child.subtree):
            return True
    return False


def predicates(verb: Token) -> list[Token]:
    """What a naming verb calls its object: "called the move reckless", "described it as an attack"."""
    found = [c for c in verb.children if c.dep_ == "oprd"]
    # the small model parses some small clauses as a clause with no verb ("declared X an aggressor state")
    found += [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("NOUN", "ADJ")
              and not any(k.dep_ in ("nsubj", "nsubjpass", "aux", "mark") for k in c.children)]
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]   # "as" hangs off the verb or its object
    found += [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "as"
              for p in c.children if p.dep_ == "pobj"]
    return found


def judged_objects(verb: Token) -> list[Token]:
    """What a naming verb judges: its object, or the noun the parse hung on the predicate ("X's decision reckless")."""
    found = [c for c in verb.children if c.dep_ == "dobj"]
    found += [c for p in predicates(verb) if p.dep_ == "oprd" for c in p.children if c.dep_ in ("compound", "nsubj")
              and c.i < p.i]
    return found


def judged(verb: Token, words: frozenset[str]) -> bool:
    """The predicate, or a word describing it ("a serious setback", "an unacceptable intrusion"), is in `words`."""
    return any(t.lemma_.lower() in words or t.lower_ in words
               for p in predicates(verb) for t in [p, *(c for c in p.children if c.dep_ in ("amod", "compound"))])


def _infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _addressee(token: Token) -> bool:
    """Someone is told to act: an object, or the subject of an infinitive ("expects X to show")."""
    return any(c.dep_ in OBJECTS or (c.dep_ in ("ccomp", "advcl") and _infinitive(c)
                                     and any(g.dep_ == "nsubj" for g in c.children)) for c in token.children)


def _has_complement(token: Token) -> bool:
    """A to-clause ("urged X to delay", "expects X to show"); for nouns also "a call for ..."."""
    if token.pos_ == "NOUN":
        # not a reduced relative: "a proposal put forward by X" has no complement
        return any((c.dep_ in ("acl", "xcomp", "relcl") and c.tag_ != "VBN") or (c.dep_ == "prep" and c.lower_ == "for")
                   for c in token.children)
    return any(c.dep_ == "xcomp" or (c.dep_ in ("ccomp", "advcl") and _infinitive(c)) for c in token.children)


def _intransitive(token: Token) -> bool:
    """No object, no passive, no that-clause: "students marched", not "as demonstrated by X"."""
    return not any(c.dep_ in OBJECTS or c.dep_ in ("nsubjpass", "auxpass", "agent", "ccomp") for c in token.children)


def _has_argument(token: Token) -> bool:
    return any(c.dep_ in OBJECTS or c.dep_ in ("xcomp", "ccomp", "prep", "nsubjpass") for c in token.children)


def _quantity(token: Token) -> bool:
    """A figure is what changed ("shares declined 0.3%", "stocks rallied 2 percent"): markets, not politics."""
    for child in token.children:
        if child.dep_ in OBJECTS and not (child.ent_type_ in QUANTITIES or child.lower_ in CHANGE_UNITS):
            return False
    return any(c.dep_ in OBJECTS | {"npadvmod", "advmod", "prep"}
               and any(t.ent_type_ in QUANTITIES or t.lower_ in CHANGE_UNITS for t in c.subtree)
               for c in token.children if c.dep_ != "prep" or c.lower_ in ("by", "to"))


AMOUNTS = frozenset({"MONEY", "QUANTITY", "CARDINAL"})
# Words for a part or a run of events: "some of the strikes", "a series of raids", "several rounds of talks".
PARTITIVES = frozenset({"some", "one", "many", "several", "most", "all", "part", "series", "round", "rounds",
                        "wave", "waves", "string", "spate", "flurry", "number", "couple", "dozens", "hundreds"})


def _amount(noun: Token) -> bool:
    """A sum or a quantity ("$5 million", "500 million kroner", "two shipments")."""
    return noun.ent_type_ in AMOUNTS or any(c.dep_ == "nummod" for c in noun.children)


def _partitive(of: Token) -> bool:
    """ "of" after a word for a part or a run of events, with nothing else named ("some of the strikes")."""
    return of.lower_ == "of" and of.head.lower_ in PARTITIVES


def _object_words(token: Token, lex: Lexicon) -> set[str]:
    """Lemmas of the objects, also "provided X with aid", "gave X $5 million" and "gave X ten days" (npadvmod)."""
    objects = [c for c in token.children if c.dep_ in PATIENTS or (c.dep_ == "npadvmod" and c.pos_ == "NOUN")]
    if token.pos_ == "NOUN":   # what a noun's act carries: "the delivery of interceptors", "arms deliveries"
        objects += [c for c in token.children if c.dep_ == "compound"] + prep_objects(token, ["of"])
    objects += [c for o in objects for c in o.conjuncts]   # "sent armoured vehicles and troops"
    # a small clause without "that": "declared two diplomats persona non grata"
    objects += [s for c in token.children if c.dep_ == "ccomp" and not any(m.dep_ == "mark" for m in c.children)
                for s in c.children if s.dep_ == "nsubj" and s.pos_ == "NOUN"]
    # "handed back eleven detained fishermen": the small model makes the participle the object, the noun its own
    objects += [g for o in objects if o.pos_ == "VERB" and o.tag_ == "VBN" for g in o.children if g.dep_ in OBJECTS]
    objects += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
                if p.dep_ == "pobj"]
    objects += [p for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children if p.dep_ == "pobj"]   # "tonnes of wheat", "$5 million worth of goods"
    # "500 million kroner in humanitarian aid", the phrase on the object or on the verb
    objects += [p for o in objects if _amount(o) for h in (o, token) for c in h.children
                if c.dep_ == "prep" and c.lower_ == "in" for p in c.children if p.dep_ == "pobj"]
    # what the object carries: "planes loaded with tents and medicine", "trucks carrying food"
    cargo = [g for o in objects for c in o.children if c.dep_ == "acl" for g in c.children
             if g.dep_ in OBJECTS or (g.dep_ == "prep" and g.lower_ == "with")]
    cargo = [p for g in cargo for p in ((g,) if g.dep_ in OBJECTS else [p for p in g.children if p.dep_ == "pobj"])]
    objects += cargo + [c for o in cargo for c in o.conjuncts]
    # what kind of thing the object is: "rescue teams", "aid trucks", "field hospitals"
    kinds = [c for o in objects for c in o.children if c.i < o.i
             and (c.dep_ == "compound" or (c.dep_ == "amod" and c.pos_ == "NOUN"))]   # "firefighting aircraft"
    return {lex.lemma(o) for o in objects} | {o.lower_ for o in objects} | {c.lower_ for c in kinds}


def _accepts(entry: Entry, token: Token, index: ActorIndex, lex: Lexicon) -> bool:
    if entry.words and not set(entry.words) <= _children_words(token):
        return False
    if entry.pos == "verb" and _quantity(token):
        return False
    if "intr" in entry.flags and not _intransitive(token):
        return False
    if entry.type == "PROTEST" and entry.pos == "verb" and any(
            lex.lemma(c) in lex.markets or c.lower_ in lex.markets for c in token.children if c.dep_ == "nsubj"):
        return False   # "Japanese exports rallied", "shares of X rallied"
    if "arg" in entry.flags and not _has_argument(token):
        return False
    # "lodged a protest with X", and "handed a protest note to X" (the complaint names the note it is made in)
    lodged = token.head if token.dep_ == "compound" and lex.lemma(token.head) in lex.event_heads else token
    if "complaint" in entry.flags and not (lodged.dep_ in OBJECTS and lex.lemma(lodged.head) in lex.complaint_verbs):
        return False
    if "xcomp" in entry.flags and not _has_complement(token):
        return False
    if "xcomp" in entry.flags and entry.pos == "verb" and not entry.prep and not _addressee(token):
        return False   # "expects X to ...", not "wants to ..."
    if "presc" in entry.flags and not _prescriptive(token, lex):
        return False
    for kind in entry.flags & JUDGEMENTS:
        if not judged(token, lex.judgements.get(kind, frozenset())):
            return False
    if "obj" in entry.flags and not any(actors_of(c, index) for c in token.children if c.dep_ in PATIENTS):
        return False
    if "obj" in entry.flags and entry.type == "CONSULT" and any(c.dep_ == "oprd" for c in token.children):
        return False   # "calling him a messenger of X" names him, it is no phone call
    if entry.objects and not entry.objects & _object_words(token, lex):
        return False
    if entry.not_objects and entry.not_objects & _object_words(token, lex):
        return False
    return True




def hyphenated(token: Token) -> tuple[str, str] | None:
    """ "sit-in", "cease-fire", "pull-out": spaCy splits them; the last part heads the word. Returns (form, lemma)."""
    doc, i, start = token.doc, token.i, token.idx
    if i < 2 or start < 2 or doc_text(doc)[start - 1] not in HYPHENS:   # the text first: cheaper than the tokens
        return None
    hyphen = doc[i - 1]
    if hyphen.whitespace_ or hyphen.text not in HYPHENS or doc[i - 2].whitespace_:
        return None
    first = doc[i - 2].lower_
    return f"{first}-{token.lower_}", f"{first}-{token.lemma_.lower()}"


def _noun_entries(token: Token, lex: Lexicon) -> list[Entry]:
    joined = hyphenated(token)
    if joined is not None:
        form, lemma = joined
        return lex.nouns.get(lemma, []) + (lex.nouns.get(form, []) if form != lemma else [])
    # the lemma's entries, then the surface form's ("talks" is its own entry; "talk phone" is the lemma's)
    lemma = lex.lemma(token)
    return lex.nouns.get(lemma, []) + (lex.nouns.get(token.lower_, []) if token.lower_ != lemma else [])


def match_token(token: Token, lex: Lexicon, index: ActorIndex) -> Entry | None:
    """The most specific lexicon entry whose conditions hold around the token, if any."""
    pos = token.pos_
    if pos not in ("VERB", "NOUN", "PROPN"):
        return None
    if pos == "VERB" and token.dep_ in NOMINAL and token.tag_ != "VBG":
        # a noun the tagger took for a verb ("began joint drills" -> drills/VERB as object)
        entries = _noun_entries(token, lex) or lex.verbs.get(lex.lemma(token), [])
    elif pos == "VERB":
        joined = hyphenated(token)   # "test-fired"
        entries = (lex.verbs.get(joined[1], []) if joined else []) or lex.verbs.get(lex.lemma(token), [])
    elif pos in ("NOUN", "PROPN"):
        entries = _noun_entries(token, lex)
    else:
        return None
    if not entries or _first_part(token):   # "sit" of "sit-in": the word is read at its last part
        return None
    return next((e for e in entries if _accepts(e, token, index, lex)), None)


def _first_part(token: Token) -> bool:
    end = token.idx + len(token.text)
    doc, i = token.doc, token.i
    if token.whitespace_:
        return False
    text = doc_text(doc)
    if end >= len(text) or text[end] not in HYPHENS:
        return False
    return i + 2 < len(doc) and doc[i + 1].text in HYPHENS and not doc[i + 1].whitespace_ and doc[i + 2].is_alpha


_LAST: list = [None, b""]          # the last doc and its candidate marks: a doc is read sentence by sentence
_KEYS: dict[int, tuple] = {}      # id(lexicon) -> (lexicon, hashes of forms, hashes of lemmas)


def candidates(doc: Doc, lex: Lexicon) -> bytes:
    """1 for each token that may have a lexicon entry (its form or lemma is a key, or a hyphen joins it to the word
    before), read from the doc's arrays: `match_token` finds nothing for the others, and making a Token for every
    word of every sentence costs more than matching the few that can be triggers."""
    if _LAST[0] is doc:
        return _LAST[1]
    keys = _KEYS.get(id(lex))
    if keys is None or keys[0] is not lex:
        strings = doc.vocab.strings
        words = set(lex.verbs) | set(lex.nouns)
        keys = _KEYS[id(lex)] = (lex, frozenset(strings[w] for w in set(lex.forms) | set(lex.nouns)),
                                 frozenset(strings[f] for w in words for f in (w, w.title(), w.upper())))
    _, forms, lemmas = keys
    text = doc_text(doc)
    marks = bytes(low in forms or lem in lemmas or (idx >= 2 and text[idx - 1] in HYPHENS)
                  for low, lem, idx in doc.to_array([LOWER, LEMMA, IDX]).tolist())
    _LAST[0], _LAST[1] = doc, marks
    return marks


def find_triggers(sent: Span, lex: Lexicon, index: ActorIndex, skip: frozenset[int]) -> list[Trigger]:
    """Every trigger in a sentence, outside actor names, other names and direct quotations."""
    found = []
    doc, marks = sent.doc, candidates(sent.doc, lex)
    for i in range(sent.start, sent.end):
        if not marks[i]:
            continue
        token = doc[i]
        if token.i in skip or token.i in index.acting or token.i in index.places:
            continue
        if (token.ent_type_ in NAME_LABELS and not (token.tag_ in FINITE and token.is_lower)) or (
                token.ent_type_ == "DATE" and token.pos_ == "PROPN"):
            continue   # "In March, ..." is a month, not a march; a tensed verb in lower case is no name's part, whatever NER says
        entry = match_token(token, lex, index)
        if entry is not None:
            head = token.head
            container = head if (entry.pos == "noun" and token.dep_ == "compound"
                                 and lex.lemma(head) in lex.event_heads) else None
            found.append(Trigger(token, entry, container, _carrier(container or token, entry, lex)))
    return found


def _carrier(noun: Token, entry: Entry, lex: Lexicon) -> Token | None:
    """The passive light or answering verb a noun event is the subject of ("a sit-in was staged by X",
    "X's request was rejected by Y")."""
    if entry.pos != "noun" or noun.dep_ != "nsubjpass" or noun.head.pos_ != "VERB":
        return None
    verb = noun.head
    return verb if lex.lemma(verb) in lex.light_verbs or lex.lemma(verb) in lex.addressee_verbs else None


def wrapper_of(trigger: Trigger, lex: Lexicon) -> tuple[Token, Wrapper] | None:
    """The verb or noun whose complement the trigger heads ("refused to condemn" -> refused, REJECT)."""
    clause = trigger.clause
    if clause.i != trigger.phrase.i and lex.lemma(clause) not in lex.light_verbs:
        return None   # "reluctance to accept X's request": the request stands on its own
    if clause.dep_ not in ("xcomp", "ccomp", "acl", "pcomp") or clause.head.i == clause.i:
        return None
    head = clause.head
    if head.dep_ == "prep" and head.head.i != head.i:   # "ready for talks"
        head = head.head
    while lex.lemma(head) in lex.transparent and head.dep_ in ("xcomp", "ccomp") and head.head.i != head.i:
        head = head.head   # "prepared to resume shelling", "offered to help finance"
    wrappers = lex.wrappers.get(lex.lemma(head))
    if not wrappers:
        return None
    type_ = trigger.entry.type
    kind = "coop" if lex.is_coop(type_) else "conflict"
    for wrapper in wrappers:
        if wrapper.only is None or wrapper.only in (kind, type_.lower()):
            return head, wrapper
    return None
