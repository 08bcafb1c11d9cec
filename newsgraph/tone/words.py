"""Words attached to a mention: its modifiers and appositions, the noun it qualifies, the predicates it is the
subject or object of, and the acts read from them (giving aid, making a pact, backing, peacemaking)."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.model import Mention
from newsgraph.tone.acts import nominal_harm
from newsgraph.tone.peace import appeals_for_calm, convenes, stands_with
from newsgraph.tone.signals import _first_conjunct, _get, _hyphened, _Signal, _Target

VADER_WORD = 0.2       # weight of a VADER word (valence / 4) attached to a mention, against our own lexicon's 1.0
GIVES_AID = 0.3         # as the source of an AID event
MAKES_PACT = 0.3        # as the source of an AGREE event
BACKS = 0.2             # as the source of a SUPPORT event
CONVENES = 0.3          # hosting talks, bringing parties together: a go-between's part, as mediating is
CALMS = 0.2             # appealing for calm, restraint, dialogue
SUBJECT_DEPS = ("nsubj",)
OBJECT_DEPS = ("dobj", "nsubjpass", "obj")
MODIFIER_DEPS = ("amod", "appos", "compound", "acl", "nmod", "advmod")
# Nouns that stand for the actor that owns them: "X's government falsely claimed" is said of X.
PROXIES = ("government", "regime", "administration", "leadership", "leader", "president", "junta", "army",
           "military", "forces", "campaign", "party", "ministry", "authorities", "officials", "spokesman",
           "spokeswoman", "spokesperson")
TITLES = ("president", "minister", "premier", "chancellor", "king", "queen", "emir", "leader", "chairman",
          "chairwoman", "secretary", "governor", "ambassador", "envoy", "commander", "general", "head", "chief")
MODALS = ("will", "would", "could", "might", "may", "should", "can", "to")
POSSIBLE = ("could", "might", "may", "should", "can")
RELATIVES = ("who", "which", "that")
AS_IF = -0.3            # 'X spoke as if ...', 'presided as if it had been his idea': the writer's disbelief
UNNAMED = 0.5           # a reproach in words ('accused', 'criticised') by no one the article names


class Words:
    """What the words around each mention say of its target (mixed into ToneScorer: needs lex, peace, vader)."""

    def _word(self, token: Token, table: dict[str, float], vader: bool = True) -> float:
        """Our weight for a word, else VADER's valence at a lower weight (adjectives, verbs, adverbs: its nouns,
        "party", "hero", say more about the topic than about the one they are attached to)."""
        for form in (_hyphened(token), token.lower_, token.lemma_.lower()):
            if form in table:
                return table[form]
        if vader and token.pos_ in ("ADJ", "VERB", "ADV"):
            valence = self.vader.lexicon.get(token.lower_)
            if valence is not None:
                return VADER_WORD * valence / 4
        return 0.0

    def _attached(self, doc: Doc, m: Mention, target: _Target, tokmap: dict[int, str]) -> None:
        span = doc[m.tok_start:m.tok_end]
        if not len(span):
            return
        head = span.root
        inside = range(m.tok_start, m.tok_end)
        add = target.signals.append
        for tok in span:  # "the brutal regime", when the words are inside the mention itself
            if tok.i != head.i and (w := _get(self.lex.loaded, tok)):
                add(_Signal(w, m.sent, f"modifier '{tok.text}'"))
        if head.pos_ == "NOUN" and (w := _get(self.lex.loaded, head)):   # named by a loaded word: "the junta said"
            add(_Signal(w, m.sent, f"called '{head.text}'", head.idx))
        for child in head.children:
            if child.i in inside or child.dep_ not in MODIFIER_DEPS:
                continue
            for tok in ([child] + [c for c in child.children if c.dep_ in ("amod", "compound")]
                        if child.dep_ == "appos" else [child]):
                if (w := self._word(tok, self.lex.loaded)):
                    add(_Signal(w, m.sent, f"{'apposition' if child.dep_ == 'appos' else 'modifier'} '{tok.text}'"))
        for child in head.children:   # "X, in an impulsive move, said": how X acts, on the mention itself
            if child.dep_ == "prep" and child.lower_ == "in" and child.i not in inside:
                for tok in [c for c in child.subtree if c.dep_ in ("amod", "pobj")]:
                    if (w := self.lex.framing.get(tok.lower_)):
                        add(_Signal(w, m.sent, f"'in ... {tok.text}'"))
                        break
        described = None
        if head.dep_ in ("compound", "poss") or head.dep_ == "amod" and head.head.pos_ == "NOUN":
            described = head.head   # "the X regime", "X's brutal crackdown", "Russian meddling"
        elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "PROPN"):
            # "the regime of X"; "President of the Republic X" as the parser often reads a title before a name
            described = head.head.head
        elif head.dep_ == "appos":  # "a disgraced aide, X"
            described = head.head
        if head.dep_ in ("poss", "amod") and described is not None and described.lemma_.lower() not in PROXIES:
            # "X's embattled government" describes X; "X's brutal crackdown", "X's failures" frame its acts
            for tok in [described] + [c for c in described.children if c.dep_ == "amod"]:
                if (w := _get(self.lex.framing, tok) or (_get(self.lex.loaded, tok) if tok.i != described.i else 0)):
                    add(_Signal(w, m.sent, f"its '{tok.text}'"))
                    break
            if described.dep_ == "pobj" and (w := self.lex.against.get(described.head.head.lemma_.lower())) and (
                    described.head.lower_ == "against"):   # "protests against X's austerity plan"
                add(_Signal(w, m.sent, f"'{described.head.head.text} against' its {described.text}",
                            described.head.head.idx, None, True))
            if described.dep_ == "nsubj" and (earned := self._earned(described.head)):   # "X's handling won praise"
                add(_Signal(earned[0], m.sent, f"its {described.text} {earned[1]}"))
            self._act_of(described, m, target, tokmap)   # "X's remarks mocked Y", "X's move was reckless"
            described = None
        if head.dep_ == "pobj" and head.head.lower_ == "against" and (
                w := self.lex.against.get(head.head.head.lemma_.lower())):   # "the allegations against X"
            add(_Signal(w, m.sent, f"'{head.head.head.text} against'", head.head.head.idx, None, True))
        nominal_harm(head, m, target, tokmap, self.lex.harms)   # "X's offensive", "attacks by X"
        by = head.head if head.dep_ == "appos" else head   # "the posts by X", "the posts by deputy minister X"
        if by.dep_ == "pobj" and by.head.lower_ == "by" and by.head.head.pos_ == "NOUN":
            self._act_of(by.head.head, m, target, tokmap)
        if described is not None and described.i not in inside:
            for tok in [described] + [c for c in described.children if c.dep_ == "amod"]:
                if (w := _get(self.lex.loaded, tok)):
                    add(_Signal(w, m.sent, f"described as '{_hyphened(tok)}'"))
            if described.lemma_.lower() in PROXIES or target.kind == "person" and described.lower_ in TITLES:
                self._predicate(described, m, target, tokmap)   # what "X's government", "President X" does, X does
        self._predicate(head, m, target, tokmap)

    def _act_of(self, act: Token, m: Mention, target: _Target, tokmap: dict[int, str]) -> None:
        """The predicates of the target's act ('X's remarks were reckless', 'critics condemned X's decision') are the
        target's own, the blame only: praise of one's words is often one's own camp's (as in quotes, score.py)."""
        if act.lemma_.lower() not in self.lex.acts and act.lower_ not in self.lex.acts:
            return
        first = len(target.signals)
        self._predicate(act, m, target, tokmap)
        for c in act.children:   # "X's decision, a spiteful answer": what the act is called
            if c.dep_ == "appos":
                for tok in [c] + [g for g in c.children if g.dep_ == "amod"]:
                    if (w := _get(self.lex.framing, tok) or self._word(tok, self.lex.loaded)):
                        target.signals.append(_Signal(w, m.sent, f"its {act.text}, '{tok.text}'", tok.idx))
        target.signals[first:] = [s for s in target.signals[first:] if s.weight < 0]

    @staticmethod
    def _doer(verb: Token, head: Token, tokmap: dict[int, str]) -> str | None:
        """Who did the predicate to the target: the subject of 'critics slammed X', the agent of 'X was
        condemned by Y' (a proxy noun, "Y's government", stands for Y)."""
        for c in verb.children:
            if c.dep_ == "nsubj" and head.dep_ != "nsubjpass":
                doer = c
            elif c.dep_ == "agent":
                doer = next((g for g in c.children if g.dep_ == "pobj"), None)
            else:
                doer = None
            if doer is None:
                continue
            if doer.i in tokmap:
                return tokmap[doer.i]
            owner = next((g for g in doer.children if g.dep_ in ("poss", "compound") and g.i in tokmap), None)
            if owner is not None and doer.lemma_.lower() in PROXIES:
                return tokmap[owner.i]
        return None

    def _relative(self, head: Token, m: Mention, target: _Target, tokmap: dict[int, str]) -> None:
        """"X, who refused ...", "X, which was indicted": the relative pronoun stands for X."""
        for clause in head.children:
            if clause.dep_ == "relcl" and clause.pos_ in ("VERB", "AUX"):
                pron = next((c for c in clause.children if c.lower_ in RELATIVES
                             and c.dep_ in SUBJECT_DEPS + OBJECT_DEPS), None)
                if pron is not None:   # background, often: only our own lexicon's words, not VADER's
                    self._verb(clause, pron, m, target, tokmap, vader=False)

    def _predicate(self, head: Token, m: Mention, target: _Target, tokmap: dict[int, str]) -> None:
        head = _first_conjunct(head)   # "X and Y signed": Y is a subject of 'signed' too
        verb = head.head
        # the doer written as a passive's agent or before a hyphen: 'talks mediated by X', 'the X-brokered deal'
        doer = head.dep_ == "pobj" and verb.dep_ == "agent" and verb.head.pos_ == "VERB"
        if doer:
            verb = verb.head
        elif head.dep_ == "npadvmod" and verb.tag_ == "VBN" and verb.i == head.i + 2 and head.nbor().text == "-":
            doer = True
        if verb.pos_ == "ADJ" and head.dep_ in SUBJECT_DEPS and verb.dep_ in ("ccomp", "oprd", "xcomp") and (
                w := _get(self.lex.loaded, verb)):   # "the court found X guilty": a small clause says X is
            target.signals.append(_Signal(w, m.sent, f"'found {verb.text}'", verb.idx))
        if verb.i == head.i or verb.pos_ not in ("VERB", "AUX"):
            self._relative(head, m, target, tokmap)
            return
        self._verb(verb, head, m, target, tokmap, subject=True if doer else None)
        self._relative(head, m, target, tokmap)
        if doer:
            return
        if head.dep_ in SUBJECT_DEPS:   # "X arrived and signed", "X pledged to send": X does these too
            controls = not any(c.dep_ in ("dobj", "obj") for c in verb.children)   # not "asked Y to lie"
            for other in verb.children:
                if (other.dep_ == "conj" or other.dep_ == "xcomp" and controls) and other.pos_ == "VERB" and not any(
                        c.dep_ in ("nsubj", "nsubjpass") for c in other.children):
                    self._verb(other, head, m, target, tokmap)
            if verb.lemma_.lower() in self.lex.say:
                for other in _said_too(verb):
                    self._verb(other, head, m, target, tokmap)

    def _verb(self, verb: Token, head: Token, m: Mention, target: _Target, tokmap: dict[int, str],
              vader: bool = True, subject: bool | None = None) -> None:
        if any(c.dep_ == "neg" for c in verb.children):
            return  # "did not censure X" says little about X either way
        # "vowed to impeach X", "could indict X": a predicate only intended or possible counts half
        sign = 0.5 if verb.dep_ == "xcomp" or any(
            c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children) else 1.0
        add = target.signals.append
        if subject is None:
            subject = head.dep_ in SUBJECT_DEPS
        if subject:
            if (w := self._word(verb, self.lex.subject, vader)) and not (w < 0 and _rebuts(verb)):
                add(_Signal(sign * w, m.sent, f"subject of '{verb.text}'", verb.idx,
                            reproach=verb.lemma_.lower() in self.lex.reproach))
            # "X signed a historic accord", "X presided over a fiasco", "in a rash move"; what X says or calls
            # something ("called the release reckless", "said it was aggression") is X's words of another's act
            for obj in () if verb.lemma_.lower() in self.lex.say else verb.children:
                if obj.dep_ in ("dobj", "obj", "attr") or obj.dep_ == "prep" and obj.lower_ in ("over", "in"):
                    for tok in obj.subtree:
                        if (tok.i == obj.i or tok.dep_ in ("amod", "pobj")) and (
                                w := self.lex.framing.get(tok.lower_)) and not any(   # not "Y's failure", "Russian
                                g.dep_ == "poss" or tokmap.get(g.i, target.key) != target.key   # meddling"
                                for g in tok.children):
                            add(_Signal(sign * w, m.sent, f"'{verb.text} ... {tok.text}'"))
                            break
            if (earned := self._earned(verb)):   # "X earned respect", "X drew condemnation"
                add(_Signal(sign * earned[0], m.sent, earned[1], verb.idx))
            if (pretends := _as_if(verb)) is not None:
                add(_Signal(sign * AS_IF, m.sent, f"'{verb.text} as if'", pretends.idx))
            for c in verb.children:   # "X met Y, drawing a rebuke": what the act earns, X earns
                if c.dep_ == "advcl" and c.tag_ == "VBG" and not any(g.dep_ in SUBJECT_DEPS for g in c.children) and (
                        earned := self._earned(c)):
                    add(_Signal(sign * earned[0], m.sent, earned[1], c.idx))
            if (pact := self._object_in(verb, self.lex.settle, self.lex.pact)) is not None:
                add(_Signal(sign * MAKES_PACT, m.sent, f"makes a pact ('{verb.text} {pact.text}')", verb.idx))
            if (backed := self._object_in(verb, self.lex.back, self.lex.backing)) is not None and any(
                    tokmap.get(t.i, target.key) != target.key for t in backed.subtree):
                # backing another party ("support for the Syrian people"), not a policy ("support for a bill")
                add(_Signal(sign * BACKS, m.sent, f"backs ('{verb.text} {backed.text}')", verb.idx))
            self._peacemaking(verb, sign, m, target, tokmap)
            if (given := self._object_in(verb, self.lex.give, self.lex.aid)) is not None:
                # "will send aid", "pledged to send aid": a pledge is itself an act of help; "could send" is not
                pledge = 0.5 if any(c.dep_ == "aux" and c.lower_ in POSSIBLE for c in verb.children) else 1.0
                add(_Signal(pledge * GIVES_AID, m.sent, f"gives aid ('{verb.text} {given.text}')", verb.idx))
            for c in verb.children:
                if c.dep_ == "advmod" and (w := self.lex.subject.get(c.lower_)):
                    add(_Signal(sign * w, m.sent, f"'{c.text} {verb.text}'"))
                elif c.dep_ in ("acomp", "attr") and (w := self._word(c, self.lex.loaded)):
                    add(_Signal(sign * w, m.sent, f"'is {c.text}'"))
        elif head.dep_ in OBJECT_DEPS:
            if head.dep_ == "nsubjpass" and verb.lemma_.lower() in self.lex.feel:
                return   # "X was shocked by the killings": X feels, nothing is done to X
            if (w := self._word(verb, self.lex.object, vader)) and (
                    head.dep_ == "nsubjpass" or verb.lemma_.lower() not in self.lex.passive_only):
                doer = self._doer(verb, head, tokmap)
                if w < 0 and doer is None and verb.lemma_.lower() in self.lex.reproach:
                    w *= UNNAMED   # 'critics accuse him', 'protesters accusing X': words of no one the article names
                add(_Signal(sign * w, m.sent, f"object of '{verb.text}'", verb.idx, doer, w < 0))
            for c in verb.children:   # "X was found guilty", "X was declared unfit": what X is found to be
                if c.dep_ in ("oprd", "acomp") and (w := _get(self.lex.loaded, c)):
                    add(_Signal(sign * w, m.sent, f"'{verb.text} {c.text}'", c.idx, self._doer(verb, head, tokmap),
                                w < 0))

    def _peacemaking(self, verb: Token, sign: float, m: Mention, target: _Target, tokmap: dict[int, str]) -> None:
        """The subject of `verb` convenes talks, appeals for calm or stands with another (see tone/peace.py)."""
        add = target.signals.append
        if (met := convenes(verb, self.peace)) is not None:
            add(_Signal(sign * CONVENES, m.sent, f"convenes ('{verb.text} {met.text}')", verb.idx))
        if (calm := appeals_for_calm(verb, self.peace)) is not None:
            add(_Signal(sign * CALMS, m.sent, f"appeals for calm ('{verb.text} ... {calm.text}')", verb.idx))
        if (ally := stands_with(verb, self.peace)) is not None and any(
                tokmap.get(t.i, target.key) != target.key for t in ally.subtree):
            add(_Signal(sign * BACKS, m.sent, f"stands with ('{verb.text} ... {ally.text}')", verb.idx))

    def _earned(self, verb: Token) -> tuple[float, str] | None:
        """What the subject of `verb` earns: 'won praise', 'deserves credit', 'drew condemnation'."""
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in self.lex.earn:
            return None
        for obj in verb.children:
            if obj.dep_ in ("dobj", "obj") and (w := self.lex.earns.get(obj.lemma_.lower(), self.lex.earns.get(
                    obj.lower_))):
                return w, f"'{verb.text} {obj.text}'"
        return None

    @staticmethod
    def _object_in(verb: Token, verbs: frozenset[str], nouns: frozenset[str]) -> Token | None:
        """The object of one of `verbs` that is (or is qualified by) one of `nouns`: 'sent a rescue team', 'pledged
        funding', 'flew in supplies', 'signed the border treaty'."""
        if verb.lemma_.lower() not in verbs:
            return None
        for obj in verb.children:
            if obj.dep_ in ("dobj", "obj") or (obj.dep_ == "prep" and obj.lower_ in ("with", "in")):
                objs = [obj] if obj.dep_ != "prep" else [g for g in obj.children if g.dep_ == "pobj"]
                for tok in objs + [c for o in objs for c in o.children if c.dep_ == "conj"]:
                    words = [tok] + [c for c in tok.subtree if c.i < tok.i and c.dep_ in ("compound", "amod", "nmod")]
                    words += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
                    if any(w.lemma_.lower() in nouns or w.lower_ in nouns for w in words):
                        return tok
        return None


REBUT = ("reject", "deny", "dismiss", "refute", "rebuff", "contest", "dispute")
CHARGES = ("accusation", "allegation", "charge", "criticism", "characterisation", "characterization")
# words that are a charge only when they carry no claim to something: "rejected the claim that it had armed X" is a
# defence, "rejected Vietnam's claim to the islands" a refusal
STATEMENTS = ("claim", "assertion", "assessment", "suggestion", "objection", "report", "remark", "remarks")


def _rebuts(verb: Token) -> bool:
    """'X rejected the accusation', 'denied the allegations': answering a charge is a defence, not a refusal."""
    return verb.lemma_.lower() in REBUT and any(c.dep_ in ("dobj", "obj") and _charge(c) for c in verb.children)


def _charge(noun: Token) -> bool:
    word = noun.lemma_.lower()
    if word in CHARGES:
        return True
    return (word in STATEMENTS or noun.lower_ in STATEMENTS) and not any(
        c.dep_ == "prep" and c.lower_ in ("to", "over", "on", "for") for c in noun.children)


def _as_if(verb: Token) -> Token | None:
    """A clause that says how the subject acts by what is not so: 'spoke as if the troops were a fact of nature'."""
    for c in verb.children:
        if c.dep_ == "advcl":
            marks = [g.lower_ for g in c.children if g.dep_ == "mark"]
            if marks[:2] in (["as", "if"], ["as", "though"]):
                return c
    return None


def _said_too(verb: Token) -> list[Token]:
    """Verbs the parser hangs on what `verb` (of saying) reports, but in the speaker's own past tense, with no
    subject of their own: 'X said the raids had been lawful and rejected any suggestion ...', 'X said the sanctions
    would hurt Europe and accused Brussels of ...' (the reported verb is in its own tense: 'had been', 'would')."""
    out = []
    for clause in verb.children:
        if clause.dep_ != "ccomp" or not any(c.dep_ in ("aux", "auxpass") for c in clause.children):
            continue
        out += [c for c in clause.children if c.dep_ == "conj" and c.tag_ == verb.tag_ == "VBD" and not any(
            g.dep_ in ("nsubj", "nsubjpass", "aux") for g in c.children)]
    return out

