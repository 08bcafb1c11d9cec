"""The words of stance facts: what quoted or reported words say about the actors they name, and the alignment
phrases between two actor mentions ("X, a close ally of Y"). Plain text and offsets only (no spaCy, no store).

Reported speech is read clause by clause: in "the ministry said the raid was a 'blatant violation' and urged
Israel to halt, while the OIC issued its own condemnation" the violation is Israel's, the condemnation the OIC's
clause (not the speaker's word about it); an actor is given the sign of the stance words of its own clause, the
nearest one when the clause holds both kinds ("was a violation ... and expressed its solidarity with Mexico");
a clause of the frame after "while" is another subject's and says nothing of the speaker.
"""
from __future__ import annotations

import functools
import re

# bare "back" only as a verb ("we back", "to back"), not "come back"
_SUPPORT = re.compile(r"\b(?:support\w*|back(?:s|ed|ing)|(?<=we )back|(?<=will )back|(?<=to )back|(?<=fully )back|"
                      r"stand(?:s|ing)? (?:with|by|behind)|stood (?:with|by|behind)|"
                      r"solidarity|welcom\w*|appreciat\w*|thank\w*|ally|allies|friend\w*|brother\w*|partner\w*|"
                      r"endors\w*|prais\w*|commend\w*|applaud\w*|co-?operat\w*|coordinat(?:e|es|ed|ing|ion)|"
                      r"good[- ]neighbo\w*)\b", re.I)
_CONDEMN = re.compile(r"\b(?:condemn\w*|denounc\w*|reject\w*|accus\w*|blam\w*|aggress\w*|illegal\w*|occupation|"
                      r"occupied|violat\w*|terror\w*|threat\w*|warn\w*|hostil\w*|provocat\w*|interfer\w*|"
                      r"oppos\w*|criticis\w*|criticiz\w*|deplor\w*|protest\w*|pressur\w*|reservations|manipulat\w*|"
                      r"politici[sz](?:e|es|ed|ing|ation)|double standards?|occup(?:y|ies|ying)|sanction\w*)\b", re.I)
_ADJ = r"(?:(?:close|closest|key|staunch|staunchest|long-?time|longstanding|old|oldest|strategic|firm|trusted|major|" \
       r"main|strong|steadfast|traditional|natural|historic|bitter|arch|sworn|regional|chief|fierce)[- ]?\s*)*"
_ALLY = r"(?:ally|allies|partner|partners|friend|friends|backer|backers|supporter|supporters|patron|protector)"
_RIVAL = r"(?:rival|rivals|foe|foes|enemy|enemies|adversary|adversaries|nemesis|arch-?rival|opponent|opponents)"
# between mention A (before) and mention B (after): "A, a close ally of B" -> A toward B
_A_OF_B = re.compile(rf"^\s*,?\s*(?:(?:is|was|are|were|remains?|as)\s+)?(?:an?|the|its|their|his|her)\s+{_ADJ}"
                     rf"(?P<kind>{_ALLY}|{_RIVAL})\s+(?:of|to)\s+(?:the\s+)?$", re.I)
# "B's close ally A", "B ally A", "B and its ally A" -> A toward B
_B_S_A = re.compile(rf"^(?:\s*['’]s?\s+|\s+and\s+(?:its|their|his|her)\s+|\s+){_ADJ}(?P<kind>{_ALLY}|{_RIVAL})"
                    rf"\s*,?\s*$", re.I)
_OWN = re.compile(r"['’]s?\s+(?:\w+\s+)?\w", re.I)   # a possessive before a stance word: "X's (firm) support"
# a negation right before a stance word ("no longer welcome", "does not support", "instead of cooperating",
# "suspended its cooperation"); not one a verb away ("will not accept interference" still condemns it)
_NEGATED = re.compile(r"(?:\b(?:not|never|no longer|n't|no|without|instead of|rather than)\s+(?:be\s+|been\s+)?|"
                      r"\b(?:refus\w*|fail\w*) to\s+|\b(?:suspend\w*|halt\w*|end(?:s|ed|ing)?|cut(?:s|ting)?)\s+"
                      r"(?:(?:its|their|all|our|his|her|the)\s+)(?:\w+\s+)?|\b(?:suspend\w*|halt\w*)\s+)$", re.I)
FRAME_REACH = 100   # characters: how far a stance word reaches a mention in the reporter's frame
# "A stands with (the people of) B", "A sided with B", "A expressed its full solidarity with B", "A's jets flew
# alongside B's": A toward B, words an event reading may leave (a partial quote, a noun of solidarity)
_PEOPLE = r"(?:the\s+)?(?:(?:people|government|peoples?\s+and\s+(?:the\s+)?government)\s+of\s+)?(?:the\s+)?"
_A_SIDES_B = re.compile(
    rf"^(?:['’]s?)?\s+(?:(?!(?:and|or|but|that|which|who|said|says|while|after|as)\b)[\w-]+\s+){{0,3}}?[\"“']?\s*"
    rf"(?:(?:has|have|had|will|would|also|firmly|fully|continues to|continued to)\s+)*"
    rf"(?:(?:stands?|stood|standing)\s+(?:firmly\s+|fully\s+|squarely\s+|shoulder to shoulder\s+)?(?:with|by|behind)"
    rf"|sid(?:ed|es|ing) with|(?:is|are|was|were|stands?|stood)?\s*in solidarity with"
    rf"|(?:express|voic|reaffirm|reiterat|declar|pledg|offer)\w*\s+(?:its|their|his|her|our)?\s*"
    rf"(?:full|firm|strong|unwavering|continued|total)?\s*(?:support|solidarity)\s+(?:for|with|to)"
    rf"|(?:fought|fight(?:s|ing)?|serv\w+|flew|fly(?:ing)?|patroll?\w*|train\w*|took part|taking part|operat\w+)"
    rf"(?:\s+\S+){{0,4}}?\s+alongside)\s+{_PEOPLE}$", re.I)
_IS_RIVAL = re.compile(_RIVAL, re.I)
_WORD = re.compile(r"[a-z]+", re.I)
# where one reported clause ends and another begins; after "while", "whereas" or "although" the reporter's frame
# turns to another subject ("..., while the OIC issued its own condemnation")
_CLAUSE_END = re.compile(r";|\s[–—-]\s|,\s*(?P<other>while|whereas|although|though)\b|\bbut\b|\band that\b|"
                         r",\s*and\b|\band\s+(?=(?:thank|express|accus|condemn|welcom|prais|warn|add|stress|"
                         r"reaffirm|criticis|criticiz|reject|denounc)\w*\b)", re.I)


@functools.cache
def _strongly_negative() -> frozenset[str]:
    """VADER's words of valence -2 or below ("unacceptable", "betrayal", "regrettable"): a statement that calls
    a step so condemns it, in words no list of condemning verbs holds."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    return frozenset(w for w, v in SentimentIntensityAnalyzer().lexicon.items() if v <= -2.0 and w.isalpha())


def quote_polarity(text: str) -> float:
    """+1 when the quoted words support, -1 when they condemn, 0 when they say neither or both equally."""
    pos, neg = len(_SUPPORT.findall(text)), len(_CONDEMN.findall(text))
    negative = _strongly_negative()
    neg += sum(1 for w in _WORD.findall(text.lower()) if w in negative and not _CONDEMN.fullmatch(w))
    return 0.0 if pos == neg else (1.0 if pos > neg else -1.0)


def phrase_between(between: str, reverse: bool) -> float:
    """The sign an alignment phrase gives, for text between two mentions; `reverse` for "B's ally A"."""
    if not reverse and _A_SIDES_B.match(between):
        return 1.0
    match = (_B_S_A if reverse else _A_OF_B).match(between)
    if not match:
        return 0.0
    return -1.0 if _IS_RIVAL.fullmatch(match["kind"]) else 1.0


def stance_words(text: str, quoted: tuple[int, int]) -> list[tuple[int, float]]:
    """(offset, sign) of every stance word of a sentence, turned the other way after a negation ("no longer
    welcome", "does not support"). VADER's strongly negative words count only inside the quoted or reported
    words (`quoted`, offsets in `text`): in the reporter's frame "killed" or "crisis" tells what happened, not
    what the speaker thinks of whom."""
    words = [(m.start(), 1.0) for m in _SUPPORT.finditer(text)] + [(m.start(), -1.0) for m in _CONDEMN.finditer(text)]
    negative = _strongly_negative()
    for m in _WORD.finditer(text, quoted[0], quoted[1]):
        if m[0].lower() in negative and not _CONDEMN.fullmatch(m[0]):
            words.append((m.start(), -1.0))
    # a negated support word condemns ("no longer welcome"); a negated condemning one says nothing ("freedom of
    # expression, not interference" is no praise)
    out = []
    for at, sign in words:
        if not _NEGATED.search(text, max(0, at - 40), at):
            out.append((at, sign))
        elif sign > 0:
            out.append((at, -sign))
    return sorted(out)


def clause_signs(text: str, quoted: tuple[int, int], spots: list[tuple[int, int]], frame: int = 0) -> list[float]:
    """The sign the stance words of its clause give each actor mention (`spots`: offsets in `text`): the one
    sign of the clause, or that of the nearest stance word when the clause holds both; 0 when it holds none.

    A mention inside the quoted words takes the quoted words only. A mention in the frame, outside them, takes
    the quoted words of its clause and the frame's words before it, near it, from `frame` (where the speaker's
    frame begins) on: the speaker's verb governs what follows ("urged Israel", "expressed solidarity with
    Mexico"), while a frame word after it is often the actor's own ("Pyongyang's support of the war")."""
    ends = list(_CLAUSE_END.finditer(text))
    bounds = [0] + [m.end() for m in ends] + [len(text) + 1]
    other = {m.end() for m in ends if m["other"]}
    words = stance_words(text, quoted)
    signs = []
    for start, end in spots:
        lo = max(b for b in bounds if b <= start)
        hi = min(b for b in bounds if b > start)
        framed = not quoted[0] <= start < quoted[1]
        if lo in other and framed:
            signs.append(0.0)
            continue
        near = []
        for at, sign in words:
            if not lo <= at < hi or start <= at < end:
                continue
            gap = start - at if at < start else at - end
            if sign > 0 and _OWN.fullmatch(text, end, at + 1):
                continue   # "Pyongyang's support of the war": its own stance, not one toward it
            inside = quoted[0] <= at < quoted[1]
            if not framed and not inside:
                continue   # a quoted mention: the quoted words only
            if framed and (gap > FRAME_REACH or at > start and not inside or at < frame and not inside):
                continue
            if framed and at > start and any(end <= o < at for o, _ in spots):
                continue   # "asked the UN to 'stop Thailand's aggression'": the nearer actor's word
            near.append((gap, sign))
        kinds = {sign for _, sign in near}
        if len(kinds) == 1:
            signs.append(kinds.pop())
        elif near:
            near.sort()
            signs.append(0.0 if near[0][0] == near[1][0] and near[0][1] != near[1][1] else near[0][1])
        else:
            signs.append(0.0)
    return signs
